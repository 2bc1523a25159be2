"""Units mined from real published pages (../shared/realset's tune part) as a clerk would
use them, and their topics, from the judged samples in tests/fixtures/realset (see
tests/realset_units.py)."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import realset_check as rc  # noqa: E402
import realset_units as ru  # noqa: E402

pytestmark = pytest.mark.skipif(not rc.available(), reason="../shared/realset is not beside the checkout")


@functools.lru_cache(maxsize=1)
def _bank():
    return tuple(ru.bank("tune"))


def test_ok_units_of_a_fresh_sample_are_usable_as_they_are():
    """Judged after tuning: of the sample's units still graded ok, 80 % a clerk can use as
    they are; grading more of them down does not pass by emptying the sample."""
    s = ru.units("fresh", phrases=_bank())
    print(f"\nfresh sample: {s.ok} of {s.judged} ok, {s.usable} usable ({s.usable_share:.0%})")
    assert s.ok >= 32 and s.usable_share >= 0.8
    assert s.garbage_ok <= 1


def test_tuning_samples_stay_fixed():
    # tune2: 0.85 until issue 20 graded another office's one-off acts edit (组建…宣讲团, 印发《…》 and
    # 建立…联席会): two units judged usable left the ok ones, 27 of 32 (84 %)
    for sample, floor in (("tune", 0.75), ("tune2", 0.84)):
        s = ru.units(sample, phrases=_bank())
        print(f"{sample} sample: {s.ok} of {s.judged} ok, {s.usable} usable ({s.usable_share:.0%})")
        assert s.usable_share >= floor and s.garbage_ok <= 2, (sample, s)


def test_no_ok_unit_is_cut_or_dangling_or_chrome():
    """No ok unit is the sentence a page was cut in (法治政府建设取得显), ends on a function
    word or opens a frame it does not close (formulas: 以习近平新时代中国特色社会主义思想), or
    is a row of a page's index table."""
    import re

    from draftkit import slots
    from draftkit.mining.extract import dangling_frame
    from draftkit.reading.lexicon import function_words, segment
    from draftkit.reading.normalise import has_chrome_field, normalise_line

    no_end = function_words()["no_end"]
    ok = [p for p in _bank() if p.grade == "ok"]
    cut_tails = {}
    for id_ in rc.ids("tune"):
        last = normalise_line((rc.REALSET / "texts" / f"{id_}.txt").read_text(encoding="utf-8").rstrip().splitlines()[-1])
        piece = re.split("[。！？；]", last)[-1]
        if len(piece) >= 6:
            cut_tails[id_] = piece[-6:]
    assert len(cut_tails) >= 100  # nearly every excerpt stops mid-sentence
    bad = [p.text for p in ok for s in p.sources if slots.blank(p.text, "").endswith(cut_tails.get(s["file"][:3], "\0"))]
    for p in ok:
        words = segment(slots.blank(p.text, "某"))
        if has_chrome_field(p.text) or p.kind == "formula" and (words[-1] in no_end or dangling_frame(words)):
            bad.append(p.text)
    assert not bad, bad


def test_topics_of_real_units():
    """Five batches of 100 tune units labelled by hand (264 of 300 right when the third
    tuning ended; 435 of 500 with the headings' context and the fourth batch's keywords, the
    fifth batch untuned)."""
    right, n, wrong = ru.topics("tune")
    print(f"\ntopics on realset tune units: {right} of {n} ({right / n:.0%})")
    assert n >= 500 and right >= 431, "\n".join(wrong)


def test_topics_on_heldout_units_measured_once():
    """Floors against going back, not targets met. The first held-out sample (50, labelled after
    the first tuning): 72 % then, 74 % (37) when measured a second time after the second tuning.
    The second (70, drawn and labelled after the second tuning ended, committed before the
    labeller ran on it): 77 % (54), measured once. After the headings' context and the fourth
    tune batch: 76 % (38) and 83 % (58), measured once. Only the sums are printed."""
    right, n, _ = ru.topics("heldout")
    print(f"\ntopics on realset held-out units: {right} of {n} ({right / n:.0%})")
    assert n == 50 and right >= 36
    right, n, _ = ru.topics("heldout", "topics_heldout2.tsv")
    print(f"topics on the fresh held-out sample: {right} of {n} ({right / n:.0%})")
    assert n == 70 and right >= 56
