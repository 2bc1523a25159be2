"""Search keys: a sidecar ``PART.keys`` that write_bank writes beside each ``PART.jsonl``,
so that `phrases search` reads the few bank lines it shows rather than every line that
holds its words (法治 is in 15,648 lines of a 50,000-entry bank; it shows 20).

The file holds a header line::

    draftkit-keys 2 <byte order> <bank file size> <its SHA-256> <entries> <text bytes>

then the entries' texts, one a line, in the order a search ranks entries that tie on
words and score: more documents first, then by id; a control character of a text is
written as NUL (no word searched for holds one, so no word is found across it); then,
as native 8-byte integers, where each text line starts (and where the block ends), and
where each entry's line starts in the bank file.

The keys are *fresh* when the bank file has the size and the SHA-256 the header gives
(11 ms for 19 MB, paid by every search: a file edited in place with its size and time
put back is not the file the keys describe), and they are *sound*: a regular file (a
FIFO is never opened), of the length the header gives, text starts from 0 increasing to
the end, entry offsets inside the bank file, each at the start of a line (some 5 ms for
50,000 entries).
Then every line of the bank file is one write_bank wrote (one valid entry, ids unique
and sorted). A bank file edited by hand, or one without keys, is read the slower way
(every line checked, bank/searching.py), and its keys, derived then, are kept in
draftkit's cache folder, never beside the bank: a search writes nothing where the bank
is (the shipped one is inside the installation). Nothing here trusts a file the keys do
not describe.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MAGIC = b"draftkit-keys 2"

# A line as write_bank writes it, in bytes: id, text (JSON-escaped), docs.
_LINE = re.compile(rb'\{"id":"([^"\\\n]+)","text":"([^"\\\n]*(?:\\.[^"\\\n]*)*)","part":"\w+","move":"\w*",'
                   rb'"topic":"\w*","kind":"\w+","docs":(\d+),')
_CONTROL = re.compile(r"[\x00-\x1f]")


def keys_path(bank_file: Path) -> Path:
    return bank_file.with_suffix(".keys")


def digest(data) -> str:
    """The SHA-256 of a bank file's bytes (or of its mapping), as the keys name it."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def derive(data) -> bytes | None:
    """The keys of a bank file's bytes (or mapping); None when a line is not in
    write_bank's shape, is longer than a bank line may be, or ids are not unique and
    sorted (write_bank's own output always is)."""
    import json

    from draftkit.inputs import LINE_LIMIT

    rows: list[tuple[int, bytes, bytes, int]] = []  # (-docs, id, text, line start)
    pos, size, last = 0, len(data), b""
    while pos < size:
        end = data.find(b"\n", pos)
        end = size if end < 0 else end
        if end - pos > LINE_LIMIT:
            return None
        m = _LINE.match(data, pos, end)
        if m is None or m.group(1) <= last:
            return None
        pid, text, docs = m.groups()
        if b"\\" in text:  # escaped: the text itself (json.dumps leaves no raw control character)
            text = _CONTROL.sub("\x00", json.loads(b'"' + text + b'"')).encode("utf-8")
        rows.append((-int(docs), pid, text, pos))
        last, pos = pid, end + 1
    rows.sort()
    starts, offsets, texts, at = array("q"), array("q"), [], 0
    for _, _, text, start in rows:
        starts.append(at)
        offsets.append(start)
        texts.append(text + b"\n")
        at += len(text) + 1
    starts.append(at)
    head = b"%s %s %d %s %d %d\n" % (MAGIC, sys.byteorder.encode(), size, digest(data).encode(), len(rows), at)
    return head + b"".join(texts) + starts.tobytes() + offsets.tobytes()


def write_keys(bank_file: Path) -> None:
    """The keys of a bank file write_bank has just put in place, beside it; none (and an
    old keys file removed) when derive finds it not in write_bank's shape."""
    import mmap

    from draftkit.atomic import write_bytes

    with open(bank_file, "rb") as fh:
        if not fh.seek(0, 2):
            keys = derive(b"")
        else:
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                keys = derive(data)
    if keys is None:
        keys_path(bank_file).unlink(missing_ok=True)
        return
    write_bytes(keys_path(bank_file), keys)


@dataclass
class Keys:
    """Fresh keys of one mapped bank file."""

    texts: object  # the keys file, mapped: texts from ``begin`` to ``end``
    begin: int
    end: int
    starts: array  # where each text line starts, relative to ``begin``; one more at the end
    offsets: array  # where each entry's line starts in the bank file

    def line(self, i: int) -> tuple[int, int]:
        return self.begin + self.starts[i], self.begin + self.starts[i + 1] - 1

    def best(self, words: list[bytes], limit: int) -> list[int]:
        """Bank-file offsets of the lines holding every word that a search showing
        ``limit`` entries can show. A search ranks them by score (each word's length
        times how often it occurs), then in keys order; this picks a superset of its
        first ``limit``."""
        if len(words) == 1:
            return self._best_of_one(words[0], limit)
        import heapq

        texts, begin, starts = self.texts, self.begin, self.starts
        words = sorted(words, key=self._rarity)
        first, rest = words[0], words[1:]
        scored: list[tuple[int, int]] = []  # (-score, keys position) of the lines with every word
        pos = self.begin
        while True:  # every line holding the rarest word, scored when it holds the others too
            hit = texts.find(first, pos, self.end)
            if hit < 0:
                break
            i = bisect_right(starts, hit - begin) - 1
            start, end = self.line(i)
            for w in rest:
                if texts.find(w, start, end) < 0:
                    break
            else:
                line = texts[start:end]
                scored.append((-sum(len(w) * line.count(w) for w in words), i))
            pos = end + 1
        return sorted(self.offsets[i] for _, i in heapq.nsmallest(limit, scored))

    def _best_of_one(self, word: bytes, limit: int) -> list[int]:
        """For one word: the lines holding it ``n`` or more times, ``n`` the least for
        which there are fewer than ``limit`` (all of them rank first), and the first
        ``limit`` holding it ``n - 1`` or more times (the rest of the first ``limit``
        are among them). Its occurrences are told apart in C: the texts split at the
        word, a piece without a line break joins two occurrences in one line."""
        import re
        from itertools import accumulate, islice, repeat

        pieces = self.texts[self.begin:self.end].split(word)
        if len(pieces) == 1:
            return []
        # one byte an occurrence: 1 when it is the first of its line
        firsts = b"\x01" + bytes(map(bytes.__contains__, islice(pieces, 1, len(pieces) - 1), repeat(b"\n")))
        def at_least(n: int) -> re.Pattern[bytes]:  # a line holding it n times or more
            return re.compile(b"\x01\x00{%d,}" % (n - 1))

        n = 1
        while len(at_least(n + 1).findall(firsts)) >= limit:
            n += 1
        found = [m.start() for m in at_least(n + 1).finditer(firsts)]
        found += [m.start() for m in islice(at_least(n).finditer(firsts), limit)]
        at = list(accumulate(map(len, pieces)))  # where occurrence k starts, less k words
        return sorted({self.offsets[bisect_right(self.starts, at[k] + k * len(word)) - 1] for k in found})

    def _rarity(self, word: bytes) -> tuple[int, int]:
        """Occurrences in the first 256 KB of texts (enough to choose the word to walk by)."""
        return sum(1 for _ in _once(word).finditer(self.texts, self.begin, min(self.end, self.begin + (1 << 18)))), \
            -len(word)


@cache
def _once(word: bytes) -> re.Pattern[bytes]:
    return re.compile(re.escape(word))


def open_keys(data, keys_data, bank_digest: str, trusted: bool = False) -> Keys | None:
    """The keys of a mapped bank file whose SHA-256 is ``bank_digest``, when they are
    fresh and sound (see the module's note), else None: nothing in a keys file that does
    not hold together is used, whoever wrote it. ``trusted``: found sound already by this
    process (a search opens a file's keys several times)."""
    head_end = keys_data.find(b"\n", 0, 200)
    head = keys_data[:head_end].split() if head_end > 0 else []
    if len(head) != 7 or b" ".join(head[:2]) != MAGIC or head[2] != sys.byteorder.encode():
        return None
    try:
        size, n, total = int(head[3]), int(head[5]), int(head[6])
    except ValueError:
        return None
    begin = head_end + 1
    if size != len(data) or head[4] != bank_digest.encode() or n < 0 or total < 0:
        return None
    if len(keys_data) != begin + total + 8 * (2 * n + 1):
        return None
    starts, offsets = array("q"), array("q")
    starts.frombytes(keys_data[begin + total:begin + total + 8 * (n + 1)])
    offsets.frombytes(keys_data[begin + total + 8 * (n + 1):])
    if not (trusted or _sound(data, starts, offsets, total, size)):
        return None
    return Keys(keys_data, begin, begin + total, starts, offsets)


def _sound(data, starts: array, offsets: array, total: int, size: int) -> bool:
    """Text starts from 0 rising to the end, each entry offset at a line start of the
    bank file (the byte before it a line feed): the work done in C where it can be."""
    from operator import itemgetter

    if starts[0] != 0 or starts[-1] != total or sorted(starts) != list(starts) or len(set(starts)) != len(starts):
        return False
    if not offsets:
        return True
    if min(offsets) < 0 or max(offsets) >= size:
        return False
    before = [o - 1 for o in offsets if o]
    if not before:
        return True
    got = itemgetter(*before)(data)
    return set(got if isinstance(got, tuple) else (got,)) == {10}


def line_with_id(data, pid: bytes, fresh: bool) -> tuple[int, int] | None:
    """(start, end) of the line of a mapped bank file whose entry has the id: found by
    halving when the file is fresh (ids sorted), else by looking for its start."""
    size, find, rfind = len(data), data.find, data.rfind
    key = b'{"id":"' + pid + b'"'
    if not fresh:
        pos = find(key)
        while pos > 0 and data[pos - 1:pos] != b"\n":
            pos = find(key, pos + 1)
        if pos < 0:
            return None
        end = find(b"\n", pos)
        return pos, size if end < 0 else end
    lo, hi = 0, size  # halving byte positions down to the first line whose id is not less
    while lo < hi:
        mid = (lo + hi) // 2
        start = rfind(b"\n", 0, mid) + 1
        if data[start + 7:find(b'"', start + 7)] < pid:
            end = find(b"\n", mid)
            if end < 0:
                return None
            lo = end + 1
        else:
            hi = start
    end = find(b"\n", lo)
    end = size if end < 0 else end
    return (lo, end) if data[lo:lo + len(key)] == key else None
