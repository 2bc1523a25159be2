"""Carry a report forward: last year's report (as data) becomes next year's draft —
headings and title moved on, figures carried as last year's values, last year's plan as a
checklist, outdated wording replaced or flagged (draftkit.currency)."""

from __future__ import annotations

import re

from draftkit import slots
from draftkit.currency import outdated_flags, replace_outdated
from draftkit.punctuation import PIECE_END
from draftkit.report.datafile import iter_items, text_of
from draftkit.report.schema import CLOSING, STYLE, record


def shift_years(text: str, year: int) -> str:
    """Y+1 → Y+2 and Y → Y+1 in headings and titles (in that order, so none moves twice)."""
    text = re.compile(rf"(?<!\d){year + 1}(?=年)").sub("\x00", text)
    text = re.compile(rf"(?<!\d){year}(?=年)").sub(str(year + 1), text)
    return text.replace("\x00", str(year + 2))


def readable(item, year: int) -> str:
    """An item's text as last year's report read: figures and years written out."""
    from draftkit.figures import figure_text
    from draftkit.report.model import Figure

    values = {} if isinstance(item, str) else item.get("values", {})
    years = {"year": year, "next_year": year + 1}  # not merged into values: an item may hold thousands

    def lookup(name: str, before: str, after: str) -> str | None:
        v = years[name] if name in years and name not in values else values.get(name)
        if isinstance(v, int) and name in years:
            return str(v)
        if isinstance(v, dict) and v.get("current") is not None:
            return figure_text(Figure(v["current"], v.get("previous"), v.get("unit", "")), before, after)
        return None

    return slots.substitute_in_context(text_of(item), lookup)


def _carry_figures(item, based: list[tuple[str, str]] | None = None):
    """This year's figures become last year's; this year's are left to fill in. In a stated
    change 由{a}增加到{b} last year's {b} becomes the baseline, written out: 由356项增加到{b}
    (each written baseline added to ``based``, for the todo to name it)."""
    from draftkit.figures import figure_text, pattern
    from draftkit.report.model import Figure

    if isinstance(item, str) or "values" not in item:
        return item
    old, text = item["values"], item.get("text")
    if text is None:  # a bank phrase: its slots are its own
        return {**item, "values": {k: _as_last_years(v) if isinstance(v, dict) else v for k, v in old.items()}}

    def baseline(m: re.Match) -> str:
        a, b = old.get(m.group(2)), old.get(m.group(4))
        if not (isinstance(a, dict) and isinstance(b, dict) and b.get("current") is not None):
            return m.group(0)
        dropped.add(m.group(2))
        written = figure_text(Figure(b["current"], None, b.get("unit", "")), after=m.group(3))
        if based is not None:
            based.append((f"{m.group(1)}{written}{m.group(3)}", written))
        return f"{m.group(1)}{written}{m.group(3)}{{{m.group(4)}}}"

    dropped: set[str] = set()
    text = pattern("from_to_slots").sub(baseline, text)
    values = {}
    for name, v in old.items():
        if name in dropped:
            continue
        if isinstance(v, dict):
            values[name] = _as_last_years(v)
        else:
            values[name] = v
    return {**item, "text": text, "values": values}


def _as_last_years(v: dict) -> dict:
    """A figure of last year's report as this year's: its value last year's, this year's to fill."""
    return record("figure", current=None, previous=v.get("current"), unit=v.get("unit", ""))


# A dated event of the year reported on: 2022年4月，开展了… / 4月，举办… (as imported, the
# report's own year reads {year}).
_DATED = re.compile(r"(?:\{year\}|\d{4})年\d{1,2}月(?:\d{1,2}日)?|(?<![\d年])\d{1,2}月(?:份|\d{1,2}日)?[，,]")
CONFIRM = "去年的举措：今年仍是这样吗？确认或改写这一句，填好数据，再删去 todo 这一行"


def _confirm(item, year: int, flags: list[str]) -> dict:
    """A measures sentence of last year as a todo to confirm or rewrite: its figures carried
    as last year's values, its dated events written with last year's year and flagged, its
    outdated wording flagged (it speaks of work done: never rewritten)."""
    item = record("item", text=item) if isinstance(item, str) else item
    if item.get("text") is None:  # a bank phrase: keep it, ask to confirm
        return record("item", **{"todo": CONFIRM, **_carry_figures(item)})
    item, notes = _last_years_acts(item, year, flags)
    based: list[tuple[str, str]] = []
    item = _carry_figures(item, based)
    # 由356项增加到{b}: the start is last year's end, kept as written; the clerk is told so (the cold
    # reviewer's carried-001: "标记只说填好数据，没点出 356")
    notes.extend(f"「{said}」的{start}是去年报告的期末数，写作今年的起点：口径不同就改写，再填今年的数" for said, start in based)
    text = item["text"]
    dated = [m.group(0) for m in _DATED.finditer(text)]
    if dated:
        text = _DATED.sub(lambda m: m.group(0).replace("{year}", str(year)), text)  # last year's date stays
        snippet = readable({"text": text, "values": {}}, year)
        at = next(m.start() for m in _DATED.finditer(snippet))
        event = re.compile(r"[。；]").split(snippet[at:])[0][:40]
        notes.append(f"有去年的具体事件（{event}），今年没有就删去")
        flags.append(f"去年的具体事件，已标为待确认：{event}")
    if re.compile(r"同比").search(slots.blank(text)):
        notes.append("句中写有去年的同比，请改写")
    outdated = outdated_flags(readable({"text": text, "values": {}}, year), year + 1)
    notes.extend(outdated)
    flags.extend(outdated)
    todo = CONFIRM + ("。" + "；".join(notes) if notes else "")
    return record("item", **{"todo": todo, **{k: v for k, v in item.items() if k != "todo"}, "text": text})


def _last_years_acts(item: dict, year: int, flags: list[str]) -> tuple[dict, list[str]]:
    """Notes on the sentences of last year's item that are not this year's work: one-off
    acts and first-of-its-kind claims (出台《…》, 率先启动…), last year's standing (排名、
    为近5年最低、有望、在全省推广、荣誉、立法项目: continuity/standing.py), and sentences about
    work that is over (疫情期间…), whose figures are written out as last year's: they are to
    be deleted, not filled in."""
    from draftkit.continuity.oneoff import one_offs, sentences, to_delete
    from draftkit.continuity.standing import standings

    values = dict(item.get("values", {}))
    notes, pieces = [], []
    for sentence in sentences(item["text"]):
        said = readable({"text": sentence, "values": values}, year)
        delete = to_delete(said, year + 1)
        if delete:
            pieces.append(said)  # written out as last year's: nothing to fill in
            notes.append(f"「{_short(said)}」{delete}")
            flags.append(f"往年的事，已标为删去：{_short(said)}")
            continue
        pieces.append(sentence)
        for found in [*one_offs(said), *standings(said)]:
            notes.append(found.note())
            flags.append(found.flag())
    text = "".join(pieces)
    named = set(slots.SLOT_RE.findall(text))
    kept = {k: v for k, v in values.items() if k in named}
    out = {**item, "text": text}
    if kept:
        out["values"] = kept
    else:
        out.pop("values", None)
    return out, notes


def _short(text: str) -> str:
    text = text.strip().rstrip(PIECE_END)
    return text if len(text) <= 40 else text[:38] + "…"


def carry_forward(data: dict) -> tuple[dict, list[str]]:
    """The imported report on year Y as a draft on Y+1: headings and title moved on; the
    opening written anew with the formulations current for Y+1; every measures sentence of
    Y a todo to confirm or rewrite (figures carried as last year's values, dated events of
    Y flagged); last year's plan turned into a checklist under the measures; last year's
    shortcomings and leaders' duties as notes to rewrite; outdated wording replaced only in
    forward-looking headings, flagged elsewhere. Returns the draft and the list of flags."""
    import copy

    from draftkit.domain import PART_HEADING_WORDS, default_part_heading, place_of
    from draftkit.drafting.defaults import default_opening

    year = data["year"]
    new = copy.deepcopy(data)
    new["year"] = year + 1
    new["date"] = None  # asked again; render refuses an empty date
    if not new.get("closing"):  # a web copy drops it; a report sent up ends with it
        new["closing"] = CLOSING
    flags: list[str] = []
    if "title" in new:
        new["title"] = shift_years(new["title"], year)
    issuer = new.get("issuer", {})
    name = issuer.get("name", "")
    new["opening"] = [default_opening(year + 1, issuer.get("place") or place_of(name), issuer.get("level", ""), name)]
    parts = new.setdefault("parts", {})
    for key, part in parts.items():
        if "heading" in part:
            part["heading"] = shift_years(part["heading"], year)
            if PART_HEADING_WORDS.get(key, "") not in part["heading"]:  # not the regulation's wording
                flags.append(f"部分标题“{part.pop('heading')}”不是规定的写法，已改为"
                             f"“{default_part_heading(key, year + 1, issuer.get('level', ''))}”")
        for sec in part.get("sections", []):
            if "heading" in sec:
                sec["heading"], f = replace_outdated(shift_years(sec["heading"], year), year + 1, forward_only=True)
                flags.extend(f)
    last_plan = parts.pop("plan", {})
    measures = parts.setdefault("measures", {})
    for holder in [measures] + measures.get("sections", []):
        if "items" in holder:
            holder["items"] = [_confirm(it, year, flags) for it in holder["items"]]
    if measures.get("intro"):
        measures["intro"] = [readable({"text": t}, year) for t in measures["intro"]]
        flags.append("主要举措部分的导语照录去年的，请改写")
    checklist = [record("item", todo=f"去年计划：{readable(it, year)} — 完成情况？") for it in iter_items(last_plan)]
    for sec in last_plan.get("sections", []):
        if sec.get("heading") and not sec.get("items"):
            checklist.append(record("item", todo=f"去年计划：{sec['heading']} — 完成情况？"))
    if checklist:
        measures.setdefault("sections", [])
        if "items" in measures:  # keep the old unheaded items as a section of their own
            measures["sections"].insert(0, record("section", items=measures.pop("items"),
                                                  style=measures.pop("style", STYLE)))
        measures["sections"].append(record("section", heading="落实上年度工作安排情况", style="enumerate_paragraphs",
                                           items=checklist))
    for key, note in (("shortcomings", "去年的不足：{} — 今年改进了吗？这一年的不足和原因是什么？"),
                      ("leadership", "去年写的是：{} — 今年的情况？"),
                      ("other", "去年写的是：{} — 今年还要报告吗？")):
        if key == "other" and key not in parts:
            continue
        old = parts.get(key, {})
        todos = [record("item", todo=note.format(readable(it, year))) for it in iter_items(old)] or [
            record("item", todo=note.format("（无）"))]
        parts[key] = record("part", items=todos, style="paragraphs")
        if old.get("heading"):
            parts[key]["heading"] = old["heading"]  # moved on with the others above
    parts["plan"] = record("part", year=year + 2, items=[record("item", todo=f"写明 {year + 2} 年推进法治政府建设的主要安排："
                                                                                "每一条不足都要有一项针对它的措施")])
    if "heading" in last_plan:
        parts["plan"]["heading"] = last_plan["heading"]  # moved on with the others above
    return new, list(dict.fromkeys(flags))
