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
    report, problems = load_report_lenient(data, draft=draft)
    try:
        blocks = report_blocks(report, templates, bank_dirs, draft)
    except DraftkitError as exc:
        raise DraftkitError(problems + exc.problems) from None
    if problems:
        raise DraftkitError(problems)
    findings: list = []
    if check:
        from draftkit.reading import from_report
        from draftkit.review import check as review

        findings = review(from_report(report, str(data), blocks))
        if any(f.severity == "error" for f in findings) and not (force or draft):
            return None, findings
    write_output(target, blocks_to_bytes(blocks, report, fmt))
    return target, findings
