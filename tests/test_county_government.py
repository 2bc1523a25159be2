"""A county-level government (县, 区, 县级市, 自治县, 旗) writes its own work: the 规范性文件 it
makes and those its departments and 乡镇（街道）file with it, its 重大行政决策, and the 行政复议 it
decides as the 复议机关 since the revised 《行政复议法》 (2024), its 司法局 the 复议机构 — each
sentence a todo with its blanks, nothing presumed (issue 20). A township, a 街道, a zone and a
department are not 复议机关 and do not get it."""

import re

import pytest
import yaml
from conftest import default_drafts


COUNTIES = {  # key → (name, --level, its government's and its 司法局's words)
    "county": ("雁溪县人民政府", "", "县"),
    "district": ("柏川市金水区人民政府", "", "区"),
    "county_city": ("临江市人民政府", "县区", "市"),
    "autonomous": ("石门土家族自治县人民政府", "", "县"),
    "banner": ("锡林郭勒盟白音旗人民政府", "", "旗"),
}
OTHERS = {  # not 复议机关 (a 司法局 is the 复议机构 and says so in its own words)
    "town": ("雁溪县石桥镇人民政府", ""), "street": ("柏川市金水区望江街道办事处", ""),
    "zone": ("雁溪经济技术开发区管理委员会", ""), "bureau": ("雁溪县教育局", ""), "justice": ("雁溪县司法局", ""),
}
OWN = ("加强行政规范性文件监督管理", "严格落实决策程序", "发挥行政复议化解行政争议主渠道作用")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("countygov")
    made = default_drafts(folder, {k: v[:2] for k, v in {**COUNTIES, **OTHERS}.items()})
    return {k: (md, yaml.safe_load(data), folder / f"{k}.yaml") for k, (md, data) in made.items()}


def sections(data: dict) -> dict[str, dict]:
    return {s["heading"]: s for s in data["parts"]["measures"]["sections"]}


@pytest.mark.parametrize("key", COUNTIES)
def test_a_county_level_government_writes_its_own_filings_decisions_and_review(drafts, key):
    md, data, _ = drafts[key]
    u = COUNTIES[key][2]
    own = {h: s for h, s in sections(data).items() if h.startswith(OWN)}
    assert len(own) == 3, list(sections(data))
    for s in own.values():  # every sentence of ours is the clerk's only once confirmed, its figures blanks
        assert s["items"] and all(it.get("todo") and it.get("values") for it in s["items"]), s
        assert all(v["current"] is None for it in s["items"] for v in it["values"].values())
    assert f"{u}政府制发行政规范性文件【待填：制发规范性文件件数】件" in md
    assert f"报上一级政府和{u}人大常委会备案【待填：报备规范性文件件数】件" in md
    assert f"审查乡镇（街道）和{u}政府部门报备的行政规范性文件【待填：备案审查件数】件" in md
    assert "公布年度重大行政决策事项目录，列入目录的事项【待填：决策事项数】项" in md
    assert (f"落实修订后的《行政复议法》，{u}政府统一行使行政复议职责，{u}司法局作为行政复议机构具体办理，"
            "全年新收行政复议案件【待填：复议收案件数】件") in md
    # nothing claimed whole, no 纠错 presumed: the opinion letters are for cases corrected, if any
    text = "".join(it["text"] for s in own.values() for it in s["items"])
    assert not re.search(r"全部|全覆盖|按期完成|逐案|逐项|均经", text)
    assert "有纠错案件的，针对反映出的执法问题" in text and "对纠错案件" not in text
    assert "地方性法规" not in md and "政府规章" not in md  # a county makes neither


@pytest.mark.parametrize("key", OTHERS)
def test_townships_streets_zones_and_departments_get_no_review_section(drafts, key):
    md, data, _ = drafts[key]
    assert "统一行使行政复议职责" not in md and "复议纠错率" not in md
    assert not any(h.startswith(OWN[2]) for h in sections(data)), list(sections(data))
    assert "乡镇（街道）和" not in md  # they review no one's filings


def test_the_justice_bureau_handles_the_cases_as_the_review_body_in_its_own_words(drafts):
    md = drafts["justice"][0]
    assert "作为县政府的行政复议机构，全年受理行政复议申请【待填：复议受理件数】件" in md


def test_a_citys_and_a_provinces_review_section_names_no_county_bureau(tmp_path):
    made = default_drafts(tmp_path, {"city": ("柏川市人民政府", ""), "province": ("安宁省人民政府", "")})
    for key, (md, _) in made.items():
        assert "统一行使行政复议职责，全年新收行政复议案件【待填：复议收案件数】件" in md, key
        assert "司法局作为行政复议机构" not in md and "有纠错案件的，针对反映出的执法问题" in md


def test_before_the_revised_law_a_county_reports_the_reform_not_the_revised_law(tmp_path):
    md, _ = default_drafts(tmp_path, {"c": ("雁溪县人民政府", "")}, year=2023)["c"]
    measures, plan = md.split("## 二、")[0], md.split("## 四、")[1]
    assert "深化行政复议体制改革，县政府集中行使行政复议职责，全年新收行政复议案件【待填" in measures
    assert "修订后的《行政复议法》" not in measures
    assert "贯彻实施修订后的《行政复议法》" in plan  # 2024's milestone is the 2023 report's plan
    md, _ = default_drafts(tmp_path, {"c24": ("雁溪县人民政府", "")}, year=2024)["c24"]
    assert "落实修订后的《行政复议法》" in md and "深化行政复议体制改革" not in md


@pytest.mark.parametrize("key", ["district", "county_city", "autonomous"])
def test_filled_in_as_the_clerk_fills_it_a_countys_draft_checks_clean(drafts, key, tmp_path):
    """Filled and confirmed (tests/test_roundtrip.py's clerk), rendered to .docx and .md and
    checked: the new sections raise nothing — no wrong level, no claim, no presumed event."""
    from test_roundtrip import Clerk, findings_of

    from draftkit.bank.phrasebank import Bank, shipped_bank_dir

    data = Clerk(Bank.load(shipped_bank_dir()), key).fill(drafts[key][1])
    path = tmp_path / f"{key}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = findings_of(path, tmp_path)
    assert found == {name: [] for name in found}, found
    md = (tmp_path / f"{key}.md").read_text(encoding="utf-8")
    assert "司法局作为行政复议机构具体办理，全年新收行政复议案件" in md and "【待" not in md
