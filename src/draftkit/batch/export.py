"""The batch's table written where the reviewer asked (--table 汇总.xlsx|.csv|.html): the
files checked before any work, each written whole or not at all (outputs.py, atomic.py)."""

from __future__ import annotations

from pathlib import Path

from draftkit.batch.table import FINDINGS_SHEET, csv_bytes, xlsx_bytes
from draftkit.batch.units import Unit
from draftkit.errors import DraftkitError

FORMATS = (".xlsx", ".csv", ".html", ".htm")


def findings_csv_path(table: Path) -> Path:
    """Where a .csv table's findings go: beside it, 汇总.csv → 汇总-全部问题.csv."""
    return table.with_name(f"{table.stem}-{FINDINGS_SHEET}{table.suffix}")


def outputs_of(table: Path) -> list[Path]:
    """The files a table is written as, checked before any work: a format it can be
    written in, names the system takes, nothing there that must not be replaced."""
    from draftkit.outputs import target

    if table.suffix.lower() not in FORMATS:
        raise DraftkitError(f"{table}: 表格只能是 .xlsx、.csv 或 .html 文件")
    paths = [table] + ([findings_csv_path(table)] if table.suffix.lower() == ".csv" else [])
    for p in paths:
        target(p, "表格")
    return paths


def table_bytes(table: Path, units: list[Unit], title: str = "") -> list[tuple[Path, bytes]]:
    """The table in the format its suffix names, as (file, bytes): one file, or for .csv
    the findings' file first (the table's rows point into it), then the table."""
    suffix = table.suffix.lower()
    if suffix == ".xlsx":
        return [(table, xlsx_bytes(units))]
    if suffix == ".csv":
        units_csv, findings_csv = csv_bytes(units, findings_csv_path(table).name)
        return [(findings_csv_path(table), findings_csv), (table, units_csv)]
    from draftkit.batch.tablehtml import html_page

    return [(table, html_page(units, title).encode("utf-8"))]


def write_table(table: Path, units: list[Unit], title: str = "") -> list[Path]:
    """The table written in the format its suffix names; returns the files written."""
    from draftkit import atomic

    files = table_bytes(table, units, title)
    for path, body in files:
        atomic.write_bytes(path, body)
    return [table] + [path for path, _ in files if path != table]
