"""What a search reads of a bank (Bank.load with words): as little as shows the same
entries a search over the whole bank shows, and a warning for every line of it that
cannot be read, as a full load gives.

A bank file with fresh keys (bank/keys.py) is one write_bank wrote, every line valid: a
search showing ``limit`` entries reads the lines its keys pick, a few dozen. Any other
file (edited by hand, damaged, or written before keys existed) is checked line by line
once, each unreadable line warned with its number, and then read as before: the lines
that can hold the words (bank/prefilter.py) but the unreadable ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def load_for_search(bank, files: list[Path], words: list[str], limit: int | None) -> None:
    """Fill ``bank`` (empty) with at least the entries a search for the words shows: its
    first ``limit``, or every entry that can match when ``limit`` is None."""
    from draftkit.bank.prefilter import searchable

    wanted = searchable(words)
    reader = _Reader(bank, files)
    if wanted is None:  # a word JSON escapes: every line
        reader.read(lambda data, keys: _every_line(data))
        return
    while True:
        # Each entry a later file overrides leaves its file one short of the first
        # ``limit``: read again, that many more a file.
        _read_words(reader, words, wanted, None if limit is None else limit + len(reader.later))
        if not reader.overridden(words, limit):
            return
        bank.clear()
        reader.loaded.clear()


def _read_words(reader: "_Reader", words: list[str], wanted: list[bytes], limit: int | None) -> None:
    from draftkit.bank.prefilter import candidate_lines

    if len(wanted) > 1:
        # The entries with all the words when there are any: read the lines that can
        # hold them all first, and every line with one only if none does.
        reader.read(lambda data, keys: keys.best(wanted, limit) if keys and limit else
                    candidate_lines(data, wanted, every=True), keys=limit is not None)
        if any(all(w in e.text for w in words) for e in reader.bank.entries()):
            return
        reader.bank.clear()
        reader.loaded.clear()
        reader.read(lambda data, keys: candidate_lines(data, wanted))
    else:
        reader.read(lambda data, keys: keys.best(wanted, limit) if keys and limit else candidate_lines(data, wanted),
                    keys=limit is not None)


def _every_line(data) -> list[int]:
    import re

    return [0] + [m.end() for m in re.compile(rb"\n").finditer(data)] if len(data) else []


class _Reader:
    """Reads the picked lines of each file into the bank; checks once each file that has
    no fresh keys, warning its unreadable lines, which are then never read."""

    def __init__(self, bank, files: list[Path]):
        self.bank, self.files = bank, files
        self.fresh: dict[int, bool] = {}
        self.bad: dict[int, set[int]] = {}  # file → starts of its unreadable lines
        self.origin: dict[str, int] = {}  # id → the file its entry was read from
        self.loaded: set[tuple[int, int]] = set()
        self.later: dict[tuple[int, int], tuple[int, list]] = {}  # lines of later files overriding one shown

    def read(self, pick: Callable, keys: bool = False) -> None:
        from draftkit.inputs import BANK_LIMIT, mapped_lines

        for index, path in enumerate(self.files):
            found = mapped_lines(path, BANK_LIMIT, "短语库文件",
                                 lambda data: self._spans(index, path, data, pick, keys))
            self._add(index, path, found)

    def _spans(self, index: int, path: Path, data, pick: Callable, want_keys: bool) -> list[tuple[int, int]]:
        if want_keys or index not in self.fresh:
            fresh, picked = _with_keys(path, data, (lambda k: pick(data, k)) if want_keys else (lambda k: None))
            self.fresh[index] = fresh
            if fresh and want_keys:
                return _ends(data, picked, ())
        if not self.fresh[index] and index not in self.bad:
            self.bad[index] = self._check(path, data)
            if not self.bad[index]:
                _rewrite_keys(path)  # checked whole and sound: the next search is quick again
        return _ends(data, pick(data, None), self.bad.get(index, ()))

    def _check(self, path: Path, data) -> set[int]:
        """Every line of a file without fresh keys checked (about 5 µs a line: 0.25 s for
        50,000), each unreadable one warned; their starts."""
        bad, start, note = set(), 0, self.bank._notes.append
        for n, raw in enumerate(bytes(data).split(b"\n"), 1):
            if raw.strip():
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    note(f"{path}:{n}: 短语库中这一行不是 UTF-8 编码，已跳过")
                    bad.add(start)
                else:
                    if not self.bank.readable(line):
                        note(f"{path}:{n}: 短语库中这一行无法读取（不是有效的条目），已跳过")
                        bad.add(start)
            start += len(raw) + 1
        return bad

    def _add(self, index: int, path: Path, found: list[tuple[int, bytes]]) -> None:
        new = [(start, raw) for start, raw in found if (index, start) not in self.loaded]
        self.loaded.update((index, start) for start, _ in new)
        for pid in self.bank.add_lines(path, new, self.bank._notes.append):
            self.origin[pid] = index

    def overridden(self, words: list[str], limit: int | None) -> bool:
        """A later file's entry of the same id wins, as in a full load, whether or not it
        holds the words: the lines overriding an entry shown are read (again, after a
        new read), until none is found further on. Whether any was new."""
        if limit is None:
            return False
        from draftkit.bank.keys import line_with_id
        from draftkit.inputs import BANK_LIMIT, mapped_lines

        for j, found in self.later.values():
            self._add(j, self.files[j], found)
        last, new = len(self.files) - 1, False
        while True:
            shown = self.bank.ranked(words, limit=limit)
            added = False
            for j in range(min((self.origin.get(e.id, last) for e in shown), default=last) + 1, len(self.files)):
                pids = [e.id.encode("utf-8") for e in shown if self.origin.get(e.id, last) < j]

                def spans(data, j=j, pids=pids):  # each later file mapped once for all the ids
                    if j not in self.fresh:
                        self.fresh[j] = _with_keys(self.files[j], data, lambda k: None)[0]
                    out = [line_with_id(data, pid, self.fresh[j]) for pid in pids]
                    return [span for span in out if span and span[0] not in self.bad.get(j, ())]

                found = [line for line in mapped_lines(self.files[j], BANK_LIMIT, "短语库文件", spans)
                         if (j, line[0]) not in self.loaded]
                if found:
                    self._add(j, self.files[j], found)
                    self.later.update(((j, line[0]), (j, [line])) for line in found)
                    added = new = True
            if not added:
                return new


def _ends(data, picked, bad) -> list[tuple[int, int]]:
    """(start, end) of the lines starting where picked (a start, or a span), but the bad."""
    size, find, out = len(data), data.find, []
    for start in picked:
        if isinstance(start, tuple):
            start = start[0]
        if start not in bad:
            end = find(b"\n", start)
            out.append((start, size if end < 0 else end))
    return out


def _rewrite_keys(path: Path) -> None:
    """Keys for a sound bank file that had none or stale ones (mined by an older draftkit,
    copied, edited by hand); where its folder cannot be written to, it stays without."""
    from draftkit.bank.keys import write_keys
    from draftkit.errors import DraftkitError

    try:
        write_keys(path)
    except (OSError, DraftkitError):
        pass


def _with_keys(path: Path, data, use: Callable) -> tuple[bool, object]:
    """Whether a mapped bank file has fresh keys, and ``use(keys)`` while they are mapped."""
    import mmap

    from draftkit.bank.keys import keys_path, open_keys

    try:
        with open(keys_path(path), "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as keys_data:
            keys = open_keys(path, data, keys_data)
            return (False, None) if keys is None else (True, use(keys))
    except (OSError, ValueError):  # no keys file, an empty one, one that cannot be mapped
        return False, None
