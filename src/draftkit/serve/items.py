"""The items of an answers file as the editor shows and changes them: where each stands
(``part/section/item``), its sentence with the slots as fields, and a change checked with
the prompt's own validators and messages (drafting/validators.py) and the prompt's reading
of what each slot holds (drafting/slotprompts.SlotPrompts)."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftkit import slots
from draftkit.drafting.slotprompts import SlotPrompts
from draftkit.drafting.validators import parse_date, to_number, v_number, v_percent, v_sentence, v_unit, v_year
from draftkit.errors import DraftkitError
from draftkit.report.schema import figure, record


class Reading(SlotPrompts):
    """SlotPrompts' reading of items (their slots' kinds, the sentence as it reads) over an
    answers file's data and the phrase bank; it asks nothing."""

    def __init__(self, data: dict, bank):
        self.data, self.bank = data, bank

    @property
    def year(self) -> int:
        return self.data.get("year") or 0

    @property
    def issuer(self) -> dict:
        return self.data.get("issuer") or {}


@dataclass
class Where:
    """An item's place: its part's key, its section (-1: the part's own items) and index."""

    part: str
    section: int
    index: int

    def __str__(self) -> str:
        return f"{self.part}/{self.section}/{self.index}"

    @classmethod
    def parse(cls, text: str) -> "Where":
        try:
            part, sec, idx = text.split("/")
            return cls(part, int(sec), int(idx))
        except ValueError:
            raise DraftkitError(f"“{text[:40]}”不是一个条目的位置") from None

    def holder(self, data: dict) -> dict:
        part = (data.get("parts") or {}).get(self.part)
        if part is None:
            raise DraftkitError(f"答案文件中没有“{self.part}”这一部分（页面已过期，请刷新）")
        if self.section < 0:
            return part
        sections = part.get("sections") or []
        if not 0 <= self.section < len(sections):
            raise DraftkitError("没有这一节（页面已过期，请刷新）")
        return sections[self.section]

    def items(self, data: dict) -> list:
        return self.holder(data).setdefault("items", [])

    def item(self, data: dict):
        items = self.items(data)
        if not 0 <= self.index < len(items):
            raise DraftkitError("没有这一条（页面已过期，请刷新）")
        return items[self.index]


@dataclass
class SlotField:
    """One slot of a sentence as fields: this year's value (or the text), last year's, the unit."""

    name: str
    shown: str
    kind: str  # figure | percent | number | year | text
    current: str = ""
    previous: str = ""
    unit: str = ""
    unit_asked: bool = False  # the sentence writes no measure word after the slot
    errors: dict = field(default_factory=dict)

    @property
    def figure(self) -> bool:
        return self.kind in ("figure", "percent")


def _num(v) -> str:
    from draftkit.figures import number

    return number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else ("" if v is None else str(v))


def slot_fields(reading: Reading, item: dict) -> list[SlotField]:
    """The slots of an item the clerk fills (the built-in ones are filled by draftkit)."""
    kinds = reading.slots_of(item)
    text = reading.item_text(item)
    shown = slots.shown_names(text)
    values = item.get("values") or {}
    out = []
    for name in slots.names(text):
        if name in slots.builtin_slots() or any(f.name == name for f in out):
            continue
        kind = kinds.get(name, slots.kind_by_name(name))
        v = values.get(name)
        f = SlotField(name, shown.get(name, slots.label(name)), "text")
        if kind.startswith("figure") or kind == "percent" or isinstance(v, dict):
            unit = v.get("unit", "") if isinstance(v, dict) else ("%" if kind == "percent" else kind.partition(":")[2])
            f.kind = "percent" if unit == "%" else "figure"
            f.unit, f.unit_asked = unit, not slots.unit_after(text, name) and unit != "%"
            if isinstance(v, dict):
                f.current, f.previous = _num(v.get("current")), _num(v.get("previous"))
        else:
            f.kind = kind if kind in ("number", "year", "title", "date") else "text"
            f.current = _num(v)
        out.append(f)
    return out


def typed_fields(reading: Reading, item: dict, form: dict[str, str]) -> list[SlotField]:
    """The slot fields with what the form sent, each checked as the prompt checks it."""
    fields = slot_fields(reading, item)
    for f in fields:
        key = f"v:{f.name}"
        f.current = form.get(f"{key}:current", f.current).strip()
        if f.figure:
            f.previous = form.get(f"{key}:previous", f.previous).strip()
            if f.unit_asked or not f.unit:
                f.unit = form.get(f"{key}:unit", f.unit).strip()
            check = v_percent if f.kind == "percent" else v_number
            if f.current and (said := check(f.current)) is not True:
                f.errors["current"] = said
            if (said := check(f.previous, optional=True)) is not True:
                f.errors["previous"] = said
            if f.kind == "figure" and (said := v_unit(f.unit)) is not True:
                f.errors["unit"] = said
        elif f.current:
            check = {"number": v_number, "year": v_year, "date": _v_date}.get(f.kind)
            if check and (said := check(f.current)) is not True:
                f.errors["current"] = said
    return fields


def _v_date(text: str) -> bool | str:
    """A date slot, checked as the prompt checks it."""
    from draftkit.report.yamlnodes import no_such_date

    return True if parse_date(text) else no_such_date(text) or "请输入日期，如 2025年3月1日"


def values_of(fields: list[SlotField], old: dict) -> dict:
    """The item's values from checked fields (an empty field: still to fill)."""
    out = dict(old)
    for f in fields:
        if f.figure:
            out[f.name] = figure(to_number(f.current) if f.current else None, f.unit,
                                 to_number(f.previous) if f.previous else None)
        elif f.kind == "number":
            out[f.name] = to_number(f.current) if f.current else None
        elif f.kind == "title" and f.current:  # as the prompt writes it: 《…》 whether typed or not
            out[f.name] = "《" + f.current.strip("《》") + "》"
        elif f.kind == "date" and f.current:
            from draftkit.cnfmt import date_cn

            out[f.name] = date_cn(parse_date(f.current))
        else:
            out[f.name] = f.current or None
    return out


def rewritten(reading: Reading, item: dict, typed: str) -> tuple[dict | None, str]:
    """The item with its sentence rewritten as typed (its 【…】 marks are its slots, as in
    the prompt's edit_item): kept slots keep their values. (None, message) when the
    sentence is not one (the prompt's own message)."""
    said = v_sentence(typed)
    if said is not True:
        return None, said
    text = reading.item_text(item).removeprefix("【待确认】")
    shown = slots.shown_names(text)
    new = slots.from_marks(typed.strip(), shown)
    kinds = reading.slots_of(item)
    kept = {k: v for k, v in (item.get("values") or {}).items() if "{" + k + "}" in new}
    for name, kind in kinds.items():
        if name not in kept and "{" + name + "}" in new and (kind.startswith("figure:") or kind == "percent"):
            kept[name] = figure(None, "%" if kind == "percent" else kind.split(":", 1)[1])
    out = record("item", text=new, values=kept or None)
    return out, ""


def own_item(typed: str) -> tuple[dict | None, str]:
    """One's own sentence as an item: each number written with its measure word becomes a
    figure (its last year's value can then be given for the 同比); 【…】 marks are slots."""
    from draftkit.figures import own_figures

    said = v_sentence(typed)
    if said is not True:
        return None, said
    text = slots.from_marks(typed.strip())
    found = [f for f in own_figures(slots.SLOT_RE.sub(lambda m: "□" * len(m.group(0)), text)) if f[3]]
    values, out, last = {}, [], 0
    taken = set(slots.names(text))
    for start, end, current, unit in found:
        name = slots.fresh_name(taken)
        taken.add(name)
        values[name] = figure(current, unit)
        out.append(text[last:start] + "{" + name + "}")
        last = end
    return record("item", text="".join(out) + text[last:], values=values or None), ""
