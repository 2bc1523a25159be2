"""draftkit's cache folder and the shipped tables kept there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from draftkit import cachestore
from draftkit.resources import data_file

DATA = Path(__file__).resolve().parent.parent / "src" / "draftkit" / "data"


def test_the_tests_use_a_cache_folder_of_their_own(session_cache):
    assert cachestore.cache_dir() == session_cache
    assert not str(session_cache).startswith(str(Path.home() / ".cache"))


def test_the_cache_folder_by_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("DRAFTKIT_CACHE")
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert cachestore.cache_dir() == tmp_path / "xdg" / "draftkit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/used")
    assert cachestore.cache_dir() == tmp_path / "home" / ".cache" / "draftkit"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cachestore.cache_dir() == tmp_path / "home" / "Library" / "Caches" / "draftkit"
    monkeypatch.setattr(sys, "platform", "win32")
    assert cachestore.cache_dir() == tmp_path / "local" / "draftkit" / "Cache"


def test_no_cache_folder_when_it_cannot_be_made(monkeypatch, tmp_path):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "file" / "cache"))
    assert cachestore.cache_dir() is None and cachestore.store_path("x") is None


def test_every_shipped_table_is_what_yaml_reads_cold_and_warm(tmp_path):
    """Each in a fresh process: the first reads the YAML and keeps it, the second takes it
    from the cache folder."""
    names = sorted(p.name for p in DATA.glob("*.yaml"))
    code = ("import json, sys; from draftkit.resources import data_file; from draftkit import cachestore; "
            "print(json.dumps({n: data_file(n) for n in sys.argv[1:]}, default=str)); "
            "print(json.dumps(sorted(cachestore._tables)))")
    env = {**os.environ, "DRAFTKIT_CACHE": str(tmp_path / "cache")}
    outs = []
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        outs.append(r.stdout.splitlines())
    (cold, kept_before), (warm, kept_after) = outs
    assert kept_before == "[]" and kept_after == str(names).replace("'", '"')
    assert cold == warm
    import json

    expected = {n: yaml.safe_load((DATA / n).read_text(encoding="utf-8")) for n in names}
    assert json.loads(warm) == json.loads(json.dumps(expected, default=str))


def test_a_table_is_kept_with_its_files_digest(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "cache"))
    for name, value in (("_tables", None), ("_tables_path", None), ("_tables_new", {})):
        monkeypatch.setattr(cachestore, name, value)
    assert cachestore.table("t.yaml", b"one") is cachestore.MISSING
    cachestore.keep_table("t.yaml", b"one", {"rows": [1, 2]})
    cachestore._save_tables()
    cachestore._tables = None
    kept = cachestore.table("t.yaml", b"one")
    assert kept == {"rows": [1, 2]}
    kept["rows"].append(3)  # a fresh copy each time: a caller's change stays its own
    assert cachestore.table("t.yaml", b"one") == {"rows": [1, 2]}
    assert cachestore.table("t.yaml", b"two") is cachestore.MISSING  # the file changed
    cachestore._tables["t.yaml"] = (b"one", b"not a pickle")
    assert cachestore.table("t.yaml", b"one") is cachestore.MISSING


def test_data_file_reads_the_yaml_when_nothing_is_kept(monkeypatch):
    monkeypatch.setattr(cachestore, "table", lambda name, digest: cachestore.MISSING)
    monkeypatch.setattr(cachestore, "keep_table", lambda name, digest, value: None)
    assert data_file("register.yaml") == yaml.safe_load((DATA / "register.yaml").read_text(encoding="utf-8"))
