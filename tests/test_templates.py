"""Templates: sandboxed, strict, user values are text, overridable; md/txt text equals docx text."""

import re

import pytest
from conftest import (
    EXAMPLES,
    FIXTURES,
    MINIMAL,
    render_bytes,
    render_doc,
    style_of,
    write,
)

from draftkit.errors import DraftkitError

NASTY = "{{ 7*7 }} {% if 1 %}x{% endif %} <script>&amp; a&b 😀 ::h1不是标题"


def nasty_report(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}", "measures: {items: [{text: '%s'}]}" % NASTY)
    text = text.replace("issuer: {name: 测试县人民政府", "issuer: {name: '测试县{{ 1+1 }}人民政府'")
    return write(tmp_path, text)


def test_values_are_literal_in_docx(tmp_path):
    doc = render_doc(nasty_report(tmp_path))
    texts = [p.text for p in doc.paragraphs]
    assert NASTY + "。" in texts
    assert texts[-2] == "测试县{{ 1+1 }}人民政府"
    # the ::h1 inside a value did not become a heading
    assert [p.text for p in doc.paragraphs if style_of(p) == "GwHeading1"][0].startswith("一、2025年")


def test_values_are_literal_in_markdown(tmp_path):
    md = render_bytes(nasty_report(tmp_path), "md").decode()
    assert r"{{ 7\*7 }} {% if 1 %}x{% endif %} \<script\>\&amp; a\&b 😀 ::h1不是标题。" in md


def _docx_paragraphs(path):
    doc = render_doc(path)
    return [p.text.replace("\n", "") for p in doc.paragraphs if p.text]


def _md_unescape(line):
    return re.sub(r"\\(.)", r"\1", re.sub(r"^#+ ", "", line))


@pytest.mark.parametrize("name", ["county.yaml", "department.yaml"])
def test_markdown_and_text_equal_docx(name):
    path = EXAMPLES / name
    want = _docx_paragraphs(path)
    md = [_md_unescape(x) for x in render_bytes(path, "md").decode().split("\n\n") if x.strip()]
    txt = [x for x in render_bytes(path, "txt").decode().split("\n\n") if x.strip()]
    assert [m.strip() for m in md] == want
    assert [t.strip() for t in txt] == want


def test_nasty_markdown_equals_docx(tmp_path):
    path = nasty_report(tmp_path)
    md = [_md_unescape(x).strip() for x in render_bytes(path, "md").decode().split("\n\n") if x.strip()]
    assert md == _docx_paragraphs(path)


def test_override_template_by_file_name(tmp_path):
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "plan.j2").write_text("::h1 {{ part.number }}、明年打算\n::body 自定义：{{ part.sections[0].items|join('、') }}\n",
                                  encoding="utf-8")
    doc = render_doc(write(tmp_path, MINIMAL), templates=tdir)
    texts = [p.text for p in doc.paragraphs]
    assert "四、明年打算" in texts and "自定义：继续努力" in texts
    assert "一、2025年推进法治政府建设的主要举措和成效" in texts  # others still ours


def plan_template_error(tmp_path, source: str) -> str:
    """Render MINIMAL with plan.j2 overridden by source; the error it gives."""
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "plan.j2").write_text(source, encoding="utf-8")
    with pytest.raises(DraftkitError) as exc:
        render_doc(write(tmp_path, MINIMAL), templates=tdir)
    return str(exc.value)


def test_sandbox_blocks_unsafe_template(tmp_path):
    message = plan_template_error(tmp_path, "::body {{ part.__class__.__init__.__globals__ }}\n")
    assert re.match(r".*plan\.j2:1: 模板试图执行不允许的操作（访问“__init__”）$", message)


def test_strict_undefined(tmp_path):
    message = plan_template_error(tmp_path, "::body {{ part.no_such_thing }}\n")
    assert re.match(r".*plan\.j2:1: 模板引用了不存在的内容“no_such_thing”$", message)


def test_template_syntax_error_has_location(tmp_path):
    assert re.match(r".*plan\.j2:2: 模板语法错误", plan_template_error(tmp_path, "::body ok\n{% if %}\n"))


def test_line_without_kind_is_an_error(tmp_path):
    assert "没有以 ::title/::body/::h1 等类型开头" in plan_template_error(tmp_path, "忘了写类型\n")


def test_styles_enumerate_paragraphs_numbered(tmp_path):
    text = MINIMAL.replace(
        "plan: {items: [继续努力]}",
        "plan:\n    sections:\n"
        "      - {heading: 甲, items: [做甲, 做乙]}\n"
        "      - {heading: 乙, style: numbered, items: [第一件事, 第二件事]}\n"
        "      - {heading: 丙, style: enumerate_paragraphs, items: [第一件事, 第二件事]}\n"
        "      - {heading: 丁, style: paragraphs, intro: 导语：, items: [一件事]}\n")
    texts = [p.text for p in render_doc(write(tmp_path, text)).paragraphs]
    i = texts.index("（一）甲")
    assert texts[i:i + 12] == ["（一）甲", "一是做甲；二是做乙。", "（二）乙", "1.第一件事。", "2.第二件事。",
                               "（三）丙", "一是第一件事。", "二是第二件事。", "（四）丁", "导语：", "一件事。", "特此报告。"]


def test_builtin_slots_in_opening(tmp_path):
    text = MINIMAL + "opening: '{year}年，{place}坚持依法行政。'\nclosing: ''\n"
    texts = [p.text for p in render_doc(write(tmp_path, text)).paragraphs]
    assert "2025年，测试县人民政府坚持依法行政。" in texts
    assert "特此报告。" not in texts  # closing switched off


def test_unknown_slot_in_opening(tmp_path):
    text = MINIMAL + "opening: '{县名}坚持依法行政。'\n"
    with pytest.raises(DraftkitError, match=r"data.yaml:9:10: “\{县名\}”不是自动填写的空位"):
        render_doc(write(tmp_path, text))


def test_phrase_reference_from_bank(tmp_path):
    text = MINIMAL.replace(
        "measures: {items: [完成了工作]}",
        "measures:\n    items:\n      - {phrase: p-00000001, values: {n: {current: 6, previous: 10, unit: 件}}}\n"
        "      - {phrase: p-00000002}\n")
    doc = render_doc(write(tmp_path, text), bank_dirs=[FIXTURES / "bank"])
    body = [p.text for p in doc.paragraphs if style_of(p) == "GwBody"]
    assert ("一是2025年共制发政府规范性文件6件，同比减少40%，全部按规定进行了合法性审核并备案；"
            "二是严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。") in body


def test_phrase_reference_unknown_and_missing_slot(tmp_path):
    text = MINIMAL.replace(
        "measures: {items: [完成了工作]}",
        "measures:\n    items:\n      - {phrase: p-00000001}\n      - {phrase: p-99999999}\n")
    with pytest.raises(DraftkitError) as exc:
        render_doc(write(tmp_path, text), bank_dirs=[FIXTURES / "bank"])
    msgs = [str(p) for p in exc.value.problems]
    assert any(":7:9: 空位“{n}”没有填写" in m for m in msgs)
    assert any(":8:9: 短语库中没有编号为“p-99999999”的短语" in m for m in msgs)
