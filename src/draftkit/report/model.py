"""The report model: what a YAML data file, an answers file and the prompt all produce,
validated (the file's keys and defaults are declared in schema.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

from draftkit.domain import PART_KEYS, default_title
from draftkit.errors import Loc
from draftkit.report.schema import CLOSING, DEFAULTS, STYLE


@dataclass
class Figure:
    """A figure with this year's and last year's value: ``{current: 6, previous: 10, unit: 件}``.

    ``current`` is None when it is still to be filled in (render refuses it).
    A unit of ``%`` makes it a rate: printed with ``%``, compared in 百分点.
    """

    current: int | float | None
    previous: int | float | None = None
    unit: str = ""
    loc: Loc | None = None


Value = Union[str, int, float, Figure]


@dataclass
class Item:
    """One sentence or enumerated item: literal text or a phrase-bank entry, with slot values."""

    text: str | None = None
    phrase: str | None = None
    values: dict[str, Value] = field(default_factory=dict)
    loc: Loc | None = None
    todo: str = ""  # a note still to act on (last year's plan item, a sentence to confirm…): render refuses it


@dataclass
class Section:
    """A level-2 heading ``（一）…`` and its items."""

    heading: str | None
    items: list[Item] = field(default_factory=list)
    intro: str = ""
    style: str = STYLE
    loc: Loc | None = None


@dataclass
class Part:
    """One part of the report (measures, shortcomings …): heading, intro and sections."""

    key: str
    heading: str | None = None
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    year: int | None = None
    loc: Loc | None = None

    def is_empty(self) -> bool:
        return not self.intro and not any(s.items or s.intro for s in self.sections)


@dataclass
class Issuer:
    """Who issues the report: name, level, place and the principal leader's title."""

    name: str
    level: str
    place: str = ""
    leader: str = ""  # the principal leader's title (县长, 局长…); default by level (levels.py)


@dataclass
class Layout:
    """How the document is laid out: with a seal, and whether headings are bold."""

    sealed: bool = DEFAULTS["layout", "sealed"]
    bold_headings: bool = DEFAULTS["layout", "bold_headings"]


@dataclass
class Report:
    """A report as its data file gives it: issuer, year, date, parts and layout."""

    issuer: Issuer
    year: int
    date: dt.date
    addressee: str | None = ""  # None: still to fill (a data file's null)
    title: str = ""
    opening: list[str] = field(default_factory=list)
    parts: dict[str, Part] = field(default_factory=dict)
    order: list[str] = field(default_factory=lambda: list(PART_KEYS))
    closing: str = CLOSING
    layout: Layout = field(default_factory=Layout)
    source: str = ""
    locs: dict[str, Loc] = field(default_factory=dict)  # where opening, closing… were written
    based_on: str = ""  # last year's report this draft was carried forward from

    @property
    def computed_title(self) -> str:
        return default_title(self.issuer.name, self.issuer.level, self.year)

    def effective_title(self) -> str:
        return self.title or self.computed_title

    def ordered_parts(self) -> list[Part]:
        """Parts in the configured order; an empty part 5 (其他) is left out."""
        out = []
        for key in self.order:
            part = self.parts.get(key)
            if part is None or (key == "other" and part.is_empty()):
                continue
            out.append(part)
        return out

