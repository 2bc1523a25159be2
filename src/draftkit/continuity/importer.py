"""Import an existing report (.docx, .txt, .md — made with draftkit or not) into the data
format that ``draftkit render`` reads.

Import reads the report through draftkit.reading (the reader's parser for text from outside) (parts by heading and content, level-2
headings, 一是… enumerations) and turns every figure in a sentence into a slot with a
value (the figure grammar of draftkit.figures): ``6件，同比减少40%`` becomes ``{f1}`` = ``{current: 6, previous: 10, unit: 件}`` (the
previous value worked back from the percentage and checked), ``37项`` becomes
``{current: 37, unit: 项}``. Rendering the imported data gives the same text back.
"""

from __future__ import annotations

import re
from pathlib import Path

from draftkit.domain import (
    PART_KEYS,
    REQUIRED_PARTS,
    default_part_heading,
    default_title,
    guess_level,
)
from draftkit.errors import DraftkitError
from draftkit.figures import find_written
from draftkit.reading.parsed import Para
from draftkit.reading.document import Document
from draftkit.report.schema import STYLE, figure, record

_MARKER_START = re.compile(r"^[一二三四五六七八九十]{1,2}是")
_NUMBERED = re.compile(r"^(\d{1,2})\.(?!\d)")


def slot_figures(text: str, counter: list[int]) -> tuple[str, dict]:
    """Figures in a sentence → ``{fN}`` slots and their values (round trip exact)."""
    values: dict = {}
    out, last = [], 0
    for found in find_written(text):
        counter[0] += 1
        name = f"f{counter[0]}"
        fig = found.figure
        values[name] = figure(fig.current, fig.unit, fig.previous)
        out.append(text[last:found.start] + "{" + name + "}")
        last = found.end
    return "".join(out) + text[last:], values


def _item(text: str, counter: list[int], year: int | None) -> dict | str:
    text = text.strip()
    slotted, values = slot_figures(text, counter)
    slotted = _templ_years(slotted, year)
    if not values and slotted == text:
        return text
    return record("item", text=slotted, values=values or None)


def _section_from(paras: list[Para], counter: list[int], year: int | None) -> tuple[list[str], dict | None]:
    """Paragraphs under one heading (or none) → (intro paragraphs, section)."""
    if not paras:
        return [], None
    # enumerate: one paragraph holding 一是…二是…
    if len(paras) == 1 and len(paras[0].items) >= 2:
        p = paras[0]
        texts = p.items
        if any(t.rstrip().endswith("；") for t in texts):  # 一是甲；二是乙。: phrases joined by ；
            texts = [t.rstrip().rstrip("；。") for t in texts]
        return [], record("section", style=STYLE, items=[_item(t, counter, year) for t in texts], intro=p.lead or None)
    marked = [bool(_MARKER_START.match(p.text)) for p in paras]
    numbered = [bool(_NUMBERED.match(p.text)) for p in paras]
    lead = 0
    while lead < len(paras) and not marked[lead] and not numbered[lead]:
        lead += 1
    rest = paras[lead:]
    if rest and all(marked[lead:]):
        items = [_item(_MARKER_START.sub("", p.text), counter, year) for p in rest]
        return [p.text for p in paras[:lead]], record("section", style="enumerate_paragraphs", items=items)
    if rest and all(numbered[lead:]):
        items = [_item(_NUMBERED.sub("", p.text), counter, year) for p in rest]
        return [p.text for p in paras[:lead]], record("section", style="numbered", items=items)
    return [], record("section", style="paragraphs", items=[_item(p.text, counter, year) for p in paras])


def _named_in_title(title: str) -> str:
    """The issuer a title without 关于 names (国家税务总局青山县税务局2024年度法治政府建设工作情况报告),
    when the issuer model reads it as one: a place or a kind its name shows."""
    from draftkit import issuers

    m = re.match(r"^(.{2,30}?)(?:20\d\d|二〇)", title)
    if not m:
        return ""
    name = m.group(1)
    return name if issuers.parse(name).place or issuers.kind_key(name, "", []) != "county" else ""


def _issuer(name: str) -> dict:
    """Who wrote the report, as the issuer model reads the name: its level (a 街道 is 乡镇, a
    税务局 部门) and its place (东湖街道, 青山县)."""
    from draftkit import issuers

    p = issuers.parse(name) if name else None
    return record("issuer", name=name, level=p.level if p else guess_level(""), place=(p.place or None) if p else None)


def to_data(document: Document) -> dict:
    """The report as a data file (the report's own year)."""
    doc = document.doc
    if not any(p.kind == "h1" and p.part in REQUIRED_PARTS for p in doc.paras):
        raise DraftkitError(f"{doc.name}: 没有找到报告的各部分（如“一、……主要举措和成效”），不像是一份年度报告")
    year = doc.year
    issuer = _issuer(doc.issuer or _named_in_title(doc.title))
    data = record("report", issuer=issuer, year=year, date=doc.date)
    if document.sealed is False:
        data["layout"] = record("layout", sealed=False)
    if doc.addressee:
        data["addressee"] = doc.addressee
    if doc.title and year and doc.title != default_title(issuer["name"], issuer["level"], year):
        data["title"] = doc.title
    opening = [p.text for p in doc.paras if p.part == "opening" and p.kind == "body"]
    if opening:
        data["opening"] = [_templ_years(t, year) for t in opening]
    closing = [p.text for p in doc.paras if p.part == "closing"]
    data["closing"] = closing[-1] if closing else ""
    parts: dict = {}
    order: list[str] = []
    counter = [0]
    current_heading: dict[str, str] = {}
    # Group the body paragraphs: part → runs under the same level-2 heading.
    groups: list[tuple[str, str, list[Para]]] = []
    for p in doc.paras:
        if p.kind == "h1" and p.part in PART_KEYS:
            current_heading[p.part] = p.text
            continue
        if p.kind not in ("body", "h2", "h3", "h4") or p.part not in PART_KEYS:
            continue
        heading = p.heading if p.kind == "h2" else None
        if heading is not None or not groups or groups[-1][0] != p.part:
            groups.append((p.part, heading or "", []))
        if p.kind == "h2" and not (p.lead or p.items or p.text):
            continue  # a heading on a line of its own
        groups[-1][2].append(p)
    headed = {key for key, heading, _ in groups if heading}
    for part_key, heading, paras in groups:
        part = parts.setdefault(part_key, {})
        if not heading and part_key in headed and not part.get("sections"):
            part.setdefault("intro", []).extend(p.text for p in paras)  # before the first （一）
            order.append(part_key) if part_key not in order else None
            continue
        if part_key not in order:
            order.append(part_key)
        intro, sec = _section_from(paras, counter, year)
        if heading:
            sec = record("section", **{"heading": heading, **(sec or {"items": []})})
        if intro and not heading and not part.get("sections"):
            part.setdefault("intro", []).extend(intro)
        elif intro:
            sec.setdefault("intro", "")
            sec["intro"] = "".join(intro) + sec["intro"]
        if sec and (sec.get("items") or sec.get("intro")):
            part.setdefault("sections", []).append(sec)
    for key, heading in current_heading.items():
        if key in parts and year and heading != default_part_heading(key, year):
            parts[key]["heading"] = heading
        if key == "plan" and key in parts:
            m = re.compile(r"(\d{4})年").match(heading)
            if m:
                parts[key]["year"] = int(m.group(1))
    data["parts"] = {k: _simplify(v) for k, v in parts.items()}
    if order != [k for k in PART_KEYS if k in order]:
        data["order"] = order + [k for k in PART_KEYS if k not in order]
    return data


def _simplify(part: dict) -> dict:
    """A part of one unheaded section is written as items (and style) directly."""
    secs = part.get("sections", [])
    if len(secs) == 1 and "heading" not in secs[0] and "intro" not in secs[0]:
        out = {k: v for k, v in part.items() if k != "sections"}
        out["items"] = secs[0]["items"]
        if secs[0].get("style", STYLE) != STYLE:
            out["style"] = secs[0]["style"]
        return out
    for sec in secs:
        if sec.get("style") == STYLE:
            del sec["style"]
    return part


def _templ_years(text: str, year: int | None) -> str:
    """The report's year and the next as {year}/{next_year}, so they move on with the draft;
    years inside a document title 《…》 stay as written."""
    if not year:
        return text

    def outside_titles(chunk: str) -> str:
        chunk = re.compile(rf"(?<!\d){year}(?=年)").sub("{year}", chunk)
        return re.compile(rf"(?<!\d){year + 1}(?=年)").sub("{next_year}", chunk)

    parts = re.compile(r"(《[^《》]*》)").split(text)
    return "".join(p if p.startswith("《") else outside_titles(p) for p in parts)


def read_report(path: Path, force: bool = False) -> tuple[dict, str]:
    """A report file as data for its own year, and why it does not look like the issuer's
    own annual report ('' when it does). Such a text (a study report on another city, a review
    article) is refused unless ``force``: imported, its measures would become the clerk's own."""
    from draftkit.continuity.genre import refusal
    from draftkit.reading.document import read

    document = read(path)
    data = to_data(document)
    if not data.get("year"):
        raise DraftkitError(f"{path}: 看不出报告的是哪一年（标题、一级标题和成文日期中都没有）")
    warning = refusal(document.doc)
    if warning and not force:
        raise DraftkitError(warning)
    return data, warning


def import_report(path: Path, force: bool = False) -> dict:
    """A report file as data for its own year; a text that is not the issuer's annual report
    is refused unless ``force``."""
    return read_report(path, force)[0]


__all__ = ["import_report", "read_report", "to_data", "slot_figures"]
