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
    seed = sorted(Bank.load(shipped_bank_dir()), key=lambda p: p.id)  # every part among the first few
    phrases = [dataclasses.replace(p, id=f"p-{i:010x}", text=f"{p.text}（{i}）", docs=1 + i % 7)
               for i, p in enumerate(seed * (n // len(seed) + 1))][:n]
    phrases.append(dataclasses.replace(seed[0], id="p-quoted0000", text='办理含"引号的行政复议案件'))
    write_bank(folder, phrases)
    return phrases


def found(bank: Bank, words: list[str], limit: int = 30, **filters) -> list[tuple[str, str, int]]:
    return [(p.id, p.text, p.docs) for p in bank.search(words, limit=limit, **filters)]


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
    assert shown == [p.id for p in full.search(["行政复议", "审核"], limit=50, hide=("no",))]  # 不提供 hidden
    assert len(shown) > 5


@pytest.mark.parametrize("content", [b"", b"\n\n", b'{"id":"p-x","text":"\\u884c\\u653f\\u590d\\u8bae"}'])
def test_small_and_empty_files(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.jsonl").write_bytes(content)
    assert found(Bank.load(tmp_path / "b", words=["行政复议"]), ["行政复议"]) == \
        found(Bank.load(tmp_path / "b"), ["行政复议"])


# Search keys (bank/keys.py): a search showing ``limit`` entries reads only what its keys pick.

LIMITS = (1, 3, 20, 200)
MORE = QUERIES + (["法治", "建设"], ["年"], ["的"], ["（1", "行政"], ["法治", "没有这个词语"], ["x"], ["2"])


def test_keyed_search_equals_full_search(tmp_path: Path) -> None:
    from draftkit.bank.keys import keys_path

    varied_bank(tmp_path / "b", 3000)
    assert all(keys_path(f).exists() for f in (tmp_path / "b").glob("*.jsonl"))
    full = Bank.load(shipped_bank_dir(), tmp_path / "b")
    for words in MORE:
        for limit in LIMITS:
            narrow = Bank.load(shipped_bank_dir(), tmp_path / "b", words=words, limit=limit)
            assert [(p.id, p.text, p.docs) for p in narrow.search(words, limit=limit)] == \
                [(p.id, p.text, p.docs) for p in full.search(words, limit=limit)], (words, limit)
    assert len(Bank.load(tmp_path / "b", words=["法治"], limit=20)) < 300  # it read a few of the 1,000 lines


def test_keys_rank_words_repeated_in_a_line(tmp_path: Path) -> None:
    """Entries holding a word two, three, four times rank first, however many hold it once."""
    seed = list(Bank.load(shipped_bank_dir()))[0]
    texts = [f"推进法治建设（{i}）" for i in range(300)] + [("法治" * k) + f"（重复{k}-{i}）" for k in (2, 3, 4)
                                                        for i in range(k * 3)]
    write_bank(tmp_path / "b", [dataclasses.replace(seed, id=f"p-{i:05d}", text=t, docs=i % 5)
                                for i, t in enumerate(texts)])
    full = Bank.load(tmp_path / "b")
    for limit in (1, 5, 9, 12, 20, 40):
        narrow = Bank.load(tmp_path / "b", words=["法治"], limit=limit)
        assert [p.id for p in narrow.search(["法治"], limit=limit)] == [p.id for p in full.search(["法治"], limit=limit)]


def test_a_later_folder_wins_though_its_entry_lacks_the_words(tmp_path: Path) -> None:
    phrases = varied_bank(tmp_path / "a", 400)
    full_a = Bank.load(tmp_path / "a")
    top = full_a.search(["行政复议"], limit=5)
    later = [dataclasses.replace(top[0], text="改写后不含那个词的句子"), dataclasses.replace(top[2], docs=1)]
    write_bank(tmp_path / "b", later + [dataclasses.replace(phrases[7], id="p-only-in-b", text="行政复议（新）")])
    full = Bank.load(tmp_path / "a", tmp_path / "b")
    for limit in (3, 5, 20):
        narrow = Bank.load(tmp_path / "a", tmp_path / "b", words=["行政复议"], limit=limit)
        assert [(p.id, p.text, p.docs) for p in narrow.search(["行政复议"], limit=limit)] == \
            [(p.id, p.text, p.docs) for p in full.search(["行政复议"], limit=limit)], limit
    assert top[0].id not in [p.id for p in full.search(["行政复议"], limit=50)]


def test_edited_or_missing_keys_fall_back_to_reading_the_file(tmp_path: Path) -> None:
    from draftkit.bank.keys import keys_path

    varied_bank(tmp_path / "b", 600)
    path = tmp_path / "b" / "plan.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    first["text"], first["docs"] = "手改：行政复议全面公开", 99  # same file size would not matter: its SHA-256 differs
    lines[0] = json.dumps(first, ensure_ascii=False, separators=(",", ":")) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    keys_path(tmp_path / "b" / "measures.jsonl").unlink()
    full = Bank.load(tmp_path / "b")
    for words in (["行政复议"], ["手改"], ["法治"], ["执法", "培训"]):
        narrow = Bank.load(tmp_path / "b", words=words, limit=10)
        assert found(narrow, words, 10) == found(full, words, 10), words
    assert found(Bank.load(tmp_path / "b", words=["手改"], limit=1), ["手改"], 1) == [(first["id"], first["text"], 99)]


def test_shipped_bank_keys_are_fresh() -> None:
    import mmap

    from draftkit.bank.keys import digest, keys_path, open_keys

    for f in shipped_bank_dir().glob("*.jsonl"):
        with open(f, "rb") as a, open(keys_path(f), "rb") as b:
            data, keys = mmap.mmap(a.fileno(), 0, access=mmap.ACCESS_READ), b.read()
            assert open_keys(data, keys, digest(data)) is not None, f"{f.name}: its keys are stale (write_keys)"


def test_search_warns_every_damaged_line_wherever_the_damage_is(tmp_path: Path) -> None:
    """Lines in write_bank's shape damaged past the words (bad JSON after the text, bad
    UTF-8 in the sources, cut short) and holding none of the searched words: each is
    warned once with file and line, by the search command, and nothing else changes."""
    folder = tmp_path / "b"
    varied_bank(folder, 400)
    path = folder / "measures.jsonl"
    lines = path.read_bytes().split(b"\n")
    plain = [k for k, line in enumerate(lines) if "执法".encode() not in line and line][:12]
    damaged = {plain[1]: lines[plain[1]][:-3] + b"garbage",
               plain[4]: lines[plain[4]].replace(b'"sources":[', b'"sources":["\xff\xfe",', 1),
               plain[7]: lines[plain[7]][:lines[plain[7]].index(b'"docs"') + 9],
               plain[10]: lines[plain[10]][:lines[plain[10]].index(b'"slots"')] + b'"slots":{},"sources":[],"x":1}'}
    for k, line in damaged.items():
        lines[k] = line
    path.write_bytes(b"\n".join(lines))
    for words in (["执法"], ["执法", "培训"], ['含"引号']):
        out = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "search", *words, "--bank", str(folder)],
                             capture_output=True, text=True, timeout=60)
        warned = [line for line in out.stderr.splitlines() if "短语库" in line]
        assert sorted(warned) == sorted({w for w in warned}), words  # each once
        assert sorted(int(w.split(":")[1]) for w in warned if "measures.jsonl" in w) == \
            sorted(k + 1 for k in damaged), (words, out.stderr)
        assert out.returncode in (0, 1), out.stderr
    full = Bank.load(folder)
    assert len(full.search(["行政复议"], limit=1000)) <= len(full)  # a damaged entry is dropped, not shown as None


def test_search_keeps_keys_for_a_sound_bank_that_has_none(tmp_path, session_cache):
    """A bank without keys (mined by an older draftkit, or copied without them) is checked
    line by line once; when every line is sound its keys are kept in draftkit's cache
    folder (never beside the bank: a search writes nothing there), so the next search
    reads only the lines it shows. A damaged file gets none. A folder that cannot be
    written to is searched all the same."""
    import shutil
    import stat

    from draftkit.bank.keys import digest, keys_path

    for f in shipped_bank_dir().glob("*.jsonl"):
        shutil.copy(f, tmp_path / f.name)
    measures = tmp_path / "measures.jsonl"
    kept = session_cache / f"bank-{digest(measures.read_bytes())}.keys"
    kept.unlink(missing_ok=True)
    first = [p.id for p in Bank.load(tmp_path, words=["行政复议"]).search(["行政复议"])]
    assert kept.exists() and not keys_path(measures).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in shipped_bank_dir().glob("*.jsonl"))
    assert [p.id for p in Bank.load(tmp_path, words=["行政复议"]).search(["行政复议"])] == first
    with measures.open("a", encoding="utf-8") as fh:  # a damaged line: warned, and no keys kept
        fh.write('{"id": "p-broken", "text": \n')
    Bank.load(tmp_path, words=["行政复议"]).search(["行政复议"])
    assert not (session_cache / f"bank-{digest(measures.read_bytes())}.keys").exists()
    ro = tmp_path / "ro"
    ro.mkdir()
    shutil.copy(shipped_bank_dir() / "measures.jsonl", ro / "measures.jsonl")
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert Bank.load(ro, words=["行政复议"]).search(["行政复议"])
    finally:
        ro.chmod(stat.S_IRWXU)
