"""Read past reports of any common kind into plain text: .txt in any encoding, .docx
(paragraphs and table cells, in document order), .html without navigation, .md; .doc, .wps
and .pdf through LibreOffice (convert.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from draftkit.errors import SkipFile
from draftkit.reading.convert import office_kind, to_docx

SUFFIXES = (".txt", ".text", ".docx", ".html", ".htm", ".md", ".markdown", ".doc", ".wps", ".pdf")


@dataclass
class Source:
    """One file read for mining: where it is, its name in provenance, its text."""

    path: Path
    name: str  # as it appears in provenance: the file name
    text: str


def find_files(paths: list[Path]) -> list[Path]:
    """Files to mine under the given files and folders, sorted for reproducible output."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            # Not only regular files: a pipe or device named like a report is reported as skipped.
            out.extend(f for f in p.rglob("*") if not f.is_dir() and f.suffix.lower() in SUFFIXES
                       and not f.name.startswith("."))
        else:
            out.append(p)
    return sorted(dict.fromkeys(out), key=lambda f: (f.name, str(f)))


def read_source(path: Path) -> Source:
    try:
        return _read_source(path)
    except SkipFile as exc:  # say which file
        raise SkipFile(exc.why, path) from None


def _read_source(path: Path) -> Source:
    from draftkit.inputs import REPORT_LIMIT, read_bytes

    data = read_bytes(path, REPORT_LIMIT)
    if not data.strip():
        raise SkipFile("文件是空的")
    suffix = path.suffix.lower()
    office = office_kind(suffix, data)
    if office:  # .doc, .wps, .pdf: through LibreOffice, or one line saying to save as .docx
        converted = to_docx(data, office)
        text = frames_text(converted) if office == ".pdf" else docx_text(converted)
    elif suffix in (".docx", ".doc", ".wps"):
        text = docx_text(data)
    elif b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SkipFile("这是二进制文件，不是文本")
    else:
        text = decode(data)
        if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown") and _looks_html(text)):
            text = html_text(text)
        elif suffix in (".md", ".markdown"):
            text = markdown_text(text)
    if not text.strip():
        raise SkipFile("没有可用的文字")
    return Source(path, path.name, text)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer detects
    (GB18030/GBK, Big5, UTF-16 …). Text that decodes to nothing readable is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise SkipFile("无法识别文件编码")
    text = str(best)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < len(text) * 0.05:
        raise SkipFile(f"按 {best.encoding} 解码后没有中文，可能不是文本文件")
    return text


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PARAGRAPHS = 100_000  # a long report has some 300


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx (table cells included), one a line, with Word's automatic
    numbering. Every part is read under the limits of reading/package.py; the main part is
    parsed as it is unpacked, paragraphs let go once read."""
    from lxml import etree

    from draftkit.inputs import XML_LIMIT
    from draftkit.reading.package import INVALID, doctype_in, main_part, open_package, open_part, reading

    package = open_package(data)
    main = main_part(package)
    numbering = _numbering(package, main)
    lines: list[str] = []
    body = checked = False
    with reading(main), open_part(package, main, XML_LIMIT) as raw:
        try:
            for event, el in etree.iterparse(raw, events=("start", "end"), tag=(f"{W}document", f"{W}p", f"{W}body"),
                                             resolve_entities=False, no_network=True, load_dtd=False,
                                             huge_tree=False):
                if not checked:  # the DTD comes before the first element, in any encoding
                    checked = True
                    if doctype_in(el.getroottree()):
                        raise SkipFile("正文含有 DTD 或实体声明，出于安全考虑不予读取")
                if event == "start" or el.tag == f"{W}document":
                    continue
                if el.tag == f"{W}body":
                    body = True
                    continue
                text = "".join(t.text or "" for t in el.iter(f"{W}t"))
                label = numbering.label(el) if numbering is not None else None
                lines.append(_numbered(label, text) if label else text)
                if len(lines) > MAX_PARAGRAPHS:
                    raise SkipFile(f"段落超过 {MAX_PARAGRAPHS:,} 个，不像一份报告，不予读取")
                if not any(a.tag == f"{W}p" for a in el.iterancestors()):
                    el.clear()
                    while el.getprevious() is not None:
                        del el.getparent()[0]
        except (etree.XMLSyntaxError, OSError, ValueError):
            raise SkipFile(f"{INVALID}（正文无法解析）") from None
    if not body:
        raise SkipFile(f"{INVALID}（没有正文）")
    return "\n".join(lines)


def _numbered(label: str, text: str) -> str:
    """A paragraph as Word shows it: its number, then its text; a space only after a Latin
    letter or digit (3.1 子项), none after 一、 or ①."""
    if not text:
        return label
    return label + (" " if label[-1].isascii() and label[-1].isalnum() else "") + text


def _numbering(package, main: str):
    """Word's automatic numbering of the document (numbering.xml and the styles that carry
    it, found through the main part's relationships), or None when it has none. A part
    that cannot be read leaves the paragraphs unnumbered rather than the file unread."""
    import posixpath
    import zipfile

    from lxml import etree

    from draftkit.reading.wordnum import Numbering

    folder, name = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    parts = {}
    try:
        rels = _parse_part(package, rels_name) if rels_name in package.NameToInfo else None
        for rel in rels.iter("{http://schemas.openxmlformats.org/package/2006/relationships}Relationship") \
                if rels is not None else ():
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in ("numbering", "styles") and rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                if target in package.NameToInfo:
                    parts[kind] = _parse_part(package, target)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError, ValueError, KeyError):
        return None
    if parts.get("numbering") is None:
        return None
    return Numbering(parts.get("numbering"), parts.get("styles"))


def _parse_part(package, name: str):
    """One XML part of the package, read under the limits every part is read under
    (reading/package.py: size, ratio, a damaged stream, no DTD in any encoding)."""
    from draftkit.reading.package import parse_part

    return parse_part(package, name)


def frames_text(data: bytes) -> str:
    """The text of a .docx LibreOffice made from a PDF: each piece of a PDF line is a text
    frame at its place on the page, in the PDF's reading order. Pieces in a row at one
    height are joined into a line (left to right); a line that runs to the right margin
    and does not end a sentence goes on in the next (the PDF's own line breaks)."""
    from lxml import etree

    from draftkit.inputs import XML_LIMIT
    from draftkit.reading.package import open_package, parse_part, reading

    ns = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
          "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
    try:  # read as any docx is (reading/package.py): a hostile PDF makes no bomb of what LibreOffice writes
        with reading("word/document.xml"):
            root = parse_part(open_package(data), "word/document.xml", XML_LIMIT)
    except (SkipFile, etree.XMLSyntaxError):
        raise SkipFile("转换后的文件无法读取：请另存为 .docx 后再试") from None
    lines: list[tuple[str, int, int]] = []  # (text, right edge, height)
    for page in root.iterfind("w:body/w:p", ns):
        pieces = []
        for anchor in page.iterfind(".//mc:Choice//wp:anchor", ns):
            x = int(anchor.findtext("wp:positionH/wp:posOffset", "0", ns))
            y = int(anchor.findtext("wp:positionV/wp:posOffset", "0", ns))
            ext = anchor.find("wp:extent", ns)
            cx, cy = (int(ext.get("cx", 0)), int(ext.get("cy", 0))) if ext is not None else (0, 0)
            text = "".join(t.text or "" for t in anchor.iter(f"{W}t"))
            if text.strip() and not _PAGE_NUMBER.match(text):
                pieces.append((y, x, cx, cy, text))
        row: list[tuple[int, int, int, int, str]] = []
        for piece in pieces + [None]:  # in the PDF's own order (pages follow each other)
            if row and (piece is None or abs(piece[0] - row[0][0]) > max(row[0][3], 1) // 2):
                row.sort(key=lambda p: p[1])
                lines.append(("".join(p[4] for p in row).strip(), max(p[1] + p[2] for p in row), row[0][3]))
                row = []
            if piece is not None:
                row.append(piece)
        if not pieces:  # a paragraph of its own (a page LibreOffice laid out as text)
            text = "".join(t.text or "" for t in page.iter(f"{W}t")).strip()
            if text:
                lines.append((text, 0, 0))
    margin = max((right for _, right, _ in lines), default=0)
    heights = [h for _, _, h in lines]
    body = max(set(heights), key=heights.count, default=0)  # the body text's line height
    out: list[str] = []
    last = (0, 0)
    for text, right, height in lines:
        # a line run to the margin goes on; so does a title in larger type over two lines
        on = last[0] >= margin * 0.9 or height > body * 1.2 and height == last[1]
        if out and on and joins(out[-1], text):
            out[-1] += text
        else:
            out.append(text)
        last = (right, height)
    return "\n".join(out)


_PAGE_NUMBER = re.compile(r"^\s*[—－\-–]\s*\d+\s*[—－\-–]\s*$|^\s*第?\s*\d+\s*页\s*$")


def joins(line: str, following: str) -> bool:
    """Whether a PDF line goes on in the next: it does not end a sentence or a heading,
    and the next does not start a numbered heading or item."""
    if line.endswith(("。", "：", "；", "！", "？")):
        return False
    return not re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|特此报告)").match(following)




def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "select", "button", "iframe",
            "rt", "rp"}  # rt, rp: ruby readings (pinyin over characters)
    BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "title"}
    CHROME_ATTR = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|sidebar|share|toolbar|copyright|position|"
                             r"related|recommend|comment|banner",
                             re.I)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            if tag == "br":
                self.parts.append("\n")
            return
        attr = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = self._skipping() or tag in self.SKIP or bool(self.CHROME_ATTR.search(attr))
        self.stack.append((tag, skip))
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def html_text(html: str) -> str:
    p = _HTMLText()
    p.feed(html)
    p.close()
    return re.compile(r"\n\s*\n+").sub("\n", "".join(p.parts))


def markdown_text(md: str) -> str:
    lines = []
    for line in md.splitlines():
        line = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)").sub("", line)
        line = re.compile(r"\*\*|__|`").sub("", line)
        line = re.compile(r"\\(.)").sub(r"\1", line)
        lines.append(line)
    return "\n".join(lines)
