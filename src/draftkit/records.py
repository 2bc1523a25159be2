"""``dataclass`` as the standard library makes it, with the code of the methods it
generates kept between runs.

For each dataclass, Python 3.11 writes the source of ``__init__``, ``__repr__``,
``__eq__`` (and, frozen, ``__setattr__``, ``__delattr__``, ``__hash__``) and compiles
each with ``exec``: some 130 compilations, 10–15 ms of every render. This ``dataclass``
is ``dataclasses.dataclass`` itself; only while it runs, the ``exec`` it calls is given
code compiled before from the same source text (kept in a store in the cache folder,
cachestore.py, named by the bytecode's magic number), compiled exactly as ``exec`` would
compile it. The classes, their fields and their methods are those of the standard
library; without a store, or should dataclasses stop calling ``exec``, nothing changes
but the time.
"""

from __future__ import annotations

import builtins
import dataclasses
import threading
from types import CodeType

MAX_ENTRIES = 2000  # the methods of some 400 dataclasses

_lock = threading.RLock()
_codes: dict | None = None  # source text → code, as read from the store
_path = None
_new: dict = {}
stats = {"stored": 0, "compiled": 0}
_MISSING = object()


def dataclass(cls=None, /, **options):
    """``dataclasses.dataclass(cls, **options)``: used alike, with or without options."""
    if cls is None:
        return lambda c: dataclass(c, **options)
    with _lock:
        before = dataclasses.__dict__.get("exec", _MISSING)
        dataclasses.exec = _exec  # dataclasses looks exec up in its globals, then builtins
        try:
            return dataclasses.dataclass(cls, **options)
        finally:
            if before is _MISSING:
                del dataclasses.exec
            else:
                dataclasses.exec = before


def _exec(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
    if isinstance(source, str):
        source = _code(source)
    return builtins.exec(source, globals, locals)


def _code(source: str) -> CodeType:
    codes = _codes if _codes is not None else _load()
    code = codes.get(source)
    if type(code) is CodeType and code.co_filename == "<string>":
        stats["stored"] += 1
        return code
    stats["compiled"] += 1
    # as exec(source) compiles it inside dataclasses, which has no __future__ imports
    code = compile(source, "<string>", "exec", dont_inherit=True)
    if _path is not None and len(codes) + len(_new) < MAX_ENTRIES:
        if not _new:
            import atexit

            atexit.register(save)
        _new[source] = code
    return code


def _load() -> dict:
    global _codes, _path
    from importlib.util import MAGIC_NUMBER

    from draftkit.cachestore import read, store_path

    _path = store_path(f"dataclass-code-{MAGIC_NUMBER.hex()}.marshal")
    _codes = read(_path) if _path is not None else {}
    return _codes


def save() -> None:
    """Add this process's newly compiled methods to the store (run at exit)."""
    global _new
    if not _new or _path is None:
        return
    from draftkit.cachestore import add

    if add(_path, _new, MAX_ENTRIES):
        _new = {}
