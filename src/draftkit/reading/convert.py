"""Reports in a format only an office suite reads — Word 97-2003 (.doc), WPS (.wps), PDF —
converted to .docx through LibreOffice when it is installed (``soffice --headless
--convert-to docx`` into a folder of our own, with a profile of its own so that a
LibreOffice the clerk has open does not swallow the job); without it, one line saying to
save the file as .docx."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from draftkit.errors import SkipFile

# What each is called in a message, by suffix; a file is also known by its first bytes.
KINDS = {".doc": " Word 97-2003 文档（.doc）", ".wps": " WPS 文字文档（.wps）", ".pdf": " PDF 文件"}  # after 这是
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc and .wps
_PDF = b"%PDF-"
TIMEOUT = 180  # seconds for one conversion (LibreOffice's first start builds its profile)


def office_kind(suffix: str, data: bytes) -> str:
    """The suffix of the office format ``data`` is in (.doc, .wps, .pdf), or ''."""
    if data.startswith(_PDF):
        return ".pdf"
    if data.startswith(_OLE2):
        return suffix if suffix in (".doc", ".wps") else ".doc"
    return suffix if suffix in KINDS and not data.startswith(b"PK") else ""


def soffice() -> str | None:
    """LibreOffice's command: on the PATH, or where its installer puts it on Windows."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for root in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)")):
        exe = Path(root, "LibreOffice", "program", "soffice.exe") if root else None
        if exe is not None and exe.is_file():
            return str(exe)
    return None


def to_docx(data: bytes, kind: str) -> bytes:
    """The file converted to .docx by LibreOffice; SkipFile saying what to do when it is
    not installed or cannot convert it."""
    import subprocess
    import tempfile

    name = KINDS[kind]
    exe = soffice()
    if exe is None:
        raise SkipFile(f"这是{name}，draftkit 读不了：请在 WPS 或 Word 中打开，另存为 .docx 后再试"
                       "（装有 LibreOffice 时会自动转换）")
    with tempfile.TemporaryDirectory(prefix="draftkit-convert-") as tmp:
        source = Path(tmp, "report" + kind)  # a copy: no lock file beside the clerk's own
        source.write_bytes(data)
        command = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
                   *(["--infilter=writer_pdf_import"] if kind == ".pdf" else []),
                   "--convert-to", "docx", "--outdir", str(Path(tmp, "out")), str(source)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise SkipFile(f"LibreOffice 转换这个{name}超过 {TIMEOUT} 秒：请另存为 .docx 后再试") from None
        except OSError as exc:
            raise SkipFile(f"无法运行 LibreOffice（{exc.strerror or exc}）：请把这个{name}另存为 .docx 后再试") from None
        out = Path(tmp, "out", "report.docx")
        if not out.is_file() or not out.stat().st_size:
            raise SkipFile(f"LibreOffice 未能转换这个{name}（可能已损坏或加了密码）：请另存为 .docx 后再试")
        return out.read_bytes()
