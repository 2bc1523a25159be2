"""A department's own statutory work in its first draft (data/trades.yaml): the trade the
issuer model reads from its name (issuers.parse: 教育局 → 教育, 自然资源和规划局 → 自然资源)
opens its measures with the laws it enforces and its typical enforcement items, puts its
own 普法 duties (谁执法谁普法) in place of the common one, adds its own item to the common
依法决策 and 行政争议 sections, and gives its shortcomings, plan items, the opening's and the
leaders' words (依法治教; 《教育法》…). A city's or province's department also reports how
it guided and supervised the ones below it. A department of a trade the table lacks gets a
section to write (【待写：本行业的执法和监管工作】), never another trade's text.

An autonomous area (自治区、自治州、自治县、自治旗; 民族乡) adds its regional autonomy
(data/drafts.yaml autonomy): 自治条例 and 单行条例, and 双语普法."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from draftkit.report.schema import STYLE, record

if TYPE_CHECKING:
    from draftkit.issuers import Profile

_DEPARTMENTS = ("department", "vertical")  # a State Council department has its own sections (drafts.yaml)
_BELOW = {"省": "市县", "市": "区县"}  # whom a province's or a city's department guides


@functools.lru_cache(maxsize=1)
def table() -> dict:
    from draftkit.resources import data_file

    return data_file("trades.yaml")


@functools.lru_cache(maxsize=1)
def _autonomy() -> dict:
    from draftkit.resources import data_file

    return data_file("drafts.yaml")["autonomy"]


def row(p: "Profile") -> dict | None:
    """The trades.yaml row of a department's trade, or None (not a department, or a trade the table lacks)."""
    if p.kind.key not in _DEPARTMENTS or not p.trade:
        return None
    return table()["trades"].get(p.trade)


def unknown(p: "Profile") -> bool:
    """A department whose trade the table lacks: it writes its trade's work itself."""
    return p.kind.key in _DEPARTMENTS and row(p) is None


def _words(p: "Profile", found: dict | None) -> dict[str, str]:
    """The trade's words our own texts are written with: {执法} (教育行政执法), {system}
    (教育系统), {下级} (区县), {本行业工作} (依法治教、依法治校工作), {本行业法律} (，以及《教育法》…),
    {上级机关} (the body above a department under dual leadership: 市公安局)."""
    found = found or {}
    return {"下级": _BELOW.get(p.tier, "下级"), "system": found.get("system", f"{p.trade}部门" if p.trade else "本系统"),
            "执法": found.get("field", "行政执法"), "业务": found.get("work", f"{p.trade}工作"),
            "本行业工作": f"{found['goal']}工作" if found.get("goal") else "法治建设工作",
            "本行业法律": f"，以及{found['laws']}" if found.get("laws") else "",
            "上级机关": p.fields.get("dual_body") or p.superior}


def _fill(text: str, words: dict[str, str]) -> str:
    for k, v in words.items():
        text = text.replace("{" + k + "}", v)
    return text


def fill(text: str, p: "Profile") -> str:
    """One of our texts with the issuer's trade words written in (its slots left as they are)."""
    return _fill(text, _words(p, row(p)))


def _item(it: dict, words: dict[str, str]) -> dict:
    values = it.get("values")
    return record("item", text=_fill(it["text"], words),
                  values={k: dict(v) if isinstance(v, dict) else v for k, v in values.items()} if values else None)


def _for(it: dict, p: "Profile", year: int) -> bool:
    """Whether an item is for this issuer and year (its tiers and years)."""
    return year in it.get("years", [year]) and p.tier in it.get("tiers", [p.tier])


def _section(heading: str, items: list[dict]) -> dict:
    return record("section", heading=heading, style=STYLE, items=items)


def headings() -> list[tuple[str, str]]:
    """(topic, heading) of every section this table writes, for placing sentences by heading."""
    t = table()
    out = [("enforcement", t["unknown"]["heading"]), ("decisions", t["decide_heading"])]
    auto = _autonomy()
    out += [(auto[k]["topic"], auto[k]["heading"]) for k in ("政府", "乡镇")] + [("thought", auto["部门_heading"])]
    for key, found in t["trades"].items():
        words = {"system": found.get("system", ""), "执法": found.get("field", ""), "业务": found.get("work", f"{key}工作")}
        out += [("enforcement", found["duties"]["heading"])] if "duties" in found else []
        out += [("thought", _fill(found["pufa"]["heading"], words))] if "pufa" in found else []
        out += [("organisation", _fill(t["guide"]["heading"], {**words, "下级": below})) for below in _BELOW.values()]
        out += [("enforcement", _fill(drafts_enforcement(), words))]
        out += [("organisation", found["branches"]["heading"])] if "branches" in found else []
    return out


def drafts_enforcement() -> str:
    """The heading of a department's common enforcement section (drafts.yaml own_measures 部门)."""
    from draftkit.resources import data_file

    return next(s["heading"] for s in data_file("drafts.yaml")["own_measures"]["部门"]["sections"] if s["topic"] == "enforcement")


def _guide(found: dict, words: dict[str, str], p: "Profile") -> dict:
    """A province's or city's department's section on those below it: guidance and
    supervision, or — where its trade's branches below are its own (生态环境: trades.yaml
    branches) — its direct management of them."""
    branches = found.get("branches") if p.tier in found.get("branches", {}).get("tiers", []) else None
    if branches:
        words = {**words, "下级": "", "system": branches["below"]}
    own = (branches or found).get("guide")
    items = ([_item(own, words)] if own else []) + [_item(it, words) for it in table()["guide"]["items"]]
    return _section(_fill(branches["heading"] if branches else table()["guide"]["heading"], words), items)


def measures(p: "Profile", year: int, common: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """A department's measures sections (with their topics): its trade's duties, its guidance
    of those below (a province's or city's), then the common ones (``common``, drafts.yaml
    own_measures): its decisions and disputes as one section with its trade's item for each,
    and its trade's 普法 in place of the common 普法 section. A trade the table lacks: a
    section to write first, then the common ones."""
    found = row(p)
    if p.kind.key not in _DEPARTMENTS:
        return common
    if found is None:
        todo = record("item", todo=table()["unknown"]["todo"])
        return [("enforcement", _section(table()["unknown"]["heading"], [todo]))] + common
    words = _words(p, found)
    out: list[tuple[str, dict]] = []
    if not found.get("own") and "duties" in found:
        out.append(("enforcement", _section(found["duties"]["heading"],
                                            [_item(it, words) for it in found["duties"]["items"] if _for(it, p, year)])))
    if p.tier in _BELOW:
        out.append(("organisation", _guide(found, words, p)))
    merged: dict | None = None  # its decisions and its disputes: one section (data/trades.yaml decide_heading)
    for topic, section in common:
        if found.get("own"):
            out.append((topic, section))
            continue
        if topic == "thought" and "pufa" in found:
            section = _section(_fill(found["pufa"]["heading"], words), [_item(it, words) for it in found["pufa"]["items"]
                                                                        if _for(it, p, year)])
        elif topic in ("decisions", "disputes"):
            extra = found.get("decision" if topic == "decisions" else "dispute")
            items = section["items"] + ([_item(extra, words)] if extra else [])
            if merged is not None:
                merged["items"] += items
                continue
            section = merged = _section(table()["decide_heading"], items)
        out.append((topic, section))
    return out


def pairs(p: "Profile") -> list[dict]:
    """A department's trade's shortcomings with their plan items, or [] (then the common ones)."""
    found = row(p)
    return [] if found is None or found.get("own") else [dict(x) for x in found.get("pairs", [])]


def plan_items(p: "Profile", plan_year: int) -> list[str]:
    """A department's trade's plan items for the year planned."""
    found = row(p)
    return [] if found is None else [it["text"] for it in found.get("plan", []) if plan_year in it.get("years", [plan_year])]


def goal(p: "Profile") -> str:
    """What the opening says the department advanced (围绕办好人民满意的教育，扎实推进依法治教、
    依法治校…), else 依法行政."""
    found = row(p)
    return f"围绕{found['mission']}，扎实推进{found['goal']}" if found else "扎实推进依法行政"


def laws(p: "Profile") -> str:
    """The laws of its trade its leaders studied (《教育法》…等教育法律法规), else ''."""
    found = row(p)
    return found["laws"] if found else ""


def autonomy(p: "Profile", year: int, sections: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """The measures of an autonomous area (data/drafts.yaml autonomy): a government's or a
    民族乡's own section after the others; a department's 双语普法 in its 普法 section."""
    if not p.autonomous:
        return sections
    data = _autonomy()
    words = {"place": p.place}
    if p.level == "部门":
        for topic, section in sections:
            if topic == "thought":
                section["items"].append(_item(data["部门"], words))
                return sections
        return sections + [("thought", _section(data["部门_heading"], [_item(data["部门"], words)]))]
    own = data.get("乡镇" if p.level == "乡镇" else "政府")
    items = [_item(it, words) for it in own["items"] if year in it.get("years", [year])]
    return sections + [(own["topic"], _section(own["heading"], items))]
