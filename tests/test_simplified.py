"""OpenCC is skipped for a text it would not change (reading/simplified.py): the output is
the same as with OpenCC run on everything, on the corpus, the fixtures and every key of
t2s's own dictionaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from draftkit.reading import simplified
from draftkit.reading.normalise import opencc_t2s, to_simplified, wording_table
from draftkit.reading.simplified import may_change

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def with_opencc_always(text: str) -> str:
    """to_simplified as it was: OpenCC on every text."""
    text = opencc_t2s().convert(text)
    for pattern, repl in wording_table():
        text = pattern.sub(repl, text)
    return text


def texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) + sorted(p for p in FIXTURES.rglob("*") if p.is_file()
                                                   and p.suffix in (".txt", ".md", ".yaml", ".tsv", ".jsonl", ".html"))
    files += sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "phrasebank").glob("*.jsonl"))
    out = []
    for f in files:
        try:
            out.append(f.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return out


def test_the_table_is_that_of_the_installed_opencc():
    assert simplified._table() is not None, "data/t2s_changes.txt is stale: python -m draftkit.reading.simplified"


def test_the_table_is_derived_from_the_dictionaries():
    folder = simplified.opencc_data_dir()
    try:
        dictionaries = simplified.dump_dictionaries(folder)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"opencc_dict cannot be run: {exc}")
    expected = simplified.table_text(simplified.installed_fingerprint(), *simplified.derive(dictionaries))
    assert simplified.DATA.read_text(encoding="utf-8") == expected
    # every key t2s converts is caught, alone and inside a sentence
    for entries in dictionaries.values():
        for key, values in entries.items():
            if values[0] != key:
                assert may_change(key) and may_change(f"我们{key}工作"), key


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus")
def test_same_output_on_the_corpus_and_the_fixtures():
    skipped = changed = 0
    for text in texts():
        assert to_simplified(text) == with_opencc_always(text)
        for line in text.splitlines():
            assert to_simplified(line) == with_opencc_always(line), line
            if not may_change(line):
                skipped += 1
                assert opencc_t2s().convert(line) == line, line
            elif opencc_t2s().convert(line) != line:
                changed += 1
    assert skipped > 1000  # the point: most lines need no OpenCC
    assert changed > 10  # and the Traditional ones of the corpus and fixtures are still converted


def test_no_single_character_is_missed():
    convert = opencc_t2s().convert
    for code in [*range(0x3000, 0xA000), *range(0xF900, 0xFB00), *range(0xFF00, 0xFFF0), *range(0x20000, 0x2A6E0),
                 *range(0x2F800, 0x2FA20)]:
        ch = chr(code)
        if not may_change(ch):
            assert convert(ch) == ch, hex(code)


def test_a_surrogate_still_reaches_opencc():
    assert may_change("法治\ud800政府")


def test_another_opencc_release_means_opencc_on_everything(monkeypatch):
    monkeypatch.setattr(simplified, "installed_fingerprint", lambda: "another release")
    simplified._table.cache_clear()
    try:
        assert may_change("法治政府建设") and to_simplified("於是") == "于是"
    finally:
        monkeypatch.undo()
        simplified._table.cache_clear()
    assert not may_change("法治政府建设")


def test_a_render_of_a_simplified_report_does_not_load_opencc(tmp_path):
    code = ("import sys; from pathlib import Path; from draftkit.app import render_file; "
            f"render_file(Path({str(ROOT / 'examples' / 'county.yaml')!r}), Path({str(tmp_path / 'c.docx')!r})); "
            "print('opencc' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "False"
