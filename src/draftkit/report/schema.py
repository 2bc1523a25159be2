"""The data file's schema, declared once. A data file (and the answers file ``draftkit new``
writes, which is the same thing) is a few kinds of mapping; each is declared here with its
keys in the order draftkit writes them, which of them are required, how a message names
them and the value a key left out stands for.

loader.py validates a file against these keys, datafile.dump writes them in this order,
and the builders of data (drafting/: the first draft and the prompt's answers; continuity/:
import and carry forward) make every mapping with ``record()`` or ``figure()``, which refuse a
key not declared here. The report model (model.py) is the validated view of the same file.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Key(NamedTuple):
    """One key of a mapping: its name, how messages name it (``year（年度）``), whether a
    file must give it, and for a part's key the one part it belongs to."""

    name: str
    label: str = ""
    required: bool = False
    only_in: str = ""  # a part's key that only this part takes (plan: year)


SCHEMA: dict[str, tuple[Key, ...]] = {
    "report": (
        Key("issuer", "发文机关", True),
        Key("year", "年度", True),
        Key("date", "成文日期", True),
        Key("addressee", "主送机关"),
        Key("title", "标题"),
        Key("opening", "开头"),
        Key("order", "部分顺序"),
        Key("layout", "版式"),
        Key("parts", "各部分", True),
        Key("closing", "结束语"),
        Key("based_on", "去年的报告"),  # last year's report (draftkit import); check compares with it
        Key("progress", "填写进度"),  # written by draftkit new to resume a run; render ignores it
    ),
    "issuer": (
        Key("name", "发文机关名称", True),
        Key("level", "层级", True),
        Key("place", "地名"),
        Key("leader", "主要负责人"),  # the principal leader's title (县长, 局长…); default by level
    ),
    "layout": (
        Key("sealed", "是否加盖印章"),
        Key("bold_headings", "标题加粗"),
    ),
    "part": (
        Key("heading", "标题"),
        Key("intro", "导语"),
        Key("sections", "小标题"),
        Key("items", "各项"),
        Key("style", "排列方式"),
        Key("year", "年度", only_in="plan"),
    ),
    "section": (
        Key("heading", "标题"),
        Key("intro", "导语"),
        Key("style", "排列方式"),
        Key("items", "各项"),
    ),
    "item": (  # or an item is a string: its text
        Key("text", "文字"),
        Key("phrase", "短语编号"),
        Key("values", "空位的值"),
        Key("todo", "待办"),
    ),
    "figure": (  # a value of an item's slot; a value may also be text or a number
        Key("current", "本年数值", True),
        Key("previous", "上年数值"),
        Key("unit", "单位"),
    ),
    "progress": (  # where draftkit new stopped (its own bookkeeping)
        Key("step"),
        Key("visited"),
        Key("skipped"),
        Key("typing"),  # what was being typed when Ctrl-C came: question → text, put back on resume
        Key("pending"),  # the answers of a run of questions not yet finished (a figure's value and unit …)
    ),
}

# The value of a key a file leaves out (the model's defaults are these).
DEFAULTS: dict[tuple[str, str], Any] = {
    ("report", "closing"): "特此报告。",
    ("layout", "sealed"): True,
    ("layout", "bold_headings"): False,
    ("section", "style"): "enumerate",
}
CLOSING: str = DEFAULTS["report", "closing"]
STYLE: str = DEFAULTS["section", "style"]

ITEM_TEXT_KEYS: tuple[str, ...] = ("text", "todo", "phrase")  # an item's keys that hold text


def keys(kind: str, part: str = "") -> dict[str, bool]:
    """The keys of a mapping of this kind (for a part: of that part), each with whether it is
    required, in the written order."""
    return {k.name: k.required for k in SCHEMA[kind] if not k.only_in or k.only_in == part}


def named(kind: str, key: str) -> str:
    """How a message names a key: ``year（年度）``."""
    label = next(k.label for k in SCHEMA[kind] if k.name == key)
    return f"{key}（{label}）"


def record(kind: str, **fields: Any) -> dict:
    """A mapping of this kind, its keys in the order given; an optional key given as None
    is left out (a required one is written as null: a value still to fill). A key the
    schema does not declare is a mistake in our own code (TypeError)."""
    declared = {k.name: k.required for k in SCHEMA[kind]}
    wrong = [k for k in fields if k not in declared]
    if wrong:
        raise TypeError(f"{kind} has no key {', '.join(wrong)} (report/schema.py)")
    return {k: v for k, v in fields.items() if v is not None or declared[k]}


def figure(current: int | float | None, unit: str, previous: int | float | None = None) -> dict:
    """A figure slot's value: ``{current, unit}``, and ``previous`` when last year's is known."""
    out: dict = {"current": current, "unit": unit}
    if previous is not None:
        out["previous"] = previous
    return out
