"""The issuer model (data/issuers.yaml, draftkit.issuers): names read into place and kind for
every pattern, and what each kind says of itself — names invented, none a realset issuer's."""

import csv
from pathlib import Path

import pytest
from conftest import ROOT

from draftkit import issuers

# name, --level (or ''), kind, place, parent, trade, (我方, 主要负责人, 常务会议), addressee (None: to fill)
NAMES = [
    # provinces: 省, 自治区, 直辖市, and a party committee with its government
    ("枫岭省人民政府", "", "province", "枫岭省", "", "", ("我省", "省长", "省政府常务会议"), "党中央、国务院"),
    ("梧川壮族自治区人民政府", "", "province", "梧川壮族自治区", "", "", ("我区", "自治区主席", "自治区政府常务会议"), "党中央、国务院"),
    ("天津市人民政府", "", "province", "天津市", "", "", ("我市", "市长", "市政府常务会议"), "党中央、国务院"),
    ("中共枫岭省委、枫岭省人民政府", "", "province", "枫岭省", "", "", ("我省", "省长", "省政府常务会议"), "党中央、国务院"),
    # cities: 设区的市, 自治州, 盟
    ("梧川市人民政府", "", "city", "梧川市", "", "", ("我市", "市长", "市政府常务会议"), "中共梧川市委、梧川市人大常委会"),
    ("苍岭藏族羌族自治州人民政府", "", "city", "苍岭藏族羌族自治州", "", "", ("我州", "州长", "州政府常务会议"),
     "中共苍岭藏族羌族自治州委、苍岭藏族羌族自治州人大常委会"),
    ("汀兰盟行政公署", "", "city", "汀兰盟", "", "", ("我盟", "盟长", "行署常务会议"), "中共汀兰盟委、汀兰盟人大常委会"),
    ("中共梧川市委 梧川市人民政府", "", "city", "梧川市", "", "", ("我市", "市长", "市政府常务会议"), "中共梧川市委、梧川市人大常委会"),
    # counties: 县, 自治县, 旗, 自治旗, 市辖区, 直辖市的区, 县级市 (by --level, or below a 州)
    ("枫岭县人民政府", "", "county", "枫岭县", "", "", ("我县", "县长", "县政府常务会议"), "中共枫岭县委、枫岭县人大常委会"),
    ("澜岫彝族自治县人民政府", "", "county", "澜岫彝族自治县", "", "", ("我县", "县长", "县政府常务会议"),
     "中共澜岫彝族自治县委、澜岫彝族自治县人大常委会"),
    ("鹤汀拉祜族佤族自治县人民政府", "", "county", "鹤汀拉祜族佤族自治县", "", "", ("我县", "县长", "县政府常务会议"),
     "中共鹤汀拉祜族佤族自治县委、鹤汀拉祜族佤族自治县人大常委会"),
    ("苍澜旗人民政府", "", "county", "苍澜旗", "", "", ("我旗", "旗长", "旗政府常务会议"), "中共苍澜旗委、苍澜旗人大常委会"),
    ("岫岩达斡尔族自治旗人民政府", "", "county", "岫岩达斡尔族自治旗", "", "", ("我旗", "旗长", "旗政府常务会议"),
     "中共岫岩达斡尔族自治旗委、岫岩达斡尔族自治旗人大常委会"),
    ("梧川市苍澜区人民政府", "", "county", "苍澜区", "梧川市", "", ("我区", "区长", "区政府常务会议"), "中共苍澜区委、苍澜区人大常委会"),
    ("上海市岚江区人民政府", "", "county", "岚江区", "上海市", "", ("我区", "区长", "区政府常务会议"), "中共岚江区委、岚江区人大常委会"),
    ("梧川市滨澜新区人民政府", "", "county", "滨澜新区", "梧川市", "", ("我区", "区长", "区政府常务会议"), "中共滨澜新区委、滨澜新区人大常委会"),
    ("雁汀市人民政府", "县区", "county", "雁汀市", "", "", ("我市", "市长", "市政府常务会议"), "中共雁汀市委、雁汀市人大常委会"),
    ("苍岭州雁汀市人民政府", "", "county", "雁汀市", "苍岭州", "", ("我市", "市长", "市政府常务会议"), "中共雁汀市委、雁汀市人大常委会"),
    ("中共枫岭县委、枫岭县人民政府", "", "county", "枫岭县", "", "", ("我县", "县长", "县政府常务会议"), "中共枫岭县委、枫岭县人大常委会"),
    # townships: 镇, 乡, 民族乡, the county named or not, below a county-level city
    ("枫岭县汀兰镇人民政府", "", "township", "汀兰镇", "枫岭县", "", ("我镇", "镇党委书记、镇长", "镇党政联席会议"), "中共枫岭县委、枫岭县人民政府"),
    ("汀兰镇人民政府", "", "township", "汀兰镇", "", "", ("我镇", "镇党委书记、镇长", "镇党政联席会议"), None),
    ("枫岭县雁汀乡人民政府", "", "township", "雁汀乡", "枫岭县", "", ("我乡", "乡党委书记、乡长", "乡党政联席会议"), "中共枫岭县委、枫岭县人民政府"),
    ("枫岭县岚溪瑶族乡人民政府", "", "township", "岚溪瑶族乡", "枫岭县", "", ("我乡", "乡党委书记、乡长", "乡党政联席会议"), "中共枫岭县委、枫岭县人民政府"),
    ("鹤栖民族乡人民政府", "", "township", "鹤栖民族乡", "", "", ("我乡", "乡党委书记、乡长", "乡党政联席会议"), None),
    ("雁汀市岚口镇人民政府", "", "township", "岚口镇", "雁汀市", "", ("我镇", "镇党委书记、镇长", "镇党政联席会议"), "中共雁汀市委、雁汀市人民政府"),
    # 街道: a 街道 is a 街道 (not the county or city in its name), also without --level
    ("雁汀市鹤鸣街道办事处", "", "street", "鹤鸣街道", "雁汀市", "", ("我街道", "街道党工委书记、办事处主任", "街道党工委会议"),
     "中共雁汀市委、雁汀市人民政府"),
    ("梧川市苍澜区岚溪街道办事处", "", "street", "岚溪街道", "苍澜区", "", ("我街道", "街道党工委书记、办事处主任", "街道党工委会议"),
     "中共苍澜区委、苍澜区人民政府"),
    ("鹤鸣街道办事处", "", "street", "鹤鸣街道", "", "", ("我街道", "街道党工委书记、办事处主任", "街道党工委会议"), None),
    ("苍澜区岚溪街道办事处", "乡镇", "street", "岚溪街道", "苍澜区", "", ("我街道", "街道党工委书记、办事处主任", "街道党工委会议"),
     "中共苍澜区委、苍澜区人民政府"),
    # development zones: 管委会 set up by a government
    ("梧川经济技术开发区管理委员会", "", "zone", "梧川经济技术开发区", "", "", ("我区", "党工委书记、管委会主任", "管委会主任办公会议"), None),
    ("枫岭高新技术产业开发区管委会", "", "zone", "枫岭高新技术产业开发区", "", "", ("我区", "党工委书记、管委会主任", "管委会主任办公会议"), None),
    ("梧川市滨澜新区管理委员会", "", "zone", "滨澜新区", "梧川市", "", ("我区", "党工委书记、管委会主任", "管委会主任办公会议"), "中共梧川市委、梧川市人民政府"),
    ("枫岭县鹤鸣工业园区管理委员会", "", "zone", "鹤鸣工业园区", "枫岭县", "", ("我区", "党工委书记、管委会主任", "管委会主任办公会议"), "中共枫岭县委、枫岭县人民政府"),
    # government departments at each level
    ("枫岭省司法厅", "", "department", "枫岭省", "", "司法", ("我厅", "党组书记、厅长", "厅党组会议"), "中共枫岭省委、枫岭省人民政府"),
    ("枫岭省发展和改革委员会", "", "department", "枫岭省", "", "发展改革", ("我委", "党组书记、主任", "委党组会议"), "中共枫岭省委、枫岭省人民政府"),
    ("枫岭省人民政府办公厅", "", "department", "枫岭省", "", "政府办", ("我厅", "党组书记、主任", "厅党组会议"), "中共枫岭省委、枫岭省人民政府"),
    ("枫岭省应急管理厅", "", "department", "枫岭省", "", "应急管理", ("我厅", "党委书记、厅长", "厅党委会议"), "中共枫岭省委、枫岭省人民政府"),
    ("梧川市自然资源和规划局", "", "department", "梧川市", "", "自然资源", ("我局", "党组书记、局长", "局党组会议"), "中共梧川市委、梧川市人民政府"),
    ("梧川市苍澜区卫生健康局", "", "department", "苍澜区", "梧川市", "卫健", ("我局", "党组书记、局长", "局党组会议"), "中共苍澜区委、苍澜区人民政府"),
    ("枫岭县教育局", "", "department", "枫岭县", "", "教育", ("我局", "党组书记、局长", "局党组会议"), "中共枫岭县委、枫岭县人民政府"),
    ("枫岭县公安局", "", "department", "枫岭县", "", "公安", ("我局", "党委书记、局长", "局党委会议"), "中共枫岭县委、枫岭县人民政府、市公安局"),
    ("枫岭县人民政府办公室", "", "department", "枫岭县", "", "政府办", ("我办", "党组书记、主任", "办党组会议"), "中共枫岭县委、枫岭县人民政府"),
    ("澜岫彝族自治县民族宗教事务局", "", "department", "澜岫彝族自治县", "", "", ("我局", "党组书记、局长", "局党组会议"),
     "中共澜岫彝族自治县委、澜岫彝族自治县人民政府"),
    ("梧川市生态环境局苍澜分局", "", "department", "苍澜", "梧川市", "生态环境", ("我局", "党组书记、局长", "局党组会议"), "梧川市生态环境局"),
    # vertically managed bodies: the superior body, not the place's government, is addressed
    ("国家税务总局枫岭县税务局", "", "vertical", "枫岭县", "", "税务", ("我局", "党委书记、局长", "局党委会议"), None),
    ("国家税务总局梧川市苍澜区税务局", "", "vertical", "苍澜区", "梧川市", "税务", ("我局", "党委书记、局长", "局党委会议"), "国家税务总局梧川市税务局"),
    ("国家税务总局枫岭省税务局", "", "vertical", "枫岭省", "", "税务", ("我局", "党委书记、局长", "局党委会议"), "国家税务总局"),
    ("梧川海关", "", "vertical", "", "", "海关", ("我关", "党委书记、关长", "关党委会议"), None),
    ("国家统计局枫岭调查队", "", "vertical", "", "", "统计调查", ("我队", "党组书记、队长", "队党组会议"), None),
    ("枫岭县气象局", "", "vertical", "枫岭县", "", "气象", ("我局", "党组书记、局长", "局党组会议"), None),
    ("梧川市烟草专卖局", "", "vertical", "梧川市", "", "烟草", ("我局", "党组书记、局长", "局党组会议"), None),
    ("国家金融监督管理总局梧川监管分局", "", "vertical", "", "", "金融监管", ("我局", "党委书记、局长", "局党委会议"), None),
    ("枫岭省邮政管理局", "", "vertical", "枫岭省", "", "邮政管理", ("我局", "党组书记、局长", "局党组会议"), "国家邮政局"),
    # State Council departments
    ("水利部", "", "state_department", "", "", "水利", ("我部", "党组书记、部长", "部党组会议"), "党中央、国务院"),
    ("国家林业和草原局", "", "state_department", "", "", "林业", ("我局", "党组书记、局长", "局党组会议"), "党中央、国务院"),
    ("国家发展和改革委员会", "", "state_department", "", "", "发展改革", ("我委", "党组书记、主任", "委党组会议"), "党中央、国务院"),
]


def _realset_issuers() -> set[str]:
    manifest = ROOT.parent / "shared" / "realset" / "manifest.tsv"
    if not manifest.is_file():
        return set()
    with manifest.open(encoding="utf-8") as f:
        return {r["issuer"] for r in csv.DictReader(f, delimiter="\t")}


def test_the_table_is_large_and_invented():
    assert len(NAMES) >= 40
    assert not {n for n, *_ in NAMES} & _realset_issuers()
    covered = {row[2] for row in NAMES}
    assert covered == set(issuers.kinds()), set(issuers.kinds()) - covered


@pytest.mark.parametrize("name,level,kind,place,parent,trade,words,addressee", NAMES, ids=[r[0] for r in NAMES])
def test_a_name_is_read_into_place_and_kind(name, level, kind, place, parent, trade, words, addressee):
    p = issuers.parse(name, level)
    assert (p.kind.key, p.place, p.parent, p.trade) == (kind, place, parent, trade)
    w = p.words()
    assert (w["我方"], w["主要负责人"], w["常务会议"]) == words
    assert p.addressee == addressee


def test_every_kind_is_data_with_its_sources_and_examples():
    t = issuers.table()
    for key, kind in issuers.kinds().items():
        assert set(kind.words) == set(t["slots"]), key
        assert set(kind.powers) == set(t["power_names"]), key
        assert kind.sources and kind.examples, key
        for example in kind.examples:
            assert issuers.parse(example).kind.key == key, (key, example)


def test_a_street_is_not_a_town_and_a_tax_bureau_is_led_by_its_party_committee():
    street = issuers.parse("雁汀市鹤鸣街道办事处")
    assert street.level == "乡镇" and street.words()["本级政府"] == "街道办事处" and street.words()["基层"] == "社区"
    assert street.led_by == "在市委、市政府的坚强领导下，" and street.can("review") is False
    tax = issuers.parse("国家税务总局枫岭县税务局")
    assert tax.level == "部门" and tax.led_by == "在市税务局党委和县委、县政府的坚强领导下，"
    assert "国家税务总局××市税务局" in tax.superior and tax.can("review") == "上一级机关管辖"
    hall = issuers.parse("枫岭省司法厅")
    assert hall.words()["内设机构"] == "处室" and hall.superior == "司法部" and hall.can("decisions") is False
    assert issuers.parse("枫岭县教育局").words()["内设机构"] == "股室"
    assert issuers.parse("梧川市苍澜区卫生健康局").superior == "梧川市卫生健康局"
    assert issuers.parse("澜岫彝族自治县人民政府").autonomous and not issuers.parse("枫岭县人民政府").autonomous
    assert issuers.parse("国家林业和草原局").led_by == "在党中央、国务院的坚强领导下，"


def test_the_model_has_one_home():
    """No copy of the issuer model in the code (its strings, docstrings aside): the heads,
    meetings and units are read from data/issuers.yaml."""
    from test_architecture import SRC, _strings

    said = [(str(path.relative_to(SRC)), n, s) for path in SRC.rglob("*.py") for n, s in _strings(path)
            if any(w in s for w in ("党工委书记", "镇党委书记", "局党组会议", "股室", "处室", "党委书记、局长"))]
    assert not said, said


def test_the_prompt_says_whom_a_report_usually_goes_to():
    """draftkit new asks the addressee with the model's superior where the name does not tell."""
    from types import SimpleNamespace

    from draftkit.drafting.questions import _usual_addressee

    tax = SimpleNamespace(issuer={"name": "国家税务总局枫岭县税务局", "level": ""})
    assert _usual_addressee(tax) == "一般是上一级税务机关（国家税务总局××市税务局）"
    zone = SimpleNamespace(issuer={"name": "梧川经济技术开发区管理委员会", "level": ""})
    assert _usual_addressee(zone) == "一般是设立它的党委和政府"
