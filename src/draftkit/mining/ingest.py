"""Read past reports of any common kind into plain text: .txt in any encoding, .docx
(paragraphs and table cells, in document order), .html without navigation, .md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from draftkit.errors import SkipFile

SUFFIXES = (".txt", ".text", ".docx", ".html", ".htm", ".md", ".markdown")


@dataclass
class Source:
    path: Path
    name: str  # as it appears in provenance: the file name
    text: str


def find_files(paths: list[Path]) -> list[Path]:
    """Files to mine under the given files and folders, sorted for reproducible output."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
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
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SkipFile("文件不存在") from None
    except OSError as exc:
        raise SkipFile(f"无法读取（{exc.strerror}）") from None
    if not data.strip():
        raise SkipFile("文件是空的")
    suffix = path.suffix.lower()
    if suffix == ".docx":
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


def docx_text(data: bytes) -> str:
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise SkipFile("不是有效的 .docx 文件") from None
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lines = []
    for block in doc.element.body.iter(f"{w}p"):  # paragraphs, including those in table cells
        lines.append("".join(t.text or "" for t in block.iter(f"{w}t")))
    return "\n".join(lines)


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
    return re.sub(r"\n\s*\n+", "\n", "".join(p.parts))


def markdown_text(md: str) -> str:
    lines = []
    for line in md.splitlines():
        line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)", "", line)
        line = re.sub(r"\*\*|__|`", "", line)
        line = re.sub(r"\\(.)", r"\1", line)
        lines.append(line)
    return "\n".join(lines)
