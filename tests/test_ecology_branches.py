"""生态环境 below the city is the city bureau's own (省以下生态环境机构监测监察执法垂直管理制度改革,
中办发〔2016〕63号): a county's bureau became the city bureau's 分局. A "××市生态环境局××分局"
(or ××县分局) is led by the city bureau and reports to it, not to the county; a city
bureau's draft speaks of managing its 分局, not of guiding the districts' bureaus, and check
says so of a city bureau's report that does (issuers.yaml trades 生态环境 branch_led, says_not;
trades.yaml 生态环境 branches)."""

import datetime as dt

import pytest
from conftest import default_drafts

from draftkit import issuers
from draftkit.reading.document import from_lines
from draftkit.review import check


@pytest.mark.parametrize("name,place", [("澄州市生态环境局丹溪分局", ""), ("澄州市生态环境局丹溪分局", "丹溪"),
                                        ("澄州市生态环境局丹溪县分局", ""), ("澄州市生态环境局丹溪县分局", "丹溪县"),
                                        ("澄州市生态环境局高新区分局", "")])
def test_a_branch_is_its_city_bureaus(name, place):
    p = issuers.parse(name, "部门", place)  # place: as a draft's issuer.place gives it back to render and check
    assert (p.trade, p.tier, p.parent, p.office) == ("生态环境", "县区", "澄州市", "生态环境局")
    assert p.superior == p.addressee == "澄州市生态环境局"
    assert p.led_by == "在澄州市生态环境局党组的坚强领导下，"


def test_a_districts_own_bureau_and_another_trades_district_branch_are_not_led_by_the_city_bureau_alone():
    p = issuers.parse("云川市青岚区生态环境局", "部门")  # a district's bureau (where there is one), not a branch
    assert p.addressee == "中共青岚区委、青岚区人民政府" and p.superior == "云川市生态环境局"
    police = issuers.parse("云川市公安局青岚区分局", "部门")  # 公安: its district and the city's 公安局 lead it
    assert police.led_by == "在区委、区政府和云川市公安局党委的坚强领导下，", police.led_by


def _s007(issuer, sentence, year=2025):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f for f in check(doc) if f.code == "S007"]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return default_drafts(tmp_path_factory.mktemp("eco"), {
        "branch": ("澄州市生态环境局丹溪分局", ""), "county_branch": ("澄州市生态环境局丹溪县分局", ""),
        "city": ("澄州市生态环境局", ""), "province": ("宁安省生态环境厅", "")})


@pytest.mark.parametrize("key", ["branch", "county_branch"])
def test_a_branchs_draft_reports_to_the_city_bureau(drafts, key):
    md = drafts[key][0]
    assert "\n澄州市生态环境局：\n" in md
    assert "2025年，我局在澄州市生态环境局党组的坚强领导下，" in md
    assert "县委、县政府的坚强领导" not in md and "中共丹溪" not in md
    assert "依法开展生态环境监管执法" in md  # its trade's own work


def test_a_city_bureau_manages_its_branches_and_a_province_guides_those_below(drafts):
    city = drafts["city"][0]
    assert "### （二）加强对分局的统一管理，推动分局依法履职" in city
    assert "统一管理、统一指挥各分局生态环境执法力量" in city and "对各分局行政执法工作开展督导检查【待填" in city
    assert "区县生态环境部门" not in city and "加强对下级的指导监督" not in city
    province = drafts["province"][0]  # the counter-example: a province's 厅 guides the cities' bureaus
    assert "指导市县生态环境部门开展执法练兵和环境执法稽查" in province and "分局" not in province


def test_check_tells_a_city_bureau_that_the_districts_bureaus_are_its_branches():
    found = _s007("澄州市生态环境局", "指导区县生态环境局开展执法练兵4次，对各县（市、区）生态环境部门开展稽查3次。")
    assert [f.suggestion for f in found] == ["各分局"] and "直接管理" in found[0].message
    # counter-examples: its branches named as such, a province's 厅, another trade's city bureau, a branch itself
    assert not _s007("澄州市生态环境局", "统一指挥各分局开展执法练兵4次。")
    assert not _s007("宁安省生态环境厅", "指导市县生态环境部门开展执法练兵4次。")
    assert not _s007("澄州市教育局", "指导区县教育局开展执法检查4次。")
    assert not _s007("澄州市生态环境局丹溪分局", "配合区县生态环境局开展联合执法4次。")


def test_check_finds_nothing_wrong_in_the_city_bureaus_and_the_branchs_own_drafts(drafts, tmp_path):
    from draftkit.review import check_file

    for key in ("city", "branch", "county_branch"):
        (tmp_path / f"{key}.md").write_text(drafts[key][0], encoding="utf-8")
        rest = [(f.code, f.message) for f in check_file(tmp_path / f"{key}.md") if f.code not in ("F004",)]
        assert not rest, (key, rest)
