"""The words the reader knows (for a line cut off mid-word, the miner's units, check's
topics), kept as data files like jieba keeps dictionaries:
``data/topics.yaml`` (topic keywords and their weights), ``data/terms.txt`` (fixed
expressions never to be cut: 二十大, 习近平法治思想, 新理念新思想新战略) and
``data/function_words.txt`` (what a formula may not start or end on). jieba cuts text
into words with all of them in its dictionary."""

from __future__ import annotations

import functools
from pathlib import Path

from draftkit.punctuation import PIECE_END

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
def topic_context() -> dict[str, int]:
    """How the headings above a unit weigh in its topic (topics.yaml ``context``)."""
    from draftkit.resources import data_file

    raw = data_file("topics.yaml").get("context") or {}
    return {k: int(raw.get(k, 0)) for k in ("weight", "min_score", "min_lead", "depth", "below")}


@functools.lru_cache(maxsize=1)
def terms() -> tuple[str, ...]:
    return tuple(ln.split()[0] for ln in _lines("terms.txt"))


@functools.lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Words by where a formula may not be cut: ``no_start`` (的……), ``no_end`` (……为,
    ……纳入), ``stop_before`` (it may end in mid-clause before these: function words and
    generic head nouns) and ``start_after`` (it may start in mid-clause after these:
    function words and verbs)."""
    import re

    kinds: dict[str, set[str]] = {}
    frames: dict[str, re.Pattern] = {}
    closers: dict[str, re.Pattern] = {}
    for ln in _lines("function_words.txt"):
        word, where = ln.split()
        if where.startswith("框架："):
            frames[word] = re.compile(where[3:])
            continue
        if where.startswith("收尾："):
            closers[word] = re.compile(where[3:])
            continue
        kinds.setdefault(where, set()).add(word)
    fw = kinds.get("首尾", set()) | kinds.get("尾", set())
    return {"no_start": frozenset(kinds.get("首尾", set())), "no_end": frozenset(fw | kinds.get("动词", set()) | kinds.get("定语", set())),
            "stop_before": frozenset(fw | kinds.get("后接", set())),
            "start_after": frozenset(fw | kinds.get("动词", set())),
            "verbs": frozenset(kinds.get("动词", set())), "joining": frozenset(kinds.get("并列", set())),
            "frames": frames, "closers": closers, "heads": frozenset(kinds.get("后接", set()))}


@functools.lru_cache(maxsize=1)
def _jieba():
    """jieba with our terms and keywords in its dictionary. The dictionary so extended is
    kept as data (JSON) in draftkit's cache folder, checked when read back and rebuilt
    when it is wrong in any way or when jieba, its dictionary or our word lists change.
    jieba's own cache (a marshal file in the system's shared temporary folder) is never
    read or written: the prefix dictionary is built here, and jieba's log is silenced so
    that none of its messages reaches the clerk."""
    import logging

    import jieba

    jieba.setLogLevel(logging.CRITICAL + 1)
    words = added_words()
    tokenizer = jieba.dt
    name = _dictionary_cache(jieba, words)
    kept = _load_dictionary(name, words)
    with tokenizer.lock:
        if kept is not None:
            tokenizer.FREQ, tokenizer.total = kept
        else:
            tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        tokenizer.initialized = True
    if kept is None:
        for w, freq in words:
            tokenizer.add_word(w, freq=freq)
        _save_dictionary(tokenizer, name)
    _save_word_list(tokenizer, name, again=kept is None)  # a dictionary rebuilt: its list too
    return jieba


def _word_list_name(name: str) -> str:
    return name.removesuffix(".json") + ".words"


def _save_word_list(tokenizer, name: str, again: bool = False) -> None:
    """The dictionary as a word list too (wordlookup.py), written when there is none that
    reads as a list of as many words and the same total (``again``: written in any case,
    over one found damaged or beside a dictionary rebuilt)."""
    from draftkit import cachestore
    from draftkit.reading.wordlookup import Damaged, Words, pack

    if not again and (raw := cachestore.read(_word_list_name(name))) is not None:
        try:
            kept = Words(raw)
            if kept.total == tokenizer.total and kept.count == len(tokenizer.FREQ):
                return
        except Damaged:
            pass
    cachestore.write(_word_list_name(name), pack(tokenizer.FREQ, tokenizer.total))


@functools.lru_cache(maxsize=1)
def _looked_up():
    """A tokenizer cutting as _jieba()'s does with the dictionary searched in its word list
    (wordlookup.py), for a process that asks of a few lines only; None when there is no
    such list (the full dictionary is then loaded, and the list written for next time)."""
    import logging

    import jieba

    from draftkit import cachestore
    from draftkit.reading.wordlookup import Damaged, Words, tokenizer

    jieba.setLogLevel(logging.CRITICAL + 1)
    raw = cachestore.read(_word_list_name(_dictionary_cache(jieba, added_words())))
    try:
        return tokenizer(Words(raw)) if raw is not None else None
    except Damaged:
        return None


def added_words() -> list[tuple[str, int]]:
    """(word, frequency) added to jieba's dictionary: terms first, then topic keywords."""
    return [(w, 5000) for w in terms()] + [(w, 2000) for _, weights in topics() for w in weights]


def _dictionary_cache(jieba, words: list[tuple[str, int]]) -> str:
    """The cache file's name: it changes with jieba, its dictionary and our words."""
    import hashlib

    tokenizer = jieba.dt
    dictionary = Path(tokenizer.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    stat = dictionary.stat()
    key = hashlib.sha1(repr((jieba.__version__, str(dictionary), stat.st_size, stat.st_mtime_ns,
                             words)).encode("utf-8")).hexdigest()[:16]
    return f"jieba-{key}.json"


def _load_dictionary(name: str, words: list[tuple[str, int]]) -> tuple[dict[str, int], int] | None:
    """(frequencies, total) as kept in the cache file, or None when there is none or it is
    not exactly that: a JSON object whose "freq" maps non-empty words to counts ≥ 0, holding
    our words with their counts, and whose "total" is a count ≥ 0."""
    import json

    from draftkit import cachestore

    raw = cachestore.read(name)
    if raw is None:
        return None
    try:
        kept = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(kept, dict):
        return None
    freq, total = kept.get("freq"), kept.get("total")
    if not isinstance(freq, dict) or type(total) is not int or total < 0:
        return None
    if not all(type(v) is int and v >= 0 for v in freq.values()) or "" in freq:
        return None
    if any(freq.get(w) != f for w, f in dict(words).items()):  # a word given twice: its last count
        return None
    return freq, total


def _save_dictionary(tokenizer, name: str) -> None:
    import json

    from draftkit import cachestore

    data = json.dumps({"freq": tokenizer.FREQ, "total": tokenizer.total}, ensure_ascii=False, separators=(",", ":"))
    cachestore.write(name, data.encode("utf-8"))


def segment(text: str) -> tuple[str, ...]:
    """jieba's words, with the dictionary's terms and keywords kept whole. jieba cuts each
    run of Han characters and letters on its own; those runs (clauses, mostly) recur across
    a province's reports far more than whole sentences do, so each is cut once."""
    blocks = _jieba().re_han_default.split(text)
    if len(blocks) == 1:
        return _segment_block(text) if text else ()
    out: list[str] = []
    for blk in blocks:
        if blk:
            out.extend(_segment_block(blk))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """The words jieba's dictionary tags as place names (ns): 深圳, 长三角, 西城区."""
    jieba = _jieba()
    dictionary = Path(jieba.dt.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    out = set()
    with dictionary.open(encoding="utf-8") as f:
        for line in f:
            if line.endswith(" ns\n"):
                out.add(line.split(" ", 1)[0])
    return frozenset(out)


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has the word (0 when not at all)."""
    return _jieba().dt.FREQ.get(word) or 0


def last_word(text: str) -> str | None:
    """The last of segment(text)'s words, from its last run alone."""
    for block in reversed(_jieba().re_han_default.split(text)):
        if block:
            return segment(block)[-1]
    return None


@functools.lru_cache(maxsize=32768)  # bounded: a few MB of short clauses
def _segment_block(block: str) -> tuple[str, ...]:
    import sys

    return tuple(sys.intern(w) for w in _jieba().lcut(block))


def ends_on_word(text: str) -> bool:
    """Whether text ends with a whole word: not a lone character (交通运) nor the head of a
    longer word that is no word itself (迈上新台). Where the full dictionary is not loaded
    (a batch worker), the last run is cut with the word list alone (the same words)."""
    if not _jieba.cache_info().currsize and (cut := _looked_up()) is not None:
        from draftkit.reading.wordlookup import Damaged

        try:
            return _ends_on_word(cut, text)
        except Damaged:  # written over once the full dictionary is loaded; not used again in this process
            import jieba

            _save_word_list(_jieba().dt, _dictionary_cache(jieba, added_words()), again=True)
    tokenizer = _jieba().dt
    words = segment(text)
    return bool(words) and len(words[-1]) >= 2 and tokenizer.FREQ.get(words[-1], 0) > 0


def _ends_on_word(tokenizer, text: str) -> bool:
    """ends_on_word with ``tokenizer``: the last of the last run's words (segment's last word)."""
    import jieba

    last = next((b for b in reversed(jieba.re_han_default.split(text)) if b), "")
    words = tokenizer.lcut(last) if last else []
    return bool(words) and len(words[-1]) >= 2 and tokenizer.FREQ.get(words[-1], 0) > 0


def unfinished(text: str) -> bool:
    """A piece that stops mid-sentence: an ellipsis, or no closing punctuation and no whole
    word at its end (迈上新台, 开创了交通运). A last line that only lost its full stop
    (……保驾护航) is finished."""
    text = text.strip()
    if not text or text.endswith(("…", "...")):
        return True
    return text[-1] not in PIECE_END + "：”’」）)》" and not ends_on_word(text)
