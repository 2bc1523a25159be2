"""Fill every item's slots and turn the report model into the view the templates read.

Slot filling is plain substitution of ``{name}`` by the value's text: a user's value is
never template code. Unfilled slots, unknown phrases and unused values are problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from draftkit.cnfmt import cn_number, date_cn
from draftkit.domain import default_part_heading
from draftkit.errors import Collector
from draftkit.figures import around, figure_text, number
from draftkit.report.model import Figure, Item, Part, Report, Value
from draftkit.slots import SLOT_RE, TO_FILL, TO_WRITE, absorb_units, kind_by_name, label
from draftkit.slots import builtin_values as _builtins

if TYPE_CHECKING:
    from draftkit.bank.phrasebank import Bank


@dataclass
class SectionView:
    """A section as the templates see it: number, heading, intro, style and items."""

    number: str
    heading: str
    intro: str
    style: str
    items: list[str]


@dataclass
class PartView:
    """A part as the templates see it: number, heading, intro and sections."""

    key: str
    number: str
    heading: str
    intro: list[str]
    sections: list[SectionView] = field(default_factory=list)
    year: int = 0

    @property
    def template(self) -> str:
        return f"{self.key}.j2"


@dataclass
class ReportView:
    """The report as the templates see it: every text ready to print."""

    title: str
    addressee: str
    opening: list[str]
    parts: list[PartView]
    closing: str
    issuer: str
    date: str
    year: int
    sealed: bool


def builtin_values(report: Report) -> dict[str, Value]:
    """Slots every report fills by itself."""
    i = report.issuer
    return _builtins(report.year, i.name, i.place, i.level, i.leader)


def value_text(value: Value, before: str = "", after: str = "") -> str:
    """A value as text where it stands (``before``/``after``: the sentence around its slot)."""
    if isinstance(value, Figure):
        return figure_text(value, before, after)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return number(value)
    return str(value)


def fill(text: str, values: dict[str, Value], builtins: dict[str, Value], item: Item, errors: Collector,
         plain: bool = False, draft: bool = False, kinds: dict[str, str] | None = None) -> str:
    """Replace each ``{slot}`` once, left to right; report unfilled and unused slots. In a
    draft an unfilled slot reads 【待填：名称】 instead. ``kinds``: what each slot holds
    (the phrase's; else by the slot's name): a rate given as a bare number is written with
    its %, and a figure whose unit the sentence writes after the slot ({n}件) is not given
    it twice."""
    used: set[str] = set()
    values = {name: _as_rate(v) if (kinds or {}).get(name, kind_by_name(name)) == "percent" else v
              for name, v in values.items()}
    text = absorb_units(text, {n: v.unit for n, v in values.items() if isinstance(v, Figure) and v.current is not None})

    def sub(m) -> str:
        name = m.group(1)
        if name in values:
            used.add(name)
            value = values[name]
            if isinstance(value, Figure) and value.current is None:
                if draft:  # the measure word stays, so that the filled-in number reads right
                    unit = "" if value.unit == "%" or text.startswith(value.unit, m.end()) else value.unit
                    return TO_FILL.format(label(name)) + unit
                errors.add(value.loc or item.loc, f"空位“{name}”的本年数值还没有填写（current）")
                return m.group(0)
            return value_text(value, *around(text, m.start(), m.end()))
        if name in builtins:
            return value_text(builtins[name])
        if draft and not plain:
            return TO_FILL.format(label(name))
        if plain:
            errors.add(item.loc, f"“{{{name}}}”不是自动填写的空位（可用：{'、'.join('{%s}' % b for b in builtins)}）")
        else:
            errors.add(item.loc, f"空位“{{{name}}}”没有填写，请在 values 中给出“{name}”的值")
        return m.group(0)

    out = SLOT_RE.sub(sub, text)
    for name in values:
        if name not in used:
            slots = SLOT_RE.findall(text)
            from difflib import get_close_matches  # only for a mistake's hint

            hint = get_close_matches(name, slots, n=1, cutoff=0.5)
            tip = f"，是否想写“{hint[0]}”？" if hint else (f"；可填的空位：{', '.join(slots)}" if slots else "；这段文字没有空位")
            errors.add(item.loc, f"值“{name}”没有对应的空位{tip}")
    return out


def _as_rate(value: Value) -> Value:
    """A rate slot given a bare number (办复率{pct}, pct: 12) reads 12%."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Figure(value, None, "%")
    return value


def fill_builtins(text: str, builtins: dict[str, Value], loc, errors: Collector) -> str:
    """Opening, intros and closing may use the built-in slots ({year}, {place}, …)."""
    return fill(text, {}, builtins, Item(text=text, loc=loc), errors, plain=True)


def item_text(item: Item, bank: Bank | None, builtins: dict[str, Value], errors: Collector,
              draft: bool = False) -> str | None:
    if item.todo and item.text is None and item.phrase is None:
        if draft:
            return TO_WRITE.format(item.todo)
        errors.add(item.loc, f"还没有写：{item.todo}（写好后用 text 代替 todo）")
        return None
    if item.todo and not draft:  # last year's sentence, still to confirm (its figures are checked as well)
        errors.add(item.loc, f"还没有确认：{(item.text or item.phrase or '')[:30]}…（{item.todo}）")
    if item.phrase is not None:
        phrase = bank.get(item.phrase) if bank is not None else None
        if phrase is None:
            errors.add(item.loc, f"短语库中没有编号为“{item.phrase}”的短语")
            return None
        template, kinds = phrase.text, dict(phrase.slots)
    else:
        template, kinds = item.text or "", {}
    text = fill(template, item.values, builtins, item, errors, draft=draft, kinds=kinds)
    if item.todo and draft and text is not None:  # a draft shows what is still to confirm
        text = f"{text}{TO_WRITE.format(item.todo)}"
    return text


def build_view(report: Report, bank: Bank | None = None, draft: bool = False) -> ReportView:
    """The report as the templates see it; raise DraftkitError listing every problem.
    A draft shows what is still to be given as 【待填：…】 and 【待写：…】."""
    errors = Collector()
    builtins = builtin_values(report)
    parts = []
    for i, part in enumerate(report.ordered_parts(), 1):
        parts.append(_part_view(part, i, report, bank, builtins, errors, draft))
    view = ReportView(
        title=report.effective_title(),
        addressee=TO_FILL.format("主送机关") if report.addressee is None else report.addressee,
        opening=[fill_builtins(t, builtins, report.locs.get("opening"), errors) for t in report.opening],
        parts=parts,
        closing=fill_builtins(report.closing, builtins, report.locs.get("closing"), errors),
        issuer=report.issuer.name,
        date=date_cn(report.date) if report.date.year > 1 else TO_FILL.format("成文日期"),
        year=report.year,
        sealed=report.layout.sealed,
    )
    errors.raise_if_any()
    return view


def _part_view(part: Part, index: int, report: Report, bank: Bank | None, builtins: dict[str, Value],
               errors: Collector, draft: bool = False) -> PartView:
    view = PartView(
        key=part.key,
        number=cn_number(index),
        heading=part.heading or default_part_heading(part.key, report.year, report.issuer.level),
        intro=[fill_builtins(t, builtins, part.loc, errors) for t in part.intro],
        year=report.year + 1 if part.key == "plan" else report.year,
    )
    n = 0
    for sec in part.sections:
        texts = [t for t in (item_text(it, bank, builtins, errors, draft) for it in sec.items) if t]
        if not texts and not sec.intro:  # a heading with nothing under it yet: left out, not numbered
            continue
        if sec.heading:
            n += 1
        view.sections.append(
            SectionView(
                number=cn_number(n) if sec.heading else "",
                heading=sec.heading or "",
                intro=fill_builtins(sec.intro, builtins, sec.loc, errors),
                style=sec.style,
                items=texts,
            )
        )
    return view


__all__ = ["build_view", "ReportView", "PartView", "SectionView"]
