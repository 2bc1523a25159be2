"""check reads the issuer model: a draft that speaks as another kind of issuer is caught
(S007) with the model's word for it — the wrong-level sentences of issue 20's cold read —
and the default drafts of every kind speak as themselves."""

import datetime as dt
import re

import pytest
from conftest import default_drafts

from draftkit.reading.document import from_lines
from draftkit.review import check


def _s007(issuer, sentence, year=2025):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f for f in check(doc) if f.code == "S007"]


# the issuer, a sentence it would not write, the model's word check suggests
WRONG = [
    ("云川市青岚区望江街道办事处", "2025年，我镇坚持以习近平法治思想为指导，扎实推进依法行政。", "我街道"),
    ("云川市青岚区望江街道办事处", "镇党委书记、镇长认真履行推进法治建设第一责任人职责。", "街道党工委书记、办事处主任"),
    ("云川市青岚区望江街道办事处", "全年镇政府作为被告的行政诉讼案件3件，负责人出庭应诉3次。", "街道办事处"),
    ("云川市青岚区望江街道办事处", "健全镇村两级矛盾纠纷排查调处机制，全年调解纠纷20件。", "社区"),
    ("云川市青岚区望江街道办事处", "结合赶集日开展普法宣传12场次。", "社区活动"),
    ("国家税务总局青山县税务局", "党组书记、局长认真履行推进法治建设第一责任人职责，主持召开局党组会议4次。", "党委书记、局长"),
    ("国家税务总局青山县税务局", "2025年，我局在县委、县政府的坚强领导下，扎实推进依法治税。", "在市税务局党委和县委、县政府的坚强领导下，"),
    ("安宁省司法厅", "完善内部考核督促机制，个别科室对法治建设重视程度不够。", "处室"),
    ("安宁省司法厅", "厅长认真履行第一责任人职责，主持召开厅党组会议3次。", "党组书记、厅长"),
    ("青岚县公安局", "局党组理论学习中心组学法6次。", "局党委会议"),
    # the second cold read's wrong-level classes (notes/coldread2), in sentences of our own
    ("青岚县公安局", "2025年，我局在县委、县政府的坚强领导下，扎实推进公安执法规范化建设。", "在县委、县政府和市公安局党委的坚强领导下，"),
    ("青岚县人民政府", "为区内85家小微企业开展法治体检。", "为县内"),
    ("白音旗人民政府", "在区内开展“法律明白人”培训12期。", "在旗内"),
    ("青岚县交通运输局", "落实省厅工作部署，开展交通运输执法领域突出问题专项整治。", "落实上级主管部门部署"),
    ("云川经济技术开发区管理委员会", "重大项目招引中听取政府法律顾问意见32次。", "管委会法律顾问"),
    ("青岚县石桥镇人民政府", "镇政府签订的合同经法律顾问合法性审查18件。", "经司法所合法性审查"),
    ("云川市青岚区望江街道办事处", "街道制发的文件经政府法律顾问进行合法性审查6件。", "经司法所合法性审查"),
]


@pytest.mark.parametrize("issuer,sentence,fix", WRONG, ids=[w[1][:12] for w in WRONG])
def test_a_sentence_of_another_kind_is_caught_with_the_models_word(issuer, sentence, fix):
    found = _s007(issuer, sentence)
    assert any(f.suggestion == fix for f in found), [(f.message, f.suggestion) for f in found]


# the same words where they are the issuer's own, or said of another body on purpose
RIGHT = [
    ("青岚县石桥镇人民政府", "2025年，我镇坚持以习近平法治思想为指导，扎实推进依法行政。"),
    ("青岚县石桥镇人民政府", "镇党委书记、镇长认真履行推进法治建设第一责任人职责。"),
    ("云川市青岚区望江街道办事处", "街道党工委书记认真履行推进法治建设第一责任人职责，主持召开街道党工委会议4次。"),
    ("国家税务总局青山县税务局", "2025年，我局在市税务局党委和县委、县政府的坚强领导下，扎实推进依法治税。"),
    ("国家税务总局青山县税务局", "党委书记、局长主持召开局党委会议4次。"),
    ("青岚县教育局", "党组书记、局长主持召开局党组会议4次，督促各科室落实责任清单。"),
    ("青岚县教育局", "2025年，我局在县委、县政府的坚强领导下，扎实推进依法治校。"),
    ("安宁省司法厅", "党组书记、厅长主持召开厅党组会议3次，督促各处室落实责任。"),
    ("青岚县公安局", "2025年，我局在县委、县政府和市公安局党委的坚强领导下，扎实推进公安执法规范化建设。"),
    ("云川市青岚区人民政府", "为区内85家小微企业开展法治体检。"),
    ("青岚县人民政府", "在园区内开展联合执法检查4次。"),
    ("云川市交通运输局", "落实省厅工作部署，开展交通运输执法领域突出问题专项整治。"),
    ("青岚县人民政府", "重大项目中听取政府法律顾问意见32次。"),
    ("青岚县石桥镇人民政府", "镇政府签订的合同经司法所合法性审查18件，法律顾问出具法律意见20件。"),
]


@pytest.mark.parametrize("issuer,sentence", RIGHT, ids=[r[1][:12] for r in RIGHT])
def test_its_own_words_are_not_flagged(issuer, sentence):
    assert not _s007(issuer, sentence), [(f.message, f.suggestion) for f in _s007(issuer, sentence)]


KINDS = {"street": ("梧川市苍澜区岚溪街道办事处", ""), "tax": ("国家税务总局枫岭县税务局", ""),
         "hall": ("枫岭省司法厅", ""), "zone": ("梧川市滨澜新区管理委员会", ""), "state": ("水利部", ""),
         "xiang": ("雁汀市岚口乡人民政府", ""), "edu": ("枫岭县教育局", ""), "auto": ("澜岫彝族自治县人民政府", "")}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return default_drafts(tmp_path_factory.mktemp("kinds"), KINDS)


def test_default_drafts_of_every_kind_speak_as_themselves(drafts):
    for key in KINDS:
        md = drafts[key][0]
        assert not re.search(r"我镇|镇政府|镇村|赶集|村（社区）|县级", md) or key == "xiang", key
    street = drafts["street"][0]
    assert "全年街道办事处作为被告" in street and "区级业务培训" in street and "街道、社区两级" in street
    xiang = drafts["xiang"][0]  # a 乡 below a county-level city: 乡, 市级
    # 赋权 to a 乡 is the province's decision (行政处罚法第二十四条), not the 市's: 依法赋予乡行使; its training is 市级
    assert "承接依法赋予乡行使的行政执法事项" in xiang and "市级业务培训" in xiang and "市级赋予" not in xiang
    assert "乡综合行政执法" in xiang and "镇" not in xiang.split("## ")[1]
    tax = drafts["tax"][0]
    assert "在市税务局党委和县委、县政府的坚强领导下" in tax and "党组" not in tax and "【待填：主送机关】" in tax
    assert "制发规范性文件" not in tax  # a county 税务局 makes none
    hall = drafts["hall"][0]
    assert "科室" not in hall and "作为省政府的行政复议机构，承办" in hall
    assert not re.search(r"健全[^；。]{0,12}重大行政决策[^；。]{0,16}制度", hall)
    zone = drafts["zone"][0]
    assert "中共梧川市委、梧川市人民政府" in zone and "管委会作为被告" in zone
    assert not re.search(r"人大|政协|复议(?!答复|应诉|决定)|常委会|法律援助|执法监督年度", zone)
    state = drafts["state"][0]
    assert "党中央、国务院" in state and "在党中央、国务院的坚强领导下" in state and "部门规章" in state


def test_check_finds_no_wrong_level_words_in_the_default_drafts(drafts, tmp_path):
    from draftkit.review import check_file

    for key, (_, data) in drafts.items():
        path = tmp_path / f"{key}.yaml"
        path.write_text(data, encoding="utf-8")
        s007 = [f.message for f in check_file(path) if f.code == "S007"]
        assert not s007, (key, s007)


def test_the_leaders_part_is_asked_for_by_the_models_leader():
    issuer = "云川市青岚区望江街道办事处"
    lines = [f"{issuer}关于2025年度法治政府建设情况的报告", "一、2025年推进法治政府建设的主要举措和成效", "全年调解纠纷20件。",
             "三、2025年党政主要负责人履行推进法治建设第一责任人职责情况", "认真研究部署法治建设工作，推动各项任务落实。",
             issuer, "2026年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=2025, date=dt.date(2026, 2, 1), issuer=issuer)
    a005 = [f for f in check(doc) if f.code == "A005"]
    assert a005 and a005[0].suggestion == "以主要负责人为主语写，如“街道党工委书记、办事处主任主持召开街道党工委会议……”"
    # once someone acts (the 街道's 办事处主任, its 党工委会议) the part names who
    lines[4] = "办事处主任认真研究部署法治建设工作，街道党工委会议专题听取汇报。"
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=2025, date=dt.date(2026, 2, 1), issuer=issuer)
    assert not [f for f in check(doc) if f.code == "A005"]


@pytest.mark.parametrize("head,name,level,place,opening", [
    (["临江市东湖街道办事处关于2024年度法治政府建设情况的报告", "中共临江市委、临江市人民政府："],
     "临江市东湖街道办事处", "乡镇", "东湖街道", "2025年，在市委、市政府的坚强领导下，东湖街道坚持"),
    (["国家税务总局青山县税务局2024年度法治政府建设工作情况报告"],
     "国家税务总局青山县税务局", "部门", "青山县", "2025年，我局在市税务局党委和县委、县政府的坚强领导下，坚持"),
])
def test_import_knows_who_wrote_last_years_report(tmp_path, head, name, level, place, opening):
    """import reads the issuer through the model (a 街道 is 乡镇, not its city; a title without
    关于 still names a 税务局), and the draft carried to the next year opens as that issuer."""
    from draftkit.continuity.importer import import_report
    from draftkit.continuity.rollover import carry_forward

    text = "\n".join([*head, "2024年，扎实推进法治政府建设。现将有关情况报告如下：", "一、2024年推进法治政府建设的主要举措和成效",
                      "全年办理行政执法案件12件。", "二、2024年推进法治政府建设存在的不足和原因", "执法规范化水平还需提升，主要原因是培训不足。",
                      "三、2024年主要负责人履行推进法治建设第一责任人职责情况", "主要负责人主持召开会议4次。",
                      "四、2025年推进法治政府建设的主要安排", "加强执法培训。", "", "2025年2月10日"])
    path = tmp_path / "last.txt"
    path.write_text(text, encoding="utf-8")
    data = import_report(path)
    assert (data["issuer"]["name"], data["issuer"]["level"], data["issuer"].get("place")) == (name, level, place)
    carried, _ = carry_forward(data)
    assert carried["opening"][0].startswith(opening), carried["opening"][0]


def test_an_addressee_still_to_fill_stops_render_but_not_a_draft(drafts, tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "tax.yaml"
    path.write_text(drafts["tax"][1], encoding="utf-8")
    assert "addressee: null" in drafts["tax"][1]
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(path), "-o", str(tmp_path / "tax.docx")],
                       capture_output=True, text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120)
    assert r.returncode != 0 and "addressee（主送机关）还没有填写" in r.stderr and not (tmp_path / "tax.docx").exists()
