"""Cross-validate how the headings above a unit weigh in its topic (data/topics.yaml
``context``: weight, min_score, min_lead, depth) on hand-labelled TUNE units only, and print
the table.

Units: realset tune units (tests/fixtures/realset/topics_tune.tsv, found again in the tune
pages as the miner reads them, with the headings they stand under) and our own tune sets
(tests/fixtures/topics/tune.tsv, heldout.tsv: no headings, a regression check). Never the
held-out samples (topics_heldout*.tsv, topics/fresh.tsv).

Folds are by page (a page's units share headings and wording): for each fold the setting is
chosen on the other folds' units and scored on the fold's; the keyword rule without context
(weight 0) is the baseline. The keywords themselves were written by hand on the same tune
units, so both numbers are optimistic for unseen pages; only the context's four settings are
cross-validated.

    .venv/bin/python tests/topics_cv.py
"""

from __future__ import annotations

import itertools
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import realset_check as rc  # noqa: E402
import realset_units as ru  # noqa: E402

TOPICS_DIR = Path(__file__).parent / "fixtures" / "topics"
FOLDS = 10
GRID = {"weight": (0, 1, 2, 3, 4, 6), "min_score": (2, 4), "min_lead": (0,), "depth": (1, 2, 3), "below": (1000,)}


def samples() -> list[tuple[str, str, tuple[str, ...], str]]:
    """(group, text as the topic rule reads it, its headings nearest first, gold topic)."""
    from draftkit.mining.extract import Slotter
    from draftkit.reading.normalise import clean

    out = []
    for file, u, topic in ru.labelled_rows("topics_tune.tsv"):
        if u is not None:
            out.append((file, u.raw if "title" in u.slots.values() else u.text, u.headings, topic))
    for name in ("tune.tsv", "heldout.tsv"):
        for i, line in enumerate((TOPICS_DIR / name).read_text(encoding="utf-8").splitlines()[1:]):
            if line.strip():
                text, topic = line.split("\t")[:2]
                cleaned, _ = clean(text)
                raw = cleaned[0] if cleaned else ""
                slotted, kinds, _ = Slotter(None, "")(raw)
                out.append((f"own{i % FOLDS}", raw if "title" in kinds.values() else slotted, (), topic))
    return out


def main() -> None:
    from draftkit.mining.labels import in_context, topic_features
    from draftkit.mining.topicmodel import rule

    data = []
    for group, text, headings, gold in samples():
        scores = topic_features(text)[1]
        data.append((group, scores, tuple(topic_features(h)[1] for h in headings), gold))
    order = list(data[0][1])
    settings = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]

    def right(rows, s) -> int:
        return sum(rule(in_context(sc, hs, **s), order)[0] == gold for _, sc, hs, gold in rows)

    realset = [r for r in data if not r[0].startswith("own")]
    own = [r for r in data if r[0].startswith("own")]
    groups = sorted({r[0] for r in data})
    random.Random(20261207).shuffle(groups)
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    base = {"weight": 0, "min_score": 2, "min_lead": 0, "depth": 1, "below": 1000}
    print(f"units: realset tune {len(realset)}, own {len(own)}; pages {len(groups)}")
    print(f"rule without context: realset {right(realset, base)}/{len(realset)} "
          f"({right(realset, base) / len(realset):.1%}), own {right(own, base)}/{len(own)}")
    cv_real = cv_own = 0
    chosen = Counter()
    for k in range(FOLDS):
        train = [r for r in data if fold_of[r[0]] != k]
        test = [r for r in data if fold_of[r[0]] == k]
        best = max(settings, key=lambda s: (right(train, s), -s["weight"], s["min_score"]))
        chosen[tuple(best.values())] += 1
        fold_real = [r for r in test if not r[0].startswith("own")]
        print(f"  fold {k}: {len(fold_real)} realset units, rule {right(fold_real, base)}, with context {right(fold_real, best)}", best)
        cv_real += right(fold_real, best)
        cv_own += right([r for r in test if r[0].startswith("own")], best)
    print(f"{FOLDS}-fold CV with context: realset {cv_real}/{len(realset)} ({cv_real / len(realset):.1%}), "
          f"own {cv_own}/{len(own)} ({cv_own / len(own):.1%})")
    print("settings chosen per fold (weight, min_score, min_lead, depth):", dict(chosen))
    best = max(settings, key=lambda s: (right(data, s), -s["weight"], s["min_score"]))
    print(f"best on all tune units: {best}: realset {right(realset, best)}/{len(realset)}, "
          f"own {right(own, best)}/{len(own)}")


if __name__ == "__main__":
    main()
