"""Writing a bank folder: one ``PART.jsonl`` a part, and beside each its search keys
(bank/keys.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


def bank_files(directory: Path) -> list[Path]:
    """The part files a bank folder holds now (write_bank replaces or removes them)."""
    from draftkit.domain import PLACES

    return [directory / f"{part}.jsonl" for part in PLACES if (directory / f"{part}.jsonl").exists()]


def write_bank(directory: Path, phrases: Iterable) -> list[Path]:
    """One ``PART.jsonl`` a part, entries sorted by id, each file put in place whole; the
    same phrases always give the same bytes. A list is sorted here; any other iterable
    must come sorted by id, and is written as it comes (a bank mined from a province
    need not be held in memory). Each file's keys are written after it is in place."""
    from draftkit.atomic import Writer
    from draftkit.bank.keys import keys_path, write_keys
    from draftkit.domain import PLACES

    if isinstance(phrases, list):
        phrases = sorted(phrases, key=lambda p: p.id)
    if directory.exists() and not directory.is_dir():
        from draftkit.errors import DraftkitError

        raise DraftkitError(f"{directory}: 这是一个文件，应给出短语库文件夹")
    writers: dict[str, Writer] = {}
    try:
        for p in phrases:
            w = writers.get(p.part)
            if w is None:
                w = writers[p.part] = Writer(directory / f"{p.part}.jsonl")
            w.write(p.to_json() + "\n")
    except BaseException:
        for w in writers.values():
            w.discard()
        raise
    written = []
    for part in PLACES:
        path = directory / f"{part}.jsonl"
        if part in writers:
            writers[part].commit()
            write_keys(path)
            written.append(path)
        else:
            path.unlink(missing_ok=True)  # a part that no longer has entries
            keys_path(path).unlink(missing_ok=True)
    return written
