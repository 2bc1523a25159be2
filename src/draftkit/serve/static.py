"""The app's own static files (static/: our script and style sheet), behind the same
token as every page; only the names shipped, nothing else of the disk."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.serve.pages import STATIC

TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _shipped() -> dict[str, bytes]:
    from draftkit.serve.preview import page_css

    files = {p.name: p.read_bytes() for p in STATIC.iterdir() if p.suffix in TYPES}
    files["page.css"] = page_css().encode("utf-8")  # the printed page, from render/gbt9704.py's numbers
    return files


_FILES: dict[str, bytes] = {}


async def static_file(request: Request) -> Response:
    if not _FILES:
        _FILES.update(_shipped())
    name = request.path_params["name"]
    if name not in _FILES:
        return Response("没有这个文件", status_code=404, media_type="text/plain; charset=utf-8")
    return Response(_FILES[name], media_type=TYPES[Path(name).suffix],
                    headers={"Cache-Control": "no-cache"})

async def no_icon(request: Request) -> Response:
    return Response(status_code=204)


ROUTES = [Route("/static/{name}", static_file), Route("/favicon.ico", no_icon)]
