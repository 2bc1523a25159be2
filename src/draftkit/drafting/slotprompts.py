"""Asking for the values of an item's slots: each slot by its kind (a figure asks this
year's and last year's value, a year, a date, a document title …), and showing an item as
it will read with the values given so far.

A user never sees a slot's code name ({n2}): slots read 【数字1】, 【百分比】, 【文件名称】 …
(slots.shown_names). ``<`` goes back one question: within a figure to its previous
question, from a slot's first question to the slot before, from the first to the caller."""

from __future__ import annotations

import re
from typing import Any, Callable

from draftkit import slots
from draftkit.drafting.validators import (
    Back,
    in_turn,
    is_back,
    parse_date,
    to_number,
    to_year,
    v_number,
    v_percent,
    v_required,
    v_unit,
    v_year,
)
from draftkit.report.schema import figure, record

BLANK = "＿＿"  # an unfilled slot other than the one being asked, in the sentence shown


def _number_text(value: Any) -> str:
    from draftkit.figures import number

    return number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else ""


class SlotPrompts:
    """Mixed into the flow: needs ``bank``, ``ui``, ``year``, ``issuer``, ``data``, ``echo``, ``save``."""

    def slots_of(self, item: dict) -> dict[str, str]:
        """Each slot's kind; a number whose measure word the sentence writes after it
        ({n}件) is a figure of that unit (asked with last year's value, for the 同比)."""
        text = self.item_text(item)
        if "phrase" in item:
            p = self.bank.get(item["phrase"])
            kinds = dict(p.slots) if p else {}
        else:
            kinds = {}
            for name in slots.names(item.get("text", "")):
                v = item.get("values", {}).get(name)
                if isinstance(v, dict):
                    kinds[name] = "percent" if v.get("unit") == "%" else f"figure:{v.get('unit', '')}"
                else:
                    kinds[name] = slots.kind_by_name(name)
        for name, kind in kinds.items():
            if kind in ("number", "figure:") and (unit := slots.unit_after(text, name)):
                kinds[name] = f"figure:{unit}"
        return kinds

    def item_text(self, item: dict) -> str:
        if "todo" in item and "text" not in item and "phrase" not in item:
            return f"【待写】{item['todo']}"
        if "todo" in item:
            return "【待确认】" + (item.get("text") or self.bank_text(item))
        if "phrase" in item:
            return self.bank_text(item)
        return item.get("text", "")

    def bank_text(self, item: dict) -> str:
        p = self.bank.get(item["phrase"])
        return p.text if p else f"（短语库中没有 {item['phrase']}）"

    def builtins(self) -> dict:
        i = self.issuer
        return slots.builtin_values(self.year, i.get("name", ""), i.get("place", ""), i.get("level", ""),
                                    i.get("leader", ""))

    def item_preview(self, item: dict, unfilled: Callable[[str, str], str] | None = None) -> str:
        """The item as it will read, with the slots filled so far; a slot still to fill
        reads 【数字1】 (or as ``unfilled(name, shown)`` says)."""
        from draftkit.render.compose import value_text
        from draftkit.report.model import Figure

        values = item.get("values", {})
        builtins = self.builtins()
        text = self.item_text(item)
        shown = slots.shown_names(text)
        text = slots.absorb_units(text, {n: v.get("unit", "") for n, v in values.items()
                                         if isinstance(v, dict) and v.get("current") is not None})

        def lookup(name: str, before: str, after: str) -> str | None:
            v = values.get(name, builtins.get(name))
            if isinstance(v, dict):
                v = Figure(v["current"], v.get("previous"), v.get("unit", "")) if v.get("current") is not None else None
            if v not in (None, ""):
                return value_text(v, before, after)
            mark = shown.get(name, slots.label(name))
            return unfilled(name, mark) if unfilled else f"【{mark}】"

        return slots.substitute_in_context(text, lookup)

    def unfilled(self, item: dict) -> list[str]:
        """The slots still to fill, in the order they stand in the sentence."""
        values = item.get("values", {})
        kinds = self.slots_of(item)
        order = slots.names(self.item_text(item))
        names = sorted(kinds, key=lambda n: order.index(n) if n in order else len(order))
        return [n for n in names if n not in slots.builtin_slots() and
                (values.get(n) is None or (isinstance(values[n], dict) and values[n].get("current") is None))]

    def marked(self, item: dict, name: str) -> str:
        """The whole sentence as it reads so far, the slot being asked marked 【…】, the
        others still to fill left blank."""
        return self.item_preview(item, lambda n, mark: f"【{mark}】" if n == name else BLANK)

    def shown(self, item: dict, name: str) -> str:
        return slots.shown_names(self.item_text(item)).get(name, slots.label(name))

    def fill_slots(self, item: dict) -> None:
        self.fill_blanks([item])

    def fill_blanks(self, items: list[dict]) -> None:
        """Ask every slot still to fill in these items, in turn; ``<`` goes back to the
        blank before (its answer prefilled), and from the first out to the caller."""
        from draftkit.drafting.prompter import wrap

        blanks = []
        for item in items:
            for name in self.unfilled(item):
                old = item.get("values", {}).get(name)
                carried = isinstance(old, dict) and old.get("previous") is not None  # from last year's report
                blanks.append((item, name, carried))

        def blank(item: dict, name: str, carried: bool) -> Callable[[dict], None]:
            def ask(_: dict) -> None:
                kinds = self.slots_of(item)
                values = item.setdefault("values", {})
                self.echo(wrap(self.marked(item, name), "  填写："))
                old = values.get(name)
                if carried:
                    unit = old.get("unit", "")
                    check = v_percent if unit == "%" else v_number
                    cur = self.ui.text(f"  {self.shown(item, name)} {self.year}年的数值（{self.year - 1}年为 "
                                       f"{old['previous']}{unit}）：", _number_text(old.get("current")), check)
                    values[name] = {**old, "current": to_number(cur)}
                else:
                    key = self.slot_key(item, name)
                    values[name] = self.ask_slot(self.shown(item, name), kinds[name], old, key)
                    self.done(key)
                    text = self.item_text(item)
                    at = text.find("{" + name + "}")
                    if kinds[name] == "year" and not text[at + len(name) + 2:].startswith(("年", "—", "-")):
                        values[name] = f"{values[name]}年"  # never “2021以来”
                self.save(self.data.get("progress", {}).get("step", "issuer"))
            return ask

        in_turn([blank(*b) for b in blanks])

    def own_sentence(self, text: str, key: str = "own") -> dict:
        """A sentence the user wrote: each number in it becomes a figure asked like a bank
        figure (its measure word if it has none, last year's value for the 同比); 【数字】
        and the like are slots to fill. ``<`` goes back a question, from the first out."""
        from draftkit.drafting.prompter import wrap
        from draftkit.figures import own_figures

        text = slots.from_marks(text)
        found = own_figures(slots.SLOT_RE.sub(lambda m: "□" * len(m.group(0)), text))  # {y1} holds no figure
        steps: list[Callable[[dict], Any]] = []
        keys: list[str] = []
        for n, (start, end, current, unit) in enumerate(found, 1):
            shown = text[:start] + f"【{text[start:end]}】" + text[end:]
            number = text[start:end]

            def ask_unit(a: dict, n=n, shown=shown, number=number) -> None:
                self.echo(wrap(shown, "  数据："))
                a[f"unit{n}"] = self.ui.text(f"  {number} 的单位（如 件、人次、%）：", a.get(f"unit{n}", ""), v_unit)

            def ask_previous(a: dict, n=n, shown=shown, unit=unit) -> None:
                if unit:
                    self.echo(wrap(shown, "  数据："))
                rate = (unit or a.get(f"unit{n}")) == "%"
                a[f"prev{n}"] = self.ui.text(f"  {self.year - 1}年的数值（用于计算同比，没有可留空）：", a.get(f"prev{n}", ""),
                                             lambda t: (v_percent if rate else v_number)(t, optional=True))

            steps += ([] if unit else [ask_unit]) + [ask_previous]
            keys += ([] if unit else [f"unit{n}"]) + [f"prev{n}"]
        import hashlib

        answers = self.kept_in_turn(f"{key}/{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}", steps, keys)
        values: dict = {}
        out, last = [], 0
        taken = set(slots.names(text))
        for n, (start, end, current, unit) in enumerate(found, 1):
            previous = answers.get(f"prev{n}")
            name = slots.fresh_name(taken)
            taken.add(name)
            values[name] = figure(current, unit or answers[f"unit{n}"].strip(), to_number(previous) if previous else None)
            out.append(text[last:start] + f"{{{name}}}")
            last = end
        return record("item", text="".join(out) + text[last:], values=values or None)

    def edit_item(self, item: dict, back: bool = True) -> None:
        """Rewrite a sentence in place: the line comes prefilled with it, its slots shown
        as 【数字1】 … (kept, they keep their values; new ones are asked). ``<`` at its
        first slot comes back to the line."""
        text = self.item_text(item).removeprefix("【待确认】")
        shown = slots.shown_names(text)
        before = {k: v for k, v in item.items()}
        typed = slots.with_marks(text, shown)
        while True:
            self.echo("  （【…】是空位：保留则保留已填的值，删去的空位不再填写）")
            typed = self.ui.text("修改这一句：", typed, v_required, back=back)
            kinds = self.slots_of(before)
            new = slots.from_marks(typed, shown)
            kept = {k: v for k, v in before.get("values", {}).items() if "{" + k + "}" in new and v is not None}
            for name, kind in kinds.items():  # a bank slot not yet filled keeps its kind
                if name not in kept and "{" + name + "}" in new and (kind.startswith("figure:") or kind == "percent"):
                    kept[name] = figure(None, "%" if kind == "percent" else kind.split(":", 1)[1])
            item.pop("phrase", None)
            item["text"] = new
            item["values"] = kept
            if not kept:
                item.pop("values")
            try:
                self.fill_slots(item)
                return
            except Back:
                continue

    def ask_slot(self, label: str, kind: str, old: Any = None, key: str | None = None) -> Any:
        """One slot's value; ``old``: what it holds already (prefilled when asked again);
        ``key``: the run its questions are kept under (kept_in_turn)."""
        label = f"  {label}"
        old_text = _number_text(old) or (str(old) if isinstance(old, str) else "")
        if kind.startswith("figure") or kind == "number" and isinstance(old, dict):
            return self._ask_figure(label, kind.split(":", 1)[1] if ":" in kind else "", old, key)
        if kind == "percent":
            cur = old.get("current") if isinstance(old, dict) else old
            return figure(to_number(self.ui.text(f"{label} 百分率（0–100，可带 %）：", _number_text(cur), v_percent)), "%")
        if kind == "number":
            return to_number(self.ui.text(f"{label}：", old_text, v_number))
        if kind == "year":
            return to_year(self.ui.text(f"{label}（年份，如 2021 或 2021年）：", old_text, v_year))
        if kind == "years":
            text = self.ui.text(f"{label}（起止年份，如 2021—2025）：", old_text.removesuffix("年"),
                                lambda t: True if is_back(t) or re.compile(r"\s*\d{4}\s*[—\-－~至]+\s*\d{4}\s*").fullmatch(t)
                                else "请写成 2021—2025 的形式")
            a, b = re.compile(r"\d{4}").findall(text)
            return f"{a}—{b}年"
        if kind == "date":
            from draftkit.report.yamlnodes import no_such_date

            text = self.ui.text(f"{label}（日期，如 2025年3月1日）：", old_text,
                                lambda t: True if is_back(t) or parse_date(t) else
                                no_such_date(t) or "请输入日期，如 2025年3月1日")
            d = parse_date(text)
            return f"{d.year}年{d.month}月{d.day}日"
        if kind == "title":
            return "《" + self.ui.text(f"{label}（文件或法规名称，不用写书名号）：", old_text.strip("《》"),
                                      v_required).strip("《》") + "》"
        return self.ui.text(f"{label}：", old_text, v_required)

    def _ask_figure(self, label: str, unit: str, old: Any, key: str | None = None) -> dict:
        """This year's value, its measure word where the sentence has none, last year's."""
        old = old if isinstance(old, dict) else {}

        def current(a: dict) -> None:
            a["current"] = self.ui.text(f"{label} {self.year}年的数值（{unit or '数字'}）：",
                                        a.get("current", _number_text(old.get("current"))), v_number)

        def measure(a: dict) -> None:  # a number needs its measure word (“386件”, not “386”)
            a["unit"] = self.ui.text(f"{label} 单位（如 件、人次、场次）：", a.get("unit", old.get("unit", "")), v_unit)

        def previous(a: dict) -> None:
            a["previous"] = self.ui.text(f"{label} {self.year - 1}年的数值（用于计算同比，没有可留空）：",
                                         a.get("previous", _number_text(old.get("previous"))),
                                         lambda t: v_number(t, optional=True))

        steps, keys = [current] + ([] if unit else [measure]) + [previous], ["current"] + ([] if unit else ["unit"]) + ["previous"]
        answers = self.kept_in_turn(key, steps, keys) if key else in_turn(steps)
        previous = answers["previous"]
        return figure(to_number(answers["current"]), unit or answers["unit"].strip(),
                      to_number(previous) if previous else None)
