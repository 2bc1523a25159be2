"""Carry a report forward: last year's report (as data) becomes next year's draft —
headings and title moved on, figures carried as last year's values, last year's plan as a
checklist, outdated wording replaced or flagged (draftkit.currency)."""

from __future__ import annotations

import re

from draftkit.currency import replace_outdated
from draftkit.report.datafile import iter_items, text_of


def shift_years(text: str, year: int) -> str:
    """Y+1 → Y+2 and Y → Y+1 in headings and titles (in that order, so none moves twice)."""
    text = re.sub(rf"(?<!\d){year + 1}(?=年)", "\x00", text)
    text = re.sub(rf"(?<!\d){year}(?=年)", str(year + 1), text)
    return text.replace("\x00", str(year + 2))


def readable(item, year: int) -> str:
    """An item's text as last year's report read: figures and years written out."""
    from draftkit import slots
    from draftkit.figures import figure_text
    from draftkit.report.model import Figure

    values = {} if isinstance(item, str) else item.get("values", {})
    values = {"year": year, "next_year": year + 1, **values}

    def lookup(name: str, before: str, after: str) -> str | None:
        v = values.get(name)
        if isinstance(v, int) and name in ("year", "next_year"):
            return str(v)
        if isinstance(v, dict) and v.get("current") is not None:
            return figure_text(Figure(v["current"], v.get("previous"), v.get("unit", "")), before, after)
        return None

    return slots.substitute_in_context(text_of(item), lookup)


def _carry_figures(item):
    """This year's figures become last year's; this year's are left to fill in. In a stated
    change 由{a}增加到{b} last year's {b} becomes the baseline, written out: 由356项增加到{b}."""
    from draftkit.figures import figure_text, pattern
    from draftkit.report.model import Figure

    if isinstance(item, str) or "values" not in item:
        return item
    old, text = item["values"], item["text"]

    def baseline(m: re.Match) -> str:
        a, b = old.get(m.group(2)), old.get(m.group(4))
        if not (isinstance(a, dict) and isinstance(b, dict) and b.get("current") is not None):
            return m.group(0)
        dropped.add(m.group(2))
        written = figure_text(Figure(b["current"], None, b.get("unit", "")), after=m.group(3))
        return f"{m.group(1)}{written}{m.group(3)}{{{m.group(4)}}}"

    dropped: set[str] = set()
    text = pattern("from_to_slots").sub(baseline, text)
    values = {}
    for name, v in old.items():
        if name in dropped:
            continue
        if isinstance(v, dict):
            values[name] = {"current": None, "previous": v.get("current"), "unit": v.get("unit", "")}
        else:
            values[name] = v
    return {**item, "text": text, "values": values}


def carry_forward(data: dict) -> tuple[dict, list[str]]:
    """The imported report on year Y as a draft on Y+1: headings and title moved on, figures
    carried as last year's values, last year's plan turned into a checklist under the
    measures, last year's shortcomings and leaders' duties as notes to rewrite, outdated
    wording replaced or flagged. Returns the draft and the list of flags."""
    import copy

    year = data["year"]
    new = copy.deepcopy(data)
    new["year"] = year + 1
    new["date"] = None  # asked again; render refuses an empty date
    flags: list[str] = []
    if "title" in new:
        new["title"] = shift_years(new["title"], year)
    parts = new.setdefault("parts", {})
    for part in parts.values():
        if "heading" in part:
            part["heading"] = shift_years(part["heading"], year)
        for sec in part.get("sections", []):
            if "heading" in sec:
                sec["heading"] = shift_years(sec["heading"], year)
    last_plan = parts.pop("plan", {})
    measures = parts.setdefault("measures", {})
    for holder in [measures] + measures.get("sections", []):
        if "items" in holder:
            holder["items"] = [_carry_figures(it) for it in holder["items"]]
    checklist = [{"todo": f"去年计划：{readable(it, year)} — 完成情况？"} for it in iter_items(last_plan)]
    for sec in last_plan.get("sections", []):
        if sec.get("heading") and not sec.get("items"):
            checklist.append({"todo": f"去年计划：{sec['heading']} — 完成情况？"})
    if checklist:
        measures.setdefault("sections", [])
        if "items" in measures:  # keep the old unheaded items as a section of their own
            measures["sections"].insert(0, {"items": measures.pop("items"), "style": measures.pop("style", "enumerate")})
        measures["sections"].append({"heading": "落实上年度工作安排情况", "style": "enumerate_paragraphs",
                                     "items": checklist})
    for key, note in (("shortcomings", "去年的不足：{} — 今年改进了吗？这一年的不足和原因是什么？"),
                      ("leadership", "去年写的是：{} — 今年的情况？")):
        old = parts.get(key, {})
        todos = [{"todo": note.format(readable(it, year))} for it in iter_items(old)] or [
            {"todo": note.format("（无）")}]
        parts[key] = {"items": todos, "style": "paragraphs"}
        if old.get("heading"):
            parts[key]["heading"] = old["heading"]
    parts["plan"] = {"year": year + 2, "items": [{"todo": f"写明 {year + 2} 年推进法治政府建设的主要安排"}]}
    if "heading" in last_plan:
        parts["plan"]["heading"] = shift_years(last_plan["heading"], year)
    # Outdated wording: in the opening and every literal item.
    opening = new.get("opening", [])
    for i, para in enumerate(opening):
        opening[i], f = replace_outdated(para, year + 1)
        flags.extend(f)
    for part in parts.values():
        for holder in [part] + part.get("sections", []):
            for i, it in enumerate(holder.get("items", [])):
                text = text_of(it)
                if not text:
                    continue
                fixed, f = replace_outdated(text, year + 1)
                flags.extend(f)
                holder["items"][i] = fixed if isinstance(it, str) else {**it, "text": fixed}
    return new, list(dict.fromkeys(flags))


