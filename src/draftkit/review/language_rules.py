"""Language and form: punctuation, quotes, pairs, Traditional script, repeats, long paragraphs, dates,
wording reviewers strike (data/register.yaml), doubled punctuation (L0xx)."""

from __future__ import annotations

import functools
import re

from draftkit.figures import measure_word_pattern
from draftkit.punctuation import SENTENCE_END
from draftkit.reading.normalise import opencc_t2s, to_simplified, wording_table
from draftkit.review.context import Ctx, lazy

LONG_PARAGRAPH = 800  # characters
_CJK = "\u4e00-\u9fff"
_HALF = lazy(rf"(?<=[{_CJK}“”《》，。])[,;:?!()]|[,;:?!()](?=[{_CJK}“”《》])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Bytes a page lost in a wrong decoding, not marks anyone typed: a ? run together with other
# ASCII marks or letters (成效?,F將 for 成效。現將), ?? , or a ? beside bopomofo, box-drawing or
# replacement characters (?。ㄒ唬┥ for （一）深). A lone ? in Chinese text is a half-width ？.
_DAMAGED = "\u3100-\u312f\u2500-\u257f\ufffd"
_MOJIBAKE = lazy(rf"\?[\x21-\x7e]*[A-Za-z,.;:?][\x21-\x7e]*|[A-Za-z]\?|\?[。]?[{_DAMAGED}]|[{_DAMAGED}]\?")
_PAIRS = [("“", "”"), ("《", "》"), ("（", "）"), ("【", "】"), ("〈", "〉")]
_DOUBLE_CHAR = lazy(r"([的了和与对把被将从在])\1")
_DOUBLE_WORD = lazy(rf"([{_CJK}]{{2}})\1")
# A measure word twice after a number: 1523件件 (a unit given and also in the sentence).
_DOUBLE_UNIT = lazy(rf"\d(?:余|多)?({measure_word_pattern()})\1")
_ABAC = lazy(rf"([自边即随逐同])[{_CJK}]\1[{_CJK}]")
_DATE_OK = lazy(r"^\d{4}年[1-9]\d?月[1-9]\d?日$")
_DATE_LIKE = lazy(r"^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$|^[〇零一二三四五六七八九十]{4}年")
_BAD_DATE_IN_TEXT = lazy(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年0\d月|\d{1,2}月0\d日")
# Two marks with nothing between: 。； 。。 ，。 (what a removed phrase or note leaves behind).
_DOUBLE_PUNCT = lazy(r"[。；，、：][。；，、：]+")


def check_language(ctx: Ctx) -> None:
    seen_sentences: dict[str, int] = {}
    # Converting the whole text once tells whether any paragraph needs converting at all.
    whole = "\n".join(ctx.document.raw)
    any_traditional = to_simplified(whole) != whole
    looked: set[int] = set()  # a line holding several headings is several paragraphs of one text: look at it once
    for p in ctx.doc.paras:
        raw = ctx.raw(p.index)
        if p.index not in looked:
            looked.add(p.index)
            _as_written(ctx, p.index, raw, any_traditional)
        for a, b in _PAIRS:
            if p.index == ctx.broken_at and p.text.count(a) > p.text.count(b):
                continue  # the text stops before the mark closes (S009)
            if p.text.count(a) != p.text.count(b):
                ctx.add("L003", "warning", f"{a}{b}不配对（{a} {p.text.count(a)} 个，{b} {p.text.count(b)} 个）", p.index)
        for m in _DOUBLE_CHAR.finditer(p.text):
            ctx.add("L005", "warning", f"重复的字“{m.group(0)}”", p.index, m.group(1))
        for m in _DOUBLE_WORD.finditer(p.text):
            if _ABAC.match(p.text, m.start() + 1):
                continue  # 检查自查自纠: the end of one word and an idiom of the 自A自B kind
            if _across_cells(raw, m.group(1)):
                continue  # 主动公开 | 公开范围: two cells of a table read as one line
            ctx.add("L005", "warning", f"重复的词“{m.group(0)}”", p.index, m.group(1))
        for m in _DOUBLE_UNIT.finditer(p.text):
            if _DOUBLE_WORD.search(m.group(0)):
                continue  # 亿元亿元: said above
            ctx.add("L005", "warning", f"重复的量词“{m.group(1) * 2}”", p.index, m.group(1))
        for s in re.compile(f"[{SENTENCE_END}]").split(p.text):
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
        if p.kind in ("body", "h2", "h3", "h4"):
            _dates_and_fragments(ctx, p)
            for m in _DOUBLE_PUNCT.finditer(p.text):
                ctx.add("L013", "warning", f"标点重叠：“{p.text[max(0, m.start() - 6):m.end()]}”", p.index,
                        f"只留一个标点（“{m.group(0)[-1] if m.group(0)[0] in '，、：' else m.group(0)[0]}”），或补上中间缺的内容")
            for pattern, suggest in _register():
                m = _outside_titles(pattern, p.text)
                if m:
                    ctx.add("L012", "note", f"“{m.group(0)}”：审稿常删的说法", p.index, suggest)
    last = ctx.doc.paras[-1] if ctx.doc.paras else None
    if last is not None and not _DATE_OK.match(last.text) and _DATE_LIKE.match(last.text):
        m = re.compile(r"^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})").match(last.text)
        fix = f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" if m else ""
        ctx.add("L008", "warning", "成文日期应写作“2026年1月10日”的形式（阿拉伯数字，不编虚位）", last.index, fix)


def _across_cells(raw: str, word: str) -> bool:
    """A repeat the text as written does not have: the two halves stand apart, with spaces or
    a tab between them (the cells of a table, or of a page's index row, read as one line)."""
    if word * 2 in raw:
        return False
    written = to_simplified(raw)
    return word * 2 not in written and re.search(rf"{word}[\s\u3000]+{word}", written) is not None


def _outside_titles(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match not in the name of a document (《…争先进位目标…》 is quoted, not
    said): the marks before it counted on from the match before, not from the start."""
    opened = closed = at = 0
    for m in pattern.finditer(text):
        opened += text.count("《", at, m.start())
        closed += text.count("》", at, m.start())
        at = m.start()
        if opened <= closed:
            return m
    return None


def _as_written(ctx: Ctx, index: int, raw: str, any_traditional: bool) -> None:
    """What is looked at in a paragraph as written: half-width punctuation, straight
    quotes, Traditional script and Taiwan wording."""
    damaged = {i for m in _MOJIBAKE.finditer(raw) for i in range(m.start(), m.end())}
    half = [m for m in _HALF.finditer(raw) if m.start() not in damaged]
    if half:
        kinds = "".join(dict.fromkeys(m.group(0) for m in half))
        fix = "、".join(f"“{h}”→“{_FULL[h]}”" for h in kinds)
        at = {m.start() for m in half}
        ctx.add("L001", "warning", f"中文中用了半角标点 {len(half)} 处（{fix}）", index,
                "".join(_FULL[c] if i in at else c for i, c in enumerate(raw))[:60])
    if '"' in raw or "'" in raw:
        ctx.add("L002", "warning", "用了直引号，应为中文引号“”‘’", index)
    simplified = to_simplified(raw) if any_traditional else raw
    if simplified != raw:
        trad = opencc_t2s().convert(raw)
        n_chars = sum(1 for x, y in zip(raw, trad) if x != y)
        terms = []
        for pattern, repl in wording_table():
            for m in pattern.finditer(trad):
                terms.append(f"{m.group(0)}→{m.expand(repl)}")
        parts = []
        if n_chars:
            parts.append(f"繁体字 {n_chars} 个")
        if terms:
            parts.append("台湾用语：" + "、".join(dict.fromkeys(terms)))
        ctx.add("L004", "warning", "，".join(parts), index, simplified[:60])


# A clause that stops where its phrase goes on: …的。 …和， …为。 (not 目的, 总和, 作为, 行为…).
_DANGLING = lazy(r"(?<![目有别是])的(?=[。；])|(?<![总温平共调缓饱柔])和(?=[，。；])|"
                       r"(?<![作行认成无有更称改视因可])为(?=[，。；])")
# A heading left standing as a paragraph of its own: 深化行政复议体制改革。
_HEADING_ALONE = lazy(r"^[\u4e00-\u9fff“”、]{4,18}。$")
# A lead that names what follows and is followed by nothing: 原因是。 主要表现在：。
_LEADS = "原因是|原因在于|主要是|主要有|表现在|体现在|包括|如下|一是|具体是"
_EMPTY_LEAD = lazy(rf"({_LEADS})[。；]")
_MORE = lazy(r"\S")  # anything but white space (searched from a place on: the rest is not copied)
_LEAD_TO_WRITE = lazy(rf"({_LEADS})【待写")


@functools.lru_cache(maxsize=1)
def _register() -> list[tuple[re.Pattern, str]]:
    """The wording reviewers strike (data/register.yaml), compiled on first use."""
    from draftkit.resources import data_file

    return [(re.compile(r["find"]), r["suggest"]) for r in data_file("register.yaml")["rows"]]


def _dates_and_fragments(ctx: Ctx, p) -> None:
    from draftkit import figure_faults as ff

    text = p.text
    for m in ff.impossible_dates(text):
        ctx.add("L009", "error", f"日期“{m.group(0)}”不存在", p.index, "核对月份和日期")
    for m in ff.broken_dates(text):
        ctx.add("L009", "error", f"残缺的日期“{m.group(0)}”：年、月、日之间缺字或几个年份连在一起", p.index,
                "补全为“2021年12月8日”“2021年、2023年、2025年”的形式")
    for m in ff.bare_years(text):
        ctx.add("L010", "warning", f"年份后缺少“年”字：“{m.group(0)}”", p.index, f"{m.group(1)}年{m.group(2)}")
    drafted = None
    for m in _EMPTY_LEAD.finditer(text):
        if drafted is None:  # the leads a draft follows with what is still to write (F004), found once
            drafted = set(_LEAD_TO_WRITE.findall(ctx.raw(p.index)))
        if m.group(1) in drafted:
            continue
        if m.group(1) == "如下" and (_MORE.search(text, m.end()) or p is not ctx.doc.paras[-1]):
            continue  # 现将有关情况报告如下。 and the report follows: a whole sentence
        ctx.add("L011", "warning", f"残句：“{m.group(0)}”后面没有内容", p.index, f"写完“{m.group(1)}”之后的内容，或删去")
    if p.kind == "body" and p.part in ("measures", "leadership", "shortcomings") and _HEADING_ALONE.match(text) \
            and not p.items:
        ctx.add("L011", "warning", f"残句：“{text}”单独成段，像是一个标题或没写完的句子", p.index,
                "写出具体做法和成效，或作为小标题")
    for m in _DANGLING.finditer(text):
        start = max(text.rfind("，", 0, m.start()), text.rfind("。", 0, m.start())) + 1
        if m.group(0) == "的" and "是" in text[start:m.start()]:
            continue  # 是…的: a complete sentence
        ctx.add("L011", "warning", f"残句：分句“{text[start:m.end()][-16:]}”以“{m.group(0)}”结尾，话没有说完", p.index,
                "补全这个分句")
