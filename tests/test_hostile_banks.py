"""Hostile phrase banks and their search keys (bank/keys.py, bank/searching.py): keys that
do not hold together (negative or decreasing line starts, offsets outside the file or in
the middle of a line, a header that lies, cut short), a keys file that is a FIFO, a bank
file edited in place with its size and time put back, one line of a hundred megabytes,
and a search that must write nothing: not beside the bank, not into the installation,
whatever -n says. Each search shows what a search over the whole bank shows."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from array import array
from pathlib import Path

import pytest
from hostile_inputs import GOOD_ENTRY, fifo
from hostile_run import Case, params, run, verify

from draftkit.bank.keys import keys_path
from draftkit.bank.phrasebank import Bank, shipped_bank_dir, write_bank

WORDS = ["行政复议"]


def bank(folder: Path, n: int = 300) -> Path:
    # measures entries only: the tests read measures.jsonl, and which part comes first in the
    # shipped bank (and how large each part is) is the miner's business, not these tests'
    seed = [p for p in Bank.load(shipped_bank_dir()) if p.part == "measures"]
    write_bank(folder, [dataclasses.replace(p, id=f"p-{i:010x}", text=f"{p.text}（{i}）", docs=1 + i % 7)
                        for i, p in enumerate(seed * (n // len(seed) + 1))][:n])
    return folder / "measures.jsonl"


def shown(folder: Path, words=WORDS, limit: int = 10) -> list[tuple[str, str, int]]:
    return [(p.id, p.text, p.docs) for p in Bank.load(folder, words=words, limit=limit).search(words, limit=limit)]


def full(folder: Path, words=WORDS, limit: int = 10) -> list[tuple[str, str, int]]:
    return [(p.id, p.text, p.docs) for p in Bank.load(folder).search(words, limit=limit)]


def _tamper(keys: bytes, how: str) -> bytes:
    head_end = keys.index(b"\n")
    head = keys[:head_end].split()
    n, total = int(head[5]), int(head[6])
    begin = head_end + 1
    starts = array("q", keys[begin + total:begin + total + 8 * (n + 1)])
    offsets = array("q", keys[begin + total + 8 * (n + 1):])
    if how == "negative-starts":
        starts[3] = -40
    elif how == "decreasing-starts":
        starts[2], starts[3] = starts[3], starts[2]
    elif how == "start-past-end":
        starts[-2] = total + 1000
    elif how == "negative-offsets":
        offsets[0] = -1
    elif how == "offsets-past-end":
        offsets[0] = 1 << 40
    elif how == "offsets-mid-line":
        for i in range(len(offsets)):
            offsets[i] += 5
    elif how == "cut-short":
        return keys[:len(keys) // 2]
    elif how == "header-lies":
        return keys.replace(b" %d %d\n" % (n, total), b" %d %d\n" % (n * 1000, total), 1)
    elif how == "huge-count":
        return keys.replace(b" %d %d\n" % (n, total), b" 99999999999999999999 %d\n" % total, 1)
    elif how == "not-keys":
        return b"\x00" * len(keys)
    return keys[:begin + total] + starts.tobytes() + offsets.tobytes()


TAMPERINGS = ["negative-starts", "decreasing-starts", "start-past-end", "negative-offsets", "offsets-past-end",
              "offsets-mid-line", "cut-short", "header-lies", "huge-count", "not-keys"]


@pytest.mark.parametrize("how", TAMPERINGS)
def test_keys_that_do_not_hold_together_are_not_used(tmp_path: Path, how: str):
    path = bank(tmp_path / "b")
    want = full(tmp_path / "b")
    assert want
    keys_path(path).write_bytes(_tamper(keys_path(path).read_bytes(), how))
    for limit in (1, 3, 10, 50):
        assert shown(tmp_path / "b", limit=limit) == full(tmp_path / "b", limit=limit), (how, limit)


def test_bank_edited_in_place_with_size_and_time_put_back(tmp_path: Path, monkeypatch):
    """Same size, same mtime, other bytes: the keys name the old content's SHA-256; the
    digest remembered for the file as it was is not taken, its ctime having moved."""
    import time

    from draftkit.bank import keystore

    path = bank(tmp_path / "b")
    monkeypatch.setattr(keystore, "now_ns", lambda: time.time_ns() + 10 ** 10)  # remembered though new
    assert shown(tmp_path / "b") == full(tmp_path / "b")
    time.sleep(0.05)  # past the file system's clock tick
    before = os.stat(path)
    top = full(tmp_path / "b")[0]
    data = path.read_bytes()
    old_text = top[1].encode()
    new_text = "手改过的句子，没有那个词".encode().ljust(len(old_text), b" ")[:len(old_text)]
    assert len(new_text) == len(old_text)
    path.write_bytes(data.replace(old_text, new_text, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert top[0] not in [i for i, _, _ in full(tmp_path / "b")]  # the edit took the word out
    assert shown(tmp_path / "b") == full(tmp_path / "b")
    assert shown(tmp_path / "b", ["手改过的句子"]) == full(tmp_path / "b", ["手改过的句子"]) != []


def _bank_folder(tamper: str):
    def make(path: Path) -> None:
        bank(path.parent, 200)
        if tamper == "fifo":
            keys_path(path).unlink()
            fifo(keys_path(path))
        else:
            keys_path(path).write_bytes(_tamper(keys_path(path).read_bytes(), tamper))
    return make


CASES = [
    Case("search-keys-fifo", ("phrases", "search", "行政复议", "--bank", "b"),
         {"b/measures.jsonl": _bank_folder("fifo")}, code=0, lines=0, expect=("p-",), seconds=20),
    Case("search-keys-negative-starts", ("phrases", "search", "行政复议", "--bank", "b", "-n", "5"),
         {"b/measures.jsonl": _bank_folder("negative-starts")}, code=0, lines=0, expect=("p-",)),
    Case("search-keys-huge-count", ("phrases", "search", "行政复议", "--bank", "b"),
         {"b/measures.jsonl": _bank_folder("huge-count")}, code=0, lines=0, expect=("p-",)),
    Case("search-n-huge", ("phrases", "search", "行政", "-n", "99999999999999999999"), code=0, lines=0,
         expect=("p-",)),
    Case("search-n-absurd", ("phrases", "search", "行政", "-n", "9" * 5000), expect=("-n",)),
    Case("search-n-huge-own-bank", ("phrases", "search", "行政", "-n", "99999999999999999999", "--bank", "b"),
         {"b/x.jsonl": GOOD_ENTRY}, code=0, lines=0, expect=("p-0000000001",)),
    Case("render-phrase-keys-fifo", ("render", "d.yaml", "-o", "o.md", "--bank", "b"),
         {"b/measures.jsonl": _bank_folder("fifo"),
          "d.yaml": "issuer: {name: 测试县人民政府, level: 县区}\nyear: 2025\ndate: 2026-02-10\nparts:\n"
                    "  measures: {items: [{phrase: p-0000000001}]}\n  shortcomings: {items: [还有不足]}\n"
                    "  leadership: {items: [履行了职责]}\n  plan: {items: [继续努力]}\n"},
         code=0, lines=20, writes=("o.md",)),
]


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_bank(case: Case, tmp_path: Path):
    verify(case, tmp_path)  # writes nothing: the bank folder (keys, FIFO and all) is as it was


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_search_writes_nothing_into_the_installation(tmp_path: Path):
    """The shipped bank, its keys made stale as an older install would leave them: a
    search (any -n) reads, checks, keeps keys in the cache folder, and writes nothing
    where the bank is. Run on a copy of the installation's bank: the real one is shared."""
    import shutil

    installed = tmp_path / "site" / "phrasebank"
    shutil.copytree(shipped_bank_dir(), installed)
    keys_path(installed / "measures.jsonl").write_bytes(b"draftkit-keys 1 little 1 2 3 4 5\n")
    before = _tree(installed)
    for limit in ("20", "99999999999999999999"):
        o = run(Case("search", ("phrases", "search", "行政", "-n", limit, "--bank", str(installed))), tmp_path)
        assert o.code == 0 and "p-" in o.out, o.err
    assert _tree(installed) == before
    shipped = _tree(shipped_bank_dir())
    o = run(Case("search", ("phrases", "search", "行政", "-n", "99999999999999999999")), tmp_path)
    assert o.code == 0 and len(o.out.splitlines()) > 100, o.err
    assert _tree(shipped_bank_dir()) == shipped


def _long_line_bank(folder: Path, megabytes: int) -> None:
    """A sound bank with one line of ``megabytes`` MB that holds the searched word."""
    bank(folder, 200)
    path = folder / "measures.jsonl"
    lines = path.read_bytes().split(b"\n")
    with path.open("wb") as fh:
        fh.write(b"\n".join(lines[:5]) + b"\n")
        fh.write(b'{"id":"p-00000000zz","text":"')
        chunk = "行政复议".encode() * (1 << 16)
        for _ in range((megabytes << 20) // len(chunk)):
            fh.write(chunk)
        fh.write(b'","part":"measures","move":"","topic":"","kind":"sentence","docs":1}\n')
        fh.write(b"\n".join(lines[5:]))


_PEAK = """
import sys, tracemalloc
from pathlib import Path
from draftkit.bank.phrasebank import Bank, shipped_bank_dir
how, folder = sys.argv[1], Path(sys.argv[2])
tracemalloc.start()
if how == "search":
    found = Bank.load(shipped_bank_dir(), folder, words=["行政复议"], limit=20).search(["行政复议"])
elif how == "filtered":
    found = Bank.load(shipped_bank_dir(), folder, words=["行政复议"]).search(["行政复议"], part="measures")
elif how == "show":
    found = [Bank.load(shipped_bank_dir(), folder).get("p-0000000001")]
else:
    found = list(Bank.load(shipped_bank_dir(), folder, only={"p-0000000001"}))
assert found and all(found)
print(tracemalloc.get_traced_memory()[1])
"""
ARGV = {"search": ("phrases", "search", "行政复议", "--bank", "b"),
        "filtered": ("phrases", "search", "行政复议", "--bank", "b", "--part", "measures"),
        "show": ("phrases", "show", "p-0000000001", "--bank", "b"), "render": None}


@pytest.mark.parametrize("how", list(ARGV))
def test_a_long_bank_line_costs_no_memory(tmp_path: Path, how: str):
    """One line of 32 MB and one of 96 MB: skipped with a warning naming its line, never
    copied whole (a 500 MB line cost 2.5 GB). What reading the bank allocates at its
    peak (tracemalloc, in a process of its own) is a few MB and the same for both; the
    bank file itself is mapped, its pages the system's file cache. The command says it
    in one line and shows the rest."""
    import subprocess
    import sys

    peaks = []
    for mb in (32, 96):
        work = tmp_path / f"w{mb}"
        work.mkdir()
        _long_line_bank(work / "b", mb)
        out = subprocess.run([sys.executable, "-c", _PEAK, how, str(work / "b")], capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == 0, out.stderr
        assert "measures.jsonl:6: 短语库中这一行太长" in out.stderr or how == "render", out.stderr
        peaks.append(int(out.stdout.split()[-1]) / (1 << 20))
        if ARGV[how]:
            o = run(Case("long", ARGV[how], seconds=30), work)
            assert o.code == 0 and "p-" in o.out and o.err.count("\n") == 1, o.err
            assert "measures.jsonl:6: 短语库中这一行太长（" in o.err, o.err
    assert max(peaks) < 16 and abs(peaks[1] - peaks[0]) < 4, peaks
