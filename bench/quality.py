"""Heading parts on real published reports (../shared/realset, split by
tests/fixtures/realset/split.tsv), beside the keyword baseline.

    python bench/quality.py            # tune: the figures and every heading read wrong
    python bench/quality.py --all      # tune: every heading, right or wrong
    python bench/quality.py --heldout  # held out: the figures only — run once tuning has ended

Per-report results are printed for the tune part only; the held-out part is summed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import realset  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heldout", action="store_true", help="held-out figures (aggregate only)")
    ap.add_argument("--all", action="store_true", help="tune: list every heading, not only the misses")
    args = ap.parse_args()
    if not realset.available():
        sys.exit("../shared/realset is not beside the checkout")
    if args.heldout:
        print(realset.table("heldout", realset.summary(realset.load("heldout"))))
        return
    items = realset.load("tune")
    for item in items:
        try:
            rs = realset.results(item)
        except Exception as exc:  # noqa: BLE001 - a crash is a finding to print
            print(f"{item.id} CRASH {type(exc).__name__}: {exc}")
            continue
        for r in rs:
            if args.all or r.part != r.label:
                mark = "ok " if r.part == r.label else ("LOST" if not r.found else "BAD")
                print(f"{item.id} {mark} {r.label:10} {r.part or '-':12} {r.heading}")
    print(realset.table("tune", realset.summary(items)))


if __name__ == "__main__":
    main()
