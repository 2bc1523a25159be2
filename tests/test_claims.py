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
