"""Which part of a report each paragraph belongs to, by its heading and by its content:
the rules are in ``data/parts.yaml``. Real reports vary (leaders' duties first, Party
leadership folded into part one, an overview first, shortcomings at the end of part one,
study reports with 问题 and 打算, articles with no parts at all)."""

from __future__ import annotations

import functools
import re

from draftkit.reading.lexicon import unfinished
from draftkit.reading.parsed import ParsedDoc

_YEAR = re.compile(r"(20\d{2})年")


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    from draftkit.resources import data_file

    raw = data_file("parts.yaml")
    return {
        "headings": [(r["part"], re.compile(r["find"]), re.compile(r["unless"]) if r.get("unless") else None)
                     for r in raw["headings"]],
        "sections": [(r["part"], frozenset(r["within"]), re.compile(r["find"])) for r in raw["sections"]],
        "admission": re.compile(raw["admission"]),
        "plan_start": re.compile(raw["plan_start"]),
    }


def part_of_heading(text: str, year: int | None = None) -> str | None:
    """The part a level-1 heading opens, or None when it names none."""
    if year and any(int(y) == year + 1 for y in _YEAR.findall(text)) and not _rules()["headings"][1][1].search(text):
        return "plan"  # 四、2025年……主要举措 in the report on 2024
    for part, rule, unless in _rules()["headings"]:
        if rule.search(text) and not (unless and unless.search(text)):
            return part
    return None


def part_of_section(heading: str, part: str) -> str:
    """The part a level-2 or level-3 heading belongs to inside a part."""
    for to, within, rule in _rules()["sections"]:
        if part in within and rule.search(heading):
            return to
    return part


def assign_parts(doc: ParsedDoc) -> None:
    rules = _rules()
    has_h1 = any(p.kind == "h1" for p in doc.paras)
    part = "opening" if has_h1 else ""
    section, section_part, sub_part = "", "", ""
    body_paras = [p for p in doc.paras if p.kind in ("body", "h2", "h3", "h4")]
    last_body = body_paras[-1] if body_paras else None
    has_plan_heading = any(p.kind == "h1" and part_of_heading(p.text, doc.year) == "plan" for p in doc.paras)
    for p in doc.paras:
        if p.kind == "h1":
            part = part_of_heading(p.text, doc.year) or "measures"
            section, section_part, sub_part = "", "", ""
            p.part = part
            continue
        if p.kind not in ("body", "h2", "h3", "h4"):
            p.part = "other"
            continue
        if p.kind == "h2":
            section = p.heading
            section_part = part_of_section(p.heading, part) if part and p.heading else ""
            sub_part = ""
        elif p.kind in ("h3", "h4") and p.heading and part:
            sub_part = part_of_section(p.heading, section_part or part)
        p.section = section
        first = re.compile(r"[。：]").split(p.text, maxsplit=1)[0]
        own = sub_part or section_part or part or ""
        if not own:  # no parts at all: content decides; guiding-thought openings first
            own = "opening" if p is body_paras[0] and re.compile(r"坚持以.{2,40}为|近年来|报告如下").search(p.text) else "measures"
            if p.heading:
                own = part_of_section(p.heading, own)
        if own in ("measures", "opening") and rules["admission"].search(first):
            own = "shortcomings"
        if own != "plan" and rules["plan_start"].search(p.text):
            own = "plan"
        if "特此报告" in p.text:
            own = "closing"
        elif p is last_body and not has_plan_heading and own == "measures" and re.compile(r"将").search(p.text) \
                and not p.items and not (p is doc.paras[-1] and unfinished(p.text)):
            own = "closing"
        p.part = own
