"""A run's scratch folder (mining spills its units there: up to some 60 MB), in
draftkit's cache folder when there is one, else in the system's temporary folder, held
by a lock (locks.py) while the run lives. It is removed when the run ends, by Ctrl-C
and SIGTERM too (cli.py turns SIGTERM into the same interruption); a run that could not
remove it — killed by kill -9, or the machine switched off — leaves a folder whose lock
is free, and the next run removes it before it starts. Never another user's folder: the
temporary folder is searched only for ours, not followed through links."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from draftkit.locks import try_lock

LOCK = ".lock"
GRACE = 60  # seconds: a folder younger than this without its lock yet is being made


def base() -> Path:
    """Where scratch folders go: draftkit's cache folder's ``scratch``, else the system's
    temporary folder."""
    from draftkit.cachestore import cache_dir

    folder = cache_dir()
    if folder is not None:
        try:
            (folder / "scratch").mkdir(mode=0o700, exist_ok=True)
            return folder / "scratch"
        except OSError:
            pass
    return Path(tempfile.gettempdir())


def sweep(where: Path, prefix: str) -> list[Path]:
    """Remove the scratch folders under ``where`` left by runs that are gone; the ones
    removed."""
    import stat
    import time

    gone = []
    try:
        candidates = [p for p in where.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return gone
    for folder in candidates:
        try:
            st = os.lstat(folder)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode) or (os.name != "nt" and st.st_uid != os.geteuid()):
            continue  # a link, a file, or another user's: not ours to remove
        try:
            fd = os.open(folder / LOCK, os.O_RDWR | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            if time.time() - st.st_mtime < GRACE:
                continue  # just made, its lock not yet taken
            fd = None
        except OSError:
            continue
        if fd is not None:
            free = try_lock(fd)
            os.close(fd)
            if not free:
                continue  # its run is alive
        shutil.rmtree(folder, ignore_errors=True)
        gone.append(folder)
    return gone


class Scratch:
    """A scratch folder of one's own, locked while held; ``close`` removes it, as does
    the end of the process (weakref.finalize: collected, or at exit after an error)."""

    def __init__(self, prefix: str = "draftkit-mine-") -> None:
        import weakref

        where = base()
        sweep(where, prefix)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=where))
        fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try_lock(fd)
        self._finalizer = weakref.finalize(self, _remove, self.path, fd)

    def close(self) -> None:
        self._finalizer()


def _remove(path: Path, fd: int) -> None:
    try:
        os.close(fd)  # the lock goes with it (Windows: the folder can be removed only then)
    except OSError:
        pass
    shutil.rmtree(path, ignore_errors=True)
