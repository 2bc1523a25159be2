"""Slots: ``{name}`` in a phrase or an item's text, filled from its values. One pattern,
one list of the slots every report fills by itself, one way to substitute."""

from __future__ import annotations

import functools
import re
from typing import Callable


# A slot is an ASCII identifier or a Chinese name: {n}, {figure2}, {办理件数}.
SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff][\u4e00-\u9fff\w]*)\}")
# Filled by draftkit from the report itself; never asked: these, and the slots that name the
# issuer's own level (builtin_slots()).
REPORT_SLOTS: tuple[str, ...] = ("year", "next_year", "issuer", "place")
# By the miner's base names ({n}, {n2}, {pct} …): what a slot is called wherever a user
# sees it (【待填：数字】, the prompts, the lists) and what it holds (a figure's measure word
# is asked, a rate is a percentage …); a name not listed is text, called by itself.
SLOT_BASES: dict[str, tuple[str, str]] = {
    "n": ("数字", "figure:"), "f": ("数据", "figure:"), "figure": ("数据", "figure:"), "pct": ("百分比", "percent"),
    "title": ("文件名称", "title"), "date": ("日期", "date"), "y": ("年份", "year"), "year": ("年份", "year"),
    "years": ("起止年份", "years")}
SLOT_LABELS: dict[str, str] = {base: shown for base, (shown, _) in SLOT_BASES.items()}
# What a draft shows where a value or a sentence is still to be given (render --draft);
# check reports them (F004).
TO_FILL = "【待填：{}】"
TO_WRITE = "【待写：{}】"
PLACEHOLDER_RE = re.compile(r"【待[填写]：[^】\n]*】")
TO_WRITE_RE = re.compile(r"【待写：[^】\n]*】")


def without_to_write(text: str) -> str:
    """A draft's paragraph less its 【待写：…】 notes (what the writer is asked, not report text)."""
    return TO_WRITE_RE.sub("", text)
# Slot numbering as the miner writes it: {n}, {n2}, {n3} …
_NUMBERED = re.compile(r"\{([a-z_]+?)\d*\}")


@functools.lru_cache(maxsize=1)
def builtin_slots() -> tuple[str, ...]:
    """The slots draftkit fills by itself: the report's own (year, issuer…) and the level
    slots of the issuer model (data/issuers.yaml ``slots``: {全域} 全县, {我方} 我县/我局, {本级政府} 县政府…)."""
    from draftkit import issuers

    return (*REPORT_SLOTS, *issuers.slot_names())


def builtin_values(year: int, issuer: str, place: str = "", level: str = "", leader: str = "") -> dict[str, int | str]:
    """The values of the built-in slots for a report."""
    from draftkit import issuers

    out: dict[str, int | str] = {"year": year, "next_year": year + 1, "issuer": issuer, "place": place or issuer}
    out.update(issuers.values(issuer, level, place, leader))
    return out


def _base(name: str) -> str:
    m = re.compile(r"([a-z_]+?)\d*").fullmatch(name)
    return m.group(1) if m else ""


def label(name: str) -> str:
    """How a draft names an unfilled slot: {n2} → 数字, {办理件数} → 办理件数."""
    return SLOT_LABELS.get(_base(name), name)


def kind_by_name(name: str) -> str:
    """What a slot holds, by its name: {n}/{f1} a figure (its unit to give), {pct} a rate,
    {y} a year, {title} a document …; any other name text."""
    return "text" if name == "year" else SLOT_BASES.get(_base(name), ("", "text"))[1]


def shown_names(text: str) -> dict[str, str]:
    """Each slot of a text (built-in ones aside) as a user is shown it: its label, numbered
    where the text has two of one kind ({n} {n2} {title} → 数字1, 数字2, 文件名称)."""
    builtin = builtin_slots()
    own = [n for n in names(text) if n not in builtin]
    counts: dict[str, int] = {}
    for n in own:
        counts[label(n)] = counts.get(label(n), 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for n in own:
        shown = label(n)
        if counts[shown] > 1:
            seen[shown] = seen.get(shown, 0) + 1
            shown = f"{shown}{seen[shown]}"
        out[n] = shown
    return out


def with_marks(text: str, shown: dict[str, str] | None = None) -> str:
    """The text as a user is shown it: each slot (built-in ones aside) as 【数字1】…"""
    shown = shown_names(text) if shown is None else shown
    return substitute(text, lambda n: f"【{shown[n]}】" if n in shown else None)


def from_marks(text: str, shown: dict[str, str] | None = None) -> str:
    """A text typed back from ``with_marks``: each 【名称】 a slot again — the one ``shown``
    names it for, or a new slot of that kind (【数字】 → {n1}, 【百分比】 → {pct1} …)."""
    slot_of = {v: k for k, v in (shown or {}).items()}
    taken = set(slot_of.values()) | set(names(text))
    base_of = {shown: base for base, (shown, _) in reversed(list(SLOT_BASES.items()))}

    def sub(m: re.Match) -> str:
        mark = m.group(1)
        if mark in slot_of:
            return "{" + slot_of.pop(mark) + "}"
        base = base_of.get(re.compile(r"\d+$").sub("", mark))
        if base is None:
            return m.group(0)
        name = fresh_name(taken, base)
        taken.add(name)
        return "{" + name + "}"

    return re.compile(r"【([^】\n]{1,12})】").sub(sub, text)


def unit_after(text: str, name: str) -> str:
    """The measure word written right after the slot ({n}件 → 件, {n}余名 → 余名), or ''."""
    from draftkit.figures import APPROX_AFTER, MEASURE_WORDS

    at = text.find("{" + name + "}")
    if at < 0:
        return ""
    rest = text[at + len(name) + 2:]
    approx = rest[:1] if rest[:1] in APPROX_AFTER else ""
    words = sorted(MEASURE_WORDS, key=len, reverse=True)
    word = next((w for w in words if rest[len(approx):].startswith(w)), "")
    return approx + word if word else ""


def absorb_units(text: str, units: dict[str, str]) -> str:
    """``{n}件`` → ``{n}`` where the value of {n} carries the unit 件 itself (so that it is
    not written twice, and its 同比 follows the unit: 1523件，同比增长5%)."""
    for name, unit in units.items():
        if unit and unit != "%" and unit_after(text, name) == unit:
            text = text.replace("{" + name + "}" + unit, "{" + name + "}", 1)
    return text


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
    the slot (a figure reads differently mid-phrase and at a clause end; ``around``)."""

    def sub(m: re.Match) -> str:
        from draftkit.figures import around

        out = lookup(m.group(1), *around(text, m.start(), m.end()))
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
