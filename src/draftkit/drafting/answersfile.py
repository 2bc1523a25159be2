"""The answers file of ``draftkit new`` held for one session at a time, and never
overwritten with what another program wrote into it meanwhile.

- One session a file: a lock (locks.py) on ``answers.yaml.lock`` beside it, which the
  system lets go of when the session ends, however it ends. A second ``new --resume`` on
  the same file is refused in one line, naming the process that holds it.
- Changed on disk since loaded: before every save the file is compared with what this
  session last read or wrote (by content). When another program (an editor, a copy from
  elsewhere) has changed it, nothing is overwritten: the session's answers go to a file
  of their own beside it, and one line says where.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from pathlib import Path

from draftkit.errors import DraftkitError


def lock_path(answers: Path) -> Path:
    return answers.with_name(answers.name + ".lock")


@contextlib.contextmanager
def held(answers: Path):
    """The answers file for this session alone, while in the ``with``."""
    from draftkit.inputs import os_reason
    from draftkit.locks import FileLock, Held

    try:
        with FileLock(lock_path(answers)):
            yield
    except Held as exc:
        who = f"（进程 {exc.holder}）" if exc.holder.isdigit() else ""
        raise DraftkitError(f"{answers}: 正在另一个窗口中由 draftkit new 填写{who}；同一个答案文件一次只能在一处填写，"
                            "请到那个窗口继续，或先退出它") from None
    except OSError as exc:
        raise DraftkitError(f"{answers}: 无法锁定答案文件（{os_reason(exc)}）") from None


HEADER = "# draftkit new 的答案文件：可以手工修改，再用 draftkit render 生成报告\n"


def save(flow, step: str) -> None:
    """The flow's answers written (temp file, then rename) with the step reached, unless
    another program changed the file since this session read or wrote it."""
    from draftkit import atomic
    from draftkit.errors import DraftkitError
    from draftkit.report.datafile import dump_keeping
    from draftkit.report.loader import read_text

    flow.data.setdefault("progress", {})["step"] = step
    try:
        old = read_text(flow.answers_path) if flow.answers_path.exists() else None  # its comments are kept
    except (OSError, DraftkitError):
        old = None
    text = dump_keeping(old, flow.data, HEADER)
    check_unchanged(flow.answers_path, flow.on_disk, text)
    atomic.write_text(flow.answers_path, text)
    flow.on_disk = fingerprint(flow.answers_path)


def fingerprint(path: Path) -> str | None:
    """What the file holds (its SHA-1), None when it is not there."""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


def check_unchanged(path: Path, known: str | None, text: str) -> None:
    """Before a save: the file is what this session last read or wrote (``known``), or
    gone. Otherwise ``text`` (the session's answers) is written to a file of its own and
    one line says so; the file another program changed is left as it is."""
    now = fingerprint(path)
    if now is None or now == known:
        return
    from draftkit import atomic

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.本次答案-{stamp}{path.suffix}")
    atomic.write_text(aside, text)
    raise DraftkitError(f"{path}: 起草期间这个文件被别的程序改过，为免覆盖没有保存；本次的答案另存为 {aside.name}，"
                        "核对两个文件后用 draftkit new --resume 继续")
