"""Slots: ``{name}`` in a phrase or an item's text, filled from its values. One pattern,
one list of the slots every report fills by itself, one way to substitute."""

from __future__ import annotations

import functools
import re
from typing import Callable

from draftkit import rx

# A slot is an ASCII identifier or a Chinese name: {n}, {figure2}, {办理件数}.
SLOT_RE = rx.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff][\u4e00-\u9fff\w]*)\}")
# Filled by draftkit from the report itself; never asked: these, and the slots that name the
# issuer's own level (builtin_slots()).
REPORT_SLOTS: tuple[str, ...] = ("year", "next_year", "issuer", "place")
# What an unfilled slot is called in a draft (【待填：数字】), by the miner's base names.
SLOT_LABELS: dict[str, str] = {"n": "数字", "pct": "百分比", "figure": "数据", "f": "数据", "title": "文件名称",
                               "date": "日期", "y": "年份", "years": "起止年份"}
# What a draft shows where a value or a sentence is still to be given (render --draft);
# check reports them (F004).
TO_FILL = "【待填：{}】"
TO_WRITE = "【待写：{}】"
PLACEHOLDER_RE = rx.compile(r"【待[填写]：[^】\n]*】")
TO_WRITE_RE = rx.compile(r"【待写：[^】\n]*】")


def without_to_write(text: str) -> str:
    """A draft's paragraph less its 【待写：…】 notes (what the writer is asked, not report text)."""
    return TO_WRITE_RE.sub("", text)
# Slot numbering as the miner writes it: {n}, {n2}, {n3} …
_NUMBERED = rx.compile(r"\{([a-z_]+?)\d*\}")


@functools.lru_cache(maxsize=1)
def builtin_slots() -> tuple[str, ...]:
    """The slots draftkit fills by itself: the report's own (year, issuer…) and the level
    slots of data/levels.yaml (``slots``: {全域} 全县, {我方} 我县/我局, {本级政府} 县政府…)."""
    from draftkit import levels

    return (*REPORT_SLOTS, *levels.table().slots)


def builtin_values(year: int, issuer: str, place: str = "", level: str = "", leader: str = "") -> dict[str, int | str]:
    """The values of the built-in slots for a report."""
    from draftkit import levels
    from draftkit.domain import place_of

    out: dict[str, int | str] = {"year": year, "next_year": year + 1, "issuer": issuer, "place": place or issuer}
    out.update(levels.values(issuer, level, place or place_of(issuer), leader))
    return out


def label(name: str) -> str:
    """How a draft names an unfilled slot: {n2} → 数字, {办理件数} → 办理件数."""
    m = rx.compile(r"([a-z_]+?)\d*").fullmatch(name)
    return SLOT_LABELS.get(m.group(1), name) if m else name


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
