"""draftkit.records.dataclass: the standard library's dataclasses, whose generated methods
are compiled once per machine. Classes made from the store are the same as classes made
by dataclasses.dataclass."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import subprocess
import sys
from dataclasses import field
from pathlib import Path

import pytest

from draftkit import records

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """records as a new process finds it, with its cache folder tmp_path/cache."""
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "cache"))
    for name, value in (("_codes", None), ("_path", None), ("_new", {}), ("stats", {"stored": 0, "compiled": 0})):
        monkeypatch.setattr(records, name, value)

    def restart():
        records.save()
        records._codes, records._path, records._new = None, None, {}
        records.stats.update(stored=0, compiled=0)

    return restart


def make(decorate):
    """The same class definitions, decorated by ``decorate``."""

    class Plain:
        """A plain record."""

        name: str
        count: int = 0
        tags: list[str] = field(default_factory=list)

    class Frozen:
        kind: str
        text: str
        part: str = ""

    class Ordered:
        year: int
        title: str = field(default="", compare=False, repr=False)

    return decorate(Plain), decorate(frozen=True)(Frozen), decorate(order=True)(Ordered)


def same_class(a, b) -> None:
    assert a.__doc__ == b.__doc__
    assert str(inspect.signature(a)) == str(inspect.signature(b))
    assert [(f.name, f.type, f.default, f.compare, f.repr) for f in dataclasses.fields(a)] == \
           [(f.name, f.type, f.default, f.compare, f.repr) for f in dataclasses.fields(b)]
    for method in ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__", "__lt__", "__le__", "__hash__"):
        fa, fb = a.__dict__.get(method), b.__dict__.get(method)
        assert (fa is None) == (fb is None), method
        if fa is not None and hasattr(fa, "__code__"):
            assert fa.__code__ == fb.__code__, method
            assert fa.__annotations__ == fb.__annotations__ and fa.__defaults__ == fb.__defaults__, method


def test_classes_from_the_store_are_the_standard_librarys(fresh):
    cold = make(records.dataclass)
    assert records.stats["stored"] == 0 and records.stats["compiled"] >= 10
    fresh()
    warm = make(records.dataclass)
    assert records.stats["compiled"] == 0 and records.stats["stored"] >= 10
    reference = make(dataclasses.dataclass)
    for c, w, r in zip(cold, warm, reference):
        same_class(c, r)
        same_class(w, r)
    plain, frozen, ordered = warm
    p = plain("甲", 2)
    assert repr(p) == "make.<locals>.Plain(name='甲', count=2, tags=[])" and p == plain("甲", 2) != plain("乙", 2)
    f = frozen("body", "正文")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.text = "改"
    assert hash(f) == hash(frozen("body", "正文")) and {f, frozen("body", "正文")} == {f}
    assert ordered(2024, "甲") < ordered(2025, "乙") and ordered(2025, "甲") == ordered(2025, "乙")


def test_a_damaged_store_is_compiled_again(fresh, tmp_path):
    make(records.dataclass)
    fresh()
    [path] = (tmp_path / "cache").glob("dataclass-code-*.marshal")
    path.write_bytes(path.read_bytes()[:-50])
    for cls, ref in zip(make(records.dataclass), make(dataclasses.dataclass)):
        same_class(cls, ref)
    assert records.stats["stored"] == 0
    fresh()
    make(records.dataclass)
    assert records.stats["compiled"] == 0


def test_dataclasses_is_left_as_it_was(fresh):
    make(records.dataclass)
    assert "exec" not in dataclasses.__dict__


COMPARE = """
import json, sys
from pathlib import Path
from draftkit import records
seen = []
code = records._code
def spy(source):
    seen.append(source)
    return code(source)
records._code = spy
from draftkit.app import render_file
render_file(Path(sys.argv[1]), Path(sys.argv[2]))
stats = dict(records.stats)
missing = [s for s in seen if s not in records._codes]
differ = [s for s in seen if s in records._codes and records._codes[s] != compile(s, "<string>", "exec", dont_inherit=True)]
print(json.dumps({"stats": stats, "seen": len(seen), "missing": len(missing), "differ": differ}))
"""


def test_every_method_of_a_render_from_the_store_is_what_exec_compiles(tmp_path):
    env = {**os.environ, "DRAFTKIT_CACHE": str(tmp_path / "cache")}
    cmd = [sys.executable, "-c", COMPARE, str(ROOT / "examples" / "county.yaml"), str(tmp_path / "c.docx")]
    runs = []
    for _ in range(2):
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
    cold, warm = runs
    assert cold["seen"] > 80 and cold["stats"]["compiled"] == cold["seen"]
    assert warm["stats"] == {"stored": warm["seen"], "compiled": 0} and warm["seen"] == cold["seen"]
    assert cold["missing"] == cold["seen"] and warm["missing"] == 0 and warm["differ"] == []
