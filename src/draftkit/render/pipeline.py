"""The render pipeline: report model → view → templates → paragraphs (blocks) → docx/text."""

from __future__ import annotations

import os
from pathlib import Path

from draftkit.errors import DraftkitError
from draftkit.report.model import Report

FORMATS = ("docx", "md", "txt")


def phrase_ids(report: Report) -> set[str]:
    return {it.phrase for p in report.parts.values() for s in p.sections for it in s.items if it.phrase}


def report_blocks(report: Report, templates: Path | None = None, bank_dirs: list[Path] | None = None,
                  draft: bool = False):
    """The report's paragraphs as the templates lay them out (the bank loaded only if used)."""
    from draftkit.render.compose import build_view
    from draftkit.render.templating import render_blocks

    bank = None
    ids = phrase_ids(report)
    if ids:
        from draftkit.bank.phrasebank import Bank, shipped_bank_dir

        bank = Bank.load(shipped_bank_dir(), *(bank_dirs or []), only=ids)
    return render_blocks(build_view(report, bank, draft), templates)


def render_report(report: Report, fmt: str = "docx", templates: Path | None = None,
                  bank_dirs: list[Path] | None = None) -> bytes:
    return blocks_to_bytes(report_blocks(report, templates, bank_dirs), report, fmt)


def blocks_to_bytes(blocks, report: Report, fmt: str) -> bytes:
    if fmt == "docx":
        from draftkit.render.docx_writer import write_docx

        return write_docx(blocks, sealed=report.layout.sealed, bold_headings=report.layout.bold_headings)
    from draftkit.render.textout import to_markdown, to_text

    return (to_markdown(blocks) if fmt == "md" else to_text(blocks)).encode("utf-8")


def output_path(data: Path, out: Path | None, fmt: str | None) -> tuple[Path, str]:
    """Work out the output file and format from ``-o`` and ``--format``."""
    if out is not None:
        suffix = out.suffix.lower().lstrip(".")
        if fmt is None:
            fmt = suffix if suffix in FORMATS else "docx"
        elif suffix in FORMATS and suffix != fmt:
            raise DraftkitError(f"{out}: 文件扩展名 .{suffix} 与 --format {fmt} 不一致")
        if os.path.isdir(out):  # never raises: a name too long is refused by outputs.target
            out = out / f"{data.stem}.{fmt}"
        return out, fmt
    fmt = fmt or "docx"
    return data.with_suffix(f".{fmt}"), fmt


def write_output(target: Path, payload: bytes) -> None:
    from draftkit import atomic

    atomic.write_bytes(target, payload)  # a failure is one line naming the file
