"""Tagged YAML scalars that fail to construct (``year: !!int x``, ``current: !!float y``,
``!!int 0xZZ``, ``!!bool maybe``, ``!!timestamp 明天``, an empty ``!!int``): one line with
file:line:col and exit 2 from every command that reads a data file, never exit 70. A
fuzz over YAML's tags and odd values in every typed field finds no other way out."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hostile_inputs import data, figure
from hostile_run import Case, params, verify

from draftkit.errors import DraftkitError

C = Case
TAGGED = {
    "year-int-x": (data(year="!!int x"), "d.yaml:2:7"),
    "year-int-0xZZ": (data(year="!!int 0xZZ"), "d.yaml:2:7"),
    "year-int-empty": (data(year="!!int ''"), "d.yaml:2:7"),
    "year-int-0b2": (data(year="!!int 0b2"), "d.yaml:2:7"),
    "year-int-sexagesimal": (data(year="!!int 1:2:x"), "d.yaml:2:7"),
    "date-timestamp-words": (data(date="!!timestamp 明天"), "d.yaml:3:7"),
    "current-float-y": (data(item=figure("!!float y")), "d.yaml:5"),
    "current-float-empty": (data(item=figure("!!float ''")), "d.yaml:5"),
    "previous-int-0xZZ": (data(item=figure("5", "!!int 0xZZ")), "d.yaml:5"),
    "sealed-bool-maybe": (data(extra="layout: {sealed: !!bool maybe}\n"), "d.yaml:4"),
    "item-binary-garbage": (data(item="!!binary 这不是base64"), "d.yaml:5"),
    "item-set-of-list": (data(item="!!set [1, 2]"), "d.yaml:5"),
}
CASES = [C(f"{cmd}-{name}", argv, {"d.yaml": text, "o.yaml": data()}, expect=(where,))
         for name, (text, where) in TAGGED.items()
         for cmd, argv in (("render", ("render", "d.yaml", "-o", "o.docx")), ("check", ("check", "d.yaml")),
                           ("diff", ("diff", "o.yaml", "d.yaml")))]


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_yaml(case: Case, tmp_path: Path):
    verify(case, tmp_path)


TAGS = ["!!int", "!!float", "!!bool", "!!null", "!!str", "!!timestamp", "!!binary", "!!map", "!!seq", "!!omap",
        "!!pairs", "!!set", "!!merge", "!!value", "!!yaml", "!!python/object", "!foo", "!<tag:yaml.org,2002:int>",
        "!!python/name:os.system", "!<x>"]
VALUES = ["x", "0xZZ", "0b2", "0o9", "''", "1:2:x", "~", "-", "1e999", "nan", "maybe", "2026-13-45", "aGVsbG8=",
          "[1]", "{a: 1}", "9" * 50, "_", "0x", "+", "1_000", ".inf", "2026-02-30 25:00", "[x]", "{}", "[]", "1:60"]


def test_tag_fuzz_every_typed_field(tmp_path: Path):
    """Every tag with every odd value in the year, the date, a figure and a layout flag:
    loading gives a report or problems, each with its line and column when the report is
    read (render, check); read_data (diff, the answers file) may name only the file for
    a value of the wrong shape. Nothing else comes out."""
    from draftkit.report.datafile import read_data
    from draftkit.report.loader import load_report_lenient

    path = tmp_path / "d.yaml"
    tried = refused = 0
    for tag, value in itertools.product(TAGS, VALUES):
        tagged = f"{tag} {value}"
        for text in (data(year=tagged), data(date=tagged), data(item=figure(tagged)),
                     data(extra=f"layout: {{sealed: {tagged}}}\n")):
            path.write_text(text, encoding="utf-8")
            for load in (load_report_lenient, read_data):
                tried += 1
                try:
                    result = load(path)
                except DraftkitError as exc:
                    problems = exc.problems
                else:
                    problems = result[1] if isinstance(result, tuple) else []
                refused += bool(problems)
                if load is load_report_lenient:
                    assert all(p.loc and p.loc.line for p in problems), (tagged, [str(p) for p in problems])
    assert tried > 4000 and refused > tried / 3
