"""Which lines of a bank file a search for some words has to read, found in the raw
bytes without decoding or parsing the file: a 50,000-entry bank is 19 MB, and decoding
it alone costs more than the whole search on the shipped bank.

A line is read when it contains one of the words as written (write_bank writes JSON with
ensure_ascii off, so a word's UTF-8 bytes are in its line as they are in its text), when
it holds a backslash (an escape may hide a word: ``\\u884c``), or when it does not begin
as write_bank begins a line (edited by hand, or damaged: reading it gives the warning
naming file and line). A line in write_bank's shape without the words cannot match and
is not read; bank/searching.py checks every line of a file first unless its search keys
are fresh (bank/keys.py), so that a line damaged past the words is still reported.
"""

from __future__ import annotations

import json
import re
from functools import cache


_START = b'{"id":"'


@cache
def _odd_line() -> re.Pattern[bytes]:
    """A line break followed by neither the start write_bank writes nor the end."""
    return re.compile(rb'\n(?!\{"id":"|\Z)')


def searchable(words: list[str]) -> list[bytes] | None:
    """The words as they appear in a bank line's bytes; None when a word would be
    escaped in JSON (a quote, a backslash, a control character): then read everything."""
    out = []
    for w in words:
        if json.dumps(w, ensure_ascii=False)[1:-1] != w:
            return None
        out.append(w.encode("utf-8"))
    return out


def _lines_with(data, word: bytes):
    """(start, end) of each line of ``data`` holding ``word``, once a line."""
    find, rfind, size = data.find, data.rfind, len(data)
    pos = find(word)
    while pos >= 0:
        start = rfind(b"\n", 0, pos) + 1
        end = find(b"\n", pos)
        if end < 0:
            end = size
        yield start, end
        pos = find(word, end)


def candidate_lines(data, words: list[bytes], every: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each line of ``data`` (bytes or a read-only mmap) that can match
    one of the words (with ``every``, all of them) or is not in the shape write_bank
    writes, in file order; ``end`` is the line's newline (or the end)."""
    size = len(data)
    find, rfind = data.find, data.rfind
    spans: dict[int, int] = {}
    if every:  # the lines of the longest word (the rarest, likely) that hold the others too
        words = sorted(words, key=len, reverse=True)
        first, rest = words[0], words[1:]
        for start, end in _lines_with(data, first):
            if all(find(w, start, end) >= 0 for w in rest):
                spans[start] = end
        words = []
    for w in [*words, b"\\"]:
        spans.update(_lines_with(data, w))
    odd = [m.end() for m in _odd_line().finditer(data)]
    if size and data[:len(_START)] != _START:
        odd.append(0)
    for start in odd:
        if start not in spans:
            end = find(b"\n", start)
            spans[start] = size if end < 0 else end
    return sorted(spans.items())


def line_at(path, offset: int) -> int:
    """The number of the line starting at a byte offset of a bank file (for a warning),
    counted a megabyte at a time: the file is not read whole."""
    from draftkit.inputs import BANK_LIMIT, mapped

    with mapped(path, BANK_LIMIT, "短语库文件") as view:
        return sum(view[at:min(at + (1 << 20), offset)].count(b"\n") for at in range(0, offset, 1 << 20)) + 1
