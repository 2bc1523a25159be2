"""Lay the documents out with LibreOffice and count as a reader would (../shared/render)."""

import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, render_bytes, write

RENDER = ROOT.parent / "shared" / "render"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                       reason="LibreOffice/poppler not installed (.ci/run installs them where apt-get exists)"),
    pytest.mark.skipif(not (RENDER / "measure.py").exists(), reason="../shared/render is not beside the checkout"),
]

PARA = "法治政府建设是全面依法治国的重点任务和主体工程要坚持依法行政不断提高政府治理能力" * 6
CALIBRATION = f"""\
issuer: {{name: 测试县人民政府, level: 县区}}
year: 2025
date: 2026-02-10
parts:
  measures: {{items: ["{PARA}", "{PARA}", "{PARA}"], style: paragraphs}}
  shortcomings: {{items: ["{PARA}"]}}
  leadership: {{items: ["{PARA}"]}}
  plan: {{items: ["{PARA}", "{PARA}"]}}
"""


def measure(path):
    r = subprocess.run([sys.executable, str(RENDER / "measure.py"), str(path), str(RENDER / "fonts.conf")],
                       capture_output=True, text=True, timeout=300)
    return r.returncode, r.stdout


def test_full_page_is_22_lines_of_28_characters(tmp_path):
    """Chinese text only, so that a full line is exactly 28 characters."""
    docx = tmp_path / "calibration.docx"
    docx.write_bytes(render_bytes(write(tmp_path, CALIBRATION)))
    code, out = measure(docx)
    assert code == 0, out
    assert "22 lines on the fullest page, 28 characters on the longest line" in out


@pytest.mark.parametrize("name", ["county.yaml", "department.yaml"])
def test_examples_page_numbers_and_lines(tmp_path, name):
    docx = tmp_path / "ex.docx"
    docx.write_bytes(render_bytes(EXAMPLES / name))
    code, out = measure(docx)
    pages = int(out.split(" pages")[0])
    assert pages >= 3, out
    assert "22 lines on the fullest page" in out, out
    # Lines with half-width digits hold more than 28 characters; every other check must pass.
    fails = [ln for ln in out.splitlines() if ln.startswith("FAIL") and "longest line has" not in ln]
    assert fails == [], out
