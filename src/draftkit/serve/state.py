"""What every handler needs: the server's state (``Served``), reached by ``served(request)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request


@dataclass
class Served:
    """The server's state: the folder it serves (every file read or written is in it), the
    token, the port, and the answers files open in the editor (name → its session)."""

    folder: Path
    token: str
    port: int
    documents: dict = field(default_factory=dict)
    _bank: object = None

    def bank(self, load):
        """The phrase bank (``load([])``, app.load_bank), loaded once for the server's life."""
        if self._bank is None:
            self._bank = load([])
        return self._bank


def served(request: Request) -> Served:
    return request.app.state.served
