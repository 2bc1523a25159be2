"""Substance: causes of the shortcomings, answered by the plan, figures in the measures, the leaders' part (A0xx)."""

from __future__ import annotations

import functools
import re

from draftkit.punctuation import PIECE_END, SENTENCE_END
from draftkit.reading.lexicon import topics
from draftkit.review.context import Ctx, lazy

MIN_FIGURES_PER_1000 = 3.0  # in the measures part
MIN_MEASURES_CHARS = 200  # a measures part shorter than this is not judged on its figures
MIN_MEASURES_CHARS_BROKEN = 400
MIN_LEADERSHIP_CHARS = 120
MIN_LEADERSHIP_SENTENCES = 3
_CJK = "\u4e00-\u9fff"


_CAUSE = lazy(r"原因|由于|因为|主观|客观|在于|导致|根源|究其|主要是|受.{0,10}(?:所限|限制|影响|制约)|与.{0,30}有关|"
                    r"因而|因此|所致|缘于|源于|造成")
# Where a cause starts inside a shortcoming: 执法文书差错较多，原因是培训不系统。
_CAUSE_START = lazy(r"[，；。]?(?:主要)?(?:原因|究其原因|这既与|由于|主要是|受)")
# A figure, or a blank for one in a draft (【待填：数字】): the draft will have it.
_FIGURE = lazy(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!年)|【待填[^】]*】")
_NAMED = lazy(r"《[^《》]{4,60}》")
_COMMON_BIGRAMS = set("法治 建设 政府 工作 进一 一步 推进 加强 完善 提升 全面 深化 持续 不断 开展 落实 机制 体系 水平 "
                      "能力 问题 部门 单位 有待 不够 存在 进行 我市 我县 我区 全市 全县 方面 相关 有效 切实 确保".split())


@functools.lru_cache(maxsize=1)
def _keywords() -> dict[str, str]:
    """Taxonomy keyword → topic, longest first (substring match: no jieba start-up)."""
    out = {}
    for key, words in topics():
        for w in words:
            if len(w) >= 2 and w not in ("法治政府", "法治政府建设", "法治建设", "责任", "学习"):
                out.setdefault(w, key)
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def _topics_and_words(text: str) -> tuple[set[str], set[str]]:
    found = {w for w in _keywords() if w in text}
    topics = {_keywords()[w] for w in found}
    return topics, found


def bigrams(text: str) -> set[str]:
    chars = re.compile(rf"[^{_CJK}]").sub(" ", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1) if " " not in chars[i:i + 2]} - _COMMON_BIGRAMS


# Not a shortcoming: a lead-in (…主要是：), a look-back at rectification (问题整改“回头看”), a
# concession before the problems (虽取得了一些成绩).
_NOT_A_PROBLEM = lazy(r"[：:]$|整改|回头看|虽.{0,8}取得|还存在.{0,8}(不足|差距|问题)[:：]?$|如下[：:]?$|主要(是|有|表现在)[：:]?$|"
                            r"以下几个方面|以下方面|一些问题需要|问题需要认真|还存在一定差距|存在一些(不足|问题|差距)$")
_TITLE_ONLY = lazy(r"^(?:存在的|主要)?(?:不足|问题|差距|短板|原因|原因分析)(?:和|与|及)?(?:原因|不足)?$")
# Who acts in the leaders' part: the leader, the leading group, the party committee.
_LEADER = lazy(r"主要负责人|主要负责同志|主要领导|第一责任人|书记|[省市县区镇乡旗]长|局长|厅长|主任|党组|党委|"
                     r"领导小组|委员会|常务会议|政府领导|领导班子|班子成员|负责同志|"
                     r"党工委|一把手")


def _problems(p) -> list[str]:
    items = p.items or [s for s in re.compile(f"(?<=[{SENTENCE_END}])").split(p.text) if len(s) >= 8]
    if p.heading and not _TITLE_ONLY.search(p.heading):
        items = [p.heading + "。" + (items[0] if items else "")] + items[1:]
    return [it.strip() for it in items if it.strip() and not _NOT_A_PROBLEM.search(it.strip().rstrip("。；"))]


_GENERIC = {"capacity", "grassroots", "supervision", "awareness"}


def _answered(problem: str, plan_items: list[str], plan_sets) -> bool:
    """By meaning: a plan item names an object of the problem's topic and a remedy verb (a
    shared generic topic — 基层, 队伍 — needs a shared word too); by words only where the
    vocabulary knows neither."""
    from draftkit.review.meaning import vocabulary

    v = vocabulary()
    topics = v.topics(problem)
    grams = bigrams(problem)
    for item in plan_items:
        shared = topics & v.topics(item)
        if shared and v.has_remedy(item) and (shared - _GENERIC or len(grams & bigrams(item)) >= 2):
            return True
    if topics:
        return False
    (ptopics, words) = _topics_and_words(problem)
    return any((words & pw) or (ptopics & pt and len(grams & pg) >= 2) or len(grams & pg) >= 3
               for (pt, pw), pg in plan_sets())


def check_substance(ctx: Ctx) -> None:
    short = list(ctx.body("shortcomings"))
    problems = [(p, it) for p in short for it in _problems(p)]
    if problems and not any(_CAUSE.search(p.text) or _CAUSE.search(p.heading) for p in short):
        ctx.add("A001", "warning", "不足部分只列问题，没有分析原因", problems[0][0].index,
                "每条不足后写明原因（主观、客观），如“主要是……认识不到位”")
    plan_items = []
    for p in ctx.body("plan"):
        plan_items.extend([p.heading] + (p.items or [p.text]))
    plan_items = [t for t in plan_items if t]
    # the taxonomy words of every plan item, worked out only if a problem needs them
    plan_sets = functools.lru_cache(maxsize=1)(lambda: [(_topics_and_words(t), bigrams(t)) for t in plan_items])
    reported: set[int] = set()
    for p, item in problems:
        if re.compile(r"(?:其|这)?(?:主要)?原因|究其原因|从.{1,4}看|由于").match(item):
            continue  # a cause, not a problem
        problem = _CAUSE_START.split(item, maxsplit=1)[0]
        if len(problem) < 6:
            continue
        if not _answered(problem, plan_items, plan_sets) and p.index not in reported:
            reported.add(p.index)
            ctx.add("A002", "warning", f"这条不足在下一年度安排中没有对应的措施：“{problem[:24]}…”", p.index,
                    "在主要安排中写一条针对这个问题的措施")
    measures = list(ctx.body("measures"))
    chars = sum(len(p.text) for p in measures)
    # a text that stops part-way (S009) shows only the start of its measures: judged on more of it
    if chars >= (MIN_MEASURES_CHARS_BROKEN if ctx.broken_at else MIN_MEASURES_CHARS):
        figures = sum(len(_FIGURE.findall(p.text)) for p in measures)
        # a document made and named (制定《……办法》) tells a result as a figure does
        named = len({m for p in measures for m in _NAMED.findall(p.text)})
        density = (figures + named) / chars * 1000
        if density < MIN_FIGURES_PER_1000:
            ctx.add("A003", "warning", f"主要举措和成效部分数据很少：每千字 {density:.1f} 个数字或文件名称（数字 {figures} 个、"
                    f"文件 {named} 个 / {chars} 字），宜用具体数字和案例说明成效", measures[0].index)
    leaders = list(ctx.body("leadership"))
    if ctx.broken_at:
        leaders = []  # the text stops part-way (S009): the leaders' duties may be told after it
    if leaders and not any("【待写" in ctx.raw(p.index) for p in leaders):  # not yet written: F004
        text = "".join(p.heading + p.text for p in leaders)
        sentences = [s for s in re.compile(f"[{PIECE_END}]").split(text) if len(s.strip()) >= 4]
        if len(text) < MIN_LEADERSHIP_CHARS or len(sentences) < MIN_LEADERSHIP_SENTENCES:
            ctx.add("A004", "warning", f"第一责任人履职部分只有 {len(sentences)} 句、{len(text)} 字，"
                    "宜写明学法、专题研究、部署督办、出庭应诉等具体情况", leaders[0].index)
        own = _own_leaders(ctx)  # the issuer model's words: 街道党工委书记、办事处主任, 管委会主任办公会议…
        if not _LEADER.search(text) and not any(w in text for w in own.values() if w):
            ctx.add("A005", "warning", "第一责任人履职部分没有写明谁在履职：通篇没有出现主要负责人、领导小组或党委（党组）",
                    leaders[0].index, f"以主要负责人为主语写，如“{own['主要负责人']}主持召开{own['常务会议']}……”")


def _own_leaders(ctx: Ctx) -> dict[str, str]:
    """Who leads the issuer and in which meetings, as the issuer model says (data/issuers.yaml)."""
    from draftkit.review.level_rules import profile

    words = profile(ctx).words()
    return {k: words[k] for k in ("主要负责人", "本级党委", "常务会议")}
