"""Level-aware wording (data/levels.yaml): the words by which a report names its own
level (全县, 我局, 县政府, 县长…) are slots in the bank, filled from the issuer; an entry
that names another level is offered only to the levels it fits.

Levels of government run 省 > 市 > 县区 > 乡镇; a department (部门) stands at the level of
its place (青岚县司法局 at 县区).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Table:
    """The levels and the mining rules, as data/levels.yaml gives them (what an issuer calls
    itself and its leaders is data/issuers.yaml's: issuers.py)."""

    units: dict[str, str]
    level_unit: dict[str, str]
    order: tuple[str, ...]
    neutral: tuple[tuple[str, str], ...]
    department_self: str
    mentions: dict[str, str]
    reserved: dict[str, str]
    government_only: str
    lacking: dict[str, str]
    justice_only: str
    peoples: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def table() -> _Table:
    from draftkit.resources import data_file

    raw = data_file("levels.yaml")  # with libyaml: the pure-Python parser took 20 ms here
    return _Table(raw["units"], raw["level_unit"], tuple(raw["order"]), tuple(tuple(x) for x in raw["neutral"]),
                  raw["department_self"], raw["mentions"], raw["reserved"], raw["government_only"],
                  raw.get("lacking", {}), raw["justice_only"], tuple(raw["peoples"]))


@functools.lru_cache(maxsize=1)
def place_units() -> tuple[str, ...]:
    """What a place's name ends with (``units``: 自治区, 省, 市, 州 … 镇, 乡), longest first."""
    return tuple(sorted(table().units, key=len, reverse=True))


def place_pattern(*more: str) -> str:
    """A place's name as a pattern: two to four characters and its unit (青岚县, 石桥镇), the
    names of peoples between them in an autonomous area's (金沙彝族自治县, 云岭土家族苗族自治州),
    or one of ``more``."""
    peoples = "|".join(sorted(table().peoples, key=len, reverse=True))
    return r"[\u4e00-\u9fff]{2,4}?(?:(?:" + peoples + ")族)*(?:" + "|".join((*place_units(), *more)) + ")"


def place_unit(place: str) -> str:
    """The unit a place's name ends with: 青岚县 → 县, 广西壮族自治区 → 自治区; '' for none."""
    return next((u for u in place_units() if place.endswith(u) and len(place) > len(u)), "")


def place_rank(unit: str) -> int:
    """How high a unit stands: 0 for 省 and 自治区, 1 for 市, 州, 盟 … 3 for 镇 and 乡."""
    t = table()
    return t.order.index(t.units[unit])


def unit_of(place: str, level: str = "") -> str:
    """The one character a report names its own level with: 青岚县 → 县; without a place, by level."""
    return place_unit(place) or table().level_unit.get(level, "县")


def government_level(level: str, place: str = "") -> str:
    """The level of government a report speaks for: a department's is its place's."""
    if level and level != "部门":
        return level
    return table().units.get(unit_of(place, level), "县区")


def leader_problem(title: str) -> str | None:
    """Why a principal leader's title (issuer.leader) is not one, or None."""
    if re.compile(r"[\u4e00-\u9fff·、]{2,16}").fullmatch(title.strip()):  # compiled when a leader is given
        return None
    return f"主要负责人“{title}”应写职务，如 县长、局长、党组书记、局长（2–16 个汉字）"


@functools.lru_cache(maxsize=32)
def _neutral_rules(u: str) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(find.replace("{u}", u)), "{" + slot + "}") for find, slot in table().neutral)


@functools.lru_cache(maxsize=1)
def _mentions() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((level, re.compile(rule)) for level, rule in table().mentions.items())


def neutralise(text: str, source_place: str) -> tuple[str, list[str], tuple[str, ...]]:
    """The source's own-level words made slots. Returns the text, the slots put in, and the
    levels the text may be offered to (empty: every level)."""
    t = table()
    slots: list[str] = []

    def put(slot: str):
        def sub(_m: re.Match) -> str:
            if slot[1:-1] not in slots:
                slots.append(slot[1:-1])
            return slot
        return sub

    text = re.compile(t.department_self).sub(put("{我方}"), text)
    if not source_place:
        return text, slots, _allowed(text, None)
    u = unit_of(source_place)
    for pattern, slot in _neutral_rules(u):
        text = pattern.sub(put(slot), text)
    return text, slots, _allowed(text, t.units.get(u))


def marks() -> tuple[str, ...]:
    """What an entry's ``levels`` may list, in this order: the levels of government, then
    部门 (any department) and 司法部门 (a justice bureau, which also takes the county's 复议 and 调解 work)."""
    return (*table().order, "部门", "司法部门")


def levels_text(levels: str) -> str:
    """An entry's levels as a clerk reads them: 县区、乡镇、部门; 司法部门 alone is 司法行政部门."""
    names = levels.split(",")
    if "部门" in names and "司法部门" in names:
        names.remove("司法部门")
    return "、".join("司法行政部门" if n == "司法部门" else n for n in names)


def _allowed(text: str, source: str | None) -> tuple[str, ...]:
    """Levels fit to say ``text``: a level above the source's is named only by those below
    it, a level below only by those above; one's own level left as words fits only itself;
    what only governments do is not for departments (部门), and the justice bureau's own work
    (复议, 公共法律服务, 调解, 律师…) only for justice departments (司法部门)."""
    order = table().order
    every = marks()
    allowed = set(order)
    for level, pattern in _mentions():
        if not pattern.search(text):
            continue
        rank = order.index(level)
        if source is None or level == source:
            allowed &= {source or level}
        elif rank < order.index(source):  # a higher level, named from below
            allowed &= set(order[rank + 1:])
        else:  # a lower level, named from above
            allowed &= set(order[:rank])
    for level, rule in table().reserved.items():  # powers only this level and those above have
        if re.compile(rule).search(text):
            allowed &= set(order[:order.index(level) + 1])
    if not allowed:  # names levels that no single level can: keep it for its source's own;
        if source is None:  # of a source whose level is unknown (各县（区） and 市直): for no issuer
            return ("-",)
        allowed = {source}
    for level, rule in table().lacking.items():  # powers or bodies this level has not
        if re.compile(rule).search(text):
            allowed.discard(level)
    if not re.compile(table().government_only).search(text):
        allowed.add("司法部门" if re.compile(table().justice_only).search(text) else "部门")
    if not allowed:
        return ("-",)  # fits no issuer
    if "部门" in allowed:
        allowed.add("司法部门")  # what every department may say, a justice department may too
    return () if allowed == set(every) else tuple(lv for lv in every if lv in allowed)
