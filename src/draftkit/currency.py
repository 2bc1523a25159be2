"""Which formulations belong to which year (../shared/spec/currency.md): the table in
``data/currency.yaml``, one matcher for its rows, the replacements used when a report is
carried forward, and the congress and plenums an opening should cite."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from draftkit.punctuation import PIECE_END


@dataclass(frozen=True)
class Row:
    """One outdated formulation: what to find, for which report years, and what to say."""

    code: str
    find: str
    suggest: str
    source: str
    min_year: int = 0
    max_year: int = 9999
    unless: str = ""  # not outdated when the same document says this
    not_after: str = ""  # not outdated right after these characters (原县法制办: history)
    unless_place: str = ""  # not outdated for these issuers (浙江 and 最多跑一次)
    severity: str = "warning"
    replace: str | dict | None = None
    example: str = ""

    def applies(self, year: int | None) -> bool:
        return bool(year) and self.min_year <= year <= self.max_year

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(self.find)

    def matches(self, text: str) -> Iterator[re.Match]:
        """Occurrences in ``text``, less those that speak of history (``not_after``)."""
        for m in self.pattern.finditer(text):
            before = text[max(0, m.start() - 4):m.start()]
            if self.not_after and re.compile(f"(?:{self.not_after}).{{0,3}}$").search(before):
                continue
            yield m

    def replacement(self, found: str) -> str | None:
        """The current wording for ``found``, or None where the table gives none."""
        if self.replace is None:
            return None
        if isinstance(self.replace, dict):
            out = found
            for old, new in self.replace.items():
                out = out.replace(str(old), str(new))
            return out
        return self.replace


@dataclass(frozen=True)
class Event:
    """A meeting or law with its date: naming it before that date refers to the future."""

    find: str
    date: dt.date


@dataclass(frozen=True)
class Table:
    """The formulations that date (data/currency.yaml): rows, events and tense words."""

    rows: tuple[Row, ...]
    events: tuple[Event, ...]
    past: str = ""  # words of a sentence about work done (never rewritten)
    forward: str = ""  # words of a sentence about what is to be done

    def for_year(self, year: int | None, document: str = "", place: str = "") -> list[Row]:
        """The rows that apply to a report on ``year`` (given its whole text and issuer)."""
        out = []
        for row in self.rows:
            if not row.applies(year):
                continue
            if row.unless and re.compile(row.unless).search(document):
                continue
            if row.unless_place and re.compile(row.unless_place).search(place):
                continue
            out.append(row)
        return out


@functools.lru_cache(maxsize=1)
def table() -> Table:
    from draftkit.resources import data_file

    raw = data_file("currency.yaml")
    rows = tuple(Row(**row) for row in raw["outdated"])
    events = tuple(Event(ev["find"], ev["date"] if isinstance(ev["date"], dt.date) else dt.date.fromisoformat(str(ev["date"])))
                   for ev in raw["events"])
    tense = raw.get("tense", {})
    return Table(rows, events, tense.get("past", ""), tense.get("forward", ""))


@functools.lru_cache(maxsize=16)
def outdated_pattern(year: int) -> re.Pattern | None:
    """One pattern for every formulation outdated in a report on ``year`` (the picker
    marks bank sentences with it on every keystroke)."""
    rows = [r.find for r in table().rows if r.applies(year)]
    return re.compile("|".join(f"(?:{f})" for f in rows)) if rows else None


def forward_looking(sentence: str) -> bool:
    """A sentence about what is to be done (深入实施“七五”普法规划), not about work done
    (“七五”普法规划如期完成): only such a sentence may have its wording replaced."""
    t = table()
    return not re.compile(t.past).search(sentence) and bool(re.compile(t.forward).search(sentence))


def replace_outdated(text: str, year: int, forward_only: bool = False) -> tuple[str, list[str]]:
    """Outdated wording for a report on ``year``: replaced where the table gives a drop-in
    replacement, flagged otherwise. Returns the text and the flags. ``forward_only``:
    replace only in sentences about what is to be done; a sentence about work done is
    history, its wording is flagged and left as written."""
    if forward_only:
        out, flags = [], []
        for sentence in re.compile(f"[^{PIECE_END}]+[{PIECE_END}]?").findall(text) or [text]:
            fixed, f = replace_outdated(sentence, year) if forward_looking(sentence) else (sentence, outdated_flags(sentence, year))
            out.append(fixed)
            flags.extend(f)
        return "".join(out), flags
    flags: list[str] = []
    for row in table().for_year(year, text):
        pieces, last = [], 0
        for m in row.matches(text):
            repl = row.replacement(m.group(0))
            if repl is None:
                flags.append(f"“{m.group(0)}”已不是 {year} 年度的现行提法：{row.suggest}")
                continue
            pieces.append(text[last:m.start()] + repl)
            last = m.end()
        text = "".join(pieces) + text[last:]
    return text, flags


def outdated_flags(text: str, year: int) -> list[str]:
    """Outdated wording in a sentence left as written."""
    flags = [f"“{m.group(0)}”已不是 {year} 年度的现行提法：{row.suggest}"
             for row in table().for_year(year, text) for m in row.matches(text)]
    return list(dict.fromkeys(flags))  # the same words twice in a sentence: said once


# 中央全面依法治国工作会议: 2020-11-16至17日 (习近平法治思想 named), 2025-11-17至18日 (spec/currency.md)
_RULE_OF_LAW_MEETINGS = (2020, 2025)


def rule_of_law_meeting(year: int) -> bool:
    """Whether a report on ``year`` cites the 中央全面依法治国工作会议: one was held that
    year or the year before."""
    return any(held in (year, year - 1) for held in _RULE_OF_LAW_MEETINGS)


def plenums(year: int) -> str:
    """The congress and plenums to cite in a report on ``year`` written early in year+1."""
    if year >= 2026:
        return "党的二十大和二十届历次全会精神"
    return {
        2025: "党的二十大和二十届二中、三中、四中全会精神",
        2024: "党的二十大和二十届二中、三中全会精神",
        2023: "党的二十大和二十届二中全会精神",
        2022: "党的二十大精神",
    }.get(year, "党的十九大和十九届历次全会精神")
