"""Read a report of any kind — a .docx, .txt or .md written by hand, or a YAML data file
that draftkit renders — into one shape that check, import and diff all use: the
paragraphs as written, their normalised text parsed into kinds and parts, and what is
known about the report (year, date, issuer, last year's report).

A data file is rendered and its paragraphs keep the kinds and parts the templates gave
them; only text from outside is parsed and its parts guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.reading.parsed import ParsedDoc

DATA_SUFFIXES = (".yaml", ".yml")


@dataclass
class Document:
    """A report as read: ``raw[i]`` is paragraph ``doc.paras[i]`` as written (after the
    page chrome of a web copy is set aside) and ``lines[i]`` its line in a text file."""

    name: str
    doc: ParsedDoc
    raw: list[str]
    norm: list[str]  # the same paragraphs normalised (Simplified, full-width punctuation)
    lines: list[int] = field(default_factory=list)
    last: Path | None = None  # last year's report, to compare with
    sealed: bool | None = None  # laid out with a seal (docx and data files only)
    report: object | None = None  # the report model, for a data file

    @property
    def year(self) -> int | None:
        return self.doc.year

    @property
    def date(self) -> dt.date | None:
        return self.doc.date


def from_lines(name: str, raw_lines: list[str], numbers: list[int] | None = None, *, year: int | None = None,
               date: dt.date | None = None, issuer: str = "") -> Document:
    """Paragraphs of a text from outside: normalised, page chrome set aside, parsed. What
    is known of the report (its year, date, issuer) overrides what the text suggests."""
    from draftkit.reading.normalise import PageChrome, mend, read_line, to_simplified
    from draftkit.reading.structure import parse
    from draftkit.slots import without_to_write

    whole = "\n".join(mend(line) for line in raw_lines)
    simplified = to_simplified(whole) == whole  # nothing to convert (most reports): no conversion a line
    raw, norm, lines, chrome = [], [], [], []
    aside = PageChrome()
    for i, line in enumerate(raw_lines):
        line = line.strip(" \t\u3000\u00a0\ufeff")
        text = read_line(without_to_write(line), simplified) or read_line(line, simplified) if line else ""
        if not text:
            continue
        if aside(line, text):
            chrome.append(text)
            continue
        raw.append(line)
        norm.append(text)
        lines.append(numbers[i] if numbers else 0)
    doc = parse(Path(name).name, norm, chrome)
    doc.year = year or doc.year
    doc.date = date or doc.date
    doc.issuer = issuer or doc.issuer
    return Document(name, doc, raw, norm, lines)


def from_report(report, name: str, blocks=None) -> Document:
    """A report model as draftkit renders it: kinds and parts as the templates wrote them."""
    from draftkit.reading.normalise import normalise_line
    from draftkit.reading.structure import from_blocks
    from draftkit.render.pipeline import report_blocks

    if blocks is None:
        blocks = report_blocks(report)
    from draftkit.slots import without_to_write

    raw = [b.text for b in blocks]
    norm = [normalise_line(without_to_write(b.text)) for b in blocks]
    if all(b.part or b.kind in ("title", "addressee", "issuer", "date") for b in blocks):
        doc = from_blocks(Path(name).name, [(b.kind, t, b.part) for b, t in zip(blocks, norm)])
    else:  # a template of the user's own that does not mark its parts
        doc = from_lines(name, raw).doc
    doc.year, doc.issuer = report.year, report.issuer.name
    doc.date = report.date if report.date.year > 1 else None  # a draft's date still to be given
    out = Document(name, doc, raw, norm, [0] * len(raw), sealed=report.layout.sealed, report=report)
    out.last = based_on(report, Path(name))
    return out


def read(path: Path) -> Document:
    """Any report file: a data file (.yaml) or a report (.docx/.txt/.md/.html)."""
    from draftkit.inputs import check_regular, check_text_lines

    check_regular(path)
    if path.suffix.lower() in DATA_SUFFIXES:  # read as a draft: what is still to fill is a finding (F004)
        from draftkit.render.pipeline import report_blocks
        from draftkit.report.loader import load_report_lenient

        report, problems = load_report_lenient(path, draft=True)
        if problems:
            raise DraftkitError(problems)
        return from_report(report, str(path), report_blocks(report, draft=True))
    from draftkit.reading.ingest import read_source

    src = read_source(path)
    check_text_lines(str(path), src.text)
    numbered = path.suffix.lower() != ".docx"
    text_lines = src.text.splitlines()
    document = from_lines(str(path), text_lines, list(range(1, len(text_lines) + 1)) if numbered else None)
    if not document.raw:
        raise DraftkitError(f"{path}: 没有可用的文字")
    if path.suffix.lower() == ".docx":
        document.sealed = _sealed(src.text)
    return document


def based_on(report, data_path: Path) -> Path | None:
    """The last year's report a draft names (as written, or next to the data file)."""
    if not report.based_on:
        return None
    given = Path(report.based_on)
    for candidate in (given, data_path.parent / given):
        if candidate.exists():
            return candidate
    return given  # reported as missing by the check


def _sealed(text: str) -> bool | None:
    """A docx lays out a seal with two blank lines above the signature, none with one."""
    raw = text.split("\n")
    while raw and not raw[-1].strip():
        raw.pop()
    if len(raw) < 3:
        return None
    blanks, i = 0, len(raw) - 3  # the line before the signature and date
    while i >= 0 and not raw[i].strip():
        blanks, i = blanks + 1, i - 1
    return {1: False, 2: True}.get(blanks)
