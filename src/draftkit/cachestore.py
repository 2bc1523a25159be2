"""A dictionary kept in a file of draftkit's cache folder, for what every process would
otherwise compute again: compiled regular expressions (rx.py) and the code of the
methods dataclasses generate (records.py).

The file is a CRC-32 of the rest, then the entries (marshal, whose format is the
running Python's: the callers put the Python version in the file's name). Reading
gives {} for a file missing, truncated, damaged or not a dictionary; writing merges
with what other processes stored meanwhile, up to a bound, through a temporary file
renamed over the old one, so that a reader sees one file or the other whole. Nothing
here raises: without a store a process is only slower.
"""

from __future__ import annotations

from pathlib import Path


def store_path(name: str) -> Path | None:
    """The file ``name`` in the cache folder; None without a usable cache folder."""
    from draftkit.resources import cache_dir

    try:
        folder = cache_dir()
    except Exception:  # noqa: BLE001 - no home, odd environment: no store
        return None
    return folder / name if folder is not None else None


def read(path: Path) -> dict:
    import marshal
    import zlib

    try:
        data = path.read_bytes()
        if int.from_bytes(data[:4], "little") != zlib.crc32(memoryview(data)[4:]):
            return {}
        entries = marshal.loads(memoryview(data)[4:])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def dumps(entries: dict) -> bytes:
    import marshal
    import zlib

    payload = marshal.dumps(entries)
    return zlib.crc32(payload).to_bytes(4, "little") + payload


def add(path: Path, new: dict, limit: int) -> bool:
    """Add ``new`` to the store at ``path`` (at most ``limit`` entries in all); whether
    the store could be written."""
    import os
    import tempfile

    merged = read(path)
    for key, value in new.items():
        if len(merged) >= limit:
            break
        merged[key] = value
    tmp = None
    try:
        data = dumps(merged)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        return True
    except (OSError, ValueError):  # ValueError: an entry marshal cannot write
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
