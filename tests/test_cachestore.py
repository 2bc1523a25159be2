"""draftkit's cache folder: where it is, which folders it refuses, and what it reads back
(data of the right shape, from a regular file of ours, never code)."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from draftkit import cachestore
from draftkit.reading import lexicon

as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                             reason="giving a folder to another user needs root")
posix = pytest.mark.skipif(os.name == "nt", reason="owners and mode bits are POSIX")


def test_the_tests_use_a_cache_folder_of_their_own(session_cache):
    assert cachestore.cache_dir() == session_cache
    assert not str(session_cache).startswith(str(Path.home() / ".cache"))


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_the_per_user_folder_is_platformdirs_one_created_0700(monkeypatch, tmp_path):
    monkeypatch.delenv("DRAFTKIT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    old = os.umask(0)  # even with no umask at all, the folder is the user's alone
    try:
        folder = cachestore.cache_dir()
    finally:
        os.umask(old)
    assert folder == tmp_path / "xdg" / "draftkit"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_no_cache_folder_when_it_cannot_be_made(monkeypatch, tmp_path):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "file" / "cache"))
    assert cachestore.cache_dir() is None
    assert cachestore.read("x") is None and cachestore.write("x", b"1") is False


def refused(monkeypatch, capsys, folder: Path) -> str:
    """The warning for DRAFTKIT_CACHE=folder, after checking that it is given once and
    that nothing is read from or written to the folder."""
    cachestore._warned.clear()
    monkeypatch.setenv("DRAFTKIT_CACHE", str(folder))
    before = sorted(folder.iterdir())
    assert cachestore.cache_dir() is None and cachestore.cache_dir() is None
    assert cachestore.write("jieba-x.json", b"{}") is False and cachestore.read("planted") is None
    assert sorted(folder.iterdir()) == before
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("draftkit 警告：缓存文件夹 ")
    return err


@posix
def test_a_folder_others_can_write_is_refused_with_one_warning(monkeypatch, capsys, tmp_path):
    for mode in (0o777, 0o770, 0o1777):
        folder = tmp_path / f"shared{mode:o}"
        folder.mkdir()
        (folder / "planted").write_bytes(b"data")
        folder.chmod(mode)
        assert "其他用户也能写入，本次不使用缓存" in refused(monkeypatch, capsys, folder)


@posix
@as_root
def test_a_folder_another_user_owns_is_refused(monkeypatch, capsys, tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    (folder / "planted").write_bytes(b"data")
    os.chown(folder, 4321, 4321)
    assert "属于其他用户，本次不使用缓存" in refused(monkeypatch, capsys, folder)
    # the same folder found as the per-user one (no DRAFTKIT_CACHE) gets the same checks
    monkeypatch.delenv("DRAFTKIT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "draftkit").symlink_to(folder)
    cachestore._warned.clear()
    assert cachestore.cache_dir() is None
    assert "属于其他用户" in capsys.readouterr().err


def test_on_windows_the_folder_is_used_as_it_is(monkeypatch, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    st = folder.stat()
    fake = os.stat_result((st.st_mode | 0o777, *st[1:4], st.st_uid + 1, *st[5:]))
    assert cachestore.unsafe(fake) != ""
    monkeypatch.setattr(cachestore, "OWNERS_MEAN_NOTHING", True)
    assert cachestore.unsafe(fake) == ""


def test_data_written_is_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "c"))
    assert cachestore.write("a.json", b'{"x": 1}')
    assert cachestore.read("a.json") == b'{"x": 1}'
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["a.json"]  # no temporary file left


@posix
def test_only_regular_files_of_ours_and_of_sane_size_are_read(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("DRAFTKIT_CACHE", str(folder))
    (folder / "zero").symlink_to("/dev/zero")  # read whole, this would fill the memory
    os.mkfifo(folder / "fifo")  # read, this would hang
    (folder / "dir").mkdir()
    with open(folder / "big", "wb") as f:
        f.truncate(cachestore.MAX_BYTES + 1)
    (folder / "elsewhere").write_bytes(b"{}")
    (folder / "link").symlink_to(folder / "elsewhere")
    for name in ("zero", "fifo", "dir", "big", "link", "missing"):
        assert cachestore.read(name) is None, name
    assert cachestore.read("elsewhere") == b"{}"
    if os.geteuid() == 0:
        os.chown(folder / "elsewhere", 4321, 4321)
        assert cachestore.read("elsewhere") is None


def test_jiebas_dictionary_is_data_checked_when_read(tmp_path, monkeypatch):
    """Anything but the shape lexicon writes is None (the dictionary is built again), and
    nothing in the file runs."""
    import marshal
    import pickle

    folder = tmp_path / "c"
    monkeypatch.setenv("DRAFTKIT_CACHE", str(folder))
    marker = tmp_path / "ran"
    words = [("依法行政", 5000), ("复议", 2000)]
    good = {"freq": {"依法行政": 5000, "依": 3, "复议": 2000, "复": 0}, "total": 7003}

    class Payload:
        def __reduce__(self):
            return (exec, (f"open({str(marker)!r}, 'w').write('ran')",))

    code = compile(f"open({str(marker)!r}, 'w').write('ran')", "<planted>", "exec")
    planted = [
        b"", b"not json", b"\xff\xfe\x00", b"[" * 100000, b"null", b"[]", b'"freq"',
        pickle.dumps(Payload()), pickle.dumps(good), marshal.dumps(code), marshal.dumps((good["freq"], 7003)),
        json.dumps({"freq": good["freq"]}).encode(),
        json.dumps({**good, "total": -1}).encode(),
        json.dumps({**good, "total": 1.5}).encode(),
        json.dumps({**good, "total": True}).encode(),
        json.dumps({**good, "freq": [["依法行政", 5000]]}).encode(),
        json.dumps({**good, "freq": {**good["freq"], "依": "3"}}).encode(),
        json.dumps({**good, "freq": {**good["freq"], "依": -3}}).encode(),
        json.dumps({**good, "freq": {**good["freq"], "依": 3.0}}).encode(),
        json.dumps({**good, "freq": {**good["freq"], "依": None}}).encode(),
        json.dumps({**good, "freq": {**good["freq"], "": 1}}).encode(),
        json.dumps({**good, "freq": {"依": 3}}).encode(),  # our words missing: another word list
        json.dumps({**good, "freq": {**good["freq"], "复议": 1}}).encode(),
    ]
    for data in planted:
        cachestore.write("jieba-test.json", data)
        assert lexicon._load_dictionary("jieba-test.json", words) is None, data[:60]
    assert not marker.exists()
    cachestore.write("jieba-test.json", json.dumps(good, ensure_ascii=False).encode())
    assert lexicon._load_dictionary("jieba-test.json", words) == (good["freq"], 7003)
