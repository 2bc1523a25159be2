"""Hostile output paths: a name or a path the file system refuses, a name that is not
valid UTF-8, a device, a FIFO, a folder, a symbolic link out of the folder. Each is
refused in one Chinese line before any work is done, and what was there is left as it
was (the rename never lands on it). Windows' own rules are checked as Windows applies
them (reserved device names, trailing dots and spaces, MAX_PATH, the \\\\?\\ prefix)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from hostile_inputs import data, fifo, report_txt, symlink_to
from hostile_run import Case, params, run, verify

from draftkit.errors import DraftkitError

OK = data()
LONG = "报" * 100 + ".docx"  # 305 bytes in UTF-8: over the 255 a name may have
DEEP = "/".join(["d" * 200] * 21) + "/o.docx"  # 4,227 bytes: over PATH_MAX
NOT_UTF8 = "\udcff\udcfe报告.docx"  # the bytes ff fe as Python hands them over (surrogateescape)
C = Case
CASES = [
    C("render-o-name-300-bytes", ("render", "d.yaml", "-o", LONG), {"d.yaml": OK}, expect=("文件名太长", "305 字节")),
    C("render-o-path-4096-bytes", ("render", "d.yaml", "-o", DEEP), {"d.yaml": OK}, expect=("路径太长",)),
    C("render-o-not-utf8", ("render", "d.yaml", "-o", NOT_UTF8), {"d.yaml": OK}, expect=("不是有效的 UTF-8",)),
    C("render-o-fifo", ("render", "d.yaml", "-o", "p"), {"d.yaml": OK, "p": fifo}, expect=("p: 不是普通文件",)),
    C("render-o-fifo-docx", ("render", "d.yaml", "-o", "p.docx"), {"d.yaml": OK, "p.docx": fifo},
      expect=("p.docx: 不是普通文件",)),
    C("render-o-link-out", ("render", "d.yaml", "-o", "l.docx"), {"d.yaml": OK, "l.docx": symlink_to("/etc/passwd")},
      expect=("符号链接",)),
    C("render-o-link-loop", ("render", "d.yaml", "-o", "a.docx"),
      {"d.yaml": OK, "a.docx": symlink_to("b.docx"), "b.docx": symlink_to("a.docx")}, expect=("循环",)),
    C("render-o-link-to-fifo", ("render", "d.yaml", "-o", "l.docx"),
      {"d.yaml": OK, "p": fifo, "l.docx": symlink_to("p")}, expect=("不是普通文件",)),
    C("render-o-link-inside", ("render", "d.yaml", "-o", "l.docx"),
      {"d.yaml": OK, "sub/r.docx": b"old", "l.docx": symlink_to("sub/r.docx")}, code=0, lines=20,
      writes=("sub/r.docx",)),  # the link stays a link; the file it names is written
    C("render-o-name-250-bytes", ("render", "d.yaml", "-o", "a" * 245 + ".docx"), {"d.yaml": OK}, code=0, lines=20,
      writes=("a" * 245 + ".docx",)),  # the temp file beside it has a short name of its own
    C("render-default-beside-long-data", ("render", "d" * 248 + ".yaml", "--format", "md"),
      {"d" * 248 + ".yaml": OK}, code=0, lines=20, writes=("d" * 248 + ".md",)),
    C("import-o-fifo", ("import", "r.txt", "-o", "p.yaml", "--force"), {"r.txt": "x", "p.yaml": fifo},
      expect=("p.yaml: 不是普通文件",)),
    C("import-o-name-300-bytes", ("import", "r.txt", "-o", "报" * 100 + ".yaml"), {"r.txt": "x"},
      expect=("文件名太长",)),
    C("import-o-not-utf8", ("import", "r.txt", "-o", NOT_UTF8), {"r.txt": "x"}, expect=("UTF-8",)),
    C("new-defaults-o-fifo", ("new", "--defaults", "--issuer", "测试县人民政府", "-o", "p.yaml"), {"p.yaml": fifo},
      expect=("p.yaml: 不是普通文件",)),
    C("new-defaults-o-link-out", ("new", "--defaults", "--issuer", "测试县人民政府", "-o", "a.yaml"),
      {"a.yaml": symlink_to("/tmp/draftkit-never-written.yaml")}, expect=("符号链接",)),
    C("new-docx-fifo", ("new", "--docx", "p.docx"), {"p.docx": fifo}, expect=("p.docx: 不是普通文件",)),
    C("mine-o-name-300-bytes", ("mine", "c", "-o", "库" * 100), {"c/a.txt": "x"}, expect=("文件名太长",)),
    C("mine-o-bank-file-fifo", ("mine", "c", "-o", "b"), {"c/a.txt": report_txt(), "b/plan.jsonl": fifo}, code=2,
      expect=("plan.jsonl",)),
]


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_output(case: Case, tmp_path: Path):
    verify(case, tmp_path)


def test_symlink_out_of_the_folder_leaves_its_target(tmp_path: Path):
    """The file a link points to outside the output folder is neither written nor
    replaced, nor is the link."""
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"not ours")
    work = tmp_path / "work"
    work.mkdir()
    (work / "d.yaml").write_text(OK, encoding="utf-8")
    (work / "l.docx").symlink_to(outside)
    o = run(Case("link", ("render", "d.yaml", "-o", "l.docx")), work)
    assert o.code == 2 and "符号链接" in o.err, o.err
    assert outside.read_bytes() == b"not ours" and os.readlink(work / "l.docx") == str(outside)


def _device(path: Path, minor: int) -> Path:
    """A character device like /dev/null (minor 3) or /dev/full (minor 7) in our folder,
    where a root that can make one exists; otherwise the real one (which only root could
    replace: a failing run as another user cannot harm it)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        return path
    except (PermissionError, AttributeError, OSError):
        if os.geteuid() == 0:
            pytest.skip("cannot make a device node here, and the real one must not be risked as root")
        return Path({3: "/dev/null", 7: "/dev/full"}[minor])


@pytest.mark.parametrize("minor", [3, 7], ids=["dev-null", "dev-full"])
@pytest.mark.parametrize("command", ["render", "import", "new"])
def test_device_is_refused_and_left_a_device(tmp_path: Path, minor: int, command: str):
    work = tmp_path / "work"
    work.mkdir()
    dev = _device(work / "dev", minor)
    (work / "d.yaml").write_text(OK, encoding="utf-8")
    argv = {"render": ("render", "d.yaml", "-o", str(dev)), "import": ("import", "d.yaml", "-o", str(dev), "--force"),
            "new": ("new", "--defaults", "--issuer", "测试县人民政府", "-o", str(dev))}[command]
    o = run(Case("dev", argv), work)
    assert o.code == 2 and "不是普通文件" in o.err and "已生成" not in o.out, o.err + o.out
    assert stat.S_ISCHR(os.lstat(dev).st_mode)
    assert not [p for p in work.iterdir() if p.name.startswith(".")]  # no temp file left


def test_real_devices_and_folders_refused_in_process():
    """The check itself, on the system's own nodes: it only looks (lstat), never writes."""
    from draftkit.outputs import target

    for path in ("/dev/null", "/dev/full", "/dev/zero", "/tmp"):
        if os.path.exists(path):
            with pytest.raises(DraftkitError):
                target(Path(path))


def test_swapped_for_a_fifo_before_the_rename(tmp_path: Path):
    """What is checked may change before the rename: it is looked at again, and the
    temp file is removed."""
    from draftkit import atomic

    out = tmp_path / "o.md"
    w = atomic.Writer(out)
    w.write("正文")
    os.mkfifo(out)
    with pytest.raises(DraftkitError, match="不是普通文件"):
        w.commit()
    assert stat.S_ISFIFO(os.lstat(out).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["o.md"]


@pytest.mark.parametrize("name, why", [
    ("CON", "保留的设备名"), ("nul.docx", "保留的设备名"), ("Aux.tar.gz", "保留的设备名"), ("COM1.yaml", "保留的设备名"),
    ("lpt9", "保留的设备名"), ("COM¹.docx", "保留的设备名"), ("CONOUT$", "保留的设备名"), ("C:\\报告\\prn.docx", "保留的设备名"),
    ("报告.", "点或空格结尾"), ("报告.docx ", "点或空格结尾"), ("C:\\草稿 \\a.docx", "点或空格结尾"),
    ("报告:2025.docx", "“:”"), ("问题?.docx", "“?”"), ("a|b.docx", "“|”"), ("tab\there.docx", "U+0009"),
    ("C:\\" + "报" * 256 + ".docx", "文件名太长"), ("C:\\" + "\\".join(["文件夹" * 20] * 5) + "\\a.docx", "路径太长"),
    ("\\\\?\\C:\\" + "\\".join(["d" * 250] * 140), "路径太长"),
])
def test_windows_names_refused(name: str, why: str):
    from draftkit.outputs import check_name

    with pytest.raises(DraftkitError, match=re.escape(why)):
        check_name(Path(name), windows=True)


@pytest.mark.parametrize("name", [
    "C:\\报告\\2025年度报告.docx", "CONSOLE.docx", "nul报告.docx", "COM10.docx", "a.b.c.docx", "草稿\\.\\a.docx",
    "\\\\?\\C:\\" + "\\".join(["d" * 200] * 3) + "\\a.docx",  # long, but the prefix lifts MAX_PATH
    "\\\\server\\share\\报告.docx",
])
def test_windows_names_accepted(name: str):
    from draftkit.outputs import check_name

    check_name(Path(name), windows=True)
