"""Write the report's paragraphs to a .docx laid out to GB/T 9704-2012.

The package is ours from end to end: draftkit.render.refdoc writes every part but the
body (styles, page setup, footers, settings, fonts, properties), this module the body's
paragraphs, each of a named style with one plain run, and zips them. python-docx is not
used to write: its default template would bring another program's styles, settings and
thumbnail, and the parts are simple enough to write directly. The numbers come from
draftkit.render.gbt9704.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from draftkit.render import gbt9704 as G
from draftkit.render import refdoc
from draftkit.render.templating import Block


def text_width(text: str) -> int:
    """Width in twips of 3号 text with the condensing: Latin/digits half, the rest full."""
    return sum(G.LATIN_CHAR_TWIPS if ord(ch) < 0x2000 else G.CJK_CHAR_TWIPS for ch in text)


def _units(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


_TITLE_BREAKS = re.compile(r"(?<=关于)|(?=关于)|(?<=年度)|(?=法治政府)|(?=情况)|(?<=人民政府)|(?<=局)|(?<=委员会)")


def split_title(title: str, per_line: int = G.TITLE_CHARS_PER_LINE) -> list[str]:
    """7.3.1: a long title wraps between words, the lines balanced (梯形/菱形)."""
    if _units(title) <= per_line:
        return [title]
    cuts = sorted({m.start() for m in _TITLE_BREAKS.finditer(title)} - {0, len(title)})
    best: tuple[float, int] | None = None
    for c in cuts:
        a, b = _units(title[:c]), _units(title[c:])
        if a <= per_line and b <= per_line:
            score = abs(a - b)
            if best is None or score < best[0]:
                best = (score, c)
    if best is not None:
        return [title[: best[1]], title[best[1]:]]
    # Three lines or more: fill greedily up to the furthest word boundary that fits.
    lines, start = [], 0
    points = cuts + [len(title)]
    while start < len(title):
        fits = [c for c in points if c > start and _units(title[start:c]) <= per_line]
        if not fits:
            return [title]  # no word boundary fits: leave the wrapping to Word
        lines.append(title[start:max(fits)])
        start = max(fits)
    return lines


def _paragraph(style_id: str, text: str = "", right_indent: int | None = None, lines: list[str] | None = None) -> str:
    """A paragraph of a named style with one plain run (or a run a line, joined by line
    breaks); a right indent only where the signature is placed."""
    ind = f'<w:ind w:right="{right_indent}"/>' if right_indent is not None else ""
    runs = "<w:r><w:br/></w:r>".join(_run(t) for t in (lines if lines is not None else [text]) if t)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ind}</w:pPr>{runs}</w:p>'


def _run(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r><w:t{space}>{refdoc.xml_text(text)}</w:t></w:r>"


def signature_layout(issuer: str, date: str, sealed: bool) -> tuple[int, int, int]:
    """7.3.5: the blank lines under the body, and the right indents (twips) of the issuer
    and of the date (the live page of draftkit serve places them by the same numbers)."""
    wi, wd = text_width(issuer), text_width(date)
    if sealed:
        blanks = G.BLANK_LINES_BEFORE_SIGNATURE_SEALED
        date_indent = G.DATE_RIGHT_INDENT_SEALED
        issuer_indent = max(0, date_indent + (wd - wi) // 2)
    else:
        blanks = G.BLANK_LINES_BEFORE_SIGNATURE_UNSEALED
        issuer_indent = G.SIGNATURE_RIGHT_INDENT_UNSEALED
        date_indent = issuer_indent + wi - G.DATE_SHIFT_UNSEALED - wd
        if date_indent < G.SIGNATURE_RIGHT_INDENT_UNSEALED:
            date_indent = G.SIGNATURE_RIGHT_INDENT_UNSEALED
            issuer_indent = date_indent + wd + G.DATE_SHIFT_UNSEALED - wi
    return blanks, issuer_indent, date_indent


def _signature(issuer: str, date: str, sealed: bool) -> list[str]:
    """7.3.5: the blank lines under the body, then the issuer and the date placed by right indents."""
    blanks, issuer_indent, date_indent = signature_layout(issuer, date, sealed)
    paras = [_paragraph("GwBody") for _ in range(blanks)]
    if issuer:
        paras.append(_paragraph("GwSignature", issuer, right_indent=issuer_indent))
    paras.append(_paragraph("GwDate", date, right_indent=date_indent))
    return paras


def _zip(parts: dict[str, str], when: dt.datetime) -> bytes:
    buf = io.BytesIO()
    stamp = when.astimezone().timetuple()[:6]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode("utf-8"))
    return buf.getvalue()


def write_docx(blocks: list[Block], sealed: bool = True, bold_headings: bool = False,
               now: dt.datetime | None = None) -> bytes:
    """The document as bytes; the caller writes it atomically. ``now`` is when it was
    made (the core properties' created and modified), the present moment by default."""
    now = now or dt.datetime.now(dt.timezone.utc)
    body: list[str] = []
    title = issuer = date_text = ""
    for b in blocks:
        if b.kind == "title":
            title = b.text
            body.append(_paragraph("GwTitle", lines=split_title(b.text)))
            body.append(_paragraph("GwBody"))  # 7.3.1: a blank line under the title
        elif b.kind == "issuer":
            issuer = b.text
        elif b.kind == "date":
            date_text = b.text
        else:
            body.append(_paragraph(refdoc.BLOCK_STYLE[b.kind], b.text))
    body += _signature(issuer, date_text, sealed)
    document = (f'{refdoc.XML_DECL}<w:document xmlns:w="{refdoc.W_NS}" xmlns:r="{refdoc.R_NS}">'
                f'<w:body>{"".join(body)}{refdoc.sect_pr()}</w:body></w:document>')
    return _zip(refdoc.package_parts(document, title, issuer, now, bold_headings), now)
