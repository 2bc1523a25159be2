"""End to end on a real report: import 荣成 2022 (corpus 001), carry it forward, fill every
figure and todo as a clerk would, render, and read the text as a reviewer (issue 10)."""

import copy
import datetime as dt
import re

import pytest
from conftest import ROOT

from draftkit.continuity.importer import import_report
from draftkit.continuity.rollover import carry_forward
from draftkit.render.pipeline import render_report
from draftkit.report.datafile import dump
from draftkit.report.loader import load_report

CORPUS = ROOT.parent / "shared" / "corpus"
RONGCHENG = CORPUS / "001_24ed7445c0d67c95.txt"
needs_corpus = pytest.mark.skipif(not RONGCHENG.is_file(), reason="../shared/corpus is not beside the checkout")


def fill_everything(data: dict) -> dict:
    """Every figure 13 % up on last year (rates one point), every open todo confirmed: a
    sentence carried from last year is kept, a note to write gets a sentence of its own."""
    data["date"] = dt.date(data["year"] + 1, 2, 10)
    for part in data["parts"].values():
        for holder in [part] + part.get("sections", []):
            for n, item in enumerate(holder.get("items", [])):
                if not isinstance(item, dict):
                    continue
                for v in item.get("values", {}).values():
                    if isinstance(v, dict) and v.get("current") is None:
                        prev = v.get("previous") or 10
                        v["current"] = min(100, prev + 1) if v.get("unit") == "%" else round(prev * 1.13)
                if "todo" in item:
                    item.setdefault("text", f"今年写下的第{n + 1}句，原因是人手不足。")
                    del item["todo"]
    return data


@pytest.fixture(scope="module")
def carried():
    return carry_forward(import_report(RONGCHENG))


@pytest.fixture(scope="module")
def rendered(carried, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("carry") / "2023.yaml"
    path.write_text(dump(fill_everything(copy.deepcopy(carried[0]))), encoding="utf-8")
    return render_report(load_report(path), "txt").decode("utf-8")


@needs_corpus
def test_no_yoy_mid_phrase(rendered):
    assert "同比" in rendered  # figures that may take one still do
    for m in re.finditer(r"同比(?:增长|减少|提高|下降)[\d.]+(?:%|个百分点)|同比持平", rendered):
        follow = rendered[m.end():m.end() + 1]
        assert follow in "，。；\n", rendered[m.start() - 20:m.end() + 10]


@needs_corpus
def test_no_approximate_figure_with_yoy(rendered):
    assert not re.search(r"(?:近|约|超过|逾)\d+(?:\.\d+)?[^\d，。；]{0,3}，同比", rendered)
    assert not re.search(r"\d+[余多][^\d，。；]{0,3}，同比", rendered)
    for m in re.finditer(r"(?<![\d.])(\d+)[余多]", rendered):  # 3300余人, never 3465余人 / 21多期 / 3390多人次
        assert len(m.group(1).rstrip("0")) <= 2 and m.group(1).endswith("0"), rendered[m.start() - 10:m.end() + 5]
    assert not re.search(r"由\d+[^\d，。]{0,3}，同比", rendered)  # the baseline of 由A增加到B


@needs_corpus
def test_opening_written_with_current_formulations(carried, rendered):
    data, _ = carried
    assert data["year"] == 2023
    opening = data["opening"][0]
    assert "二十大" in opening and "十九大" not in opening and "获批" not in opening  # not last year's copied
    assert opening in rendered.replace("{year}", "2023") or "2023年，荣成市坚持" in rendered


@needs_corpus
def test_every_measures_sentence_is_a_todo_and_dated_events_are_flagged(carried):
    data, flags = carried
    sentences = [it for sec in data["parts"]["measures"]["sections"] for it in sec["items"]]
    last_years = [it for it in sentences if "text" in it]
    assert len(last_years) == 15 and all(it.get("todo") for it in last_years)  # none silently carried
    dated = [it for it in last_years if "开展了为期一个月" in it["text"]]
    assert len(dated) == 1
    # the date stays last year's (2022年4月, not {year}年4月 = 2023) and the todo says why
    assert "2022年4月，开展了为期一个月" in dated[0]["text"] and "去年的具体事件" in dated[0]["todo"]
    assert any("2022年4月" in f for f in flags)
    for it in last_years:
        assert not re.search(r"\{year\}年\d{1,2}月", it["text"])


@needs_corpus
def test_no_last_year_fact_reaches_the_output_unconfirmed(carried, tmp_path):
    data, _ = carried
    path = tmp_path / "open.yaml"
    data = {**copy.deepcopy(data), "date": dt.date(2024, 2, 10)}
    path.write_text(dump(data), encoding="utf-8")
    from draftkit.errors import DraftkitError

    with pytest.raises(DraftkitError) as exc:
        render_report(load_report(path))
    unconfirmed = [p for p in exc.value.problems if "还没有确认" in str(p)]
    assert len(unconfirmed) == 15


@needs_corpus
def test_part_headings_move_on_one_year(rendered):
    """2022 → 2023 in the parts on the report's year, 2023 → 2024 in the plan; never twice."""
    h1 = [line for line in rendered.splitlines() if re.match(r"^[一二三四五]、", line)]
    years = [int(m.group(1)) for line in h1 if (m := re.search(r"(\d{4})年", line))]
    assert years == [2023, 2023, 2023, 2024], h1


@needs_corpus
def test_draft_ends_with_the_closing_formula(carried, rendered):
    """001 was published without 特此报告 (a web copy); next year's report is sent up with it."""
    assert carried[0]["closing"] == "特此报告。"
    assert rendered.splitlines()[-5:].count("特此报告。") == 1
