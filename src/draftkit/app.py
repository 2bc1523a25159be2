"""What the commands do, above the layers they combine: render a data file after the
reviewer's checks, and check any report file. The CLI and the interactive flow call these."""

from __future__ import annotations

from pathlib import Path

from draftkit.errors import DraftkitError


def render_file(data: Path, out: Path | None = None, fmt: str | None = None,
                templates: Path | None = None, bank_dirs: list[Path] | None = None,
                force: bool = False, check: bool = True, draft: bool = False) -> tuple[Path | None, list]:
    """Render and write the output; the reviewer's checks run on the paragraphs first.
    Returns the path written (None when the checks found errors and force is off) and
    the findings. A draft is written with what is still to be given shown as 【待填：…】
    and 【待写：…】, whatever the checks find (they report those placeholders)."""
    from draftkit.render.pipeline import (
        blocks_to_bytes,
        output_path,
        report_blocks,
        write_output,
    )
    from draftkit.report.loader import load_report_lenient

    target, fmt = output_path(data, out, fmt)
    if target.resolve() == data.resolve():
        raise DraftkitError(f"{target}: 输出文件不能覆盖数据文件")
    _check_inputs(target, templates, bank_dirs or [])
    report, problems = load_report_lenient(data, draft=draft)
    try:
        blocks = report_blocks(report, templates, bank_dirs, draft)
    except DraftkitError as exc:
        # A value the loader refused shows again as missing when rendering: one line a place.
        seen = {(p.loc.file, p.loc.line) for p in problems if p.loc}
        later = [p for p in exc.problems if not p.loc or (p.loc.file, p.loc.line) not in seen]
        raise DraftkitError(problems + later) from None
    if problems:
        raise DraftkitError(problems)
    findings: list = []
    if check:
        from draftkit.reading.document import from_report
        from draftkit.review import check as review

        findings = review(from_report(report, str(data), blocks))
        if any(f.severity == "error" for f in findings) and not (force or draft):
            return None, findings
    write_output(target, blocks_to_bytes(blocks, report, fmt))
    return target, findings


def _check_inputs(target: Path, templates: Path | None, bank_dirs: list[Path]) -> None:
    """The folders named must exist, and the output must not be one of the files read."""
    from draftkit.inputs import same_file

    for d in bank_dirs:
        if not d.is_dir():
            raise DraftkitError(f"{d}: 短语库文件夹不存在")
    if templates is not None and not templates.is_dir():
        raise DraftkitError(f"{templates}: 模板文件夹不存在")
    inputs = [f for d in [*bank_dirs, *([templates] if templates else [])] for f in d.iterdir()]
    if templates is not None:  # a template is read whole: only regular files of a sane size
        from draftkit.inputs import read_bytes

        for f in templates.glob("*.j2"):
            try:
                read_bytes(f, 1 << 20, "模板").decode("utf-8")
            except UnicodeDecodeError:
                raise DraftkitError(f"{f}: 模板文件不是 UTF-8 编码") from None
    if any(same_file(target, f) for f in inputs):
        raise DraftkitError(f"{target}: 输出文件是模板或短语库中的文件，不能覆盖它；请另给 -o")
