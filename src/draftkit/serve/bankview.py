"""The phrase bank as the editor offers it: a part's sentences by topic, searched as one
types (bank.phrasebank's search), by default only those graded usable that fit the issuer
(bank/recommend.offerable), each with its grade, shown as the clerk reads them."""

from __future__ import annotations

SHOWN = 30  # results listed at a time



def used_ids(data: dict) -> set[str]:
    from draftkit.report.datafile import iter_items

    return {it.get("phrase") for p in (data.get("parts") or {}).values() for it in iter_items(p)
            if isinstance(it, dict) and it.get("phrase")}


_FITTING: dict[tuple, dict] = {}  # (bank, part, level, place, name) → by_topic's answer: the bank never changes


def fitting(bank, key: str, data: dict) -> dict:
    """bank/recommend.by_topic for the issuer of ``data``, worked out once a server's life."""
    from draftkit.bank.recommend import by_topic

    i = data.get("issuer") or {}
    k = (id(bank), key, i.get("level", ""), i.get("place", ""), i.get("name", ""))
    if k not in _FITTING:
        _FITTING[k] = by_topic(bank, *k[1:])
    return _FITTING[k]


def topics_of(bank, key: str, data: dict) -> list[tuple[str, str, int]]:
    """The topics of a part's offerable sentences: (topic, its name, how many)."""
    from draftkit.domain import TOPIC_NAMES

    groups = fitting(bank, key, data)
    return sorted(((t, TOPIC_NAMES.get(t, t), len(es)) for t, es in groups.items()), key=lambda x: -x[2])


def found(bank, data: dict, key: str, words: list[str], topic: str, everything: bool, shown) -> list[dict]:
    """What a search lists: ``shown(text)`` is how the clerk reads an entry's text."""
    from draftkit.domain import TOPIC_NAMES
    from draftkit.mining.grade import GRADE_NAMES

    fits = fitting(bank, key, data)
    if words:
        entries = bank.ranked(words, key, topic or None, None, SHOWN * 4, () if everything else ("no",))
        if not everything:
            ok = {e.id for es in fits.values() for e in es}
            entries = [e for e in entries if e.id in ok]
    else:
        entries = fits.get(topic, []) if topic else [e for es in fits.values() for e in es[:3]]
    used = used_ids(data)
    return [{"id": e.id, "text": shown(e.text), "grade": e.grade,
             "grade_name": GRADE_NAMES.get(e.grade, e.grade), "topic": TOPIC_NAMES.get(e.topic, e.topic),
             "docs": e.docs, "used": e.id in used} for e in entries[:SHOWN]]
