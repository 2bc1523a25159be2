"""The whole suite under every Python that pyproject.toml declares (its classifiers).

    .venv/bin/nox              # all of them (make test-pythons; .ci/run runs it after make test)
    .venv/bin/nox -p 3.12      # one of them; -- after it passes arguments to pytest

An interpreter is looked for on PATH (python3.X) and, where the machine keeps its
Pythons under pyenv, in $PYENV_ROOT/versions/3.X.*/bin; one the machine lacks has no
session, and one line says it is skipped. Each session installs draftkit with its test extra,
as make does, into its own virtualenv under .nox/ (reused between runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYTHONS = nox.project.python_versions(nox.project.load_toml(ROOT / "pyproject.toml"))

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True  # those found below run; one missing is said once, below
nox.options.download_python = "never"  # the machine's own interpreters, nothing fetched
nox.options.reuse_venv = "yes"


def _pyenv_dirs() -> list[str]:
    """The bin folder of pyenv's newest 3.X.* for each declared 3.X, where pyenv has one."""
    versions = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = []
    for want in PYTHONS:
        builds = [p for p in versions.glob(f"{want}.*") if p.name.removeprefix(f"{want}.").isdigit()]
        if builds:
            newest = max(builds, key=lambda p: int(p.name.rsplit(".", 1)[1]))
            found.append(str(newest / "bin"))
    return found


def _runs(version: str) -> bool:
    """Whether python<version> is on PATH and starts (a pyenv shim of a version not
    selected is on PATH but does not)."""
    exe = shutil.which(f"python{version}")
    return exe is not None and subprocess.run([exe, "-c", "pass"], capture_output=True).returncode == 0


os.environ["PATH"] = os.pathsep.join([*_pyenv_dirs(), os.environ.get("PATH", "")])
# DRAFTKIT_NOX_SKIP: versions already tested in this run (.ci/run passes make test's own)
DONE = {v.strip() for v in os.environ.get("DRAFTKIT_NOX_SKIP", "").split(",") if v.strip()}
HERE = [v for v in PYTHONS if v not in DONE and _runs(v)]
for done in (v for v in PYTHONS if v in DONE):
    print(f"nox > skipped tests-{done}: make test has just run the suite under Python {done}")
for missing in (v for v in PYTHONS if v not in HERE and v not in DONE):
    print(f"nox > skipped tests-{missing}: this machine has no Python {missing} (not on PATH nor under pyenv)")


@nox.session(python=HERE)
def tests(session: nox.Session) -> None:
    session.install("-q", "-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)
