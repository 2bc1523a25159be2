"""Where a bank file's search keys are found (bank/keys.py): beside it, as write_bank
wrote them, or in draftkit's cache folder, derived by a search that checked the file
whole — never written beside the bank, so that a search writes nothing where the bank
is (the shipped one is inside the installation).

Both are named by the bank file's SHA-256. Hashing reads the whole file (some 20 ms for
19 MB) where a keyed search reads a few lines, so where the system keeps a change time
no program can set back (POSIX ctime: writing a file's bytes or setting its mtime moves
it to now), the digest is remembered in the cache folder with the file's identity (size,
mtime, ctime, inode, device) and taken from there while all of them are as they were;
so is a keys file's soundness. An edit in place with size and mtime put back moves
ctime: hashed again. On Windows, whose st_ctime is the creation time, every search
hashes. What the cache folder holds is data (JSON, keys files), checked when read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

MEMO = "bank-digests.json"  # file identity → SHA-256; keys file identity and bank digest → sound
MEMO_KEPT = 512
KEPT_KEYS = 16  # keys of banks without their own kept in the cache folder; the oldest go
_memo: dict | None = None


def file_digest(path: Path, data) -> str:
    """The SHA-256 of a mapped bank file (remembered where ctime can vouch for it)."""
    from draftkit.bank.keys import digest

    key = identity(path, len(data))
    known = _remembered().get(f"sha256 {key}") if key else None
    if isinstance(known, str) and len(known) == 64:
        return known
    value = digest(data)
    if key:
        _remember(f"sha256 {key}", value)
    return value


def identity(path: Path, size: int) -> str | None:
    """What tells a file as it is from the same file changed, where ctime can say it;
    None elsewhere, or for a file changed in the last two seconds (within the file
    system's clock tick a change may leave ctime as it was)."""
    if os.name != "posix":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    if st.st_size != size or st.st_ctime_ns > now_ns() - 2_000_000_000:
        return None
    return f"{os.path.realpath(path)} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} {st.st_dev}"


def now_ns() -> int:
    import time

    return time.time_ns()


def _remembered() -> dict:
    global _memo
    if _memo is None:
        import json

        from draftkit import cachestore

        raw = cachestore.read(MEMO)
        try:
            memo = json.loads(raw) if raw else {}
        except ValueError:
            memo = {}
        ok = isinstance(memo, dict)
        _memo = {k: v for k, v in memo.items() if isinstance(k, str) and isinstance(v, (str, bool))} if ok else {}
    return _memo


def _remember(key: str, value) -> None:
    import json

    from draftkit import cachestore

    memo = _remembered()
    memo[key] = value
    while len(memo) > MEMO_KEPT:  # the oldest first: dicts keep their order
        del memo[next(iter(memo))]
    cachestore.write(MEMO, json.dumps(memo, ensure_ascii=False).encode("utf-8"))


def keep_keys(data, bank_digest: str) -> None:
    """Keys for a sound bank file whose own are missing or stale (mined by an older
    draftkit, copied without them, edited by hand), kept in the cache folder under its
    SHA-256; without a cache folder (or for keys over its size limit), none: the next
    search checks the file again."""
    from draftkit import cachestore
    from draftkit.bank.keys import derive

    folder = cachestore.cache_dir()
    keys = derive(data) if folder is not None else None
    if keys is None or not cachestore.write(_keys_name(bank_digest), keys):
        return
    try:
        kept = sorted(folder.glob("bank-*.keys"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-KEPT_KEYS]:
            os.unlink(old)
    except OSError:
        pass


def _keys_name(bank_digest: str) -> str:
    return f"bank-{bank_digest}.keys"


def with_keys(path: Path, data, use: Callable, bank_digest: str) -> tuple[bool, object]:
    """Whether a mapped bank file has fresh keys — its own beside it, or those kept in the
    cache folder — and ``use(keys)`` while they are mapped."""
    from draftkit import cachestore
    from draftkit.bank.keys import keys_path

    folder = cachestore.cache_dir()
    for candidate, ours in ((keys_path(path), False),
                            (folder / _keys_name(bank_digest) if folder is not None else None, True)):
        if candidate is None:
            continue
        found = _map_keys(candidate, data, bank_digest, use, ours)
        if found is not None:
            return True, found[0]
    return False, None


def _map_keys(candidate: Path, data, bank_digest: str, use: Callable, ours: bool) -> tuple[object] | None:
    """(use(keys),) when the keys file is a regular file holding fresh, sound keys; None
    for anything else — missing, a FIFO or device (opened without waiting, and not read),
    empty, stale, or not holding together; in the cache folder, also a link or a file
    another user owns."""
    import mmap
    import stat

    from draftkit import cachestore
    from draftkit.bank.keys import open_keys

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(candidate, flags | (getattr(os, "O_NOFOLLOW", 0) if ours else 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return None
        if ours and os.name != "nt" and st.st_uid != os.geteuid():  # Windows: owners mean nothing (cachestore.py)
            return None
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as keys_data:
            # Found sound before (some 5 ms for 50,000 entries), the keys file unchanged since.
            seen = identity(candidate, st.st_size)
            seen = seen and f"sound {seen} {bank_digest}"
            keys = open_keys(data, keys_data, bank_digest, trusted=bool(seen) and _remembered().get(seen) is True)
            if keys is None:
                return None
            if seen and _remembered().get(seen) is not True:
                _remember(seen, True)
            return (use(keys),)
    except (OSError, ValueError, OverflowError):
        return None
    finally:
        os.close(fd)
