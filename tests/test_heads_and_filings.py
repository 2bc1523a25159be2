"""Wrong-level sentences a cold reviewer found in default drafts (notes/coldread1), fixed at
their cause in drafts.yaml: a township's, street's or zone's two heads are two people with their
own meetings; county governments file their 规范性文件 with the 设区的市, not the province; a
司法厅 reports the 复议 and 备案 work it handles for the 省政府 as 承办, in blanks of its own."""

import re

import pytest
from conftest import default_drafts

ISSUERS = {"town": ("岚溪县白沙镇人民政府", ""), "street": ("雁汀市清河区柳岸街道办事处", ""),
           "zone": ("雁汀经济技术开发区管理委员会", ""), "province": ("安宁省人民政府", "省"),
           "justice": ("安宁省司法厅", ""), "county": ("岚溪县人民政府", "县区")}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return {k: md for k, (md, _) in default_drafts(tmp_path_factory.mktemp("heads"), ISSUERS).items()}


def leadership(md: str) -> str:
    return re.split(r"^## ", md, flags=re.M)[3]


# (draft, the party head and the meeting they chair, the government head and theirs)
HEADS = [("town", "镇党委书记", "镇党委会议", "镇政府主要负责人", "镇长办公会议"),
         ("street", "街道党工委书记", "街道党工委会议", "街道办事处主要负责人", "街道办事处主任办公会议"),
         ("zone", "党工委主要负责同志", "党工委会议", "管委会主要负责人", "管委会主任办公会议")]


@pytest.mark.parametrize("key,party,party_meeting,head,meeting", HEADS)
def test_two_heads_chair_their_own_meetings(drafts, key, party, party_meeting, head, meeting):
    text = leadership(drafts[key])
    assert f"{party}认真履行推进法治建设第一责任人职责，主持召开{party_meeting}" in text, text
    assert f"{head}履行推进法治建设第一责任人职责，主持召开{meeting}" in text, text
    # never one person holding both posts and chairing one meeting
    assert not re.search(r"书记、(?:[镇乡]长|办事处主任|管委会主任)[^。；]{0,40}主持", text), text
    assert "党政联席会议" not in text   # chaired by the secretary: not the government head's meeting


def test_counter_example_a_county_still_has_its_two_leaders_and_standing_meeting(drafts):
    text = leadership(drafts["county"])
    assert "县委主要负责同志" in text and "县长认真履行推进法治建设第一责任人职责，主持召开县政府常务会议" in text, text


def test_a_province_reviews_the_cities_documents_not_the_counties(drafts):
    for key in ("province", "justice"):
        md = drafts[key]
        assert "设区的市政府、省政府部门报备的行政规范性文件" in md, key
        assert "市县政府" not in md and not re.search(r"县(?:级)?政府[^。；]{0,6}报备", md), key
    # counter-example: a county's own draft files nothing with the province either
    assert "报省政府备案" not in drafts["county"]


def test_the_justice_department_handles_for_the_province_in_blanks_of_its_own(drafts):
    justice, province = drafts["justice"], drafts["province"]
    assert "作为省政府的行政复议机构，承办以省政府为复议机关的行政复议案件" in justice
    assert "承办省政府备案审查工作" in justice
    blanks = lambda md: set(re.findall(r"【待填：([^】]+)】", md))
    shared = {b for b in blanks(justice) & blanks(province) if re.search("复议|备案|纠正", b)}
    assert not shared, shared
    assert "纠错率" not in justice   # the province's own figure as the 复议机关
    assert "统一行使行政复议职责" in province and "复议纠错率" in blanks(province)


def test_a_justice_department_of_a_province_guides_the_cities_and_counties(drafts):
    assert "对部门和乡镇执法活动的日常监督" not in drafts["justice"]
    assert "对市县行政执法协调监督工作的指导" in drafts["justice"]
