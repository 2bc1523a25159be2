"""Label a unit: its part (refined from where it stood by what it says), its move within
the part (../shared/spec/phrasebank.md), and its topic.

The rule for topics: the unit is cut into words with jieba (the taxonomy's keywords in
``data/topics.yaml`` added to jieba's dictionary so that 规范性文件 or 行政复议 stay one word); each topic scores the
summed length of its keywords found among the words; the highest score wins, the earlier
topic on a tie, and a unit with no keyword is ``general``. The topics are the ten areas of
《法治政府建设实施纲要（2021—2025年）》. A unit is read as slotted, except one with a
document title in a slot: it is read as found (unit_topic), since the title's words are
often its only signal (出台《…行政规范性文件管理办法》).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from draftkit import slots
from draftkit.punctuation import CLAUSE_END, PIECE_END
from draftkit.mining.topicmodel import decide, rule, shipped
from draftkit.reading.lexicon import segment, topic_context, topics

# (move, rule) per part in the order they are tried; the last move of a part is its default
# (its rule is empty and matches anything). Headings are not matched: see move_of.
MOVES: dict[str, list[tuple[str, str]]] = {
    "opening": [("formula", r"报告如下|现将"), ("guiding", r"坚持以.{2,40}为|贯彻|指引|指导"), ("overall", r"")],
    "measures": [
        ("recognition", r"被.{0,24}(评为|命名|确定为|授予|列为|报道|推广|转发|采用)|荣获|获评|获批|入选|刊发|报道|表彰|"
                        r"表扬|肯定"),
        ("innovation", r"率先|首创|首个|首家|试点|新模式|探索"),
        ("result", r"\{(n|pct|figure)\d*\}|率|达到|共计|累计|同比"),
        ("measure", r""),
    ],
    "shortcomings": [
        ("cause", r"原因|由于|因为|主观|客观|认识不|重视.{0,4}不够|力量不足|经费|编制|能力不|意识不强|不到位|欠缺|匮乏"),
        ("admission", r"存在.{0,12}(不足|问题|短板|差距)|虽.{0,8}取得|还有.{0,6}差距"),
        ("problem", r""),
    ],
    "leadership": [
        ("court", r"出庭|应诉"),
        ("report", r"听取.{0,16}(汇报|报告)"),
        ("study", r"学法|学习|讲法治课|中心组|专题讲座|培训"),
        ("deploy", r"专题研究|部署|常务会议|批示|主持召开|审议"),
        ("assess", r"述法|考核|考评|评议"),
        ("supervise", r"督察|督办|督促|督导|约谈|检查"),
        ("duty", r"召开|主持|研究|谋划|推动|协调|"),
    ],
    "plan": [
        ("approach", r"^\{next_year\}年|^下一步|将.{0,6}(坚持|高举|以|深入贯彻)|总体|指导思想|紧紧围绕"),
        ("safeguard", r"保障|经费|考核|督查|问责|奖惩|追究|责任制"),
        ("task", r""),
    ],
    "closing": [("formula", r"特此报告"), ("outlook", r"")],
    "other": [("other", r"")],
}
_MOVES = {part: [(move, re.compile(rule)) for move, rule in rules] for part, rules in MOVES.items()}

_LEADER = re.compile(r"第一责任人|主要负责(人|同志)|主要领导|党政.{0,4}负责人|常务会议.{0,12}研究|述法|"
                     r"带头(尊法|学法|讲|旁听|出庭|述)|中心组.{0,8}学|关键少数|领导干部|加强领导|一把手|"
                     r"(市|县|区)(委|政府)领导|书记")
_OPENING = re.compile(r"报告如下")


def refine_part(part: str, text: str) -> str:
    """Where a unit stood, corrected by what it does (the leaders' duty described inside
    part one; the 报告如下 formula; measures written in an opening)."""
    if _OPENING.search(text):
        return "opening"
    if part in ("measures", "opening", "other") and _LEADER.search(text):
        return "leadership"
    return part


def move_of(part: str, text: str, kind: str) -> str:
    rules = _MOVES.get(part, _MOVES["other"])
    if kind == "heading":  # a （一） heading opens a block: of measures, else the part's default move
        return "block_opening" if part == "measures" else rules[-1][0]
    return next((move for move, rule in rules if rule.search(text)), rules[-1][0])


# Formulas that name no area of work, read as a comma: the reporting formula (根据《……督察工作规定》
# 要求，现将我县{year}年度法治政府建设情况报告如下; 现就……报告如下, ……公示如下, 具体情况报告如下), the
# guiding formula ((坚持)以习近平法治思想为指导/指引/引领), the higher levels' decisions carried out
# (认真贯彻落实中央全面依法治国决策部署、省委全面依法治省……工作要求) and a ranking's frame (在……考评中
# 获得第一, 在……考核中，……跃居全省第一: the result, not the 考核 work).
_REPORT_FORMULA = re.compile("|".join([
    f"(?:(?:根据|按照|依据)[^{PIECE_END}]{{0,120}}?(?:规定|要求|部署|精神)[^{CLAUSE_END}]{{0,8}}，?)?"
    f"现[将就][^{CLAUSE_END}]{{0,40}}?(?:报告|公示|汇报)(?:公开)?如下",
    "具体情况(?:报告)?如下",
    "(?:坚持)?以习近平(?:新时代中国特色社会主义思想|法治思想)为(?:指导|指引|引领|根本遵循)",
    "贯彻落实[^。；]{0,12}全面依法治国[^。；，]{0,50}(?:部署|要求)",
    "在[^，。；]{0,30}(?:考核|考评|评估|测评)(?:工作)?中(?=，?[^，。；]{0,12}(?:获|排名|位居|跃居|蝉联|名列|居))",
]))


@functools.lru_cache(maxsize=1)
def _own_level() -> dict[str, str]:
    """The issuer's own-level slots read as a county's words, each closing a word (依法治{本级}
    → 依法治县，) so that a keyword naming a level still counts and no new word forms with what
    follows ({本级}政协 → 县，政协, not 县政协)."""
    from draftkit import issuers

    return {k: v + "，" for k, v in issuers.values("某县人民政府", "县", "某县").items()}


def topic_features(text: str) -> tuple[tuple[str, ...], dict[str, int]]:
    """A unit's words as the topic rule reads them, and each topic's keyword score."""
    text = slots.substitute(_REPORT_FORMULA.sub("，", text), _own_level().get)
    text = slots.blank(text, "，")
    words = segment(re.compile(r"（[^（）]{1,3}）").sub("", text))  # 村（居）法律顾问 → 村法律顾问
    scores = {key: sum(weights[w] for w in words if w in weights) for key, weights in topics()}  # each occurrence counts
    return tuple(w for w in words if len(w) > 1 and not w.isdigit()), scores


def heading_topic(scores: Mapping[str, int], min_score: int, min_lead: int) -> str:
    """The area a heading's keyword scores name clearly ('' when none does: 主要举措和成效)."""
    top, lead = rule(scores, list(scores))
    return top if top != "general" and scores[top] >= min_score and lead >= min_lead else ""


@functools.lru_cache(maxsize=4096)
def _heading_scores(heading: str) -> dict[str, int]:
    return topic_features(heading)[1]


def in_context(scores: Mapping[str, int], headings: tuple[Mapping[str, int], ...], weight: int, min_score: int,
               min_lead: int, depth: int, below: int) -> dict[str, int]:
    """A unit's keyword scores with the area of the nearest of its headings (up to ``depth``
    of them) that names one clearly added as ``weight``, unless the sentence's own best score
    reaches ``below``: the heading decides where the sentence names no area or hesitates, the
    sentence where it clearly says another."""
    out = dict(scores)
    if max(scores.values(), default=0) >= below:
        return out
    for h in headings[:depth]:
        area = heading_topic(h, min_score, min_lead)
        if area:
            out[area] += weight
            break
    return out


def topic_of(text: str, headings: tuple[str, ...] = ()) -> str:
    """The keyword rule with the context of the unit's headings (data/topics.yaml
    ``context``), or the trained model (mining/topicmodel.py) where one is shipped."""
    words, scores = topic_features(text)
    if headings:
        scores = in_context(scores, tuple(_heading_scores(h) for h in headings), **topic_context())
    return decide(shipped(), words, scores)


def unit_topic(raw: str, text: str, slot_kinds: Mapping[str, str], headings: tuple[str, ...] = ()) -> str:
    """The topic of one unit: of its text as found when a document title was slotted (the
    title may be all that names the area: 认真贯彻《党政主要负责人履行推进法治建设第一责任人
    职责规定》), else of its slotted text (the same words but for figures, dates and the
    issuer's own names, and no second jieba pass per unit while mining); in the context of
    the headings it stands under."""
    return topic_of(raw if "title" in slot_kinds.values() else text, headings)
