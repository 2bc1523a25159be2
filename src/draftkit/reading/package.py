"""A .docx package opened defensively: the same limits for every part that is read
([Content_Types].xml, the main document, and any other), whatever its name. A small
file may unpack to gigabytes, name a million entries, hold a damaged deflate stream or
XML with a DTD in any encoding: each ends in SkipFile, one Chinese line, before much
is read or held.

- entries: the central directory's count, read from its end record before zipfile
  builds one object an entry (50 MB of entries would be a million of them);
- bytes: each part's declared size against its limit before a byte is inflated (a
  part declared smaller than it unpacks is cut by zipfile at the declared size and
  fails its CRC), and what it gives counted while it is read;
- ratio: a part unpacking to more than a megabyte at over 500 times its packed size;
- XML: no DTD, no entity declaration (refused as bytes in the first kilobytes after
  the part is decoded by its BOM or declaration, and again by lxml's own record of a
  document type), no network, no huge trees.
"""

from __future__ import annotations

import struct

from draftkit.errors import SkipFile

MAX_ENTRIES = 5_000  # a report has some 15 parts; with pictures, a few hundred
PART_LIMIT = 4 << 20  # any part but the main document, unpacked: [Content_Types].xml is some 2 KB
MAX_RATIO = 500  # Word's XML packs 5 to 20 times; a bomb a thousand times
RATIO_FLOOR = 1 << 20  # below this a part's ratio does not matter
CONTENT_TYPES = "[Content_Types].xml"
MAIN_TYPES = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
              "ms-word.document.macroEnabled.main+xml", "ms-word.template.macroEnabledTemplate.main+xml")
INVALID = "不是有效的 .docx 文件"


def open_package(data: bytes):
    """The zip of a .docx, refused when it is not one or names too many entries, or has
    no [Content_Types].xml (Word refuses such a file)."""
    import io
    import zipfile

    count = _entry_count(data)
    if count is not None and count > MAX_ENTRIES:
        raise SkipFile(f"{INVALID}（压缩包中有 {count:,} 个条目，不像一份报告）")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, RuntimeError, OSError, EOFError):
        raise SkipFile(INVALID) from None
    if len(package.infolist()) > MAX_ENTRIES:
        raise SkipFile(f"{INVALID}（压缩包中条目太多，不像一份报告）")
    if CONTENT_TYPES not in package.NameToInfo:
        raise SkipFile(f"{INVALID}（缺少 {CONTENT_TYPES}，Word 也打不开）")
    return package


def _entry_count(data: bytes) -> int | None:
    """Entries the zip's end record declares (ZIP64 too); None when there is none."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, at + 10)[0]
    if count == 0xFFFF and at >= 20 and data[at - 20:at - 16] == b"PK\x06\x07":
        record = struct.unpack_from("<Q", data, at - 12)[0]
        if record + 40 <= len(data) and data[record:record + 4] == b"PK\x06\x06":
            count = struct.unpack_from("<Q", data, record + 32)[0]
    return count


def open_part(package, name: str, limit: int = PART_LIMIT) -> "Guarded":
    """A part to read as a stream, under the limits; SkipFile when it is missing,
    declared too big, packed too tightly, encrypted or in a method zipfile lacks."""
    import zipfile

    from draftkit.inputs import size_text

    info = package.NameToInfo.get(name)
    if info is None:
        raise SkipFile(f"{INVALID}（缺少 {name}）")
    what = "正文" if limit > PART_LIMIT else f"{name} "
    if info.file_size > limit:
        raise SkipFile(f"{INVALID}（{what}解压后有 {size_text(info.file_size)}，超过 {size_text(limit)}，不予读取）")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise SkipFile(f"{INVALID}（{what}的压缩比超过 {MAX_RATIO} 倍，像是压缩炸弹，不予读取）")
    try:
        return Guarded(package.open(info), limit, what)
    except (zipfile.BadZipFile, ValueError, NotImplementedError, RuntimeError, OSError, EOFError):
        raise SkipFile(f"{INVALID}（{what}无法解压）") from None


def read_part(package, name: str, limit: int = PART_LIMIT) -> bytes:
    """A small part whole (checked as open_part checks it, and for a DTD)."""
    chunks = []
    with reading(name):
        raw = open_part(package, name, limit)
        while chunk := raw.read(1 << 16):
            chunks.append(chunk)
    return b"".join(chunks)


def main_part(package) -> str:
    """The part [Content_Types].xml names as the main document (word/document.xml when
    it names none but that part is there)."""
    from lxml import etree

    types = read_part(package, CONTENT_TYPES)
    try:
        root = etree.fromstring(types, safe_parser())
    except (etree.XMLSyntaxError, ValueError):
        raise SkipFile(f"{INVALID}（{CONTENT_TYPES} 无法解析）") from None
    if doctype_in(root.getroottree()):
        raise SkipFile(f"{CONTENT_TYPES} 含有 DTD 或实体声明，出于安全考虑不予读取")
    for el in root:
        kind, name = el.get("ContentType") or "", (el.get("PartName") or "").lstrip("/")
        if kind.endswith(MAIN_TYPES) and name in package.NameToInfo:
            return name
    if "word/document.xml" in package.NameToInfo:
        return "word/document.xml"
    raise SkipFile(f"{INVALID}（没有正文）")


def parse_part(package, name: str, limit: int = PART_LIMIT):
    """The root of an XML part read under the limits (rels, styles, numbering …): a
    damaged stream, a bomb or a DTD ends the reading of the file (SkipFile); XML that
    does not parse is lxml's XMLSyntaxError, for the caller to do without the part."""
    from lxml import etree

    root = etree.fromstring(read_part(package, name, limit), safe_parser())
    if doctype_in(root.getroottree()):
        raise SkipFile(f"{name} 含有 DTD 或实体声明，出于安全考虑不予读取")
    return root


class reading:
    """Around reading a part: a damaged stream (zlib.error, a bad CRC) is one line."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> "reading":
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        import zlib
        import zipfile

        if kind is not None and issubclass(kind, (zlib.error, zipfile.BadZipFile, EOFError)):
            raise SkipFile(f"{INVALID}（{self.name} 的压缩数据已损坏）") from None
        return False


class Guarded:
    """A file-like over an unpacked part that counts what it gives and refuses a DTD
    or an entity declaration, in whatever encoding the XML is written: both raise
    SkipFile mid-parse."""

    def __init__(self, raw, limit: int, what: str) -> None:
        self.raw, self.limit, self.what, self.seen = raw, limit, what, 0
        self.tail, self.codec = b"", None

    def read(self, n: int = -1) -> bytes:
        from draftkit.inputs import size_text

        chunk = self.raw.read(min(n, 1 << 16) if n and n > 0 else 1 << 16)
        self.seen += len(chunk)
        if self.seen > self.limit:
            raise SkipFile(f"{self.what}解压后超过 {size_text(self.limit)}，不像一份报告，不予读取")
        if self.codec is None:
            self.codec = xml_codec(chunk)
        window = self.tail + chunk
        if has_dtd(window, self.codec):
            raise SkipFile(f"{self.what}含有 DTD 或实体声明，出于安全考虑不予读取")
        self.tail = chunk[-64:]
        return chunk

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "Guarded":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_NO_BOM = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"),
           (b"<\x00?\x00", "utf-16-le"))


def xml_codec(head: bytes) -> str:
    """The encoding an XML entity is in, as XML 1.0 appendix F tells it from the first
    bytes (a BOM, or how ``<?`` is spelled), then from the declaration's encoding."""
    for bom, codec in _BOMS + _NO_BOM:
        if head.startswith(bom):
            return codec
    import re

    m = re.match(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", head[:200])
    if m:
        import codecs

        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            return "utf-8"
    return "utf-8"


def has_dtd(window: bytes, codec: str) -> bool:
    """Whether bytes of XML in ``codec`` hold ``<!DOCTYPE`` or ``<!ENTITY``."""
    family = codec.replace("_", "-")
    if family.startswith(("utf-16", "utf-32")):
        width = family[:6]
        codecs = [f"{width}-le", f"{width}-be"]  # either order: a BOM-less "UTF-16" may be either
    else:
        codecs = ["utf-8"]  # ASCII-compatible: GBK, Big5, Latin-1 … spell "<!DOCTYPE" as ASCII does
    return any(word.encode(c) in window for c in codecs for word in ("<!DOCTYPE", "<!ENTITY"))


def doctype_in(tree) -> bool:
    """Whether lxml recorded a document type for a parsed tree (whatever the encoding)."""
    info = tree.docinfo
    return bool(info.doctype) or info.internalDTD is not None or info.externalDTD is not None


def safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           dtd_validation=False)
