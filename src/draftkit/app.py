"""What the commands do, above the layers they combine: render a data file after the
reviewer's checks, check any report file, import last year's report, mine a phrase bank
and look things up in it. The CLI (cli.py, which only reads the arguments and prints what
these return) and the interactive flow (drafting/) call these."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from draftkit.errors import DraftkitError


@dataclass
class Said:
    """What a command has to tell the user: lines for stdout, lines for stderr, and whether
    it found something the user must act on (the command then exits with 1)."""

    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    found: bool = False


def render_file(data: Path, out: Path | None = None, fmt: str | None = None,
                templates: Path | None = None, bank_dirs: list[Path] | None = None,
                force: bool = False, check: bool = True, draft: bool = False,
                reword=None) -> tuple[Path | None, list]:
    """Render and write the output; the reviewer's checks run on the paragraphs first.
    Returns the path written (None when the checks found errors and force is off) and
    the findings. A draft is written with what is still to be given shown as 【待填：…】
    and 【待写：…】, whatever the checks find (they report those placeholders).
    ``reword(report)``: the browser's own words for the todo notes, before the layout."""
    from draftkit.render.pipeline import (
        blocks_to_bytes,
        output_path,
        report_blocks,
        write_output,
    )
    from draftkit.outputs import target as checked_target
    from draftkit.report.loader import load_report_lenient

    target, fmt = output_path(data, out, fmt)
    checked_target(target)  # before any work: a name the system refuses, a device, a FIFO …
    if target.resolve() == data.resolve():
        raise DraftkitError(f"{target}: 输出文件不能覆盖数据文件")
    _check_inputs(target, templates, bank_dirs or [])
    report, problems = load_report_lenient(data, draft=draft)
    if reword is not None:
        reword(report)
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
        from draftkit.inputs import TEMPLATE_LIMIT, read_bytes

        for f in templates.glob("*.j2"):
            try:
                read_bytes(f, TEMPLATE_LIMIT, "模板").decode("utf-8-sig")
            except UnicodeDecodeError:
                raise DraftkitError(f"{f}: 模板文件不是 UTF-8 编码") from None
    if any(same_file(target, f) for f in inputs):
        raise DraftkitError(f"{target}: 输出文件是模板或短语库中的文件，不能覆盖它；请另给 -o")


def check_file(path: Path, last: Path | None = None) -> list:
    """The reviewer's findings on any report file (compared with last year's when given)."""
    from draftkit.reading.document import read
    from draftkit.review import check

    document = read(path)
    if last is not None:
        document.last = last
    return check(document)


@dataclass
class Batch:
    """A batch review: a row a report (batch/units.py), the files of the folders that are
    not reports, and the table's files written."""

    units: list = field(default_factory=list)
    others: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def check_batch(paths: list[Path], table: Path | None = None, progress=None, workers: int | None = None) -> Batch:
    """``draftkit check`` of several files or folders: each report checked on every core
    (batch/pool.py), a row a report, a file that cannot be read a row saying why; the
    table (.xlsx/.csv/.html) checked before any work and written at the end."""
    from draftkit.batch.pool import check_all
    from draftkit.batch.units import SAID, find_reports
    from draftkit.inputs import same_file

    for p in paths:
        if not os.path.lexists(p):
            raise DraftkitError(f"{p}: 文件或文件夹不存在")
    outputs: list[Path] = []
    if table is not None:
        from draftkit.batch.export import outputs_of

        outputs = outputs_of(table)
    reports, others = find_reports(paths)
    others = [f for f in others if not any(same_file(f, o) for o in outputs)]
    for path, _ in reports:
        if any(same_file(path, o) for o in outputs):
            raise DraftkitError(f"{table}: 表格是要检查的报告之一，不能覆盖它；请另给 --table")
    if not reports:
        raise DraftkitError(f"没有找到要检查的报告（{SAID}）：" + "、".join(map(str, paths)))
    batch = Batch(check_all(reports, workers, progress=progress), others)
    if table is not None:
        from draftkit.batch.export import write_table

        names = "、".join(p.name or str(p) for p in paths[:3]) + ("等" if len(paths) > 3 else "")
        batch.written = write_table(table, batch.units, f"法治政府建设情况报告审核汇总（{names}）")
    return batch


def load_bank(extra: list[Path], words: list[str] | None = None, limit: int | None = None):
    """The shipped phrase bank and the extra bank folders given."""
    from draftkit.bank.phrasebank import Bank, shipped_bank_dir

    for d in extra:
        if not d.is_dir():
            raise DraftkitError(f"{d}: 短语库文件夹不存在")
    return Bank.load(shipped_bank_dir(), *extra, words=words, limit=limit)


def check_outputs(*outputs: tuple[Path | None, str]) -> None:
    """Before any work or question: each output (path, what it is) is a name the system
    takes and nothing that must not be replaced is there (outputs.target)."""
    from draftkit.outputs import target

    for path, what in outputs:
        if path is not None:
            target(path, what)


def _warn(line: str) -> None:
    import sys

    print(line, file=sys.stderr)


def import_file(report: Path, output: Path, as_is: bool = False, force: bool = False,
                warn: Callable[[str], None] = _warn) -> Said:
    """``draftkit import``: last year's report as next year's draft (or as it is); a doubt
    about the text is told at once (``warn``)."""
    from draftkit import atomic
    from draftkit.continuity.importer import read_report
    from draftkit.continuity.rollover import carry_forward
    from draftkit.inputs import same_file
    from draftkit.outputs import check_name, target
    from draftkit.report.datafile import count_open, dump

    check_name(output)
    if os.path.isdir(output):
        raise DraftkitError(f"{output}: 这是一个文件夹，-o 应给出数据文件名，如 {output / 'data.yaml'}")
    target(output, "数据文件")
    if same_file(output, report):
        raise DraftkitError(f"{output}: 输出文件就是要导入的报告 {report}，不能覆盖它；请另给一个文件名")
    if output.exists() and not force:
        raise DraftkitError(f"{output} 已存在：为免覆盖已填写的内容，请换一个文件名，或加 --force")
    data, warning = read_report(report, force=force)
    if warning:
        warn(f"警告：{warning}")
    year = data["year"]
    flags: list[str] = []
    if as_is:
        header = f"# 由 draftkit import 从 {report.name} 导入（{year} 年度）\n"
    else:
        data, flags = carry_forward(data)
        data["based_on"] = str(report)
        header = (f"# 由 draftkit import 从 {report.name}（{year} 年度）生成的 {year + 1} 年度草稿。\n"
                  "# current: null 是今年的数值，待填；todo 是待写的内容，写好后改为 text。\n")
    atomic.write_text(output, dump(data, header))
    figures, todos = count_open(data)
    what = f"{year} 年度报告" if as_is else f"{year + 1} 年度草稿"
    said = Said([f"已导入 {report}，写出{what}：{output}"])
    if not as_is:
        said.out.append(f"待填：{figures} 个今年的数值，{todos} 条待写内容（含去年计划的落实情况）。")
    said.out += [f"提示：{flag}" for flag in flags]
    return said


def mine_to_bank(paths: list[Path], output: Path, progress=None, warn: Callable[[str], None] = _warn) -> Said:
    """``draftkit mine``: a phrase bank written to ``output`` from the reports under ``paths``;
    each file skipped is told (``warn``) once mining is done."""
    from draftkit.bank.phrasebank import bank_files, write_bank
    from draftkit.domain import PART_NAMES
    from draftkit.inputs import same_file
    from draftkit.mining.mine import mine
    from draftkit.outputs import check_name

    check_name(output)
    for p in paths:
        if not p.exists():
            raise DraftkitError(f"{p}: 文件或文件夹不存在")
    if os.path.lexists(output) and not os.path.isdir(output):
        raise DraftkitError(f"{output}: 这是一个文件，-o 应给出短语库文件夹")
    existing = bank_files(output)
    from draftkit.outputs import target

    for f in existing:  # replaced or removed: each must be a regular file (a FIFO, a device is refused)
        target(f, "短语库文件")
    for p in paths:
        if any(same_file(p, f) for f in existing):
            raise DraftkitError(f"{p}: 要挖掘的文件在输出的短语库文件夹中，会被覆盖；请另给 -o")
    result = mine(paths, progress)
    if progress:
        progress.done()
    for path, why in result.skipped:
        warn(f"{path}: 已跳过：{why}")
    if not result.files:
        raise DraftkitError("没有可以挖掘的文件，未写入短语库")
    written = write_bank(output, result.iter_phrases())
    result.close()  # the units spilled to disk (else removed at exit)
    replaced = sorted(f.name for f in existing if f in written)
    removed = sorted(f.name for f in existing if f not in written)
    summary = "，".join(f"{PART_NAMES[k]} {result.parts[k]}" for k in PART_NAMES if k in result.parts)
    said = Said([f"已从 {result.files} 个文件挖掘 {result.entries} 条短语（{summary}），写入 {output}"])
    if replaced or removed:
        what = [f"替换了原有的 {'、'.join(replaced)}"] if replaced else []
        what += [f"删去了不再有条目的 {'、'.join(removed)}"] if removed else []
        said.out.append(f"{output} 中" + "，".join(what) + "。")
    if result.skipped:
        said.err.append(f"有 {len(result.skipped)} 个文件被跳过。")
        said.found = True
    return said


def search_phrases(words: list[str], part: str | None, topic: str | None, move: str | None, limit: int,
                   bank_dirs: list[Path], graded_no: bool = False) -> Said:
    """``draftkit phrases search``: one line an entry found, best first; entries graded 不提供
    only when ``graded_no``."""
    from draftkit.domain import MOVE_NAMES, PART_NAMES, TOPIC_NAMES
    from draftkit.mining.grade import GRADE_NAMES

    first = None if part or topic or move else limit  # filtered: all
    hide = () if graded_no else ("no",)  # 不提供 (人名, 他处的专名 …) unless asked for
    bank = load_bank(bank_dirs, words, first)
    found = bank.search(words, part, topic, move, limit, hide)
    if first is not None and hide and len(found) < limit and \
            len(bank.ranked(words, None, None, None, limit)) > len(found):
        bank = load_bank(bank_dirs, words)  # some of the first were hidden: look further
        found = bank.search(words, part, topic, move, limit, hide)
    if not found:
        return Said(err=["没有找到符合条件的短语。" + ("" if graded_no else "（质量为“不提供”的不显示，加 --all 显示）")],
                    found=True)
    out = []
    for p in found:
        label = f"{PART_NAMES.get(p.part, p.part)}/{MOVE_NAMES.get(p.move, p.move)}/{TOPIC_NAMES.get(p.topic, p.topic)}"
        out.append(f"{p.id}  [{label}，{p.docs}篇，{GRADE_NAMES.get(p.grade, p.grade)}]  {p.text}")
    return Said(out=out)


def show_phrase(entry_id: str, bank_dirs: list[Path]) -> Said:
    """``draftkit phrases show``: an entry, its grade, levels and slots, where it was found,
    and how a data file refers to it."""
    from draftkit.domain import MOVE_NAMES, PART_NAMES, TOPIC_NAMES
    from draftkit.levels import levels_text
    from draftkit.mining.grade import GRADE_NAMES, reasons
    from draftkit.slots import builtin_slots

    p = load_bank(bank_dirs).get(entry_id)
    if p is None:
        raise DraftkitError(f"短语库中没有编号为“{entry_id}”的短语")
    why = "；".join(dict.fromkeys(w for g, w in reasons(p.text, p.kind, part=p.part) if g == p.grade))
    out = [p.text, f"编号：{p.id}",
           f"部分：{PART_NAMES.get(p.part, p.part)}（{p.part}）  作用：{MOVE_NAMES.get(p.move, p.move)}（{p.move}）"
           f"  主题：{TOPIC_NAMES.get(p.topic, p.topic)}（{p.topic}）  类型：{p.kind}",
           f"质量：{GRADE_NAMES.get(p.grade, p.grade)}（{p.grade}）" + (f"：{why}" if why else "")
           + f"  适用层级：{levels_text(p.levels) if p.levels else '所有层级'}"]
    if p.slots:
        from draftkit.slots import label

        out.append("空位：" + "，".join(f"{{{k}}}（{'自动填写' if k in builtin_slots() else label(k)}）" for k in p.slots))
    if p.writers:
        from draftkit.issuers import kinds

        names = [kinds()[k].name if k in kinds() else k for k in p.writers.split(",")]
        out.append("写它的机关：" + "、".join(names) + (f"（行业：{p.trades.replace(',', '、')}）" if p.trades else ""))
    years = "、".join(str(y) for y in p.years) or "未知"
    out.append(f"出现在 {p.docs} 篇文档中（年份：{years}）：")
    out += [f"  {src['file']} 第 {src['para']} 段" + (f"  {src['issuer']}" if src.get("issuer") else "")
            + (f"  {src['url']}" if src.get("url") else "") for src in p.sources]
    values = ", ".join(f"{k}: " for k in p.slots if k not in builtin_slots())
    out.append(f"在数据文件中引用：- {{phrase: {p.id}" + (f", values: {{{values}}}}}" if values else "}"))
    return Said(out=out)
