"""A search reads only the bank lines that can hold its words (bank/prefilter.py): it
must find what a search over the whole bank finds, in the same order, and still warn
about every line that is not in write_bank's shape."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from draftkit.bank.phrasebank import Bank, shipped_bank_dir, write_bank

QUERIES = (["行政复议"], ["法治"], ["规范性文件", "审核"], ["执法", "培训"], ["复议"], ["没有这个词语"],
           ["“"], ["行政"], ['含"引号'], ["（1）"], ["12"])


def varied_bank(folder: Path, n: int = 1500) -> list:
    seed = list(Bank.load(shipped_bank_dir()))
    phrases = [dataclasses.replace(p, id=f"p-{i:010x}", text=f"{p.text}（{i}）", docs=1 + i % 7)
               for i, p in enumerate(seed * (n // len(seed) + 1))][:n]
    phrases.append(dataclasses.replace(seed[0], id="p-quoted0000", text='办理含"引号的行政复议案件'))
    write_bank(folder, phrases)
    return phrases


def found(bank: Bank, words: list[str], **filters) -> list[tuple[str, str, int]]:
    return [(p.id, p.text, p.docs) for p in bank.search(words, limit=30, **filters)]


def test_prefiltered_search_equals_full_search(tmp_path: Path) -> None:
    varied_bank(tmp_path / "b")
    full = Bank.load(shipped_bank_dir(), tmp_path / "b")
    for words in QUERIES:
        narrow = Bank.load(shipped_bank_dir(), tmp_path / "b", words=words)
        assert found(narrow, words) == found(full, words), words
        assert found(narrow, words, part="plan") == found(full, words, part="plan"), words
        if words != ["没有这个词语"]:
            assert found(full, words), words  # the queries do find something
    assert len(Bank.load(tmp_path / "b", words=["行政复议"])) < len(full) / 3  # it did skip lines


def test_hand_edited_lines_are_read_and_damaged_ones_reported(tmp_path: Path, capsys) -> None:
    """Lines in another shape: escaped (the word is not in the bytes), spaced, CRLF; and
    damaged ones: not JSON, the wrong shape, not UTF-8. None of the damaged ones holds the
    word, and each is still reported with its line number."""
    folder = tmp_path / "b"
    varied_bank(folder, 300)
    escaped = json.dumps({"id": "p-escaped001", "text": "依法办理行政复议申请（手改）", "part": "measures"})
    spaced = json.dumps({"id": "p-spaced0001", "text": "行政复议决定全部公开（手改）", "part": "plan", "docs": 9},
                        ensure_ascii=False)
    crlf = json.dumps({"id": "p-crlf000001", "text": "行政复议工作规范化（手改）", "part": "plan"},
                      ensure_ascii=False, separators=(",", ":")) + "\r"
    path = folder / "measures.jsonl"
    lines = path.read_bytes().split(b"\n")
    odd = [escaped.encode(), b"{not json", spaced.encode(), b'{"id": 5}', "坏行".encode("gbk"), b"", crlf.encode(),
           b"[1, 2]"]
    for k, line in enumerate(odd):
        lines.insert(10 + 7 * k, line)
    path.write_bytes(b"\n".join(lines))
    number = {line: lines.index(line) + 1 for line in odd}
    capsys.readouterr()
    full = Bank.load(folder)
    warned_full = capsys.readouterr().err
    narrow = Bank.load(folder, words=["行政复议"])
    warned = capsys.readouterr().err
    assert found(narrow, ["行政复议"]) == found(full, ["行政复议"])
    ids = {i for i, _, _ in found(narrow, ["行政复议"])}
    assert {"p-escaped001", "p-spaced0001", "p-crlf000001"} <= ids
    for bad in (b"{not json", b'{"id": 5}', "坏行".encode("gbk"), b"[1, 2]"):
        assert f"measures.jsonl:{number[bad]}:" in warned, bad
    assert sorted(warned.splitlines()) == sorted(warned_full.splitlines())
    assert len(warned.splitlines()) == 4  # the empty line is no problem
    for words in (["行政复议", "没有这个词语"], ["行政复议", "手改"], ["复议", "（1"]):  # all words, or any
        narrow = Bank.load(folder, words=words)
        assert found(narrow, words) == found(full, words), words
        assert sorted(capsys.readouterr().err.splitlines()) == sorted(warned_full.splitlines()), words


def test_search_command_with_a_bank_folder(tmp_path: Path) -> None:
    varied_bank(tmp_path / "b")
    out = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "search", "行政复议", "审核", "--bank",
                          str(tmp_path / "b"), "-n", "50"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    shown = [line.split()[0] for line in out.stdout.splitlines()]
    full = Bank.load(shipped_bank_dir(), tmp_path / "b")
    assert shown == [p.id for p in full.search(["行政复议", "审核"], limit=50)]
    assert len(shown) > 5


@pytest.mark.parametrize("content", [b"", b"\n\n", b'{"id":"p-x","text":"\\u884c\\u653f\\u590d\\u8bae"}'])
def test_small_and_empty_files(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.jsonl").write_bytes(content)
    assert found(Bank.load(tmp_path / "b", words=["行政复议"]), ["行政复议"]) == \
        found(Bank.load(tmp_path / "b"), ["行政复议"])
