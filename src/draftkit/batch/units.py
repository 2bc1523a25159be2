"""One row of the batch review a unit's submission: which reports a folder holds, and the
check of one of them summed up as the reviewer's table shows it (issuer, level, year,
counts, missing parts, plan year, blanks, 同比 errors, the findings). The check is the
one ``draftkit check`` runs on one file; a file that cannot be read is a row saying why."""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

# What a reviewer receives: Word, WPS, text and Markdown, and PDF (through LibreOffice).
SUFFIXES = (".docx", ".doc", ".wps", ".txt", ".md", ".markdown", ".pdf")
SAID = "、".join(s for s in SUFFIXES if s != ".markdown")  # as messages name them: .docx、.doc、…
TOP = 3  # findings shown in the table's row; all of them behind the row's link


@dataclass
class Unit:
    """One submission as the table shows it. ``problem`` says, in Chinese, why the file
    could not be checked (the counts are then 0); ``findings`` are the check's findings as
    ``draftkit check`` prints them (a paragraph's blanks as one), each a plain dict."""

    file: str  # as shown: relative to the folder given
    path: str = ""
    issuer: str = ""
    level: str = ""
    year: int | None = None
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    missing: list[str] = field(default_factory=list)  # the required parts' Chinese names
    plan_year: int | None = None
    blanks: int = 0  # every 【待填】, placeholder and ＊＊ left (F004, one a blank)
    yoy_errors: int = 0  # 同比 that does not match its two figures (F001)
    findings: list[dict] = field(default_factory=list)
    problem: str = ""

    @property
    def failed(self) -> bool:
        """Whether the reviewer must send it back: errors, or it could not be read."""
        return bool(self.errors or self.problem)

    def top(self, n: int = TOP) -> list[dict]:
        """The findings that matter most: errors first, then warnings, then notes."""
        rank = {"error": 0, "warning": 1, "note": 2}
        return sorted(self.findings, key=lambda f: rank.get(f["severity"], 3))[:n]

    def to_dict(self) -> dict:
        return asdict(self)


def find_reports(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[Path]]:
    """The reports under the files and folders given, each with the name the table shows,
    in the order given: a file as it was named, a folder's reports by their path inside it
    (乡镇/石桥镇.docx; with the folder's name in front when several were given), in the
    order of their names; and the files of the folders that are not reports (.xlsx
    attachments …), to be told. A folder is read with its subfolders; hidden files and
    Word's lock files (~$报告.docx, there while Word has the report open) are not reports.
    A file named on its own is always a row, whatever it is; one named twice is one row."""
    found: dict[Path, str] = {}
    others: list[Path] = []
    for given in paths:
        if not given.is_dir():
            found.setdefault(given, str(given))
            continue
        inside: list[tuple[str, Path]] = []
        for root, dirs, files in os.walk(given):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                f = Path(root, name)
                if name.startswith((".", "~$")):
                    continue
                if f.suffix.lower() in SUFFIXES:
                    rel = f.relative_to(given)
                    inside.append(((rel if len(paths) == 1 else given.name / rel).as_posix(), f))
                else:
                    others.append(f)
        for shown, f in sorted(inside):
            found.setdefault(f, shown)
    return list(found.items()), sorted(others)


def check_unit(path: str, shown: str) -> Unit:
    """The worker of the batch (pool.py): one file read and checked, summed up as a row.
    A top-level function of plain arguments, so that a process started afresh (Windows'
    spawn) can run it; whatever goes wrong is the row's problem, never an exception."""
    from draftkit.errors import DraftkitError, SkipFile

    unit = Unit(shown, path)
    try:
        _fill(unit, Path(path))
    except SkipFile as exc:
        unit.problem = exc.why
    except DraftkitError as exc:
        unit.problem = "；".join(p.message for p in exc.problems)
    except MemoryError:
        unit.problem = "读取时内存不足（文件过大或内容异常），未能检查"
    except Exception as exc:  # a bug of ours, on this file only
        unit.problem = f"检查时出现内部错误（{type(exc).__name__}），未能检查；请把这个文件交给 draftkit 的维护者"
    return unit


def _fill(unit: Unit, path: Path) -> None:
    from draftkit.reading.document import read
    from draftkit.review import check

    document = read(path)
    findings = check(document)
    summarise(unit, document, findings)


def summarise(unit: Unit, document, findings: list) -> Unit:
    """A checked document as a row: what it says of itself, and its findings counted as
    ``draftkit check`` counts them."""
    from draftkit.domain import PART_NAMES, REQUIRED_PARTS, guess_level
    from draftkit.review.output import by_paragraph

    doc = document.doc
    issuer = issuer_named(doc)
    unit.issuer = issuer or UNREAD
    unit.level = guess_level(issuer) if issuer else UNREAD
    unit.year = doc.year
    unit.plan_year = plan_year(doc)
    unit.blanks = sum(1 for f in findings if f.code == "F004")
    unit.yoy_errors = sum(1 for f in findings if f.code == "F001")
    present = doc.present_parts()
    unit.missing = [PART_NAMES[key] for key in REQUIRED_PARTS if key not in present]
    shown = by_paragraph(findings, "（每一处在报告中标为【待填】或【待写】）")  # a table sent back: no --json
    unit.findings = [f.to_dict() for f in shown]
    unit.errors = sum(1 for f in shown if f.severity == "error")
    unit.warnings = sum(1 for f in shown if f.severity == "warning")
    unit.notes = sum(1 for f in shown if f.severity == "note")
    return unit


_YEAR = re.compile(r"(\d{4})\s*年")
UNREAD = "未识别"  # the issuer (and so the level) neither the title, the signature nor the opening names


def issuer_named(doc) -> str:
    """Who sent the report, as the reviewer's table names it: the issuer the reader found
    (the title's, the signature's, a web page's 来源); else a body's name at the head of the
    title (中共双牌县教育局党组2024年度… → 双牌县教育局), on the line above the title (赵县人民政府 /
    2022年度…报告), or as the opening's subject (2021年度，在市委、市政府的领导下，东城街道…).
    Those of the title and the opening only when the issuer model reads a place (or a
    State Council body) in them; "" when none names one."""
    if doc.issuer:
        return doc.issuer
    ends = _ends()
    candidates = []
    if doc.title:
        if m := re.match(rf"^(?:中共)?([\u4e00-\u9fff]{{2,30}}?(?:{ends}))(?:党组|党委)?(?=\d{{4}}年|关于)", doc.title):
            candidates.append(m.group(1))
        at = next(i for i, p in enumerate(doc.paras) if p.text == doc.title or p.kind == "title")
        above = [p.text for p in doc.paras[max(0, at - 2):at] if re.fullmatch(rf"[\u4e00-\u9fff、]{{2,30}}?(?:{ends})", p.text)]
        if above:  # a body's name alone above the title is its issuer, even one the model reads no place in (赵县人民政府)
            return above[-1]
    opening = next((p.text for p in doc.paras if p.kind == "body"), "")
    if m := _SUBJECT.match(opening):
        from draftkit.issuers import places_in

        places = "".join(places_in(opening[m.end():]))
        if places and not re.search(_NOT_SUBJECT, places):
            rest = re.match(rf"[\u4e00-\u9fff]{{0,12}}?(?:{ends})", opening[m.end() + len(places):])
            candidates.append(places + (rest.group() if rest and _office(rest.group()) else ""))
    return next((c for c in candidates if _named(c)), "")


# where an opening names its subject: 2024年，…; 2021年度，在市委、市政府的领导下，…
_SUBJECT = re.compile(r"^\d{4}年度?(?:以来)?[，,]?(?:在[^，。]{2,40}?下[，,])?")


_NOT_SUBJECT = r"^[我本]|在"  # 我局在市委…: the report speaking of itself, no name


def _office(rest: str) -> bool:
    """Whether what follows a place names its office: a trade's (文化广电和旅游局, 卫生健康委) or a
    government's or 街道's own (人民政府, 办事处), not a verb that happens to end so (深入践行)."""
    from draftkit.issuers import trade_of

    return trade_of(rest) is not None or rest in ("人民政府", "政府", "办事处", "街道办事处", "管委会", "管理委员会")


def _ends() -> str:
    from draftkit.issuers import body_ends

    return body_ends()


def _named(name: str) -> bool:
    """Whether the issuer model reads the name as a body's: a place in it, or a State Council body."""
    from draftkit import issuers

    p = issuers.parse(name)
    return bool(p.place) or p.kind.key == "state_department"


def plan_year(doc) -> int | None:
    """The year the 下一年度主要安排 is for: its heading's (2026年推进法治政府建设的主要安排),
    else the first year its first paragraph opens with (2026年，我县将…); None when neither says."""
    plan = [p for p in doc.paras if p.part == "plan"]
    for p in plan[:2]:
        if m := _YEAR.match(p.heading or p.text):
            return int(m.group(1))
    return None
