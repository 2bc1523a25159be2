"""Where an output may go, decided before anything is written: a name the file system
takes (not too long, not undecodable, on Windows no reserved device name), and nothing
there that renaming would destroy — a device (/dev/null, /dev/full), a FIFO, a folder,
or, through a symbolic link, a file outside the output's folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from draftkit.errors import DraftkitError

NAME_MAX = 255  # bytes of one name (Linux, macOS); UTF-16 units on Windows
PATH_MAX = 4096  # bytes of a whole path on Linux (macOS: 1024, read from the system)
WIN_PATH_MAX = 259  # characters of a path on Windows without the \\?\ prefix (MAX_PATH - 1)
WIN_LONG_MAX = 32_767  # with it
TEMP_NAME = 24  # the temp file beside the output: ".draftkit-XXXXXXXX.tmp"
_WIN_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                 *(f"{d}{i}" for d in ("COM", "LPT") for i in (*"123456789", "¹", "²", "³"))}
_WIN_FORBIDDEN = set('<>:"|?*') | {chr(i) for i in range(32)}


def shown(path: Path | str, limit: int = 120) -> str:
    """A path for a message: long ones cut in the middle, undecodable bytes as \\xNN."""
    text = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text if len(text) <= limit else text[:limit // 2] + "……" + text[-limit // 2:]


def check_name(path: Path, windows: bool | None = None) -> None:
    """Refuse a path the file system would refuse, or mangle, before any work is done."""
    windows = os.name == "nt" if windows is None else windows
    text = str(path)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise DraftkitError(f"{shown(path)}: 文件名含有无法识别的字符（不是有效的 UTF-8 编码），请改用汉字、字母或数字命名")
    if "\x00" in text:
        raise DraftkitError(f"{shown(path)}: 文件名含有空字符，请改名")
    if windows:
        _check_windows(text)
        return
    parts = [p for p in text.split("/") if p]
    for part in parts:
        size = len(os.fsencode(part))
        if size > _name_max(path):
            raise DraftkitError(f"{shown(path)}: 文件名太长（{size} 字节，最多 {_name_max(path)} 字节），请改短")
    full = len(os.fsencode(os.path.abspath(text))) + max(0, TEMP_NAME - len(os.fsencode(parts[-1] if parts else "")))
    if full >= _path_max(path):
        raise DraftkitError(f"{shown(path)}: 路径太长（{full} 字节，最多 {_path_max(path) - 1} 字节），请换一个浅一些的文件夹")


def _check_windows(text: str) -> None:
    long_form = text.startswith("\\\\?\\")
    body = text[4:] if long_form else text
    import ntpath

    rest = ntpath.splitdrive(body)[1]
    for part in [p for p in rest.replace("/", "\\").split("\\") if p not in ("", ".", "..")]:
        if len(part.encode("utf-16-le")) // 2 > NAME_MAX:
            raise DraftkitError(f"{shown(text)}: 文件名太长（最多 {NAME_MAX} 个字符），请改短")
        if bad := sorted(set(part) & _WIN_FORBIDDEN):
            what = "、".join(f"“{c}”" if c.isprintable() else f"U+{ord(c):04X}" for c in bad)
            raise DraftkitError(f"{shown(text)}: 文件名中不能有 {what}，请改名")
        if part[-1] in ". ":
            raise DraftkitError(f"{shown(text)}: 文件名不能以点或空格结尾（Windows 会去掉它们），请改名")
        if part.split(".")[0].rstrip(" ").upper() in _WIN_RESERVED:
            raise DraftkitError(f"{shown(text)}: “{part.split('.')[0]}”是 Windows 保留的设备名，不能作文件名，请改名")
    full = len(text if long_form or os.name != "nt" else os.path.abspath(text))
    limit = WIN_LONG_MAX if long_form else WIN_PATH_MAX
    if full > limit:
        raise DraftkitError(f"{shown(text)}: 路径太长（{full} 个字符，Windows 最多 {limit} 个），请换一个浅一些的文件夹")


def _name_max(path: Path) -> int:
    return _pathconf(path, "PC_NAME_MAX", NAME_MAX)


def _path_max(path: Path) -> int:
    return _pathconf(path, "PC_PATH_MAX", PATH_MAX)


def _pathconf(path: Path, name: str, default: int) -> int:
    """The limit of the file system the output goes to (its nearest existing folder)."""
    if not hasattr(os, "pathconf"):
        return default
    folder = _existing_ancestor(path)
    try:
        value = os.pathconf(folder, name)
    except (OSError, ValueError):
        return default
    return value if value and value > 0 else default


def _existing_ancestor(path: Path) -> str:
    here = os.path.abspath(str(path))
    while True:
        parent = os.path.dirname(here)
        try:
            if os.path.isdir(parent):
                return parent
        except ValueError:
            pass
        if parent == here:
            return parent
        here = parent


def target(path: Path, what: str = "输出文件") -> Path:
    """The file to put the output in place of, checked: ``path`` itself, or where a
    symbolic link at ``path`` points when that is inside the same folder. Raises one
    line when the name cannot be used or when what is there must not be replaced."""
    from draftkit.inputs import os_reason

    check_name(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        _check_parent(path)
        return path
    except OSError as exc:
        raise DraftkitError(f"{shown(path)}: {what}无法使用（{os_reason(exc)}）") from None
    if stat.S_ISLNK(st.st_mode):
        folder, real = _real_folder(path), os.path.realpath(path)
        if os.path.islink(real):
            raise DraftkitError(f"{shown(path)}: 符号链接循环，不能写入；请另给一个文件名")
        if os.path.commonpath([folder, real]) != folder:
            raise DraftkitError(f"{shown(path)}: 是指向输出文件夹以外（{shown(real, 60)}）的符号链接，不能写入；"
                                "请另给一个文件名")
        return target(Path(real), what)
    if stat.S_ISDIR(st.st_mode):
        raise DraftkitError(f"{shown(path)}: 这是一个文件夹，{what}应给出文件名")
    if not stat.S_ISREG(st.st_mode):
        raise DraftkitError(f"{shown(path)}: 不是普通文件（是设备或管道），不能作{what}；请另给一个文件名")
    return path


def _real_folder(path: Path) -> str:
    return os.path.realpath(os.path.dirname(os.path.abspath(str(path))))


def _check_parent(path: Path) -> None:
    """The folder the output goes in is a folder, or can be made (no file in the way)."""
    here = os.path.dirname(os.path.abspath(str(path)))
    while here and not os.path.lexists(here):
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    if os.path.lexists(here) and not os.path.isdir(here):
        raise DraftkitError(f"{shown(path)}: 路径中的 {shown(here, 60)} 不是文件夹")


def still_replaceable(path: Path) -> bool:
    """Just before the rename: nothing, or a regular file, is at ``path`` (what was checked
    may have been swapped since)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False
