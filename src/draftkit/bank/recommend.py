"""Which bank entries to offer, and which first: a part's default sentences.

Each entry records the kinds and trades of the offices that wrote it (mining/provenance.py).
An entry only departments wrote is their trade's work: it is offered to departments of that
trade (a 教育局 is offered what 教育 bureaus wrote, a 税务局 none of it), and one only State
Council departments wrote to them alone. Of what may be offered, an office's own trade's
comes first, then what offices of its level of government wrote, then the rest, each as
the bank ranks them (seen in more reports first)."""

from __future__ import annotations

import re
from typing import Callable

from draftkit.bank.phrasebank import Bank, Entry

# What a part's default sentences should do (moves of ../shared/spec/phrasebank.md).
_CORE_MOVES = {
    "measures": {"result": 3, "measure": 2, "innovation": 2},
    "shortcomings": {"problem": 3, "cause": 3},
    "leadership": {"deploy": 3, "study": 3, "court": 3, "report": 3, "assess": 3, "supervise": 2},
    "plan": {"task": 3, "safeguard": 2},
}
_LEAD_IN = re.compile(r"如下|以下|下列|主要是$|考察|调研|学习借鉴")


def _score(e: Entry) -> int:
    score = e.docs * 10 + _CORE_MOVES.get(e.part, {}).get(e.move, 0)
    score += 2 if 12 <= len(e.text) <= 60 else 0
    return score - (20 if _LEAD_IN.search(e.text) else 0)


_DEPARTMENTS = frozenset({"department", "vertical", "state_department"})


def _writers(e: Entry) -> set[str]:
    return set(e.writers.split(",")) if e.writers else set()


def _trades(e: Entry) -> set[str]:
    return set(e.trades.split(",")) if e.trades else set()


_LOCAL = frozenset({"市", "县区"})  # a city's and a county's bureaus do the same kind of work


def written_for(e: Entry, kind: str, trade: str, tier: str = "") -> bool:
    """Whether an office of ``kind``, ``trade`` and ``tier`` (the issuer model's) may be
    offered an entry by who wrote it: one only departments wrote goes to departments of one
    of their trades, a province's departments' to a province's, a city's or county's to a
    city's or county's; one only State Council departments wrote, to State Council
    departments. An entry of an older bank, which does not say who wrote it, goes to all."""
    writers = _writers(e)
    if not writers or not writers <= _DEPARTMENTS:
        return True
    if kind not in _DEPARTMENTS or not trade or trade not in _trades(e):
        return False
    if kind == "state_department":
        return True
    if writers == {"state_department"}:
        return False
    tiers = set(e.tiers.split(",")) if e.tiers else set()
    return not tier or not tiers or tier in tiers or bool(tier in _LOCAL and tiers & _LOCAL)


def affinity(name: str, level: str = "", place: str = "") -> Callable[[Entry], int]:
    """How near an entry's writers are to the issuer: 0 a department of its trade wrote it,
    1 an office of its level of government (a county's for a county), 2 others (for
    sorting: its own trade's first, then its level's, each as the bank ranks them)."""
    from draftkit import issuers

    if not name:
        return lambda e: 2
    p = issuers.parse(name, level, place)
    trade, tier = p.trade, p.tier

    def near(e: Entry) -> int:
        if trade and trade in _trades(e):
            return 0
        return 1 if tier and tier in (e.tiers.split(",") if e.tiers else ()) else 2
    return near


def offerable(bank: Bank, part: str, level: str = "", place: str = "", name: str = "") -> list[Entry]:
    """The entries of a part that may be offered to an issuer: whole sentences graded
    usable (mining/grade.py) that fit its level (levels.py) and were written for an office
    like it (written_for); its own trade's first (affinity), each in the bank's order."""
    from draftkit import issuers
    from draftkit.issuers import offered

    p = issuers.parse(name, level, place) if name else None
    kind, trade, tier = (p.kind.key, p.trade, p.tier) if p else ("", "", "")
    near = affinity(name, level, place)
    found = [e for e in bank.entries() if e.part == part and e.kind in ("sentence", "item") and e.grade == "ok"
             and offered(e.levels, level, place, name, e.text) and (p is None or written_for(e, kind, trade, tier))]
    return sorted(found, key=near)


def recommended(bank: Bank, part: str, n: int, level: str = "", place: str = "", name: str = "") -> list[Entry]:
    """Default sentences for a part: the issuer's own trade's first (affinity), then the
    bank's most used, then those doing the part's core job (results, causes, the leaders' concrete duties, tasks), of clause
    length, not lead-ins; one a topic before a second of any; a shortcoming's cause
    among the shortcomings. Only usable entries that fit the issuer's level."""
    near = affinity(name, level, place)
    pool = sorted(offerable(bank, part, level, place, name), key=lambda e: (near(e), -_score(e), e.id))
    out: list[Entry] = []
    if part == "shortcomings":
        out.extend([e for e in pool if e.move == "cause"][:1])
    seen_topics = {e.topic for e in out}
    for e in pool:
        if len(out) >= n:
            break
        if e.topic not in seen_topics and e not in out:
            out.append(e)
            seen_topics.add(e.topic)
    for e in pool:
        if len(out) >= n:
            break
        if e not in out:
            out.append(e)
    return out


def by_topic(bank: Bank, part: str, level: str = "", place: str = "", name: str = "") -> dict[str, list[Entry]]:
    """The offerable entries of a part by topic, each topic's best first (as recommended:
    the issuer's own trade's first)."""
    near = affinity(name, level, place)
    out: dict[str, list[Entry]] = {}
    for e in sorted(offerable(bank, part, level, place, name), key=lambda e: (near(e), -_score(e), e.id)):
        out.setdefault(e.topic, []).append(e)
    return out
