"""The batch review page (/batch) for the 法治办's reviewer: a folder inside the served
folder, or many files uploaded, checked as ``draftkit check FOLDER --table`` does
(batch/: every core, a row a unit, a file that cannot be read a row saying why); the
table shown, sortable, each unit's findings linked below it, and downloaded as .xlsx,
.csv (two files) or a standalone .html. The last table is kept for its downloads."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from draftkit.errors import DraftkitError
from draftkit.serve.pages import html
from draftkit.serve.state import served

MAX_FILES = 200  # a county has some 60 units; more in one upload is a mistake
WHOLE = "."  # the served folder itself, in the folder list


def subfolders(folder: Path) -> list[str]:
    """The folders the page offers: the served one and those inside it (not hidden, not
    out of it through a link), as paths relative to it."""
    root = os.path.realpath(folder)
    out = [WHOLE]
    for here, dirs, _ in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.commonpath([root, os.path.realpath(os.path.join(here, d))]) == root)
        out += [Path(here, d).relative_to(folder).as_posix() for d in dirs]
        if len(out) > 500:  # a folder of folders: the first ones are enough to choose from
            break
    return out


def _shown(units: list, title: str) -> dict:
    """What batch_result.html shows of a batch: the table, its count line, each unit's findings."""
    from markupsafe import Markup

    from draftkit.batch.tablehtml import counts_line, findings_html, table_html

    if not units:
        return {"title": title, "count": "", "table": "", "sections": ""}
    return {"title": title, "count": counts_line(units), "table": Markup(table_html(units)),
            "sections": Markup("".join(findings_html(n, u) for n, u in enumerate(units, 1)))}


def _result(request: Request, units: list, title: str) -> Response:
    request.app.state.batch = (title, units)
    return html("batch_result.html", **_shown(units, title))


def _pool_context():
    """Worker processes started afresh: the server runs threads, which fork does not copy well."""
    import multiprocessing

    return multiprocessing.get_context("spawn")


async def batch_page(request: Request) -> Response:
    from draftkit.batch.units import SAID
    from draftkit.serve.guard import MAX_BODY

    s = served(request)
    title, units = getattr(request.app.state, "batch", ("", []))
    return html("batch.html", here="/batch", folder=str(s.folder), folders=subfolders(s.folder),
                max_mb=MAX_BODY // (1024 * 1024) - 1, max_files=MAX_FILES, kinds=SAID, **_shown(units, title))


async def batch_folder(request: Request) -> Response:
    """A folder of the served folder, chosen from the list (no other name is taken)."""
    from starlette.concurrency import run_in_threadpool

    from draftkit.batch.pool import check_all
    from draftkit.batch.units import SAID, find_reports

    s = served(request)
    name = str((await request.form()).get("folder", WHOLE))
    if name not in subfolders(s.folder):
        raise DraftkitError(f"“{name[:60]}”不是本文件夹 {s.folder} 中的文件夹")
    where = s.folder if name == WHOLE else s.folder / name
    reports, _ = find_reports([where])
    if not reports:
        raise DraftkitError(f"{'本文件夹' if name == WHOLE else name} 中没有报告（{SAID}）")
    units = await run_in_threadpool(check_all, reports, None, context=_pool_context())
    return _result(request, units, f"法治政府建设情况报告审核汇总（{where.name or where}）")


def _upload_name(name: str) -> str:
    """The file's own name as the browser sent it (a path it may send cut to its last part)."""
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or "（无名文件）"


async def batch_upload(request: Request) -> Response:
    """Files uploaded, each kept in a scratch folder under a name of ours while it is
    checked; one too big is a row saying so, never read whole."""
    from starlette.concurrency import run_in_threadpool

    from draftkit.batch.pool import check_all
    from draftkit.batch.units import SAID, SUFFIXES, Unit
    from draftkit.inputs import REPORT_LIMIT, size_text

    # The whole upload is within the guard's limit of a request's body (guard.MAX_BODY).
    form = await request.form(max_files=MAX_FILES + 1, max_fields=20)
    files = [f for f in form.getlist("files") if hasattr(f, "read")]
    if not files:
        raise DraftkitError("没有选择文件：请选择要审核的报告（可以一次选多个）")
    if len(files) > MAX_FILES:
        raise DraftkitError(f"一次最多上传 {MAX_FILES} 个文件，这次有 {len(files)} 个：请分几次上传")
    with tempfile.TemporaryDirectory(prefix="draftkit-batch-") as tmp:
        rows: list = []
        reports: list = []
        for i, f in enumerate(files):
            shown = _upload_name(f.filename)
            suffix = Path(shown).suffix.lower()
            if suffix not in SUFFIXES:
                rows.append(Unit(shown, problem=f"不是报告（{suffix or '没有扩展名'}）：只审核 {SAID}"))
                continue
            data = await f.read(REPORT_LIMIT + 1)
            if len(data) > REPORT_LIMIT:
                rows.append(Unit(shown, problem=f"文件太大，报告不应超过 {size_text(REPORT_LIMIT)}"))
                continue
            path = Path(tmp, f"{i:03d}{suffix}")
            path.write_bytes(data)
            rows.append(None)
            reports.append((path, shown))
        checked = iter(await run_in_threadpool(check_all, reports, None, context=_pool_context()))
        units = [row if row is not None else next(checked) for row in rows]
    return _result(request, units, f"法治政府建设情况报告审核汇总（上传的 {len(units)} 份）")


MEDIA = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".csv": "text/csv; charset=utf-8", ".html": "text/html; charset=utf-8"}


async def batch_table(request: Request) -> Response:
    """The last table as a download: 汇总.xlsx, 汇总.csv, 汇总-全部问题.csv or 汇总.html,
    made by the command's own batch/export.table_bytes."""
    from urllib.parse import quote

    from draftkit.batch.export import findings_csv_path, table_bytes

    title, units = getattr(request.app.state, "batch", ("", []))
    if not units:
        raise DraftkitError("还没有审核结果：请先选择文件夹或上传文件")
    kind = request.path_params["kind"]
    if kind not in ("xlsx", "csv", "findings.csv", "html"):
        return Response("没有这种表格", status_code=404, media_type="text/plain; charset=utf-8")
    table = Path("汇总.csv" if kind == "findings.csv" else f"汇总.{kind}")
    name = findings_csv_path(table) if kind == "findings.csv" else table
    body = dict(table_bytes(table, units, title))[name]
    return Response(body, media_type=MEDIA[name.suffix],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name.name)}"})


# The upload box: the files chosen or dropped named in Chinese (the browser's own file
# button speaks the language of its installation), a drop on the box given to its input.
CHOOSER = """
(function(){
  function tell(input){
    var out=document.getElementById(input.getAttribute('data-count')), n=input.files.length, names=[];
    for(var i=0;i<Math.min(n,3);i++){names.push(input.files[i].name);}
    if(out){out.textContent=n?('已选择 '+n+' 个文件：'+names.join('、')+(n>3?' 等':'')):'未选择文件';}
  }
  document.addEventListener('change',function(ev){
    var el=ev.target;if(el.matches&&el.matches('input[type=file][data-count]')){tell(el);}
  });
  ['dragenter','dragover'].forEach(function(type){document.addEventListener(type,function(ev){
    var zone=ev.target.closest&&ev.target.closest('[data-drop]');
    if(zone){ev.preventDefault();zone.classList.add('over');}
  });});
  document.addEventListener('dragleave',function(ev){
    var zone=ev.target.closest&&ev.target.closest('[data-drop]');if(zone){zone.classList.remove('over');}
  });
  document.addEventListener('drop',function(ev){
    var zone=ev.target.closest&&ev.target.closest('[data-drop]');
    if(!zone){return;}
    ev.preventDefault();zone.classList.remove('over');
    var input=document.getElementById(zone.getAttribute('data-drop'));
    if(input&&ev.dataTransfer&&ev.dataTransfer.files.length){input.files=ev.dataTransfer.files;tell(input);}
  });
})();
"""


async def page_script(request: Request) -> Response:
    """The page's script: the table's sorting (the same lines the standalone .html
    carries) and the upload box."""
    from draftkit.batch.tablehtml import SCRIPT

    return Response(SCRIPT + CHOOSER, media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})


ROUTES = [
    Route("/batch", batch_page),
    Route("/batch/folder", batch_folder, methods=["POST"]),
    Route("/batch/upload", batch_upload, methods=["POST"]),
    Route("/batch/page.js", page_script),
    Route("/batch/table.{kind}", batch_table),
]
