"""Mine a phrase bank from past reports: ingest → normalise → structure → units → labels
→ merge. Documents are streamed one at a time; only the merged units are kept.

Each entry is graded (mining/grade.py) and, when it names another level than its source's,
keeps the levels it fits (levels.py; the intersection over its occurrences).

Merging: units equal after slotting, or equal but for punctuation and the numbering of
their slots ({n2} = {n}), are one entry. Its id is a hash of that merge key, so it stays
the same when the corpus grows. Part is the majority over its occurrences (the first seen
on a tie); move and topic are computed from the entry's text and part, except the topic of
an entry with a document title in a slot: the majority of its occurrences' topics, each read
before slotting (labels.unit_topic), since a title is often the only signal.

Formulas: recurring sub-sentence pieces. While streaming, every 8-character gram inside
a clause (punctuation and slots are boundaries, never neighbours) records the documents
it occurs in (mining/formulas.py: exact while few, bounded in all). Afterwards, in each
distinct unit, a run of consecutive grams shared by at least two documents is a candidate;
the documents of the whole run are the intersection of its grams' documents; it is trimmed
to jieba word boundaries, found in the units through an index of its first gram, and kept
when it is 8–25 characters long and in two documents or more.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from draftkit import slots
from draftkit.bank.phrasebank import Phrase
from draftkit.errors import SkipFile
from draftkit.mining.extract import LIMITS, Unit, doc_units
from draftkit.mining.formulas import GRAM, GramTable, PieceIndex, count, meet
from draftkit.mining.ingest import find_files, read_source
from draftkit.mining.labels import move_of, refine_part, topic_of, unit_topic
from draftkit.mining.normalise import clean
from draftkit.mining.structure import parse

MIN_FORMULA_DOCS = 2
MAX_SOURCES = 20  # places kept per entry (the first seen); docs and years count them all
_CLAUSE = re.compile(r"\{\w+\}|[，、；：。！？“”‘’《》（）〈〉]")  # boundaries: slots and punctuation


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if len(c) >= GRAM]

_SKIP_NAMES = re.compile(r"^(readme|license|licence|changelog|copying)(\.|$)", re.I)


def merge_key(text: str) -> str:
    return re.sub(r"[^\w{}]+", "", slots.unnumbered(text))


def phrase_id(key: str) -> str:
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass(slots=True)
class _Acc:
    """One merged unit while mining (slots: a province holds some 100,000 of them)."""

    text: str
    kind: str
    slots: dict[str, str]
    parts: Counter = field(default_factory=Counter)
    docs: set[int] | int = field(default_factory=set)  # document numbers; a formula's as a bit mask
    years: set[int] = field(default_factory=set)
    sources: set[tuple[str, int]] = field(default_factory=set)
    levels: set[str] | None = None  # None: every level
    topics: Counter | None = None  # of occurrences read before slotting; only with a {title}

    def doc_count(self) -> int:
        return self.docs.bit_count() if isinstance(self.docs, int) else len(self.docs)

    def doc_mask(self) -> int:
        if isinstance(self.docs, int):
            return self.docs
        bits = bytearray(max(self.docs, default=0) // 8 + 1)
        for d in self.docs:
            bits[d >> 3] |= 1 << (d & 7)
        return int.from_bytes(bits, "little")

    def add(self, u: Unit, part: str, doc: int) -> None:
        if "title" in u.slots.values():
            self.topics = self.topics if self.topics is not None else Counter()
            self.topics[unit_topic(u.raw, u.text, u.slots)] += 1
        if u.levels:
            self.levels = set(u.levels) if self.levels is None else self.levels & set(u.levels)
        self.parts[part] += 1
        self.docs.add(doc)
        if u.year:
            self.years.add(u.year)
        if len(self.sources) < MAX_SOURCES:
            self.sources.add((u.file, u.para))


@dataclass
class MineResult:
    """The merged units; each becomes a Phrase only when it is written (iter_phrases), so
    that a province's bank is never held in memory as objects."""

    units: dict[str, _Acc] = field(default_factory=dict)
    files: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    chars: int = 0
    next_report: int | None = None

    def iter_phrases(self) -> Iterator[Phrase]:
        """Every entry, in the order of its id."""
        for pid, key in sorted((phrase_id(k), k) for k in self.units):
            yield _phrase(key, self.units[key], self.next_report)

    @property
    def phrases(self) -> list[Phrase]:
        return list(self.iter_phrases())

    def part_counts(self) -> Counter:
        return Counter(a.parts.most_common(1)[0][0] for a in self.units.values())


def mine(paths: list[Path], progress: Callable[[int, int, Path], None] | None = None) -> MineResult:
    files = [f for f in find_files(paths) if f in paths or not _SKIP_NAMES.match(f.name)]
    result = MineResult()
    units = result.units
    grams = GramTable()  # gram → the documents it occurs in (bounded)
    for i, path in enumerate(files, 1):
        if progress:
            progress(i, len(files), path)
        try:
            src = read_source(path)
        except SkipFile as exc:
            result.skipped.append((path, exc.why))
            continue
        doc_number = result.files
        result.files += 1
        result.chars += len(src.text)
        lines, chrome = clean(src.text)
        doc = parse(src.name, lines, chrome)
        for u in doc_units(doc):
            key = merge_key(u.text)
            acc = units.get(key)
            if acc is None:
                acc = units[key] = _Acc(u.text, u.kind, u.slots)
            acc.add(u, refine_part(u.part, u.text), doc_number)
            for c in _clauses(u.text):
                grams.add(c, doc_number)
    for key, f in _formulas(units, grams).items():
        units.setdefault(key, f)
    newest = max((y for a in units.values() for y in a.years), default=None)
    result.next_report = newest + 1 if newest else None
    return result


def _formulas(units: dict[str, _Acc], grams: GramTable) -> dict[str, _Acc]:
    lo, hi = LIMITS["formula"]
    found: dict[str, str] = {}
    docs = grams.docs
    for acc in units.values():
        for c in _clauses(acc.text):
            j = 0
            while j <= len(c) - GRAM:
                mask = docs(c[j:j + GRAM])
                if count(mask) < MIN_FORMULA_DOCS:
                    j += 1
                    continue
                start = j
                while j + 1 <= len(c) - GRAM:
                    joint = meet(mask, docs(c[j + 1:j + 1 + GRAM]))
                    if count(joint) < MIN_FORMULA_DOCS:
                        break
                    j, mask = j + 1, joint
                piece = _trim_to_words(c, start, j + GRAM)
                if piece and lo <= len(piece) <= hi:
                    found.setdefault(merge_key(piece), piece)
                j += 1
    out = {key: _Acc(piece, "formula", {}, docs=0) for key, piece in found.items()}
    index = PieceIndex(found.items())
    for acc in units.values():  # in the order units were first seen, as the tie-breaks expect
        if acc.kind == "formula":
            continue
        mask = None
        for key, _ in index.found_in(acc.text):
            f = out[key]
            mask = acc.doc_mask() if mask is None else mask
            f.parts.update(acc.parts)
            f.docs |= mask
            f.years |= acc.years
            f.sources |= acc.sources
            if len(f.sources) > 2 * MAX_SOURCES:
                f.sources = set(sorted(f.sources)[:MAX_SOURCES])
            if acc.levels is not None:
                f.levels = set(acc.levels) if f.levels is None else f.levels & acc.levels
    out = {k: f for k, f in out.items() if f.doc_count() >= MIN_FORMULA_DOCS}
    # A piece inside a longer formula seen in as many documents says nothing more.
    index = PieceIndex((k, f.text) for k, f in out.items())
    inside = {k for g in out.values() for k, _ in index.found_in(g.text)
              if out[k] is not g and g.doc_count() >= out[k].doc_count()}
    for key in inside:
        del out[key]
    return out


def _trim_to_words(clause: str, start: int, end: int) -> str:
    """The largest piece of clause[start:end] on word boundaries, no function word at its ends."""
    from draftkit.mining.extract import word_piece

    return word_piece(clause, start, end)


def labelled_units(path: Path) -> list[Unit]:
    """Every unit of one file with its labels, before merging (for inspection and tests)."""
    src = read_source(path)
    lines, chrome = clean(src.text)
    out = []
    for u in doc_units(parse(src.name, lines, chrome)):
        u.part = refine_part(u.part, u.text)
        u.move = move_of(u.part, u.text, u.kind)
        u.topic = unit_topic(u.raw, u.text, u.slots)
        out.append(u)
    return out


def _phrase(key: str, acc: _Acc, next_report: int | None) -> Phrase:
    from draftkit.domain import LEVELS
    from draftkit.mining.grade import grade

    part = acc.parts.most_common(1)[0][0]
    fits = "" if acc.levels is None else ",".join(lv for lv in LEVELS if lv in acc.levels) or "-"
    return Phrase(
        id=phrase_id(key),
        text=acc.text,
        part=part,
        move=move_of(part, acc.text, acc.kind),
        topic=acc.topics.most_common(1)[0][0] if acc.topics else topic_of(acc.text),
        kind=acc.kind,
        slots=dict(acc.slots),
        docs=acc.doc_count(),
        years=sorted(acc.years),
        sources=[{"file": f, "para": p} for f, p in sorted(acc.sources)[:MAX_SOURCES]],
        grade=grade(acc.text, acc.kind, next_report),
        levels=fits,
    )
