"""Level: self-references and wording of another level than the issuer's (S007) — 全市 in
a county's report, 全县 in a city's, 镇政府常务会议 in a township's, 我局 in a government's;
and claims the issuer cannot make: a department speaking as its government (县政府新出台,
青岚县坚持…), a government making 地方性法规, a township deciding 行政复议 or managing 律所.
The words are data (data/level_words.yaml)."""

from __future__ import annotations

import functools
import re

from draftkit.review.context import Ctx


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    from draftkit.resources import data_file

    raw = data_file("level_words.yaml")
    compiled = {key: [(r["find"], r.get("note", "")) for r in rows]
                for key, rows in [*raw["levels"].items(), ("government", raw["government"]), ("department", raw["department"])]}
    return {"rows": compiled, "before": re.compile(raw["above_before"]), "after": re.compile(raw["above_after"])}


# Any county, district or city named as the subject, where the issuer does not say its own.
_ANY_ABOVE = r"(?![全各我本该])[\u4e00-\u9fff]{2,4}?(?:县|区|旗|市)"


def above(name: str) -> str:
    """A township's superior places as a pattern: those its name gives (青岚县石桥镇人民政府 →
    青岚县), else any county, district or city name."""
    from draftkit.levels import place_pattern

    leading = re.compile(place_pattern("街道"))  # a place at the head of a name (a run of them)
    places, at = [], 0
    while (m := leading.match(name, at)) is not None:
        places.append(m.group(0))
        at = m.end()
    higher = [p for p in places if not re.compile(r"(?:镇|乡|街道)$").search(p)]
    return "|".join(re.escape(p) for p in higher) if higher else _ANY_ABOVE


@functools.lru_cache(maxsize=256)
def _pattern(find: str, place: str, name: str = "") -> re.Pattern | None:
    """A row's pattern; ``{place}`` stands for the issuer's place (青岚县), a row with it is
    skipped when the place is not known; ``{above}`` for a township's superior places."""
    if "{place}" in find:
        if not place:
            return None
        find = find.replace("{place}", re.escape(place))  # the user's place: not kept in the pattern store
        return re.compile(find.replace("{above}", above(name)) if "{above}" in find else find)
    if "{above}" in find:  # built from the issuer's name: not kept in the pattern store
        return re.compile(find.replace("{above}", above(name)))
    return re.compile(find)


def _name(ctx: Ctx) -> str:
    report = ctx.document.report
    return (report.issuer.name if report is not None else ctx.doc.issuer) or ""


def _place(ctx: Ctx) -> str:
    from draftkit.domain import place_of

    report = ctx.document.report
    name = report.issuer.name if report is not None else ctx.doc.issuer
    return (report.issuer.place if report is not None else "") or place_of(name) or ""


def place_level(ctx: Ctx) -> tuple[str, str, bool]:
    """(level, own character, is a department) of the place the issuer stands for:
    青岚县司法局 → (县, 县, True); 白鹭镇人民政府 → (乡镇, 镇, False)."""
    report = ctx.document.report
    name = report.issuer.name if report is not None else ctx.doc.issuer
    place = _place(ctx)
    department = bool(name) and not re.compile(r"(人民政府|政府|街道办事处|办事处)$").search(name)
    if "街道" in name or re.compile(r"[镇乡]$").search(place) or re.compile(r"[镇乡]人民政府$").search(name):
        return "乡镇", "镇" if "镇" in place or "镇" in name else "乡" if place.endswith("乡") else "街道", department
    from draftkit import levels

    level = levels.table().units.get(levels.place_unit(place), "")  # data/levels.yaml units
    if level in ("省", "市"):
        return level, level, department
    if level == "县区":
        return "县", place[-1], department
    return "", "", department


def check_level(ctx: Ctx) -> None:
    level, own, department = place_level(ctx)
    table = _table()
    if not ctx.doc.issuer and ctx.document.report is None:
        return
    place = _place(ctx)
    rows = [(pattern, note) for find, note in
            [*table["rows"].get(level, []), *table["rows"]["department" if department else "government"]]
            if (pattern := _pattern(find, place, _name(ctx))) is not None]
    for p in ctx.body():
        text = p.heading + p.text
        plain_said = False  # a self-reference (全市) once a paragraph; each claim of another body (a row with a note) once
        for pattern, note in rows:
            if plain_said and not note:
                continue
            m = next((m for m in pattern.finditer(text)
                      if note or not (table["before"].search(text[max(0, m.start() - 2):m.start()])
                                      or table["after"].match(text[m.end():]))), None)
            if m is None:
                continue
            word = m.group(0)
            fix = re.compile(r"[省市县区镇]").sub(own, word, count=1) if not note and own else "改为本级的说法"
            why = f"：{note}" if note else ""
            ctx.add("S007", "warning", f"“{word[:12]}”与发文机关的层级不符（{ctx.doc.issuer or '本报告'}）{why}", p.index, fix)
            if not note:
                plain_said = True
