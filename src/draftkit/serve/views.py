"""What the editor shows: each part's items as views (their sentence as the clerk reads
it, the slots as fields), the bar, the live page — whole (``editor_context``) or the
fragments a change alters (``answer``)."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response

from draftkit.serve.items import Reading, Where, slot_fields
from draftkit.serve.pages import html
from draftkit.serve.state import served


def order_of(data: dict) -> list[str]:
    from draftkit.domain import PART_KEYS

    order = [k for k in (data.get("order") or PART_KEYS) if k in PART_KEYS]
    return order + [k for k in (data.get("parts") or {}) if k not in order and k in PART_KEYS]


def sentence_shown(reading: Reading, text: str) -> str:
    """A sentence as the clerk edits it: its slots as 【数字1】…, the ones draftkit fills
    itself ({全域}, {year} …) as they read."""
    from draftkit import slots

    builtins = reading.builtins()
    marked = slots.with_marks(text, slots.shown_names(text))
    return slots.substitute(marked, lambda n: str(builtins[n]) if n in builtins else None)


def shown_block(reading: Reading, value) -> str:
    """An opening or intro (a string, blank lines between paragraphs, or a list) as the
    clerk edits it: a paragraph a line, the built-in slots filled."""
    if isinstance(value, list):
        text = "\n".join(str(v) for v in value if v)
    else:
        text = re.compile(r"\n\s*\n").sub("\n", str(value or "")).strip()
    return "\n".join(sentence_shown(reading, line) for line in text.splitlines())


def item_view(reading: Reading, item, where: Where, form: dict | None = None, error: str = "",
              fields=None) -> dict:
    from draftkit.drafting.todonotes import for_page

    item = {"text": item} if isinstance(item, str) else item
    text = reading.item_text(item)
    state = "write" if "todo" in item and "text" not in item and "phrase" not in item else \
        "confirm" if "todo" in item else "done"
    bare = text.removeprefix("【待确认】") if state != "write" else ""
    todo = for_page(item.get("todo", ""))  # the file's wording, as done on the page
    return {"where": str(where), "state": state, "todo": todo,
            "sentence": (form or {}).get("text", sentence_shown(reading, bare)),
            "reads": reading.item_preview(item).removeprefix("【待确认】") if state != "write" else "",
            "phrase": item.get("phrase", ""), "error": error,
            "fields": fields if fields is not None else slot_fields(reading, item)}


def part_view(reading: Reading, data: dict, key: str, errors: dict | None = None) -> dict:
    from draftkit.serve.bankview import topics_of

    from draftkit.domain import PART_NAMES, default_part_heading

    part = (data.get("parts") or {}).get(key) or {}
    errors = errors or {}
    year, level = data.get("year") or 0, (data.get("issuer") or {}).get("level", "")
    groups = []
    for s, holder in [(-1, part), *enumerate(part.get("sections") or [])]:
        items = [errors.get(str(Where(key, s, i))) or item_view(reading, it, Where(key, s, i))
                 for i, it in enumerate(holder.get("items") or [])]
        if s >= 0 or items:
            groups.append({"section": s, "heading": holder.get("heading", "") if s >= 0 else "", "items": items})
    return {"key": key, "name": PART_NAMES.get(key, key), "intro": shown_block(reading, part.get("intro")),
            "heading": part.get("heading") or default_part_heading(key, year, level), "groups": groups,
            "topics": topics_of(reading.bank, key, data)}


def editor_context(request: Request, doc, errors: dict | None = None, only: str | None = None) -> dict:
    from draftkit.app import load_bank
    from draftkit.report.datafile import count_open
    from draftkit.serve.preview import live

    reading = Reading(doc.data, served(request).bank(load_bank))
    keys = order_of(doc.data) if only is None else [k for k in [only] if k in (doc.data.get("parts") or {})]
    figures, todos = count_open(doc.data)
    page = live(doc.path, doc.text)
    link_findings(reading, doc.data, page)
    from draftkit.domain import default_title

    issuer = doc.data.get("issuer") or {}
    words = {"title": doc.data.get("title") or "", "opening": shown_block(reading, doc.data.get("opening")),
             "default_title": default_title(issuer.get("name", ""), issuer.get("level", ""), doc.data.get("year") or 0)}
    return {"file": doc.name, "data": doc.data, "parts": [part_view(reading, doc.data, k, errors) for k in keys],
            "words": words,
            "live": page, "open_figures": figures, "open_todos": todos,
            "undo": doc.undo[-1][1] if doc.undo else ""}


_MARKS = re.compile(r"【[^】]*】")
_QUOTED = re.compile(r"“([^”]{2,})”")


def link_findings(reading: Reading, data: dict, page) -> None:
    """Each finding of the live page tied to the editor item whose sentence it concerns: the
    item of its paragraph whose text holds what the finding quotes, else the paragraph's first."""
    if not page.findings:
        return
    probes = []
    for key in order_of(data):
        part = (data.get("parts") or {}).get(key) or {}
        for s, holder in [(-1, part), *enumerate(part.get("sections") or [])]:
            for i, it in enumerate(holder.get("items") or []):
                item = {"text": it} if isinstance(it, str) else it
                reads = reading.item_preview(item).removeprefix("【待确认】") if "text" in item or "phrase" in item else ""
                runs = sorted(_MARKS.split(reads), key=len, reverse=True)
                if runs and len(runs[0]) >= 4:
                    probes.append((runs[0][:16], reads, "item-" + str(Where(key, s, i)).replace("/", "-")))
    texts: dict[int, str] = {}  # a paragraph split across two pages is one text
    for sheet in page.sheets:
        for p in sheet.paras:
            texts[p.number] = texts.get(p.number, "") + p.text
    for sheet in page.sheets:
        for p in sheet.paras:
            mine = [(reads, iid) for probe, reads, iid in probes if probe in texts[p.number]]
            for f in p.findings:
                quoted = _QUOTED.findall(f.message)
                f_item = next((iid for reads, iid in mine if any(q in reads for q in quoted)), mine[0][1] if mine else "")
                p.links[id(f)] = f_item


def answer(request: Request, doc, key: str | None, errors: dict | None = None, status: int = 200) -> Response:
    """The fragments that changed: the part (or all parts), the live page, the bar."""
    ctx = editor_context(request, doc, errors, key)
    return html("edit_changed.html", status=status, **ctx)
