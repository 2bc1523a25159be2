"""Which bank entries to offer first: a part's default sentences."""

from __future__ import annotations


import re

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


def offerable(bank: Bank, part: str, level: str = "", place: str = "", name: str = "") -> list[Entry]:
    """The entries of a part that may be offered to an issuer: whole sentences graded
    usable (mining/grade.py) that fit its level (levels.py)."""
    from draftkit.issuers import offered

    return [e for e in bank.entries() if e.part == part and e.kind in ("sentence", "item") and e.grade == "ok"
            and offered(e.levels, level, place, name, e.text)]


def recommended(bank: Bank, part: str, n: int, level: str = "", place: str = "", name: str = "") -> list[Entry]:
    """Default sentences for a part: the bank's most used first, then those doing the
    part's core job (results, causes, the leaders' concrete duties, tasks), of clause
    length, not lead-ins; one a topic before a second of any; a shortcoming's cause
    among the shortcomings. Only usable entries that fit the issuer's level."""
    pool = sorted(offerable(bank, part, level, place, name), key=lambda e: (-_score(e), e.id))
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
    """The offerable entries of a part by topic, each topic's best first (as recommended)."""
    out: dict[str, list[Entry]] = {}
    for e in sorted(offerable(bank, part, level, place, name), key=lambda e: (-_score(e), e.id)):
        out.setdefault(e.topic, []).append(e)
    return out
