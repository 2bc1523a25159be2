"""The report's vocabulary, each fact once: the parts the regulation requires and their
Chinese names and default headings, issuer levels, section styles, the kinds of block a
rendered report is made of, and the names of moves and topics shown to users."""

from __future__ import annotations


# The five items the regulation requires (厅字〔2019〕28号), in its order.
PART_KEYS: tuple[str, ...] = ("measures", "shortcomings", "leadership", "plan", "other")
REQUIRED_PARTS: tuple[str, ...] = ("measures", "shortcomings", "leadership", "plan")
# Where a paragraph of a report stands: the five parts, plus the opening and the closing.
PLACES: tuple[str, ...] = ("opening", *PART_KEYS, "closing")
PART_NAMES: dict[str, str] = {
    "opening": "开头",
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leadership": "党政主要负责人履职情况",
    "plan": "下一年度主要安排",
    "other": "其他需要报告的情况",
    "closing": "结尾",
}
# Other names users type for a part (``phrases search --part 不足和原因``).
PART_ALIASES: dict[str, tuple[str, ...]] = {
    "shortcomings": ("不足和原因", "不足"),
    "leadership": ("第一责任人履职", "第一责任人"),
    "plan": ("下一年度安排", "主要安排"),
    "other": ("其他",),
}

# The word a part's heading says when it follows the regulation's wording (a heading such as
# 2018年法治政府建设工作情况 or 工作计划 does not): carried-forward drafts take the default then.
PART_HEADING_WORDS: dict[str, str] = {"measures": "举措", "shortcomings": "不足", "leadership": "第一责任人",
                                      "plan": "安排"}

LEVELS: tuple[str, ...] = ("省", "市", "县区", "乡镇", "部门")
SECTION_STYLES: tuple[str, ...] = ("enumerate", "enumerate_paragraphs", "paragraphs", "numbered")
# Paragraph kinds of a rendered report (the templates' ``::kind`` lines).
BLOCK_KINDS: tuple[str, ...] = ("title", "addressee", "body", "h1", "h2", "h3", "h4", "issuer", "date")

MOVE_NAMES: dict[str, str] = {
    "formula": "套语", "guiding": "指导思想", "overall": "总体成效", "block_opening": "小标题",
    "recognition": "获得认可", "result": "量化成效", "innovation": "创新经验", "measure": "举措",
    "cause": "原因", "admission": "总体差距", "problem": "具体问题", "court": "出庭应诉",
    "report": "听取汇报", "study": "学法", "assess": "述法考核", "supervise": "督促检查",
    "deploy": "研究部署", "duty": "履职", "safeguard": "保障措施", "approach": "总体思路", "task": "具体任务",
    "outlook": "展望", "other": "其他",
}

# The topics: the ten areas of 《法治政府建设实施纲要（2021—2025年）》 (mining/labels.py keeps their keywords).
TOPIC_NAMES: dict[str, str] = {
    "thought": "学习贯彻习近平法治思想",
    "functions": "政府职能与营商环境",
    "rules": "依法行政制度体系",
    "decisions": "行政决策",
    "enforcement": "行政执法",
    "emergency": "突发事件应对",
    "disputes": "矛盾纠纷化解与法律服务",
    "oversight": "权力制约和监督",
    "digital": "科技保障与数字政府",
    "organisation": "党的领导与推进机制",
    "general": "综合",
}


def part_matches(key: str, wanted: str) -> bool:
    """Whether ``wanted`` (a key, the Chinese name or an alias) names the part ``key``."""
    return wanted in (key, PART_NAMES.get(key)) or wanted in PART_ALIASES.get(key, ())


def default_title(name: str, level: str, year: int) -> str:
    """``XX县人民政府关于2025年度法治政府建设情况的报告``; a department reports on its 工作."""
    if level == "部门":
        return f"{name}关于{year}年度法治政府建设工作情况的报告"
    return f"{name}关于{year}年度法治政府建设情况的报告"


def default_part_heading(key: str, year: int, level: str = "") -> str:
    """Headings as offices write them: the regulation's wording with the actual years; a
    department's leaders' part is on its 主要负责人 (it has no 党政主要负责人)."""
    who = "主要负责人" if level == "部门" else "党政主要负责人"
    return {
        "measures": f"{year}年推进法治政府建设的主要举措和成效",
        "shortcomings": f"{year}年推进法治政府建设存在的不足和原因",
        "leadership": f"{year}年{who}履行推进法治建设第一责任人职责情况",
        "plan": f"{year + 1}年推进法治政府建设的主要安排",
        "other": "其他需要报告的情况",
    }[key]


def guess_level(issuer: str) -> str:
    """The level (层级) an issuer's name suggests (the issuer model, data/issuers.yaml): a
    街道 or a township 乡镇, a 税务局 部门…; 县区 when it says nothing."""
    from draftkit import issuers

    return issuers.parse(issuer).level


def places_of(name: str) -> list[str]:
    """The run of places an issuer's name starts with, each below the one before (the units
    and their levels: data/levels.yaml): 青岚县石桥镇人民政府 → [青岚县, 石桥镇]; 青岚县司法局 →
    [青岚县]; 中共云川市委… → [中共云川市]."""
    from draftkit import issuers

    return issuers.places_in(name)


def place_of(name: str) -> str:
    """The issuer's own place (the issuer model): 青岚县人民政府 → 青岚县; 青岚县石桥镇人民政府 →
    石桥镇; 云川市青岚区司法局 → 青岚区; 临江市东湖街道办事处 → 东湖街道; 中共云川市委、云川市人民政府 →
    云川市; 国家税务总局青山县税务局 → 青山县."""
    from draftkit import issuers

    return issuers.parse(name).place
