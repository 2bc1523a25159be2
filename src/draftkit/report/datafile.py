"""The data file as plain data (dicts and lists, as YAML gives them): written in a fixed
key order, read as it is (a draft may still hold empty figures and todo items), its items
walked and its open entries counted. The report model (model.py, via loader.py) is the
validated view of the same file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from draftkit.errors import DraftkitError

KEY_ORDER = ("issuer", "year", "date", "addressee", "title", "opening", "order", "layout", "parts", "closing",
             "based_on", "progress")


def dump(data: dict, header: str = "") -> str:
    import yaml

    ordered = {k: data[k] for k in KEY_ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)


def read_data(path: Path, what: str = "数据文件") -> dict:
    """A data file as plain data, without validation."""
    import yaml

    from draftkit.report.loader import read_text

    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise DraftkitError(f"{path}{where}: {what}不是有效的 YAML") from None
    if not isinstance(data, dict):
        raise DraftkitError(f"{path}: {what}的格式不对")
    return data


def iter_items(part: dict) -> list:
    """A part's own items and those of its sections, in order."""
    out = list(part.get("items", []))
    for sec in part.get("sections", []):
        out.extend(sec.get("items", []))
    return out


def text_of(item: Any) -> str:
    return item if isinstance(item, str) else item.get("text", "")


def count_open(data: dict) -> tuple[int, int]:
    """Figures whose current value is still empty, and todo items."""
    figures = todos = 0
    for part in data.get("parts", {}).values():
        for it in iter_items(part):
            if isinstance(it, dict):
                todos += "todo" in it
                figures += sum(1 for v in (it.get("values") or {}).values()
                               if v is None or (isinstance(v, dict) and v.get("current") is None))
    return figures, todos
