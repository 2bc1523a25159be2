"""A save of a commented answers file without a YAML round trip (report/linepatch.py):
where the change is of lines in place, the file written is exactly what the round trip
(ruamel.yaml, datafile.dump_keeping) writes; anything else is left to the round trip,
and either way every comment is kept and the file reads back as the data."""

from __future__ import annotations

import copy

import pytest
import yaml
from conftest import EXAMPLES

from draftkit.drafting.answersfile import HEADER
from draftkit.report.datafile import dump, dump_keeping, read_data
from draftkit.report.linepatch import patched


@pytest.fixture(scope="module")
def saved():
    """The county example as the editor has saved it once (its comments kept), and its data."""
    data = read_data(EXAMPLES / "county.yaml")
    return dump_keeping((EXAMPLES / "county.yaml").read_text(encoding="utf-8"), data, HEADER), data


def _items(data):
    for key, part in data["parts"].items():
        for sec in part.get("sections") or []:
            for item in sec.get("items") or []:
                if isinstance(item, dict):
                    yield key, item


def _edits(data):
    """Every figure changed, every sentence rewritten, one at a time (varied values)."""
    n = 0
    for key, item in _items(data):
        for name, v in (item.get("values") or {}).items():
            if isinstance(v, dict):
                n += 1
                yield lambda d, k=key, t=item.get("text"), s=name, x=n: _find(d, k, t)["values"][s].update(current=x * 7 + 3)
        if item.get("text"):
            yield lambda d, k=key, t=item["text"]: _find(d, k, t).update(text=t + "（已核实）")


def _find(data, key, text):
    return next(item for k, item in _items(data) if k == key and item.get("text") == text)


def _comments(text):
    return [ln.strip() for ln in text.splitlines() if ln.lstrip().startswith("#")] + \
           [ln.split(" #", 1)[1] for ln in text.splitlines() if " #" in ln and not ln.lstrip().startswith("#")]


def test_a_change_in_place_writes_what_the_round_trip_writes(saved):
    text, data = saved
    before = dump(data, HEADER)
    count = 0
    for edit in _edits(data):
        changed = copy.deepcopy(data)
        edit(changed)
        fast = patched(text, before, dump(changed, HEADER), HEADER, changed)
        assert fast is not None and fast == dump_keeping(text, changed, HEADER)
        assert yaml.safe_load(fast) == changed and _comments(fast) == _comments(text)
        count += 1
    assert count > 20


def test_a_comment_after_a_changed_line_stays_after_it():
    data = {"issuer": {"name": "青岚县人民政府"}, "year": 2025}
    text = HEADER + "# 我的说明\nissuer:\n  name: 青岚县人民政府   # 全称\nyear: 2025 # 报告年度\n"
    changed = {"issuer": {"name": "青岚县司法局"}, "year": 2026}
    out = dump_keeping(text, changed, HEADER, before=dump(data, HEADER))
    assert out == HEADER + "# 我的说明\nissuer:\n  name: 青岚县司法局   # 全称\nyear: 2026 # 报告年度\n"


@pytest.mark.parametrize("change", ["add", "delete", "multiline"])
def test_lines_added_or_removed_go_through_the_round_trip(saved, change):
    text, data = saved
    changed = copy.deepcopy(data)
    items = changed["parts"]["measures"]["sections"][0]["items"]
    if change == "add":
        items.append({"text": "新写的一句。"})
    elif change == "delete":
        del items[-1]
    else:
        changed["addressee"] = "云川市人民政府\n云川市司法局"
    assert patched(text, dump(data, HEADER), dump(changed, HEADER), HEADER, changed) is None
    out = dump_keeping(text, changed, HEADER, before=dump(data, HEADER))
    assert out == dump_keeping(text, changed, HEADER) and yaml.safe_load(out) == changed
    assert "# 用法：draftkit render examples/county.yaml -o out/county.docx" in out


def test_a_file_laid_out_by_hand_goes_through_the_round_trip():
    data = {"issuer": {"name": "青岚县人民政府"}, "year": 2025}
    text = "# 说明\nissuer: {name: 青岚县人民政府}\nyear: 2025\n"  # flow style: not the dump's lines
    changed = {"issuer": {"name": "青岚县人民政府"}, "year": 2026}
    assert patched(text, dump(data), dump(changed), "", changed) is None
    out = dump_keeping(text, changed, before=dump(data))
    assert yaml.safe_load(out) == changed and "# 说明" in out


def test_a_patch_that_would_not_read_back_as_the_data_is_not_used():
    data = {"opening": "a"}
    text = "# 说明\nopening: a  # 开头\n"
    changed = {"opening": "b"}
    # a dump said to be of other data than it is: the patch reads back as {"opening": "b"}, not that
    assert patched(text, dump(data), dump(changed), "", {"opening": "c"}) is None
    assert patched(text, dump(data), dump(changed), "", changed) == "# 说明\nopening: b  # 开头\n"
