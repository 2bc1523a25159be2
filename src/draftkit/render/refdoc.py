"""The reference document: every part of the .docx but the body's paragraphs, written here.

Nothing comes from another program's template: the styles, page setup, page-number
footers, settings, font table, core and app properties, content types and relationships
are ours, with the numbers of draftkit.render.gbt9704, and only the parts a 公文 needs (no
theme, numbering, web settings or thumbnail). Each part is valid against the ISO/IEC
29500 transitional schemas (tests/test_docx_schema.py) and is what Word, WPS and
LibreOffice read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from draftkit.render import gbt9704 as G

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = f'xmlns:w="{W_NS}"'

# -- the package: parts, their content types and relationships (ISO/IEC 29500-1 §11, §15)
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DOCUMENT, FOOTER_ODD, FOOTER_EVEN = "word/document.xml", "word/footer1.xml", "word/footer2.xml"
CONTENT_TYPES = {
    DOCUMENT: _WML + "document.main+xml",
    "word/styles.xml": _WML + "styles+xml",
    "word/settings.xml": _WML + "settings+xml",
    "word/fontTable.xml": _WML + "fontTable+xml",
    FOOTER_ODD: _WML + "footer+xml",
    FOOTER_EVEN: _WML + "footer+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
_REL = R_NS + "/"
PACKAGE_RELS = [
    ("rId1", _REL + "officeDocument", DOCUMENT),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     "docProps/core.xml"),
    ("rId3", _REL + "extended-properties", "docProps/app.xml"),
]
DOCUMENT_RELS = [  # targets relative to word/
    ("rId1", _REL + "styles", "styles.xml"),
    ("rId2", _REL + "settings", "settings.xml"),
    ("rId3", _REL + "fontTable", "fontTable.xml"),
    ("rId4", _REL + "footer", "footer1.xml"),
    ("rId5", _REL + "footer", "footer2.xml"),
]
_FOOTER_ODD_ID, _FOOTER_EVEN_ID = "rId4", "rId5"


def _content_types() -> str:
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>' for name, ct in CONTENT_TYPES.items())
    return (f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')


def _rels(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


# -- styles: named paragraph styles defined once; runs carry no formatting of their own
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
PAGE_NUMBER_STYLE = "GwPageNumber"


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
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{s.style_id}">'
            f'<w:name w:val="{s.name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr>{"".join(ppr)}</w:pPr><w:rPr>{"".join(rpr)}</w:rPr></w:style>')


_PAGE_NUMBER_STYLE = (
    f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{PAGE_NUMBER_STYLE}">'
    '<w:name w:val="公文页码"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>'
    f'<w:rPr>{_fonts(G.FONT_PAGE_NUMBER, G.FONT_PAGE_NUMBER, hint="eastAsia")}<w:color w:val="000000"/>'
    f'<w:sz w:val="{G.SIZE_4HAO}"/><w:szCs w:val="{G.SIZE_4HAO}"/></w:rPr></w:style>'
)

_DOC_DEFAULTS = (
    f'<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(G.FONT_BODY)}'
    f'<w:kern w:val="2"/><w:sz w:val="{G.SIZE_3HAO}"/><w:szCs w:val="{G.SIZE_3HAO}"/>'
    f'<w:lang w:val="{G.LANGUAGE_LATIN}" w:eastAsia="{G.LANGUAGE}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    f'<w:spacing w:before="0" w:after="0" w:line="{G.LINE_PITCH}" w:lineRule="exact"/>'
    '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
)

# The four default styles every WordprocessingML document has (ISO/IEC 29500-1 §17.7.4.17):
# all formatting is in the defaults above and our own styles; a table a clerk inserts
# later gets Word's usual cell margins.
_DEFAULT_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
)


def _styles(bold_headings: bool) -> str:
    ours = "".join(_style_xml(spec) for spec in style_specs(bold_headings))
    return f"{XML_DECL}<w:styles {_W}>{_DOC_DEFAULTS}{_DEFAULT_STYLES}{ours}{_PAGE_NUMBER_STYLE}</w:styles>"


# -- settings: odd and even footers, Word 2013+ layout (compatibilityMode 15), Chinese
_COMPAT = "".join(
    f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{val}"/>'
    for name, val in (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                      ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1)))
_SETTINGS = (
    f'{XML_DECL}<w:settings {_W}><w:zoom w:percent="100"/>'
    f'<w:defaultTabStop w:val="{G.INDENT_TWIPS}"/>'  # a tab is two characters, as the indent
    '<w:evenAndOddHeaders/>'  # 7.5: odd pages numbered at the right, even at the left
    '<w:characterSpacingControl w:val="doNotCompress"/>'  # full-width punctuation keeps 28 a line
    f'<w:compat><w:useFELayout/>{_COMPAT}</w:compat>'
    f'<w:themeFontLang w:val="{G.LANGUAGE_LATIN}" w:eastAsia="{G.LANGUAGE}"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
)


def _font_table() -> str:
    fonts = [f'<w:font w:name="{G.FONT_LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/>'
             '<w:pitch w:val="variable"/></w:font>']
    fonts += [f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="{G.FONT_CHARSET_GB2312}"/>'
              '</w:font>' for name, alt in G.FONT_STAND_IN.items()]
    return f'{XML_DECL}<w:fonts {_W}>{"".join(fonts)}</w:fonts>'


# -- page setup and the page-number footers (5.1, 5.2.1, 7.5)
def sect_pr() -> str:
    return (f'<w:sectPr><w:footerReference w:type="default" r:id="{_FOOTER_ODD_ID}"/>'
            f'<w:footerReference w:type="even" r:id="{_FOOTER_EVEN_ID}"/>'
            f'<w:pgSz w:w="{G.PAGE_WIDTH}" w:h="{G.PAGE_HEIGHT}"/>'
            f'<w:pgMar w:top="{G.MARGIN_TOP}" w:right="{G.MARGIN_RIGHT}" w:bottom="{G.MARGIN_BOTTOM}" '
            f'w:left="{G.MARGIN_LEFT}" w:header="{G.HEADER_DISTANCE}" w:footer="{G.FOOTER_DISTANCE}" w:gutter="0"/>'
            # No document grid: the exact line pitch and the condensing give 22 × 28 in Word,
            # WPS and LibreOffice alike (Word's linesAndChars grid breaks LibreOffice).
            '</w:sectPr>')


def _footer(side: str) -> str:
    """— n —: a PAGE field between em dashes, odd pages right and even pages left, 空一字."""
    indent = f'w:right="{G.PAGE_NUMBER_INDENT}"' if side == "right" else f'w:left="{G.PAGE_NUMBER_INDENT}"'
    dash = G.EM_DASH
    return (f'{XML_DECL}<w:ftr {_W}><w:p><w:pPr><w:pStyle w:val="{PAGE_NUMBER_STYLE}"/>'
            f'<w:ind {indent} w:firstLine="0"/><w:jc w:val="{side}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r></w:p></w:ftr>')


# -- properties: who wrote it, when, what it is; the application is draftkit
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text as XML character data; a character XML cannot hold is refused (as lxml does)."""
    if _NOT_XML.search(text):
        raise ValueError(f"not XML-compatible: {text!r}")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _core(title: str, creator: str, when: dt.datetime) -> str:
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    props = [f"<dc:title>{xml_text(title)}</dc:title>"] if title else []
    if creator:
        props += [f"<dc:creator>{xml_text(creator)}</dc:creator>",
                  f"<cp:lastModifiedBy>{xml_text(creator)}</cp:lastModifiedBy>"]
    props += ["<cp:keywords>法治政府建设</cp:keywords>", "<cp:revision>1</cp:revision>",
              f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>',
              f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>',
              f"<dc:language>{G.LANGUAGE}</dc:language>"]
    return (f'{XML_DECL}<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{"".join(props)}</cp:coreProperties>')


def _app(company: str) -> str:
    org = f"<Company>{xml_text(company)}</Company>" if company else ""
    return (f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Application>draftkit</Application><DocSecurity>0</DocSecurity>{org}</Properties>')


def package_parts(document: str, title: str, issuer: str, when: dt.datetime,
                  bold_headings: bool = False) -> dict[str, str]:
    """Every part of the package by part name, in the order they are zipped: the body
    (word/document.xml, ending in sect_pr()) is the caller's, the rest ours."""
    return {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels(PACKAGE_RELS),
        "docProps/core.xml": _core(title, issuer, when),
        "docProps/app.xml": _app(issuer),
        DOCUMENT: document,
        "word/_rels/document.xml.rels": _rels(DOCUMENT_RELS),
        "word/styles.xml": _styles(bold_headings),
        "word/settings.xml": _SETTINGS,
        "word/fontTable.xml": _font_table(),
        FOOTER_ODD: _footer("right"),
        FOOTER_EVEN: _footer("left"),
    }
