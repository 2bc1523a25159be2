"""The app's route list: each page module names its routes (``ROUTES``); a new page is a
module whose ROUTES are added in ``routes()`` below and, when it has a place in the nav bar
of templates/base.html, a line in nav.py."""

from __future__ import annotations

from starlette.routing import Route


def routes() -> list[Route]:
    from draftkit.serve import bankpick, batchpage, editor, export, headings, importpage, start, static

    return [*start.ROUTES, *importpage.ROUTES, *editor.ROUTES, *headings.ROUTES, *bankpick.ROUTES, *export.ROUTES, *batchpage.ROUTES, *static.ROUTES]
