"""Import an existing report (.docx, .txt, .md — made with draftkit or not) into the data
format that ``draftkit render`` reads, and carry it forward to next year's draft.

Import reads the structure with the miner's parser (parts by heading and content, level-2
headings, 一是… enumerations) and turns every figure in a sentence into a slot with a
value: ``6件，同比减少40%`` becomes ``{f1}`` = ``{current: 6, previous: 10, unit: 件}`` (the
previous value worked back from the percentage and checked), ``37项`` becomes
``{current: 37, unit: 项}``. Rendering the imported data gives the same text back.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.figures import unit_pattern, yoy
from draftkit.report.model import PART_KEYS, REQUIRED_PARTS, Issuer, default_part_heading, default_title
from draftkit.mining.structure import ParsedDoc, Para, parse

_UNITS = unit_pattern()
_NUM = r"\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?<![\d.{{])({_NUM})(%|(?:余|多)?(?:{_UNITS}))(?:，同比(?:(持平)|(增长|减少|提高|下降)({_NUM})(%|个百分点)|"
    rf"(增长|减少|提高|下降)不足0\.1(%|个百分点)))?")
_MARKER_START = re.compile(r"^[一二三四五六七八九十]{1,2}是")
_NUMBERED = re.compile(r"^(\d{1,2})\.(?!\d)")


def _num(text: str) -> int | float:
    d = Decimal(text)
    return int(d) if d == d.to_integral_value() else float(d)


def _previous(cur: Decimal, word: str, amount: str, kind: str, unit: str) -> int | float | None:
    """Last year's value that gives the stated 同比, or None when none does."""
    rate = unit == "%"
    if rate:
        prev = cur - Decimal(amount) if word in ("提高", "增长") else cur + Decimal(amount)
        return _num(str(prev))
    pct = Decimal(amount) / 100
    guess = cur / (1 + pct) if word in ("增长", "提高") else cur / (1 - pct) if pct < 1 else None
    if guess is None:
        return None
    stated = f"同比{word}{amount}%"
    base = int(guess)
    for cand in sorted({base - 1, base, base + 1, base + 2}, key=lambda c: abs(Decimal(c) - guess)):
        if cand > 0 and yoy(_num(str(cur)), cand) == stated:
            return cand
    return None


def slot_figures(text: str, counter: list[int]) -> tuple[str, dict]:
    """Figures in a sentence → ``{fN}`` slots and their values (round trip exact)."""
    values: dict = {}

    def sub(m: re.Match) -> str:
        cur_s, unit = m.group(1), m.group(2)
        value: dict = {"current": _num(cur_s), "unit": unit}
        tail = m.group(0)[len(cur_s) + len(unit):]
        if m.group(3):  # 同比持平
            value["previous"] = value["current"]
        elif m.group(4):
            word, amount, kind = m.group(4), m.group(5), m.group(6)
            prev = _previous(Decimal(cur_s), word, amount, kind, unit)
            if prev is None:
                return m.group(0)  # a 同比 that does not add up: keep the words as written
            value["previous"] = prev
        elif m.group(7):
            return m.group(0)  # 不足0.1%: the previous value cannot be recovered
        counter[0] += 1
        name = f"f{counter[0]}"
        from draftkit.figures import figure_text
        from draftkit.report.model import Figure

        if figure_text(Figure(value["current"], value.get("previous"), unit)) != cur_s + unit + tail:
            counter[0] -= 1
            return m.group(0)
        values[name] = value
        return "{" + name + "}"

    return _FIGURE.sub(sub, text), values


def _item(text: str, counter: list[int], year: int | None) -> dict | str:
    text = text.strip()
    slotted, values = slot_figures(text, counter)
    slotted = _templ_years(slotted, year)
    if not values and slotted == text:
        return text
    out: dict = {"text": slotted}
    if values:
        out["values"] = values
    return out


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
        sec = {"style": "enumerate", "items": [_item(t, counter, year) for t in texts]}
        if p.lead:
            sec["intro"] = p.lead
        return [], sec
    marked = [bool(_MARKER_START.match(p.text)) for p in paras]
    numbered = [bool(_NUMBERED.match(p.text)) for p in paras]
    lead = 0
    while lead < len(paras) and not marked[lead] and not numbered[lead]:
        lead += 1
    rest = paras[lead:]
    if rest and all(marked[lead:]):
        items = [_item(_MARKER_START.sub("", p.text), counter, year) for p in rest]
        return [p.text for p in paras[:lead]], {"style": "enumerate_paragraphs", "items": items}
    if rest and all(numbered[lead:]):
        items = [_item(_NUMBERED.sub("", p.text), counter, year) for p in rest]
        return [p.text for p in paras[:lead]], {"style": "numbered", "items": items}
    return [], {"style": "paragraphs", "items": [_item(p.text, counter, year) for p in paras]}


def to_data(doc: ParsedDoc) -> dict:
    """The parsed report as a data file (the report's own year)."""
    if not any(p.kind == "h1" and p.part in REQUIRED_PARTS for p in doc.paras):
        raise DraftkitError(f"{doc.name}: 没有找到报告的各部分（如“一、……主要举措和成效”），不像是一份年度报告")
    year = doc.year
    issuer = {"name": doc.issuer or "", "level": guess_level(doc.issuer)}
    data: dict = {"issuer": issuer, "year": year, "date": doc.date}
    if getattr(doc, "sealed", None) is False:
        data["layout"] = {"sealed": False}
    if doc.addressee:
        data["addressee"] = doc.addressee
    if doc.title and year and doc.title != default_title(Issuer(issuer["name"], issuer["level"]), year):
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
            sec = {"heading": heading, **(sec or {"items": []})}
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
            m = re.match(r"(\d{4})年", heading)
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
        if secs[0].get("style", "enumerate") != "enumerate":
            out["style"] = secs[0]["style"]
        return out
    for sec in secs:
        if sec.get("style") == "enumerate":
            del sec["style"]
    return part


def _templ_years(text: str, year: int | None) -> str:
    """The report's year and the next as {year}/{next_year}, so they move on with the draft;
    years inside a document title 《…》 stay as written."""
    if not year:
        return text

    def outside_titles(chunk: str) -> str:
        chunk = re.sub(rf"(?<!\d){year}(?=年)", "{year}", chunk)
        return re.sub(rf"(?<!\d){year + 1}(?=年)", "{next_year}", chunk)

    parts = re.split(r"(《[^《》]*》)", text)
    return "".join(p if p.startswith("《") else outside_titles(p) for p in parts)


def guess_level(issuer: str) -> str:
    """The level (层级) an issuer's name suggests; 县区 when it says nothing."""
    if re.search(r"(局|委员会|委|办公室|办|厅|中心|院)$", issuer):
        return "部门"
    if re.search(r"省人民政府$", issuer):
        return "省"
    if re.search(r"(乡|镇)人民政府$", issuer):
        return "乡镇"
    if re.search(r"(县|区|旗)人民政府$", issuer):
        return "县区"
    if re.search(r"市人民政府$", issuer):
        return "市"
    return "县区"


def read_report(path: Path) -> ParsedDoc:
    from draftkit.mining.ingest import SkipFile, read_source
    from draftkit.mining.normalise import clean

    if path.suffix.lower() in (".yaml", ".yml"):
        from draftkit.report.loader import load_report
        from draftkit.render.pipeline import report_blocks

        report = load_report(path)
        lines = [b.text for b in report_blocks(report)]
        doc = parse(path.name, lines)
        doc.year, doc.date, doc.issuer = report.year, report.date, report.issuer.name
        doc.sealed = report.layout.sealed
        return doc
    try:
        src = read_source(path)
    except SkipFile as exc:
        raise DraftkitError(f"{path}: {exc}") from None
    lines, chrome = clean(src.text)
    if not lines:
        raise DraftkitError(f"{path}: 没有可导入的文字")
    doc = parse(path.name, lines, chrome)
    if path.suffix.lower() == ".docx":
        doc.sealed = _sealed(src.text)
    return doc


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


def import_report(path: Path) -> dict:
    """A report file as data for its own year."""
    if not path.exists():
        raise DraftkitError(f"{path}: 文件不存在")
    doc = read_report(path)
    data = to_data(doc)
    if not data.get("year"):
        raise DraftkitError(f"{path}: 看不出报告的是哪一年（标题、一级标题和成文日期中都没有）")
    return data


__all__ = ["import_report", "to_data", "slot_figures", "read_report"]


# --- next year's draft -----------------------------------------------------------------

def _shift_years(text: str, year: int) -> str:
    """Y+1 → Y+2 and Y → Y+1 in headings and titles (in that order, so none moves twice)."""
    text = re.sub(rf"(?<!\d){year + 1}(?=年)", "\x00", text)
    text = re.sub(rf"(?<!\d){year}(?=年)", str(year + 1), text)
    return text.replace("\x00", str(year + 2))


def _items_of(part: dict) -> list:
    out = list(part.get("items", []))
    for sec in part.get("sections", []):
        out.extend(sec.get("items", []))
    return out


def _text_of(item) -> str:
    return item if isinstance(item, str) else item.get("text", "")


def _readable(item, year: int) -> str:
    """An item's text as last year's report read: figures and years written out."""
    from draftkit.render.compose import value_text
    from draftkit.report.model import Figure

    values = {} if isinstance(item, str) else item.get("values", {})
    values = {"year": year, "next_year": year + 1, **values}

    def sub(m: re.Match) -> str:
        v = values.get(m.group(1))
        if isinstance(v, int) and m.group(1) in ("year", "next_year"):
            return str(v)
        if isinstance(v, dict) and v.get("current") is not None:
            return value_text(Figure(v["current"], v.get("previous"), v.get("unit", "")))
        return m.group(0)

    return re.sub(r"\{(\w+)\}", sub, item if isinstance(item, str) else item.get("text", ""))


def _carry_figures(item):
    """This year's figures become last year's; this year's are left to fill in."""
    if isinstance(item, str) or "values" not in item:
        return item
    values = {}
    for name, v in item["values"].items():
        if isinstance(v, dict):
            values[name] = {"current": None, "previous": v.get("current"), "unit": v.get("unit", "")}
        else:
            values[name] = v
    return {**item, "values": values}


def replace_outdated(text: str, year: int) -> tuple[str, list[str]]:
    """Outdated wording for a report on ``year`` (../shared/spec/currency.md): replaced where
    the table gives a drop-in replacement, flagged otherwise."""
    from draftkit.review.check import currency_table

    flags = []
    for row in currency_table()["outdated"]:
        if not row.get("min_year", 0) <= year <= row.get("max_year", 9999):
            continue
        if row.get("unless") and re.search(row["unless"], text):
            continue

        def sub(m: re.Match) -> str:
            before = text[max(0, m.start() - 4):m.start()]
            if row.get("not_after") and re.search(f"(?:{row['not_after']}).{{0,3}}$", before):
                return m.group(0)
            repl = row.get("replace")
            if repl is None:
                flags.append(f"“{m.group(0)}”已不是 {year} 年度的现行提法：{row['suggest']}")
                return m.group(0)
            if isinstance(repl, dict):
                out = m.group(0)
                for old_word, new_word in repl.items():
                    out = out.replace(str(old_word), str(new_word))
                return out
            return repl

        text = re.sub(row["find"], sub, text)
    return text, flags


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
        new["title"] = _shift_years(new["title"], year)
    parts = new.setdefault("parts", {})
    for part in parts.values():
        if "heading" in part:
            part["heading"] = _shift_years(part["heading"], year)
        for sec in part.get("sections", []):
            if "heading" in sec:
                sec["heading"] = _shift_years(sec["heading"], year)
    last_plan = parts.pop("plan", {})
    measures = parts.setdefault("measures", {})
    for holder in [measures] + measures.get("sections", []):
        if "items" in holder:
            holder["items"] = [_carry_figures(it) for it in holder["items"]]
    checklist = [{"todo": f"去年计划：{_readable(it, year)} — 完成情况？"} for it in _items_of(last_plan)]
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
        todos = [{"todo": note.format(_readable(it, year))} for it in _items_of(old)] or [
            {"todo": note.format("（无）")}]
        parts[key] = {"items": todos, "style": "paragraphs"}
        if old.get("heading"):
            parts[key]["heading"] = old["heading"]
    parts["plan"] = {"year": year + 2, "items": [{"todo": f"写明 {year + 2} 年推进法治政府建设的主要安排"}]}
    if "heading" in last_plan:
        parts["plan"]["heading"] = _shift_years(last_plan["heading"], year)
    # Outdated wording: in the opening and every literal item.
    opening = new.get("opening", [])
    for i, para in enumerate(opening):
        opening[i], f = replace_outdated(para, year + 1)
        flags.extend(f)
    for part in parts.values():
        for holder in [part] + part.get("sections", []):
            for i, it in enumerate(holder.get("items", [])):
                text = _text_of(it)
                if not text:
                    continue
                fixed, f = replace_outdated(text, year + 1)
                flags.extend(f)
                holder["items"][i] = fixed if isinstance(it, str) else {**it, "text": fixed}
    return new, list(dict.fromkeys(flags))


def dump(data: dict, header: str = "") -> str:
    import yaml

    order = ("issuer", "year", "date", "addressee", "title", "opening", "order", "layout", "parts", "closing",
             "based_on", "progress")
    ordered = {k: data[k] for k in order if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)


def count_open(data: dict) -> tuple[int, int]:
    """Figures whose current value is still empty, and todo items."""
    figures = todos = 0
    for part in data.get("parts", {}).values():
        for it in _items_of(part):
            if isinstance(it, dict):
                todos += "todo" in it and "text" not in it
                figures += sum(1 for v in it.get("values", {}).values()
                               if isinstance(v, dict) and v.get("current") is None)
    return figures, todos
