"""Mine a phrase bank from past reports: ingest → normalise → structure → units → labels
→ merge. Documents are streamed one at a time; their units go to disk as they come
(spill.py) and are merged there bucket by bucket, so memory stays flat at any scale.

Each entry is graded (mining/grade.py) and, when it names another level than its source's,
keeps the levels it fits (levels.py; the intersection over its occurrences).

Merging: units equal after slotting, or equal but for punctuation and the numbering of
their slots ({n2} = {n}), are one entry. Its id is a hash of that merge key, so it stays
the same when the corpus grows. Part is the majority over its occurrences (the first seen
on a tie); move is computed from the entry's text and part; topic is the majority of its
occurrences' topics (the first seen on a tie), each read in the context of the headings it
stood under (labels.unit_topic: 严格规范公正文明执法 above a sentence that names no area)
and, with a document title in a slot, before slotting, since a title is often the only signal.

Provenance: a folder with a manifest (mining/provenance.py: ../shared/realset) gives each
report's page, issuer and year, which override what its text suggests; each entry records
the kinds and trades of the offices that wrote it (the issuer model), and each source its
page and issuer.

Formulas: recurring sub-sentence pieces. While streaming, every 8-character gram inside
a clause (punctuation and slots are boundaries, never neighbours) records the documents
it occurs in (mining/formulas.py: exact while few, bounded in all). Afterwards the merged
units are read twice, to find candidate pieces and to find each candidate in the units
(mining/recurring.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from draftkit.bank.phrasebank import Phrase
from draftkit.errors import SkipFile
from draftkit.mining.extract import Unit, doc_units
from draftkit.mining.formulas import GramTable
from draftkit.reading.ingest import find_files, read_source
from draftkit.mining.labels import move_of, refine_part, topic_of, unit_topic
from draftkit.mining.provenance import Provenance, Writer, provenance_of, writer_of
from draftkit.reading.normalise import clean
from draftkit.mining.recurring import Candidates, Tally, clauses
from draftkit.mining.spill import BUCKETS, MAX_SOURCES, Merged, Occurrence, Spill, bucket_of, merge_key, phrase_id
from draftkit.reading.structure import parse

__all__ = ["MineResult", "labelled_units", "merge_key", "mine", "phrase_id"]

_SKIP_NAMES = re.compile(r"^(readme|license|licence|changelog|copying)(\.|$)", re.I)


@dataclass
class MineResult:
    """The merged units, on disk; each becomes a Phrase only when it is written
    (iter_phrases), so that a province's bank is never held in memory. ``entries`` and
    ``parts`` (entries by part) are known once the phrases have been gone through."""

    spill: Spill | None = None
    formulas: dict[int, dict[str, Merged]] = field(default_factory=dict)  # by bucket
    files: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    chars: int = 0
    next_report: int | None = None
    entries: int = 0
    parts: Counter = field(default_factory=Counter)
    provenance: dict[str, tuple[str, str]] = field(default_factory=dict)  # file → (its page, its issuer)

    def iter_phrases(self) -> Iterator[Phrase]:
        """Every entry, in the order of its id."""
        entries, parts = 0, Counter()
        for b in range(BUCKETS):
            units = self.spill.merged(b) if self.spill else {}
            for key, f in self.formulas.get(b, {}).items():
                units.setdefault(key, f)
            for _, key in sorted((phrase_id(k), k) for k in units):
                p = _phrase(key, units[key], self.next_report, self.provenance)
                entries += 1
                parts[p.part] += 1
                yield p
        self.entries, self.parts = entries, parts

    @property
    def phrases(self) -> list[Phrase]:
        return list(self.iter_phrases())

    def close(self) -> None:
        if self.spill:
            self.spill.close()


def mine(paths: list[Path], progress: Callable[[int, int, Path], None] | None = None) -> MineResult:
    files = [f for f in find_files(paths) if f in paths or not _SKIP_NAMES.match(f.name)]
    result = MineResult(spill=Spill())
    spill = result.spill
    grams = GramTable()  # gram → the documents it occurs in (bounded)
    newest = 0
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
        writer = _known(doc, provenance_of(path), result.provenance)
        for u in doc_units(doc):
            key = merge_key(u.text)
            topic = unit_topic(u.raw, u.text, u.slots, u.headings)
            spill.add(bucket_of(phrase_id(key)), Occurrence(
                spill.occurrences, key, u.text, u.kind, u.slots, refine_part(u.part, u.text), doc_number, u.year,
                u.file, u.para, tuple(u.levels), topic, writer.kind, writer.trade, writer.tier))
            newest = max(newest, u.year or 0)
            for c in clauses(u.text):
                grams.add(c, doc_number)
    candidates = Candidates(grams)
    for b in range(BUCKETS):
        for unit in spill.merge(b).values():
            candidates.scan(unit)
    del grams, candidates.grams
    tally = Tally(candidates.found)
    for b in range(BUCKETS):
        for unit in spill.merged(b).values():
            tally.add(unit)
    for key, f in tally.formulas().items():
        result.formulas.setdefault(bucket_of(phrase_id(key)), {})[key] = f
    result.next_report = newest + 1 if newest else None
    return result


def _known(doc, prov: Provenance | None, seen: dict[str, tuple[str, str]]) -> Writer:
    """What a manifest knows of the report (its issuer, year and place override the text's
    guesses), recorded for its sources; the office that wrote it, as the issuer model reads it."""
    if prov is not None:
        doc.issuer = prov.issuer or doc.issuer
        doc.year = prov.year or doc.year
        if prov.issuer and not doc.place:
            from draftkit import issuers

            doc.place = issuers.parse(prov.issuer).place
    writer = writer_of(doc.issuer)
    seen.setdefault(doc.name, (prov.url if prov else "", writer.name))
    return writer


def labelled_units(path: Path) -> list[Unit]:
    """Every unit of one file with its labels, before merging (for inspection and tests)."""
    src = read_source(path)
    lines, chrome = clean(src.text)
    out = []
    for u in doc_units(parse(src.name, lines, chrome)):
        u.part = refine_part(u.part, u.text)
        u.move = move_of(u.part, u.text, u.kind)
        u.topic = unit_topic(u.raw, u.text, u.slots, u.headings)
        out.append(u)
    return out


def _source(file: str, para: int, provenance: dict[str, tuple[str, str]]) -> dict:
    url, issuer = provenance.get(file, ("", ""))
    return {"file": file, "para": para, **({"url": url} if url else {}), **({"issuer": issuer} if issuer else {})}


def _phrase(key: str, acc: Merged, next_report: int | None, provenance: dict[str, tuple[str, str]]) -> Phrase:
    from draftkit.levels import marks
    from draftkit.mining.grade import grade

    part = acc.parts.most_common(1)[0][0]
    fits = "" if acc.levels is None else ",".join(lv for lv in marks() if lv in acc.levels) or "-"
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
        sources=[_source(f, p, provenance) for f, p in sorted(acc.sources)[:MAX_SOURCES]],
        grade=grade(acc.text, acc.kind, next_report, part),
        levels=fits,
        writers=",".join(sorted(acc.writers)),
        trades=",".join(sorted(acc.trades)),
        tiers=",".join(t for t in marks() if t in acc.tiers),
    )
