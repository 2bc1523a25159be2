"""The app's pages: our own Jinja2 templates (templates/*.html) in the sandbox with
autoescape on, so that a value a user typed is shown as text, never as markup."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from starlette.responses import HTMLResponse

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from draftkit.serve.nav import NAV

    env = SandboxedEnvironment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["nav"] = NAV
    from draftkit.serve.preview import marked

    env.globals["marked"] = marked
    env.filters["id"] = id  # a finding's identity, to find its link (preview.Para.links)
    return env


def html(name: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
    """A page (or a fragment) of templates/ rendered with ``context``."""
    context.setdefault("here", "")
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status, headers=headers)


def error_page(lines: list[str], status: int, partial: bool) -> HTMLResponse:
    """A problem told in Chinese: the whole page, or for the script's requests the message alone."""
    return html("error_part.html" if partial else "error.html", status=status, lines=lines)
