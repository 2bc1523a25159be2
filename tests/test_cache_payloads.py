"""Nothing in a cache is loaded as code. Whoever can write draftkit's cache folder (or the
shared temporary folder, where jieba keeps its own cache) plants what a code cache would
load: a pickle whose ``__reduce__`` runs code, a marshal'd code object, a Jinja bytecode
file, under every name the folder holds after a run and every name the old code caches
used. None of it runs, and every command's output is what it is with an empty cache."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

CORPUS = [FIXTURES / "messy" / "truncated.txt", FIXTURES / "messy" / "pinyin.txt"]
JIEBA_SAYS = ("Building prefix dict", "Loading model", "Dump cache file failed", "Prefix dict", "jieba", "Traceback")


def payloads(marker: Path) -> dict[str, bytes]:
    """Each kind of planted file, all of which would create ``marker`` if loaded as code."""
    import jinja2.bccache

    action = f"open({str(marker)!r}, 'a').write('ran\\n')"

    class Payload:
        def __reduce__(self):
            return (exec, (action,))

    code = compile(action, "<planted>", "exec")
    return {
        "pickle": pickle.dumps(Payload()),
        "marshal": marshal.dumps(code),
        "jinja": jinja2.bccache.bc_magic + pickle.dumps(Payload(), 2) + marshal.dumps(code),
        # the shape jieba's own cache has (marshal of (FREQ, total)), with code for a value
        "jieba": marshal.dumps(({"依法": code}, 1)),
    }


def old_names() -> list[str]:
    """The files the former code caches kept (regular expressions, dataclass methods,
    tables, Jinja's bytecode under our names and its own) and jieba's own cache."""
    import jinja2
    from jinja2.bccache import BytecodeCache

    tag = sys.implementation.cache_tag
    names = [f"patterns-{tag}-20221023-4.marshal", "dataclass-code-a70d0d0a.marshal", f"tables-{tag}.marshal",
             "jieba.cache"]
    key = BytecodeCache().get_cache_key
    for t in sorted((ROOT / "templates").glob("*.j2")):
        bucket = key(t.name, str(t))
        names += [f"template-{hashlib.sha1(jinja2.__version__.encode()).hexdigest()[:12]}-{bucket}.cache",
                  f"__jinja2_{bucket}.cache"]
    return names


def run_all(tmp: Path, cache: Path, temp: Path, name: str) -> dict[str, object]:
    """render (docx and md), check, mine and phrases search, with DRAFTKIT_CACHE=cache and
    the temporary folder temp; what each printed and wrote."""
    env = {**os.environ, "DRAFTKIT_CACHE": str(cache), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    out = tmp / name
    out.mkdir()
    docx, md, bank = out / "c.docx", out / "c.md", out / "bank"
    commands = {
        "render": ["render", str(EXAMPLES / "county.yaml"), "-o", str(docx)],
        "render-md": ["render", str(EXAMPLES / "county.yaml"), "-o", str(md)],
        "check": ["check", str(EXAMPLES / "county.yaml")],
        "mine": ["mine", *map(str, CORPUS), "-o", str(bank)],
        "search": ["phrases", "search", "行政", "复议", "-n", "5"],
    }
    seen: dict[str, object] = {}
    for what, args in commands.items():
        r = subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True, env=env,
                           cwd=tmp)
        assert r.returncode == 0, (what, r.stderr)
        assert not any(s in r.stderr for s in JIEBA_SAYS), (what, r.stderr)
        seen[what] = r.stdout.replace(str(out), "OUT")
        seen[what + " stderr"] = r.stderr
    import docx as python_docx

    seen["docx text"] = [p.text for p in python_docx.Document(str(docx)).paragraphs]
    seen["md"] = md.read_bytes()
    seen["bank"] = {p.name: p.read_bytes() for p in sorted(bank.glob("*.jsonl"))}
    return seen


@pytest.mark.slow
def test_planted_code_in_every_cache_file_never_runs(tmp_path):
    marker = tmp_path / "ran"
    kinds = payloads(marker)
    clean_cache, clean_temp = tmp_path / "cache0", tmp_path / "temp0"
    clean_temp.mkdir()
    expected = run_all(tmp_path, clean_cache, clean_temp, "clean")
    held = sorted(p.name for p in clean_cache.iterdir())
    # jieba's dictionary, and the digests of the bank files searched (bank/keystore.py): data, as JSON;
    # the dictionary also as a sorted word list (reading/wordlookup.py): data, word<TAB>count lines
    assert held and all(n.startswith(("jieba-", "bank-digests")) and n.endswith(".json") or
                        n.startswith("jieba-") and n.endswith(".words") for n in held), held
    assert not any(clean_temp.iterdir()), "nothing of draftkit's or jieba's goes to the temporary folder"
    assert set(expected["bank"]) and all(v == "" for k, v in expected.items() if k.endswith("stderr"))

    for kind, data in kinds.items():
        cache, temp = tmp_path / f"cache-{kind}", tmp_path / f"temp-{kind}"
        cache.mkdir(mode=0o700)
        temp.mkdir()
        for name in held + old_names():
            (cache / name).write_bytes(data)
        for name in ("jieba.cache", "jieba.u" + "0" * 32 + ".cache"):
            (temp / name).write_bytes(data)
        seen = run_all(tmp_path, cache, temp, kind)
        assert not marker.exists(), f"a planted {kind} file ran"
        assert seen == expected, kind
        # the planted dictionary was found wrong and written again as data
        for name in held:
            assert (cache / name).read_bytes() == (clean_cache / name).read_bytes()


def mine(tmp: Path, cache: Path, temp: Path, name: str) -> tuple[subprocess.CompletedProcess, dict[str, bytes]]:
    env = {**os.environ, "DRAFTKIT_CACHE": str(cache), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    bank = tmp / name
    r = subprocess.run([sys.executable, "-m", "draftkit", "mine", *map(str, CORPUS), "-o", str(bank)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return r, {p.name: p.read_bytes() for p in sorted(bank.glob("*.jsonl"))}


@pytest.mark.skipif(os.name == "nt", reason="mode bits are POSIX")
def test_jieba_never_uses_the_shared_temporary_folder_nor_talks_to_the_clerk(tmp_path):
    """Cached, refused (a folder others can write: one warning, then uncached) and unable
    to write its cache file: the same phrases, nothing in the temporary folder, and not a
    word of jieba's on the terminal."""
    temp = tmp_path / "temp"
    temp.mkdir()
    (temp / "jieba.cache").write_bytes(b"planted by another user")  # the file of issue 22
    cached, expected = mine(tmp_path, tmp_path / "cache", temp, "cached")
    assert cached.stderr == ""
    kept, listed = sorted((tmp_path / "cache").iterdir(), key=lambda p: p.suffix)  # .json, .words
    assert kept.suffix == ".json" and listed.name == kept.stem + ".words"
    written = kept.stat(), listed.stat()
    again, bank = mine(tmp_path, tmp_path / "cache", temp, "again")
    assert bank == expected and again.stderr == ""
    for f, st in zip((kept, listed), written):  # read, not rebuilt
        assert f.stat().st_mtime_ns == st.st_mtime_ns and f.stat().st_ino == st.st_ino

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    refused, bank = mine(tmp_path, shared, temp, "refused")
    assert bank == expected and not any(shared.iterdir())
    (warning,) = refused.stderr.splitlines()
    assert warning == f"draftkit 警告：缓存文件夹 {shared} 其他用户也能写入，本次不使用缓存（结果不变，只是慢一些）"

    blocked = tmp_path / "blocked"
    blocked.mkdir(mode=0o700)
    for f in (tmp_path / "cache").iterdir():
        (blocked / f.name).mkdir()  # the cache file's name is taken: it cannot be written
    unwritable, bank = mine(tmp_path, blocked, temp, "unwritable")
    assert bank == expected and unwritable.stderr == ""
    assert sorted(p.name for p in temp.iterdir()) == ["jieba.cache"]
    assert (temp / "jieba.cache").read_bytes() == b"planted by another user"
