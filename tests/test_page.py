"""Pages around published reports (rules: data/page.yaml): page chrome set aside, the
report's title found among a site's name, its columns and its index table. The pages are
our own, shaped like the ones realset's README describes."""

from __future__ import annotations

import pytest

from draftkit.reading.document import from_lines
from draftkit.reading.normalise import is_chrome, read_line
from draftkit.resources import data_file

ROWS = data_file("page.yaml")["chrome"]


@pytest.mark.parametrize("row", ROWS, ids=[r["example"][:12] for r in ROWS])
def test_each_chrome_row_with_its_example(row):
    assert is_chrome(read_line(row["example"]))
    if "keep" in row:
        assert not is_chrome(read_line(row["keep"]))


def read(text: str):
    return from_lines("page.txt", text.splitlines()).doc


BODY = ("2024年，青岚县坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。现将有关情况报告如下。\n"
        "一、主要举措和成效\n（一）加强组织领导\n县政府常务会议专题研究法治政府建设4次。\n")


@pytest.mark.parametrize("page, title", [
    ("欢迎您访问青岚县农业农村局网站\n当前位置：首页 > 专题专栏 > 农业法治\n青岚县农业农村局2024年度法治政府建设情况\n"
     "来源：法规科 发布时间：2025-02-01 15:37\n", "青岚县农业农村局2024年度法治政府建设情况"),
    ("今天是：\n中国政府网|江南省政府网|繁体|无障碍\n2025-01-20 17:01 | 青岚县水务局\n青岚县水务局2024年度法治政府建设情况报告\n",
     "青岚县水务局2024年度法治政府建设情况报告"),
    ("登录 注册 退出\n青岚县人民政府2024年法治政府建设年度报告\n栏目:青岚县人民政府办公室-通知公告 发布时间:2025-02-27\n",
     "青岚县人民政府2024年法治政府建设年度报告"),
    ("青岚县人民政府\n<\n×\n青岚县人民政府2024年法治政府建设年度报告\n扫一扫在手机上打开当前页\n",
     "青岚县人民政府2024年法治政府建设年度报告"),
    ("您现在所在的位置: 网站首页> 政府信息公开 > 决策部署落实情况\n索引号: 1134/202503-00002 组配分类: 决策部署落实情况\n"
     "名称: 青岚县林业局2024年法治政府建设情况的报告 文号:\n发布日期: 2025-03-06 10:54\n青岚县林业局2024年法治政府建设情况的报告\n",
     "青岚县林业局2024年法治政府建设情况的报告"),
    ("- 索 引 号:4311/2025-00578 分 类:\n-\n发文机关:\n青岚县教育局 发文日期:2025-02-25 15:58 - 名称:\n"
     "中共青岚县教育局党组2024年度法治政府建设年度报告 - 文号:\n", "中共青岚县教育局党组2024年度法治政府建设年度报告"),
    ("| 索 引 号 | QL00128-2025-005 | 主题分类 | 文件通知 |\n| 发布机构 | 文 号 | 青外综〔2025〕18号 | |\n"
     "| 标 题: | 青岚县外事办公室关于2024年法治政府建设工作情况的报告 | ||\n",
     "青岚县外事办公室关于2024年法治政府建设工作情况的报告"),
    ("青岚县政府门户网站-青岚县2024年法治政府建设情况报告_某某娱乐app\n首页 > 县政府 > 通知公告\n",
     "青岚县2024年法治政府建设情况报告"),
    ("青岚县人民政府\n关于2024年度法治政府建设情况的报告\n", "青岚县人民政府关于2024年度法治政府建设情况的报告"),
    ("青岚县司法局_关于青岚县2024年法治政府建设情况的报告\n您所在的位置:首页 > 法治工作 > 法治督察\n中共青岚县委\n青岚县人民政府\n"
     "关于青岚县2024年法治政府建设\n情况的报告\n", "中共青岚县委 青岚县人民政府关于青岚县2024年法治政府建设情况的报告"),
])
def test_title_among_page_chrome(page, title):
    doc = read(page + BODY)
    assert doc.title == title
    assert [p.kind for p in doc.paras if p.kind == "title"][:1] == ["title"]
    assert not doc.addressee
    assert [(p.kind, p.part) for p in doc.paras if p.kind in ("h1", "h2")] == [("h1", "measures"), ("h2", "leadership")]


def test_two_line_title_names_the_issuer_and_the_addressee_stays_the_addressee():
    doc = read("青岚县人民政府\n关于2024年度法治政府建设情况的报告\n云川市人民政府：\n" + BODY)
    assert doc.title == "青岚县人民政府关于2024年度法治政府建设情况的报告"
    assert doc.issuer == "青岚县人民政府" and doc.place == "青岚县" and doc.addressee == "云川市人民政府"
    assert [p.kind for p in doc.paras[:3]] == ["title", "title", "addressee"]


@pytest.mark.parametrize("line", ["> 青岚动态 > 政务公告", "首页 >> 政务公开 >> 正文", "语音播报", "分享到：",
                                  "您当前的位置:首页>政府信息公开目录>法治政府建设年度报告>2025年",
                                  "[ 索引号 ]1150/2026-00068 [ 发文字号 ] [ 发布机构 ]青岚县 [ 主题分类 ]其他",
                                  "xx365备用网站_365bet开户官网_365heart"])
def test_chrome_is_neither_title_nor_addressee(line):
    doc = read(line + "\n" + BODY)
    assert not doc.title and not doc.addressee
    assert all(line not in p.text for p in doc.paras)


def test_a_speech_dateline_in_brackets_is_no_title():
    doc = read("（2025年4月29日在云川市第十四届人民代表大会常务委员会第十七次会议上）\n青岚县人民政府\n"
               "主任、副主任、秘书长、各位委员：\n" + BODY)
    assert doc.title != "（2025年4月29日在云川市第十四届人民代表大会常务委员会第十七次会议上）"


TITLE = "青岚县司法局2024年法治政府建设情况报告"


@pytest.mark.parametrize("links", [
    "首页 政务公开 政务服务 互动交流",
    "网站首页 机构概况 政务公开 政策文件 政务服务 互动交流 专题专栏 数据开放 走进青岚 信息公开目录 依申请公开",
    "首页 | 政务公开 | 政务服务 | 互动交流 | 走进青岚 | 专题专栏 | 数据开放 | 信息公开 | 政策解读 | 通知公告",
    "首页·政务公开·政务服务·互动交流·走进青岚·专题专栏·数据开放·信息公开·政策解读·通知公告·工作动态",
    "首页/政务公开/政务服务/互动交流/走进青岚/专题专栏/数据开放/信息公开/政策解读/通知公告/工作动态",
])
def test_a_row_of_site_links_above_the_title_is_chrome(links, tmp_path):
    """A row of links longer than a heading was read as the report's first paragraph, and the
    title under it was missed (S003 缺少标题)."""
    from draftkit.reading.document import read as read_file
    from draftkit.review import check

    path = tmp_path / "page.txt"
    path.write_text(f"{links}\n{TITLE}\n{BODY}", encoding="utf-8")
    document = read_file(path)
    assert document.doc.title == TITLE
    assert not [f for f in check(document) if f.code in ("S003", "S004") and f.severity != "note"]
    assert not any("政务公开" in p.text for p in document.doc.paras)


def test_a_row_of_words_in_the_report_stays():
    """Only above the report's first sentence, and never a title spaced out."""
    spaced = "青岚县 2024年 法治政府建设 情况报告"
    doc = read(f"{spaced}\n{BODY}表格 序号 项目 责任单位 完成时限\n")
    assert doc.title == "青岚县2024年法治政府建设情况报告"
    assert any(p.text.startswith("表格序号项目") for p in doc.paras)


@pytest.mark.parametrize("cell", [
    "[ 发布机构 ] 青岚县司法局", "【发布单位】青岚县司法局", "- 发布机构：青岚县司法局", "发布单位：青岚县司法局",
    "发文机关：青岚县司法局", "来源单位：青岚县司法局", "公开主体：青岚县司法局", "发布机构：\n青岚县司法局",
    "发文机关：\n青岚县司法局 发文日期：2025-02-25",
])
def test_an_index_table_cell_naming_the_publisher_is_no_addressee(cell, tmp_path):
    """The cell naming who published the page (its label on the line, or alone on the line
    above) is the page's, not the report's addressee (S004 主送机关应以全角冒号结尾)."""
    from draftkit.reading.document import read as read_file
    from draftkit.review import check

    path = tmp_path / "page.txt"
    path.write_text(f"{TITLE}\n{cell}\n{BODY}", encoding="utf-8")
    document = read_file(path)
    assert document.doc.title == TITLE and not document.doc.addressee
    assert not [f for f in check(document) if f.code == "S004" and f.severity != "note"]
    assert [p.kind for p in document.doc.paras[:2]] == ["title", "body"]


def test_the_value_under_a_lone_label_is_chrome_only_when_it_is_a_name():
    doc = read(f"{TITLE}\n发布机构：\n2024年，青岚县司法局坚持依法行政，各项工作取得成效。\n一、主要举措和成效\n（一）加强组织领导\n"
               "局党组书记履行第一责任人职责。\n")
    assert doc.paras[1].text.startswith("2024年，青岚县司法局")
