"""Write the report's paragraphs to a .docx laid out to GB/T 9704-2012.

Named paragraph styles are defined once (see STYLES) and applied to paragraphs; runs
carry no formatting of their own. The numbers come from draftkit.render.gbt9704.
"""

from __future__ import annotations

import datetime as dt
import io

from draftkit import rx
from draftkit.records import dataclass
from draftkit.render import gbt9704 as G
from draftkit.render.templating import Block

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the document: font, size, alignment, indent, outline level."""

    style_id: str
    name: str  # what Word/WPS show in the style list
    font: str
    size: int = G.SIZE_3HAO
    condense: bool = True
    align: str = "both"
    first_line: bool = True  # two-character indent
    outline: int | None = None
    bold: bool = False
    line: int = G.LINE_PITCH
    keep_next: bool = False


def style_specs(bold_headings: bool = False) -> list[StyleSpec]:
    return [
        StyleSpec("GwTitle", "公文标题", G.FONT_TITLE, G.SIZE_2HAO, condense=False, align="center",
                  first_line=False, line=G.TITLE_LINE, keep_next=True),
        StyleSpec("GwAddressee", "公文主送机关", G.FONT_BODY, align="left", first_line=False),
        StyleSpec("GwBody", "公文正文", G.FONT_BODY),
        StyleSpec("GwHeading1", "公文一级标题", G.FONT_H1, outline=0, keep_next=True),
        StyleSpec("GwHeading2", "公文二级标题", G.FONT_H2, outline=1, keep_next=True, bold=bold_headings),
        StyleSpec("GwHeading3", "公文三级标题", G.FONT_BODY, outline=2, keep_next=True, bold=bold_headings),
        StyleSpec("GwHeading4", "公文四级标题", G.FONT_BODY, outline=3, keep_next=True),
        StyleSpec("GwSignature", "公文发文机关署名", G.FONT_BODY, align="right", first_line=False, keep_next=True),
        StyleSpec("GwDate", "公文成文日期", G.FONT_BODY, align="right", first_line=False),
    ]


BLOCK_STYLE = {
    "title": "GwTitle", "addressee": "GwAddressee", "body": "GwBody", "h1": "GwHeading1",
    "h2": "GwHeading2", "h3": "GwHeading3", "h4": "GwHeading4", "issuer": "GwSignature",
    "date": "GwDate",
}


def _fonts(east_asia: str, latin: str = G.FONT_LATIN, hint: str = "") -> str:
    h = f' w:hint="{hint}"' if hint else ""
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" '
            f'w:eastAsia="{east_asia}"{h}/>')


def _style_xml(s: StyleSpec) -> str:
    ppr = []
    if s.keep_next:
        ppr.append("<w:keepNext/>")
    ppr.append(f'<w:spacing w:before="0" w:after="0" w:line="{s.line}" w:lineRule="exact"/>')
    if s.first_line:
        ppr.append(f'<w:ind w:firstLineChars="{G.INDENT_CHARS}" w:firstLine="{G.INDENT_TWIPS}"/>')
    else:
        ppr.append('<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>')
    ppr.append(f'<w:jc w:val="{s.align}"/>')
    if s.outline is not None:
        ppr.append(f'<w:outlineLvl w:val="{s.outline}"/>')
    rpr = [_fonts(s.font)]
    if s.bold:
        rpr.append("<w:b/><w:bCs/>")
    rpr.append('<w:color w:val="000000"/>')
    if s.condense:
        rpr.append(f'<w:spacing w:val="{G.CHAR_SPACING_3HAO}"/>')
    rpr.append(f'<w:sz w:val="{s.size}"/><w:szCs w:val="{s.size}"/>')
    return (f'<w:style {_NSDECL} w:type="paragraph" w:customStyle="1" w:styleId="{s.style_id}">'
            f'<w:name w:val="{s.name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr>{"".join(ppr)}</w:pPr><w:rPr>{"".join(rpr)}</w:rPr></w:style>')


_FOOTER_STYLE = (
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwPageNumber">'
    '<w:name w:val="公文页码"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>'
    f'<w:rPr>{_fonts(G.FONT_PAGE_NUMBER, G.FONT_PAGE_NUMBER, hint="eastAsia")}<w:color w:val="000000"/>'
    f'<w:sz w:val="{G.SIZE_4HAO}"/><w:szCs w:val="{G.SIZE_4HAO}"/></w:rPr></w:style>'
)

_DOC_DEFAULTS = (
    f'<w:docDefaults {_NSDECL}><w:rPrDefault><w:rPr>{_fonts(G.FONT_BODY)}'
    f'<w:kern w:val="2"/><w:sz w:val="{G.SIZE_3HAO}"/><w:szCs w:val="{G.SIZE_3HAO}"/>'
    f'<w:lang w:val="{G.LANGUAGE_LATIN}" w:eastAsia="{G.LANGUAGE}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    f'<w:spacing w:before="0" w:after="0" w:line="{G.LINE_PITCH}" w:lineRule="exact"/>'
    '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
)


def text_width(text: str) -> int:
    """Width in twips of 3号 text with the condensing: Latin/digits half, the rest full."""
    return sum(G.LATIN_CHAR_TWIPS if ord(ch) < 0x2000 else G.CJK_CHAR_TWIPS for ch in text)


def _units(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


_TITLE_BREAKS = rx.compile(r"(?<=关于)|(?=关于)|(?<=年度)|(?=法治政府)|(?=情况)|(?<=人民政府)|(?<=局)|(?<=委员会)")


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


class DocxWriter:
    """Build the document: styles, page setup, footers, then the paragraphs."""

    def __init__(self, sealed: bool = True, bold_headings: bool = False):
        import docx

        self.sealed = sealed
        self.doc = docx.Document()
        body = self.doc.element.body
        for p in list(body.iterchildren(f"{{{W_NS}}}p")):
            body.remove(p)
        self._setup_styles(bold_headings)
        self._setup_page()
        self._sect_pr = self.doc.sections[0]._sectPr
        self._setup_settings()
        self._setup_footers()

    # -- setup --
    def _setup_styles(self, bold_headings: bool) -> None:
        from docx.oxml import parse_xml

        styles = self.doc.styles.element
        old = styles.find(f"{{{W_NS}}}docDefaults")
        old.addnext(parse_xml(_DOC_DEFAULTS))
        styles.remove(old)
        # One parse for all our styles (parsing is most of the cost of a render).
        ours = parse_xml(f"<w:styles {_NSDECL}>"
                         + "".join(_style_xml(spec) for spec in style_specs(bold_headings))
                         + _FOOTER_STYLE + "</w:styles>")
        for style in list(ours):
            styles.append(style)

    def _setup_page(self) -> None:
        from docx.shared import Twips

        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Twips(G.PAGE_WIDTH), Twips(G.PAGE_HEIGHT)
        sec.top_margin, sec.bottom_margin = Twips(G.MARGIN_TOP), Twips(G.MARGIN_BOTTOM)
        sec.left_margin, sec.right_margin = Twips(G.MARGIN_LEFT), Twips(G.MARGIN_RIGHT)
        sec.header_distance, sec.footer_distance = Twips(G.HEADER_DISTANCE), Twips(G.FOOTER_DISTANCE)
        sec.gutter = Twips(0)
        # No document grid: the exact line pitch and the condensing give 22 × 28 in Word,
        # WPS and LibreOffice alike (Word's linesAndChars grid breaks LibreOffice).
        grid = sec._sectPr.find(f"{{{W_NS}}}docGrid")
        if grid is not None:
            sec._sectPr.remove(grid)

    def _setup_settings(self) -> None:
        """Chinese theme language, and Word 2013+ layout (no compatibility mode)."""
        settings = self.doc.settings.element
        lang = settings.find(f"{{{W_NS}}}themeFontLang")
        if lang is not None:
            lang.set(f"{{{W_NS}}}eastAsia", G.LANGUAGE)
        for cs in settings.iter(f"{{{W_NS}}}compatSetting"):
            if cs.get(f"{{{W_NS}}}name") == "compatibilityMode":
                cs.set(f"{{{W_NS}}}val", "15")

    def _setup_footers(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True
        sec = self.doc.sections[0]
        self._page_number(sec.footer, "right")
        self._page_number(sec.even_page_footer, "left")

    def _page_number(self, footer, side: str) -> None:
        from docx.oxml import parse_xml

        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        indent = f'w:right="{G.PAGE_NUMBER_INDENT}"' if side == "right" else f'w:left="{G.PAGE_NUMBER_INDENT}"'
        dash = G.EM_DASH
        new = parse_xml(
            f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="GwPageNumber"/><w:ind {indent} w:firstLine="0"/>'
            f'<w:jc w:val="{side}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r></w:p>')
        p.addnext(new)  # replaces the default footer's paragraph
        p.getparent().remove(p)

    # -- content --
    def paragraph(self, style_id: str, text: str = ""):
        """A paragraph of a named style with one plain run, added before the section
        properties. Built with lxml directly: python-docx's add_paragraph, style setter
        and add_run cost most of a render (they scan styles and walk text per character)."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p, ppr, pstyle = OxmlElement("w:p"), OxmlElement("w:pPr"), OxmlElement("w:pStyle")
        pstyle.set(f"{{{W_NS}}}val", style_id)
        ppr.append(pstyle)
        p.append(ppr)
        if text:
            r, t = OxmlElement("w:r"), OxmlElement("w:t")
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
            p.append(r)
        self._sect_pr.addprevious(p)
        return Paragraph(p, self.doc._body)

    def title(self, text: str) -> None:
        p = self.paragraph("GwTitle")
        for i, line in enumerate(split_title(text)):
            run = p.add_run(line)
            if i:
                run._r.addprevious(_br())
        self.paragraph("GwBody")  # 7.3.1: a blank line under the title

    def signature(self, issuer: str, date: str) -> None:
        from docx.shared import Twips

        wi, wd = text_width(issuer), text_width(date)
        if self.sealed:
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
        for _ in range(blanks):
            self.paragraph("GwBody")
        if issuer:
            self.paragraph("GwSignature", issuer).paragraph_format.right_indent = Twips(issuer_indent)
        self.paragraph("GwDate", date).paragraph_format.right_indent = Twips(date_indent)

    def set_properties(self, title: str, author: str, date: dt.date) -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.comments = ""
        props.keywords = "法治政府建设"
        props.language = G.LANGUAGE
        stamp = dt.datetime(date.year, date.month, date.day)
        props.created = props.modified = stamp
        props.revision = 1

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _br():
    from docx.oxml import parse_xml

    return parse_xml(f'<w:r {_NSDECL}><w:br/></w:r>')


def write_docx(blocks: list[Block], sealed: bool = True, bold_headings: bool = False,
               date: dt.date | None = None) -> bytes:
    """The document as bytes; the caller writes it atomically."""
    w = DocxWriter(sealed=sealed, bold_headings=bold_headings)
    title = issuer = date_text = ""
    for b in blocks:
        if b.kind == "title":
            title = b.text
            w.title(b.text)
        elif b.kind == "issuer":
            issuer = b.text
        elif b.kind == "date":
            date_text = b.text
        else:
            w.paragraph(BLOCK_STYLE[b.kind], b.text)
    w.signature(issuer, date_text)
    w.set_properties(title, issuer, date or dt.date.today())
    return w.to_bytes()
