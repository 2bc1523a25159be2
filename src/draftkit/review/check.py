"""Check a report like a reviewer at the next level up: structure, currency of the
formulations, figures, language and form, substance.

Each finding has a stable code, a severity (error / warning / note), a place (part,
paragraph, and the line for text inputs), a one-line Chinese message and, where there is
one, a suggested replacement. The rules work on the text, so a report written by hand in
Word is checked the same way as one draftkit rendered.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.mining.labels import PART_NAMES, TOPICS
from draftkit.mining.normalise import TAIWAN_TO_MAINLAND, opencc_t2s, punctuation, to_simplified
from draftkit.mining.structure import CN_NUM, ParsedDoc, cn_to_int, parse

SEVERITIES = ("error", "warning", "note")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "note": "提示"}
REQUIRED = ("measures", "shortcomings", "leadership", "plan")

LONG_PARAGRAPH = 800  # characters
MIN_FIGURES_PER_1000 = 3.0  # in the measures part
MIN_LEADERSHIP_CHARS = 120
MIN_LEADERSHIP_SENTENCES = 3


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    part: str = ""
    paragraph: int = 0
    line: int = 0
    suggestion: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Text:
    """The document to check: its paragraphs as written, and what is known about it."""

    name: str
    raw: list[str]
    lines: list[int] = field(default_factory=list)  # line in the input file, 0 when none
    year: int | None = None
    date: dt.date | None = None
    issuer: str = ""
    last: Path | None = None  # last year's report, to compare with


# --- reading ---------------------------------------------------------------------------

def read_for_check(path: Path) -> Text:
    suffix = path.suffix.lower()
    if not path.exists():
        raise DraftkitError(f"{path}: 文件不存在")
    if suffix in (".yaml", ".yml"):
        from draftkit.report.loader import load_report
        from draftkit.render.pipeline import report_blocks

        report = load_report(path)
        blocks = report_blocks(report)
        return Text(str(path), [b.text for b in blocks], [0] * len(blocks), report.year, report.date,
                    report.issuer.name, based_on(report, path))
    from draftkit.mining.ingest import SkipFile, read_source

    try:
        src = read_source(path)
    except SkipFile as exc:
        raise DraftkitError(f"{path}: {exc}") from None
    raw, lines = [], []
    numbered = suffix != ".docx"
    for n, line in enumerate(src.text.splitlines(), 1):
        if line.strip():
            raw.append(line.strip(" \t\u3000\u00a0\ufeff"))
            lines.append(n if numbered else 0)
    if not raw:
        raise DraftkitError(f"{path}: 没有可检查的文字")
    return Text(str(path), raw, lines)


def based_on(report, data_path: Path) -> Path | None:
    """The last year's report a draft names (as written, or next to the data file)."""
    if not report.based_on:
        return None
    given = Path(report.based_on)
    for candidate in (given, data_path.parent / given):
        if candidate.exists():
            return candidate
    return given  # reported as missing by the rule


# --- the checks ---------------------------------------------------------------------------

@dataclass
class _Ctx:
    text: Text
    norm: list[str]
    doc: ParsedDoc
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: str, severity: str, message: str, index: int = 0, suggestion: str = "") -> None:
        part = ""
        if index:
            p = self.doc.paras[index - 1]
            part = p.part if p.part in PART_NAMES else ""
        line = self.text.lines[index - 1] if index and self.text.lines else 0
        self.findings.append(Finding(code, severity, message, part, index, line, suggestion))

    def body(self, part: str | None = None):
        for p in self.doc.paras:
            if p.kind in ("body", "h2", "h3", "h4") and (part is None or p.part == part):
                yield p


def check_text(text: Text) -> list[Finding]:
    from draftkit.mining.normalise import is_chrome

    norm = [punctuation(to_simplified(r)).strip() for r in text.raw]
    # Web page chrome (a report copied from a portal) is not the report: leave it out.
    keep = [i for i, n in enumerate(norm) if not is_chrome(n)]
    if len(keep) < len(norm):
        lines = text.lines or [0] * len(text.raw)
        text = Text(text.name, [text.raw[i] for i in keep], [lines[i] for i in keep], text.year, text.date,
                    text.issuer)
        norm = [norm[i] for i in keep]
    doc = parse(Path(text.name).name, norm)
    if text.year:
        doc.year = text.year
    if text.date:
        doc.date = text.date
    if text.issuer:
        doc.issuer = text.issuer
    ctx = _Ctx(text, norm, doc)
    for rule in RULES:
        rule(ctx)
    order = {key: i for i, key in enumerate(["", *PART_NAMES])}
    return sorted(ctx.findings, key=lambda f: (f.paragraph == 0, f.paragraph, order.get(f.part, 99), f.code))


def check_file(path: Path) -> list[Finding]:
    return check_text(read_for_check(path))


# Structure ----------------------------------------------------------------------------

def _structure(ctx: _Ctx) -> None:
    doc = ctx.doc
    present = {p.part for p in doc.paras if p.kind in ("h1", "body", "h2", "h3", "h4")}
    for key in REQUIRED:
        if key not in present:
            # The five items are required by 厅字〔2019〕28号 (in force 2019-04-15): reports
            # on 2019 onwards. Earlier reports only get a note.
            if doc.year is None or doc.year >= 2019:
                ctx.add("S001", "error", f"缺少必需的部分：{PART_NAMES[key]}")
            else:
                ctx.add("S001", "note", f"没有“{PART_NAMES[key]}”部分（{doc.year} 年度报告早于厅字〔2019〕28号的要求）")
    year = doc.year
    for p in doc.paras:
        if p.kind == "h1" and p.part == "plan" and year:
            m = re.match(r"(\d{4})年", p.text)
            if m and int(m.group(1)) != year + 1:
                ctx.add("S002", "error", f"主要安排应是 {year + 1} 年的（报告年度为 {year} 年），标题写的是 {m.group(1)} 年",
                        p.index, p.text.replace(m.group(1), str(year + 1), 1))
    titles = [p for p in doc.paras if p.kind == "title"]
    if not titles:
        ctx.add("S003", "warning", "缺少标题（应写明发文机关和年度，如“XX县人民政府关于2025年度法治政府建设情况的报告”）")
    else:
        t = titles[0]
        if not re.search(r"\d{4}年", t.text):
            ctx.add("S003", "warning", "标题没有写明年度", t.index)
        if not re.search(r"(政府|局|委|办|厅|院|部|会)(关于|\d{4})", t.text):
            ctx.add("S003", "warning", "标题没有写明发文机关", t.index)
    addressees = [p for p in doc.paras if p.kind == "addressee"]
    for p in addressees:
        if not ctx.text.raw[p.index - 1].endswith("："):
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", p.index, p.text + "：")
    if not addressees:
        after_title = [p for p in doc.paras[:3] if p.kind in ("meta", "title")][1:]
        lookalike = [p for p in after_title if re.search(r"(政府|委|局|厅|办|部)$", p.text)]
        if lookalike:
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", lookalike[0].index, lookalike[0].text + "：")
        else:
            ctx.add("S004", "note", "没有主送机关（向上级报送时应写明）")
    tail = [p.kind for p in doc.paras[-2:]]
    if "date" not in tail:
        ctx.add("S005", "warning", "文末缺少成文日期")
    if "signature" not in tail:
        ctx.add("S005", "warning", "文末缺少发文机关署名")
    _numbering(ctx)


_ENUM = re.compile(rf"(?:^|(?<=[。；：，！？]))([{CN_NUM}]{{1,2}})是")


def _numbering(ctx: _Ctx) -> None:
    last_h1 = 0
    last_h2 = 0
    for p in ctx.doc.paras:
        if p.kind == "h1":
            if p.number != last_h1 + 1:
                ctx.add("S006", "warning", f"一级标题序号不连续：{_cn(last_h1)}、之后是{_cn(p.number)}、", p.index)
            last_h1, last_h2 = p.number, 0
        elif p.kind == "h2":
            if p.number != last_h2 + 1:
                ctx.add("S006", "warning", f"二级标题序号不连续：（{_cn(last_h2)}）之后是（{_cn(p.number)}）"
                        if last_h2 else f"二级标题应从（一）开始，这里是（{_cn(p.number)}）", p.index)
            last_h2 = p.number
    # 一是、二是… inside paragraphs; a paragraph that starts with a marker continues the
    # enumeration of the paragraph before it.
    seq: list[int] = []
    start = 0
    paras = [p for p in ctx.doc.paras if p.kind in ("body", "h2", "h3", "h4")]
    for p in paras:
        nums = [cn_to_int(m.group(1)) for m in _ENUM.finditer(p.text)]
        continues = bool(nums) and p.text.startswith(f"{_cn(nums[0])}是") and seq and nums[0] == seq[-1] + 1
        if not continues:
            _check_seq(ctx, seq, start)
            seq, start = [], p.index
        seq.extend(nums)
    _check_seq(ctx, seq, start)


def _check_seq(ctx: _Ctx, seq: list[int], index: int) -> None:
    if not seq:
        return
    if seq == [1]:
        ctx.add("S006", "warning", "有“一是”而没有“二是”", index)
        return
    expected = list(range(1, len(seq) + 1))
    if seq != expected:
        ctx.add("S006", "warning", f"“一是、二是……”序号不连续：{'、'.join(_cn(n) + '是' for n in seq)}", index)


def _cn(n: int) -> str:
    from draftkit.cnfmt import cn_number

    return cn_number(n) if 1 <= n <= 99 else str(n)


# Currency -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def currency_table() -> dict:
    import yaml

    path = Path(__file__).parent.parent / "data" / "currency.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _currency(ctx: _Ctx) -> None:
    table = currency_table()
    year, date = ctx.doc.year, ctx.doc.date
    whole = "\n".join(ctx.norm)
    place = f"{ctx.doc.issuer}{ctx.doc.place}{ctx.doc.title}"
    for row in table["outdated"]:
        if not year or year < row.get("min_year", 0) or year > row.get("max_year", 9999):
            continue
        if row.get("unless") and re.search(row["unless"], whole):
            continue
        if row.get("unless_place") and re.search(row["unless_place"], place):
            continue
        pattern = re.compile(row["find"])
        for p in ctx.body():
            for m in pattern.finditer(p.text):
                before = p.text[max(0, m.start() - 4):m.start()]
                if row.get("not_after") and re.search(f"(?:{row['not_after']}).{{0,3}}$", before):
                    continue
                ctx.add(row["code"], row.get("severity", "warning"),
                        f"“{m.group(0)}”在 {year} 年度的报告中已不是现行提法（{row['source']}）", p.index, row["suggest"])
    if date:
        for ev in table["events"]:
            when = ev["date"] if isinstance(ev["date"], dt.date) else dt.date.fromisoformat(str(ev["date"]))
            if when <= date:
                continue
            for p in ctx.body():
                m = re.search(ev["find"], p.text)
                if m:
                    ctx.add("C201", "error", f"提到了成文日期（{date:%Y-%m-%d}）之后才有的“{m.group(0)}”（{when:%Y-%m-%d}）",
                            p.index)


# Figures ------------------------------------------------------------------------------

_NUM = r"(\d+(?:\.\d+)?)"
_UP = "增加|增长|上升|提高|提升"
_DOWN = "减少|下降|降低"
_FROM_TO = re.compile(rf"由{_NUM}([^\d，。、；]{{0,4}}?)(?:{_UP}|{_DOWN})(?:到|至){_NUM}\2?[，,]?(?:同比)?({_UP}|{_DOWN}){_NUM}%")
_WITH_PREV = re.compile(rf"{_NUM}([^\d，。、；（]{{0,4}}?)[，,]?同比({_UP}|{_DOWN}){_NUM}%[（(]上年(?:同期)?(?:为)?{_NUM}")
_WITH_DIFF = re.compile(rf"{_NUM}([^\d，。、；]{{0,4}}?)[，,](?:比上年|较上年|同比)({_UP}|{_DOWN}){_NUM}\2?[，,](?:同比)?({_UP}|{_DOWN}){_NUM}%")
_RATE = re.compile(rf"([\u4e00-\u9fff]{{1,8}}率)(?:为|达|达到|保持在|是|均为)?{_NUM}%")
_PLACEHOLDERS = [
    (re.compile(r"\{[^{}\n]{1,20}\}"), "未填写的空位"),
    (re.compile(r"20[xX×＊*ｘＸ]{2}"), "未填写的年份"),
    (re.compile(r"[xXｘＸ×]{2,}"), "占位符"),
    (re.compile(r"[＊*]+"), "占位符"),
    (re.compile(r"_{3,}|＿{2,}"), "待填的横线"),
    (re.compile(r"某某|[（(]\s*[）)]|【\s*】"), "未填写的内容"),
]


def _pct(prev: float, cur: float) -> float:
    return abs(cur - prev) / prev * 100


def _tolerance(stated: str) -> float:
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return 0.5 * 10 ** -decimals + 1e-9


def _figures(ctx: _Ctx) -> None:
    rates: dict[str, list[tuple[str, int]]] = {}
    for p in ctx.body():
        t = p.text
        checks = []
        for m in _FROM_TO.finditer(t):
            checks.append((float(m.group(1)), float(m.group(3)), m.group(4), m.group(5), m.group(0)))
        for m in _WITH_PREV.finditer(t):
            checks.append((float(m.group(5)), float(m.group(1)), m.group(3), m.group(4), m.group(0)))
        for m in _WITH_DIFF.finditer(t):
            cur, diff = float(m.group(1)), float(m.group(4))
            prev = cur - diff if re.fullmatch(_UP, m.group(3)) else cur + diff
            checks.append((prev, cur, m.group(5), m.group(6), m.group(0)))
        for prev, cur, word, stated, where in checks:
            if prev <= 0:
                continue
            actual = _pct(prev, cur)
            up = cur > prev
            wrong_way = (up and re.fullmatch(_DOWN, word)) or (not up and re.fullmatch(_UP, word))
            if wrong_way or abs(actual - float(stated)) > _tolerance(stated):
                right = f"{'增长' if up else '减少'}{actual:.1f}%".replace(".0%", "%")
                ctx.add("F001", "error", f"同比数字不符：“{where}”按两个数算应为{right}", p.index, right)
        for m in _RATE.finditer(t):
            name, value = m.group(1), m.group(2)
            if float(value) > 100:
                ctx.add("F002", "error", f"{name}为{value}%，比率不能超过100%", p.index)
            rates.setdefault(name[-5:], []).append((value, p.index))  # the indicator: up to 4 characters + 率
        for pattern, what in _PLACEHOLDERS:
            for m in pattern.finditer(ctx.text.raw[p.index - 1]):
                ctx.add("F004", "error", f"{what}“{m.group(0)}”，请填写实际内容", p.index)
    for name, seen in rates.items():
        values = {v for v, _ in seen}
        if len(values) > 1:
            first = seen[0]
            for v, index in seen[1:]:
                if v != first[0]:
                    ctx.add("F003", "warning", f"“{name}”前后不一致：第{first[1]}段为{first[0]}%，这里为{v}%", index)


# Language and form --------------------------------------------------------------------

_CJK = "\u4e00-\u9fff"
_HALF = re.compile(rf"(?<=[{_CJK}“”《》，。])[,;:?!()]|[,;:?!()](?=[{_CJK}“”《》])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_PAIRS = [("“", "”"), ("《", "》"), ("（", "）"), ("【", "】"), ("〈", "〉")]
_DOUBLE_CHAR = re.compile(r"([的了和与对把被将从在])\1")
_DOUBLE_WORD = re.compile(rf"([{_CJK}]{{2}})\1")
_DATE_OK = re.compile(r"^\d{4}年[1-9]\d?月[1-9]\d?日$")
_DATE_LIKE = re.compile(r"^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$|^[〇零一二三四五六七八九十]{4}年")
_BAD_DATE_IN_TEXT = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年0\d月|\d{1,2}月0\d日")


def _language(ctx: _Ctx) -> None:
    seen_sentences: dict[str, int] = {}
    for p in ctx.doc.paras:
        raw = ctx.text.raw[p.index - 1]
        half = _HALF.findall(raw)
        if half:
            kinds = "".join(dict.fromkeys(half))
            fix = "、".join(f"“{h}”→“{_FULL[h]}”" for h in kinds)
            ctx.add("L001", "warning", f"中文中用了半角标点 {len(half)} 处（{fix}）", p.index,
                    _HALF.sub(lambda m: _FULL[m.group(0)], raw)[:60])
        if '"' in raw or "'" in raw:
            ctx.add("L002", "warning", "用了直引号，应为中文引号“”‘’", p.index)
        for a, b in _PAIRS:
            if p.text.count(a) != p.text.count(b):
                ctx.add("L003", "warning", f"{a}{b}不配对（{a} {p.text.count(a)} 个，{b} {p.text.count(b)} 个）", p.index)
        simplified = to_simplified(raw)
        if simplified != raw:
            trad = opencc_t2s().convert(raw)
            n_chars = sum(1 for x, y in zip(raw, trad) if x != y)
            terms = []
            for pattern, repl in TAIWAN_TO_MAINLAND:
                for m in re.finditer(pattern, trad):
                    terms.append(f"{m.group(0)}→{m.expand(repl)}")
            parts = []
            if n_chars:
                parts.append(f"繁体字 {n_chars} 个")
            if terms:
                parts.append("台湾用语：" + "、".join(dict.fromkeys(terms)))
            ctx.add("L004", "warning", "，".join(parts), p.index, simplified[:60])
        for m in _DOUBLE_CHAR.finditer(p.text):
            ctx.add("L005", "warning", f"重复的字“{m.group(0)}”", p.index, m.group(1))
        for m in _DOUBLE_WORD.finditer(p.text):
            ctx.add("L005", "warning", f"重复的词“{m.group(0)}”", p.index, m.group(1))
        for s in re.split(r"[。！？]", p.text):
            s = s.strip()
            if len(s) >= 10:
                if s in seen_sentences:
                    ctx.add("L006", "warning", f"与第{seen_sentences[s]}段的句子重复：“{s[:20]}…”", p.index)
                else:
                    seen_sentences[s] = p.index
        if p.kind in ("body", "h2") and len(p.text) > LONG_PARAGRAPH:
            ctx.add("L007", "note", f"段落很长（{len(p.text)} 字），可考虑分段", p.index)
        if p.kind in ("body", "h2") and _BAD_DATE_IN_TEXT.search(p.text):
            m = _BAD_DATE_IN_TEXT.search(p.text)
            ctx.add("L008", "warning", f"日期“{m.group(0)}”应写作“2026年1月10日”的形式", p.index)
    last = ctx.doc.paras[-1] if ctx.doc.paras else None
    if last is not None and not _DATE_OK.match(last.text) and _DATE_LIKE.match(last.text):
        m = re.match(r"^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})", last.text)
        fix = f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" if m else ""
        ctx.add("L008", "warning", "成文日期应写作“2026年1月10日”的形式（阿拉伯数字，不编虚位）", last.index, fix)


# Substance ----------------------------------------------------------------------------

_CAUSE = re.compile(r"原因|由于|因为|主观|客观|在于|导致|根源|究其")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!年)")
_COMMON_BIGRAMS = set("法治 建设 政府 工作 进一 一步 推进 加强 完善 提升 全面 深化 持续 不断 开展 落实 机制 体系 水平 "
                      "能力 问题 部门 单位 有待 不够 存在 进行 我市 我县 我区 全市 全县 方面 相关 有效 切实 确保".split())


@functools.lru_cache(maxsize=1)
def _keywords() -> dict[str, str]:
    """Taxonomy keyword → topic, longest first (substring match: no jieba start-up)."""
    out = {}
    for key, _, words in TOPICS:
        for w in words:
            w = w[0] if isinstance(w, tuple) else w
            if len(w) >= 2 and w not in ("法治政府", "法治政府建设", "法治建设", "责任", "学习"):
                out.setdefault(w, key)
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def _topics_and_words(text: str) -> tuple[set[str], set[str]]:
    found = {w for w in _keywords() if w in text}
    topics = {_keywords()[w] for w in found}
    return topics, found


def _bigrams(text: str) -> set[str]:
    chars = re.sub(rf"[^{_CJK}]", " ", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1) if " " not in chars[i:i + 2]} - _COMMON_BIGRAMS


def _substance(ctx: _Ctx) -> None:
    short = list(ctx.body("shortcomings"))
    if short and not any(_CAUSE.search(p.text) for p in short):
        ctx.add("A001", "warning", "不足部分只列问题，没有分析原因", short[0].index)
    plan_items = []
    for p in ctx.body("plan"):
        plan_items.extend([p.heading] + (p.items or [p.text]))
    plan_items = [t for t in plan_items if t]
    plan_sets = [(_topics_and_words(t), _bigrams(t)) for t in plan_items]
    for p in short:
        for item in p.items or [s for s in re.split(r"[。！？]", p.text) if len(s) >= 8]:
            if _CAUSE.search(item) or re.search(r"虽.{0,8}取得|还存在.{0,8}(不足|差距)[:：]?$", item):
                continue
            (topics, words), grams = _topics_and_words(item), _bigrams(item)
            answered = any((words & pw) or (topics & pt and len(grams & pg) >= 2) or len(grams & pg) >= 3
                           for (pt, pw), pg in plan_sets)
            if not answered:
                ctx.add("A002", "warning", f"这条不足在下一年度安排中没有对应的措施：“{item[:24]}…”", p.index)
    measures = list(ctx.body("measures"))
    chars = sum(len(p.text) for p in measures)
    if chars >= 200:
        figures = sum(len(_FIGURE.findall(p.text)) for p in measures)
        density = figures / chars * 1000
        if density < MIN_FIGURES_PER_1000:
            ctx.add("A003", "warning", f"主要举措和成效部分数据很少：每千字 {density:.1f} 个数字（{figures} 个 / {chars} 字），"
                    "宜用具体数字和案例说明成效", measures[0].index)
    leaders = list(ctx.body("leadership"))
    if leaders:
        text = "".join(p.text for p in leaders)
        sentences = [s for s in re.split(r"[。！？；]", text) if len(s.strip()) >= 4]
        if len(text) < MIN_LEADERSHIP_CHARS or len(sentences) < MIN_LEADERSHIP_SENTENCES:
            ctx.add("A004", "warning", f"第一责任人履职部分只有 {len(sentences)} 句、{len(text)} 字，"
                    "宜写明学法、专题研究、部署督办、出庭应诉等具体情况", leaders[0].index)


# Against last year's report ------------------------------------------------------------

def _plan_items(doc: ParsedDoc) -> list[tuple[str, str]]:
    """(lead, full text) of every item of a report's plan part."""
    out = []
    for p in doc.paras:
        if p.part != "plan" or p.kind not in ("body", "h2", "h3", "h4"):
            continue
        texts = p.items or ([p.text] if p.text else [])
        if p.heading and not texts:
            texts = [p.heading]
        for t in texts:
            lead = re.split(r"[。；！？]", t, maxsplit=1)[0]
            out.append((lead, t))
    return out


def _plain(text: str) -> str:
    return re.sub(rf"[^{_CJK}\dA-Za-z]", "", text)


def _against_last(ctx: _Ctx) -> None:
    last_path = ctx.text.last
    if last_path is None:
        return
    if not last_path.exists():
        ctx.add("P000", "note", f"找不到去年的报告 {last_path}，没有与去年比较")
        return
    from draftkit.continuity.importer import read_report

    last = read_report(last_path)
    this_text = "".join(p.text for p in ctx.body() if p.part != "plan")
    this_grams = _bigrams(this_text)
    for lead, _ in _plan_items(last):
        grams = _bigrams(lead)
        if len(grams) >= 2 and len(grams & this_grams) < 0.6 * len(grams):
            ctx.add("P001", "warning", f"去年计划的“{lead[:30]}”在今年的报告中没有提到落实情况")
    short_last = []
    for p in last.paras:
        if p.part == "shortcomings" and p.kind in ("body", "h2"):
            short_last.extend(s for t in (p.items or [p.text]) for s in re.split(r"[。！？；]", t) if len(_plain(s)) >= 10)
    for p in ctx.body("shortcomings"):
        plain = _plain(p.text)
        for s in short_last:
            if _plain(s) in plain:
                ctx.add("P002", "warning", f"这条不足与去年的报告一字不差：“{s[:24]}…”，说明问题一年没有变化", p.index)


RULES = [_structure, _currency, _figures, _language, _substance, _against_last]


# --- output ----------------------------------------------------------------------------

def summary(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


def format_human(name: str, findings: list[Finding]) -> str:
    counts = summary(findings)
    head = (f"{name}：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['note']} 个提示"
            if findings else f"{name}：没有发现问题")
    out = [head]
    group = None
    for f in sorted(findings, key=lambda f: (f.part != "", list(PART_NAMES).index(f.part) if f.part in PART_NAMES
                                             else -1, f.paragraph, f.code)):
        label = PART_NAMES.get(f.part, "全文") if f.part else "全文"
        if label != group:
            out.append(f"【{label}】")
            group = label
        where = f"第{f.paragraph}段" if f.paragraph else "    "
        if f.line:
            where += f"（第{f.line}行）"
        tip = f" → 建议：{f.suggestion}" if f.suggestion else ""
        out.append(f"  {where} {SEVERITY_NAMES[f.severity]} {f.code} {f.message}{tip}")
    return "\n".join(out)


def format_json(name: str, findings: list[Finding]) -> str:
    import json

    return json.dumps({"file": name, "summary": summary(findings), "findings": [f.to_dict() for f in findings]},
                      ensure_ascii=False, indent=2)
