"""Two leftovers of issue 20's issuer model, with names invented for the test:

- 公安 is under dual leadership: a county's or city's 公安局 is led by its government and by
  the 公安 body above it (《公安机关组织管理条例》第三条; data/issuers.yaml trades dual), so its
  opening, addressee, the clerk's note and its leaders' part name both, and check's S007 says
  so of an opening that names its government alone.
- a county-level city named with the city that runs it (岚州市石城市人民政府) is a county-level
  city, not a city; a district (岚州市金水区) stays a district and a bare 「某某市人民政府」
  stays a city unless --level says otherwise."""

import datetime as dt
import re

import pytest
from conftest import default_drafts

from draftkit import issuers
from draftkit.reading.document import from_lines
from draftkit.review import check


def _check(issuer, sentence, year=2025, level=""):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f for f in check(doc) if f.code == "S007"]


# --- 公安: dual leadership ---------------------------------------------------------------

# name, addressee, opening's 领导, the body above, whether the name gives its full name
POLICE = [
    ("雁溪县公安局", "中共雁溪县委、雁溪县人民政府、市公安局", "在县委、县政府和市公安局党委的坚强领导下，", "市公安局", False),
    ("苍梧市公安局", "中共苍梧市委、苍梧市人民政府、省公安厅", "在市委、市政府和省公安厅党委的坚强领导下，", "省公安厅", False),
    ("澜沧省公安厅", "中共澜沧省委、澜沧省人民政府、公安部", "在省委、省政府和公安部党委的坚强领导下，", "公安部", True),
    ("苍梧市鹤鸣区公安分局", "中共鹤鸣区委、鹤鸣区人民政府、苍梧市公安局", "在区委、区政府和苍梧市公安局党委的坚强领导下，",
     "苍梧市公安局", True),
    ("岚州市石城市公安局", "中共石城市委、石城市人民政府、岚州市公安局", "在市委、市政府和岚州市公安局党委的坚强领导下，",
     "岚州市公安局", True),
]


@pytest.mark.parametrize("name,addressee,led_by,above,named", POLICE, ids=[p[0] for p in POLICE])
def test_a_police_bureau_is_led_by_its_government_and_the_police_above(name, addressee, led_by, above, named):
    p = issuers.parse(name)
    assert (p.trade, p.addressee, p.led_by) == ("公安", addressee, led_by)
    assert p.fields["dual_body"] == above and bool(p.fields["superior"]) == named


def test_counter_example_other_departments_are_led_by_their_government_alone():
    for name in ("雁溪县教育局", "苍梧市自然资源和规划局", "雁溪县应急管理局"):
        p = issuers.parse(name)
        assert "dual_body" not in p.fields and p.addressee.count("、") == 1, (name, p.addressee)
        assert p.led_by.startswith("在") and "和" not in p.led_by, (name, p.led_by)
    tax = issuers.parse("国家税务总局雁溪县税务局")  # vertical: its superior body first, not dual
    assert tax.led_by == "在市税务局党委和县委、县政府的坚强领导下，" and "dual_body" not in tax.fields


@pytest.fixture(scope="module")
def police_drafts(tmp_path_factory):
    return default_drafts(tmp_path_factory.mktemp("police"), {
        "county": ("雁溪县公安局", ""), "province": ("澜沧省公安厅", ""), "education": ("雁溪县教育局", "")})


def test_the_police_draft_names_both_leaders_in_opening_addressee_and_leaders_part(police_drafts):
    md = police_drafts["county"][0]
    assert "\n中共雁溪县委、雁溪县人民政府、市公安局：\n" in md
    assert "我局在县委、县政府和市公安局党委的坚强领导下，" in md
    leaders = re.split(r"^## ", md, flags=re.M)[3]
    assert "落实县委、县政府和市公安局对法治建设的部署要求，主持召开局党委会议" in leaders, leaders
    assert "党组" not in md
    province = police_drafts["province"][0]
    assert "\n中共澜沧省委、澜沧省人民政府、公安部：\n" in province
    assert "落实省委、省政府和公安部对法治建设的部署要求，主持召开厅党委会议" in province
    # the counter-example: an education bureau's draft names its government alone
    education = police_drafts["education"][0]
    assert "\n中共雁溪县委、雁溪县人民政府：\n" in education and "我局在县委、县政府的坚强领导下，" in education
    assert "部署要求" not in education


def test_new_tells_the_clerk_whom_the_police_report_goes_to(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "draftkit", "new", "--defaults", "--issuer", "雁溪县公安局",
                        "-o", str(tmp_path / "a.yaml")], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert "公安机关受本级党委、政府和上一级公安机关双重领导，主送机关写了市公安局，请写全称（××市公安局）" in r.stdout


def test_check_flags_a_police_opening_under_its_government_alone():
    found = _check("雁溪县公安局", "2025年，我局在县委、县政府的坚强领导下，扎实推进公安执法规范化建设。")
    assert [f.suggestion for f in found] == ["在县委、县政府和市公安局党委的坚强领导下，"], [f.message for f in found]
    assert "双重领导" in found[0].message
    assert not _check("雁溪县公安局", "2025年，我局在县委、县政府和市公安局党委的坚强领导下，扎实推进公安执法规范化建设。")
    # counter-example: an education bureau is led by its government alone
    assert not _check("雁溪县教育局", "2025年，我局在县委、县政府的坚强领导下，扎实推进依法治校。")


# --- county-level cities named with the city that runs them -----------------------------

# name, kind, place, parent, tier, 我方, 常务会议, addressee
COUNTY_CITIES = [
    ("岚州市石城市人民政府", "county", "石城市", "岚州市", "县区", "我市", "市政府常务会议", "中共石城市委、石城市人大常委会"),
    ("苍梧市雁门市人民政府", "county", "雁门市", "苍梧市", "县区", "我市", "市政府常务会议", "中共雁门市委、雁门市人大常委会"),
    ("中共鹤川市委、鹤川市汀江市人民政府", "county", "汀江市", "鹤川市", "县区", "我市", "市政府常务会议",
     "中共汀江市委、汀江市人大常委会"),
    ("岚州市石城市司法局", "department", "石城市", "岚州市", "县区", "我局", "局党组会议", "中共石城市委、石城市人民政府"),
    ("岚州市石城市青柳镇人民政府", "township", "青柳镇", "石城市", "乡镇", "我镇", "镇党政联席会议", "中共石城市委、石城市人民政府"),
    ("岚州市石城市东湖街道办事处", "street", "东湖街道", "石城市", "乡镇", "我街道", "街道党工委会议", "中共石城市委、石城市人民政府"),
    # counter-examples: a district stays a district, a 市场 is no county-level city, a bare 市 is a city
    ("岚州市金水区人民政府", "county", "金水区", "岚州市", "县区", "我区", "区政府常务会议", "中共金水区委、金水区人大常委会"),
    ("岚州市人民政府", "city", "岚州市", "", "市", "我市", "市政府常务会议", "中共岚州市委、岚州市人大常委会"),
    ("岚州市市场监督管理局", "department", "岚州市", "", "市", "我局", "局党组会议", "中共岚州市委、岚州市人民政府"),
    ("岚州市农贸市场服务中心", "department", "岚州市", "", "市", "我中心", "中心党组会议", "中共岚州市委、岚州市人民政府"),
]


@pytest.mark.parametrize("name,kind,place,parent,tier,me,meeting,addressee", COUNTY_CITIES, ids=[c[0] for c in COUNTY_CITIES])
def test_a_city_below_a_city_is_a_county_level_city(name, kind, place, parent, tier, me, meeting, addressee):
    p = issuers.parse(name)
    assert (p.kind.key, p.place, p.parent, p.tier) == (kind, place, parent, tier)
    assert (p.words()["我方"], p.words()["常务会议"], p.addressee) == (me, meeting, addressee)


def test_a_bare_city_name_is_a_county_level_city_only_by_level():
    assert issuers.parse("石城市人民政府").kind.key == "city"
    assert issuers.parse("石城市人民政府", "县区").kind.key == "county"
    assert issuers.parse("岚州市石城市人民政府").can("lawmaking") is False
    assert issuers.parse("岚州市人民政府").can("lawmaking") is True


@pytest.fixture(scope="module")
def city_drafts(tmp_path_factory):
    return default_drafts(tmp_path_factory.mktemp("cities"), {
        "county_city": ("岚州市石城市人民政府", ""), "city": ("岚州市人民政府", "")})


def test_a_county_level_citys_draft_makes_no_laws_and_files_no_district_documents(city_drafts):
    md = city_drafts["county_city"][0]
    assert "\n中共石城市委、石城市人大常委会：\n" in md and "2025年，石城市坚持" in md
    for wrong in ("地方性法规", "政府规章", "区县政府", "县区政府"):
        assert wrong not in md, wrong
    assert "市政府常务会议" in md  # its own meeting
    city = city_drafts["city"][0]  # the counter-example: a city makes rules and reviews its districts' documents
    assert "地方性法规" in city and "区县政府" in city


def test_check_takes_a_county_level_citys_own_meeting_as_its_own():
    sentence = "市长主持召开市政府常务会议4次专题研究法治政府建设工作。"
    assert not _check("岚州市石城市人民政府", sentence)
    # counter-examples: a county does not hold a 市政府常务会议, a county-level city makes no 规章
    assert any("常务会议" in f.message for f in _check("雁溪县人民政府", sentence))
    assert _check("岚州市石城市人民政府", "全年制定政府规章2件，提请市人大常委会审议地方性法规草案1件。")


def test_a_county_level_government_reports_its_own_review_filings_and_decisions(city_drafts):
    """A county's draft has its own 复议 (it decides them since 2024), 规范性文件 and 重大行政决策
    work with blanks, not only other offices' sentences from the bank."""
    md = city_drafts["county_city"][0]
    assert "市政府统一行使行政复议职责，市司法局作为行政复议机构具体办理，全年新收行政复议案件【待填" in md
    assert "审查乡镇（街道）和市政府部门报备的行政规范性文件【待填" in md
    assert "公布年度重大行政决策事项目录，列入目录的事项【待填" in md
    assert "报上一级政府和市人大常委会备案【待填" in md
    # the city (the counter-example) reviews its districts' and counties' documents instead
    city = city_drafts["city"][0]
    assert "审查区县政府和市政府部门报备的行政规范性文件" in city and "乡镇（街道）和市政府部门" not in city
