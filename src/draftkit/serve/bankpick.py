"""Adding from the phrase bank (bankview.py finds what to offer): the one picked goes
under its topic's heading (drafting/firstdraft.section_for) as the prompt adds it, marked
to confirm as a first draft's bank sentences are (another office's practice), its slots
then filled in the editor. One graded 不提供 is never added."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.document import open_doc
from draftkit.serve.state import served


def _bank(request: Request):
    from draftkit.app import load_bank

    return served(request).bank(load_bank)


async def search(request: Request) -> Response:
    from draftkit.serve.bankview import found
    from draftkit.serve.items import Reading
    from draftkit.serve.pages import html
    from draftkit.serve.views import sentence_shown

    q = request.query_params
    doc = open_doc(served(request), q.get("file", ""))
    key = q.get("part", "")
    if key not in (doc.data.get("parts") or {}):
        raise DraftkitError("没有这一部分（页面已过期，请刷新）")
    words = q.get("q", "").split()[:10]
    reading = Reading(doc.data, _bank(request))
    results = found(reading.bank, doc.data, key, words, q.get("topic", ""), q.get("all") == "1",
                    lambda text: sentence_shown(reading, text))
    return html("bank_results.html", key=key, file=doc.name, results=results, searched=bool(words))


async def add(request: Request) -> Response:
    from draftkit.drafting.firstdraft import phrase_item, section_for
    from draftkit.drafting.todonotes import bank_note
    from draftkit.serve.views import answer

    form = {k: str(v) for k, v in (await request.form()).items()}
    doc = open_doc(served(request), form.get("file", ""))
    key = form.get("part", "")
    part = (doc.data.get("parts") or {}).get(key)
    entry = _bank(request).get(form.get("id", ""))
    if part is None or entry is None or entry.part != key:
        raise DraftkitError("短语库中没有这一句，或它不属于这一部分（页面已过期，请刷新）")
    if entry.grade == "no":  # graded 不提供: shown with “也显示……” to read, never put in a report
        raise DraftkitError("这一句标为“不提供”，不能加入报告；请换一句，或自己写一句")
    # another office's practice: to confirm, as a first draft's bank sentences are (drafting/todonotes)
    section_for(part, entry.topic).setdefault("items", []).append(phrase_item(entry, bank_note(key)))
    doc.save("从短语库加入一句")
    return answer(request, doc, key)


ROUTES = [Route("/bank", search), Route("/bank/add", add, methods=["POST"])]
