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
