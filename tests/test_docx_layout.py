"""Read the rendered .docx back and check the GB/T 9704 layout."""

import io
import re
import zipfile

import pytest
from conftest import EXAMPLES, MINIMAL, W, render_bytes, render_doc, style_of, write

from draftkit.render import gbt9704 as G


def _style(doc, style_id):
    el = doc.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
    assert el is not None, style_id
    return el


def _attr(el, path, attr):
    node = el.find(path)
    assert node is not None, path
    return node.get(f"{W}{attr}")


def test_page_size_and_margins(county_doc):
    sect = county_doc.sections[0]._sectPr
    assert _attr(sect, f"{W}pgSz", "w") == "11906" and _attr(sect, f"{W}pgSz", "h") == "16838"
    mar = sect.find(f"{W}pgMar")
    got = {k: mar.get(f"{W}{k}") for k in ("top", "bottom", "left", "right", "footer")}
    assert got == {"top": "2098", "bottom": "1984", "left": "1588", "right": "1474", "footer": "1418"}
    # no document grid: Word's linesAndChars grid gives 14 characters a line in LibreOffice
    assert sect.find(f"{W}docGrid") is None


def test_type_area_is_156_by_225_mm():
    width_mm = (G.PAGE_WIDTH - G.MARGIN_LEFT - G.MARGIN_RIGHT) / 1440 * 25.4
    height_mm = (G.PAGE_HEIGHT - G.MARGIN_TOP - G.MARGIN_BOTTOM) / 1440 * 25.4
    assert width_mm == pytest.approx(156, abs=0.1) and height_mm == pytest.approx(225, abs=0.1)
    # 22 exact lines fit the type area, 23 do not; 28 condensed 3号 characters fit a line, 29 do not
    assert 22 * G.LINE_PITCH <= G.PAGE_HEIGHT - G.MARGIN_TOP - G.MARGIN_BOTTOM < 23 * G.LINE_PITCH
    cell = 320 + G.CHAR_SPACING_3HAO
    assert 28 * cell <= G.PAGE_WIDTH - G.MARGIN_LEFT - G.MARGIN_RIGHT < 29 * cell


EXPECTED_STYLES = {
    # style id: (east asian font, size, condensed)
    "GwTitle": ("方正小标宋简体", "44", False),
    "GwAddressee": ("仿宋_GB2312", "32", True),
    "GwBody": ("仿宋_GB2312", "32", True),
    "GwHeading1": ("黑体", "32", True),
    "GwHeading2": ("楷体_GB2312", "32", True),
    "GwHeading3": ("仿宋_GB2312", "32", True),
    "GwHeading4": ("仿宋_GB2312", "32", True),
    "GwSignature": ("仿宋_GB2312", "32", True),
    "GwDate": ("仿宋_GB2312", "32", True),
    "GwPageNumber": ("宋体", "28", False),
}


@pytest.mark.parametrize("style_id", EXPECTED_STYLES)
def test_style_fonts_size_spacing(county_doc, style_id):
    font, size, condensed = EXPECTED_STYLES[style_id]
    st = _style(county_doc, style_id)
    assert _attr(st, f"{W}rPr/{W}rFonts", "eastAsia") == font
    latin = "宋体" if style_id == "GwPageNumber" else "Times New Roman"
    assert _attr(st, f"{W}rPr/{W}rFonts", "ascii") == latin
    assert _attr(st, f"{W}rPr/{W}rFonts", "hAnsi") == latin
    assert _attr(st, f"{W}rPr/{W}sz", "val") == size
    spacing = st.find(f"{W}rPr/{W}spacing")
    if condensed:
        assert spacing.get(f"{W}val") == "-5"  # −0.25 pt
    else:
        assert spacing is None
    if style_id != "GwPageNumber":
        line = st.find(f"{W}pPr/{W}spacing")
        assert line.get(f"{W}lineRule") == "exact"
        assert line.get(f"{W}line") == ("700" if style_id == "GwTitle" else "579")
        assert line.get(f"{W}before") == "0" and line.get(f"{W}after") == "0"
    assert st.find(f"{W}rPr/{W}b") is None  # bold is off by default


def test_indents_and_alignment(county_doc):
    for sid in ("GwBody", "GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4"):
        ind = _style(county_doc, sid).find(f"{W}pPr/{W}ind")
        assert ind.get(f"{W}firstLineChars") == "200" and ind.get(f"{W}firstLine") == "640"
    for sid in ("GwTitle", "GwAddressee"):
        ind = _style(county_doc, sid).find(f"{W}pPr/{W}ind")
        assert ind.get(f"{W}firstLine") == "0" and ind.get(f"{W}left") == "0"
    assert _attr(_style(county_doc, "GwTitle"), f"{W}pPr/{W}jc", "val") == "center"
    assert _attr(_style(county_doc, "GwAddressee"), f"{W}pPr/{W}jc", "val") == "left"
    assert _attr(_style(county_doc, "GwHeading1"), f"{W}pPr/{W}outlineLvl", "val") == "0"


def test_language_and_defaults(county_doc):
    defaults = county_doc.styles.element.find(f"{W}docDefaults")
    assert _attr(defaults, f".//{W}lang", "eastAsia") == "zh-CN"
    assert _attr(defaults, f".//{W}rFonts", "eastAsia") == "仿宋_GB2312"
    assert county_doc.core_properties.language == "zh-CN"
    assert county_doc.core_properties.author == "青岚县人民政府"


def test_every_paragraph_has_a_named_style_and_no_run_formatting(county_doc):
    for p in county_doc.paragraphs:
        assert style_of(p).startswith("Gw"), p.text
        for r in p.runs:
            rpr = r._r.find(f"{W}rPr")
            assert rpr is None, f"direct run formatting in {p.text[:20]}"


def test_paragraph_kinds_in_order(county_doc):
    kinds = [(style_of(p), p.text) for p in county_doc.paragraphs]
    assert kinds[0][0] == "GwTitle"
    assert kinds[0][1].replace("\n", "") == "青岚县人民政府关于2025年度法治政府建设情况的报告"
    assert kinds[1] == ("GwBody", "")  # blank line under the title
    assert kinds[2] == ("GwAddressee", "云川市人民政府：")
    h1 = [t for s, t in kinds if s == "GwHeading1"]
    assert h1 == [
        "一、2025年推进法治政府建设的主要举措和成效",
        "二、2025年推进法治政府建设存在的不足和原因",
        "三、2025年党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2026年推进法治政府建设的主要安排",
    ]
    h2 = [t for s, t in kinds if s == "GwHeading2"]
    assert h2[:2] == ["（一）抓实学习宣传，筑牢法治思想根基", "（二）深化放管服改革，持续优化法治化营商环境"]
    # （一） restarts under each 一、
    assert "（一）存在的不足" in h2 and "（一）压实法治建设责任" in h2
    assert kinds[-2] == ("GwSignature", "青岚县人民政府")
    assert kinds[-1] == ("GwDate", "2026年2月10日")


def test_title_wraps_between_words(county_doc):
    title = county_doc.paragraphs[0]
    assert title.text == "青岚县人民政府关于2025年度\n法治政府建设情况的报告"


def test_split_title_rules():
    from draftkit.render.docx_writer import split_title

    assert split_title("青岚县人民政府关于2025年度法治政府建设情况的报告") == [
        "青岚县人民政府关于2025年度", "法治政府建设情况的报告"]
    assert split_title("短标题") == ["短标题"]
    long = "云川市市场监督管理局关于2025年度法治政府建设工作情况的报告"
    lines = split_title(long)
    assert "".join(lines) == long and len(lines) == 2


def test_sealed_signature_centred_over_date(county_doc):
    from draftkit.render.docx_writer import text_width

    sig, date = county_doc.paragraphs[-2], county_doc.paragraphs[-1]
    d_ind = int(date._p.find(f"{W}pPr/{W}ind").get(f"{W}right"))
    s_ind = int(sig._p.find(f"{W}pPr/{W}ind").get(f"{W}right"))
    assert d_ind == 1280  # 右空四字
    # centres coincide: right indent + half the width
    assert abs((s_ind + text_width(sig.text) / 2) - (d_ind + text_width(date.text) / 2)) <= 1
    # two blank lines leave room for the seal
    assert [p.text for p in county_doc.paragraphs[-4:-2]] == ["", ""]


def test_unsealed_signature(department_doc):
    from draftkit.render.docx_writer import text_width

    sig, date = department_doc.paragraphs[-2], department_doc.paragraphs[-1]
    s_ind = int(sig._p.find(f"{W}pPr/{W}ind").get(f"{W}right"))
    d_ind = int(date._p.find(f"{W}pPr/{W}ind").get(f"{W}right"))
    assert s_ind == 640  # 右空二字
    # the date starts two characters right of the issuer's first character
    issuer_start = s_ind + text_width(sig.text)
    date_start = d_ind + text_width(date.text)
    assert issuer_start - date_start == 640
    assert department_doc.paragraphs[-3].text == ""  # one blank line
    assert department_doc.paragraphs[-4].text == "特此报告。"


def test_footers_page_numbers(county_doc):
    sec = county_doc.sections[0]
    for footer, side, ind_attr in ((sec.footer, "right", "right"), (sec.even_page_footer, "left", "left")):
        p = footer.paragraphs[0]
        assert style_of(p) == "GwPageNumber"
        assert _attr(p._p, f"{W}pPr/{W}jc", "val") == side
        assert _attr(p._p, f"{W}pPr/{W}ind", ind_attr) == "280"  # 空一字 (4号)
        texts = "".join(t.text for t in p._p.iter(f"{W}t"))
        assert texts == "\u2014 1 \u2014"  # em dashes around the PAGE field's result
        instr = "".join(t.text for t in p._p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        kinds = [f.get(f"{W}fldCharType") for f in p._p.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]


def test_even_and_odd_headers_setting():
    data = render_bytes(EXAMPLES / "county.yaml")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        settings = z.read("word/settings.xml").decode()
        names = z.namelist()
    assert "<w:evenAndOddHeaders/>" in settings
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert sum(1 for n in names if re.match(r"word/footer\d+\.xml", n)) == 2


def test_bold_headings_option(tmp_path):
    path = write(tmp_path, MINIMAL + "layout: {bold_headings: true}\n")
    doc = render_doc(path)
    assert _style(doc, "GwHeading2").find(f"{W}rPr/{W}b") is not None
    assert _style(doc, "GwHeading1").find(f"{W}rPr/{W}b") is None


def test_configured_order_and_part_five(tmp_path):
    path = write(tmp_path, MINIMAL + "order: [leadership, measures, shortcomings, plan, other]\n")
    doc = render_doc(path)
    h1 = [p.text for p in doc.paragraphs if style_of(p) == "GwHeading1"]
    assert h1[0].startswith("一、2025年党政主要负责人") and h1[1].startswith("二、2025年推进法治政府建设的主要举措")
    assert len(h1) == 4  # part 5 omitted when empty


def test_part_five_present_when_filled(department_doc):
    h1 = [p.text for p in department_doc.paragraphs if style_of(p) == "GwHeading1"]
    assert h1[-1] == "五、其他需要报告的情况"
    assert department_doc.paragraphs[0].text.replace("\n", "") == "云川市市场监督管理局关于2025年度法治政府建设工作情况的报告"


def test_examples_fill_every_part_and_span_pages():
    """Each example has all four required parts with content and runs to several pages."""
    for name in ("county.yaml", "department.yaml"):
        doc = render_doc(EXAMPLES / name)
        body_chars = sum(len(p.text) for p in doc.paragraphs if style_of(p) == "GwBody")
        # a page holds at most 22 × 28 = 616 characters
        assert body_chars > 2 * 616, name
        h1 = [p.text for p in doc.paragraphs if style_of(p) == "GwHeading1"]
        assert len(h1) >= 4
