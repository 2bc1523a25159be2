"""Units mined from real published pages (../shared/realset, split by
tests/fixtures/realset/split.tsv) as a clerk would use them, and their topics.

- ``units_{sample}.tsv``: units graded ok, drawn at random (seeded) from what ``draftkit
  mine`` makes of a split's pages, each judged ``usable`` (a clerk could put it in a report
  as it is), ``edit`` (needs editing: another place's names, honours, one-off events, wording)
  or ``garbage`` (cut mid-word, a fragment, page chrome). ``tune`` was judged while tuning
  the miner and grader, ``fresh`` after tuning ended.
- ``topics_{split}.tsv``: units of the split's pages labelled with their topic by hand
  (guidelines in tests/fixtures/topics/README.md), before looking at what the labeller said.

A row names its unit by file and the start of its text (slotted text for bank entries, the
text as found for topics), not by the whole sentence; its paragraph breaks a tie.

    .venv/bin/python tests/realset_units.py draw SPLIT SEED N   # a sample of ok units to judge
    .venv/bin/python tests/realset_units.py units SAMPLE        # how the judged sample grades now
    .venv/bin/python tests/realset_units.py topics SPLIT        # topic accuracy on the labelled units
    .venv/bin/python tests/realset_units.py label SPLIT SEED N  # units to label by hand (no topic shown)
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import realset_check as rc  # noqa: E402

VERDICTS = ("usable", "edit", "garbage")
SNIPPET = 12


def _rows(name: str) -> list[list[str]]:
    path = rc.FIXTURES / name
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def bank(split: str):
    """The phrases ``draftkit mine`` makes of the split's pages."""
    from draftkit.mining.mine import mine

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for id_ in rc.ids(split):
            shutil.copy(rc.REALSET / "texts" / f"{id_}.txt", folder / f"{id_}.txt")
        return mine([folder]).phrases


def draw(split: str, seed: int, n: int) -> list:
    ok = sorted((p for p in bank(split) if p.grade == "ok"), key=lambda p: p.id)
    random.Random(seed).shuffle(ok)
    return ok[:n]


def _find(phrases, file: str, para: str, snippet: str):
    """The entry of the file starting so, at that paragraph if it still is there (the reader
    may count a page's lines otherwise: the paragraph is a tie-breaker, not the key)."""
    found = [p for p in phrases if p.text.startswith(snippet) and any(s["file"] == f"{file}.txt" for s in p.sources)]
    at = [p for p in found if any(s["file"] == f"{file}.txt" and str(s["para"]) == para for s in p.sources)]
    return (at or found or [None])[0]


@dataclass
class UnitScore:
    judged: int  # rows of the sample
    ok: int  # still graded ok
    usable: int  # of those, judged usable
    garbage_ok: int  # judged garbage and still graded ok

    @property
    def usable_share(self) -> float:
        return self.usable / self.ok if self.ok else 0.0


def units(sample: str, split: str = "tune", phrases=None) -> UnitScore:
    phrases = bank(split) if phrases is None else phrases
    rows = _rows(f"units_{sample}.tsv")
    ok = usable = garbage = 0
    for file, para, snippet, verdict, _why in rows:
        assert verdict in VERDICTS, (file, para, snippet, verdict)
        p = _find(phrases, file, para, snippet)
        if p is None or p.grade != "ok":
            continue
        ok += 1
        usable += verdict == "usable"
        garbage += verdict == "garbage"
    return UnitScore(len(rows), ok, usable, garbage)


def to_label(split: str, seed: int, n: int, files: tuple[str, ...] = ()) -> list:
    """A seeded sample of the split's sentences and items of 12+ characters not yet in a
    ``topics_*.tsv`` fixture, to label by hand: the labeller's topic is not looked at."""
    from draftkit.mining.mine import labelled_units

    labelled = {(r[0], r[2]) for name in ("topics_tune.tsv", "topics_heldout.tsv", *files)
                if (rc.FIXTURES / name).is_file() for r in _rows(name)}
    pool = []
    for id_ in rc.ids(split):
        for u in labelled_units(rc.REALSET / "texts" / f"{id_}.txt"):
            if u.kind in ("sentence", "item") and len(u.raw) >= 12 and (id_, u.raw[:SNIPPET]) not in labelled:
                pool.append((id_, u.para, u.raw, u.part))
    random.Random(seed).shuffle(pool)
    return pool[:n]


def labelled_rows(name: str):
    """(file, the unit as the miner reads it or None, gold topic) of each row of a topics fixture."""
    from draftkit.mining.mine import labelled_units

    cache: dict[str, list] = {}
    for file, para, snippet, topic, _note in _rows(name):
        if file not in cache:
            cache[file] = labelled_units(rc.REALSET / "texts" / f"{file}.txt")
        found = [u for u in cache[file] if u.raw.startswith(snippet)]
        yield file, next((u for u in found if str(u.para) == para), found[0] if found else None), topic


def topics(split: str, name: str = "") -> tuple[int, int, list[str]]:
    """(right, labelled, what went wrong) on the split's labelled units (``topics_{split}.tsv``,
    or the fixture ``name``)."""
    right, n, wrong = 0, 0, []
    for file, u, topic in labelled_rows(name or f"topics_{split}.tsv"):
        n += 1
        got = u.topic if u else "(no unit)"
        if got == topic:
            right += 1
        else:
            wrong.append(f"{file} ¶{u.para if u else '?'} {u.raw[:SNIPPET] if u else '?'}: {topic}, labeller {got}")
    return right, n, wrong


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "draw":
        split, seed, n = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        if split != "tune" and "--heldout-measured" not in sys.argv:
            sys.exit("held-out units are drawn only once tuning has ended (--heldout-measured)")
        for p in draw(split, seed, n):
            s = p.sources[0]
            print("\t".join([Path(s["file"]).stem, str(s["para"]), p.text[:SNIPPET], "", ""]) + f"\t# {p.kind} {p.part}: {p.text}")
    elif what == "units":
        s = units(sys.argv[2])
        print(f"{s.judged} judged; {s.ok} still ok, {s.usable} of them usable ({s.usable_share:.0%}); "
              f"{s.garbage_ok} garbage still ok")
    elif what == "label":
        split, seed, n = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        if split != "tune" and "--heldout-measured" not in sys.argv:
            sys.exit("held-out units are drawn only once tuning has ended (--heldout-measured)")
        for id_, para, raw, part in to_label(split, seed, n):
            print("\t".join([id_, str(para), raw[:SNIPPET], "", part]) + f"\t# {raw}")
    elif what == "topics":
        split = sys.argv[2]
        r, n, wrong = topics(split, sys.argv[3] if len(sys.argv) > 3 else "")
        print(f"topics on {split}: {r} of {n} ({r / n:.0%})")
        if split == "tune":
            print("\n".join(wrong))
    else:
        sys.exit(__doc__)
