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
    pure-Python parser costs a check some 100 ms at start-up). What it reads is kept in
    the cache folder with a SHA-1 of the file, and taken from there while the file is
    unchanged: building the tables from YAML cost a render some 10 ms, unpickling them
    costs a tenth of it."""
    import hashlib

    from draftkit import cachestore

    raw = (Path(__file__).resolve().parent / "data" / name).read_bytes()
    digest = hashlib.sha1(raw).digest()
    kept = cachestore.table(name, digest)
    if kept is not cachestore.MISSING:
        return kept
    import yaml

    value = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cachestore.keep_table(name, digest, value)
    return value


