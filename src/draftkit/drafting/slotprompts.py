"""Asking for the values of an item's slots: each slot by its kind (a figure asks this
year's and last year's value, a year, a date, a document title …), and showing an item as
it will read with the values given so far."""

from __future__ import annotations

from typing import Any

from draftkit import rx
from draftkit import slots
from draftkit.drafting.validators import (
    is_back,
    parse_date,
    to_number,
    to_year,
    v_number,
    v_percent,
    v_required,
    v_year,
)
from draftkit.report.schema import figure, record


def _guess_kind(name: str) -> str:
    """The kind of a slot typed in one's own sentence, by the miner's names: {n}/{f1} a
    figure (its unit asked), {pct} a rate, {y} a year, {title} a document …; else text."""
    for pattern, kind in ((r"(?:n|f|figure)\d*", "figure:"), (r"pct\d*", "percent"), (r"y\d*|year\d+", "year"),
                          (r"years\d*", "years"), (r"date\d*", "date"), (r"title\d*", "title")):
        if rx.compile(pattern).fullmatch(name):
            return kind
    return "text"


class SlotPrompts:
    """Mixed into the flow: needs ``bank``, ``ui``, ``year``, ``issuer``, ``data``, ``echo``, ``save``."""

    def slots_of(self, item: dict) -> dict[str, str]:
        if "phrase" in item:
            p = self.bank.get(item["phrase"])
            return dict(p.slots) if p else {}
        values = item.get("values", {})
        kinds = {}
        for name in slots.names(item.get("text", "")):
            v = values.get(name)
            if isinstance(v, dict):
                kinds[name] = "percent" if v.get("unit") == "%" else f"figure:{v.get('unit', '')}"
            else:
                kinds[name] = _guess_kind(name)
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

    def item_preview(self, item: dict) -> str:
        """The item as it will read, with the slots filled so far."""
        from draftkit.render.compose import value_text
        from draftkit.report.model import Figure

        values = item.get("values", {})
        i = self.issuer
        builtins = slots.builtin_values(self.year, i.get("name", ""), i.get("place", ""), i.get("level", ""),
                                        i.get("leader", ""))

        def lookup(name: str, before: str, after: str) -> str | None:
            v = values.get(name, builtins.get(name))
            if isinstance(v, dict):
                if v.get("current") is None:
                    return None
                v = Figure(v["current"], v.get("previous"), v.get("unit", ""))
            return value_text(v, before, after) if v not in (None, "") else None

        return slots.substitute_in_context(self.item_text(item), lookup)

    def unfilled(self, item: dict) -> list[str]:
        """The slots still to fill, in the order they stand in the sentence."""
        values = item.get("values", {})
        kinds = self.slots_of(item)
        order = slots.names(self.item_text(item))
        names = sorted(kinds, key=lambda n: order.index(n) if n in order else len(order))
        return [n for n in names if n not in slots.builtin_slots() and
                (values.get(n) is None or (isinstance(values[n], dict) and values[n].get("current") is None))]

    def marked(self, item: dict, name: str) -> str:
        """The whole sentence as it reads so far, the slot being asked marked 【…】."""
        return self.item_preview(item).replace("{" + name + "}", f"【{{{name}}}】", 1)

    def fill_slots(self, item: dict) -> None:
        from draftkit.drafting.prompter import wrap

        todo = self.unfilled(item)
        if not todo:
            return
        kinds = self.slots_of(item)
        values = item.setdefault("values", {})
        for name in todo:
            self.echo(wrap(self.marked(item, name), "  填写："))
            old = values.get(name)
            if isinstance(old, dict) and old.get("previous") is not None:  # carried from last year's report
                unit = old.get("unit", "")
                check = v_percent if unit == "%" else v_number
                cur = self.ui.text(f"  {{{name}}} {self.year}年的数值（{self.year - 1}年为 {old['previous']}{unit}）：", "",
                                   check)
                values[name] = {**old, "current": to_number(cur)}
            else:
                values[name] = self.ask_slot(name, kinds[name])
                text = self.item_text(item)
                at = text.find("{" + name + "}")
                if kinds[name] == "year" and not text[at + len(name) + 2:].startswith(("年", "—", "-")):
                    values[name] = f"{values[name]}年"  # never “2021以来”
            self.save(self.data.get("progress", {}).get("step", "issuer"))

    def own_sentence(self, text: str) -> dict:
        """A sentence the user wrote: each number in it becomes a figure asked like a bank
        figure (its measure word if it has none, last year's value for the 同比)."""
        from draftkit.figures import own_figures

        found = own_figures(text)
        if not found:
            return record("item", text=text)
        values: dict = {}
        out, last = [], 0
        for n, (start, end, current, unit) in enumerate(found, 1):
            shown = text[:start] + f"【{text[start:end]}】" + text[end:]
            from draftkit.drafting.prompter import wrap

            self.echo(wrap(shown, "  数据："))
            if not unit:
                unit = self.ui.text(f"  {text[start:end]} 的单位（如 件、人次、%）：", "", v_required, back=False)
            prev = self.ui.text(f"  {self.year - 1}年的数值（用于计算同比，没有可留空）：", "",
                                lambda t: v_number(t, optional=True), back=False)
            values[f"f{n}"] = figure(current, unit, to_number(prev) if prev else None)
            out.append(text[last:start] + f"{{f{n}}}")
            last = end
        return record("item", text="".join(out) + text[last:], values=values)

    def edit_item(self, item: dict, back: bool = True) -> None:
        """Rewrite a sentence in place: the line comes prefilled with it; {…} are its slots
        (kept, they keep their values; new ones are asked)."""
        text = self.item_text(item).removeprefix("【待确认】")
        kinds = self.slots_of(item)
        self.echo("  （{…} 是空位，保留即可；删去的空位不再填写）")
        new = self.ui.text("修改这一句：", text, v_required, back=back)
        kept = {k: v for k, v in item.get("values", {}).items() if "{" + k + "}" in new and v is not None}
        for name, kind in kinds.items():  # a bank slot not yet filled keeps its kind
            if name not in kept and "{" + name + "}" in new and (kind.startswith("figure:") or kind == "percent"):
                kept[name] = figure(None, "%" if kind == "percent" else kind.split(":", 1)[1])
        item.pop("phrase", None)
        item["text"] = new
        item["values"] = kept
        if not kept:
            item.pop("values")
        self.fill_slots(item)

    def ask_slot(self, name: str, kind: str) -> Any:
        label = f"  {{{name}}}"
        if kind.startswith("figure"):
            unit = kind.split(":", 1)[1] if ":" in kind else ""
            cur = self.ui.text(f"{label} {self.year}年的数值（{unit or '数字'}）：", "", v_number)
            if not unit:  # a number needs its measure word (“386件”, not “386”)
                unit = self.ui.text(f"{label} 单位（如 件、人次、场次）：", "", v_required).strip()
            prev = self.ui.text(f"{label} {self.year - 1}年的数值（用于计算同比，没有可留空）：", "",
                                lambda t: v_number(t, optional=True))
            return figure(to_number(cur), unit, to_number(prev) if prev else None)
        if kind == "percent":
            return figure(to_number(self.ui.text(f"{label} 百分率（0–100，不用写 %）：", "", v_percent)), "%")
        if kind == "number":
            return to_number(self.ui.text(f"{label} 数字：", "", v_number))
        if kind == "year":
            return to_year(self.ui.text(f"{label} 年份（如 2021 或 2021年）：", "", v_year))
        if kind == "years":
            text = self.ui.text(f"{label} 起止年份（如 2021—2025）：", "",
                                lambda t: True if is_back(t) or rx.compile(r"\s*\d{4}\s*[—\-－~至]+\s*\d{4}\s*").fullmatch(t)
                                else "请写成 2021—2025 的形式")
            a, b = rx.compile(r"\d{4}").findall(text)
            return f"{a}—{b}年"
        if kind == "date":
            text = self.ui.text(f"{label} 日期（如 2025年3月1日）：", "",
                                lambda t: True if is_back(t) or parse_date(t) else "请输入日期，如 2025年3月1日")
            d = parse_date(text)
            return f"{d.year}年{d.month}月{d.day}日"
        if kind == "title":
            return "《" + self.ui.text(f"{label} 文件或法规名称（不用写书名号）：", "", v_required).strip("《》") + "》"
        return self.ui.text(f"{label}：", "", v_required)

    # -- preview and finish --
