"""The phrase bank: reusable sentences with named slots, stored as JSON Lines.

One entry a line, sorted by id, in ``*.jsonl`` files of a bank folder. An entry::

    {"id": "p-1a2b3c4d", "text": "{year}年共制发政府规范性文件{n}件", "part": "measures",
     "move": "result", "topic": "rules", "slots": {"year": "year", "n": "number"},
     "docs": 2, "years": [2022], "sources": [{"file": "001.txt", "para": 5}]}

A report refers to an entry by id: ``{phrase: p-1a2b3c4d, values: {n: 6}}``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff][\u4e00-\u9fff\w]*)\}")


@dataclass
class Phrase:
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

    def slot_names(self) -> list[str]:
        return list(dict.fromkeys(SLOT_RE.findall(self.text)))

    def to_json(self) -> str:
        data = {
            "id": self.id, "text": self.text, "part": self.part, "move": self.move,
            "topic": self.topic, "kind": self.kind, "slots": self.slots, "docs": self.docs,
            "years": self.years, "sources": self.sources,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def shipped_bank_dir() -> Path:
    from draftkit.resources import resource_dir

    return resource_dir("phrasebank")


class Bank:
    """Phrases by id, loaded from one or more bank folders (later folders win)."""

    def __init__(self, phrases: list[Phrase] | None = None):
        self._by_id: dict[str, Phrase] = {}
        for p in phrases or []:
            self._by_id[p.id] = p

    @classmethod
    def load(cls, *dirs: Path) -> "Bank":
        bank = cls()
        for d in dirs:
            for f in sorted(Path(d).glob("*.jsonl")):
                bank.add_file(f)
        return bank

    def add_file(self, path: Path) -> None:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        # One json.loads over the whole file is several times faster than one per line.
        for data in json.loads("[" + ",".join(lines) + "]"):
            p = Phrase(**data)
            self._by_id[p.id] = p

    def get(self, pid: str) -> Phrase | None:
        return self._by_id.get(pid)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self):
        return iter(self._by_id.values())
