"""Slots: ``{name}`` in a phrase or an item's text, filled from its values. One pattern,
one list of the slots every report fills by itself, one way to substitute."""

from __future__ import annotations

import re
from typing import Callable

# A slot is an ASCII identifier or a Chinese name: {n}, {figure2}, {办理件数}.
SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff][\u4e00-\u9fff\w]*)\}")
# Filled by draftkit from the report itself; never asked.
BUILTIN_SLOTS: tuple[str, ...] = ("year", "next_year", "issuer", "place")
# Slot numbering as the miner writes it: {n}, {n2}, {n3} …
_NUMBERED = re.compile(r"\{([a-z_]+?)\d*\}")


def builtin_values(year: int, issuer: str, place: str = "") -> dict[str, int | str]:
    """The values of the built-in slots for a report."""
    return {"year": year, "next_year": year + 1, "issuer": issuer, "place": place or issuer}


def names(text: str) -> list[str]:
    """The slots of a text, in order, each once."""
    return list(dict.fromkeys(SLOT_RE.findall(text)))


def substitute(text: str, lookup: Callable[[str], str | None]) -> str:
    """Each ``{slot}`` replaced by ``lookup(name)``; left as it is where that gives None."""

    def sub(m: re.Match) -> str:
        out = lookup(m.group(1))
        return m.group(0) if out is None else out

    return SLOT_RE.sub(sub, text)


def substitute_in_context(text: str, lookup: Callable[[str, str, str], str | None]) -> str:
    """As ``substitute``, with ``lookup(name, before, after)`` given the text on either side of
    the slot (a figure reads differently mid-phrase and at a clause end)."""

    def sub(m: re.Match) -> str:
        out = lookup(m.group(1), text[:m.start()], text[m.end():])
        return m.group(0) if out is None else out

    return SLOT_RE.sub(sub, text)


def blank(text: str, filler: str = "") -> str:
    """The text with every slot replaced by ``filler`` (for measuring or matching it)."""
    return SLOT_RE.sub(filler, text)


def unnumbered(text: str) -> str:
    """``{n2}`` → ``{n}``: the same sentence whatever the numbering of its slots."""
    return _NUMBERED.sub(r"{\1}", text)


def fresh_name(taken: set[str] | dict, base: str = "f") -> str:
    """A slot name not yet used in an item: f1, f2 … (figures carry the base ``f``)."""
    i = 1
    while f"{base}{i}" in taken:
        i += 1
    return f"{base}{i}"
