"""Write files so that a reader never sees half of one: temp file, then rename. What is
at the output path is checked first (outputs.target): the rename never lands on a
device, a FIFO, a folder or a file outside the folder through a symbolic link."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write or replace ``path``; a failure is one line naming it (nothing left behind)."""
    from draftkit.errors import DraftkitError
    from draftkit.inputs import os_reason

    from draftkit.outputs import shown, target

    path = target(Path(path))
    try:
        _write(path, data)
    except OSError as exc:
        raise DraftkitError(f"{shown(path)}: 无法写入（{os_reason(exc)}）") from None


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new temp file in the output's folder, its name short whatever the output's is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(prefix=".draftkit-", suffix=".tmp", dir=path.parent)


def _replace(tmp: str, path: Path) -> None:
    from draftkit.errors import DraftkitError
    from draftkit.outputs import shown, still_replaceable

    if not still_replaceable(path):  # swapped for a device, FIFO or folder since it was checked
        raise DraftkitError(f"{shown(path)}: 写入时已不是普通文件（设备、管道或文件夹），未写入")
    os.replace(tmp, path)


def _write(path: Path, data: bytes) -> None:
    fd, tmp = _temp_beside(path)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, path)
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

        from draftkit.outputs import shown, target

        self.path = target(Path(path))
        try:
            fd, self.tmp = _temp_beside(self.path)
        except OSError as exc:
            raise DraftkitError(f"{shown(self.path)}: 无法写入（{os_reason(exc)}）") from None
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
            _replace(self.tmp, self.path)
        except OSError as exc:
            from draftkit.outputs import shown

            self.discard()
            raise DraftkitError(f"{shown(self.path)}: 无法写入（{os_reason(exc)}）") from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
