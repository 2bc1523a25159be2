"""Hostile .docx packages, read by check, import and mine: every part that is read is
under the same limits (reading/package.py) — a [Content_Types].xml or a main part that
unpacks to 4 GB (its size declared truly, or as a lie), too tight a compression, too
many entries, a damaged deflate stream, no [Content_Types].xml, a DTD in UTF-16 or
UTF-32 XML, with or without a BOM. Each ends in one Chinese line and exit 2, fast and
small. A seeded fuzz of damaged packages finds no other way out."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hostile_inputs import (
    CONTENT_TYPES,
    docx_corrupt_deflate,
    docx_many_entries,
    docx_part_bomb,
    docx_parts,
    docx_streamed,
    docx_text,
    docx_with,
    report_txt,
    xml_dtd_in,
)
from hostile_run import Case, params, verify

from draftkit.errors import SkipFile

FOUR_GB = 4_000_000_000
CT = "[Content_Types].xml"
DOC = "word/document.xml"
UTF16_DTD = xml_dtd_in("utf-16-le")
PACKAGES = {
    "ct-4gb": (docx_part_bomb(CT, FOUR_GB), "[Content_Types].xml 解压后"),
    "ct-4gb-declared-small": (docx_part_bomb(CT, FOUR_GB, lie=2000), "压缩数据已损坏"),
    "doc-4gb": (docx_part_bomb(DOC, FOUR_GB), "正文解压后"),
    "doc-4gb-declared-small": (docx_part_bomb(DOC, FOUR_GB, lie=2000), "压缩数据已损坏"),
    "doc-ratio": (docx_streamed(b"<x>", b" ", 20 << 20, b"</x>"), "压缩比"),
    "many-entries": (docx_many_entries(60_000), "60,000 个条目"),
    "no-content-types": (docx_parts(drop=(CT,)), "缺少 [Content_Types].xml"),
    "content-types-not-xml": (docx_parts(content_types=b"<Types"), "无法解析"),
    "content-types-dtd-utf16": (docx_parts(content_types=UTF16_DTD), "DTD"),
    "corrupt-deflate": (docx_corrupt_deflate(), "压缩数据已损坏"),
    "dtd-utf16le-bom": (docx_with(UTF16_DTD), "DTD"),
    "dtd-utf16be-bom": (docx_with(xml_dtd_in("utf-16-be")), "DTD"),
    "dtd-utf16-no-bom": (docx_with(xml_dtd_in("utf-16-le", bom=False)), "DTD"),
    "dtd-utf16-undeclared": (docx_with(xml_dtd_in("utf-16-le", declare=False)), "DTD"),
    "dtd-utf32": (docx_with(xml_dtd_in("utf-32-le")), "DTD"),
    "dtd-utf8-bom": (docx_with(xml_dtd_in("utf-8")), "DTD"),
    "dtd-gb18030": (docx_with(xml_dtd_in("gb18030", bom=False)), "DTD"),
}
COMMANDS = {"check": ("check", "r.docx"), "import": ("import", "r.docx", "-o", "d.yaml"),
            "mine": ("mine", "r.docx", "-o", "bank")}
CASES = [Case(f"{cmd}-{name}", argv, {"r.docx": build}, expect=("r.docx", why), seconds=10, rss_mb=150)
         for name, (build, why) in PACKAGES.items() for cmd, argv in COMMANDS.items()
         if cmd == "check" or name in ("ct-4gb", "corrupt-deflate", "no-content-types", "dtd-utf16le-bom")]


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_docx(case: Case, tmp_path: Path):
    verify(case, tmp_path)


def test_real_packages_still_read():
    """What Word, WPS and python-docx write: the main part found through the content types."""
    from draftkit.reading.ingest import docx_text as read

    assert "测试县人民政府关于2025年度法治政府建设情况的报告" in read(docx_text(*report_txt().splitlines()))
    renamed = docx_parts(drop=(DOC,), **{"word/main.xml": _main_xml(),
                                         "content_types": CONTENT_TYPES.replace(b"/word/document.xml",
                                                                                b"/word/main.xml")})
    assert read(renamed).strip() == "正文在别处"


def _main_xml() -> bytes:
    from hostile_inputs import NS

    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body><w:p><w:r><w:t>正文在别处</w:t></w:r>'
            f'</w:p></w:body></w:document>').encode()


def test_fuzzed_packages_end_in_one_line():
    """Bytes flipped, cut or repeated anywhere in a real package: docx_text gives text or
    SkipFile, nothing else (no zlib.error, no KeyError, no struct.error …)."""
    from draftkit.reading.ingest import docx_text as read

    good = docx_text(*report_txt().splitlines())
    rng = random.Random(22)
    outcomes = {"text": 0, "refused": 0}
    for _ in range(400):
        data = bytearray(good)
        how = rng.randrange(4)
        if how == 0:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == 1:
            del data[rng.randrange(len(data)):]
        elif how == 2:
            at = rng.randrange(len(data))
            data[at:at] = data[at:at + rng.randint(1, 200)] * rng.randint(1, 5)
        else:
            at = rng.randrange(len(data))
            data[at:at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"PK\x05\x06", b"PK\x01\x02"])
        try:
            read(bytes(data))
            outcomes["text"] += 1
        except SkipFile as exc:
            assert exc.problems and "\n" not in str(exc), str(exc)
            outcomes["refused"] += 1
    assert outcomes["refused"] > 100 and outcomes["text"] > 10, outcomes
