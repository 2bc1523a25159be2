"""Hostile inputs for tests/test_hostile.py, built at test time: data files, reports,
docx packages (bombs streamed so that nothing big is kept in the repository), banks,
templates, FIFOs. Each builder returns the bytes of a file, or a callable that makes the
file itself at the path it is given (for what is special or too big to hold)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Callable, Union

Content = Union[bytes, str, Callable[[Path], None]]

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def data(year: str = "2025", date: str = "2026-02-10", item: str = "完成了工作",
         parts: str | None = None, extra: str = "") -> str:
    """A data file that renders cleanly, with one field replaced by something hostile."""
    if parts is None:
        parts = (f"  measures: {{items: [{item}]}}\n  shortcomings: {{items: [还有不足]}}\n"
                 "  leadership: {items: [履行了职责]}\n  plan: {items: [继续努力]}\n")
    return (f"issuer: {{name: 测试县人民政府, level: 县区}}\nyear: {year}\ndate: {date}\n{extra}"
            f"parts:\n{parts}")


def figure(current: str, previous: str = "10") -> str:
    """An item whose one figure takes a hostile value."""
    return f'{{text: "办理案件{{n}}", values: {{n: {{current: {current}, previous: {previous}, unit: 件}}}}}}'


def phrase_item(pid: str) -> str:
    return f"{{phrase: {pid}}}"


REPORT_TXT = """测试县人民政府关于2025年度法治政府建设情况的报告
2025年，测试县坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下：
一、2025年推进法治政府建设的主要举措和成效
全年办理行政复议案件{n}件，同比增长{pct}%。
二、2025年推进法治政府建设存在的不足和原因
还有不足，主要原因是学习不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，专题研究法治政府建设工作4次。
四、2026年推进法治政府建设的主要安排
继续推进行政复议工作。
特此报告。
测试县人民政府
2026年2月10日
"""


def report_txt(n: str = "6", pct: str = "20", extra: str = "") -> str:
    return REPORT_TXT.format(n=n, pct=pct) + extra


def deep_flow(depth: int) -> str:
    return "[" * depth + "]" * depth + "\n"


def deep_block(depth: int) -> str:
    return "- " * depth + "x\n"


def billion_laughs_yaml() -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    body = data(parts="  measures: {items: *a9}\n  shortcomings: {items: *a9}\n"
                      "  leadership: {items: *a9}\n  plan: {items: *a9}\n")
    return "x-anchors:\n" + "\n".join("  " + line for line in lines) + "\n" + body


def big_yaml(megabytes: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        item = "    - 全年办理行政复议案件六件，依法纠正违法或不当行政行为，切实维护群众合法权益。\n"
        count = megabytes * 1_000_000 // len(item.encode("utf-8"))
        with path.open("w", encoding="utf-8") as fh:
            fh.write(data(parts="  shortcomings: {items: [还有不足]}\n  leadership: {items: [履行了职责]}\n"
                                "  plan: {items: [继续努力]}\n  measures:\n    items:\n"))
            for _ in range(count // 1000):
                fh.write(item * 1000)
    return make


# -- docx --------------------------------------------------------------------------------

def _blank_docx_parts() -> dict[str, bytes]:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("测试县人民政府关于2025年度法治政府建设情况的报告")
    d.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        return {n: z.read(n) for n in z.namelist()}


def docx_with(document_xml: bytes) -> bytes:
    """A real package (from python-docx's default template) whose main part is replaced."""
    parts = _blank_docx_parts()
    parts["word/document.xml"] = document_xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, payload in parts.items():
            z.writestr(name, payload)
    return buf.getvalue()


def docx_text(*paras: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras)
    return docx_with(f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'
                     .encode("utf-8"))


def docx_streamed(head: bytes, unit: bytes, total: int, tail: bytes) -> Callable[[Path], None]:
    """A docx whose document.xml is ``head + unit*… + tail``, about ``total`` bytes
    unpacked, written through zipfile in chunks (a few MB on disk for a GB inside)."""
    def make(path: Path) -> None:
        parts = _blank_docx_parts()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for name, payload in parts.items():
                if name != "word/document.xml":
                    z.writestr(name, payload)
            info = zipfile.ZipInfo("word/document.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as fh:
                fh.write(head)
                chunk = unit * max(1, (1 << 20) // len(unit))
                for _ in range(total // len(chunk)):
                    fh.write(chunk)
                fh.write(tail)
    return make


def docx_bomb(total: int) -> Callable[[Path], None]:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body><w:p><w:r><w:t>'.encode()
    return docx_streamed(head, "法".encode("utf-8") * 1024, total, b"</w:t></w:r></w:p></w:body></w:document>")


def docx_empty_paragraphs(total: int) -> Callable[[Path], None]:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>'.encode()
    return docx_streamed(head, b"<w:p/>", total, b"</w:body></w:document>")


def xml_billion_laughs() -> bytes:
    ents = ['<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">']
    ents += [f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(ents)}]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>').encode()


def xml_parameter_entity(target: Path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://{target}"> %p;]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>').encode()


def xml_external_entity(target: Path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{target}">]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()


NO_BODY = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}/>'.encode()
NOT_XML = "这不是 XML <w:p 未闭合".encode("utf-8")


# -- banks -------------------------------------------------------------------------------

GOOD_ENTRY = ('{"id":"p-0000000001","text":"全年办理行政复议案件{n}件","part":"measures","move":"result",'
              '"topic":"review","kind":"sentence","docs":2,"years":[2024],"slots":{"n":"number"},'
              '"sources":[{"file":"a.txt","para":3}]}\n')


# -- special files -----------------------------------------------------------------------

def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_to(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)
    return make


def folder(path: Path) -> None:
    path.mkdir()


# -- docx packages built by hand ---------------------------------------------------------

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
                 'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>').encode()


def docx_parts(drop: tuple[str, ...] = (), **replace: bytes) -> bytes:
    """python-docx's blank package with parts dropped or replaced (``word_document_xml``
    names word/document.xml, ``content_types`` [Content_Types].xml)."""
    parts = _blank_docx_parts()
    names = {"word_document_xml": "word/document.xml", "content_types": "[Content_Types].xml"}
    for key, payload in replace.items():
        parts[names.get(key, key)] = payload
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, payload in parts.items():
            if name not in drop:
                z.writestr(name, payload)
    return buf.getvalue()


def zip_by_hand(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate stream, declared unpacked size, declared CRC-32)
    entries, each as given: what zipfile would not write (a size that lies, a stream
    made of repeated blocks)."""
    import struct

    out, central = io.BytesIO(), io.BytesIO()
    for name, stream, size, crc in entries:
        at, raw = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(stream), size, len(raw), 0))
        out.write(raw + stream)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(stream), size,
                                  len(raw), 0, 0, 0, 0, 0, at) + raw)
    cd = central.getvalue()
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(cd), out.tell(), 0)
    return out.getvalue() + cd + end


def deflated_repeat(head: bytes, unit: bytes, total: int) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``head`` then ``unit`` repeated to about ``total`` bytes,
    made in a second for gigabytes: each piece is flushed whole (Z_FULL_FLUSH), so one
    compressed piece repeated is a valid stream. Returns it, its size and CRC-32."""
    import zlib

    def piece(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)

    chunk = unit * max(1, (16 << 20) // len(unit))
    times = max(0, (total - len(head)) // len(chunk))
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return piece(head) + piece(chunk) * times + b"\x03\x00", len(head) + len(chunk) * times, crc


def docx_part_bomb(name: str, total: int, lie: int | None = None) -> Callable[[Path], None]:
    """A package whose part ``name`` unpacks to ``total`` bytes (declared as ``lie`` when
    given), beside a small [Content_Types].xml unless that is the bomb; no main part."""
    def make(path: Path) -> None:
        import zlib

        stream, size, crc = deflated_repeat(b'<?xml version="1.0"?><Types>', b" ", total)
        entries = [(name, stream, size if lie is None else lie, crc)]
        if name != "[Content_Types].xml":
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            entries.insert(0, ("[Content_Types].xml", c.compress(CONTENT_TYPES) + c.flush(), len(CONTENT_TYPES),
                               zlib.crc32(CONTENT_TYPES)))
        path.write_bytes(zip_by_hand(entries))
    return make


def docx_many_entries(count: int) -> bytes:
    import zlib

    empty = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = empty.compress(b"") + empty.flush()
    return zip_by_hand([(f"x/{i}.xml", stream, 0, 0) for i in range(count)])


def docx_corrupt_deflate() -> bytes:
    """A package whose main part's deflate stream breaks after its first half: the
    block that follows has the invalid type 3 (zlib.error while unpacking)."""
    import zlib

    body = "".join(f"<w:p><w:r><w:t>第{i}段，依法行政。</w:t></w:r></w:p>" for i in range(3000))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'.encode()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    half = c.compress(xml[:len(xml) // 2]) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    types = c.compress(CONTENT_TYPES) + c.flush()
    return zip_by_hand([("[Content_Types].xml", types, len(CONTENT_TYPES), zlib.crc32(CONTENT_TYPES)),
                        ("word/document.xml", half + b"\xff" * 64, len(xml), zlib.crc32(xml))])


def xml_dtd_in(codec: str, bom: bool = True, declare: bool = True) -> bytes:
    """The billion laughs in another encoding than UTF-8 (a byte search for <!DOCTYPE
    misses it)."""
    text = xml_billion_laughs().decode()
    if declare:
        text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{codec.upper()}"?>')
    else:
        text = text.replace('<?xml version="1.0"?>', "")
    raw = text.encode(codec)
    if bom:
        raw = "\ufeff".encode(codec) + raw
    return raw


# -- one long paragraph --------------------------------------------------------------------

_FIGURE_SENTENCES = [
    "全年办理行政复议案件{a}件，同比增长{p}%。", "行政复议纠错率{r}%，行政应诉败诉率{q}%。", "群众满意率达{r}%。",
    "由{a}件增加到{b}件，同比增长{p}%。", "其中，民事{a}件、刑事{b}件。", "组织培训{a}场次，覆盖{b}余人，同比增长{p}%。",
    "2025年3月15日，召开专题会议。", "于2025-04-01印发《青岚县行政执法公示办法（试行）》。", "办理法律援助案件{a}，",
    "加強規範性檔案管理，提升執法水準。", "“谁执法谁普法”责任制全面落实。", "会前学法{a}次，同比增长{p}%。",
    "政务服务事项网上可办率{r}%，较上年提高{q}个百分点。", "持续深化“放管服”改革，争先进位。", "的的确确，",
    "深化行政复议体制改革。", "原因是。", "开展执法检查{a}次（其中联合检查{b}次）。", "【待填：数字】件，",
]


def long_paragraph(chars: int, seed: int = 0) -> str:
    """One paragraph of ``chars`` characters with no line break: the shipped phrase bank's
    sentences, figures filled in and varied, mixed with sentences every figure, date,
    language and wording rule looks at (rates, 同比, parts of a whole, Traditional script,
    quotes, 《》 titles, doubled words, fragments, placeholders)."""
    import json
    import random

    rng = random.Random(seed)
    root = Path(__file__).resolve().parent.parent / "phrasebank"
    texts = [json.loads(line)["text"] for f in sorted(root.glob("*.jsonl")) for line in f.read_text("utf-8").splitlines()]
    out, size = [], 0
    while size < chars:
        if rng.random() < 0.3:
            s = rng.choice(_FIGURE_SENTENCES)
        else:
            s = rng.choice(texts)
            s = s if s.endswith(("。", "；")) else s + "。"
        s = s.replace("{a}", str(rng.randint(1, 900))).replace("{b}", str(rng.randint(1, 900)))
        s = s.replace("{p}", f"{rng.randint(1, 300) / 10}").replace("{r}", f"{rng.randint(800, 1000) / 10}")
        s = s.replace("{q}", f"{rng.randint(1, 50) / 10}")
        import re

        s = re.sub(r"\{[^{}]*\}", lambda m: str(rng.randint(2, 99)), s)
        out.append(s)
        size += len(s)
    return "".join(out)[:chars]
