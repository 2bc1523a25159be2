"""The word list (reading/wordlookup.py) a batch worker cuts with instead of loading
jieba's whole dictionary: it cuts every run as the full dictionary does, so the reader's
test of a line cut off mid-word says the same; a damaged list is refused, never used."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from draftkit.reading import lexicon
from draftkit.reading.wordlookup import Damaged, Words, pack, tokenizer

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def full():
    return lexicon._jieba().dt


@pytest.fixture(scope="module")
def listed(full):
    return tokenizer(Words(pack(full.FREQ, full.total)))


def test_the_word_list_answers_as_the_dictionary(full, listed):
    rng = random.Random(7)
    words = rng.sample(sorted(full.FREQ), 3000)
    for w in words:
        assert (w in listed.FREQ, listed.FREQ.get(w)) == (True, full.FREQ[w])
        for odd in (w + "\u4e00", "\u9fa5" + w, w[:-1] + "\uffff"):
            assert listed.FREQ.get(odd) == full.FREQ.get(odd)
    assert listed.total == full.total and listed.FREQ.get("") is None


def test_lines_cut_anywhere_end_on_a_word_as_with_the_full_dictionary(full, listed):
    rng = random.Random(2025)
    lines = [s for f in sorted(CORPUS.glob("*.txt")) for s in f.read_text(encoding="utf-8").replace("\n", "。").split("。")
             if len(s.strip()) > 4]
    texts = [ln[:rng.randrange(2, len(ln) + 1)] for ln in rng.sample(lines, min(1500, len(lines)))]
    texts += ["迈上新台", "开创了交通运", "为经济社会发展保驾护航", "2024年全县办理行政复议案件12"]
    said = [lexicon._ends_on_word(listed, t) for t in texts]
    assert said == [lexicon.ends_on_word(t) for t in texts]  # the full dictionary, loaded here
    assert not lexicon._ends_on_word(listed, "迈上新台") and lexicon._ends_on_word(listed, "为经济社会发展保驾护航")
    assert 0.2 < sum(said) / len(said) < 0.95  # both kinds of ending among them


@pytest.mark.parametrize("damage", [
    lambda b: b[:5], lambda b: b"DKWORDS2" + b[8:], lambda b: b[:-1], lambda b: b.replace(b"\t", b" ", 1),
    lambda b: b[:16] + b"\t" + b[17:],
])
def test_a_damaged_list_is_refused(damage):
    good = pack({"法治": 5, "法": 0, "政府": 3, "政": 0}, 8)
    assert Words(good).get("法治") == 5 and Words(good).get("法") == 0 and "治" not in Words(good)
    with pytest.raises(Damaged):
        Words(damage(good))


def test_a_worker_checks_without_loading_the_whole_dictionary(tmp_path):
    """A fresh process, the word list in the cache: the reader's test runs and jieba's
    dictionary is never made a dict (no FREQ on jieba's default tokenizer)."""
    lexicon._jieba()  # the list is written beside the JSON for the tests' cache folder
    probe = ("import jieba\nfrom draftkit.reading import lexicon\n"
             "print(lexicon.unfinished('开创了交通运'), lexicon.unfinished('为经济社会发展保驾护航'),"
             " lexicon._jieba.cache_info().currsize, len(jieba.dt.FREQ))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False", "0", "0"]
