"""Mine a folder of messy web pages written for this test (tests/fixtures/messy/README.md)
and get units a clerk could use without cleaning: the exact units are listed here."""

import re
from pathlib import Path

import pytest
from conftest import FIXTURES

from draftkit.reading.ingest import read_source
from draftkit.mining.mine import labelled_units, mine
from draftkit.reading.normalise import opencc_t2s

MESSY = FIXTURES / "messy"

EXPECTED = {
    "template_site.html": [
        ("sentence", "2023年，青禾镇坚持以习近平法治思想为指导，扎实推进法治政府建设"),
        ("sentence", "现将有关情况报告如下"),
        ("heading", "加强组织领导"),
        ("sentence", "镇党委会议专题研究法治建设工作4次，镇长带头讲法治课2次"),
        ("heading", "规范行政执法"),
        ("sentence", "全年办理行政执法案件36件，同比减少10%，无一件被复议纠错"),
        ("heading", "化解矛盾纠纷"),
        ("sentence", "依托镇村两级调解组织排查化解矛盾纠纷128件，调解成功率达到98.4%"),
        ("item", "镇村干部法治意识有待提高"),
        ("item", "综合执法力量相对薄弱"),
        ("sentence", "2024年，我镇将持续深化综合行政执法改革，推动矛盾纠纷就地化解"),
    ],
    "pinyin.txt": [
        ("sentence", "2022年，区司法局在区委、区政府的坚强领导下，全面推进依法行政"),
        ("sentence", "现将有关情况报告如下"),
        ("heading", "落实第一责任人职责"),
        ("sentence", "局主要负责人带头讲法治课2次，专题研究法治建设工作5次"),
        ("heading", "规范行政复议办理"),
        ("sentence", "全年办理行政复议案件58件，纠错率12.1%"),
        ("sentence", "部分执法人员对新修订法律掌握不够，原因是培训针对性不强"),
        ("sentence", "持续推进行政复议规范化建设，全面提升办案质量"),
    ],
    "truncated.txt": [
        ("heading", "加强统筹协调"),
        ("sentence", "县委、县政府主要负责同志专题听取法治政府建设工作汇报3次"),
        ("heading", "压实工作责任"),
        ("sentence", "把法治政府建设纳入年度综合考核，权重提高到5%"),
        ("heading", "深化“放管服”改革"),
        ("sentence", "全面清理规范性文件，废止和修改文件21件"),
        ("sentence", "全县行政复议案件综合纠错率同比下降3个百分点"),
    ],
    "big5.txt": [
        ("sentence", "2020年，市交通运输局坚持以习近平新时代中国特色社会主义思想为指导，认真落实市委、市政府部署，推动交通运输高质量发展"),
        ("sentence", "现将有关情况报告如下"),
        ("heading", "持续优化营商环境"),
        ("sentence", "全面推行道路运输许可告知承诺制，办理时限压缩40%"),
        ("heading", "加强规范性文件管理"),
        ("sentence", "全年制发规范性文件3件，全部经过合法性审核"),
        ("heading", "提升执法水平"),
        ("sentence", "组织执法人员培训6期，强化制度支持，健全联合执法运行机制"),
        ("sentence", "基层执法人员数量不足，执法装备有待更新"),
        ("sentence", "局主要负责人带头学法，主持召开局党组会议专题研究法治工作4次"),
        ("sentence", "持续深化交通运输综合行政执法改革，提升依法行政水平"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_messy_page_gives_exactly_these_units(name):
    assert [(u.kind, u.raw) for u in labelled_units(MESSY / name)] == EXPECTED[name]


def test_big5_page_is_read_as_big5():
    assert (MESSY / "big5.txt").read_bytes().decode("big5").startswith("雲川市交通運輸局")
    assert read_source(MESSY / "big5.txt").text.startswith("雲川市交通運輸局")


def test_messy_folder_mined_into_a_clean_bank():
    result = mine([MESSY])
    assert result.files == 4 and not result.skipped  # the folder's README is not mined
    units = {raw for rows in EXPECTED.values() for _, raw in rows}
    assert len([p for p in result.phrases if p.kind != "formula"]) == len(units)
    assert sorted(p.text for p in result.phrases if p.kind == "formula") == ["专题研究法治建设工作", "综合行政执法改革"]
    for p in result.phrases:
        plain = re.sub(r"\{\w+\}", "", p.text)
        assert not re.search(r"[A-Za-z]|小编|范文|参考|www|[•▪]|^[（(]?[一二三四五六七八九十\d]+[、.．）)]", plain), p.text
        assert opencc_t2s().convert(p.text) == p.text, p.text  # Simplified only
        assert not re.search(r"水准|品质|支援|运作|档案|最佳化", p.text), p.text


def test_no_unit_from_the_unfinished_last_line():
    raws = [raw for _, raw in EXPECTED["truncated.txt"]]
    assert not any("新台" in r or "石湾县将" in r for r in raws)
    text = Path(MESSY / "truncated.txt").read_text(encoding="utf-8")
    assert text.rstrip().endswith("迈上新台")  # the page really is cut off
