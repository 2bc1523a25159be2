"""What ``draftkit check`` finds on real published reports (../shared/realset), each error
and warning judged as the reviewer of a 政府办 would judge it, by reading the paragraph:

- ``true``: a reviewer would raise it;
- ``false``: a false alarm;
- ``storage``: caused by how the page was stored, not by the report — the 2,000-byte cut,
  the store's half-width ``,:;()``, a Traditional mirror, page chrome (index tables, dates
  and titles the page prints twice, a title the stored text lacks). It counts neither way.

The judgements are in tests/fixtures/realset/judged_{tune,heldout}.tsv, one row a finding
(or, for L001 and L004, a text's count), keyed by the text, the code, the start of the
paragraph as written and the start of the message. A finding not in the fixture, or a
row no longer found, fails the test: a change to check or the reader is judged again.

    .venv/bin/python tests/realset_check.py tune            # precision on the tune part
    .venv/bin/python tests/realset_check.py tune --todo     # findings still to judge, with their paragraphs
    .venv/bin/python tests/realset_check.py tune --prune    # drop judged rows no longer found

The held-out part is measured once tuning has ended; while tuning, nothing of it is printed
but its totals.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT.parent / "shared" / "realset"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "realset"
SPLIT = FIXTURES / "split.tsv"
VERDICTS = ("true", "false", "storage")
SUMMED = ("L001", "L004")  # judged per text: the store's punctuation, a Traditional mirror
COLUMNS = ["id", "code", "para", "excerpt", "message", "n", "verdict", "why"]


def available() -> bool:
    return (REALSET / "manifest.tsv").is_file() and SPLIT.is_file()


def ids(split: str) -> list[str]:
    with SPLIT.open(encoding="utf-8", newline="") as f:
        return sorted(r["id"] for r in csv.DictReader(f, delimiter="\t") if r["split"] == split)


@dataclass(frozen=True)
class Key:
    id: str
    code: str
    excerpt: str  # the paragraph as written, its start ("" for the whole text, "*" summed)
    message: str  # the start of the message ("*" summed)


def _clip(text: str, n: int) -> str:
    return text.replace("\t", " ").replace("\n", " ").strip()[:n]


def findings(split: str) -> tuple[Counter, dict[Key, tuple[int, str, str]]]:
    """Errors and warnings of check on each text of ``split``: count per key, and for each
    key the paragraph, its text and the whole message (to judge by)."""
    from draftkit.reading.document import read
    from draftkit.review import check

    seen: Counter = Counter()
    context: dict[Key, tuple[int, str, str]] = {}
    for id_ in ids(split):
        document = read(REALSET / "texts" / f"{id_}.txt")
        for f in check(document):
            if f.severity not in ("error", "warning"):
                continue
            if f.code in SUMMED:
                key = Key(id_, f.code, "*", "*")
            else:
                excerpt = _clip(document.raw[f.paragraph - 1], 14) if f.paragraph else ""
                key = Key(id_, f.code, excerpt, _clip(f.message, 16))
            seen[key] += 1
            para = document.raw[f.paragraph - 1] if f.paragraph else ""
            context.setdefault(key, (f.paragraph, para, f.message))
    return seen, context


def judged(split: str) -> dict[Key, tuple[int, str, str]]:
    """The fixture: key → (findings, verdict, why)."""
    path = FIXTURES / f"judged_{split}.tsv"
    out: dict[Key, tuple[int, str, str]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = dict(zip(COLUMNS, line.split("\t")))
        assert row["verdict"] in VERDICTS, line
        key = Key(row["id"], row["code"], row["excerpt"], row["message"])
        assert key not in out, f"judged twice: {line}"
        out[key] = (int(row["n"]), row["verdict"], row["why"])
    return out


@dataclass
class Score:
    verdicts: Counter  # verdict → findings
    by_code: dict[str, Counter]  # code → verdict → findings
    unjudged: list[Key]  # found, not (or not so often) in the fixture
    gone: list[Key]  # in the fixture, no longer found

    @property
    def precision(self) -> float:
        t, f = self.verdicts["true"], self.verdicts["false"]
        return t / (t + f) if t + f else 1.0


def score(split: str) -> Score:
    seen, _ = findings(split)
    labels = judged(split)
    verdicts: Counter = Counter()
    by_code: dict[str, Counter] = {}
    unjudged = []
    for key, n in sorted(seen.items(), key=lambda kv: (kv[0].id, kv[0].code, kv[0].excerpt, kv[0].message)):
        label = labels.get(key)
        if label is None or label[0] != n:
            unjudged.append(key)
            continue
        verdicts[label[1]] += n
        by_code.setdefault(key.code, Counter())[label[1]] += n
    gone = [key for key in labels if key not in seen]
    return Score(verdicts, by_code, unjudged, gone)


def table(s: Score) -> str:
    lines = [f"{'code':6} {'true':>5} {'false':>5} {'storage':>7} {'precision':>9}"]
    for code in sorted(s.by_code):
        c = s.by_code[code]
        t, f = c["true"], c["false"]
        lines.append(f"{code:6} {t:5} {f:5} {c['storage']:7} {(t / (t + f) if t + f else 1):9.0%}")
    v = s.verdicts
    lines.append(f"{'all':6} {v['true']:5} {v['false']:5} {v['storage']:7} {s.precision:9.1%}")
    return "\n".join(lines)


def todo(split: str) -> str:
    """The findings still to judge, as fixture rows with an empty verdict, each with its paragraph."""
    seen, context = findings(split)
    labels = judged(split)
    out = []
    for key, n in sorted(seen.items(), key=lambda kv: (kv[0].id, kv[0].code)):
        if key in labels and labels[key][0] == n:
            continue
        para, text, message = context[key]
        out.append("\t".join([key.id, key.code, "*" if key.excerpt == "*" else str(para), key.excerpt, key.message,
                              str(n), "", ""]))
        out.append(f"#   {message}")
        if text:
            out.append(f"#   ¶ {text[:400]}")
    return "\n".join(out)


def prune(split: str) -> int:
    """Drop the judged rows no longer found, or found a different number of times (to be
    judged again); returns how many."""
    path = FIXTURES / f"judged_{split}.tsv"
    seen, _ = findings(split)
    gone = {key for key, (n, _, _) in judged(split).items() if seen.get(key) != n}
    kept, dropped = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = dict(zip(COLUMNS, line.split("\t")))
        if not line.startswith("#") and line.strip() and Key(row["id"], row["code"], row["excerpt"], row["message"]) in gone:
            dropped += 1
            continue
        kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return dropped


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "tune"
    if "--prune" in sys.argv:
        print(f"{prune(split)} rows no longer found dropped")
    elif "--todo" in sys.argv:
        if split != "tune" and "--heldout-measured" not in sys.argv:
            sys.exit("held-out findings are shown only to judge them once tuning has ended (--heldout-measured)")
        print(todo(split))
    else:
        s = score(split)
        print(f"{split}: {len(ids(split))} texts\n{table(s)}")
        if s.unjudged or s.gone:
            print(f"{len(s.unjudged)} findings not judged, {len(s.gone)} judged and no longer found")
