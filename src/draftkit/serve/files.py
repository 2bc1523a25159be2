"""Names the browser sends, as files of the served folder: a plain file name (no folder,
no ``..``, no hidden file), inside the folder once links are followed, of a kind the page
may read or write. Writes go through outputs.target like every output of draftkit."""

from __future__ import annotations

import os
from pathlib import Path

from draftkit.errors import DraftkitError

ANSWERS_SUFFIXES = (".yaml", ".yml")


def inside(folder: Path, name: str, suffixes: tuple[str, ...] = ANSWERS_SUFFIXES, what: str = "文件") -> Path:
    """``name`` as a file of ``folder``; one Chinese line when it is not one the page may use."""
    from draftkit.outputs import check_name, shown

    name = (name or "").strip()
    if not name:
        raise DraftkitError(f"没有给出{what}名")
    if "/" in name or "\\" in name or name in (".", "..") or name.startswith(".") or "\x00" in name:
        raise DraftkitError(f"“{shown(name, 60)}”不是本文件夹中的{what}名：只能用文件夹 {shown(folder, 60)} 里的文件")
    if suffixes and not name.lower().endswith(suffixes):
        raise DraftkitError(f"“{shown(name, 60)}”: {what}应以 {' 或 '.join(suffixes)} 结尾")
    path = folder / name
    check_name(path)
    real, root = os.path.realpath(path), os.path.realpath(folder)
    if os.path.commonpath([root, real]) != root or os.path.dirname(real) != root:
        raise DraftkitError(f"“{shown(name, 60)}”指向文件夹 {shown(folder, 60)} 以外，不能使用")
    return path


def listed(folder: Path, suffixes: tuple[str, ...] = ANSWERS_SUFFIXES) -> list[str]:
    """The names of the folder's files of these kinds (links out of the folder left out)."""
    out = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith(".") or not entry.name.lower().endswith(suffixes):
            continue
        try:
            inside(folder, entry.name, suffixes)
        except DraftkitError:
            continue
        if os.path.isfile(entry.path):
            out.append(entry.name)
    return out
