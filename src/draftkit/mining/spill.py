"""Units on disk while mining, so that memory stays flat however many reports are mined.

Each occurrence of a unit is one record, appended to one of BUCKETS files by the first
digits of its entry's id; a bucket is merged on its own (Merged: the occurrences of one
entry), and the buckets read in turn give the entries in the order of their ids. Records
keep the order they were seen in within a bucket, so every first-seen rule holds: the
text, kind and slots of the first occurrence, the part majority's tie-break, the first
MAX_SOURCES places. Each merged entry also keeps the number of its first occurrence
(``first``) for the rules that compare entries (formulas.py)."""

from __future__ import annotations

import hashlib
import marshal
import pickle
import re
import struct
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, NamedTuple

from draftkit import slots
from draftkit.scratch import Scratch

BUCKETS = 64  # by the first two hex digits of an id, four to a bucket: in the order of ids
FLUSH = 40_000  # occurrences held in memory before they are written out (some 30 MB)
MAX_SOURCES = 20  # places kept per entry (the first seen); docs and years count them all
_LENGTH = struct.Struct("<Q")


class Occurrence(NamedTuple):
    """One unit as found in one document, labelled."""

    seq: int  # its number in the order units were seen
    key: str
    text: str
    kind: str
    slots: dict[str, str]
    part: str
    doc: int
    year: int | None
    file: str
    para: int
    levels: tuple[str, ...]
    topic: str | None  # in the context of its headings (before slotting for a unit with a {title})
    writer: str = ""  # the kind of the office whose report it is (data/issuers.yaml kinds), or ''
    trade: str = ""  # that office's trade when it is a department (教育, 税务…), or ''
    tier: str = ""  # the level of government of its place (省, 市, 县区, 乡镇), or ''


@dataclass(slots=True)
class Merged:
    """One entry: the occurrences of a unit merged (a formula's docs as a bit mask)."""

    text: str
    kind: str
    slots: dict[str, str]
    first: int = 0
    parts: Counter = field(default_factory=Counter)
    docs: set[int] | int = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    sources: set[tuple[str, int]] = field(default_factory=set)
    levels: set[str] | None = None  # None: every level
    topics: Counter | None = None  # of its occurrences (None for a formula: read from its text)
    writers: set[str] = field(default_factory=set)  # the kinds of the offices that wrote it
    trades: set[str] = field(default_factory=set)  # the trades of the departments among them
    tiers: set[str] = field(default_factory=set)  # the levels of government of their places

    def doc_count(self) -> int:
        return self.docs.bit_count() if isinstance(self.docs, int) else len(self.docs)

    def doc_mask(self) -> int:
        if isinstance(self.docs, int):
            return self.docs
        bits = bytearray(max(self.docs, default=0) // 8 + 1)
        for d in self.docs:
            bits[d >> 3] |= 1 << (d & 7)
        return int.from_bytes(bits, "little")

    def add(self, o: Occurrence) -> None:
        if o.topic is not None:
            self.topics = self.topics if self.topics is not None else Counter()
            self.topics[o.topic] += 1
        if o.levels:
            self.levels = set(o.levels) if self.levels is None else self.levels & set(o.levels)
        self.parts[o.part] += 1
        if o.writer:
            self.writers.add(o.writer)
        if o.trade:
            self.trades.add(o.trade)
        if o.tier:
            self.tiers.add(o.tier)
        self.docs.add(o.doc)
        if o.year:
            self.years.add(o.year)
        if len(self.sources) < MAX_SOURCES:
            self.sources.add((o.file, o.para))


def merge_key(text: str) -> str:
    """Units equal but for punctuation and the numbering of their slots are one entry."""
    return re.compile(r"[^\w{}]+").sub("", slots.unnumbered(text))


def phrase_id(key: str) -> str:
    """An entry's id: a hash of its merge key, the same however the corpus grows."""
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def bucket_of(phrase_id: str) -> int:
    """The bucket of an id ``p-`` + hex: buckets in turn hold ids in ascending order."""
    return int(phrase_id[2:4], 16) * BUCKETS // 256


class Spill:
    """Occurrences held in memory while they are few (under FLUSH), else in bucket files
    in a scratch folder of the run's own (scratch.py: removed by close, when the object is
    collected, on Ctrl-C and SIGTERM, and by the next run after a kill -9); then each
    bucket merged once and kept merged, where its occurrences were."""

    def __init__(self) -> None:
        self._dir: Scratch | None = None
        self._held: list[list[tuple]] = [[] for _ in range(BUCKETS)]
        self._kept: dict[int, dict[str, Merged]] = {}  # merged buckets, when nothing went to disk
        self._count = 0
        self.occurrences = 0

    @property
    def spilled(self) -> bool:
        return self._dir is not None

    @property
    def folder(self) -> Path:
        if self._dir is None:
            self._dir = Scratch("draftkit-mine-")
        return self._dir.path

    def add(self, bucket: int, o: Occurrence) -> None:
        self._held[bucket].append(tuple(o))
        self._count += 1
        self.occurrences += 1
        if self._count >= FLUSH:
            self.flush()

    def flush(self) -> None:
        for b, held in enumerate(self._held):
            if held:
                data = marshal.dumps(held)
                with open(self.folder / f"{b:02d}.occ", "ab") as f:
                    f.write(_LENGTH.pack(len(data)) + data)
                held.clear()
        self._count = 0

    def _occurrences(self, bucket: int) -> Iterator[Occurrence]:
        if not self.spilled:
            yield from (Occurrence(*rec) for rec in self._held[bucket])
            return
        path = self.folder / f"{bucket:02d}.occ"
        if not path.exists():
            return
        data = memoryview(path.read_bytes())
        at = 0
        while at < len(data):
            (n,) = _LENGTH.unpack_from(data, at)
            at += _LENGTH.size
            for rec in marshal.loads(data[at:at + n]):
                yield Occurrence(*rec)
            at += n

    def merge(self, bucket: int) -> dict[str, Merged]:
        """The entries of one bucket from its occurrences (kept for ``merged``)."""
        if self.spilled:
            self.flush()
        units: dict[str, Merged] = {}
        for o in self._occurrences(bucket):
            m = units.get(o.key)
            if m is None:
                m = units[o.key] = Merged(o.text, o.kind, o.slots, first=o.seq)
            m.add(o)
        if not self.spilled:
            self._held[bucket] = []
            self._kept[bucket] = units
            return units
        (self.folder / f"{bucket:02d}.occ").unlink(missing_ok=True)
        with open(self.folder / f"{bucket:02d}.merged", "wb") as f:
            pickle.dump(units, f, protocol=pickle.HIGHEST_PROTOCOL)
        return units

    def merged(self, bucket: int) -> dict[str, Merged]:
        """The entries of a merged bucket (a dict of one's own; the entries are shared)."""
        if not self.spilled:
            return dict(self._kept.get(bucket, {}))
        path = self.folder / f"{bucket:02d}.merged"
        if not path.exists():
            return {}
        return pickle.loads(path.read_bytes())

    def close(self) -> None:
        self._kept.clear()
        if self._dir is not None:
            self._dir.close()
