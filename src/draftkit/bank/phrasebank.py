"""The phrase bank: reusable sentences with named slots, stored as JSON Lines.

One entry a line, sorted by id, in ``*.jsonl`` files of a bank folder. An entry::

    {"id": "p-1a2b3c4d", "text": "{year}年共制发政府规范性文件{n}件", "part": "measures",
     "move": "result", "topic": "rules", "kind": "sentence", "docs": 2, "grade": "ok", "levels": "",
     "years": [2022], "slots": {"year": "year", "n": "number"}, "sources": [{"file": "001.txt", "para": 5}]}

``grade`` is ok / edit / no (only ok is offered by default); ``levels`` lists the issuer
levels an entry fits when it names another level (empty: every level).

A report refers to an entry by id: ``{phrase: p-1a2b3c4d, values: {n: 6}}``.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Iterable, NamedTuple

from draftkit import rx
from draftkit.records import dataclass
from draftkit.slots import SLOT_RE


@dataclass
class Phrase:
    """A sentence of the phrase bank, with its slots and where it was found."""

    id: str
    text: str
    part: str = "other"
    move: str = ""
    topic: str = ""
    slots: dict[str, str] = field(default_factory=dict)
    docs: int = 1
    years: list[int] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    kind: str = "sentence"
    grade: str = "ok"  # ok | edit | no (mining/grade.py)
    levels: str = ""  # the issuer levels it fits, comma-separated; empty: every level (levels.py)

    def slot_names(self) -> list[str]:
        return list(dict.fromkeys(SLOT_RE.findall(self.text)))

    def to_json(self) -> str:
        data = {  # this order is what Bank's fast reader expects
            "id": self.id, "text": self.text, "part": self.part, "move": self.move, "topic": self.topic,
            "kind": self.kind, "docs": self.docs, "grade": self.grade, "levels": self.levels,
            "years": self.years, "slots": self.slots, "sources": self.sources,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def shipped_bank_dir() -> Path:
    from draftkit.resources import resource_dir

    return resource_dir("phrasebank")


# The leading fields of a line as write_bank writes them, read without a full JSON parse:
# a 50,000-entry bank loads in about 0.1 s this way, against 0.3 s for json.loads, which
# spends its time building every entry's sources. A line in another shape (edited by hand)
# is parsed with json.loads.
_FAST = rx.compile(
    r'\{"id":"([^"\\\n]+)","text":"([^"\\\n]*(?:\\.[^"\\\n]*)*)","part":"(\w+)","move":"(\w*)",'
    r'"topic":"(\w*)","kind":"(\w+)","docs":(\d+),"grade":"(\w+)","levels":"([^"\\\n]*)",')


class Entry(NamedTuple):
    """What search needs of an entry; the whole Phrase is parsed when asked for."""

    id: str
    text: str
    part: str
    move: str
    topic: str
    kind: str
    docs: int
    grade: str = "ok"
    levels: str = ""


class Bank:
    """Phrases by id, loaded from one or more bank folders (later folders win)."""

    def __init__(self, phrases: list[Phrase] | None = None):
        self._entries: dict[str, Entry] = {}
        self._files: list[str] = []  # the text of each loaded file, or of one line a search read
        self._paths: list[Path] = []
        self._offsets: list[int] = []  # where in its file each text starts, in bytes
        self._lines: dict[str, tuple[int, int, int]] = {}  # id → (file, start, end) of its JSON line
        self._phrases: dict[str, Phrase] = {}
        self._notes: list[str] = []  # warnings a search's load holds back
        for p in phrases or []:
            self._put(p)

    def _put(self, p: Phrase) -> None:
        self._entries[p.id] = Entry(p.id, p.text, p.part, p.move, p.topic, p.kind, p.docs, p.grade, p.levels)
        self._phrases[p.id] = p
        self._lines.pop(p.id, None)

    @classmethod
    def load(cls, *dirs: Path, only: set[str] | None = None, words: list[str] | None = None) -> "Bank":
        """Every entry of the folders; with ``only``, just those ids when each can be found
        by its id alone (rendering a report needs a handful, not the whole bank); with
        ``words``, at least every entry whose text holds one of them (what a search needs:
        bank/prefilter.py)."""
        import gc

        files = [f for d in dirs for f in sorted(Path(d).glob("*.jsonl"))]
        from draftkit.inputs import check_regular

        for f in files:
            check_regular(f, "短语库文件")
        if only is not None:
            bank = cls._load_only(files, only)
            if bank is not None:
                return bank
        words = [w for w in words or [] if w.strip()]
        wanted = None
        if words:
            from draftkit.bank.prefilter import searchable

            wanted = searchable(words)
        if wanted and len(wanted) > 1:
            # A search shows the entries with all the words when there are any: read
            # the lines that can hold them all first, and every line with one only if
            # none does.
            bank = cls._load_candidates(files, wanted, every=True)
            if any(all(w in e.text for w in words) for e in bank._entries.values()):
                return bank._said()
        if wanted:
            return cls._load_candidates(files, wanted)._said()
        bank = cls()
        enabled = gc.isenabled()
        gc.disable()  # tens of thousands of small acyclic objects: collection passes only cost time
        try:
            for f in files:
                bank.add_file(f)
        finally:
            if enabled:
                gc.enable()
        return bank

    @classmethod
    def _load_only(cls, files: list[Path], ids: set[str]) -> "Bank | None":
        found: dict[str, Phrase] = {}
        for f in files:  # later folders win, as in a full load
            text = _read_bank_text(f)
            for pid in ids:
                start = text.find(f'{{"id":"{pid}"')
                if start >= 0 and (start == 0 or text[start - 1] == "\n"):
                    end = text.find("\n", start)
                    end = end if end >= 0 else len(text)
                    p = _parse_line(f, text.count("\n", 0, start) + 1, text[start:end])
                    if p is not None:
                        found[pid] = p
        if len(found) < len(ids):
            return None  # an id is missing or written another way: load everything
        return cls(list(found.values()))

    def add_file(self, path: Path) -> None:
        text = _read_bank_text(path)
        index = len(self._files)
        self._files.append(text)
        self._paths.append(path)
        self._offsets.append(0)
        entries, lines, phrases, make = self._entries, self._lines, self._phrases, Entry._make
        pos, size, match, find = 0, len(text), _FAST.match, text.find
        while pos < size:
            end = find("\n", pos)
            if end < 0:
                end = size
            m = match(text, pos, end)
            if m:
                pid, t, part, move, topic, kind, docs, grade, levels = m.groups()
                if "\\" in t:
                    t = json.loads(f'"{t}"')
                entries[pid] = make((pid, t, part, move, topic, kind, int(docs), grade, levels))
                lines[pid] = (index, pos, end)
                if phrases:
                    phrases.pop(pid, None)
            elif text[pos:end].strip():  # a line in another shape, edited by hand
                p = _parse_line(path, text.count("\n", 0, pos) + 1, text[pos:end])
                if p is not None:
                    self._put(p)
            pos = end + 1

    @classmethod
    def _load_candidates(cls, files: list[Path], words: list[bytes], every: bool = False) -> "Bank":
        import gc

        bank = cls()
        enabled = gc.isenabled()
        gc.disable()
        try:
            for f in files:
                bank._add_candidates(f, words, every, bank._notes.append)
        finally:
            if enabled:
                gc.enable()
        return bank

    def _said(self) -> "Bank":
        """The warnings a load held back (until it was sure to be the one used)."""
        from draftkit.errors import warn

        for note in self._notes:
            warn(note)
        self._notes.clear()
        return self

    def _add_candidates(self, path: Path, words: list[bytes], every: bool, warn) -> None:
        """The lines of a file that a search for the words has to read (bank/prefilter.py),
        each kept as a text of its own: the rest of the file is neither decoded nor parsed."""
        from draftkit.bank.prefilter import candidate_lines, line_at
        from draftkit.inputs import BANK_LIMIT, mapped_lines

        found = mapped_lines(path, BANK_LIMIT, "短语库文件", lambda data: candidate_lines(data, words, every))
        entries, lines, phrases, make, match = self._entries, self._lines, self._phrases, Entry._make, _FAST.match
        for offset, raw in found:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                warn(f"{path}:{line_at(path, offset)}: 短语库中这一行不是 UTF-8 编码，已跳过")
                continue
            m = match(line)
            if m:
                pid, t, part, move, topic, kind, docs, grade, levels = m.groups()
                if "\\" in t:
                    t = json.loads(f'"{t}"')
                entries[pid] = make((pid, t, part, move, topic, kind, int(docs), grade, levels))
                lines[pid] = (len(self._files), 0, len(line))
                self._files.append(line)
                self._paths.append(path)
                self._offsets.append(offset)
                if phrases:
                    phrases.pop(pid, None)
            elif line.strip():
                p = _parse_line(path, lambda o=offset: line_at(path, o), line, warn)
                if p is not None:
                    self._put(p)

    def get(self, pid: str) -> Phrase | None:
        p = self._phrases.get(pid)
        if p is None and pid in self._lines:
            index, start, end = self._lines[pid]
            text, path, offset = self._files[index], self._paths[index], self._offsets[index]
            from draftkit.bank.prefilter import line_at

            p = _parse_line(path, lambda: text.count("\n", 0, start) + (line_at(path, offset) if offset else 1),
                            text[start:end])
            if p is None:
                return None
            self._phrases[pid] = p
        return p

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return (self.get(pid) for pid in self._entries)

    def search(self, words: list[str], part: str | None = None, topic: str | None = None,
               move: str | None = None, limit: int = 20) -> list[Phrase]:
        """Entries containing the words, best first: more of the words, longer matches,
        then seen in more documents. Filters take keys (plan) or Chinese names (下一年度安排)."""
        import heapq

        words = [w for w in words if w.strip()]
        pool = list(self._entries.values())
        for value, axis, attr in ((part, "part", 2), (topic, "topic", 4), (move, "move", 3)):
            if value:  # only the filters given: a 50,000-entry bank is walked once per filter
                pool = [p for p in pool if _matches(p[attr], value, axis)]
        if words:  # entries with any of the words, found by C-level `in` tests
            hits: dict[str, int] = {}
            for w in words:
                for p in [p for p in pool if w in p.text]:
                    hits[p.id] = hits.get(p.id, 0) + 1
            best = max(hits.values(), default=0)
            if best == len(words):  # all the words when any entry has them all
                pool = [p for p in pool if hits.get(p.id) == best]
            else:
                pool = [p for p in pool if p.id in hits]
        else:
            hits = {}

        def rank(p: Entry) -> tuple:
            return (-hits.get(p.id, 0), -sum(len(w) * p.text.count(w) for w in words if w in p.text), -p.docs, p.id)

        return [self.get(p.id) for p in heapq.nsmallest(limit, pool, key=rank)]


def _read_bank_text(path: Path) -> str:
    """A bank file as text; a line that is not UTF-8 is skipped with a warning (left
    empty, so that later lines keep their numbers)."""
    from draftkit.errors import warn
    from draftkit.inputs import BANK_LIMIT, read_bytes

    data = read_bytes(path, BANK_LIMIT, "短语库文件")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            warn(f"{path}:{n}: 短语库中这一行不是 UTF-8 编码，已跳过")
            lines.append("")
    return "\n".join(lines)




def _parse_line(path: Path, n, line: str, warn=None) -> Phrase | None:
    """One bank line as a Phrase; a line that is not an entry is skipped with a warning.
    ``n`` is its line number, or a function giving it (counted only for a warning)."""
    if warn is None:
        from draftkit.errors import warn

    try:
        data = json.loads(line)
    except ValueError:
        data = None
    from dataclasses import fields

    known = {f.name: f.default for f in fields(Phrase)}
    if (not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str)
            or any(k not in known or not isinstance(v, type(known[k]) if isinstance(known[k], (str, int)) else object)
                   for k, v in data.items())):
        warn(f"{path}:{n() if callable(n) else n}: 短语库中这一行无法读取（不是有效的条目），已跳过")
        return None
    return Phrase(**data)


def _matches(value: str, wanted: str | None, axis: str) -> bool:
    if not wanted:
        return True
    from draftkit.domain import MOVE_NAMES, part_matches

    if axis == "part":
        return part_matches(value, wanted)
    if axis == "topic":
        from draftkit.domain import TOPIC_NAMES

        return wanted == value or wanted == TOPIC_NAMES.get(value)
    return wanted == value or wanted == MOVE_NAMES.get(value)


def bank_files(directory: Path) -> list[Path]:
    """The part files a bank folder holds now (write_bank replaces or removes them)."""
    from draftkit.domain import PLACES

    return [directory / f"{part}.jsonl" for part in PLACES if (directory / f"{part}.jsonl").exists()]


def write_bank(directory: Path, phrases: Iterable[Phrase]) -> list[Path]:
    """One ``PART.jsonl`` a part, entries sorted by id, each file put in place whole; the
    same phrases always give the same bytes. A list is sorted here; any other iterable
    must come sorted by id, and is written as it comes (a bank mined from a province
    need not be held in memory)."""
    from draftkit.atomic import Writer
    from draftkit.domain import PLACES

    if isinstance(phrases, list):
        phrases = sorted(phrases, key=lambda p: p.id)
    if directory.exists() and not directory.is_dir():
        from draftkit.errors import DraftkitError

        raise DraftkitError(f"{directory}: 这是一个文件，应给出短语库文件夹")
    writers: dict[str, Writer] = {}
    try:
        for p in phrases:
            w = writers.get(p.part)
            if w is None:
                w = writers[p.part] = Writer(directory / f"{p.part}.jsonl")
            w.write(p.to_json() + "\n")
    except BaseException:
        for w in writers.values():
            w.discard()
        raise
    written = []
    for part in PLACES:
        path = directory / f"{part}.jsonl"
        if part in writers:
            writers[part].commit()
            written.append(path)
        elif path.exists():
            path.unlink()  # a part that no longer has entries
    return written
