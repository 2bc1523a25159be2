"""The data file's schema is declared once (report/schema.py): the loader accepts exactly its
keys, the writer writes them in its order, the model has a field for each, and every
builder of data (the first draft, import, carry forward) writes only declared keys."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLES, MINIMAL, write

from draftkit.bank.phrasebank import Bank, shipped_bank_dir
from draftkit.continuity.importer import import_report
from draftkit.continuity.rollover import carry_forward
from draftkit.drafting.firstdraft import first_draft
from draftkit.errors import DraftkitError
from draftkit.report import model
from draftkit.report.datafile import dump
from draftkit.report.loader import load_report
from draftkit.report.schema import DEFAULTS, SCHEMA, figure, keys, record

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def undeclared(data, kind: str = "report", where: str = "") -> list[str]:
    """The keys of a data file (as plain data) that the schema does not declare."""
    if not isinstance(data, dict):
        return []
    out = []
    declared = {k.name for k in SCHEMA[kind]}
    out += [f"{where}{k}" for k in data if k not in declared]
    inner = {("report", "issuer"): "issuer", ("report", "layout"): "layout", ("report", "progress"): "progress",
             ("part", "sections"): "section", ("part", "items"): "item", ("section", "items"): "item"}
    for key, value in data.items():
        if (kind, key) in inner:
            for i, sub in enumerate(value if isinstance(value, list) else [value]):
                out += undeclared(sub, inner[kind, key], f"{where}{key}[{i}].")
        elif kind == "report" and key == "parts":
            for name, part in value.items():
                out += undeclared(part, "part", f"parts.{name}.")
        elif kind == "item" and key == "values":
            for name, v in value.items():
                out += undeclared(v, "figure", f"{where}values.{name}.")
    return out


def test_the_walker_finds_an_undeclared_key():
    assert undeclared({"issuer": {"name": "x", "rank": 1}, "parts": {"plan": {"items": [{"txt": "a"}]}}}) == [
        "issuer[0].rank", "parts.plan.items[0].txt"]


def test_record_refuses_a_key_the_schema_does_not_declare():
    assert record("item", text="甲", todo=None) == {"text": "甲"}  # an optional key given as None is left out
    assert record("figure", current=None, unit="件") == {"current": None, "unit": "件"}  # a required one stays
    assert figure(6, "件", 10) == {"current": 6, "unit": "件", "previous": 10}
    with pytest.raises(TypeError, match="schema.py"):
        record("item", txt="甲")


def test_the_writer_writes_the_schema_order():
    data = {"parts": {}, "progress": {}, "closing": "特此报告。", "year": 2025, "issuer": {}, "based_on": "x"}
    lines = [ln.split(":")[0] for ln in dump(data).splitlines() if not ln.startswith(" ")]
    assert lines == [k for k in keys("report") if k in data]


def test_the_loader_takes_its_keys_from_the_schema(tmp_path):
    with pytest.raises(DraftkitError) as e:
        load_report(write(tmp_path, MINIMAL.replace("year: 2025", "year: 2025\nyaer: 2025")))
    assert "是否想写“year”" in str(e.value)
    with pytest.raises(DraftkitError) as e:
        load_report(write(tmp_path, MINIMAL.replace("year: 2025", "year: 2025\nzzz: 1")))
    assert f"可用的键：{', '.join(keys('report'))}" in str(e.value)
    # a plan's year is a key of the plan only
    assert "year" in keys("part", "plan") and "year" not in keys("part", "measures")


def test_the_model_has_a_field_for_each_key_and_the_schemas_defaults():
    for kind, cls in (("issuer", model.Issuer), ("layout", model.Layout), ("item", model.Item),
                      ("figure", model.Figure), ("section", model.Section)):
        fields = {f.name for f in dataclasses.fields(cls)}
        assert {k.name for k in SCHEMA[kind]} <= fields, kind
    fields = {f.name: f for f in dataclasses.fields(model.Report)}
    assert {k for k in keys("report") if k not in ("progress", "parts")} <= set(fields)
    assert fields["closing"].default == DEFAULTS["report", "closing"]
    assert model.Layout() == model.Layout(DEFAULTS["layout", "sealed"], DEFAULTS["layout", "bold_headings"])
    assert model.Section(None).style == DEFAULTS["section", "style"]


def test_every_builder_writes_only_declared_keys(tmp_path):
    bank = Bank.load(shipped_bank_dir())
    for name, level in (("青岚县人民政府", "县区"), ("青岚县司法局", "部门"), ("白石镇人民政府", "乡镇")):
        data = first_draft(bank, name, level, 2025, dt.date(2026, 1, 5), confirm="确认")
        assert not undeclared(data), name
    for example in sorted(EXAMPLES.glob("*.yaml")):
        from draftkit.render.pipeline import render_report

        out = tmp_path / f"{example.stem}.docx"
        out.write_bytes(render_report(load_report(example)))
        imported = import_report(out)
        assert not undeclared(imported), example.name
        carried, _ = carry_forward(imported)
        assert not undeclared(carried), example.name
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("00[12]_*.txt")):
            data = import_report(path)
            assert not undeclared(data) and not undeclared(carry_forward(data)[0]), path.name


def test_a_section_with_no_items_loads_and_is_left_out_of_the_layout(tmp_path):
    """A heading whose sentences were all deleted (the browser editor, one by one) is still
    a report: loaded without a problem, left out when laid out, the next heading numbered
    in its place, in the draft and the final text alike."""
    import yaml

    from draftkit.render.pipeline import report_blocks

    data = yaml.safe_load((EXAMPLES / "county.yaml").read_text(encoding="utf-8"))
    gone = data["parts"]["measures"]["sections"][1]
    gone["items"] = []
    path = tmp_path / "emptied.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = load_report(path)
    assert [s.heading for s in report.parts["measures"].sections][1] == gone["heading"]
    for draft in (False, True):
        texts = [b.text for b in report_blocks(report, draft=draft)]
        assert not any(gone["heading"] in t for t in texts)
        second = data["parts"]["measures"]["sections"][2]["heading"]
        assert f"（二）{second}" in texts
