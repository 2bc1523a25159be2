"""The words the miner knows, kept as data files like jieba keeps dictionaries:
``data/topics.yaml`` (topic keywords and their weights), ``data/terms.txt`` (fixed
expressions never to be cut: 二十大, 习近平法治思想, 新理念新思想新战略) and
``data/function_words.txt`` (what a formula may not start or end on). jieba cuts text
into words with all of them in its dictionary."""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1)
def topics() -> tuple[tuple[str, dict[str, int]], ...]:
    """(topic key, {keyword: weight}) in the order ties are broken; a keyword weighs its
    length in characters unless the file gives a weight."""
    from draftkit.resources import data_file

    raw = data_file("topics.yaml")
    out = []
    for entry in raw["topics"]:
        weights: dict[str, int] = {}
        for w in entry["words"]:
            if isinstance(w, dict):
                weights.update({str(k): int(v) for k, v in w.items()})
            else:
                weights.setdefault(str(w), len(str(w)))
        out.append((entry["key"], weights))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def terms() -> tuple[str, ...]:
    return tuple(ln.split()[0] for ln in _lines("terms.txt"))


@functools.lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Words by where a formula may not be cut: ``no_start`` (的……), ``no_end`` (……为,
    ……纳入), ``stop_before`` (it may end in mid-clause before these: function words and
    generic head nouns) and ``start_after`` (it may start in mid-clause after these:
    function words and verbs)."""
    kinds: dict[str, set[str]] = {}
    for ln in _lines("function_words.txt"):
        word, where = ln.split()
        kinds.setdefault(where, set()).add(word)
    fw = kinds.get("首尾", set()) | kinds.get("尾", set())
    return {"no_start": frozenset(kinds.get("首尾", set())), "no_end": frozenset(fw | kinds.get("动词", set())),
            "stop_before": frozenset(fw | kinds.get("后接", set())),
            "start_after": frozenset(fw | kinds.get("动词", set()))}


@functools.lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for w in terms():
        jieba.add_word(w, freq=5000)
    for _, weights in topics():
        for w in weights:
            jieba.add_word(w, freq=2000)
    return jieba


@functools.lru_cache(maxsize=16384)  # bounded: 65,536 entries held ~100 MB at province scale
def segment(text: str) -> tuple[str, ...]:
    """jieba's words, with the dictionary's terms and keywords kept whole."""
    return tuple(_jieba().lcut(text))


def ends_on_word(text: str) -> bool:
    """Whether text ends with a whole word: not a lone character (交通运) nor the head of a
    longer word that is no word itself (迈上新台)."""
    words = segment(text)
    if not words:
        return False
    last = words[-1]
    return len(last) >= 2 and _jieba().dt.FREQ.get(last, 0) > 0


def unfinished(text: str) -> bool:
    """A piece that stops mid-sentence: an ellipsis, or no closing punctuation and no whole
    word at its end (迈上新台, 开创了交通运). A last line that only lost its full stop
    (……保驾护航) is finished."""
    text = text.strip()
    if not text or text.endswith(("…", "...")):
        return True
    return text[-1] not in "。！？；：”’」）)》" and not ends_on_word(text)
