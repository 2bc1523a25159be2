"""Wrong-level claims and claims of completeness with nothing to show for them, as a cold
reviewer marked them in default drafts (notes/coldread1): S007 rows of data/level_words.yaml read
through the issuer model, and the A006 hint (data/claims.yaml), each row with an example it
catches and a counter-example it lets be."""

import datetime as dt

import pytest
import yaml

from draftkit.reading.document import from_lines
from draftkit.resources import data_file
from draftkit.review import check
from draftkit.review.claim_rules import unconfirmed


def _findings(issuer, sentence, code, part="一、主要举措和成效", year=2025):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", part, sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f for f in check(doc) if f.code == code]


CLAIMS = data_file("claims.yaml")["claims"]


@pytest.mark.parametrize("row", CLAIMS, ids=[r["example"][:10] for r in CLAIMS])
def test_each_claim_row_catches_its_example_and_not_its_counter_example(row):
    assert [note for _, note in unconfirmed(row["example"] + "。")] == [row["note"]]
    assert unconfirmed(row["counter"] + "。") == [], row["counter"]
    found = _findings("青岚县教育局", row["example"] + "。", "A006")
    assert len(found) == 1 and found[0].severity == "note", found


def test_a_claim_with_a_figure_or_in_the_plan_or_a_todo_is_not_hinted():
    assert unconfirmed("重大执法决定12件全部经法制审核。") == []
    # a blank is not yet a figure: the claim is the tool's until the clerk fills it (the reviewer's 09 #2)
    assert unconfirmed("全镇【待填：村数】个村（社区）全部配备法律顾问。")
    # a blank for another figure in the clause before does not confirm it (the reviewer's 01 #3)
    assert unconfirmed("办理行政处罚案件【待填：件数】件，重大执法决定全部经法制审核。")
    assert unconfirmed("对败诉案件逐案分析原因【待写：取自短语库】。") == []
    assert _findings("青岚县教育局", "对执法中发现的问题逐项整改。", "A006", part="四、下一年度主要安排") == []


# (issuer, a sentence of another level, a sentence that issuer may write)
WRONG_LEVEL = [
    ("柳溪镇人民政府", "镇党委书记、镇长认真履行第一责任人职责，主持召开镇党政联席会议4次。",
     "镇党委书记认真履行第一责任人职责，主持召开镇党委会议4次。"),
    ("临江市东湖街道办事处", "街道党工委书记、办事处主任认真履行第一责任人职责，主持召开街道党工委会议4次。",
     "办事处主任主持召开主任办公会议4次，专题研究法治政府建设。"),
    ("临江经济技术开发区管理委员会", "党工委书记、管委会主任认真履行第一责任人职责，主持召开管委会主任办公会议3次。",
     "管委会主任主持召开管委会主任办公会议3次。"),
    ("安宁省人民政府", "审查设区的市报备的政府规章和市县政府、省政府部门报备的行政规范性文件120件。",
     "审查设区的市报备的政府规章和设区的市政府、省政府部门报备的行政规范性文件120件。"),
    ("安宁省司法厅", "审查县政府报省政府备案的规范性文件30件。",
     "审查设区的市政府、省政府部门报备的规范性文件30件。"),
    ("青岚县人民政府", "提请县人大常委会审议地方性法规草案2件。", "配合市人大常委会开展地方性法规立法调研2次。"),
    ("青岚县人民政府", "制定、修改政府规章3件。", "配合市政府制定规章3件，开展规章实施情况评估。"),
    ("青岚县人民政府", "审查区县政府和县政府部门报备的行政规范性文件12件。", "审查乡镇政府和县政府部门报备的行政规范性文件12件。"),
    # the cold reviewers' coldread3a: bank sentences of another level
    ("鹿鸣市应急管理局", "市应急局行政许可事项32项进驻县政务大厅综合窗口。", "市应急局行政许可事项32项进驻市政务服务中心综合窗口，指导各县区应急管理局事项进驻县区政务服务中心。"),
    ("枫林县农业农村局", "动态调整我局主管的行政许可（区、乡镇）共26项。", "动态调整我局主管的行政许可（县、乡镇）共26项。"),
    ("澄湖省人民政府", "三是规范社区（村）代办事项36项，推进政务服务规范化。", "三是指导各地规范社区（村）代办事项，推进基层政务服务规范化。"),
    ("鹿鸣市鹤山区东关街道办事处", "一是承接区级赋予的行政执法事项36项。", "一是承接依法赋予街道行使的区级部门行政执法事项36项。"),
    ("枫林县柏岗镇人民政府", "承接县级下放的行政执法事项36项。", "按照省政府赋权决定，承接县级部门行政执法事项36项。"),
    ("鹿鸣市自然资源和规划局", "二是土地征收依法履行公告、听证和征求意见程序，组织听证3件。", "二是承办市政府土地征收前期工作，协助依法履行征收公告、听证程序，组织听证3件。"),
    ("鹿鸣市自然资源和规划局", "四是依法调处土地权属争议12件。", "四是受市政府委托调查处理土地权属争议12件，调解结案8件。"),
]


@pytest.mark.parametrize("issuer,wrong,right", WRONG_LEVEL, ids=[w[1][:10] for w in WRONG_LEVEL])
def test_wrong_level_claims_are_caught_and_own_words_are_not(issuer, wrong, right):
    found = _findings(issuer, wrong, "S007")
    assert found and all(f.severity == "warning" for f in found), (issuer, wrong)
    assert _findings(issuer, right, "S007") == [], (issuer, right, _findings(issuer, right, "S007"))


def test_the_rows_are_data():
    words = yaml.safe_load(data_file("level_words.yaml") and open(__import__("draftkit").__path__[0] + "/data/level_words.yaml", encoding="utf-8"))
    assert any("主持" in r["find"] and "党工委书记" in r["find"] for r in words["government"])
    assert any("报备" in r["find"] for r in words["levels"]["省"]) and any("规章" in r["find"] for r in words["levels"]["县"])


def test_a_claim_without_a_subject_of_its_own_is_counted_by_the_clause_before():
    assert unconfirmed("全年制发行政规范性文件6件，全部经合法性审核并报送备案。") == []
    # counter-example: a claim with its own subject needs its own figure (the reviewer's 01 #3)
    assert unconfirmed("办理行政处罚案件6件，重大执法决定全部经法制审核。")


PRESUMES = data_file("claims.yaml")["presumes"]

# sentences of our own: an event taken as happened, and the same with a count that says it did
PRESUMED = [
    ("全年行政诉讼败诉案件【待填：败诉案件数】件，对败诉案件分析原因、督促整改。",
     "全年行政诉讼败诉案件3件，对败诉案件分析原因、督促整改。"),
    ("全区被复议纠错【待填】件、败诉【待填】件，对纠错和败诉的案件分析原因、规范执法行为【待写：初稿代拟，不是事实】。",
     "全区被复议纠错【待填】件、败诉【待填】件，有纠错、败诉案件的，逐件分析原因、规范执法行为。"),
    ("全市行政诉讼败诉案件0件，组织分析败诉原因、督促整改。", "全市行政诉讼败诉案件5件，组织分析败诉原因、督促整改。"),
    ("督促各部门对复议纠错案件查找原因、整改到位。", "全年复议纠错案件7件，督促各部门对复议纠错案件查找原因、整改到位。"),
]


@pytest.mark.parametrize("row", PRESUMES, ids=[r["example"][:10] for r in PRESUMES])
def test_each_presumption_row_catches_its_example_and_not_its_counter_example(row):
    from draftkit.review.claim_rules import presumed

    assert [note for _, note in presumed(row["example"] + "。")] == [row["note"]]
    assert presumed(row["counter"] + "。") == []


@pytest.mark.parametrize("wrong,right", PRESUMED, ids=[p[0][:12] for p in PRESUMED])
def test_an_event_taken_as_happened_is_hinted_unless_counted_or_told(wrong, right):
    found = _findings("青岚县交通运输局", wrong, "A006")
    assert len(found) == 1 and "先认定今年有这些案件" in found[0].message, [f.message for f in found]
    assert _findings("青岚县交通运输局", right, "A006") == []


def test_a_claim_hinted_once_when_both_rows_see_it():
    assert len(_findings("青岚县教育局", "对被纠错和败诉案件逐案剖析原因。", "A006")) == 1


def test_a_government_does_not_advance_the_courts_work():
    """公正司法 is the courts' and procuratorates' (the cold reviewers' carried-001 heading)."""
    found = _findings("青岚县人民政府", "（三）严格规范行政执法，全面推进公正司法。", "S007")
    assert len(found) == 1 and "审判机关、检察机关" in found[0].message
    assert _findings("青岚县人民政府", "统筹推进科学立法、严格执法、公正司法、全民守法。", "S007") == []
    assert _findings("青岚县人民政府", "支持法院依法独立公正行使审判权，配合推进公正司法。", "S007") == []


def test_a_year_is_not_the_figure_a_claim_needs():
    """2023年… before a bare 全部 is a date, not the count the claim rests on (carried-001's
    全部安全回归社会, which a year's digits let pass)."""
    assert unconfirmed("2023年我市共衔接刑满释放人员【待填】人，全部安全回归社会。")
    assert unconfirmed("2023年我市共衔接刑满释放人员126人，全部安全回归社会。") == []


BANK_TODO = "【待写：取自短语库（别的单位的做法）：本单位做了就按实际改写、删去todo这一行，没做就删去这一句】"


@pytest.mark.parametrize("wrong,right", [
    # the cold reviewer's 19 and 20 (coldread3a): bank sentences whose todo asks only whether it was done
    (f"一是市应急局所有行政许可事项均进驻市政务服务中心综合窗口及网上办理{BANK_TODO}；二是开展执法检查12次。",
     f"一是市应急局32项行政许可事项进驻市政务服务中心综合窗口及网上办理{BANK_TODO}；二是开展执法检查12次。"),
    (f"准予行政许可【待填：数字】件，各项受理事项均严格按照程序审核办理，办结率为【待填：百分比】{BANK_TODO}。",
     f"准予行政许可【待填：数字】件，受理事项按照程序审核办理，办结率为【待填：百分比】{BANK_TODO}。"),
    (f"三是所有行政许可类事项名称、设定依据、编码等要素信息同上级部门保持一致{BANK_TODO}。",
     f"三是对照上级清单核对行政许可事项要素126项，同上级部门保持一致{BANK_TODO}。"),
])
def test_a_claim_of_all_in_a_todo_marked_sentence_is_a_warning(wrong, right):
    found = _findings("鹿鸣市应急管理局", wrong, "A006")
    assert len(found) == 1 and found[0].severity == "warning" and "只问做没做" in found[0].message, found
    assert _findings("鹿鸣市应急管理局", right, "A006") == []


def test_a_todo_before_a_claim_does_not_mark_it():
    """A carried paragraph's todo closes the item before (…。【待写：去年的举措…】二是…): the
    claim after it is last year's text, hinted as in any report."""
    found = _findings("荣成市人民政府", "一是开展执法检查12次。【待写：去年的举措：今年仍是这样吗？】二是所有规范性文件均纳入“三统一”管理。",
                      "A006")
    assert [f.severity for f in found] == ["note"], found


CONCLUDES = data_file("claims.yaml")["concludes"]


@pytest.mark.parametrize("row", CONCLUDES, ids=[r["example"][:10] for r in CONCLUDES])
def test_a_conclusion_drawn_on_a_blank_is_a_warning_and_on_a_figure_is_not(row):
    """carried-002 (coldread3a): 败诉率【待填】，为近5年最低，远低于省定目标任务 — last year's
    conclusion kept while this year's figure is still to fill."""
    found = _findings("湖州市人民政府", row["example"] + "。", "A007")
    assert len(found) == 1 and found[0].severity == "warning" and found[0].message.endswith(row["note"]), found
    assert _findings("湖州市人民政府", row["counter"] + "。", "A007") == []
    # a comparison in another sentence than the blank is not drawn on it
    assert _findings("湖州市人民政府", "败诉率【待填：数据】。执法考核成绩高于全省平均水平。", "A007") == []


def test_a_districts_own_district_is_not_another_level():
    """（区、乡镇） is a 区's own (realset 110, a 区 committee); in a county's report it is another level's."""
    assert _findings("鹿鸣市鹤山区农业农村局", "动态调整我局主管的行政许可（区、街道）共26项。", "S007") == []
    assert _findings("枫林县农业农村局", "动态调整我局主管的行政许可（区、乡镇）共26项。", "S007")[0].suggestion == "（县、乡镇）"


@pytest.mark.parametrize("name,level,text,own", [
    ("鹿鸣市应急管理局", "部门", "市应急局所有行政许可事项均进驻县政务大厅综合窗口及网上办理", "枫林县应急管理局"),
    ("枫林县农业农村局", "部门", "动态调整我局主管的行政许可（区、乡镇）共{n}项", "鹿鸣市鹤山区农业农村局"),
    ("澄湖省人民政府", "省", "规范社区（村）代办事项{n}项，推进政务服务规范化", "鹿鸣市鹤山区人民政府"),
])
def test_the_bank_does_not_offer_what_check_says_is_another_levels(name, level, text, own):
    """The issuer model's lacks (data/issuers.yaml) keep from a draft the bank sentences the S007
    rows above flag; the level whose words they are is still offered them."""
    from draftkit import issuers

    assert not issuers.offered("", level, "", name, text)
    assert issuers.offered("", "县区" if own.endswith("人民政府") else "部门", "", own, text)
    assert _findings(name, text.replace("{n}", "26") + "。", "S007")


def test_the_coverage_hint_fits_every_level():
    """A province has no 村 to count: the 全覆盖 hint asks for the scope and its numbers in
    words any issuer can fill (issue 20)."""
    for issuer, sentence in (("安宁省司法厅", "全省公共法律服务平台实现市县全覆盖。"),
                             ("青岚县石桥镇人民政府", "村（社区）法律顾问实现全覆盖。")):
        found = _findings(issuer, sentence, "A006")
        assert len(found) == 1 and "应覆盖【N】个、已覆盖【N】个" in found[0].message, found
        assert "村" not in found[0].message.split("全覆盖")[-1], found[0].message
