"""Cleaning scraped pages: wording rows, glosses, chrome, mojibake (unit level)."""

import pytest

from draftkit.reading.normalise import clean, garbled, to_simplified, wording_rows

ROWS = wording_rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["find"] for r in ROWS])
def test_wording_row_and_its_counter_example(row):
    assert to_simplified(row["example"]) == row["expect"]
    assert to_simplified(row["keep"]) == row["keep"]


def test_wording_from_traditional_script():
    assert to_simplified("推動高品質發展，強化制度支援，健全運作機制，提升執法水準") == \
        "推动高质量发展，强化制度支持，健全运行机制，提升执法水平"
    assert to_simplified("加強產品品質監管") == "加强产品质量监管"  # 品质 inside 产品质量: not the noun


@pytest.mark.parametrize("raw, want", [
    ("领(lǐng)导(dǎo)干部带头学法", "领导干部带头学法"),
    ("落实(shè)第一责任人职责", "落实第一责任人职责"),
    ("严格落实，(shè)第一责任人职责", "严格落实，第一责任人职责"),
    ("采用(app)办理", "采用(app)办理"),  # not a reading: stays
    ("加强行政执法[1]监督［注2］", "加强行政执法监督"),
    ("推进法治政府建设www.fanwen-example.com，取得成效。", "推进法治政府建设，取得成效。"),
    ("【来源：某某范文网】深化行政执法体制改革。", "深化行政执法体制改革。"),
    ("依照国发〔2021〕33号文件", "依照国发〔2021〕33号文件"),  # a document number is no note mark
    ("采用PPP(政府和社会资本合作)模式", "采用PPP（政府和社会资本合作）模式"),
])
def test_glosses_notes_and_watermarks_removed(raw, want):
    assert clean(raw)[0] == [want]


@pytest.mark.parametrize("line", [
    "下面是小编为大家整理的2023年法治政府建设情况报告，供大家参考。",
    "• 2022年法治政府建设工作总结",
    "-- 相关范文",
    "篇二：县司法局法治政府建设工作总结",
    "本文网址：https://www.example.com/a/1.html",
    "以上就是小编整理的全部内容，希望对你有所帮助。",
])
def test_template_site_lines_are_chrome(line):
    lines, chrome = clean(line)
    assert lines == [] and chrome


@pytest.mark.parametrize("text, bad", [
    ("，F(xiàn)将有关情况报告如下", True),
    ("鍏ㄩ潰鎺ㄨ繘渚濇硶琛屾斂", True),
    ("锟斤拷锟斤拷法治政府", True),
    ("全面推进依法行政，法治政府建设取得新成效", False),
    ("邀请喆、堃两位专家参与论证", False),  # a rare name or two is not mojibake
])
def test_mojibake_detected(text, bad):
    assert garbled(text) is bad


# --- units --------------------------------------------------------------------------------

def _units(text: str) -> list[str]:
    from draftkit.mining.extract import doc_units
    from draftkit.reading.structure import parse

    lines, chrome = clean(text)
    return [u.raw for u in doc_units(parse("a.txt", lines, chrome))]


def test_numbering_never_inside_a_unit():
    raws = _units("青岚县人民政府关于2024年度法治政府建设情况的报告\n"
                  "一、坚持党的领导（一）加强组织领导。县政府常务会议专题研究法治政府建设工作4次。"
                  "（二）强化责任落实。2.全面清理规范性文件，废止文件12件。\n")
    assert raws == ["加强组织领导", "县政府常务会议专题研究法治政府建设工作4次", "强化责任落实",
                    "全面清理规范性文件，废止文件12件"]


def test_unfinished_last_line_is_not_a_sentence():
    text = ("青岚县人民政府关于2024年度法治政府建设情况的报告\n"
            "全县行政复议案件办理质量稳步提升。法治政府建设迈上新台")
    assert _units(text) == ["全县行政复议案件办理质量稳步提升"]
    finished = text.replace("迈上新台", "迈上新台阶")  # only the full stop lost: a sentence
    assert _units(finished)[-1] == "法治政府建设迈上新台阶"


def test_mojibake_unit_dropped():
    assert _units("全县推进依法行政工作取得新进展。F(xiàn)将有关情况报告如下：\n") == ["全县推进依法行政工作取得新进展"]


@pytest.mark.parametrize("clause, want", [
    ("深入学习贯彻党的二十大精神", "学习贯彻党的二十大精神"),
    ("持续开展习近平法治思想学习", "开展习近平法治思想学习"),
    ("全面依法治国新理念新思想新战略为", "全面依法治国新理念新思想新战略"),
])
def test_formula_pieces_on_word_boundaries(clause, want):
    from draftkit.mining.extract import word_piece

    start = clause.index(want[:2]) - 1  # a cut one character inside the word before
    end = len(clause) if not clause.endswith("为") else len(clause)
    piece = word_piece(clause, max(start, 0) + (1 if start >= 0 else 0), end)
    assert piece == want


@pytest.mark.parametrize("head, place", [
    ("青岚县人民政府关于2024年度法治政府建设情况的报告", "青岚县"),
    ("中共云川市委 云川市人民政府关于2023年度法治政府建设情况的报告", "云川市"),
    ("2024年度法治政府建设情况报告\n发布机构：按照市司法局", ""),
])
def test_place_only_from_the_issuer(head, place):
    from draftkit.reading.structure import parse

    lines, chrome = clean(head + "\n主持召开省政府常务会议，深入学习贯彻法治市建设要求。\n")
    assert parse("a.txt", lines, chrome).place == place


def test_ruby_readings_in_html_dropped(tmp_path):
    from draftkit.reading.ingest import read_source

    (tmp_path / "a.html").write_text(
        "<html><body><p><ruby>领<rp>(</rp><rt>lǐng</rt><rp>)</rp></ruby><ruby>导<rt>dǎo</rt></ruby>干部带头学法。</p>"
        "</body></html>", encoding="utf-8")
    assert read_source(tmp_path / "a.html").text.strip() == "领导干部带头学法。"
