"""What a search reads of a bank (Bank.load with words): as little as shows the same
entries a search over the whole bank shows, and a warning for every line of it that
cannot be read, as a full load gives.

A bank file with fresh keys (bank/keys.py) is one write_bank wrote, every line valid: a
search showing ``limit`` entries reads the lines its keys pick, a few dozen. Any other
file (edited by hand, damaged, or written before keys existed) is checked line by line
once, each unreadable line warned with its number (a line longer than a bank line may
be is skipped without being copied), and then read as before: the lines that can hold
the words (bank/prefilter.py) but the unreadable ones. When every line is sound its keys
are kept in draftkit's cache folder, by the file's SHA-256, for the next search; nothing
is written beside the bank.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from draftkit.bank import keystore


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
        self.digests: dict[int, str] = {}  # file → the SHA-256 of its bytes
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
        if index not in self.digests:
            self.digests[index] = keystore.file_digest(path, data)
        if want_keys or index not in self.fresh:
            fresh, picked = keystore.with_keys(path, data, (lambda k: pick(data, k)) if want_keys else (lambda k: None),
                                       self.digests[index])
            self.fresh[index] = fresh
            if fresh and want_keys:
                return _ends(data, picked, ())
        if not self.fresh[index] and index not in self.bad:
            self.bad[index] = self._check(path, data)
            if not self.bad[index]:
                keystore.keep_keys(data, self.digests[index])  # checked whole and sound: the next search is quick again
        return _ends(data, pick(data, None), self.bad.get(index, ()))

    def _check(self, path: Path, data) -> set[int]:
        """Every line of a file without fresh keys checked (about 5 µs a line: 0.25 s for
        50,000), each unreadable one warned; their starts. A line longer than LINE_LIMIT
        is warned and never copied out of the mapping."""
        from draftkit.inputs import LINE_LIMIT, size_text

        bad, start, note, size = set(), 0, self.bank._notes.append, len(data)
        n = 0
        while start < size:
            n += 1
            end = data.find(b"\n", start)
            end = size if end < 0 else end
            if end - start > LINE_LIMIT:
                note(f"{path}:{n}: 短语库中这一行太长（{size_text(end - start)}，一条不超过 {size_text(LINE_LIMIT)}），已跳过")
                bad.add(start)
                start = end + 1
                continue
            raw = data[start:end]
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
            start = end + 1
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
                        self.digests.setdefault(j, keystore.file_digest(self.files[j], data))
                        self.fresh[j] = keystore.with_keys(self.files[j], data, lambda k: None, self.digests[j])[0]
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
    """(start, end) of the lines starting where picked (a start, or a span), but the bad,
    any that is not the start of a line (keys that do not hold together) and any longer
    than a bank line may be (warned when the file was checked)."""
    from draftkit.inputs import LINE_LIMIT

    size, find, out = len(data), data.find, []
    for start in picked:
        if isinstance(start, tuple):
            start = start[0]
        if start in bad or not 0 <= start < max(size, 1) or (start and data[start - 1:start] != b"\n"):
            continue
        end = find(b"\n", start)
        end = size if end < 0 else end
        if end - start <= LINE_LIMIT:
            out.append((start, end))
    return out
