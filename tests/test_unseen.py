"""Reports nobody tuned on: skeleton reports with hand-labelled parts (tests/fixtures/
headings, written for this test) and hand-labelled units (tests/fixtures/topics). The
rules are tuned on the tune files only; the held-out files are read here and nowhere else,
and their numbers are printed as they come (see the README)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from conftest import FIXTURES

from draftkit.mining.normalise import clean
from draftkit.mining.structure import parse

SCORED = ("measures", "shortcomings", "leadership", "plan", "other", "opening")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def heading_results(path: Path) -> list[tuple[str, str, str, str]]:
    """(doc, line, gold part, part read) for every scored line of every skeleton report."""
    docs: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(path):
        docs[row["doc"]].append(row)
    out = []
    for doc, rows in docs.items():
        lines, chrome = clean("\n".join(r["line"] for r in rows))
        assert len(lines) == len(rows), doc  # every line of a skeleton survives cleaning
        parsed = parse(doc + ".txt", lines, chrome)
        first = {}
        for p in parsed.paras:
            first.setdefault(p.index, p)
        for i, row in enumerate(rows, 1):
            if row["part"] in SCORED:
                p = first.get(i)
                out.append((doc, row["line"], row["part"], p.part if p and p.kind != "meta" else ""))
    return out


def topic_results(path: Path) -> list[tuple[str, str, str, str, str]]:
    """(text, gold topic, topic, gold part, part) for every unit."""
    from draftkit.mining.labels import refine_part, topic_of

    out = []
    for row in _rows(path):
        lines, _ = clean(row["text"])
        text = lines[0] if lines else ""
        out.append((row["text"], row["topic"], topic_of(text), row["part"], refine_part(row["part"], text)))
    return out


def accuracy(pairs) -> float:
    pairs = list(pairs)
    return sum(a == b for a, b in pairs) / len(pairs)


def test_heading_parts_on_unseen_reports():
    tune = heading_results(FIXTURES / "headings" / "tune.tsv")
    held = heading_results(FIXTURES / "headings" / "heldout.tsv")
    t, h = accuracy((g, p) for _, _, g, p in tune), accuracy((g, p) for _, _, g, p in held)
    print(f"\nheading parts: tune {t:.1%} of {len(tune)}, held-out {h:.1%} of {len(held)}")
    assert t >= 0.95
    assert h >= 0.90
