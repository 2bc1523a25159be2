"""The store of compiled patterns (draftkit.rx): what it gives back is what re.compile
makes, and a store that is damaged, of the wrong shape or impossible to write changes
nothing but the speed."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from draftkit import rx

ROOT = Path(__file__).resolve().parent.parent
COUNTY = ROOT / "examples" / "county.yaml"

SAMPLES = [
    r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])",
    r"(?P<year>\d{4})年(?P<month>\d{1,2})月",
    r"[^\u3400-\u4dbf\u4e00-\u9fff]+",
    r"(同比|比上年)(增长|下降)(\d+(?:\.\d+)?)%",
]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """rx as a new process finds it, with its cache folder tmp_path/cache."""
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(rx, "_compiled", {})
    monkeypatch.setattr(rx, "_store", None)
    monkeypatch.setattr(rx, "_path", None)
    monkeypatch.setattr(rx, "_new", {})
    monkeypatch.setattr(rx, "stats", {"stored": 0, "compiled": 0})

    def restart():
        rx._compiled, rx._store, rx._path, rx._new = {}, None, None, {}
        rx.stats.update(stored=0, compiled=0)

    return restart


def store_file(tmp_path: Path) -> Path:
    [found] = (tmp_path / "cache").glob("patterns-*.marshal")
    return found


def stored_entries(path: Path) -> dict:
    data = path.read_bytes()
    assert int.from_bytes(data[:4], "little") == zlib.crc32(data[4:])
    return marshal.loads(data[4:])


def test_a_stored_pattern_is_the_pattern_re_compiles(fresh, tmp_path):
    first = [rx.compile(p) for p in SAMPLES] + [rx.compile(r"去年计划：(.*)$", re.S)]
    assert rx.stats == {"stored": 0, "compiled": 5}
    rx.save()
    fresh()
    again = [rx.compile(p) for p in SAMPLES] + [rx.compile(r"去年计划：(.*)$", re.S)]
    assert rx.stats == {"stored": 5, "compiled": 0}
    for p, a, b in zip(SAMPLES + [r"去年计划：(.*)$"], first, again):
        assert a == b == re.compile(p, re.S if p.startswith("去年") else 0)
    assert again[1].groupindex == {"year": 1, "month": 2}
    assert again[1].search("于2025年3月印发").groupdict() == {"year": "2025", "month": "3"}
    assert again[0].sub("", "法治 政府 建设 2025") == "法治政府建设2025"


def test_a_bad_pattern_raises_as_re_does(fresh):
    with pytest.raises(re.error):
        rx.compile(r"(未闭合")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "wrong type", "bad entries", "empty"])
def test_a_damaged_store_is_ignored_and_rewritten(fresh, tmp_path, damage):
    for p in SAMPLES:
        rx.compile(p)
    rx.save()
    path = store_file(tmp_path)
    good = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(os.urandom(len(good)))
    elif damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "flipped":
        path.write_bytes(good[:100] + bytes([good[100] ^ 0xFF]) + good[101:])
    elif damage == "wrong type":
        payload = marshal.dumps([1, 2, 3])
        path.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
    elif damage == "bad entries":  # a store of the right shape whose code the engine refuses
        entries = {k: (v[0], [999999] * len(v[1]), *v[2:]) for k, v in marshal.loads(good[4:]).items()}
        entries[("x", 0)] = "not an entry"
        payload = marshal.dumps(entries)
        path.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
    else:
        path.write_bytes(b"")
    fresh()
    for p in SAMPLES:
        assert rx.compile(p) == re.compile(p)
    assert rx.stats == {"stored": 0, "compiled": len(SAMPLES)}
    rx.save()
    entries = stored_entries(path)
    assert {(p, 0) for p in SAMPLES} <= set(entries)
    fresh()
    for p in SAMPLES:
        assert rx.compile(p) == re.compile(p)
    assert rx.stats == {"stored": len(SAMPLES), "compiled": 0}


def test_no_cache_folder_means_plain_compiling(fresh, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DRAFTKIT_CACHE", str(blocker / "cache"))
    assert rx.compile(SAMPLES[0]) == re.compile(SAMPLES[0])
    rx.save()  # nothing to save to, and no error
    assert not (blocker.parent / "cache").exists()


def test_the_store_is_bounded(fresh, tmp_path, monkeypatch):
    monkeypatch.setattr(rx, "MAX_ENTRIES", 2)
    for p in SAMPLES:
        rx.compile(p)
    rx.save()
    assert len(stored_entries(store_file(tmp_path))) == 2


def test_other_processes_entries_are_kept(fresh, tmp_path):
    rx.compile(SAMPLES[0])
    rx.save()
    fresh()
    rx.compile(SAMPLES[1])  # this process read the store before the other one wrote
    other = stored_entries(store_file(tmp_path))
    other[("其他进程", 0)] = other[(SAMPLES[0], 0)]
    payload = marshal.dumps(other)
    store_file(tmp_path).write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
    rx.save()
    assert {(SAMPLES[0], 0), (SAMPLES[1], 0), ("其他进程", 0)} <= set(stored_entries(store_file(tmp_path)))


RENDER_AND_COMPARE = """
import json, re, sys
from pathlib import Path
from draftkit import rx
from draftkit.app import render_file

out, findings = render_file(Path(sys.argv[1]), Path(sys.argv[2]))
from draftkit.reading.document import read
texts = read(Path(sys.argv[2])).raw
unequal, differ = [], []
used = rx.used()
for pattern, flags in used:
    ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
    if ours != theirs or ours.groupindex != theirs.groupindex or ours.groups != theirs.groups:
        unequal.append(pattern)
    for t in texts:
        if ([m.span() for m in ours.finditer(t)] != [m.span() for m in theirs.finditer(t)]
                or ours.sub("", t) != theirs.sub("", t)):
            differ.append(pattern)
            break
print(json.dumps({"used": len(used), "stats": rx.stats, "unequal": unequal, "differ": differ,
                  "written": out is not None, "texts": len(texts)}))
"""


def run_render_script(tmp_path: Path, cache: Path) -> dict:
    env = {**os.environ, "DRAFTKIT_CACHE": str(cache)}
    r = subprocess.run([sys.executable, "-c", RENDER_AND_COMPARE, str(COUNTY), str(tmp_path / "c.docx")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_every_pattern_of_a_render_and_check_from_the_store_is_re_compiles(tmp_path):
    cache = tmp_path / "cache"
    cold = run_render_script(tmp_path, cache)
    assert cold["written"] and cold["texts"] > 30
    assert cold["stats"]["compiled"] > 50 and cold["stats"]["stored"] == 0
    warm = run_render_script(tmp_path, cache)
    assert warm["stats"] == {"stored": warm["used"], "compiled": 0} and warm["used"] == cold["used"]
    assert warm["unequal"] == [] and warm["differ"] == []
    assert cold["unequal"] == [] and cold["differ"] == []


def test_render_succeeds_when_the_cache_cannot_be_made(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "DRAFTKIT_CACHE": str(blocker / "cache")}
    out = tmp_path / "c.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(COUNTY), "-o", str(out)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    import docx

    assert docx.Document(str(out)).paragraphs[0].text.startswith("青岚县人民政府关于2025年度")
    assert blocker.read_text() == "not a folder"
