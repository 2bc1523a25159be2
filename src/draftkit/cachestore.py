"""draftkit's cache folder, for data that every process would otherwise compute again
(today jieba's dictionary extended with our words, mining/lexicon.py).

Only data is kept there, never code: no pickle, no marshal, no compiled templates. The
caller validates what it reads (shape and types) and computes it afresh when anything is
wrong, so a damaged, foreign or planted file costs time, never a crash.

The folder is ``DRAFTKIT_CACHE`` if set, else the platform's per-user cache folder
(platformdirs: ``%LOCALAPPDATA%\\draftkit\\Cache``, ``~/Library/Caches/draftkit``,
``$XDG_CACHE_HOME/draftkit``). It is created 0700. A folder that another user owns or
that group or others can write is refused with one warning, and the process runs
uncached: whoever can write there could otherwise choose what draftkit reads. (On
Windows, where a folder's owner and mode bits say nothing, the folder is used as it is.)
Nothing here raises: without a cache a process is only slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CACHE_ENV = "DRAFTKIT_CACHE"
MAX_BYTES = 16 * 1024 * 1024  # the largest file read back (jieba's extended dictionary is ~7 MB)

OWNERS_MEAN_NOTHING = os.name == "nt"  # Windows: st_uid is 0 and the mode bits are not its permissions
_warned: set[str] = set()  # folders already refused in this process (one warning each)


def cache_dir() -> Path | None:
    """draftkit's one cache folder, or None when it cannot be created or is refused."""
    given = os.environ.get(CACHE_ENV)
    try:
        if given:
            path = Path(given)
        else:
            import platformdirs

            path = Path(platformdirs.user_cache_dir("draftkit", appauthor=False))
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(path)
    except (OSError, RuntimeError, ValueError):  # RuntimeError: no home folder to expand
        return None
    problem = unsafe(st)
    if problem:
        if str(path) not in _warned:
            _warned.add(str(path))
            sys.stderr.write(f"draftkit 警告：缓存文件夹 {path} {problem}，本次不使用缓存（结果不变，只是慢一些）\n")
        return None
    return path if os.access(path, os.W_OK | os.X_OK) else None


def unsafe(st: os.stat_result) -> str:
    """Why a folder with this status may not hold draftkit's cache ("" when it may)."""
    import stat

    if not stat.S_ISDIR(st.st_mode):
        return "不是文件夹"
    if OWNERS_MEAN_NOTHING:  # the per-user folder as it is
        return ""
    if st.st_uid != os.geteuid():
        return "属于其他用户"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "其他用户也能写入"
    return ""


def read(name: str) -> bytes | None:
    """The bytes of the cache file ``name``; None when there is no cache folder, no such
    regular file of ours, or it is larger than MAX_BYTES (a link to /dev/zero included)."""
    import stat

    folder = cache_dir()
    if folder is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES or (not OWNERS_MEAN_NOTHING and st.st_uid != os.geteuid()):
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:  # its size, not the limit: read(n) takes n bytes first
            data = f.read(min(st.st_size, MAX_BYTES) + 1)
        return data if len(data) <= MAX_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write(name: str, data: bytes) -> bool:
    """Keep ``data`` as the cache file ``name`` (through a temporary file renamed over the
    old one, so that a reader sees one file or the other whole); whether it was kept."""
    import tempfile

    folder = cache_dir()
    if folder is None or len(data) > MAX_BYTES:
        return False
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / name)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
