"""Regular expressions of draftkit's own, compiled once per machine instead of once per
process.

Compiling a pattern with a class of Chinese characters (``[\\u4e00-\\u9fff]``) takes
Python's ``re`` 1–2 ms: its compiler walks every character of the range in Python. The
rules hold some 200 such patterns, so each ``draftkit render`` or ``check`` spent some
50 ms compiling the same patterns to the same code. ``compile`` keeps the compiled code
(a list of integers) in a store in draftkit's cache folder and rebuilds a pattern from it
with ``_sre.compile``, in microseconds. The rebuilt pattern is equal to the one
``re.compile`` makes (equality compares the pattern, its flags and its code).

Only patterns written in draftkit (its code and its shipped tables) go through here;
patterns built from user data stay on ``re.compile``, so the store cannot grow without
bound (and is capped anyway). The store is keyed by the Python version and the regular
expression engine's magic number (in its file name); anything wrong with it — a private
API missing, a file unreadable, corrupt or of the wrong shape, a folder not writable —
means plain ``re.compile`` and, where possible, a fresh store.
"""

from __future__ import annotations

import re
import threading

MAX_ENTRIES = 4000  # ample for draftkit's own patterns (some 400); a bound all the same

_lock = threading.Lock()
_compiled: dict[tuple, re.Pattern] = {}  # this process's patterns, by (type, pattern, flags)
_store: dict | None = None  # (pattern, flags) → (flags, code, groups, groupindex, indexgroup)
_path = None  # the store's file, fixed when it is first read
_new: dict = {}  # entries to add to the store at exit
stats = {"stored": 0, "compiled": 0}  # how the patterns of this process were made


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - used like re.compile
    """``re.compile(pattern, flags)``, from the store when it holds the pattern."""
    flags = int(flags)
    key = (type(pattern), pattern, flags)
    found = _compiled.get(key)
    if found is not None:
        return found
    store = _store if _store is not None else _load()
    entry = store.get((pattern, flags))
    found = _rebuild(pattern, entry) if entry is not None else None
    if found is None:
        found = _compile_and_keep(pattern, flags, store)
    else:
        stats["stored"] += 1
    _compiled[key] = found
    return found


def used() -> list[tuple[str, int]]:
    """(pattern, flags) of every pattern this process made through ``compile``."""
    return [(p, f) for _, p, f in list(_compiled)]


def _rebuild(pattern, entry) -> re.Pattern | None:
    try:
        import _sre

        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - a bad entry (or no such API) is compiled afresh
        return None


def _compile_and_keep(pattern, flags: int, store: dict) -> re.Pattern:
    stats["compiled"] += 1
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (flags | state.flags, code, state.groups - 1, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the private API moved: compile as everyone does
        return re.compile(pattern, flags)
    built = _rebuild(pattern, entry)
    if built is None:
        return re.compile(pattern, flags)
    if _path is not None and len(store) + len(_new) < MAX_ENTRIES:
        if not _new:
            import atexit

            atexit.register(save)
        _new[(pattern, flags)] = entry
    return built


def _load() -> dict:
    """The store, read once (an empty one when there is none or it is unusable)."""
    global _store, _path
    with _lock:
        if _store is not None:
            return _store
        store: dict = {}
        try:
            _path = _store_file()
            if _path is not None:
                store = _read(_path)
        except Exception:  # noqa: BLE001 - no cache folder: compile every time
            _path = None
        _store = store
        return store


def _store_file():
    import sys

    import _sre

    from draftkit.resources import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    tag = sys.implementation.cache_tag or "python"
    return folder / f"patterns-{tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _read(path) -> dict:
    """The store's entries; {} for a file missing, truncated, damaged or not a store."""
    import marshal
    import zlib

    try:
        data = path.read_bytes()
        if int.from_bytes(data[:4], "little") != zlib.crc32(memoryview(data)[4:]):
            return {}
        store = marshal.loads(memoryview(data)[4:])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return store if isinstance(store, dict) else {}


def _dumps(store: dict) -> bytes:
    """The store as a file holds it: a CRC-32 of the rest, then the entries (marshal)."""
    import marshal
    import zlib

    payload = marshal.dumps(store)
    return zlib.crc32(payload).to_bytes(4, "little") + payload


def save() -> None:
    """Add this process's new patterns to the store (run at exit): merged with what other
    processes have stored meanwhile, written to a temporary file and renamed over the
    store, so that a reader sees either store whole. Any failure leaves things as they
    were."""
    global _new
    if not _new or _path is None:
        return
    import os
    import tempfile

    merged = _read(_path)
    for key, entry in _new.items():
        if len(merged) >= MAX_ENTRIES:
            break
        merged[key] = entry
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=_path.parent, prefix=_path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(_dumps(merged))
        os.replace(tmp, _path)
        _new = {}
    except (OSError, ValueError):  # no store: only a slower start next time
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
