"""Reading what a user hands us, defensively: only regular files (a FIFO or a device
would block or never end), never more than a sane size (checked before reading, and
counted while reading as the file may grow), text without control characters."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from draftkit.errors import DraftkitError, Loc, Problem, SkipFile

MB = 1 << 20
DATA_LIMIT = 5 * MB  # a data file (YAML): a long report is some 50 KB
TEMPLATE_LIMIT = 256 * 1024  # one template file: the built-in ones are under 2 KB; Jinja parses 256 KB in ~3 s
REPORT_LIMIT = 50 * MB  # a report or a past report to mine, as stored (a docx may hold pictures)
XML_LIMIT = 32 * MB  # the main part of a docx, unpacked
BANK_LIMIT = 512 * MB  # one file of a phrase bank
LINE_LIMIT = 1 * MB  # one line of it: an entry with its sources is some hundreds of bytes, a few KB from a province

# C0 controls but tab, line feed, carriage return and form feed; DEL and C1; lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def size_text(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def check_regular(path: Path, what: str = "文件") -> os.stat_result:
    """The stat of a regular file (symbolic links followed), or SkipFile saying why not."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SkipFile("文件不存在", path) from None
    except OSError as exc:
        raise SkipFile(f"无法读取（{os_reason(exc)}）", path) from None
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile(f"这是一个文件夹，不是{what}", path)
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile("不是普通文件（可能是管道或设备），不能读取", path)
    return st


def read_bytes(path: Path, limit: int, what: str = "文件") -> bytes:
    """A regular file's bytes, refused when larger than ``limit``."""
    st = check_regular(path, what)
    if st.st_size > limit:
        raise SkipFile(f"文件太大（{size_text(st.st_size)}），{what}不应超过 {size_text(limit)}", path)
    try:
        with open(path, "rb") as fh:  # as much as it holds: read(limit) would take limit bytes of memory first
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew meanwhile
                data += fh.read(limit + 1 - len(data))
    except OSError as exc:
        raise SkipFile(f"无法读取（{os_reason(exc)}）", path) from None
    if len(data) > limit:
        raise SkipFile(f"文件太大，{what}不应超过 {size_text(limit)}", path)
    return data


class mapped:
    """A regular file mapped read-only while in the ``with`` (bytes for an empty one):
    reading a few lines of it copies only those."""

    def __init__(self, path: Path, limit: int, what: str) -> None:
        self.path, self.limit, self.what, self.fh, self.map = path, limit, what, None, None

    def __enter__(self):
        import mmap

        st = check_regular(self.path, self.what)
        if st.st_size > self.limit:
            raise SkipFile(f"文件太大（{size_text(st.st_size)}），{self.what}不应超过 {size_text(self.limit)}", self.path)
        try:
            self.fh = open(self.path, "rb")
            if os.fstat(self.fh.fileno()).st_size == 0:
                return b""
            self.map = mmap.mmap(self.fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            self.__exit__()
            raise SkipFile(f"无法读取（{os_reason(exc) if isinstance(exc, OSError) else exc}）", self.path) from None
        return self.map

    def __exit__(self, *exc) -> None:
        if self.map is not None:
            self.map.close()
        if self.fh is not None:
            self.fh.close()


def mapped_lines(path: Path, limit: int, what: str, spans) -> list[tuple[int, bytes]]:
    """(start, bytes) of the lines ``spans(data)`` picks from a regular file, the file
    mapped into memory rather than read: a search reads a few lines of a 19 MB bank file,
    and copying the file costs more than finding them. Nothing stays mapped afterwards."""
    import mmap

    st = check_regular(path, what)
    if st.st_size > limit:
        raise SkipFile(f"文件太大（{size_text(st.st_size)}），{what}不应超过 {size_text(limit)}", path)
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size == 0:
                return [(start, b"") for start, _ in spans(b"")]
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                return [(start, data[start:end]) for start, end in spans(data)]
    except OSError as exc:
        raise SkipFile(f"无法读取（{os_reason(exc)}）", path) from None


def long_lines(data, limit: int = LINE_LIMIT) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``data`` (bytes or a mapping) longer than ``limit``
    bytes, found without walking every line: such a line holds a whole block of limit/2
    bytes with no line break, so only blocks are looked through (in C), and the line
    around a block without one is measured."""
    block = max(1, limit // 2)
    out: list[tuple[int, int]] = []
    size, find, rfind, pos = len(data), data.find, data.rfind, 0
    while pos + block <= size:
        if find(b"\n", pos, pos + block) >= 0:
            pos += block
            continue
        start = rfind(b"\n", 0, pos) + 1
        end = find(b"\n", pos + block)
        end = size if end < 0 else end
        if end - start > limit:
            out.append((start, end))
        pos = end + 1
    return out


def os_reason(exc: OSError) -> str:
    import errno

    return {
        errno.EACCES: "没有权限；文件是否正在 Word/WPS 中打开？", errno.EPERM: "没有权限", errno.ENOENT: "不存在", errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.EISDIR: "这是一个文件夹", errno.ENOSPC: "磁盘已满", errno.EROFS: "只读文件系统", errno.EEXIST: "已存在",
        errno.ENAMETOOLONG: "文件名太长", errno.ELOOP: "符号链接循环",
    }.get(exc.errno or 0, f"系统错误 {exc.errno}")


def control_char(text: str) -> int | None:
    """Index of the first control character (or lone surrogate) in text, None if clean."""
    m = _CONTROL.search(text)
    return m.start() if m else None


def control_message(text: str, index: int) -> str:
    return f"第 {index + 1} 个字符是控制字符 U+{ord(text[index]):04X}，请删去"


def check_text_lines(name: str, text: str) -> None:
    """Text from outside must hold no control characters: the first one is named by line
    and column."""
    i = control_char(text)
    if i is None:
        return
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    raise DraftkitError(Problem(Loc(name, line, col), f"含有控制字符 U+{ord(text[i]):04X}，请删去"))


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links and spellings resolved); False when either
    does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
