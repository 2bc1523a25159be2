"""Last year's standing carried forward (data/carry.yaml standing): ranks, comparisons
across years, forecasts, adoption elsewhere, honours and named projects — each row's
examples are flagged by that row and its counter-examples are not; corpus 002 (湖州 2018)
carried to 2019 has every such clause named in its todo and in import's notes."""

import subprocess
import sys

import pytest
from conftest import ROOT

from draftkit.continuity.importer import import_report
from draftkit.continuity.rollover import carry_forward
from draftkit.continuity.standing import row_keys, standings
from draftkit.resources import data_file

ROWS = data_file("carry.yaml")["standing"]
HUZHOU = ROOT.parent / "shared" / "corpus" / "002_0c9705d165460661.txt"
needs_corpus = pytest.mark.skipif(not HUZHOU.is_file(), reason="../shared/corpus is not beside the checkout")


def test_every_row_has_examples_both_ways():
    assert {r["key"] for r in ROWS} >= {"rank", "across_years", "forecast", "adopted", "honour", "legislation", "named_project"}
    for r in ROWS:
        assert len(r["examples"]) >= 3 and len(r["counter_examples"]) >= 2, r["key"]


@pytest.mark.parametrize("key,clause", [(r["key"], c) for r in ROWS for c in r["examples"]])
def test_example_is_flagged_by_its_row(key, clause):
    assert key in row_keys(clause)


@pytest.mark.parametrize("key,clause", [(r["key"], c) for r in ROWS for c in r["counter_examples"]])
def test_counter_example_is_not(key, clause):
    assert key not in row_keys(clause)


def test_a_clause_under_two_rows_is_named_once_with_both():
    found = standings("扎实开展扫黑除恶专项斗争，平安湖州建设有望实现“十二连冠”。")
    assert len(found) == 1 and set(found[0].keys) == {"rank", "forecast"}
    assert found[0].note().startswith("「平安湖州建设有望实现“十二连冠”」是去年的排名：")
    assert "；是去年的预计：今年实现了就写结果" in found[0].note()
    assert found[0].flag() == "去年的排名、去年的预计，已在待确认中注明：平安湖州建设有望实现“十二连冠”"


@pytest.fixture(scope="module")
def huzhou():
    return carry_forward(import_report(HUZHOU))


STANDING_2018 = [  # clause of 湖州 2018, the row that names it
    ("我市排名上升到第16位", "去年的排名"),
    ("平安湖州建设有望实现“十二连冠”", "去年的预计"),
    ("为近5年最低", "去年与往年比的说法"),
    ("涉企证照由市场监管部门通办改革经验在全省推广", "去年别处推广、转发"),
    ("完成《湖州市文明行为促进条例》《湖州市美丽乡村建设条例》", "去年的立法项目"),
    ("对《湖州市河道管理条例》等", "去年的立法项目"),
]


@needs_corpus
@pytest.mark.parametrize("clause,what", STANDING_2018)
def test_huzhou_2018_standing_is_flagged_when_carried_to_2019(huzhou, clause, what):
    data, flags = huzhou
    items = [it for sec in data["parts"]["measures"]["sections"] for it in sec["items"] if "text" in it]
    holder = [it for it in items if f"「{clause}" in it["todo"]]
    assert len(holder) == 1, clause
    assert any(what in f and f.split("：", 1)[1].startswith(clause) for f in flags), (clause, flags)
    assert data["year"] == 2019


@needs_corpus
def test_huzhou_import_notes_say_so(tmp_path):
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(HUZHOU), "-o", str(tmp_path / "d.yaml")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for clause, what in STANDING_2018:
        assert any(line.startswith("提示：去年") and what in line and clause in line for line in r.stdout.splitlines()), clause
    # ongoing work is not last year's standing
    assert "持续深化“最多跑一次”改革" not in "".join(ln for ln in r.stdout.splitlines() if "已在待确认中注明" in ln)


# Each kind of standing issue 20 names, in sentences of our own (not the rows' examples):
# the clause that is last year's standing, and a clause with the same words that is not.
TERMS = [
    ("rank", "排名", "在全省营商环境评价中我县排名第5", "对考核排名靠后的乡镇进行约谈"),
    ("rank", "第N位", "群众安全感测评居全市第2位", "始终把群众利益放在第一位"),
    ("rank", "连冠", "平安建设实现“八连冠”", "力争平安建设实现“九连冠”"),
    ("across_years", "为近N年最低", "行政诉讼败诉率为近3年最低", "对近3年出台的规范性文件开展评估"),
    ("across_years", "创历史新高", "行政复议收案数创历史新高", "打造基层治理创新高地"),
    ("across_years", "创新高", "调解成功率创新高", "建设权责统一、创新高效的执法体系"),
    ("forecast", "有望", "年底有望实现乡镇综合执法全覆盖", "回应群众对公平正义的期望"),
    ("adopted", "在全省推广", "“一站式”调解经验在全省推广", "在全县推广使用行政执法监督平台"),
    ("adopted", "媒体报道", "“说理式执法”做法被多家中央媒体宣传报道", "邀请新闻媒体报道宪法宣传周活动"),
    ("honour", "荣誉", "被授予全省法治宣传教育先进集体称号", "积极申报全省法治政府建设示范县"),
    ("legislation", "立法项目", "提请县人大常委会审议《青岚县河长制条例（草案）》", "认真贯彻《青岚县河长制条例》"),
    ("named_project", "专项", "深入开展“净网护苗”专项行动", "落实“双随机、一公开”监管"),
]


@pytest.mark.parametrize("key,term,flagged,not_flagged", TERMS, ids=[t[1] for t in TERMS])
def test_each_kind_of_standing_and_its_counter_example(key, term, flagged, not_flagged):
    assert key in row_keys(flagged), term
    assert key not in row_keys(not_flagged), term


def test_an_invented_report_carried_forward_names_each_standing_in_todo_and_notes(tmp_path):
    """Last year's report of a county we made up, rendered to .docx, imported and carried:
    every clause of standing is named in its todo and in import's notes; ongoing work is not."""
    from conftest import write

    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report

    standing = [t[2] for t in TERMS]
    ongoing = [t[3] for t in TERMS]
    text = "；".join(f"{a}，{b}" for a, b in zip(standing, ongoing)) + "。"
    report = write(tmp_path, f"""\
issuer: {{name: 青岚县人民政府, level: 县区}}
year: 2024
date: 2025-02-01
parts:
  measures: {{items: ['{text}']}}
  shortcomings: {{items: [执法力量不足，原因是编制少]}}
  leadership: {{items: [县长带头学法]}}
  plan: {{items: [加强执法培训]}}
""")
    docx = tmp_path / "last.docx"
    docx.write_bytes(render_report(load_report(report)))
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(docx), "-o", str(tmp_path / "d.yaml")],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    notes = [ln for ln in r.stdout.splitlines() if ln.startswith("提示：去年") and "已在待确认中注明" in ln]
    import yaml

    data = yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8"))
    assert data["year"] == 2025
    todos = "".join(it.get("todo", "") for sec in data["parts"]["measures"]["sections"] for it in sec["items"])
    for clause in standing:
        assert any(clause in ln for ln in notes), (clause, notes)
        assert f"「{clause}" in todos, clause
    for clause in ongoing:
        assert not any(clause in ln for ln in notes), clause
        assert f"「{clause}" not in todos, clause
