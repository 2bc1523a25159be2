"""Formulas: recurring sub-sentence pieces, found bucket by bucket in the merged units
(spill.py) with the gram table and the piece index of formulas.py.

In each distinct unit, a run of consecutive grams shared by at least two documents is a
candidate; the documents of the whole run are the intersection of its grams' documents;
it is trimmed to jieba word boundaries and kept when it is 8–25 characters long. Each
candidate is then found in every unit through an index of its first gram and takes their
parts, documents, years, places and levels; it is a formula when in two documents or more.

The units come a bucket at a time, not in the order they were first seen, so the rules
that depend on that order say so themselves: of candidates equal but for punctuation, the
one in the unit seen first (and first within it) gives the text; a formula's part on a tie
is the one its units name first (by the units' first occurrence, then the order of parts
within each unit), as a single pass in first-seen order would give."""

from __future__ import annotations

import re
from collections import Counter

from draftkit.mining.extract import LIMITS, word_piece
from draftkit.mining.formulas import GRAM, GramTable, PieceIndex, count, meet
from draftkit.mining.spill import MAX_SOURCES, Merged, merge_key
from draftkit.punctuation import CLAUSE_END

MIN_FORMULA_DOCS = 2
_CLAUSE = re.compile(rf"\{{\w+\}}|[{CLAUSE_END}、：“”‘’《》（）〈〉]")  # boundaries: slots and punctuation


def clauses(text: str) -> list[str]:
    """The pieces of a unit between punctuation and slots that hold a gram."""
    return [c for c in _CLAUSE.split(text) if len(c) >= GRAM]


class Candidates:
    """Candidate pieces by merge key: (first occurrence of its unit, place in it, piece).
    A clause gives the same pieces in whichever unit it stands (reports reorder the same
    clauses), so each clause is scanned once while the clauses held stay under MAX_HELD."""

    MAX_HELD = 100_000

    def __init__(self, grams: GramTable) -> None:
        self.grams = grams
        self.found: dict[str, tuple[int, int, str]] = {}
        self._pieces: dict[str, tuple[tuple[str, str], ...]] = {}

    def scan(self, unit: Merged) -> None:
        found, held = self.found, self._pieces
        n = 0
        for c in clauses(unit.text):
            pieces = held.get(c)
            if pieces is None:
                if len(held) >= self.MAX_HELD:
                    held.clear()
                pieces = held[c] = tuple((merge_key(p), p) for p in self._pieces_of(c))
            for key, piece in pieces:
                here = (unit.first, n, piece)
                n += 1
                if key not in found or here < found[key]:
                    found[key] = here

    def _pieces_of(self, c: str) -> list[str]:
        lo, hi = LIMITS["formula"]
        docs = self.grams.docs
        out = []
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
            piece = word_piece(c, start, j + GRAM)
            if piece and lo <= len(piece) <= hi:
                out.append(piece)
            j += 1
        return out


_JOINING = ("和", "与", "及", "并", "以及")


def _ends_whole(text: str, end: int) -> bool:
    """A piece ending at ``end`` of ``text`` ends a phrase: the clause ends there, or 和/与
    joins another to it."""
    if end < len(text) and text[end] == "、" and text[end - 1] in "一二三四五六七八九十中":
        return False  # 二十届二中|、三中全会: the numbers of one plenum list
    return end >= len(text) or bool(_CLAUSE.match(text, end)) or text.startswith(_JOINING, end)


def _opens_on_verb(piece: str) -> bool:
    from draftkit.reading.lexicon import function_words, segment

    return segment(piece)[0] in function_words()["verbs"]


def _starts_inside(piece: str) -> bool:
    """A piece that never opens a clause and starts as the rest of a phrase does: on a head
    noun (……建设|工作情况报告如下) or on a word its 的 ties to what came before (任|组长的……)."""
    from draftkit.reading.lexicon import function_words, segment

    words = segment(piece)
    return words[0] in function_words()["heads"] or len(words) > 1 and words[1] == "的"


class Tally:
    """Each candidate with what the units it occurs in say."""

    def __init__(self, found: dict[str, tuple[int, int, str]]) -> None:
        self.out = {key: Merged(piece, "formula", {}, first=first, docs=0) for key, (first, _, piece) in found.items()}
        self.rank: dict[str, dict[str, tuple[int, int]]] = {key: {} for key in found}
        self.index = PieceIndex((key, piece) for key, (_, _, piece) in found.items())
        self.ends: dict[str, list[int]] = {key: [0, 0, 0] for key in found}  # ends whole, ends inside, starts whole

    def add(self, unit: Merged) -> None:
        mask = None
        for key, piece, at in self.index.found_at(unit.text):
            ends = self.ends[key]
            ends[0 if _ends_whole(unit.text, at + len(piece)) else 1] += 1
            ends[2] += at == 0 or bool(_CLAUSE.match(unit.text, at - 1)) or unit.text[at - 1] == "}"
            f, rank = self.out[key], self.rank[key]
            mask = unit.doc_mask() if mask is None else mask
            for i, (part, n) in enumerate(unit.parts.items()):
                f.parts[part] += n
                here = (unit.first, i)
                if part not in rank or here < rank[part]:
                    rank[part] = here
            f.docs |= mask
            f.years |= unit.years
            f.writers |= unit.writers
            f.trades |= unit.trades
            f.tiers |= unit.tiers
            f.sources |= unit.sources
            if len(f.sources) > 2 * MAX_SOURCES:
                f.sources = set(sorted(f.sources)[:MAX_SOURCES])
            if unit.levels is not None:
                f.levels = set(unit.levels) if f.levels is None else f.levels & unit.levels

    def formulas(self) -> dict[str, Merged]:
        # A piece a verb opens that mostly stands inside a longer phrase (开展习近平法治思想|学习,
        # 履行法治政府建设|职责: the verb's object goes on), or one that never opens a clause while
        # starting as the rest of a phrase, is a part of that phrase, not a formula. (A noun
        # phrase may stand before more: 行政机关负责人出庭应诉|率.)
        out = {k: f for k, f in self.out.items() if f.doc_count() >= MIN_FORMULA_DOCS
               and (self.ends[k][0] >= self.ends[k][1] or not _opens_on_verb(f.text))
               and (self.ends[k][2] or not _starts_inside(f.text))}
        for key, f in out.items():
            f.parts = Counter({p: f.parts[p] for p in sorted(f.parts, key=self.rank[key].__getitem__)})
        # A piece inside a longer formula seen in as many documents says nothing more.
        index = PieceIndex((k, f.text) for k, f in out.items())
        inside = {k for g in out.values() for k, _ in index.found_in(g.text)
                  if out[k] is not g and g.doc_count() >= out[k].doc_count()}
        for key in inside:
            del out[key]
        return out
