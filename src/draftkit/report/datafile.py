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


def dump_keeping(old: str | None, data: dict, header: str = "", before: str | None = None,
                 plain: str | None = None) -> str:
    """``dump(data, header)``, keeping the comments a person wrote in ``old`` (the file as it
    stands): each stays with its key, or with its list item while the item is there (matched
    by its text, phrase or heading; an item edited in place keeps it too).

    The comments are carried by ruamel.yaml's round-trip mode, which reads only plain
    mappings, lists and scalars (no tag is ever turned into an object); what is written is
    ``data``, the file as read and checked by the safe loader, never anything ruamel read.
    Given ``before``, the dump of the data ``old`` holds, a change of lines in place is made
    in ``old`` itself instead (linepatch.py: no round trip); ``plain`` is ``dump(data,
    header)`` when the caller has it."""
    new = plain if plain is not None else dump(data, header)
    if not old or not _has_comments(old, header):
        return new
    if before is not None:
        from draftkit.report.linepatch import patched

        if (out := patched(old, before, new, header, data)) is not None:
            return out
    import io

    from ruamel.yaml.error import YAMLError

    rt = _round_trip()
    try:
        kept = _merge(rt.load(old), rt.load(new))
    except YAMLError:  # a file someone broke by hand: the checked data as it is
        return new
    out = io.StringIO()
    rt.dump(kept, out)
    return out.getvalue()


def _has_comments(text: str, header: str) -> bool:
    """Whether the file has a comment besides draftkit's own header line."""
    body = text[len(header):] if header and text.startswith(header) else text
    return any(line.lstrip().startswith("#") or " #" in line for line in body.splitlines())


def _round_trip():
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")  # comments and layout, as dump writes them
    rt.width = 1000
    rt.indent(mapping=2, sequence=2, offset=0)
    rt.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return rt


def _signature(node: Any) -> Any:
    """What tells a list item from another: its text, phrase or heading."""
    if isinstance(node, dict):
        return next((str(node[k]) for k in ("text", "phrase", "heading", "todo") if k in node), repr(sorted(node)))
    return str(node)


def _merge(old: Any, new: Any) -> Any:
    """``new``, with the comments of ``old`` where its keys and items are still there."""
    from difflib import SequenceMatcher

    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(old, CommentedMap) and isinstance(new, CommentedMap):
        out = CommentedMap()
        for k, v in new.items():
            out[k] = _merge(old[k], v) if k in old else v
            if k in old.ca.items:
                out.ca.items[k] = old.ca.items[k]
        out.ca.comment = old.ca.comment
        return out
    if isinstance(old, CommentedSeq) and isinstance(new, CommentedSeq):
        out = CommentedSeq()
        pairs: dict[int, int] = {}  # new index → old index
        ops = SequenceMatcher(None, [_signature(x) for x in old], [_signature(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in ops.get_opcodes():
            if tag in ("equal", "replace"):  # replaced: edited in place, paired in order
                pairs.update({j1 + d: i1 + d for d in range(min(i2 - i1, j2 - j1))})
        for j, v in enumerate(new):
            i = pairs.get(j)
            out.append(v if i is None else _merge(old[i], v))
            if i is not None and i in old.ca.items:
                out.ca.items[j] = old.ca.items[i]
        out.ca.comment = old.ca.comment
        return out
    return old if old == new and type(old) is type(new) else new


def read_data(path: Path, what: str = "数据文件", text: str | None = None) -> dict:
    """A data file as plain data, without validation but in the shape walked here: parts
    a mapping of parts, each with lists of items and sections. ``text``: the file's text
    when the caller has read it already (it is not read again)."""
    from draftkit.report.loader import read_text
    from draftkit.report.yamlnodes import load_data

    data = load_data(str(path), read_text(path) if text is None else text)
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
