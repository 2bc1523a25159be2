"""Cleaning scraped pages: wording rows, glosses, chrome, mojibake (unit level)."""

import pytest

from draftkit.mining.normalise import clean, garbled, to_simplified, wording_rows

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
