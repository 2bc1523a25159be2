"""Last year's standing in a report carried forward: its ranks (排名上升到第16位, 十二连冠),
its comparisons across years (为近5年最低, 创历史新高), its forecasts (有望), adoption
elsewhere (经验在全省推广), honours (称号, 入选) and named projects (《…条例》 put to the
legislature, “××”工程). Carried as they are, they become this year's standing; each clause
is named in its sentence's todo and in import's notes. The rows are data (data/carry.yaml
standing), each with examples and counter-examples."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from draftkit.continuity.oneoff import clauses


@dataclass(frozen=True)
class _Row:
    """One row of data/carry.yaml standing, compiled."""

    key: str
    what: str
    find: re.Pattern
    unless: re.Pattern | None
    note: str


@functools.lru_cache(maxsize=1)
def rows() -> tuple[_Row, ...]:
    from draftkit.resources import data_file

    return tuple(_Row(r["key"], r["what"], re.compile(r["find"]), re.compile(r["unless"]) if r.get("unless") else None,
                      r["note"]) for r in data_file("carry.yaml")["standing"])


@dataclass(frozen=True)
class Standing:
    """A clause of last year's text that states last year's standing, with every row of
    data/carry.yaml standing it falls under (有望实现“十二连冠”: a forecast and a rank)."""

    clause: str
    found: tuple[_Row, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.found)

    def note(self) -> str:
        return f"「{self.clause}」" + "；".join(r.note for r in self.found)

    def flag(self) -> str:
        return f"{'、'.join(r.what for r in self.found)}，已在待确认中注明：{self.clause}"


def row_keys(clause: str) -> list[str]:
    """The rows of data/carry.yaml standing one clause falls under."""
    return [r.key for r in rows() if r.find.search(clause) and not (r.unless and r.unless.search(clause))]


def standings(text: str) -> list[Standing]:
    """The clauses of ``text`` (last year's sentence, figures written out) that state last
    year's standing, each once with the rows it falls under."""
    out = []
    for clause in clauses(text):
        keys = row_keys(clause)
        if keys:
            shown = clause if len(clause) <= 60 else clause[:58] + "…"
            out.append(Standing(shown, tuple(r for r in rows() if r.key in keys)))
    return out


__all__ = ["Standing", "row_keys", "rows", "standings"]
