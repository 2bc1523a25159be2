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
    """One of the shipped tables in ``data/`` (YAML), read safely, with libyaml when it
    is present (the pure-Python parser costs a check some 100 ms at start-up)."""
    import yaml

    raw = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8")
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
