"""The app: ``create_app(folder, token, port)`` is the Starlette application of the routes
of routes.py behind guard.Guard, its state (state.Served) the folder it serves."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette


def create_app(folder: Path, token: str, port: int):
    from draftkit.errors import DraftkitError
    from draftkit.serve.guard import Guard, crashed, refused
    from draftkit.serve.routes import routes
    from draftkit.serve.state import Served

    app = Starlette(routes=routes(), exception_handlers={DraftkitError: refused, Exception: crashed})
    app.state.served = Served(Path(folder).resolve(), token, port)
    return Guard(app, token, port)
