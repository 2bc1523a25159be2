"""Label a unit: its part (refined from where it stood by what it says), its move within
the part (../shared/spec/phrasebank.md), and its topic.

The rule for topics: the unit is cut into words with jieba (the taxonomy's keywords added
to jieba's dictionary so that 规范性文件 or 行政复议 stay one word); each topic scores the
summed length of its keywords found among the words; the highest score wins, the earlier
topic on a tie, and a unit with no keyword is ``general``. The topics are the ten areas of
《法治政府建设实施纲要（2021—2025年）》.
"""

from __future__ import annotations

import functools
import re

from draftkit import slots

# A keyword weighs its length in characters, or the weight given with it.
TOPICS: list[tuple[str, tuple]] = [
    ("thought",
     ("习近平法治思想", "学法", "学习", "中心组", "法治思想", "会前学法", "学习宣传", "法治讲座", "法治课", "述学",
      "法治意识", "法治思维", "考法", "学法用法", "普法考试")),
    ("functions",
     ("放管服", "营商环境", "审批", "权责清单", "政务服务", "证明事项", "一网通办", "市场准入", "最多跑一次",
      "高效办成一件事", "通办", "减证便民", "告知承诺", "涉企", "企业", "市场主体", "经营主体", "一业一证",
      "无证明", "热线", "便民", "职能", "机构改革", "政务服务热线", "惠企")),
    ("rules",
     ("规范性文件", "立法", "规章", "合法性审核", "合法性审查", "备案", "备案审查", "清理", "公平竞争审查",
      "地方性法规", "立改废释", "制度体系", "政府立法", "立法项目")),
    ("decisions",
     ("重大行政决策", "法律顾问", "公职律师", "合同", "决策程序", "专家论证", "风险评估", "公众参与", "集体讨论",
      "决策", "合同管理", "重大决策", "法律顾问专家库")),
    ("enforcement",
     ("执法", "行政执法", "三项制度", "执法人员", "案卷", "处罚", "综合执法", "包容审慎", "执法监督", "执法队伍",
      "执法证", "不罚", "轻微违法", "裁量", "行政检查", "伴随式", "执法检查", "案卷评查", "执法部门",
      "双随机", "一公开", "抽查", "监管", "执法培训", "综合执法")),
    ("emergency", ("突发事件", "应急", "疫情", "防控", "安全生产", "应急管理", "疫情防控")),
    ("disputes",
     ("行政复议", "复议", "行政应诉", "应诉", "出庭", "调解", "信访", "公共法律服务", "律师", "纠纷", "枫桥经验",
      "法律援助", "仲裁", "公证", "人民调解", "矛盾", "化解", "法律服务", "败诉", "行政诉讼", "三调联动")),
    ("oversight",
     ("监督", "政务公开", "审计", "人大", "政协", "信息公开", "问责", "纪检", "监察", "公开", "政府信息公开",
      "特邀", "监督员", "建议提案", "社会监督", "阳光", "司法建议",
      "检察建议", "行政审判", "人大代表", "政协委员")),
    ("digital",
     ("信息化", "数字", "数字化", "平台", "智慧", "网络", "大数据", "互联网", "数据", "网上", "线上", "数字政府",
      "政务数据", "信息系统")),
    ("organisation",
     ("第一责任人", "考核", "督察", "示范创建", "示范", "述法", "领导小组", "普法", "法治宣传", "谁执法谁普法",
      "八五普法", "七五普法", "九五普法", "考评", "党政主要负责人", "主要负责人", "关键少数", "法治文化",
      "宣传教育", "依法治市", "依法治区", "依法治县", "法治建设", "责任", "督查", "依法治省",
      "批示", "推进机制", "经费", "重点项目", "考核分析", ("法治政府建设", 1), ("法治政府", 1))),
]


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


@functools.lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for key, _ in TOPICS:
        for w in _WEIGHTS[key]:
            jieba.add_word(w, freq=2000)
    return jieba


_WEIGHTS = {key: dict(w if isinstance(w, tuple) else (w, len(w)) for w in words) for key, words in TOPICS}


@functools.lru_cache(maxsize=65536)
def segment(text: str) -> tuple[str, ...]:
    """jieba's words, with the taxonomy's keywords kept whole."""
    return tuple(_jieba().lcut(text))


def topic_of(text: str) -> str:
    words = segment(slots.blank(text, "，"))
    best, best_score = "general", 0
    for key, _ in TOPICS:
        weights = _WEIGHTS[key]
        score = sum(weights[w] for w in words if w in weights)  # each occurrence counts
        if score > best_score:
            best, best_score = key, score
    return best
