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
    return {"rows": compiled, "before": re.compile(raw["above_before"]), "after": re.compile(raw["above_after"]),
            "tiers": raw["tiers"]}


# Any county, district or city named as the subject, where the issuer does not say its own.
_ANY_ABOVE = r"(?![全各我本该])[\u4e00-\u9fff]{2,4}?(?:县|区|旗|市)"


def above(name: str) -> str:
    """A township's superior places as a pattern: those its name gives (青岚县石桥镇人民政府 →
    青岚县; the issuer model reads the name), else any county, district or city name."""
    from draftkit import issuers

    own = issuers.parse(name).place
    higher = [p for p in issuers.places_in(name) if p != own]
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
    """The issuer's name, without what a web page put around it (]丰都县栗子乡人民政府, |区农业农村局)."""
    report = ctx.document.report
    name = (report.issuer.name if report is not None else ctx.doc.issuer) or ""
    return _PAGE_MARKS.sub("", name)


_PAGE_MARKS = re.compile(r"^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff）)]+$")


def _place(ctx: Ctx) -> str:
    from draftkit.domain import place_of

    report = ctx.document.report
    return (report.issuer.place if report is not None else "") or place_of(_name(ctx)) or ""


def profile(ctx: Ctx):
    """The issuer as the issuer model reads it (data/issuers.yaml): its name, the level its
    data file gives and its place."""
    from draftkit import issuers

    report = ctx.document.report
    name = (report.issuer.name if report is not None else ctx.doc.issuer) or ""
    level = report.issuer.level if report is not None else ""
    return issuers.parse(name, level, (report.issuer.place if report is not None else "") or "")


def place_level(ctx: Ctx) -> tuple[str, str, bool]:
    """(level, own character, is a department) of the place the issuer stands for (the issuer
    model): 青岚县司法局 → (县, 县, True); 白鹭镇人民政府 → (乡镇, 镇, False); a 街道 →
    (乡镇, 街道, False); a State Council department → (省, '', True)."""
    p = profile(ctx)
    if not p.name:
        return "", "", False
    level = _table()["tiers"].get(p.tier, "")
    own = p.words()["本级"] if p.kind.key != "state_department" else ""
    return level, own, p.level == "部门"


def _in_title(text: str, at: int) -> bool:
    """Inside the name of a document (《2025年全县法治政府建设工作要点》): quoted, not said."""
    return text.count("《", 0, at) > text.count("》", 0, at)


def check_level(ctx: Ctx) -> None:
    level, own, department = place_level(ctx)
    table = _table()
    if not ctx.doc.issuer and ctx.document.report is None:
        return
    place = _place(ctx)
    issuer = profile(ctx)
    mine = set(issuer.words().values()) if issuer.name else set()  # its own words are its (市政府常务会议 of a county-level city)
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
                      if not _in_title(text, m.start()) and (note or not own or own not in m.group(0))  # 全市 of a 直辖市
                      and m.group(0) not in mine
                      and (note or not (table["before"].search(text[max(0, m.start() - 2):m.start()])
                                        or table["after"].match(text[m.end():])))), None)
            if m is None:
                continue
            word = m.group(0)
            fix = re.compile(r"[省市县区镇]").sub(own, word, count=1) if not note and own else "改为本级的说法"
            why = f"：{note}" if note else ""
            ctx.add("S007", "warning", f"“{word[:12]}”与发文机关的层级不符（{_name(ctx) or '本报告'}）{why}", p.index, fix)
            if not note:
                plain_said = True
    _check_kind(ctx)


def _check_kind(ctx: Ctx) -> None:
    """What the issuer's kind does not say (data/issuers.yaml says_not: 我镇 in a 街道's
    report, 个别科室 in a 厅's, 党组书记、局长 in a 税务局's), each with the model's word for it."""
    from draftkit import issuers

    p = profile(ctx)
    if not p.name:
        return
    words = p.words(ctx.document.report.issuer.leader if ctx.document.report is not None else "")
    for find, fix, note in issuers.says_not(p):
        own = words.get(fix) or (p.led_by if fix == "led_by" else fix)
        pattern = re.compile(find)
        for para in ctx.body():
            text = para.heading + para.text
            m = next((m for m in pattern.finditer(text) if own not in m.group(0)), None)
            if m is not None:
                ctx.add("S007", "warning", f"“{m.group(0)[:16]}”不是{p.kind.name}的说法（{ctx.doc.issuer or p.name}）"
                        + (f"：{note}" if note else ""), para.index, own or "改为本单位的说法")
