"""Downloads: the .docx exactly as ``draftkit render`` writes it (app.render_file, its
checks first: refused with the reasons while errors remain), the Markdown, and a draft
(``render --draft``: what is still to fill marked 【待填：…】)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.document import open_doc
from draftkit.serve.state import served

TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "md": "text/markdown; charset=utf-8"}


def rendered(path: Path, fmt: str, draft: bool) -> tuple[bytes | None, list]:
    """What ``draftkit render PATH --format FMT [--draft]`` writes, and check's findings;
    a draft's todo notes in the page's words (what the clerk does is press a button)."""
    from draftkit.app import render_file
    from draftkit.serve.preview import worded_for_page

    with tempfile.TemporaryDirectory(prefix="draftkit-serve-") as tmp:
        out = Path(tmp) / f"{path.stem}.{fmt}"
        target, findings = render_file(path, out, fmt, draft=draft, reword=worded_for_page)
        return (out.read_bytes() if target is not None else None), findings


async def export(request: Request) -> Response:
    from draftkit.serve.pages import error_page

    q = request.query_params
    doc = open_doc(served(request), q.get("file", ""))
    fmt, draft = q.get("format", "docx"), q.get("draft") == "1"
    if fmt not in TYPES:
        raise DraftkitError(f"不能导出为“{fmt[:10]}”：可选 docx、md")
    try:
        payload, findings = rendered(doc.path, fmt, draft)
    except DraftkitError as exc:  # what render itself refuses (a figure left empty …)
        from draftkit.app import load_bank
        from draftkit.serve.items import Reading
        from draftkit.serve.unfinished import listed, open_points

        points = open_points(Reading(doc.data, served(request).bank(load_bank)), doc.data)
        lines = [f"还有 {len(points)} 处没填完，不能下载正式稿；请先填好，或下载草稿（标出待填之处）：" if points else
                 "还有没填完的内容，不能下载正式稿；请先填好，或下载草稿（标出待填之处）。"]
        lines += listed(points or [p.message for p in exc.problems])
        return error_page(lines, 409, "x-draftkit" in request.headers)
    if payload is None:
        errors = [f for f in findings if f.severity == "error"]
        lines = [f"还有 {len(errors)} 个错误，不能下载正式稿；请按右侧的检查结果改正，或先下载草稿（标出待填之处）。"]
        from draftkit.serve.unfinished import listed

        lines += listed([f.message for f in errors])
        return error_page(lines, 409, "x-draftkit" in request.headers)
    name = f"{doc.path.stem}{'（草稿）' if draft else ''}.{fmt}"
    return Response(payload, media_type=TYPES[fmt],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
                             "Cache-Control": "no-store"})


ROUTES = [Route("/export", export)]
