"""The reviewer's table of a batch: its columns once, and the table as .xlsx (two sheets:
the units, and every finding of every unit, each row's link going to its unit's
findings) and as .csv (UTF-8 with a BOM, so that Excel on Chinese Windows reads it; every
finding in a second .csv beside it, each row saying where its unit's findings start).
The .html page is tablehtml.py; export.py writes them."""

from __future__ import annotations

import csv
import io
import re

from draftkit.batch.units import Unit

HEAD = ("序号", "文件", "发文机关", "层级", "年度", "结论", "错误", "警告", "提示", "缺少的部分", "安排年度",
        "待填空位", "同比错误", "主要问题", "全部问题")
NUMERIC = {"序号", "年度", "错误", "警告", "提示", "安排年度", "待填空位", "同比错误"}
FINDINGS_HEAD = ("序号", "文件", "部分", "位置", "级别", "编号", "说明", "建议")
FINDINGS_SHEET = "全部问题"


def verdict(unit: Unit) -> str:
    if unit.problem:
        return "未能检查"
    return f"有 {unit.errors} 个错误" if unit.errors else "没有错误"


def finding_text(f: dict) -> str:
    """A finding in the row: 第5段 错误 F001 …, without the suggestion (the link shows it)."""
    from draftkit.review.context import Finding
    from draftkit.review.output import place, said

    finding = Finding(**{**f, "suggestion": ""})
    return " ".join(x for x in (place(finding), said(finding)) if x)


def link_label(unit: Unit) -> str:
    return "原因" if unit.problem else (f"全部 {len(unit.findings)} 条" if unit.findings else "没有问题")


def top_text(unit: Unit) -> str:
    """The row's main findings, one a line; for a file not read, why."""
    if unit.problem:
        return unit.problem
    if not unit.findings:
        return "没有发现问题"
    more = len(unit.findings) - len(unit.top())
    return "\n".join([finding_text(f) for f in unit.top()] + ([f"……另有 {more} 条"] if more > 0 else []))


def cells(n: int, unit: Unit) -> list:
    """The row's values under HEAD (the last, the link, is filled in by each format)."""
    blank = "" if unit.problem else None
    return [n, unit.file, unit.issuer, unit.level, unit.year or "", verdict(unit),
            *((blank,) * 3 if unit.problem else (unit.errors, unit.warnings, unit.notes)),
            "、".join(unit.missing), unit.plan_year or "",
            *((blank,) * 2 if unit.problem else (unit.blanks, unit.yoy_errors)), top_text(unit), ""]


def finding_rows(n: int, unit: Unit) -> list[list]:
    """The unit's findings under FINDINGS_HEAD; a file not read is one row saying why."""
    from draftkit.domain import PART_NAMES
    from draftkit.review.context import SEVERITY_NAMES, Finding
    from draftkit.review.output import place

    if unit.problem:
        return [[n, unit.file, "", "", "未能检查", "", unit.problem, ""]]
    if not unit.findings:
        return [[n, unit.file, "", "", "", "", "没有发现问题", ""]]
    return [[n, unit.file, PART_NAMES.get(f["part"], "全文") if f["part"] else "全文",
             place(Finding(**f)) or "全文", SEVERITY_NAMES[f["severity"]], f["code"], f["message"], f["suggestion"]]
            for f in unit.findings]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value) -> object:
    """A text Excel would run as a formula (=, +, -, @ first) kept as text by a leading '."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA) else value


def csv_bytes(units: list[Unit], findings_name: str) -> tuple[bytes, bytes]:
    """The units' table and the findings' table, UTF-8 with a BOM (Excel's sign of UTF-8)."""
    first, second = io.StringIO(), io.StringIO()
    w1, w2 = csv.writer(first, lineterminator="\r\n"), csv.writer(second, lineterminator="\r\n")
    w1.writerow(HEAD)
    w2.writerow(FINDINGS_HEAD)
    line = 2
    for n, unit in enumerate(units, 1):
        rows = finding_rows(n, unit)
        row = cells(n, unit)
        row[-1] = f"见 {findings_name} 第 {line} 行起（{len(unit.findings)} 条）"
        w1.writerow([_csv_safe(v) for v in row])
        w2.writerows([[_csv_safe(v) for v in r] for r in rows])
        line += len(rows)
    return ("\ufeff" + first.getvalue()).encode("utf-8"), ("\ufeff" + second.getvalue()).encode("utf-8")


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what an .xlsx cannot hold


def _put(ws, row: int, col: int, value):
    """A value in a cell as text or number: a text is never taken for a formula."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_bytes(units: list[Unit]) -> bytes:
    """The .xlsx: sheet 汇总 (a row a unit, its link going to the unit's first finding on
    sheet 全部问题), frozen header, widths a reviewer can read, filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    fs = wb.create_sheet(FINDINGS_SHEET)
    # every cell wraps at the top: one named style, given by name (a cell's own Alignment is
    # looked up in the workbook's styles each time, most of the time a batch of 60 took to write)
    wb.add_named_style(NamedStyle("换行", alignment=Alignment(wrap_text=True, vertical="top")))
    bold, wrap = Font(bold=True), "换行"
    red = PatternFill("solid", fgColor="FDE2E1")
    for sheet, head in ((ws, HEAD), (fs, FINDINGS_HEAD)):
        for c, name in enumerate(head, 1):
            _put(sheet, 1, c, name).font = bold
        sheet.freeze_panes = "C2" if sheet is ws else "A2"
    line = 2
    for n, unit in enumerate(units, 1):
        rows = finding_rows(n, unit)
        for c, value in enumerate(cells(n, unit), 1):
            cell = _put(ws, n + 1, c, value)
            cell.style = wrap
            if c == 6 and unit.failed:
                cell.fill = red
        link = _put(ws, n + 1, len(HEAD), link_label(unit))
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{FINDINGS_SHEET}'!A{line}")
        link.font = Font(color="0563C1", underline="single")
        for r in rows:
            for c, value in enumerate(r, 1):
                _put(fs, line, c, value).style = wrap
            line += 1
    for sheet, widths in ((ws, (5, 28, 26, 6, 6, 12, 6, 6, 6, 22, 8, 8, 8, 70, 10)),
                          (fs, (5, 28, 16, 14, 6, 7, 70, 40))):
        for c, width in enumerate(widths, 1):
            sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = width
        sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
