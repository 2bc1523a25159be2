"""The phrase bank: reusable sentences with named slots, stored as JSON Lines.

One entry a line, sorted by id, in ``*.jsonl`` files of a bank folder. An entry::

    {"id": "p-1a2b3c4d", "text": "{year}年共制发政府规范性文件{n}件", "part": "measures",
     "move": "result", "topic": "rules", "kind": "sentence", "docs": 2, "grade": "ok", "levels": "",
     "writers": "county,department", "trades": "教育", "tiers": "县区", "years": [2022], "slots": {"year": "year", "n": "number"},
     "sources": [{"file": "001.txt", "para": 5, "url": "https://…", "issuer": "双牌县教育局"}]}

``grade`` is ok / edit / no (only ok is offered by default); ``levels`` lists the issuer
levels an entry fits when it names another level (empty: every level); ``writers`` the
kinds of the offices whose reports it was found in (the issuer model's kinds: county,
department…), ``trades`` the trades of those that are departments (教育, 税务…) and
``tiers`` the levels of government of their places (省, 市, 县区, 乡镇), so that
a 教育局 is offered what 教育 bureaus wrote first (bank/recommend.py). A source names its
file and paragraph, and, where the folder mined has a manifest (mining/provenance.py), the
page it was taken from and who issued it.

A report refers to an entry by id: ``{phrase: p-1a2b3c4d, values: {n: 6}}``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from draftkit.bank.store import bank_files, write_bank  # noqa: F401 (where they were)
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
    writers: str = ""  # the kinds of issuer that wrote it, comma-separated (data/issuers.yaml kinds)
    trades: str = ""  # the trades of the departments that wrote it, comma-separated (教育, 税务…)
    tiers: str = ""  # the levels of government of the places of those that wrote it (省, 市, 县区, 乡镇)

    def slot_names(self) -> list[str]:
        return list(dict.fromkeys(SLOT_RE.findall(self.text)))

    def to_json(self) -> str:
        data = {  # this order is what Bank's fast reader expects
            "id": self.id, "text": self.text, "part": self.part, "move": self.move, "topic": self.topic,
            "kind": self.kind, "docs": self.docs, "grade": self.grade, "levels": self.levels,
            "writers": self.writers, "trades": self.trades, "tiers": self.tiers, "years": self.years, "slots": self.slots, "sources": self.sources,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def shipped_bank_dir() -> Path:
    from draftkit.resources import resource_dir

    return resource_dir("phrasebank")


# The leading fields of a line as write_bank writes them, read without a full JSON parse:
# a 50,000-entry bank loads in about 0.1 s this way, against 0.3 s for json.loads, which
# spends its time building every entry's sources. A line in another shape (edited by hand)
# is parsed with json.loads.
_FAST = re.compile(
    r'\{"id":"([^"\\\n]+)","text":"([^"\\\n]*(?:\\.[^"\\\n]*)*)","part":"(\w+)","move":"(\w*)",'
    r'"topic":"(\w*)","kind":"(\w+)","docs":(\d+),"grade":"(\w+)","levels":"([^"\\\n]*)",'
    r'(?:"writers":"([^"\\\n]*)","trades":"([^"\\\n]*)","tiers":"([^"\\\n]*)",)?')  # a bank mined before has none


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
    writers: str = ""  # the kinds of issuer that wrote it (county, department…), comma-separated
    trades: str = ""  # the trades of the departments among them (教育, 税务…), comma-separated
    tiers: str = ""  # the levels of government of their places (省, 市, 县区, 乡镇), comma-separated


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
        self._entries[p.id] = Entry(p.id, p.text, p.part, p.move, p.topic, p.kind, p.docs, p.grade, p.levels,
                                    p.writers, p.trades, p.tiers)
        self._phrases[p.id] = p
        self._lines.pop(p.id, None)

    @classmethod
    def load(cls, *dirs: Path, only: set[str] | None = None, words: list[str] | None = None,
             limit: int | None = None) -> "Bank":
        """Every entry of the folders; with ``only``, just those ids when each can be found
        by its id alone (rendering a report needs a handful, not the whole bank); with
        ``words``, at least every entry a search for them shows, the first ``limit`` of
        it when given (bank/searching.py)."""
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
        bank = cls()
        enabled = gc.isenabled()
        gc.disable()  # tens of thousands of small acyclic objects: collection passes only cost time
        try:
            if words:
                from draftkit.bank.searching import load_for_search

                load_for_search(bank, files, words, limit)
            else:
                for f in files:
                    bank.add_file(f)
        finally:
            if enabled:
                gc.enable()
        return bank._said()

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
                pid, t, part, move, topic, kind, docs, grade, levels, writers, trades, tiers = m.groups()
                if "\\" in t:
                    t = json.loads(f'"{t}"')
                entries[pid] = make((pid, t, part, move, topic, kind, int(docs), grade, levels, writers or "",
                                     trades or "", tiers or ""))
                lines[pid] = (index, pos, end)
                if phrases:
                    phrases.pop(pid, None)
            elif text[pos:end].strip():  # a line in another shape, edited by hand
                p = _parse_line(path, text.count("\n", 0, pos) + 1, text[pos:end])
                if p is not None:
                    self._put(p)
            pos = end + 1

    def _said(self) -> "Bank":
        """The warnings a search's load held back, each once, in the order found."""
        from draftkit.errors import warn

        for note in dict.fromkeys(self._notes):
            warn(note)
        self._notes.clear()
        return self

    def clear(self) -> None:
        """No entries (the warnings held back are kept)."""
        for held in (self._entries, self._files, self._paths, self._offsets, self._lines, self._phrases):
            held.clear()

    @staticmethod
    def readable(line: str) -> bool:
        return _phrase_data(line) is not None

    def add_lines(self, path: Path, found: list[tuple[int, bytes]], warn) -> list[str]:
        """Lines of a file (where each starts, its bytes), each kept as a text of its own:
        the rest of the file is neither decoded nor parsed. Returns the ids read."""
        from draftkit.bank.prefilter import line_at

        entries, lines, phrases, make, match = self._entries, self._lines, self._phrases, Entry._make, _FAST.match
        ids = []
        for offset, raw in found:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                warn(f"{path}:{line_at(path, offset)}: 短语库中这一行不是 UTF-8 编码，已跳过")
                continue
            m = match(line)
            if m:
                pid, t, part, move, topic, kind, docs, grade, levels, writers, trades, tiers = m.groups()
                if "\\" in t:
                    t = json.loads(f'"{t}"')
                entries[pid] = make((pid, t, part, move, topic, kind, int(docs), grade, levels, writers or "",
                                     trades or "", tiers or ""))
                lines[pid] = (len(self._files), 0, len(line))
                self._files.append(line)
                self._paths.append(path)
                self._offsets.append(offset)
                if phrases:
                    phrases.pop(pid, None)
                ids.append(pid)
            elif line.strip():
                p = _parse_line(path, lambda o=offset: line_at(path, o), line, warn)
                if p is not None:
                    self._put(p)
                    ids.append(p.id)
        return ids

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
               move: str | None = None, limit: int = 20, hide: tuple[str, ...] = ()) -> list[Phrase]:
        """Entries containing the words, best first: more of the words, longer matches,
        then seen in more documents; none of the grades in ``hide``. Filters take keys
        (plan) or Chinese names (下一年度安排).
        An entry whose line turns out unreadable is warned, dropped and not shown."""
        while True:
            found = [(e, self.get(e.id)) for e in self.ranked(words, part, topic, move, limit, hide)]
            shown = [p for _, p in found if p is not None]
            if len(shown) == len(found):
                return shown
            for e, p in found:
                if p is None:
                    del self._entries[e.id]

    def ranked(self, words: list[str], part: str | None = None, topic: str | None = None,
               move: str | None = None, limit: int = 20, hide: tuple[str, ...] = ()) -> list[Entry]:
        """What search shows, as entries (nothing parsed)."""
        import heapq

        words = [w for w in words if w.strip()]
        pool = [p for p in self._entries.values() if p.grade not in hide] if hide else list(self._entries.values())
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

        return heapq.nsmallest(limit, pool, key=rank)


def _read_bank_text(path: Path) -> str:
    """A bank file as text; a line that is not UTF-8, or longer than a bank line may be,
    is skipped with a warning (left empty, so that later lines keep their numbers). The
    file is mapped, and a long line is never copied: one line of 500 MB costs nothing."""
    from draftkit.errors import warn
    from draftkit.inputs import BANK_LIMIT, LINE_LIMIT, long_lines, mapped, size_text

    with mapped(path, BANK_LIMIT, "短语库文件") as view:
        pieces, at, line = [], 0, 1
        for start, end in long_lines(view):
            pieces.append(view[at:start])
            line += pieces[-1].count(b"\n")
            warn(f"{path}:{line}: 短语库中这一行太长（{size_text(end - start)}，一条不超过 {size_text(LINE_LIMIT)}），已跳过")
            at = end
        pieces.append(view[at:])
    data = b"".join(pieces) if len(pieces) > 1 else pieces[0]
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




def _phrase_data(line: str) -> dict | None:
    """The fields of a bank line that is an entry, else None."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    types = _field_types()
    if (not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str)
            or any(k not in types or not isinstance(v, types[k]) for k, v in data.items())):
        return None
    return data


@cache
def _field_types() -> dict[str, type]:
    """What each field of a bank line must be: a str or int field's own type, else anything."""
    from dataclasses import fields

    return {f.name: type(f.default) if isinstance(f.default, (str, int)) else object for f in fields(Phrase)}


def _parse_line(path: Path, n, line: str, warn=None) -> Phrase | None:
    """One bank line as a Phrase; a line that is not an entry is skipped with a warning.
    ``n`` is its line number, or a function giving it (counted only for a warning)."""
    data = _phrase_data(line)
    if data is None:
        if warn is None:
            from draftkit.errors import warn
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
