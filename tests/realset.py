"""Heading parts on real published reports: ../shared/realset (174 page excerpts, each
numbered heading labelled with its part; see its README) split by
tests/fixtures/realset/split.tsv into `tune` and `heldout`.

Each text is read as ``draftkit check`` reads a file (ingest → normalise → structure →
parts). The reader's numbered headings (一、 and （一） levels) are matched in order to the
manifest's, both normalised the same way, and each matched heading's part compared with
its label. A heading the reader did not find counts as wrong.

Held-out texts are never printed one by one: ``results(split)`` is for the tune part; the
held-out part is only ever summed (``summary``), once tuning has ended.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT.parent / "shared" / "realset"
SPLIT = Path(__file__).resolve().parent / "fixtures" / "realset" / "split.tsv"

# The keyword rule the reader is compared with: the labelling guidelines' leadership words
# applied to the heading alone (no position, no parent, no text under it). Fixed before any
# tuning; it is a baseline, never tuned.
BASELINE_LEADERSHIP = re.compile(
    r"党的领导|组织领导|加强领导|领导体制|第一责任人|主体责任|关键少数|政治引领|统筹推进法治|统筹谋划")


@dataclass
class Item:
    """One report excerpt of the set and its labelled headings."""

    id: str
    split: str
    issuer: str
    level: str
    script: str
    path: Path
    headings: list[str]
    labels: list[str]


@dataclass
class Result:
    """One labelled heading: what the reader made of it (found: a heading of the reader's
    matched it; part: the part the reader gave it)."""

    item: str
    heading: str
    label: str
    found: bool
    part: str
    baseline: str


@dataclass
class Summary:
    headings: int = 0
    found: int = 0
    right: int = 0
    baseline_right: int = 0
    by_label: Counter = field(default_factory=Counter)  # label → headings
    right_by_label: Counter = field(default_factory=Counter)
    baseline_by_label: Counter = field(default_factory=Counter)
    crashed: int = 0


def available() -> bool:
    return (REALSET / "manifest.tsv").is_file() and SPLIT.is_file()


def _split() -> dict[str, str]:
    with SPLIT.open(encoding="utf-8", newline="") as f:
        return {r["id"]: r["split"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def load(split: str) -> list[Item]:
    """The items of one split (tune or heldout), in manifest order."""
    assert split in ("tune", "heldout"), split
    which = _split()
    items = []
    with (REALSET / "manifest.tsv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if which[r["id"]] != split:
                continue
            heads = r["headings"].split(" | ") if r["headings"].strip() else []
            labels = r["labels"].split(" | ") if r["labels"].strip() else []
            assert len(heads) == len(labels), r["id"]
            items.append(Item(r["id"], split, r["issuer"], r["level"], r["script"],
                              REALSET / "texts" / f"{r['id']}.txt", heads, labels))
    return items


_MARK = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．,，]+)\s*")
_DROP = re.compile(r"[\W_]+")


def _normalise(line: str) -> str:
    from draftkit.reading.normalise import read_line

    return read_line(line)


def key(heading: str) -> str:
    """A heading as both sides are compared: normalised as the reader normalises a line
    (Simplified, full-width punctuation, pinyin glosses and damaged markers mended), its
    numbering taken off, cut at the first 。, punctuation and spaces dropped."""
    text = _normalise(heading)
    text = _MARK.sub("", text)
    text = re.split(r"[。！？]", text, maxsplit=1)[0]
    return _DROP.sub("", text)


def _reader_headings(doc) -> list[tuple[str, str]]:
    """(key, part) of every 一、 and （一） heading the reader found, in order."""
    out = []
    for p in doc.paras:
        if p.kind == "h1":
            out.append((key(p.text), p.part))
        elif p.kind == "h2":
            out.append((key(p.heading or p.text), p.part))
    return out


def _same(a: str, b: str) -> bool:
    """The same heading: equal, or one cut short (by the page's byte limit or a run-in
    sentence) and the other starting with it."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long_.startswith(short))


def baseline(heading: str) -> str:
    return "leadership" if BASELINE_LEADERSHIP.search(_normalise(heading)) else "measures"


def results(item: Item) -> list[Result]:
    """Every labelled heading of one report and what the reader made of it."""
    from draftkit.reading.document import read

    doc = read(item.path).doc
    found = _reader_headings(doc)
    out, at = [], 0
    for heading, label in zip(item.headings, item.labels):
        k = key(heading)
        j = next((j for j in range(at, len(found)) if _same(found[j][0], k)), None)
        if j is None:
            out.append(Result(item.id, heading, label, False, "", baseline(heading)))
            continue
        at = j + 1
        out.append(Result(item.id, heading, label, True, found[j][1], baseline(heading)))
    return out


def summary(items: list[Item]) -> Summary:
    """The figures of a split, summed; a report the reader fails on counts all its headings
    wrong (and is counted as crashed)."""
    s = Summary()
    for item in items:
        try:
            rs = results(item)
        except Exception:  # noqa: BLE001 - counted, and the test asserts there are none
            s.crashed += 1
            rs = [Result(item.id, h, lab, False, "", baseline(h)) for h, lab in zip(item.headings, item.labels)]
        for r in rs:
            s.headings += 1
            s.found += r.found
            s.right += r.part == r.label
            s.baseline_right += r.baseline == r.label
            s.by_label[r.label] += 1
            s.right_by_label[r.label] += r.part == r.label
            s.baseline_by_label[r.label] += r.baseline == r.label
    return s


def pct(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "—"


def table(name: str, s: Summary) -> str:
    lines = [f"{name}: {s.headings} headings, found {s.found} ({pct(s.found, s.headings)}), "
             f"part right {s.right} ({pct(s.right, s.headings)}); keyword baseline {s.baseline_right} "
             f"({pct(s.baseline_right, s.headings)}); reports the reader failed on: {s.crashed}"]
    for label in sorted(s.by_label):
        n = s.by_label[label]
        lines.append(f"  {label:12} {n:4}  reader {pct(s.right_by_label[label], n):>6}  "
                     f"baseline {pct(s.baseline_by_label[label], n):>6}")
    return "\n".join(lines)
