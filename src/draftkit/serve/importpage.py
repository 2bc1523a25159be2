"""Last year's report uploaded on the start page: ``draftkit import``'s own path
(app.import_file), its refusal or its notes shown, the draft written to the folder. A
report import doubts (not the issuer's own annual report, a truncated copy …) is refused
with the reason and a 「仍然导入」 button, which does what ``import --force`` does; an
answers file already there is never overwritten."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.files import inside
from draftkit.serve.pages import html
from draftkit.serve.state import served

IMPORTED = (".docx", ".txt", ".md", ".doc", ".wps", ".pdf")  # what draftkit import reads


def _refused(lines: list[str], again: dict | None = None) -> Response:
    return html("import_result.html", status=400, ok="", lines=lines, again=again)


async def import_report(request: Request) -> Response:
    from draftkit.app import import_file
    from draftkit.continuity.genre import FORCE_HOW

    s = served(request)
    try:
        form = await request.form(max_files=1, max_fields=10)
    except HTTPException:  # more files or fields than the form has, or a broken body
        return _refused(["一次只能上传一份报告（表单内容不对，请刷新页面后重试）"])
    forced = str(form.get("force") or "") == "1"
    upload = form.get("report")
    if forced:  # 「仍然导入」: the report uploaded a moment ago, kept in the folder
        original = str(form.get("source") or "")
        source = inside(s.folder, original, IMPORTED, "报告")
        if not source.is_file():
            return _refused([f"文件夹中没有“{original[:60]}”：请重新上传"])
    elif upload is None or isinstance(upload, str) or not upload.filename:
        return _refused(["请选择去年的报告文件（.docx、.txt 或 .md）"])
    else:
        original = Path(upload.filename.replace("\\", "/")).name
    suffix = Path(original).suffix.lower()
    if suffix not in IMPORTED:
        return _refused([f"“{original[:60]}”不是可以导入的报告：请上传 .docx、.txt 或 .md（.doc、.wps、.pdf 需装有 LibreOffice）"])
    name = str(form.get("file") or "").strip() or f"{Path(original).stem[:60]}（导入）.yaml"
    warned: list[str] = []
    try:
        output = inside(s.folder, name, what="答案文件")
        if output.exists():  # import --force would overwrite it; the page never does
            return _refused([f"{name} 已存在：为免覆盖已填写的内容，请在“答案文件名”中另起一个名字，或在下面打开它"])
        if not forced:
            source = _kept(s.folder, original, await upload.read())
        said = import_file(source, output, force=forced, warn=warned.append)
    except DraftkitError as exc:
        lines = [_shown(str(p), s.folder) for p in warned + [str(p) for p in exc.problems]]
        doubt = any(FORCE_HOW in str(p) for p in exc.problems)
        return _refused(lines, {"source": source.name, "file": str(form.get("file") or "")} if doubt else None)
    lines = [_shown(line, s.folder) for line in warned + said.out + said.err]
    from draftkit.serve.files import listed

    return html("import_result.html", ok=output.name, lines=lines, again=None, files=listed(s.folder))  # the list refreshed


def _kept(folder, name: str, data: bytes):
    """The uploaded report kept in the folder beside the draft (check compares the draft
    with it, as with ``based_on``): a file of that name holding other bytes is not replaced."""
    from draftkit import atomic
    from draftkit.outputs import target

    path = inside(folder, name, IMPORTED, "报告")
    if path.exists():
        if path.is_file() and path.read_bytes() == data:
            return path
        raise DraftkitError(f"文件夹中已有另一份“{name}”：为免覆盖，请把要上传的报告改个名字再上传")
    atomic.write_bytes(target(path, "报告"), data)
    return path


def _shown(line: str, folder) -> str:
    """A line of import's as the clerk reads it: files of the folder by their names, and
    instead of the command line's --force the page's own button."""
    from draftkit.continuity.genre import FORCE_HOW

    line = line.replace(str(folder) + "/", "").replace(str(folder) + "\\", "")
    if line.startswith("警告："):  # imported all the same: nothing left to do about it
        return line.replace("；" + FORCE_HOW, "")
    return line.replace(FORCE_HOW, "确是本单位去年的报告、要照样导入，请点“仍然导入”")


ROUTES = [Route("/import", import_report, methods=["POST"])]
