"""A dictionary kept in a file of draftkit's cache folder, for what every process would
otherwise compute again: compiled regular expressions (rx.py), the code of the methods
dataclasses generate (records.py) and the shipped tables read from YAML (``table``).

The file is a CRC-32 of the rest, then the entries (marshal, whose format is the
running Python's: the callers put the Python version in the file's name). Reading
gives {} for a file missing, truncated, damaged or not a dictionary; writing merges
with what other processes stored meanwhile, up to a bound, through a temporary file
renamed over the old one, so that a reader sees one file or the other whole. Nothing
here raises: without a store a process is only slower.
"""

from __future__ import annotations

import threading
from pathlib import Path


CACHE_ENV = "DRAFTKIT_CACHE"


def cache_dir() -> Path | None:
    """draftkit's one cache folder (compiled patterns, template bytecode, jieba's
    dictionary): ``DRAFTKIT_CACHE`` if set, else the platform's cache folder. None when
    it cannot be created: everything then works uncached, only slower."""
    import os
    import sys

    given = os.environ.get(CACHE_ENV)
    if given:
        path = Path(given)
    elif sys.platform == "win32":
        path = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "draftkit" / "Cache"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Caches" / "draftkit"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "draftkit"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand
        return None
    return path if os.access(path, os.W_OK | os.X_OK) else None


def store_path(name: str) -> Path | None:
    """The file ``name`` in the cache folder; None without a usable cache folder."""
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


MISSING = object()  # table's answer when the store holds nothing for the file as it is
TABLES_LIMIT = 200
_tables: dict | None = None  # name → (SHA-1 of the file, pickled value)
_tables_path: Path | None = None
_tables_new: dict = {}
_lock = threading.Lock()


def table(name: str, digest: bytes):
    """The value kept for the shipped table ``name`` whose file has the SHA-1 ``digest``
    (a fresh copy each time), or MISSING."""
    global _tables, _tables_path
    with _lock:
        if _tables is None:
            import sys

            _tables_path = store_path(f"tables-{sys.implementation.cache_tag}.marshal")
            _tables = read(_tables_path) if _tables_path is not None else {}
    entry = _tables.get(name)
    try:
        if entry is not None and entry[0] == digest:
            import pickle

            return pickle.loads(entry[1])
    except Exception:  # noqa: BLE001 - a damaged entry: read the YAML again
        pass
    return MISSING


def keep_table(name: str, digest: bytes, value) -> None:
    """Keep ``value`` for the next processes (written at exit)."""
    import pickle

    if _tables_path is None:
        return
    try:
        blob = pickle.dumps(value, protocol=4)
    except Exception:  # noqa: BLE001 - a value pickle cannot write is read from YAML each time
        return
    if not _tables_new:
        import atexit

        atexit.register(_save_tables)
    _tables_new[name] = (digest, blob)


def _save_tables() -> None:
    if _tables_new and _tables_path is not None and add(_tables_path, dict(_tables_new), TABLES_LIMIT):
        _tables_new.clear()
