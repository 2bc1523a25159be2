"""``draftkit diff last this``: what changed part by part — items added and dropped,
wording changed, and figures with their change. Works on YAML data files and on reports
(.docx/.txt/.md) alike, through the importer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from draftkit import slots
from draftkit.domain import PART_KEYS, PART_NAMES
from draftkit.figures import around, figure_text, number, yoy
from draftkit.report.datafile import iter_items
from draftkit.report.model import Figure

SIMILAR = 0.6  # difflib ratio above which an item counts as rewritten rather than new


@dataclass
class DiffItem:
    """One item of a part, as the diff compares it: its text, its shape and its figures."""

    text: str  # as it reads
    shape: str  # with its figures as {} (the same sentence with other figures has the same shape)
    figures: list[tuple[str, dict]]  # (what the figure counts, value) in order


def _items(data: dict, key: str) -> list[DiffItem]:
    part = data.get("parts", {}).get(key)
    if not part:
        return []
    year = data.get("year")
    out = []
    for it in iter_items(part):
        if isinstance(it, str):
            it = {"text": it}
        if "text" not in it:
            continue
        values = it.get("values", {})
        text = it["text"].replace("{year}", "{Y}").replace("{next_year}", "{Y1}")
        figures = []

        def read(m: re.Match) -> str:
            name = m.group(1)
            v = values.get(name)
            if name == "Y":
                return f"{year}"
            if name == "Y1":
                return f"{year + 1}"
            if isinstance(v, dict) and v.get("current") is not None:
                before, after = around(text, m.start(), m.end())
                figures.append((re.compile(r"[，。；：、]").split(slots.blank(before)[-14:])[-1], v))
                return figure_text(Figure(v["current"], v.get("previous"), v.get("unit", "")), before, after)
            return m.group(0)

        readable = slots.SLOT_RE.sub(read, text)
        # The same sentence with other figures has the same shape, whatever its slots are named.
        shape = slots.substitute(text, lambda name: "{}" if isinstance(values.get(name), dict) else None)
        out.append(DiffItem(readable, shape, figures))
    return out


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _todos(data: dict, key: str) -> int:
    part = data.get("parts", {}).get(key) or {}
    return sum(1 for it in iter_items(part) if isinstance(it, dict) and "todo" in it)


def _change(old: dict, new: dict) -> str:
    a, b = old["current"], new["current"]
    unit = new.get("unit", "")
    if unit == "%":
        clause = yoy(b, a, rate=True).replace("同比", "")
    else:
        clause = yoy(b, a).replace("同比", "") if a else ""
    return f"{number(a)}{old.get('unit', '')} → {number(b)}{unit}" + (f"（{clause}）" if clause else "")


def diff_data(old: dict, new: dict) -> list[str]:
    lines: list[str] = []
    for key in PART_KEYS:
        a, b = _items(old, key), _items(new, key)
        if not a and not b:
            continue
        out: list[str] = []
        unmatched_b = list(b)
        pairs: list[tuple[DiffItem, DiffItem]] = []
        dropped: list[DiffItem] = []
        for item in a:
            same = next((x for x in unmatched_b if x.shape == item.shape), None)
            if same is not None:
                unmatched_b.remove(same)
                pairs.append((item, same))
            else:
                dropped.append(item)
        rewritten = []
        for item in list(dropped):
            best = max(unmatched_b, key=lambda x: difflib.SequenceMatcher(None, item.shape, x.shape).ratio(),
                       default=None)
            if best is not None and difflib.SequenceMatcher(None, item.shape, best.shape).ratio() >= SIMILAR:
                unmatched_b.remove(best)
                dropped.remove(item)
                rewritten.append((item, best))
        figure_lines = []
        for x, y in pairs + rewritten:
            for (label, v1), (_, v2) in zip(x.figures, y.figures):
                if v1["current"] != v2["current"]:
                    figure_lines.append(f"  数据：{label}{_change(v1, v2)}")
        counts = [(len(unmatched_b), "新增 {} 项"), (len(dropped), "删去 {} 项"), (len(rewritten), "改写 {} 项"),
                  (len(figure_lines), "数据变化 {} 处")]
        todos = _todos(new, key)
        counts.append((todos, "待写 {} 项"))
        summary = "，".join(t.format(n) for n, t in counts if n) or "没有变化"
        head = f"【{PART_NAMES.get(key, key)}】{summary}"
        out.extend(f"  + 新增：{_short(x.text)}" for x in unmatched_b)
        out.extend(f"  - 删去：{_short(x.text)}" for x in dropped)
        for x, y in rewritten:
            out.append(f"  ~ 改写：{_short(y.text)}")
            out.append(f"      原：{_short(x.text)}")
        out.extend(figure_lines)
        lines.append(head)
        lines.extend(out)
    return lines


def _read(path: Path) -> dict:
    """A YAML data file as it is (a draft may still have empty figures and todo items);
    a report through the importer. Phrase references are replaced by their text."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        from draftkit.continuity.importer import import_report

        return import_report(path, force=True)  # compared, not carried forward
    from draftkit.report.datafile import read_data

    data = read_data(path)
    ids = {it["phrase"] for part in data.get("parts", {}).values() if isinstance(part, dict)
           for it in iter_items(part) if isinstance(it, dict) and "phrase" in it}
    if ids:
        from draftkit.bank.phrasebank import Bank, shipped_bank_dir

        bank = Bank.load(shipped_bank_dir(), only=ids)
        for part in data["parts"].values():
            for it in iter_items(part):
                if isinstance(it, dict) and "phrase" in it and bank.get(it["phrase"]):
                    it["text"] = bank.get(it["phrase"]).text
    return data


def diff_files(old: Path, new: Path) -> str:
    a, b = _read(old), _read(new)
    head = f"比较 {old}（{a.get('year')} 年度）与 {new}（{b.get('year')} 年度）"
    body = diff_data(a, b)
    return "\n".join([head] + (body or ["两份报告没有差别。"]))
