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
expression engine's magic number (in its file name; cachestore.py keeps the file);
anything wrong with it — a private API missing, a file unreadable, corrupt or of the
wrong shape, a folder not writable — means plain ``re.compile`` and, where possible, a
fresh store.
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
        except Exception:  # noqa: BLE001 - e.g. no _sre.MAGIC: compile every time
            _path = None
        _store = store
        return store


def _store_file():
    import sys

    import _sre

    from draftkit.cachestore import store_path

    tag = sys.implementation.cache_tag or "python"
    return store_path(f"patterns-{tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal")


def _read(path) -> dict:
    from draftkit.cachestore import read

    return read(path)


def save() -> None:
    """Add this process's new patterns to the store (run at exit), merged with what other
    processes have stored meanwhile (cachestore.add). Any failure leaves things as they
    were."""
    global _new
    if not _new or _path is None:
        return
    from draftkit.cachestore import add

    if add(_path, _new, MAX_ENTRIES):
        _new = {}
