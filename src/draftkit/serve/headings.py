"""The words around the sentences, edited on the page: the title, the opening, each part's
heading and intro (导语), each section's heading — saved where the answers file's schema has
them (report/schema.py: title, opening, parts.KEY.heading / intro, sections[i].heading), as
``render`` reads them. Left empty or as the default, a title or part heading is left out of
the file (render then writes the default: domain.default_title, default_part_heading). An
intro or the opening is shown with the built-in slots filled ({year} as 2026); left as shown,
the file keeps its own text, slots and all."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.document import open_doc
from draftkit.serve.state import served

HEADING_MAX = 60  # characters of a title or heading (the longest real ones are about 40)
_BRACES = re.compile(r"[{}]")


def _heading(typed: str, what: str) -> str:
    text = " ".join(typed.split())
    if len(text) > HEADING_MAX:
        raise DraftkitError(f"{what}太长（{len(text)} 个字）：请不超过 {HEADING_MAX} 个字")
    if _BRACES.search(text):
        raise DraftkitError(f"{what}中不能有 {{ 或 }}")
    return text


def _paragraphs(typed: str, what: str) -> list[str]:
    lines = [" ".join(line.split()) for line in typed.splitlines() if line.strip()]
    if any(_BRACES.search(line) for line in lines):
        raise DraftkitError(f"{what}中不能有 {{ 或 }}")
    return lines


def _set(holder: dict, key: str, value) -> None:
    if value in (None, "", []):
        holder.pop(key, None)
    else:
        holder[key] = value


async def change_heading(request: Request) -> Response:
    """One of the title, the opening, a part's heading or intro, a section's heading."""
    from draftkit.app import load_bank
    from draftkit.domain import PART_NAMES, default_part_heading, default_title
    from draftkit.serve.items import Reading, Where
    from draftkit.serve.views import answer, shown_block

    import copy

    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    data, what, typed = doc.data, form.get("what", ""), form.get("text", "")
    before = copy.deepcopy(data)
    issuer = data.get("issuer") or {}
    year = data.get("year") or 0
    reading = Reading(data, served(request).bank(load_bank))
    key = None
    if what == "title":
        text = _heading(typed, "标题")
        _set(data, "title", "" if text == default_title(issuer.get("name", ""), issuer.get("level", ""), year) else text)
        said = "修改标题"
    elif what == "opening":
        if typed.strip() != shown_block(reading, data.get("opening")).strip():
            lines = _paragraphs(typed, "开头")
            _set(data, "opening", lines[0] if len(lines) == 1 else lines)
        said = "修改开头"
    else:
        where = Where.parse(form.get("where", "") + "/0")
        key, holder = where.part, where.holder(data)
        name = PART_NAMES.get(key, key)
        if what == "heading" and where.section < 0:
            text = _heading(typed, f"{name}的标题")
            _set(holder, "heading", "" if text == default_part_heading(key, year, issuer.get("level", "")) else text)
            said = "修改部分标题"
        elif what == "heading":
            text = _heading(typed, "小标题")
            if not text:
                raise DraftkitError("小标题不能为空：不要这一节，请点“删除这一节”")
            holder["heading"] = text
            said = "修改小标题"
        elif what == "intro" and where.section < 0:
            if typed.strip() != shown_block(reading, holder.get("intro")).strip():
                lines = _paragraphs(typed, f"{name}的导语")
                _set(holder, "intro", lines[0] if len(lines) == 1 else lines)
            said = "修改导语"
        else:
            raise DraftkitError("不能修改这一处（页面已过期，请刷新）")
    if data != before:  # left as it was: the file is not written again
        doc.save(said)
    return answer(request, doc, key or "-")


ROUTES = [Route("/edit/heading", change_heading, methods=["POST"])]
