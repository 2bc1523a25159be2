"""What every rule works on: the document, and the findings it adds."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterator

from draftkit.domain import PART_NAMES
from draftkit.reading.parsed import Para, ParsedDoc
from draftkit.reading.document import Document
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

    def add(self, code: str, severity: str, message: str, index: int = 0, suggestion: str = "") -> None:
        if severity not in SEVERITIES or not known(code):
            raise ValueError(f"unknown finding {code}/{severity}")
        part = ""
        if index:
            p = self.doc.paras[index - 1]
            # signature and date belong to no part (a rendered draft files them under "other")
            part = p.part if p.part in PART_NAMES and p.kind in ("h1", "body", "h2", "h3", "h4") else ""
        lines = self.document.lines
        line = lines[index - 1] if index and lines else 0
        self.findings.append(Finding(code, severity, message, part, index, line, suggestion))

    def body(self, part: str | None = None) -> Iterator[Para]:
        for p in self.doc.paras:
            if p.kind in ("body", "h2", "h3", "h4") and (part is None or p.part == part):
                yield p
