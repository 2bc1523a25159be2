"""Default drafts read as a 政府办 reviewer reads them, for a county, its 司法局, a city and a
town: nothing an issuer of that level cannot do or have, no 年以来 in a report on one year,
items under the heading of their topic, plain register, and a plan that answers the shortcomings."""

import re
from pathlib import Path

import pytest
from conftest import default_drafts
import yaml

from draftkit import issuers, levels

ISSUERS = {"county": ("青岚县人民政府", "县区"), "dept": ("青岚县司法局", "部门"),
           "city": ("云川市人民政府", "市"), "town": ("白石镇人民政府", "乡镇"),
           "market": ("青岚县市场监督管理局", "部门"), "province": ("安宁省人民政府", "省"),
           "county_town": ("青岚县石桥镇人民政府", "乡镇")}
DRAFTS = yaml.safe_load((Path(__file__).parent.parent / "src" / "draftkit" / "data" / "drafts.yaml")
                        .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return {k: md for k, (md, _) in default_drafts(tmp_path_factory.mktemp("levels"), ISSUERS).items()}


def parts(md: str) -> dict[str, str]:
    p = re.split(r"^## ", md, flags=re.M)
    return {"measures": p[1], "shortcomings": p[2], "leadership": p[3], "plan": p[4]}


def items(text: str) -> list[str]:
    return [s.strip("；。\n") for s in re.split(r"[一二三四五六七八九十]是", text)[1:]]


def test_a_town_does_only_what_a_town_does(drafts):
    md = drafts["town"]
    bad = re.findall(r"行政复议|复议机关|律所|律师事务所|常务会议|法治副校长|各部门|各街道|街道|各级|下放|镇街|政协"
                     r"|专家库|资深律师|大部门|仲裁|政府部门", md)
    assert not bad, bad
    leaders = parts(md)["leadership"]
    assert "镇党委书记认真履行" in leaders and "镇政府主要负责人履行" in leaders and "镇党委书记、镇长" not in leaders
    assert "2025年党政主要负责人履行" in md


def test_a_department_speaks_as_itself(drafts):
    md = drafts["dept"]
    assert "2025年主要负责人履行推进法治建设第一责任人职责情况" in md and "党政主要负责人" not in md
    assert "党组书记、局长认真履行推进法治建设第一责任人职责，主持召开局党组会议" in md
    assert not re.search(r"下放|大部门|县政府(?:新)?出台|[一二三四]是青岚县", md), md


def test_a_city_government_does_not_make_local_laws(drafts):
    for md in drafts.values():
        assert not re.search(r"(?<!提请)制定[^，；。]{0,6}地方性法规", md)


def test_an_annual_report_speaks_of_its_year(drafts):
    for md in drafts.values():
        assert "年以来" not in md, re.findall(r".{12}年以来.{6}", md)


def test_plain_register(drafts):
    for md in drafts.values():
        body = "\n".join(items(parts(md)["measures"]))
        assert not re.search(r"争先进位|极大提升|充分彰显|厚植土壤|不竭动力|普遍建立[^；]*共", body), body
        # local cultural brands and the pre-reform 大部门 wording are for the clerk to rewrite, not defaults
        assert not re.search(r"儒家|和为贵|大部门", md), md
        assert not [i for i in items(parts(md)["measures"]) if re.match(r"(截至)?目前", i)]


def test_items_sit_under_the_heading_of_their_topic(drafts):
    heading_topic = {h: k for k, h in DRAFTS["headings"].items()}
    own = {s["heading"] for kind in DRAFTS["own_measures"].values() for s in kind["sections"]}
    from draftkit.drafting.trades import headings

    own |= {h for _, h in headings()}  # a department's trade's sections (data/trades.yaml)
    for key, md in drafts.items():
        sections = re.split(r"^### （[一二三四五六]）", parts(md)["measures"], flags=re.M)[1:]
        assert len(sections) >= 3, key
        for sec in sections:
            heading, _, body = sec.partition("\n")
            if heading.strip() in own:  # our own section: its items were written for it
                continue
            topic = heading_topic[heading.strip()]
            for item in items(body):
                assert re.search(DRAFTS["fits"][topic], item), (key, heading, item)
        assert not re.search(r"加强组织领导[^#]*普法", md) and not re.search(r"枫桥经验[^#]*律师签订", md)


def test_plan_answers_the_shortcomings_and_causes_cover_the_problem(drafts):
    for key, md in drafts.items():
        p = parts(md)
        shortcomings, plan = items(p["shortcomings"]), items(p["plan"])
        assert shortcomings and len(plan) >= len(shortcomings)
        for s in shortcomings:
            problem, _, cause = s.partition("主要原因是")
            assert cause, s
            if "复议" in problem:  # a cause for each half of the problem
                assert "复议" in cause, s
        # the year's known milestones (纲要 and 普法 closing) are in every plan, whatever the shortcomings
        milestones = {m.get(k, m["text"]) for ms in DRAFTS["milestones"].values() for m in ms for k in m if k != "years"}
        for item in plan:
            if any(item.startswith(m.split("{")[0]) for m in milestones):
                continue
            assert any(re.search(rule, item) and any(re.search(rule, s) for s in shortcomings)
                       for rule in DRAFTS["fits"].values()), (key, item)


def test_level_marks_are_data_read_when_mining():
    town = issuers.values("白石镇人民政府", "乡镇", "白石镇")
    assert (town["常务会议"], town["主要负责人"]) == ("镇党政联席会议", "镇党委书记、镇长")
    _, _, fits = levels.neutralise("组织律所和律师签订诚信执业承诺书", "荣成市")
    assert fits and "乡镇" not in fits and "县区" in fits
    _, _, fits = levels.neutralise("荣成市深化简政放权，下放行政许可事项", "荣成市")
    assert fits and "部门" not in fits and "乡镇" not in fits
    assert not issuers.offered(levels.neutralise("开展行政复议规范化建设", "白石镇")[2], "乡镇", "白石镇")


def test_a_department_other_than_justice_does_not_claim_the_justice_bureaus_work(drafts):
    md = drafts["market"]
    bad = re.findall(r"公共法律服务|人民调解|司法所|法律顾问专家库|执法部门布置|行政复议(?!和行政诉讼)(?!应诉|答复|决定)|复议机关|律所|"
                     r"社会监督员|执法监督员|仲裁|民主法治|规范性文件制定计划|公职律师全覆盖", md)
    assert not bad, bad
    # its shortcoming on disputes is its own (a respondent's), not the county's 复议 caseload
    assert "配强行政复议办案力量" not in md
    # a justice bureau keeps them: it runs 复议 and 调解 for the county
    assert re.search(r"行政复议|人民调解|公共法律服务", drafts["dept"])


def test_a_province_does_not_count_villages(drafts):
    assert not re.search(r"镇街|村居|镇级|布置学法作业|社会监督员", drafts["province"])


def test_a_town_takes_no_power_to_supervise_and_its_mayor_goes_to_court(drafts):
    md = drafts["town"]
    assert not re.search(r"亿元|执法监督年度工作计划|执法监督员|开展执法监督|两级行政争议", md)
    court = next(p for p in parts(md)["leadership"].split("\n") if "出庭应诉" in p)
    assert court.startswith("镇政府主要负责人带头落实行政机关负责人出庭应诉制度"), court


def test_the_year_speaks_of_its_own_meetings_and_next_years_law(drafts):
    for key, md in drafts.items():
        opening = md.split("## ")[0]
        # the second 中央全面依法治国工作会议 (2025-11) is cited in reports on 2025; the 纲要 ends that year
        assert "深入贯彻中央全面依法治国工作会议精神" in opening and "纲要各项任务落实收官" in opening, key
        # 《行政执法监督条例》 takes effect 2026-02-01: the plan for 2026 carries it out
        # where enforcement is among the shortcomings it answers
        if "执法规范化水平还需提升" in parts(md)["shortcomings"]:
            assert "贯彻实施《行政执法监督条例》" in parts(md)["plan"], key
    assert sum("贯彻实施《行政执法监督条例》" in md for md in drafts.values()) >= 3


def test_no_fragment_that_needs_the_sentence_before_it(drafts):
    for md in drafts.values():
        assert not re.search(r"[是：]定期跟进调度进展|将工作覆盖面延伸至最基层|必然导致|法治是最好的营商环境|在全省率先", md)


def test_draft_blanks_keep_their_measure_word(drafts):
    leaders = parts(drafts["county"])["leadership"]
    assert "【待填：研究次数】次专题研究" in leaders and "会前学法【待填：会前学法次数】次" in leaders
    # two bodies, two counts (issue 20): the 中心组 and the 常务会议 each learn on their own
    assert "理论学习中心组集体学法【待填：中心组学法次数】次" in leaders
    assert "出庭应诉率【待填：出庭应诉率】，" in leaders  # a rate shows no % after its blank


def test_every_heading_has_something_under_it(drafts):
    for key, md in drafts.items():
        sections = re.split(r"^### .*$", parts(md)["measures"], flags=re.M)[1:]
        assert sections and all(s.strip() for s in sections), key


def test_a_town_named_with_its_county_speaks_as_the_town(drafts):
    md = drafts["county_town"]
    # under its county's party committee and government, as a town's report opens (issuers.yaml led_by)
    assert md.split("## ")[0].count("2025年，在县委、县政府的坚强领导下，石桥镇坚持") == 1
    assert not re.search(r"县长|县政府常务会议|我县|全县|县政府新出台", md), re.findall(r"县长|县政府常务会议|我县|全县", md)
    assert "镇党委书记认真履行" in parts(md)["leadership"] and "镇长办公会议" in parts(md)["leadership"]


def test_a_government_reports_both_leaders_and_what_they_studied(drafts):
    for key, party in (("county", "县委"), ("city", "市委"), ("province", "省委")):
        leaders = parts(drafts[key])["leadership"]
        assert leaders.split("\n\n")[1].startswith(f"{party}主要负责同志认真履行") and f"{party}全面依法治" in leaders, key
        # a report on 2025 names the second 中央全面依法治国工作会议 (2025-11) and the law in force 2025-11-01
        assert "专题学习中央全面依法治国工作会议精神和《法治宣传教育法》" in leaders, key
    # a governor sees that the province's officials appear in court; a county head goes himself
    assert "省长督促全省各级行政机关负责人依法出庭应诉" in parts(drafts["province"])["leadership"]
    assert "县长带头落实行政机关负责人出庭应诉制度" in parts(drafts["county"])["leadership"]
    for key in ("dept", "market", "town"):  # one leader (or the town's two titles): no 县委 paragraph
        assert "主要负责同志认真履行" not in drafts[key] and "县委理论学习中心组" not in drafts[key], key


def test_a_department_reports_its_own_enforcement_and_a_justice_bureau_its_own_duties(drafts):
    market = parts(drafts["market"])["measures"]
    assert "### （二）严格规范市场监管执法，提升执法质量和效能" in market and "行政处罚案件【待填：行政处罚案件数】件" in market
    assert "行政复议答复" in market and "谁执法谁普法" in market
    assert not re.search(r"承办单位|工程建设项目审批|标准地|政务公开工作考核|审计监督", drafts["market"])
    justice = drafts["dept"]
    assert "合法性审查【待填：合法性审查件数】件" in justice and "“八五”普法总结验收" in justice
    # the 司法局 is the government's enforcement supervisor: it leads the new 条例, it is not only supervised
    assert "牵头贯彻实施《行政执法监督条例》" in parts(justice)["plan"]
    assert "主动接受行政执法监督" not in parts(justice)["plan"]
    for key in ("county", "city", "province"):  # every government's report on 2025 says how 普法 closed
        assert "“八五”普法总结验收" in parts(drafts[key])["measures"], key


def test_the_draft_is_addressed_to_whom_its_level_reports():
    from draftkit.drafting.defaults import default_addressee

    assert default_addressee("江南省人民政府", "省") == "党中央、国务院"
    assert default_addressee("云川市人民政府", "市") == "中共云川市委、云川市人大常委会"
    assert default_addressee("云川市青岚区人民政府", "县区") == "中共青岚区委、青岚区人大常委会"
    assert default_addressee("青岚县市场监督管理局", "部门") == "中共青岚县委、青岚县人民政府"
    assert default_addressee("青岚县石桥镇人民政府", "乡镇") == "中共青岚县委、青岚县人民政府"
    assert default_addressee("石桥镇人民政府", "乡镇") == ""  # its county is not in its name: the clerk writes it


def test_a_province_and_a_city_report_their_own_rule_making(drafts):
    for key, u in (("province", "省"), ("city", "市")):
        measures = parts(drafts[key])["measures"]
        assert f"提请{u}人大常委会审议地方性法规草案【待填：法规草案件数】件，制定、修改政府规章" in measures, key
    assert "政府规章" not in drafts["county"] and "政府规章" not in drafts["town"]  # a county makes none


def test_each_level_reports_its_own_review_and_court_work(drafts):
    # a city reviews the documents its districts and departments file; only a province reviews 规章 filed with it
    assert "审查区县政府和市政府部门报备的行政规范性文件" in drafts["city"] and "报备的规章" not in drafts["city"]
    assert "审查设区的市报备的政府规章" in drafts["province"]
    for key in ("province", "city"):  # its own 复议 caseload, which its shortcomings and plan speak of
        assert "统一行使行政复议职责，全年新收行政复议案件【待填：复议收案件数】件" in parts(drafts[key])["measures"], key
    # a township counts the cases it is sued in, not a county-wide rate
    court = next(p for p in parts(drafts["county_town"])["leadership"].split("\n") if "出庭应诉" in p)
    assert "镇政府作为被告的行政诉讼案件【待填：被诉案件数】件" in court and "出庭应诉率" not in court
    # a 司法局 reports the 依法治县办's work and legal aid
    justice = parts(drafts["dept"])["measures"]
    assert "全面依法治县委员会办公室日常工作" in justice and "法律援助案件【待填：法律援助案件数】件" in justice


def test_a_department_reports_its_own_trade_first(tmp_path):
    """A 市场监管局 opens with 公平竞争审查 and 双随机 (data/trades.yaml), an 应急管理局 with
    安全生产 enforcement; a department of a trade the table lacks has its trade's work to write."""
    got = default_drafts(tmp_path, {"market": ("青岚县市场监督管理局", "部门"), "emergency": ("青岚县应急管理局", "部门"),
                                    "other": ("青岚县发展和改革局", "部门")})
    first = {k: re.search(r"^### （一）(.*)$", md, flags=re.M).group(1) for k, (md, _) in got.items()}
    assert first["market"] == "依法履行市场监管职责，维护公平竞争的市场秩序"
    assert "公平竞争审查【待填：公平竞争审查件数】件" in got["market"][0]
    assert first["emergency"].startswith("依法履行安全生产监管职责") and "公平竞争审查" not in got["emergency"][0]
    # the heading of a trade the table lacks is the clerk's to write as well (no formal heading with 本行业)
    assert first["other"].startswith("依法履行【待写：") and "本行业" not in first["other"]
    assert "【待写：本行业的执法和监管工作】" in got["other"][0] and "公平竞争审查" not in got["other"][0]
