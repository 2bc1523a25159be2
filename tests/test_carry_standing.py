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
