"""The harness of the hostile suites (tests/test_hostile*.py): a case is a command run
as a user runs it, in a real process under a memory cap and a time limit, in its own
folder; what must come out is checked the same way for every case: the exit code, at
most one line for the error (plus a summary) naming the file, no traceback or English
exception text, nothing written and no existing file changed, time and memory bounded."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from hostile_inputs import Content

MEMORY_CAP = 1536 << 20  # address space of the command, bytes
GB = 1 << 30


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    files: dict[str, Content] = field(default_factory=dict)
    code: int = 2
    expect: tuple[str, ...] = ()  # each must appear in the output (stderr, else stdout)
    forbid: tuple[str, ...] = ()  # none may appear anywhere
    lines: int = 2  # most stderr lines allowed: the error and a summary
    writes: tuple[str, ...] = ()  # files the command may create or change
    closed_stdout: bool = False
    seconds: float = 10
    rss_mb: int = 600
    slow: bool = False


def _make(root: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def _snapshot(root: Path) -> dict[str, str]:
    """Every entry under root: a regular file by its content hash, others by kind."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            st = os.lstat(path)
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            elif Path(path).is_file():
                h = hashlib.sha1()
                with open(path, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        h.update(chunk)
                out[rel] = h.hexdigest()
            else:
                out[rel] = f"mode:{st.st_mode:o}"
    return out


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    rss_mb: float


def run(case: Case, cwd: Path) -> Outcome:
    out_path, err_path = cwd.parent / f"{cwd.name}.out", cwd.parent / f"{cwd.name}.err"
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        if case.closed_stdout:
            r, w = os.pipe()
            os.close(r)
            stdout = w
        else:
            stdout = out
        rss_path = cwd.parent / f"{cwd.name}.rss"
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", LAUNCH, str(MEMORY_CAP), str(rss_path), sys.executable, "-m",
                                 "draftkit", *case.argv], cwd=cwd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err,
                                env=env, start_new_session=True)
        if case.closed_stdout:
            os.close(w)
        timer = threading.Timer(case.seconds, _kill_group, (proc.pid,))
        timer.start()
        code = proc.wait()
        timer.cancel()
        elapsed = time.monotonic() - start
    rss = int(rss_path.read_text()) if rss_path.exists() else 0
    return Outcome(code, out_path.read_text("utf-8", "replace"), err_path.read_text("utf-8", "replace"),
                   elapsed, rss / 1024)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, 9)
    except ProcessLookupError:
        pass


# The command is started by a small launcher, not by pytest itself: a child forked from
# pytest counts pytest's own memory in its peak (the pages it shares until it execs), so
# the launcher, freshly started, forks the command, caps its address space and writes
# its peak resident size.
LAUNCH = """
import os, resource, subprocess, sys
cap = int(sys.argv[1])
proc = subprocess.Popen(sys.argv[3:], preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)))
_, status, usage = os.wait4(proc.pid, 0)
open(sys.argv[2], "w").write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


# Exception names and English prose (three words in a row; key names listed with commas are ours).
_ENGLISH = re.compile(r"Traceback|Error\b|Exception|errno|[A-Za-z]{2,}(?:[ :'’]+[A-Za-z]{2,}){2,}")


def params(cases: list[Case]) -> list:
    """The cases as pytest parameters, the slow ones marked."""
    import pytest

    return [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.slow else []) for c in cases]


def verify(case: Case, tmp_path: Path) -> None:
    """Run the case in its own folder and check all that must hold of it."""
    work = tmp_path / "work"
    work.mkdir()
    _make(work, case.files)
    before = _snapshot(work)
    o = run(case, work)
    where = f"exit {o.code} after {o.seconds:.1f} s, {o.rss_mb:.0f} MB\nstderr: {o.err[:2000]}\nstdout: {o.out[:500]}"
    assert o.seconds < case.seconds, "took too long: " + where
    assert o.code == case.code, where
    assert o.rss_mb < case.rss_mb, "too much memory: " + where
    err_lines = o.err.splitlines()
    assert len(err_lines) <= case.lines, where
    if case.code == 2:
        assert err_lines and re.search(r"[\u4e00-\u9fff]", err_lines[0]), where
        assert not o.out.strip(), where
    assert "内部错误" not in o.err and not _ENGLISH.search(o.err.replace(str(work), "")), where
    shown = o.err if case.code == 2 else o.out + o.err
    for text in case.expect:
        assert text in shown, f"{text!r} missing: " + where
    for text in case.forbid:
        assert text not in o.out + o.err, where
    after = _snapshot(work)
    allowed = {k for k in set(before) | set(after)
               if any(k == w or (w.endswith("/*") and k.startswith(w[:-1])) or k == w[:-2] for w in case.writes)}
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)} - allowed
    assert not changed, f"changed or written: {sorted(changed)}; " + where
