"""The data file as plain data (dicts and lists, as YAML gives them): written in a fixed
key order, read as it is (a draft may still hold empty figures and todo items), its items
walked and its open entries counted. The report model (model.py, via loader.py) is the
validated view of the same file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from draftkit.errors import DraftkitError
from draftkit.report.schema import ITEM_TEXT_KEYS, keys, named

KEY_ORDER = tuple(keys("report"))  # the order a data file is written in (schema.py)


def dump(data: dict, header: str = "") -> str:
    import yaml

    ordered = {k: data[k] for k in KEY_ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)


def read_data(path: Path, what: str = "数据文件") -> dict:
    """A data file as plain data, without validation but in the shape walked here: parts
    a mapping of parts, each with lists of items and sections."""
    from draftkit.report.loader import read_text
    from draftkit.report.yamlnodes import load_data

    data = load_data(str(path), read_text(path))
    if not isinstance(data, dict):
        raise DraftkitError(f"{path}: {what}的格式不对，应为“键: 值”")
    parts = data.get("parts") or {}
    if not isinstance(parts, dict):
        raise DraftkitError(f"{path}: {named('report', 'parts')}应为键值对，实际是列表或文字")
    for key, part in parts.items():
        if part is None:
            parts[key] = {}
        elif not isinstance(part, dict):
            raise DraftkitError(f"{path}: 部分“{key}”应为键值对")
        elif not all(isinstance(part.get(k, []), list) for k in ("items", "sections")) or not all(
                isinstance(sec, dict) and isinstance(sec.get("items", []), list) for sec in part.get("sections", [])):
            raise DraftkitError(f"{path}: 部分“{key}”的 items 和 sections 应为列表")
        else:
            for i, item in enumerate(iter_items(part), 1):
                if not _item_shape_ok(item):
                    raise DraftkitError(f"{path}: 部分“{key}”第 {i} 项的格式不对（应为文字，或 text/todo/phrase 加 values）")
    if "year" in data and (not isinstance(data["year"], int) or isinstance(data["year"], bool)):
        raise DraftkitError(f"{path}: {named('report', 'year')}应为整数")
    if "parts" in data:
        data["parts"] = parts
    return data


def _is_number(x: Any) -> bool:
    return x is None or isinstance(x, (int, float)) and not isinstance(x, bool)


def _item_shape_ok(item: Any) -> bool:
    """An item as walked here: text, or a mapping of text/todo/phrase and values whose
    figures are numbers (or empty)."""
    if isinstance(item, str):
        return True
    if not isinstance(item, dict) or any(k in item and not isinstance(item[k], (str, type(None)))
                                         for k in ITEM_TEXT_KEYS):
        return False
    values = item.get("values") or {}
    if not isinstance(values, dict):
        return False
    for v in values.values():
        if isinstance(v, dict):
            if not (_is_number(v.get("current")) and _is_number(v.get("previous"))
                    and isinstance(v.get("unit") or "", str)):
                return False
        elif not (_is_number(v) or isinstance(v, str)):
            return False
    return True


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
