"""A report as the reader parses it: its paragraphs with their kinds, numbering, headings,
enumerated items and parts (structure.py fills them in, parts.py assigns the parts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph of a report as parsed: its kind, numbering, heading, items and part."""

    index: int  # 1-based position among the document's clean lines: the provenance
    kind: str  # title | addressee | h1 | h2 | h3 | h4 | body | signature | date | meta
    text: str  # without its numbering; for a body paragraph with an inline heading, the rest
    number: int = 0  # 一 → 1, （二） → 2, 3. → 3
    heading: str = ""  # an inline heading: （一）创新管理服务，全力优化法治营商环境。…
    lead: str = ""  # body text before the first enumerated item
    items: list[str] = field(default_factory=list)  # 一是…, 二是… (markers removed)
    part: str = ""
    section: str = ""  # the level-2 heading this paragraph stands under
    # the part of the level-1 heading it stands under: a （一）加强组织领导 of part "leadership"
    # whose outer_part is "measures" is the leaders' part folded into the measures
    outer_part: str = ""


@dataclass
class ParsedDoc:
    """A report read back from its paragraphs: what is known of it, and its paragraphs."""

    name: str
    paras: list[Para]
    title: str = ""
    issuer: str = ""
    addressee: str = ""
    year: int | None = None  # the year reported on
    date: dt.date | None = None
    place: str = ""

    def body(self) -> list[Para]:
        return [p for p in self.paras if p.kind in ("body", "h3", "h4") or (p.kind == "h2" and (p.lead or p.items))]

    def present_parts(self) -> set[str]:
        """The parts the report has text or a heading in (a missing required part is S001)."""
        return {p.part for p in self.paras if p.kind in ("h1", "body", "h2", "h3", "h4")}

    def folded(self, part: str = "leadership") -> list[Para]:
        """The sub-headings of a part that stand inside another part (（一）加强组织领导 under
        一、主要举措和成效): the part is present, folded into that other part."""
        return [p for p in self.paras if p.kind in ("h2", "h3", "h4") and p.part == part
                and p.outer_part not in ("", part)]
