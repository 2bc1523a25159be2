"""A report as .doc, .wps or .pdf given to check, import and mine: converted through
LibreOffice when it is installed (read as the .docx it came from); without it, one line
saying to save it as .docx."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def run(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(env or os.environ, PYTHONIOENCODING="utf-8"), timeout=600)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The county example as .docx, and as .doc, .wps and .pdf made from it by LibreOffice."""
    folder = tmp_path_factory.mktemp("office")
    docx = folder / "county.docx"
    assert run("render", str(EXAMPLES / "county.yaml"), "-o", str(docx)).returncode == 0
    if SOFFICE:
        for fmt in ("doc", "pdf"):
            subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                            "--convert-to", fmt, "--outdir", str(folder), str(docx)], capture_output=True, timeout=300)
        shutil.copy(folder / "county.doc", folder / "county.wps")  # WPS 文字 writes the same binary format
    return folder


def _findings(path):
    r = run("check", str(path), "--json")
    assert r.returncode in (0, 1), r.stderr
    import json

    return [(f["code"], f["message"]) for f in json.loads(r.stdout)["findings"]]


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".pdf"])
def test_check_reads_an_office_file_as_the_docx_it_came_from(reports, suffix):
    assert _findings(reports / f"county{suffix}") == _findings(reports / "county.docx") == []


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")
def test_import_and_mine_read_office_files(reports, tmp_path):
    for suffix in (".doc", ".pdf"):
        r = run("import", str(reports / f"county{suffix}"), "-o", str(tmp_path / f"from{suffix}.yaml"))
        assert r.returncode == 0, r.stderr
    base = run("import", str(reports / "county.docx"), "-o", str(tmp_path / "from.docx.yaml"))
    assert base.returncode == 0
    expected = (tmp_path / "from.docx.yaml").read_text(encoding="utf-8").replace("county.docx", "county.X")
    for suffix in (".doc", ".pdf"):
        got = (tmp_path / f"from{suffix}.yaml").read_text(encoding="utf-8").replace(f"county{suffix}", "county.X")
        assert got == expected, suffix
    mined = tmp_path / "mined"
    (tmp_path / "in").mkdir()
    shutil.copy(reports / "county.wps", tmp_path / "in")
    r = run("mine", str(tmp_path / "in"), "-o", str(mined))
    assert r.returncode == 0, r.stderr
    assert "county.wps" in (mined / "measures.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix,kind", [(".doc", "Word 97-2003 文档（.doc）"), (".wps", "WPS 文字文档（.wps）"),
                                         (".pdf", "PDF 文件")])
def test_without_libreoffice_one_line_says_to_save_as_docx(tmp_path, suffix, kind):
    magic = b"%PDF-1.7\n" if suffix == ".pdf" else b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path = tmp_path / f"去年的报告{suffix}"
    path.write_bytes(magic + b"\x00" * 600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ProgramFiles")}
    env["PATH"] = os.path.dirname(sys.executable)  # python, no soffice
    for args in (["check", str(path)], ["import", str(path), "-o", str(tmp_path / "x.yaml")],
                 ["mine", str(path), "-o", str(tmp_path / "bank")]):
        r = run(*args, env=env)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        said = [line for line in r.stderr.splitlines() if kind in line]
        assert len(said) == 1 and "另存为 .docx" in said[0] and "二进制" not in r.stderr, r.stderr
    assert not (tmp_path / "x.yaml").exists() and not (tmp_path / "bank").exists()
