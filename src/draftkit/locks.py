"""Locks that the system lets go of when their process ends, however it ends (kill -9,
a power cut, a closed window): fcntl.flock on POSIX, msvcrt.locking on Windows, on a
small lock file. No pid to check and no stale lock to guess at: a lock file left behind
by a process that was killed is simply free again.

Used for the answers file of ``draftkit new`` (two sessions on one file: the second is
refused in one line) and for the scratch folders of a run (``scratch.py``: the next run
removes those whose run is gone)."""

from __future__ import annotations

import os
from pathlib import Path


def try_lock(fd: int) -> bool:
    """Take the lock on an open file without waiting; whether it was taken."""
    if os.name == "nt":
        return _try_lock_windows(fd)
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _try_lock_windows(fd: int) -> bool:
    import msvcrt

    try:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False


class Held(Exception):
    """The lock is held by another process (``holder``: what it wrote in the file)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


class FileLock:
    """A lock file held for a ``with`` block; Held when another process holds it. The
    file says which process holds it (for the message), and is removed on release."""

    def __init__(self, path: Path) -> None:
        self.path, self.fd = Path(path), -1

    def __enter__(self) -> "FileLock":
        for _ in range(10):  # the file may be removed by its holder between our open and lock
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            if not try_lock(fd):
                try:
                    holder = os.read(fd, 200).decode("utf-8", "replace").strip()
                except OSError:  # Windows: the locked byte cannot be read by others
                    holder = ""
                os.close(fd)
                raise Held(holder)
            if os.name == "nt" or _same_file(fd, self.path):
                self.fd = fd
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode())
                return self
            os.close(fd)  # we locked a file its holder had just removed: take the new one
        raise Held("")

    def __exit__(self, *exc) -> None:
        if self.fd < 0:
            return
        if os.name != "nt":
            try:
                os.unlink(self.path)  # while held: whoever opens it now gets a fresh file
            except OSError:
                pass
        os.close(self.fd)  # the lock goes with the last handle
        self.fd = -1
        if os.name == "nt":
            try:
                os.unlink(self.path)
            except OSError:
                pass  # another process has it open, waiting: it stays


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds the lock file ``path`` now (checked by taking it
    and letting it go; a missing file is no lock)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        return not try_lock(fd)
    finally:
        os.close(fd)
