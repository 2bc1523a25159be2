"""The live page: the report as it prints, from the same model and paragraphs as the
.docx (render/pipeline.report_blocks, as a draft: what is still to fill reads 【待填：…】),
laid out in HTML and CSS by the docx's own numbers — the page, margins, line pitch and
condensing of render/gbt9704.py, the fonts, sizes and alignments of render/refdoc's
styles, the title's line break and the signature's indents of render/docx_writer — and
check's findings (review.check over the same paragraphs) on the paragraph they concern."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from draftkit.render import gbt9704 as G

TYPE_WIDTH = G.PAGE_WIDTH - G.MARGIN_LEFT - G.MARGIN_RIGHT
TYPE_HEIGHT = G.PAGE_HEIGHT - G.MARGIN_TOP - G.MARGIN_BOTTOM
HALF_CHAR = G.CJK_CHAR_TWIPS // 2  # the signature's right indents, in steps of half a character
# The fonts the docx names, then what a machine without them shows instead: the docx's own
# stand-in (gbt9704.FONT_STAND_IN), the usual Windows, macOS and Linux names.
FALLBACKS = {
    G.FONT_BODY: ["FangSong", "STFangsong", "Noto Serif CJK SC", "serif"],
    G.FONT_TITLE: ["SimSun", "STSong", "Noto Serif CJK SC", "serif"],
    G.FONT_H1: ["黑体", "STHeiti", "Noto Sans CJK SC", "sans-serif"],
    G.FONT_H2: ["KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
    G.FONT_PAGE_NUMBER: ["SimSun", "Noto Serif CJK SC", "serif"],
}
LATIN_FACE = "draftkit-latin"
BLANK_RE = re.compile(r"【待[填写]：[^】]*】")
EACH_ON_PAGE = "（每一处在页面上标黄，左边对应的一句可直接填写）"  # where a paragraph's blanks are (review/output.by_paragraph)


def _pt(twips: float) -> str:
    return f"{twips / 20:.2f}pt"


def _mm(twips: float) -> str:
    return f"{twips * 25.4 / 1440:.2f}mm"


def font_stack(name: str) -> str:
    names = [name, G.FONT_STAND_IN.get(name, ""), *FALLBACKS.get(name, [])]
    generic = {"serif", "sans-serif"}
    return ", ".join(n if n in generic else f'"{n}"' for n in dict.fromkeys(n for n in names if n))


@lru_cache(maxsize=1)
def page_css() -> str:
    """The printed page's style sheet, every number from gbt9704 and refdoc's styles."""
    from draftkit.render.refdoc import style_specs

    # The docx gives Latin letters and digits Times New Roman and the rest (Chinese, full-width
    # punctuation, “” quotes) the Chinese font (w:ascii/w:hAnsi and w:eastAsia); a browser takes the
    # first font that has a glyph, so the Latin font is a face of its own for Latin text only.
    latin = ", ".join(f'local("{n}")' for n in (G.FONT_LATIN, "TimesNewRomanPSMT", "Liberation Serif", "Tinos"))
    css = [f'@font-face {{ font-family: "{LATIN_FACE}"; src: {latin}; unicode-range: U+0000-00FF, U+0100-024F; }}',
           f".sheet {{ width: {_mm(G.PAGE_WIDTH)}; height: {_mm(G.PAGE_HEIGHT)}; "
           f"padding: {_mm(G.MARGIN_TOP)} {_mm(G.MARGIN_RIGHT)} {_mm(G.MARGIN_BOTTOM)} {_mm(G.MARGIN_LEFT)}; }}",
           f".sheet .area {{ height: {_mm(TYPE_HEIGHT)}; }}",
           f".sheet .pageno {{ bottom: {_mm(G.FOOTER_DISTANCE)}; font: {G.SIZE_4HAO / 2}pt {font_stack(G.FONT_PAGE_NUMBER)}; }}",
           f".sheet .pageno.odd {{ right: {_mm(G.MARGIN_RIGHT + G.PAGE_NUMBER_INDENT)}; }}",
           f".sheet .pageno.even {{ left: {_mm(G.MARGIN_LEFT + G.PAGE_NUMBER_INDENT)}; }}",
           f".sheet .blankline {{ height: {_pt(G.LINE_PITCH)}; }}"]
    for s in style_specs():
        rules = [f'font-family: "{LATIN_FACE}", {font_stack(s.font)}',
                 f"font-size: {s.size / 2}pt", f"line-height: {_pt(s.line)}",
                 f"letter-spacing: {G.CHAR_SPACING_3HAO / 20}pt" if s.condense else "letter-spacing: 0",
                 f"text-align: {'justify' if s.align == 'both' else s.align}",
                 f"text-indent: {_pt(G.INDENT_TWIPS)}" if s.first_line else "text-indent: 0",
                 f"font-weight: {'bold' if s.bold else 'normal'}"]
        css.append(f".sheet .{s.style_id} {{ {'; '.join(rules)}; }}")
    css += [f".sheet .ri-{n} {{ padding-right: {_pt(n * HALF_CHAR)}; }}" for n in range(0, 61)]
    return "\n".join(css) + "\n"


@dataclass
class Para:
    """A paragraph of the live page: its number (check's paragraph), style, text, findings."""

    number: int
    style: str
    text: str
    findings: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the title's lines
    indent: int = 0  # right indent in half characters (signature, date)
    links: dict = field(default_factory=dict)  # id(finding) → the editor item (its element id) it concerns


@dataclass
class Sheet:
    """One printed page: its paragraphs and page number."""

    number: int
    paras: list[Para] = field(default_factory=list)


def _height(p: Para) -> int:
    from draftkit.render.docx_writer import text_width

    if p.style == "GwTitle":
        return G.TITLE_LINE * len(p.lines) + G.LINE_PITCH  # and the blank line under it
    if p.style == "blank":
        return G.LINE_PITCH
    first = G.INDENT_TWIPS if p.style in ("GwBody", "GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4") else 0
    return G.LINE_PITCH * max(1, math.ceil((text_width(p.text) + first) / TYPE_WIDTH))


def paginate(paras: list[Para]) -> list[Sheet]:
    """Pages of 22 lines, as Word fills them: a body paragraph that does not fit is split
    (at least two lines either side, widow and orphan control), a heading goes with the
    first two lines after it (keep with next), anything else starts the next page."""
    sheets = [Sheet(1)]
    used = 0

    def new_page() -> None:
        nonlocal used
        sheets.append(Sheet(len(sheets) + 1))
        used = 0

    for i, p in enumerate(paras):
        h = _height(p)
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        need = h + (min(_height(nxt), 2 * G.LINE_PITCH) if p.style.startswith("GwHeading") and nxt else 0)
        if used and used + need > TYPE_HEIGHT:
            free = (TYPE_HEIGHT - used) // G.LINE_PITCH
            if p.style == "GwBody" and h // G.LINE_PITCH >= 4 and free >= 2 and h // G.LINE_PITCH - free >= 2:
                first, rest = split_at_line(p.text, free)
                sheets[-1].paras.append(Para(p.number, p.style, first, []))
                new_page()
                p = Para(p.number, "GwBody cont", rest, p.findings)
                h = _height(p)
            else:
                new_page()
        sheets[-1].paras.append(p)
        used += h
    return sheets


def split_at_line(text: str, lines: int) -> tuple[str, str]:
    """The text of a body paragraph's first ``lines`` lines (the first indented), and the rest."""
    from draftkit.render.docx_writer import text_width

    room, width, line = TYPE_WIDTH - G.INDENT_TWIPS, 0, 1
    for n, ch in enumerate(text):
        w = text_width(ch)
        if width + w > room:
            if line == lines:
                return text[:n], text[n:]
            line, width, room = line + 1, 0, TYPE_WIDTH
        width += w
    return text, ""


def paragraphs(blocks, findings, sealed: bool) -> list[Para]:
    from draftkit.render.docx_writer import signature_layout, split_title
    from draftkit.render.refdoc import BLOCK_STYLE

    at: dict[int, list] = {}
    for f in findings:
        at.setdefault(f.paragraph, []).append(f)
    out, issuer, date = [], None, None
    for n, b in enumerate(blocks, 1):
        p = Para(n, BLOCK_STYLE[b.kind], b.text, at.get(n, []))
        if b.kind == "title":
            p.lines = split_title(b.text)
        if b.kind == "issuer":
            issuer = p
        elif b.kind == "date":
            date = p
        else:
            out.append(p)
    blanks, issuer_indent, date_indent = signature_layout(issuer.text if issuer else "", date.text if date else "", sealed)
    out += [Para(0, "blank", "") for _ in range(blanks)]
    if issuer:
        issuer.indent = round(issuer_indent / HALF_CHAR)
        out.append(issuer)
    if date:
        date.indent = round(date_indent / HALF_CHAR)
        out.append(date)
    return out


def marked(text: str):
    """A paragraph's text escaped, what is still to fill or write marked for colour."""
    from markupsafe import Markup, escape

    safe = str(escape(text))
    return Markup(BLANK_RE.sub(lambda m: f'<mark class="blank">{m.group(0)}</mark>', safe))


def part_summary(findings) -> list[dict]:
    """Per part (in the order they first appear), how many errors, warnings and hints."""
    from draftkit.domain import PART_NAMES

    rows: dict[str, dict] = {}
    for f in findings:
        row = rows.setdefault(f.part or "", {"part": PART_NAMES.get(f.part, "全文") if f.part else "全文",
                                             "error": 0, "warning": 0, "note": 0, "findings": []})
        row[f.severity if f.severity in ("error", "warning") else "note"] += 1
        row["findings"].append(f)
    return list(rows.values())


@dataclass
class Live:
    """What the live page shows: its pages, check's findings and their summary per part, or
    the problems that keep the report from being laid out at all (file:line:col)."""

    sheets: list[Sheet] = field(default_factory=list)
    findings: list = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


def worded_for_page(report) -> None:
    """The report's todo notes in the browser's words (drafting/todonotes.for_page): what
    its 【待写：…】 marks tell the clerk on the page, in check's findings and in the draft
    downloaded from the page."""
    from draftkit.drafting.todonotes import for_page

    for part in report.parts.values():
        for sec in part.sections:
            for item in sec.items:
                item.todo = for_page(item.todo)


def live(path, text: str) -> Live:
    """The answers file ``text`` (at ``path``) as the live page: load, draft render, check."""
    from draftkit.errors import DraftkitError
    from draftkit.reading.document import from_report
    from draftkit.render.pipeline import report_blocks
    from draftkit.report.loader import load_report_lenient
    from draftkit.review import check
    from draftkit.review.figure_rules import TO_WRITE_TIP
    from draftkit.review.output import by_paragraph

    try:
        report, problems = load_report_lenient(path, text, draft=True)
        if problems:
            return Live(problems=[p.message for p in problems])
        worded_for_page(report)
        blocks = report_blocks(report, draft=True)
    except DraftkitError as exc:
        return Live(problems=[p.message for p in exc.problems])
    findings = by_paragraph(check(from_report(report, str(path), blocks)), EACH_ON_PAGE)
    for f in findings:  # no 【待写】 to delete in the editor: its buttons
        if f.suggestion == TO_WRITE_TIP:
            f.suggestion = "在左边按提示写好或改写这一句，点“写好了”或“确认保留”"
    return Live(paginate(paragraphs(blocks, findings, report.layout.sealed)), findings, part_summary(findings))
