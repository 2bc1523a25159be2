"""Problems found in user input, reported one line each: ``file:line:col: 消息``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """What the ``draftkit`` command returns."""

    OK = 0
    FINDINGS = 1  # check found errors; render did not write; mine skipped files; search found nothing
    INPUT = 2  # bad input or arguments: every problem printed, one a line
    INTERNAL = 70  # a bug of ours (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True)
class Loc:
    """Where a value came from. ``line`` and ``col`` are 1-based; 0 means unknown."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.file}:{self.line}:{self.col}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One problem to report: where (file, line) and what, in Chinese."""

    loc: Loc | None
    message: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}" if self.loc else self.message


def _order(p: Problem) -> tuple:
    return (p.loc is None, p.loc.file if p.loc else "", p.loc.line if p.loc else 0, p.loc.col if p.loc else 0)


class DraftkitError(Exception):
    """Bad input: carries every problem found, each printable as one line."""

    def __init__(self, problems: list[Problem] | Problem | str, exit_code: int = ExitCode.INPUT):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems, key=_order)
        self.exit_code = exit_code
        super().__init__("\n".join(str(p) for p in self.problems))


class Collector:
    """Gathers problems so that all of them are reported, not only the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: Loc | None, message: str) -> None:
        self.problems.append(Problem(loc, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DraftkitError(self.problems)


class SkipFile(DraftkitError):
    """A file that cannot be read as a report; ``why`` says so in Chinese. Mining skips it
    and goes on; the other commands stop with it."""

    def __init__(self, why: str, path: object = None):
        self.why = why
        super().__init__(f"{path}: {why}" if path is not None else why)

    def __str__(self) -> str:
        return self.why


def warn(message: str) -> None:
    """A problem that does not stop the command (a bank line skipped): one line on stderr."""
    import sys

    print(message, file=sys.stderr)
