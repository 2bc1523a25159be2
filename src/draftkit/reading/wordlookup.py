"""jieba's extended dictionary (lexicon.py) kept a second way, for a process that only
asks whether a few lines end on a whole word (the reader's test of a last line cut off
mid-word, parts.py): a sorted word list searched where it lies, instead of the half a
million words made into a dict, which costs each batch worker some 0.4 s to read.

jieba cuts a run of text looking up only the run's own substrings (the prefix
dictionary, words with their counts and their prefixes with 0) and the total, so a
tokenizer whose FREQ looks words up here cuts every run as the full dictionary does.

The file (draftkit's cache folder, beside the JSON of the same name) is data only:
``DKWORDS1``, the total and the count (two 64-bit integers), then one ``word<TAB>count``
line a word in the order of their UTF-8 bytes. It is checked when read (header, count of
lines and tabs, no empty word) and each lookup checks the line it reads; anything wrong
and the caller uses the full dictionary instead."""

from __future__ import annotations

import struct

MAGIC = b"DKWORDS1"
_HEAD = struct.Struct("<8sqq")


class Damaged(Exception):
    """The word list is not as it was written: the caller uses the full dictionary."""


def pack(freq: dict[str, int], total: int) -> bytes:
    """The word list of a prefix dictionary and its total."""
    lines = b"".join(f"{w}\t{c}\n".encode("utf-8") for w, c in sorted(freq.items()))
    return _HEAD.pack(MAGIC, total, len(freq)) + lines


class Words:
    """A prefix dictionary in a word list: ``word in words``, ``words.get(word)``,
    ``words[word]`` as jieba's FREQ answers them (a word's count, 0 for a prefix)."""

    def __init__(self, data: bytes) -> None:
        if len(data) < _HEAD.size:
            raise Damaged("short")
        magic, self.total, count = _HEAD.unpack_from(data)
        text = data[_HEAD.size:]
        if magic != MAGIC or self.total < 0 or count < 0 or (text and not text.endswith(b"\n")) \
                or text.count(b"\n") != count or text.count(b"\t") != count or text.startswith(b"\t") \
                or b"\n\t" in text:
            raise Damaged("header")
        self.text, self.count = text, count

    def _find(self, word: str) -> int | None:
        key = word.encode("utf-8")
        text = self.text
        lo, hi = 0, len(text)  # both at the start of a line
        while lo < hi:
            start = text.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            start = max(start, lo)
            tab, end = text.find(b"\t", start), text.find(b"\n", start)
            if not start <= tab < end:
                raise Damaged("line")
            here = text[start:tab]
            if here == key:
                count = text[tab + 1:end]
                if not count.isdigit():
                    raise Damaged("count")
                return int(count)
            if here < key:
                lo = end + 1
            else:
                hi = start
        return None

    def __contains__(self, word: str) -> bool:
        return self._find(word) is not None

    def __getitem__(self, word: str) -> int:
        count = self._find(word)
        if count is None:
            raise KeyError(word)
        return count

    def get(self, word: str, default=None):
        count = self._find(word)
        return default if count is None else count


def tokenizer(words: Words):
    """A jieba tokenizer cutting with ``words`` (nothing else loaded)."""
    import jieba

    t = jieba.Tokenizer()
    t.FREQ, t.total, t.initialized = words, words.total, True
    return t
