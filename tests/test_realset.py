"""Heading parts on real published reports: ../shared/realset, split by
tests/fixtures/realset/split.tsv (see tests/realset.py and the README's quality table).

The figures asserted are the ones measured when tuning ended, less a small slack: the
rules are shared by check, import and the miner and will keep changing for reasons of
their own; a change that costs a heading or two should not fail CI (nor tempt anyone to
look at held-out texts to win it back), one that costs more should. Never tune on the
held-out part: its texts are never printed, only its sums."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import realset  # noqa: E402

pytestmark = pytest.mark.skipif(not realset.available(), reason="../shared/realset is not beside the checkout")

# (headings, parts right) when tuning ended; a heading the reader did not find counts as
# wrong. The held-out figure: 139 at its first measurement (before the rules on the text under
# a heading), 146 at the second, the same 146 at the third (after page-chrome rules only) and
# at the fourth (after rules found by ablation and perturbation of the tune headings; see the README).
TUNE = (318, 318)
HELDOUT = (155, 146)
SLACK = 0.01  # of the headings: 3 of 318 on tune; twice that, 3 of 155, on the held-out part


def _check(split: str, measured: tuple[int, int], slack: float) -> realset.Summary:
    s = realset.summary(realset.load(split))
    print("\n" + realset.table(split, s))
    assert s.crashed == 0  # damaged copies are read, not refused
    assert s.headings == measured[0]
    assert s.right >= measured[1] - round(slack * s.headings)
    assert s.right > s.baseline_right  # better than the plain keyword rule
    return s


def test_tune_part():
    _check("tune", TUNE, SLACK)


def test_heldout_part():
    _check("heldout", HELDOUT, 2 * SLACK)
