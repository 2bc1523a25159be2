"""The batch checked on every core: a process pool (concurrent.futures) of one worker a
core, each checking one file at a time. Safe where processes are started afresh
(Windows' spawn, macOS): the worker is a top-level function of plain arguments
(units.check_unit) and returns a plain row; nothing relies on memory copied by fork.

Memory stays bounded: at most two files a worker are handed out at once, a worker holds
one report, and what comes back is the row (counts and findings), never the document. A
worker that dies on a file (a crash in a library, the system killing it) breaks the pool:
the files it held are checked again one by one, each in a process of its own, so that
the one that kills its process again is that file's row and every other is checked.
(A spawned worker does not run the command again: multiprocessing leaves a package's
__main__, ``python -m draftkit``, alone, and the console script's is guarded.)"""

from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from draftkit.batch.units import Unit, check_unit

AHEAD = 2  # files handed out a worker beyond the one it checks
CRASHED = "检查这个文件时检查程序意外退出（文件可能已损坏），未能检查；请另存为 .docx 后再试"


WINDOWS_MOST = 61  # ProcessPoolExecutor's limit on Windows (WaitForMultipleObjects)


def workers_for(count: int) -> int:
    """One worker a core the machine has, never more than the files (nor, on Windows, 61)."""
    most = WINDOWS_MOST if os.name == "nt" else count
    return max(1, min(os.cpu_count() or 1, count, most))


def check_all(reports: list[tuple[Path, str]], workers: int | None = None,
              worker: Callable[[str, str], Unit] = check_unit, progress: Callable[[int, int, Path], None] | None = None,
              context=None) -> list[Unit]:
    """Each report (path, name shown) checked, the rows in the order given. One report is
    checked in this process (a pool costs more than it saves); more in a pool of
    ``workers`` processes (every core by default), started by ``context`` (a
    multiprocessing context; the platform's default when None)."""
    total = len(reports)
    if total == 0:
        return []
    if total == 1:
        path, shown = reports[0]
        rows = [worker(str(path), shown)]
        if progress:
            progress(1, 1, Path(shown))
        return rows
    done: dict[int, Unit] = {}

    def tell(i: int, unit: Unit) -> None:
        done[i] = unit
        if progress:
            progress(len(done), total, Path(unit.file))

    suspects = _run(list(enumerate(reports)), workers or workers_for(total), worker, tell, context)
    for i, report in suspects:  # the files a dead worker held: each alone, in a process of its own
        lone = _run([(i, report)], 1, worker, tell, context)
        if lone:
            tell(i, Unit(report[1], str(report[0]), problem=CRASHED))
    return [done[i] for i in range(total)]


def _run(queue: list[tuple[int, tuple[Path, str]]], workers: int, worker, tell, context) -> list:
    """Check the queue in one pool after another until it is empty; returns the reports
    that were in a worker's hands when a pool broke (to be checked again, each alone)."""
    suspects: list = []
    queue = list(reversed(queue))
    while queue:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            running: dict = {}
            broken = False
            while (queue or running) and not broken:
                while queue and len(running) < workers * (1 + AHEAD):
                    i, (path, shown) = item = queue.pop()
                    try:
                        running[pool.submit(worker, str(path), shown)] = item
                    except BrokenProcessPool:
                        queue.append(item)
                        broken = True
                        break
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    item = running.pop(future)
                    try:
                        tell(item[0], future.result())
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(item)
                    except Exception as exc:  # the row could not come back (it would not pickle …)
                        tell(item[0], Unit(item[1][1], str(item[1][0]),
                                           problem=f"检查时出现内部错误（{type(exc).__name__}），未能检查"))
            if broken:  # every file still out was in the dead pool's hands
                suspects += running.values()
                for future in running:
                    future.cancel()
    return suspects
