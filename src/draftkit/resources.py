"""Where the shipped templates and phrase bank are: inside the installed package, or at
the top of a source checkout (editable installs and running from the repository)."""

from __future__ import annotations

from pathlib import Path


def resource_dir(name: str) -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"draftkit installation is missing its {name}/ folder")


def data_file(name: str):
    """One of the shipped tables in ``data/`` (YAML), read with libyaml when present (the
    pure-Python parser costs a check some 100 ms at start-up)."""
    import yaml

    text = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cache_dir() -> Path | None:
    """draftkit's one cache folder (compiled patterns, template bytecode, jieba's
    dictionary): ``DRAFTKIT_CACHE`` if set, else the platform's cache folder. None when
    it cannot be created: everything then works uncached, only slower."""
    import os
    import sys

    given = os.environ.get("DRAFTKIT_CACHE")
    if given:
        path = Path(given)
    elif sys.platform == "win32":
        path = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "draftkit" / "Cache"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Caches" / "draftkit"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "draftkit"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand
        return None
    return path if os.access(path, os.W_OK | os.X_OK) else None
