"""What every rule works on: the document, and the findings it adds."""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field
from typing import Iterator

from draftkit.domain import PART_NAMES
from draftkit.punctuation import PIECE_END
from draftkit.reading.parsed import Para, ParsedDoc
from draftkit.reading.document import Document
from draftkit.reading.parts import closes_report
from draftkit.review.codes import known

SEVERITIES = ("error", "warning", "note")


class lazy:  # noqa: N801 - used like re.compile
    """A pattern compiled on first use: importing the rules costs no compilation."""

    __slots__ = ("_source", "_pattern")

    def __init__(self, source: str) -> None:
        self._source = source
        self._pattern: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._pattern is None:
            self._pattern = re.compile(self._source)
        return getattr(self._pattern, name)


_STOPS = PIECE_END + "…"
_CLOSERS = "”’」』）)》"
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("〈", "〉"))


def _closed(text: str) -> bool:
    return all(text.count(a) <= text.count(b) for a, b in _PAIRS)


def _finished(text: str) -> bool:
    """A paragraph that ends as a sentence does: a full stop (before any closing quote or
    bracket), no bracket left open; or a note in brackets (（此件公开发布）)."""
    text = text.rstrip()
    if text[:1] in "（(" and text[-1:] in "）)" and not re.compile(r"[）)]").search(text[:-1]):
        return True  # one bracket round it all
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _STOPS and _closed(text)


SEVERITY_NAMES = {"error": "错误", "warning": "警告", "note": "提示"}


@dataclass
class Finding:
    """What a check found: code, severity, message, and where."""

    code: str
    severity: str
    message: str
    part: str = ""
    paragraph: int = 0
    line: int = 0
    suggestion: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Ctx:
    """One check of one document: the document and the findings so far."""

    document: Document
    findings: list[Finding] = field(default_factory=list)

    @property
    def doc(self) -> ParsedDoc:
        return self.document.doc

    @property
    def norm(self) -> list[str]:
        return self.document.norm

    def raw(self, index: int) -> str:
        """Paragraph ``index`` (1-based) as written."""
        return self.document.raw[index - 1]

    def _para(self, index: int) -> Para | None:
        """The paragraph numbered ``index``, or None when the reader folded it into another."""
        if not 0 < index <= len(self.doc.paras) or self.doc.paras[index - 1].index != index:
            return next((q for q in self.doc.paras if q.index == index), None)
        return self.doc.paras[index - 1]

    def add(self, code: str, severity: str, message: str, index: int = 0, suggestion: str = "") -> None:
        if severity not in SEVERITIES or not known(code):
            raise ValueError(f"unknown finding {code}/{severity}")
        part = ""
        if index:
            # by its number, not its place: a paragraph the reader folds into the heading above it
            # (a lone 【待写：…】 under a （一） heading) leaves no place of its own
            p = self._para(index)
            # signature and date belong to no part (a rendered draft files them under "other")
            part = p.part if p and p.part in PART_NAMES and p.kind in ("h1", "body", "h2", "h3", "h4") else ""
        lines = self.document.lines
        line = lines[index - 1] if index and lines else 0
        self.findings.append(Finding(code, severity, message, part, index, line, suggestion))

    @functools.cached_property
    def broken_at(self) -> int:
        """The paragraph where the text stops part-way (0 when it does not): its last one,
        when that is a heading with nothing under it, or stops without closing punctuation
        or with a bracket left open, and no signature or date follows. A page copied only
        in part, a file cut short: what would come after it cannot be checked."""
        paras = self.doc.paras
        if self.document.report is not None or not paras:
            return 0  # a data file: rendered whole
        last = paras[-1]
        if last.kind == "date" or "【待" in self.raw(last.index):
            return 0  # a date, or one still to fill (【待填：成文日期】, F004)
        if last.kind == "signature":
            before = paras[-2] if len(paras) > 1 else None
            if before is None or (before.kind not in ("h1", "h2", "h3", "h4") or before.text) \
                    and _finished(self.norm[before.index - 1]):
                return 0
            return last.index  # what looks like a signature is the broken sentence
        if last.kind in ("h1", "h2", "h3", "h4") and not last.text:
            return last.index  # a heading with nothing under it
        text = self.norm[last.index - 1]
        if closes_report(text) and _closed(text):
            return 0  # a last paragraph that only lost its full stop (……保驾护航) ends a report
        if _finished(text):
            return last.index if self.stops_mid_report else 0
        return last.index

    @functools.cached_property
    def stops_mid_report(self) -> bool:
        """The last paragraph ends as a sentence does, yet the report visibly stops there: it
        is numbered in parts, the plan (the last part) is not among them, the last paragraph
        stands in a part that others must follow and does not close the report (特此报告,
        展望 with 将, ……保驾护航), and no signature or date follows. A page excerpt cut right
        after a 。 (the reader finds no plan heading, no signature, no date)."""
        doc = self.doc
        last = doc.paras[-1]
        if last.kind not in ("body", "h2", "h3", "h4") or not _finished(self.norm[last.index - 1]) \
                or not any(p.kind == "h1" for p in doc.paras):
            return False
        return "plan" not in doc.present_parts() and last.part in ("opening", "measures", "leadership", "shortcomings")

    def body(self, part: str | None = None) -> Iterator[Para]:
        for p in self.doc.paras:
            if p.kind in ("body", "h2", "h3", "h4") and (part is None or p.part == part):
                yield p
