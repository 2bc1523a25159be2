"""A report numbered by Word (一、 and （一） drawn from numbering.xml, not typed) reads as the
same report typed out: the docx reader computes each paragraph's number. The files are
built here with python-docx and numbering.xml parts of our own (ECMA-376 Part 1, 17.9)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from conftest import EXAMPLES, render_bytes
from docx.oxml import parse_xml

from draftkit.errors import SkipFile
from draftkit.reading.wordnum import format_number
from draftkit.reading.document import read
from draftkit.review import check_file

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")


@pytest.mark.parametrize("fmt, numbers", [
    ("chineseCounting", {1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九",
                         100: "一百", 101: "一百零一", 110: "一百一十", 1005: "一千零五"}),
    ("chineseCountingThousand", {3: "三", 10: "十", 12: "十二", 40: "四十"}),
    ("japaneseCounting", {2: "二", 10: "十", 15: "十五"}),
    ("ideographDigital", {1: "一", 10: "一〇", 25: "二五"}),
    ("ideographTraditional", {1: "甲", 2: "乙", 10: "癸", 11: "甲"}),
    ("ideographZodiac", {1: "子", 12: "亥"}),
    ("chineseLegalSimplified", {3: "叁", 10: "拾", 12: "拾贰"}),
    ("decimalEnclosedCircleChinese", {1: "①", 3: "③", 20: "⑳", 21: "㉑"}),
    ("decimalEnclosedCircle", {10: "⑩"}),
    ("decimalEnclosedParen", {2: "⑵"}),
    ("decimalFullWidth", {3: "３", 12: "１２"}),
    ("decimal", {7: "7", 12: "12"}),
    ("decimalZero", {7: "07", 12: "12"}),
    ("upperRoman", {4: "IV", 9: "IX"}),
    ("lowerLetter", {1: "a", 27: "aa"}),
    ("someFormatWordAddsLater", {3: "3"}),
])
def test_number_formats(fmt, numbers):
    assert {n: format_number(n, fmt) for n in numbers} == numbers


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def _numbering(abstracts: dict[int, str], nums: dict[int, tuple[int, str]]) -> str:
    body = "".join(f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>' for a, levels in abstracts.items())
    body += "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/>{over}</w:num>'
                    for n, (a, over) in nums.items())
    return f"<w:numbering {NS}>{body}</w:numbering>"


def _numpr(p, num_id: int | None = None, ilvl: int | None = None) -> None:
    ppr = p._p.get_or_add_pPr()
    inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
            (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
    ppr.append(parse_xml(f"<w:numPr {NS}>{inner}</w:numPr>"))


def _style_numpr(document, name: str, num_id: int, ilvl: int | None = None) -> None:
    ppr = document.styles[name].element.get_or_add_pPr()
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {NS}>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))


def _save(document, numbering_xml: str, path):
    document.part.numbering_part._element = parse_xml(numbering_xml)
    document.save(path)
    return path


def _typed_lines() -> list[str]:
    """A whole county report as draftkit writes it out: every part, 一、 and （一） typed."""
    text = render_bytes(EXAMPLES / "county.yaml", "txt").decode("utf-8")
    return [line for line in text.splitlines() if line.strip()]


def _typed_docx(lines: list[str], path):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def _shape(path) -> list[tuple]:
    doc = read(path).doc
    return [(p.kind, p.number, p.heading, p.text, p.part, p.section) for p in doc.paras]


def _codes(path) -> list[tuple[str, int]]:
    return sorted((f.code, f.paragraph) for f in check_file(path))


def _assert_reads_as_typed(word, typed):
    assert _shape(word) == _shape(typed)
    assert _codes(word) == _codes(typed)
    assert not {c for c, _ in _codes(word)} & {"S001", "S006", "A004", "A005"}


def _word_by_numpr(lines: list[str], path):
    """一、 and （一） of one list (level 2 restarts under each level 1, as Word's default)."""
    document = docx.Document()
    for line in lines:
        if m := _H1.match(line):
            _numpr(document.add_paragraph(line[m.end():]), 1, 0)
        elif m := _H2.match(line):
            _numpr(document.add_paragraph(line[m.end():]), 1, 1)
        else:
            document.add_paragraph(line)
    numbering = _numbering({0: _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")},
                           {1: (0, "")})
    return _save(document, numbering, path)


def _word_by_styles(lines: list[str], path):
    """Word's usual way: the heading styles carry the list (标题 1 → 一、, 标题 2 → （一））;
    a style based on 标题 2 inherits it; the paragraphs name only their style."""
    document = docx.Document()
    _style_numpr(document, "Heading 1", 5, 0)
    _style_numpr(document, "Heading 2", 5, 1)
    sub = document.styles.add_style("ReportSub", 1)
    sub.base_style = document.styles["Heading 2"]
    for i, line in enumerate(lines):
        if m := _H1.match(line):
            document.add_paragraph(line[m.end():], style="Heading 1")
        elif m := _H2.match(line):
            document.add_paragraph(line[m.end():], style="ReportSub" if i % 2 else "Heading 2")
        else:
            document.add_paragraph(line)
    numbering = _numbering({3: _lvl(0, "chineseCountingThousand", "%1、") + _lvl(1, "chineseCounting", "（%2）")},
                           {5: (3, "")})
    return _save(document, numbering, path)


@pytest.mark.parametrize("build", [_word_by_numpr, _word_by_styles])
def test_report_numbered_by_word_reads_as_typed(tmp_path, build):
    lines = _typed_lines()
    assert sum(bool(_H1.match(x) or _H2.match(x)) for x in lines) >= 15
    word = build(lines, tmp_path / "word.docx")
    _assert_reads_as_typed(word, _typed_docx(lines, tmp_path / "typed.docx"))


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed (.ci/run installs it)")
@pytest.mark.parametrize("build", [_word_by_numpr, _word_by_styles])
def test_numbers_agree_with_libreoffice(tmp_path, build):
    """Another reader of the same files: LibreOffice's text export draws the numbers too."""
    word = build(_typed_lines(), tmp_path / "word.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(word)],
                   capture_output=True, timeout=300, check=True)
    theirs = [re.sub(r"\s+", "", line) for line in (tmp_path / "word.txt").read_text(encoding="utf-8-sig").splitlines()]
    assert [re.sub(r"\s+", "", line) for line in read(word).raw] == [line for line in theirs if line]


def test_style_numbering_level_taken_from_lvl_pstyle(tmp_path):
    """A style whose numPr names only the list: the level is the one whose w:pStyle is it."""
    document = docx.Document()
    _style_numpr(document, "Heading 1", 2)
    _style_numpr(document, "Heading 2", 2)
    for text, style in [("主要举措和成效", "Heading 1"), ("加强组织领导", "Heading 2"), ("推进依法行政", "Heading 2"),
                        ("存在的不足", "Heading 1"), ("基层力量薄弱", "Heading 2")]:
        document.add_paragraph(text, style=style)
    numbering = _numbering({0: _lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Heading1"/>')
                            + _lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="Heading2"/>')}, {2: (0, "")})
    path = _save(document, numbering, tmp_path / "word.docx")
    assert [line for line in read(path).raw] == ["一、主要举措和成效", "（一）加强组织领导", "（二）推进依法行政",
                                                 "二、存在的不足", "（一）基层力量薄弱"]


def test_restarts_overrides_and_formats(tmp_path):
    """A second list instance restarting at 1 (lvlOverride/startOverride); one starting at
    3 (w:start); a level that never restarts (lvlRestart 0); numId 0 taking a styled
    paragraph out of its list; %1.%2 across levels; a bullet level drawing no number.
    (LibreOffice 7 draws the same but for lvlRestart 0, which it ignores, and full-width
    digits, which it draws half-width; Word follows the standard.)"""
    document = docx.Document()
    _style_numpr(document, "Heading 1", 1, 0)
    plan = [
        ("举措", "Heading 1", None), ("甲项", None, (1, 1)), ("乙项", None, (1, 1)),
        ("不足", "Heading 1", None), ("丙项", None, (1, 1)),
        ("不编号的标题", "Heading 1", (0, None)),
        ("另起一个列表", None, (2, 0)), ("第二项", None, (2, 0)),
        ("从三开始", None, (3, 0)), ("子项", None, (3, 1)), ("子项二", None, (3, 1)), ("再一项", None, (3, 0)),
        ("子项三", None, (3, 1)),
        ("圆圈", None, (4, 0)), ("圆圈二", None, (4, 0)), ("天干", None, (5, 0)), ("全角", None, (6, 0)),
        ("要点", None, (7, 0)), ("重新开始", None, (8, 0)),
    ]
    for text, style, numpr in plan:
        p = document.add_paragraph(text, style=style)
        if numpr is not None:
            _numpr(p, *numpr)
    numbering = _numbering({
        0: _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）"),
        1: _lvl(0, "decimal", "%1.", start=3) + _lvl(1, "decimal", "%1.%2", extra='<w:lvlRestart w:val="0"/>'),
        2: _lvl(0, "decimalEnclosedCircleChinese", "%1"),
        3: _lvl(0, "ideographTraditional", "%1、"),
        4: _lvl(0, "decimalFullWidth", "%1．"),
        5: _lvl(0, "bullet", "●"),
    }, {1: (0, ""), 2: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        3: (1, ""), 4: (2, ""), 5: (3, ""), 6: (4, ""), 7: (5, ""),
        8: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')})
    path = _save(document, numbering, tmp_path / "word.docx")
    assert read(path).raw == [
        "一、举措", "（一）甲项", "（二）乙项", "二、不足", "（一）丙项", "不编号的标题",
        "一、另起一个列表", "二、第二项",
        "3.从三开始", "3.1 子项", "3.2 子项二", "4.再一项", "4.3 子项三",
        "①圆圈", "②圆圈二", "甲、天干", "１．全角", "要点", "一、重新开始"]


def test_level_override_replaces_the_level(tmp_path):
    document = docx.Document()
    for text, ilvl in [("甲", 0), ("乙", 1), ("丙", 1)]:
        _numpr(document.add_paragraph(text), 9, ilvl)
    numbering = _numbering({0: _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%2.")},
                           {9: (0, '<w:lvlOverride w:ilvl="1">' + _lvl(1, "chineseCounting", "（%2）", start=2)
                                + "</w:lvlOverride>")})
    path = _save(document, numbering, tmp_path / "word.docx")
    assert read(path).raw == ["一、甲", "（二）乙", "（三）丙"]


def test_numbering_part_that_cannot_be_read_leaves_text_as_is(tmp_path):
    document = docx.Document()
    _numpr(document.add_paragraph("加强组织领导"), 1, 0)
    path = _save(document, f"<w:numbering {NS}/>", tmp_path / "word.docx")  # numId 1 is not defined
    assert read(path).raw == ["加强组织领导"]


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE w:numbering [<!ENTITY a "哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:numbering [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
])
def test_numbering_part_with_a_dtd_is_refused_like_the_main_part(tmp_path, prolog):
    document = docx.Document()
    _numpr(document.add_paragraph("加强组织领导"), 1, 0)
    path = _save(document, _numbering({0: _lvl(0, "chineseCounting", "%1、")}, {1: (0, "")}), tmp_path / "w.docx")

    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/numbering.xml"] = (prolog + parts["word/numbering.xml"].decode("utf-8").split("?>", 1)[-1]).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(SkipFile, match="DTD"):
        read(path)
