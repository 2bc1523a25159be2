"""Level: self-references and wording of another level than the issuer's (S007) — 全市 in
a county's report, 全县 in a city's, 镇政府常务会议 in a township's, 我局 in a government's;
and claims the issuer cannot make: a department speaking as its government (县政府新出台,
青岚县坚持…), a government making 地方性法规, a township deciding 行政复议 or managing 律所.
The words are data (data/level_words.yaml)."""

from __future__ import annotations

import functools
import re

from draftkit import rx
from draftkit.review.context import Ctx


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    from draftkit.resources import data_file

    raw = data_file("level_words.yaml")
    compiled = {key: [(r["find"], r.get("note", "")) for r in rows]
                for key, rows in [*raw["levels"].items(), ("government", raw["government"]), ("department", raw["department"])]}
    return {"rows": compiled, "before": rx.compile(raw["above_before"]), "after": rx.compile(raw["above_after"])}


@functools.lru_cache(maxsize=256)
def _pattern(find: str, place: str) -> re.Pattern | None:
    """A row's pattern; ``{place}`` stands for the issuer's place (青岚县), a row with it is
    skipped when the place is not known."""
    if "{place}" in find:  # built from the user's place: not kept in the pattern store
        if not place:
            return None
        return re.compile(find.replace("{place}", re.escape(place)))
    return rx.compile(find)


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
    department = bool(name) and not rx.compile(r"(人民政府|政府|街道办事处|办事处)$").search(name)
    if "街道" in name or rx.compile(r"[镇乡]$").search(place) or rx.compile(r"[镇乡]人民政府$").search(name):
        return "乡镇", "镇" if "镇" in place or "镇" in name else "乡" if place.endswith("乡") else "街道", department
    if rx.compile(r"(省|自治区)$").search(place):
        return "省", "省", department
    if rx.compile(r"(市|州|盟)$").search(place):
        return "市", "市", department
    if rx.compile(r"(县|区|旗)$").search(place):
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
            if (pattern := _pattern(find, place)) is not None]
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
            fix = rx.compile(r"[省市县区镇]").sub(own, word, count=1) if not note and own else "改为本级的说法"
            why = f"：{note}" if note else ""
            ctx.add("S007", "warning", f"“{word[:12]}”与发文机关的层级不符（{ctx.doc.issuer or '本报告'}）{why}", p.index, fix)
            if not note:
                plain_said = True
