"""The editor: an answers file part by part in the report's order, each item a sentence
with its slots as fields, beside the live page (preview.py). Every change is checked as
the prompt checks it (items.py), saved at once (document.py) and answered with the parts
of the page that changed: the part edited, the live page and its findings."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.document import open_doc
from draftkit.serve.items import Reading, Where, own_item, rewritten, typed_fields, values_of
from draftkit.serve.pages import html
from draftkit.serve.state import served
from draftkit.serve.views import answer, editor_context, item_view, sentence_shown


async def edit_page(request: Request) -> Response:
    doc = open_doc(served(request), request.query_params.get("file", ""))
    return html("edit.html", here="", **editor_context(request, doc))


async def change_item(request: Request) -> Response:
    """One item: save its sentence and slot values, keep (confirm) it, delete, move it."""
    from draftkit.app import load_bank

    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    where = Where.parse(form.get("where", ""))
    items = where.items(doc.data)
    item = where.item(doc.data)
    act = form.get("act", "save")
    reading = Reading(doc.data, served(request).bank(load_bank))
    if act == "delete":
        items.pop(where.index)
        doc.save("删除一句")
    elif act in ("up", "down"):
        to = where.index + (-1 if act == "up" else 1)
        if not 0 <= to < len(items):
            raise DraftkitError("已经是第一句了" if act == "up" else "已经是最后一句了")
        items[where.index], items[to] = items[to], items[where.index]
        doc.save("调整顺序")
    else:
        item = {"text": item} if isinstance(item, str) else dict(item)
        fields = typed_fields(reading, item, form)
        new, said = item, ""
        typed = form.get("text")
        if typed is not None and act in ("save", "rewrite", "keep"):
            old_shown = sentence_shown(reading, reading.item_text(item).removeprefix("【待确认】"))
            writing = "todo" in item and "text" not in item and "phrase" not in item
            if writing and not typed.strip() and act == "save":
                return answer(request, doc, where.part)  # left empty: still to write, nothing to save
            if typed.strip() != old_shown.strip() or writing:
                new, said = rewritten(reading, item, typed)
                if new is not None:
                    fields = typed_fields(reading, new, form)  # the slots of the sentence as now written
        if said or any(f.errors for f in fields):
            view = item_view(reading, item, where, form, said, fields)
            return answer(request, doc, where.part, {str(where): view}, 400)
        if new is not item:  # the clerk wrote the sentence: it is theirs now, nothing left to confirm
            item, act = new, "rewrite"
        item["values"] = values_of(fields, item.get("values") or {}) or None
        if item["values"] is None:
            item.pop("values")
        if act in ("keep", "rewrite"):
            item.pop("todo", None)
        items[where.index] = item["text"] if set(item) == {"text"} else item  # a bare sentence stays one line
        doc.save({"keep": "确认一句", "rewrite": "改写一句"}.get(act, "修改一句"))
    return answer(request, doc, where.part)


async def add_own(request: Request) -> Response:
    """One's own sentence, at the end of the part or of the section chosen."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    where = Where.parse(form.get("where", "") + "/0")
    item, said = own_item(form.get("text", ""))
    if item is None:
        raise DraftkitError(f"自己写的一句：{said}")
    where.items(doc.data).append(item)
    doc.save("加入自己写的一句")
    return answer(request, doc, where.part)


async def change_section(request: Request) -> Response:
    """A section of a part: deleted (its heading, and any sentence still under it)."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    where = Where.parse(form.get("where", "") + "/0")
    if where.section < 0:
        raise DraftkitError("没有这一节（页面已过期，请刷新）")
    where.holder(doc.data)  # the section is there
    if form.get("act") == "delete":
        doc.data["parts"][where.part]["sections"].pop(where.section)
        doc.save("删除一节")
    return answer(request, doc, where.part)


async def basics(request: Request) -> Response:
    """The date and the addressee (the prompt's own check of the date)."""
    from draftkit.drafting.validators import parse_date, v_date_for

    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    typed = {"date": form.get("date", "").strip()}
    said = v_date_for(doc.data.get("year") or 0)(typed["date"]) if typed["date"] else True
    if said is not True:
        ctx = editor_context(request, doc, only="-")
        return html("basics.html", status=400, basics_errors={"date": said}, basics_typed=typed, **ctx)
    doc.data["date"] = parse_date(typed["date"]) if typed["date"] else None
    if "addressee" in form:
        doc.data["addressee"] = form["addressee"].strip().rstrip("：:") or None
    doc.save("修改成文日期、主送机关")
    return answer(request, doc, "-")


async def undo(request: Request) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    doc.undo_last()
    return answer(request, doc, None)


ROUTES = [
    Route("/edit", edit_page),
    Route("/edit/item", change_item, methods=["POST"]),
    Route("/edit/own", add_own, methods=["POST"]),
    Route("/edit/undo", undo, methods=["POST"]),
    Route("/edit/basics", basics, methods=["POST"]),
    Route("/edit/section", change_section, methods=["POST"]),
]
