"""Last year's one-off events carried forward (出台《…》, 修订…办法, 率先启动…, 选聘…): each is
named in its sentence's todo and in import's summary; a sentence about work that is over
(疫情期间…) is marked for deletion and asks for no figures."""

import re
import subprocess
import sys

import pytest
from conftest import ROOT, write

from draftkit.continuity.importer import import_report
from draftkit.continuity.oneoff import is_one_off, one_offs
from draftkit.continuity.rollover import carry_forward
from draftkit.render.pipeline import render_report
from draftkit.report.loader import load_report
from draftkit.resources import data_file

CORPUS = ROOT.parent / "shared" / "corpus"
RONGCHENG = CORPUS / "001_24ed7445c0d67c95.txt"
needs_corpus = pytest.mark.skipif(not RONGCHENG.is_file(), reason="../shared/corpus is not beside the checkout")
TABLE = data_file("carry.yaml")


@pytest.mark.parametrize("clause", TABLE["examples"])
def test_example_is_one_off(clause):
    assert is_one_off(clause)


@pytest.mark.parametrize("clause", TABLE["counter_examples"])
def test_counter_example_is_not(clause):
    assert not is_one_off(clause)


def test_a_short_clause_is_quoted_with_the_one_before():
    found = one_offs("扎实推进省市县乡四级行政执法协调监督试点工作，出台相关文件，对人员配备作出明确要求。")
    assert [f.clause for f in found] == ["扎实推进省市县乡四级行政执法协调监督试点工作，出台相关文件"]
    assert "是去年出台的" in found[0].note() and "落实" in found[0].note()


def test_claim_needs_this_years_basis():
    found = one_offs("在全省率先启动“无证明大厅”建设。")
    assert len(found) == 1 and found[0].act == "启动" and found[0].claim == "率先"
    assert "“率先”要有今年的依据" in found[0].note()


@pytest.fixture(scope="module")
def carried():
    return carry_forward(import_report(RONGCHENG))


def _items(data):
    return [it for sec in data["parts"]["measures"]["sections"] for it in sec["items"] if "text" in it]


@needs_corpus
@pytest.mark.parametrize("clause, verb", [
    ("在全省率先启动“无证明大厅”建设", "启动"),
    ("率先在威海建成高标准24小时自助服务区", "建成"),
    ("出台《荣成市重点领域涉企联合行政检查工作方案》", "出台"),
    ("修订全市律师行业信用管理办法", "修订"),
    ("修订完善全市机关事业单位合同管理办法", "修订完善"),
    ("扎实推进省市县乡四级行政执法协调监督试点工作，出台相关文件", "出台"),
    ("公开选聘特邀行政执法监督员20名", "选聘"),
])
def test_rongcheng_one_offs_named_in_their_todo_and_flags(carried, clause, verb):
    data, flags = carried
    holder = [it for it in _items(data) if f"「{clause}」" in it["todo"]]
    assert len(holder) == 1, clause
    assert f"「{clause}」是去年{verb}的，不是今年的工作：写今年做了什么（落实、运行、成效），或删去" in holder[0]["todo"]
    assert any(f.endswith(f"已在待确认中注明：{clause}") and f"去年{verb}的" in f for f in flags)
    if "率先" in clause:
        assert "“率先”要有今年的依据" in holder[0]["todo"]


@needs_corpus
def test_rongcheng_ongoing_work_is_not_one_off(carried):
    data, _ = carried
    quoted = [q for it in _items(data) for q in re.findall(r"「([^」]*)」", it["todo"])]
    assert len(quoted) >= 8
    for ongoing in ("持续推进“谁执法谁普法”", "推动落实《荣成市人民政府重大行政决策程序规定》", "印发年度学法责任清单",
                    "制发政府规范性文件", "线上线下档案管理"):
        assert not any(ongoing in q for q in quoted), ongoing


@needs_corpus
def test_covid_sentence_is_to_delete_not_to_fill(carried):
    data, flags = carried
    item = next(it for it in _items(data) if "疫情期间优选" in it["text"])
    sentence = item["text"][item["text"].index("疫情期间优选"):]
    assert "{" not in sentence and "27名律师" in sentence  # last year's figures, written out: nothing to fill
    assert "删去这一句，不用填它的数据" in item["todo"]
    assert {"f6", "f7"}.isdisjoint(item["values"]) and item["values"]["f5"]["current"] is None
    assert any(f.startswith("往年的事，已标为删去：疫情期间优选27名律师") for f in flags)


def test_covid_sentence_kept_in_a_report_on_2022(tmp_path):
    """Before 2023 the epidemic measures were current work: nothing to delete, figures asked."""
    report = write(tmp_path, """\
issuer: {name: 青岚县人民政府, level: 县区}
year: 2021
date: 2022-02-01
parts:
  measures: {items: [疫情期间组织律师提供线上法律咨询500人次。出台《青岚县行政执法监督办法》。持续推进“谁执法谁普法”。]}
  shortcomings: {items: [执法力量不足，原因是编制少]}
  leadership: {items: [县长带头学法]}
  plan: {items: [加强执法培训]}
""")
    rendered = tmp_path / "r.docx"
    rendered.write_bytes(render_report(load_report(report)))
    data, flags = carry_forward(import_report(rendered))
    item = data["parts"]["measures"]["sections"][0]["items"][0]
    assert "咨询{f1}" in item["text"] and "删去这一句" not in item["todo"]
    assert "「出台《青岚县行政执法监督办法》」是去年出台的" in item["todo"]
    assert "持续推进" not in item["todo"]
    assert flags == ["去年出台的，不是今年的工作，已在待确认中注明：出台《青岚县行政执法监督办法》"]


@needs_corpus
def test_import_summary_lists_the_one_offs(tmp_path):
    out = tmp_path / "d.yaml"
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(RONGCHENG), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if "不是今年的工作" in line]
    assert len(lines) >= 7 and all(line.startswith("提示：去年") for line in lines)
    assert "提示：往年的事，已标为删去：疫情期间优选27名律师" in r.stdout
