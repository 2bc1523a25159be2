"""Read the structure of a report from its normalised lines: title, addressee, headings
at every level (一、 （一） 1. （1）), inline enumerations (一是…二是…), signature and
date, and which required part (opening / measures / shortcomings / leadership / plan /
other / closing) each paragraph belongs to — by its heading *and* by its content, since
real reports vary (shortcomings at the end of part one, leaders' duties first, study
reports with 问题 and 打算, articles with no parts at all).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from draftkit.domain import place_of
from draftkit.punctuation import CLAUSE_END, PIECE_END, SENTENCE_END
from draftkit.reading.parsed import Para, ParsedDoc
from draftkit.reading.titles import choose_title

CN_NUM = "一二三四五六七八九十"
_H1 = re.compile(rf"^([{CN_NUM}]{{1,3}})[、.．]\s*(.+)$")
_H2 = re.compile(rf"^[（(]([{CN_NUM}]{{1,3}})[）)]\s*(.+)$")
_H3 = re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(.+)$")
_H4 = re.compile(r"^[（(](\d{1,2})[）)]\s*(.+)$")
_DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


@functools.lru_cache(maxsize=1)
def _org() -> re.Pattern:
    """A line that ends as a body's name does (the issuer model's endings: 人民政府, 办事处,
    海关, 调查队 …): a signature, or the last of the addressees."""
    from draftkit.issuers import body_ends

    return re.compile(f"(?:{body_ends()})$")


# A document number (发文字号) above the title: 青政发〔2025〕3号, not the title itself.
_SENTENCE_PUNCT = re.compile(f"[{PIECE_END}]")
_MARKER = re.compile(rf"([{CN_NUM}]{{1,2}})(是|要)")
_LOST_NUMERAL = re.compile(r"(?<=。)是(?=[提加推健完强深创实打落建开坚抓做优规严全积夯])")

def cn_to_int(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN_NUM.index(s[1]) + 1
    if len(s) == 2 and s[1] == "十":
        return (CN_NUM.index(s[0]) + 1) * 10
    if len(s) == 3 and s[1] == "十":
        return (CN_NUM.index(s[0]) + 1) * 10 + CN_NUM.index(s[2]) + 1
    return CN_NUM.index(s) + 1


def split_enumeration(text: str) -> tuple[str, list[str]]:
    """``前言。一是甲。二是乙。`` → (``前言。``, [``甲。``, ``乙。``]). Markers count up from 一;
    一 needs a sentence break (or the start) before it, later ones do not (breaks get lost);
    a ``。是提高…`` after an item is the next item whose numeral was lost."""
    cuts: list[tuple[int, int]] = []  # (start of marker, start of item text)
    expect, verb = 1, ""
    for m in _MARKER.finditer(text):
        n, v = cn_to_int(m.group(1)), m.group(2)
        if verb and v != verb:
            continue
        if n == 1 and not cuts:
            before = text[m.start() - 1] if m.start() else ""
            if before and before not in CLAUSE_END + "：:,)）”":
                continue  # 统一是…, 唯一是…: not a marker
        elif n == expect + 1 and cuts:  # the item before this one lost its numeral: 。是提高…
            lost = next(_LOST_NUMERAL.finditer(text, cuts[-1][1], m.start()), None)
            if lost is None:
                continue
            cuts.append((lost.start(), lost.end()))
            expect += 1
        if n != expect:
            continue
        cuts.append((m.start(), m.end()))
        verb = v
        expect += 1
    if len(cuts) < 2:
        # One item of an enumeration whose items stand in paragraphs of their own.
        if m := _MARKER.match(text):
            return "", [text[m.end():].strip()]
        return text, []
    lost = next(_LOST_NUMERAL.finditer(text, cuts[-1][1]), None)  # after the last marker
    if lost is not None:
        cuts.append((lost.start(), lost.end()))
    lead = text[: cuts[0][0]]
    items = [text[c[1]: (cuts[i + 1][0] if i + 1 < len(cuts) else len(text))] for i, c in enumerate(cuts)]
    return lead, [it.strip() for it in items if it.strip()]


def _inline_heading(rest: str) -> tuple[str, str]:
    """（一）标题。正文… → (标题, 正文…); a short line without a full stop is all heading."""
    m = re.compile(f"[{SENTENCE_END}]").search(rest)
    if m and m.start() <= 45:
        return rest[: m.start()], rest[m.end():]
    if not m and len(rest) <= 45:
        return rest, ""
    return "", rest


def _para(i: int, kind: str, line: str) -> Para:
    """A paragraph of a known kind, its numbering, inline heading and items read."""
    if kind == "h1":
        m = _H1.match(line)
        return Para(i, "h1", m.group(2).rstrip("。；"), number=cn_to_int(m.group(1))) if m else Para(i, "h1", line)
    if kind in ("h2", "h3", "h4"):
        m = {"h2": _H2, "h3": _H3, "h4": _H4}[kind].match(line)
        if m:
            heading, rest = _inline_heading(m.group(2))
            number = cn_to_int(m.group(1)) if kind == "h2" else int(m.group(1))
            p = Para(i, kind, rest, number=number, heading=heading)
            p.lead, p.items = split_enumeration(rest)
            return p
        kind = "body"
    if kind == "body":
        p = Para(i, "body", line)
        p.lead, p.items = split_enumeration(line)
        return p
    return Para(i, kind, line)


@functools.cache
def _lines_re() -> dict[str, re.Pattern]:
    """The patterns that take apart lines of a text read in (mining, import, check of a
    document), compiled when first needed: a data file's blocks come already apart."""
    return {
        "run_in_h2": re.compile(rf"(?<=[{PIECE_END}])(?=[（(][{CN_NUM}]{{1,3}}[）)])|(?<=[^（(，、：\s])(?=（[{CN_NUM}]{{1,3}}）[^，。；、）]{{4}})"),
        "run_in_after": re.compile(rf"(?<=[{SENTENCE_END}])(?=[{CN_NUM}]{{1,2}}[、.．](?![{CN_NUM}])[\u4e00-\u9fff])"),
        "run_in_h1": re.compile(rf"^([{CN_NUM}]{{1,3}}[、.．][^{PIECE_END}（(]{{2,60}}?)(?:[{PIECE_END}]|(?=[（(][{CN_NUM}]{{1,3}}[）)]))(.+)$"),
        "part_no": re.compile(rf"^第([{CN_NUM}]{{1,3}})部分[\s：:]*"),
        "odd_h1": re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[，,]?\s*([、.．])\s*"),  # 一 、 and 一,、 of a damaged copy
        "odd_h2": re.compile(rf"^[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]\s*|^([{CN_NUM}]{{1,3}})[)）]\s*"),
        "doc_number": re.compile(r"[〔\[［(（]\d{4}[〕\]］)）]\s*第?\d+\s*号$"),
    }


def run_in(line: str) -> list[str]:
    """A line holding several paragraphs run together: ``一、坚持党的领导（一）加强组织领导。…``
    → the level-1 heading, then each （二） part on its own."""
    out: list[str] = []
    pat = _lines_re()
    for line in pat["run_in_after"].split(line):  # a copy that lost its line breaks: …成效。一.深入学习…
        if m := pat["run_in_h1"].match(line):
            out.append(m.group(1))
            line = m.group(2).strip()
        out.extend(piece.strip() for piece in pat["run_in_h2"].split(line) if piece.strip())
    return out


_FORMAL_NUM = str.maketrans("壹贰叁肆伍陆柒捌玖拾", CN_NUM)


def canonical_numbering(lines: list[str]) -> list[str]:
    """Heading numbering written the usual way: 壹、→一、, 一 、→一、, 一）and (一) →（一）; in
    a report whose top level is 第一部分, that level becomes 一、 and its 一、 become （一）."""
    pat = _lines_re()
    part_no, odd_h1, odd_h2 = pat["part_no"].match, pat["odd_h1"].match, pat["odd_h2"].match
    parts = any(part_no(line) for line in lines)
    out = []
    for line in lines:
        if re.compile(r"^[壹贰叁肆伍陆柒捌玖拾]{1,2}[、.．]").match(line) or re.compile(r"^[（(][壹贰叁肆伍陆柒捌玖拾]{1,2}[）)]").match(line):
            line = line[:4].translate(_FORMAL_NUM) + line[4:]
        if parts and (m := part_no(line)):
            line = f"{m.group(1)}、{line[m.end():]}"
        elif parts and (m := odd_h1(line)) and m.group(2) == "、":
            line = f"（{m.group(1)}）{line[m.end():]}"
        elif m := odd_h1(line):
            line = f"{m.group(1)}{m.group(2)}{line[m.end():]}"
        elif m := odd_h2(line):
            line = f"（{m.group(1) or m.group(2)}）{line[m.end():]}"
        out.append(line)
    return out


def _heading_line(line: str) -> bool:
    """A numbered level-1 or level-2 heading standing alone (no sentence inside)."""
    return bool(_H1.match(line) or _H2.match(line)) and not _SENTENCE_PUNCT.search(line.rstrip("。")) \
        and len(line) <= 90 and line[-1] not in "。；：，、"


def join_split_headings(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A heading broken over two lines: the second is short, unnumbered and unpunctuated."""
    out: list[tuple[int, str]] = []
    for k, (i, line) in enumerate(pieces):
        prev = out[-1][1] if out else ""
        if out and _heading_line(prev) and len(line) <= 20 and not _SENTENCE_PUNCT.search(line) \
                and line[-1] not in "。：" and not re.compile(rf"^[（(]?[{CN_NUM}\d]|^\d{{4}}年\d").match(line) \
                and k + 1 < len(pieces) and not _DATE_LINE.match(line) and not _org().search(line) \
                and len(prev) + len(line) <= 90:
            out[-1] = (out[-1][0], prev + line)
            continue
        out.append((i, line))
    return out


def parse(name: str, lines: list[str], chrome: list[str] | None = None) -> ParsedDoc:
    paras: list[Para] = []
    n = len(lines)
    seen_body = False
    pieces = [(i, piece) for i, line in enumerate(canonical_numbering(lines), 1) for piece in run_in(line)]
    for i, line in join_split_headings(pieces):
        short = len(line) <= 45 and not _SENTENCE_PUNCT.search(line.rstrip("。"))
        if _H1.match(line) and (short or _heading_line(line) or _heading_line(line.rstrip("；"))):
            paras.append(_para(i, "h1", line))
        elif _H2.match(line):
            paras.append(_para(i, "h2", line))
        elif _H4.match(line) or _H3.match(line):
            paras.append(_para(i, "h4" if line[0] in "（(" else "h3", line))
        elif _DATE_LINE.match(line):
            paras.append(Para(i, "date", line))
        elif line.endswith("：") and len(line) <= 40 and not seen_body and _org().search(line.rstrip("：").split("、")[-1]):
            paras.append(Para(i, "addressee", line.rstrip("：")))
        elif short and line[-1] not in PIECE_END + "：":
            if not seen_body and not any(p.kind == "title" for p in paras) and len(line) >= 6 \
                    and not _lines_re()["doc_number"].search(line):
                kind = "title"
            elif i >= n - 2 and _org().search(line):
                kind = "signature"
            else:
                kind = "meta"
            paras.append(Para(i, kind, line))
        else:
            seen_body = True
            paras.append(_para(i, "body", line))
    choose_title(paras)
    doc = ParsedDoc(name, paras)
    _metadata(doc, lines, chrome or [])
    from draftkit.reading.parts import assign_parts

    assign_parts(doc)
    return doc


# Block kinds of a rendered report → paragraph kinds.
_BLOCK_KIND = {"issuer": "signature"}


def from_blocks(name: str, blocks: list[tuple[str, str, str]]) -> ParsedDoc:
    """A report draftkit rendered: (kind, text, part) of every paragraph as the templates
    wrote it; nothing is guessed back from the text."""
    paras: list[Para] = []
    section, outer = "", ""
    for i, (kind, text, part) in enumerate(blocks, 1):
        p = _para(i, _BLOCK_KIND.get(kind, kind), text.rstrip("：") if kind == "addressee" else text)
        if p.kind == "h2":
            section = p.heading
        elif p.kind == "h1":
            section, outer = "", part
        if p.kind in ("body", "h2", "h3", "h4"):
            p.section = section
        p.part = part if p.kind in ("h1", "body", "h2", "h3", "h4") else "other"
        p.outer_part = (outer or part) if p.kind in ("h1", "body", "h2", "h3", "h4") else ""
        paras.append(p)
    doc = ParsedDoc(name, paras)
    _metadata(doc, [text for _, text, _ in blocks], [])
    return doc


def _metadata(doc: ParsedDoc, lines: list[str], chrome: list[str]) -> None:
    titles = [p.text for p in doc.paras if p.kind == "title"]
    doc.title = titles[0] if titles else ""
    addressees = [p.text for p in doc.paras if p.kind == "addressee"]
    doc.addressee = addressees[0] if addressees else ""
    dates = [p for p in doc.paras if p.kind == "date"]
    if dates and (m := _DATE_LINE.match(dates[-1].text)):  # not a draft's 【待填：成文日期】
        y, mo, d = (int(x) for x in m.groups())
        try:
            doc.date = dt.date(y, mo, d)
        except ValueError:
            pass
    from draftkit.reading.titles import issuer_of

    signatures = [p.text for p in doc.paras if p.kind == "signature"]
    issuer = issuer_of(doc.title) or (signatures[-1] if signatures else "")
    # only an issuer named by the report itself (title or signature) gives {place}
    doc.place = _place(issuer) or _place(doc.title)
    if not issuer:
        for line in chrome + [p.text for p in doc.paras if p.kind == "meta"]:
            if m := re.compile(r"(发布机构|信息来源|作者|来源)：?\s*([^\s：]{2,20}?(局|政府|厅|委|办))").search(line):
                issuer = m.group(2)
                break
            if m := re.compile(r"^——(.{2,12}?(司法局|人民政府|局))").match(line):
                issuer = m.group(1)
                break
    doc.issuer = issuer
    doc.year = _reported_year(doc, chrome)


@functools.cache
def _year_re() -> dict[str, re.Pattern]:
    return {
        # a year in a title naming the report's year: 关于2022年度…的报告, 2022年法治政府建设情况报告;
        # not one end of a span (2021—2025年)
        "title": re.compile(r"(?<![\d—–\-~至到])(\d{4})年度?(?![—–\-~至到]\d)(?=.*(报告|情况|总结|综述))"),
        "published": re.compile(r"(20\d{2})[-年/.](\d{1,2})"),
        "opening": re.compile(r"^(20\d{2})年度?(?:以来|来)?[，,是]|现将.{0,40}?(20\d{2})年度?[^。]{0,30}?报告如下"),
    }


def _reported_year(doc: ParsedDoc, chrome: list[str]) -> int | None:
    """The year a report reports on: the year its title names, the year of part one's
    heading, the year its opening says it reports on, else the year of its signature date or, failing that, of the page's publication
    date (更新时间 2023-01-16) — the year before when that date falls in January–March,
    when reports on the past year come out (for a page, unless its body tells of the new
    year's work: 2023年以来, 今年一季度)."""
    from draftkit.reading.parts import part_of_heading

    if m := _year_re()["title"].search(doc.title):
        return int(m.group(1))
    h1 = [p.text for p in doc.paras if p.kind == "h1" and re.compile(r"\d{4}年").match(p.text)]
    if h1 and part_of_heading(h1[0]) in ("measures", None):
        return int(h1[0][:4])
    if year := _opening_year(doc):
        return year
    if doc.date:  # a report signed in January–March reports on the year before
        return doc.date.year - 1 if doc.date.month <= 3 else doc.date.year
    found = [m for line in chrome for m in _year_re()["published"].finditer(line)]
    if not found:
        return None
    year, month = int(found[0].group(1)), int(found[0].group(2))
    if month > 3:
        return year
    body = "".join(p.text for p in doc.body())
    new_year = rf"{year}年(以来|初以来|一季度|第一季度|[1-3一二三]月)|今年(以来|一季度|第一季度|[1-3一二三]月)"
    return year if re.compile(new_year).search(body) else year - 1


def _opening_year(doc: ParsedDoc) -> int | None:
    """The year the opening says it reports on: 2017年，我市…; 2023年是…开局之年; 现将……2021年
    法治政府建设情况报告如下."""
    first_h1 = next((p.index for p in doc.paras if p.kind == "h1"), len(doc.paras) + 1)
    for p in [p for p in doc.paras if p.kind == "body" and p.index < first_h1][:3]:
        if m := _year_re()["opening"].search(p.text):
            return int(m.group(1) or m.group(2))
    return None


def _place(issuer: str) -> str:
    """The place of the issuer named in the title or signature (中共青岚县委 青岚县人民政府 →
    青岚县); never guessed from the body, where 按照市 or 法治市 would pass for one."""
    for name in re.compile(r"[\s、，和]+").split(issuer):
        name = re.compile(r"^中共|^中国共产党").sub("", name)
        if (place := place_of(name)) and not _NOT_PLACE.search(place):
            return place
    return ""


_NOT_PLACE = re.compile(r"^[全本我各该两此在和与及对到于向将把从由为是有的等关]|召开|按照|法治|依法|建设|推进|关于|年度?")
