"""Write files so that a reader never sees half of one: temp file, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write or replace ``path``; a failure is one line naming it (nothing left behind)."""
    from draftkit.errors import DraftkitError
    from draftkit.inputs import os_reason

    path = Path(path)
    if path.is_dir():
        raise DraftkitError(f"{path}: 这是一个文件夹，应给出文件名")
    try:
        _write(path, data)
    except OSError as exc:
        raise DraftkitError(f"{path}: 无法写入（{os_reason(exc)}）") from None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


class Writer:
    """A file written a piece at a time to a temp file beside it, put in place by
    ``commit`` (or thrown away by ``discard``): for outputs too big to hold in memory."""

    def __init__(self, path: str | Path) -> None:
        from draftkit.errors import DraftkitError
        from draftkit.inputs import os_reason

        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as exc:
            raise DraftkitError(f"{self.path}: 无法写入（{os_reason(exc)}）") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        from draftkit.errors import DraftkitError
        from draftkit.inputs import os_reason

        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise DraftkitError(f"{self.path}: 无法写入（{os_reason(exc)}）") from None

    def discard(self) -> None:
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
