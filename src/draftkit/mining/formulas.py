"""The machinery behind formulas, sized for a province's reports: 8-character grams
counted in a bounded table, and pieces found in units through an index of their first
gram instead of a scan of every unit for every piece.

A gram keeps the documents it occurs in, exactly while they are few (up to MAX_DOCS,
as a document number or a tuple of them) and as MANY beyond: a formula needs two
documents, and whether a run of grams is shared is checked exactly afterwards, on the
units. When the table grows past MAX_GRAMS, grams seen in one document only are let go
(lossy counting: a phrase must then recur twice more to count as shared)."""

from __future__ import annotations

from typing import Iterable, Iterator

GRAM = 8
MAX_DOCS = 16  # exact below this; the shipped corpus has five documents
MAX_GRAMS = 1_500_000  # some 150 MB of table at the most
MANY = -1


class GramTable:
    def __init__(self, max_grams: int = MAX_GRAMS) -> None:
        self.table: dict[str, int | tuple[int, ...]] = {}
        self.max_grams = max_grams
        self.pruned = 0

    def add(self, clause: str, doc: int) -> None:
        table, get = self.table, self.table.get
        for j in range(len(clause) - GRAM + 1):
            g = clause[j:j + GRAM]
            v = get(g)
            if v is None:
                table[g] = doc
            elif v.__class__ is int:
                if v != doc and v != MANY:
                    table[g] = (v, doc)
            elif v[-1] != doc:  # documents come in order: a repeat is the last one
                table[g] = v + (doc,) if len(v) < MAX_DOCS else MANY
        if len(table) > self.max_grams:
            self.prune()

    def prune(self) -> None:
        """Let go of grams seen in one document only."""
        single = [g for g, v in self.table.items() if v.__class__ is int and v != MANY]
        for g in single:
            del self.table[g]
        self.pruned += len(single)

    def docs(self, gram: str) -> int | tuple[int, ...] | None:
        return self.table.get(gram)

    def __len__(self) -> int:
        return len(self.table)


def count(v) -> int:
    """How many documents a table value stands for (MANY: at least MAX_DOCS)."""
    if v is None:
        return 0
    if v.__class__ is int:
        return MAX_DOCS if v == MANY else 1
    return len(v)


def meet(a, b):
    """The documents in both (MANY meets anything as that thing: checked later)."""
    if a is None or b is None:
        return None
    if a == MANY:
        return b
    if b == MANY:
        return a
    sa = {a} if a.__class__ is int else set(a)
    common = tuple(d for d in ((b,) if b.__class__ is int else b) if d in sa)
    return common[0] if len(common) == 1 else (common or None)


class PieceIndex:
    """Pieces (each at least GRAM long) by their first gram: which of them occur in a
    text, in one pass over the text."""

    def __init__(self, pieces: Iterable[tuple[str, str]]) -> None:
        self.by_head: dict[str, list[tuple[str, str]]] = {}
        for key, piece in pieces:
            self.by_head.setdefault(piece[:GRAM], []).append((key, piece))

    def found_in(self, text: str) -> Iterator[tuple[str, str]]:
        """Each (key, piece) occurring in text, once."""
        for key, piece, _ in self.found_at(text):
            yield key, piece

    def found_at(self, text: str) -> Iterator[tuple[str, str, int]]:
        """Each (key, piece, where it first occurs) in text, once."""
        seen: set[str] = set()
        get = self.by_head.get
        for j in range(len(text) - GRAM + 1):
            candidates = get(text[j:j + GRAM])
            if candidates:
                for key, piece in candidates:
                    if key not in seen and text.startswith(piece, j):
                        seen.add(key)
                        yield key, piece, j
