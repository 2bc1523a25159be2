"""The ``draftkit`` command: a thin layer over the modules. Imports stay lazy so that
the command starts fast; every failure is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from draftkit.cliparse import Parser, untranslated
from draftkit.errors import ExitCode


def build_parser() -> argparse.ArgumentParser:
    with untranslated():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="draftkit", description="起草、检查年度法治政府建设情况报告")
    p.add_argument("--version", action="version", version=_version(), help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=Parser)

    r = sub.add_parser("render", help="由 YAML 数据文件生成报告（.docx / .md / .txt）")
    r.add_argument("data", type=Path, metavar="数据文件", help="YAML 数据文件")
    r.add_argument("-o", "--output", type=Path, metavar="文件", help="输出文件；默认与数据文件同名")
    r.add_argument("--format", choices=["docx", "md", "txt"], help="输出格式；默认按扩展名，否则 docx")
    r.add_argument("--templates", type=Path, metavar="文件夹", help="自定义模板文件夹，同名文件替换内置模板")
    r.add_argument("--bank", type=Path, action="append", default=[], metavar="文件夹", help="另加的短语库文件夹（可多次）")
    r.add_argument("--force", action="store_true", help="检查发现错误时仍然生成")
    r.add_argument("--draft", action="store_true", help="草稿：未填的数值显示为【待填：名称】、待写的内容显示为【待写：…】")
    r.set_defaults(func=cmd_render)

    c = sub.add_parser("check", help="像审核人一样检查报告（.docx/.txt/.md 或 YAML 数据文件）")
    c.add_argument("file", type=Path, metavar="报告", help="要检查的报告")
    c.add_argument("--json", action="store_true", help="以 JSON 输出，供其他工具使用")
    c.add_argument("--last", type=Path, metavar="去年的报告", help="去年的报告：检查去年的计划是否都有着落、不足是否原样重复")
    c.set_defaults(func=cmd_check)

    n = sub.add_parser("new", help="按问题逐步起草报告（交互式）")
    n.add_argument("-o", "--answers", type=Path, default=Path("answers.yaml"), metavar="答案文件", help="答案文件（默认 answers.yaml）")
    n.add_argument("--resume", type=Path, metavar="答案文件", help="从上次中断处继续")
    n.add_argument("--docx", type=Path, metavar="报告", help="生成的报告；默认与答案文件同名")
    n.add_argument("--bank", type=Path, action="append", default=[], metavar="文件夹", help="另加的短语库文件夹（可多次）")
    n.add_argument("--from", dest="from_", type=Path, metavar="去年的报告", help="从去年的报告（.docx/.txt/.md）开始")
    n.add_argument("--defaults", action="store_true", help="不提问，直接写出完整的初稿（需 --issuer）")
    n.add_argument("--issuer", metavar="名称", help="发文机关名称（与 --defaults 一起用）")
    n.add_argument("--level", metavar="层级", help="层级：省/市/县区/乡镇/部门；默认按名称判断")
    n.add_argument("--year", type=int, metavar="年度", help="报告年度；默认为下一份要交的报告")
    n.add_argument("--leader", metavar="职务", help="主要负责人的职务，如 县长、局长；默认按层级")
    n.set_defaults(func=cmd_new)

    im = sub.add_parser("import", help="把已有的报告（.docx/.txt/.md）转成下一年度的数据文件")
    im.add_argument("file", type=Path, metavar="报告", help="去年的报告")
    im.add_argument("-o", "--output", type=Path, required=True, metavar="数据文件", help="写出的数据文件（YAML）")
    im.add_argument("--as-is", action="store_true", help="按原年度导入，不转为下一年度草稿")
    im.add_argument("--force", action="store_true", help="覆盖已有的数据文件；不像本单位年度报告的也照样导入（仍有警告）")
    im.set_defaults(func=cmd_import)

    df = sub.add_parser("diff", help="逐部分比较两份报告（YAML 或 .docx/.txt/.md）")
    df.add_argument("old", type=Path, metavar="去年的", help="去年的（或修改前的）")
    df.add_argument("new", type=Path, metavar="今年的", help="今年的（或修改后的）")
    df.set_defaults(func=cmd_diff)

    m = sub.add_parser("mine", help="从往年报告（.txt/.docx/.html/.md）中挖掘短语库")
    m.add_argument("paths", type=Path, nargs="+", metavar="文件或文件夹", help="文件或文件夹")
    m.add_argument("-o", "--output", type=Path, required=True, metavar="短语库文件夹", help="短语库文件夹")
    m.set_defaults(func=cmd_mine)

    ph = sub.add_parser("phrases", help="查找、查看短语库中的句子")
    phs = ph.add_subparsers(dest="phrases_command", metavar="操作", parser_class=Parser, required=True)
    s = phs.add_parser("search", help="按关键词查找")
    s.add_argument("words", nargs="*", metavar="关键词", help="关键词（可多个，空格分隔）")
    s.add_argument("--part", metavar="部分", help="部分：opening/measures/shortcomings/leadership/plan/closing，或中文名")
    s.add_argument("--topic", metavar="主题", help="主题，如 rules（依法行政制度体系）")
    s.add_argument("--move", metavar="作用", help="作用，如 result（量化成效）")
    s.add_argument("-n", "--limit", type=_positive, default=20, metavar="条数", help="最多显示几条（默认 20）")
    s.add_argument("--bank", type=Path, action="append", default=[], metavar="文件夹", help="另加的短语库文件夹（可多次）")
    s.add_argument("--all", action="store_true", help="也显示质量为“不提供”的句子（人名、别处的专名等）")
    s.set_defaults(func=cmd_phrases_search)
    sh = phs.add_parser("show", help="查看一条短语及其出处")
    sh.add_argument("id", metavar="编号", help="短语编号，如 p-1a2b3c4d5e")
    sh.add_argument("--bank", type=Path, action="append", default=[], metavar="文件夹", help="另加的短语库文件夹（可多次）")
    sh.set_defaults(func=cmd_phrases_show)
    return p


def _positive(text: str) -> int:
    if int(text) < 1:
        raise ValueError(text)
    return int(text)


def _version() -> str:
    from draftkit import __version__

    return f"draftkit {__version__}"


def cmd_render(args: argparse.Namespace) -> int:
    from draftkit.app import render_file

    target, findings = render_file(args.data, args.output, args.format, args.templates, args.bank,
                                   force=args.force, draft=args.draft)
    if findings:
        from draftkit.review.output import format_human

        print(format_human(f"检查 {args.data}", findings), file=sys.stderr)
    if target is None:
        print("检查发现错误，未生成文件；改正后重试，或加 --force 仍然生成。", file=sys.stderr)
        return ExitCode.FINDINGS
    print(f"已生成：{target}")
    return ExitCode.OK


def cmd_new(args: argparse.Namespace) -> int:
    from draftkit.errors import DraftkitError

    if args.defaults:
        from draftkit.drafting.firstdraft import write_first_draft

        print(write_first_draft(args.answers, _load_bank(args.bank), args.issuer, args.level, args.year, args.leader))
        return ExitCode.OK
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DraftkitError("draftkit new 需要在终端中交互使用；要由数据文件生成报告，请用 draftkit render 数据文件.yaml")
    answers = args.resume or args.answers
    if args.resume is None and answers.exists():
        raise DraftkitError(f"{answers} 已存在：继续上次的请用 draftkit new --resume {answers}，"
                            "重新开始请用 -o 另指定文件名")
    if args.resume is not None and not answers.exists():
        raise DraftkitError(f"{answers}: 文件不存在")
    for d in args.bank:
        if not d.is_dir():
            raise DraftkitError(f"{d}: 短语库文件夹不存在")
    start = None
    if args.from_ is not None:
        if args.resume is not None:
            raise DraftkitError("--from 和 --resume 不能同时使用")
        from draftkit.continuity.importer import import_report
        from draftkit.continuity.rollover import carry_forward

        start, flags = carry_forward(import_report(args.from_))
        start["based_on"] = str(args.from_)
        for flag in flags:
            print(f"提示：{flag}")
    from concurrent.futures import ThreadPoolExecutor

    def load_later():
        # Load once the first question is on screen: a large bank loading at start-up
        # would hold the interpreter while the prompt is drawn. It is first needed several
        # questions later.
        import time

        time.sleep(0.25)
        return _load_bank(args.bank)

    with ThreadPoolExecutor(max_workers=1) as pool:
        bank = pool.submit(load_later)
        from draftkit.drafting.flow import run
        from draftkit.drafting.prompter import Prompter

        return run(answers, args.resume is not None, bank.result, Prompter(), output=args.docx,
                   bank_dirs=args.bank, start=start)


def cmd_import(args: argparse.Namespace) -> int:
    from draftkit import atomic
    from draftkit.continuity.importer import read_report
    from draftkit.continuity.rollover import carry_forward
    from draftkit.errors import DraftkitError
    from draftkit.inputs import same_file
    from draftkit.report.datafile import count_open, dump

    if args.output.is_dir():
        raise DraftkitError(f"{args.output}: 这是一个文件夹，-o 应给出数据文件名，如 {args.output / 'data.yaml'}")
    if same_file(args.output, args.file):
        raise DraftkitError(f"{args.output}: 输出文件就是要导入的报告 {args.file}，不能覆盖它；请另给一个文件名")
    if args.output.exists() and not args.force:
        raise DraftkitError(f"{args.output} 已存在：为免覆盖已填写的内容，请换一个文件名，或加 --force")
    data, warning = read_report(args.file, force=args.force)
    print(f"警告：{warning}", file=sys.stderr) if warning else None
    year = data["year"]
    flags: list[str] = []
    if args.as_is:
        header = f"# 由 draftkit import 从 {args.file.name} 导入（{year} 年度）\n"
    else:
        data, flags = carry_forward(data)
        data["based_on"] = str(args.file)
        header = (f"# 由 draftkit import 从 {args.file.name}（{year} 年度）生成的 {year + 1} 年度草稿。\n"
                  "# current: null 是今年的数值，待填；todo 是待写的内容，写好后改为 text。\n")
    atomic.write_text(args.output, dump(data, header))
    figures, todos = count_open(data)
    what = f"{year} 年度报告" if args.as_is else f"{year + 1} 年度草稿"
    print(f"已导入 {args.file}，写出{what}：{args.output}")
    if not args.as_is:
        print(f"待填：{figures} 个今年的数值，{todos} 条待写内容（含去年计划的落实情况）。")
    for flag in flags:
        print(f"提示：{flag}")
    return ExitCode.OK


def cmd_diff(args: argparse.Namespace) -> int:
    from draftkit.continuity.diff import diff_files

    print(diff_files(args.old, args.new))
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    from draftkit.reading.document import read
    from draftkit.review import check
    from draftkit.review.output import format_human, format_json

    document = read(args.file)
    if args.last is not None:
        document.last = args.last
    findings = check(document)
    print(format_json(str(args.file), findings) if args.json else format_human(str(args.file), findings))
    return ExitCode.FINDINGS if any(f.severity == "error" for f in findings) else ExitCode.OK


def cmd_mine(args: argparse.Namespace) -> int:
    from draftkit.bank.phrasebank import write_bank
    from draftkit.domain import PART_NAMES
    from draftkit.errors import DraftkitError
    from draftkit.mining.mine import mine

    for p in args.paths:
        if not p.exists():
            raise DraftkitError(f"{p}: 文件或文件夹不存在")
    if args.output.exists() and not args.output.is_dir():
        raise DraftkitError(f"{args.output}: 这是一个文件，-o 应给出短语库文件夹")
    from draftkit.bank.phrasebank import bank_files
    from draftkit.inputs import same_file

    existing = bank_files(args.output)
    for p in args.paths:
        if any(same_file(p, f) for f in existing):
            raise DraftkitError(f"{p}: 要挖掘的文件在输出的短语库文件夹中，会被覆盖；请另给 -o")
    progress = _progress_bar() if sys.stderr.isatty() else None
    result = mine(args.paths, progress)
    if progress:
        progress.done()
    for path, why in result.skipped:
        print(f"{path}: 已跳过：{why}", file=sys.stderr)
    if not result.files:
        raise DraftkitError("没有可以挖掘的文件，未写入短语库")
    written = write_bank(args.output, result.iter_phrases())
    result.close()  # the units spilled to disk (else removed at exit)
    replaced = sorted(f.name for f in existing if f in written)
    removed = sorted(f.name for f in existing if f not in written)
    summary = "，".join(f"{PART_NAMES[k]} {result.parts[k]}" for k in PART_NAMES if k in result.parts)
    print(f"已从 {result.files} 个文件挖掘 {result.entries} 条短语（{summary}），写入 {args.output}")
    if replaced or removed:
        what = [f"替换了原有的 {'、'.join(replaced)}"] if replaced else []
        what += [f"删去了不再有条目的 {'、'.join(removed)}"] if removed else []
        print(f"{args.output} 中" + "，".join(what) + "。")
    if result.skipped:
        print(f"有 {len(result.skipped)} 个文件被跳过。", file=sys.stderr)
        return ExitCode.FINDINGS
    return ExitCode.OK


class _progress_bar:
    """A bar on stderr (a terminal), shown once mining has taken more than a second."""

    def __init__(self) -> None:
        self.start, self.shown = __import__("time").monotonic(), False

    def __call__(self, i: int, n: int, path: Path) -> None:
        import time

        if not self.shown and time.monotonic() - self.start < 1:
            return
        self.shown = True
        done = int(20 * i / max(n, 1))
        print(f"\r挖掘中 [{'#' * done}{'.' * (20 - done)}] {i}/{n} {path.name[:30]:<30}", end="", file=sys.stderr,
              flush=True)

    def done(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def _load_bank(extra: list[Path], words: list[str] | None = None, limit: int | None = None):
    from draftkit.bank.phrasebank import Bank, shipped_bank_dir
    from draftkit.errors import DraftkitError

    for d in extra:
        if not d.is_dir():
            raise DraftkitError(f"{d}: 短语库文件夹不存在")
    return Bank.load(shipped_bank_dir(), *extra, words=words, limit=limit)


def cmd_phrases_search(args: argparse.Namespace) -> int:
    from draftkit.domain import MOVE_NAMES, PART_NAMES, TOPIC_NAMES

    from draftkit.mining.grade import GRADE_NAMES

    limit = None if args.part or args.topic or args.move else args.limit  # filtered: all
    hide = () if args.all else ("no",)  # 不提供 (人名, 他处的专名 …) unless asked for
    bank = _load_bank(args.bank, args.words, limit)
    found = bank.search(args.words, args.part, args.topic, args.move, args.limit, hide)
    if limit is not None and hide and len(found) < args.limit and \
            len(bank.ranked(args.words, None, None, None, args.limit)) > len(found):
        bank = _load_bank(args.bank, args.words)  # some of the first were hidden: look further
        found = bank.search(args.words, args.part, args.topic, args.move, args.limit, hide)
    if not found:
        print("没有找到符合条件的短语。" + ("" if args.all else "（质量为“不提供”的不显示，加 --all 显示）"),
              file=sys.stderr)
        return ExitCode.FINDINGS
    for p in found:
        label = f"{PART_NAMES.get(p.part, p.part)}/{MOVE_NAMES.get(p.move, p.move)}/{TOPIC_NAMES.get(p.topic, p.topic)}"
        print(f"{p.id}  [{label}，{p.docs}篇，{GRADE_NAMES.get(p.grade, p.grade)}]  {p.text}")
    return ExitCode.OK


def cmd_phrases_show(args: argparse.Namespace) -> int:
    from draftkit.domain import MOVE_NAMES, PART_NAMES, TOPIC_NAMES
    from draftkit.errors import DraftkitError

    bank = _load_bank(args.bank)
    p = bank.get(args.id)
    if p is None:
        raise DraftkitError(f"短语库中没有编号为“{args.id}”的短语")
    from draftkit.slots import builtin_slots

    print(p.text)
    print(f"编号：{p.id}")
    print(f"部分：{PART_NAMES.get(p.part, p.part)}（{p.part}）  作用：{MOVE_NAMES.get(p.move, p.move)}（{p.move}）"
          f"  主题：{TOPIC_NAMES.get(p.topic, p.topic)}（{p.topic}）  类型：{p.kind}")
    from draftkit.levels import levels_text
    from draftkit.mining.grade import GRADE_NAMES, reasons

    why = "；".join(dict.fromkeys(w for g, w in reasons(p.text, p.kind, part=p.part) if g == p.grade))
    print(f"质量：{GRADE_NAMES.get(p.grade, p.grade)}（{p.grade}）" + (f"：{why}" if why else "")
          + f"  适用层级：{levels_text(p.levels) if p.levels else '所有层级'}")
    if p.slots:
        print("空位：" + "，".join(f"{{{k}}} {v}" for k, v in p.slots.items()))
    years = "、".join(str(y) for y in p.years) or "未知"
    print(f"出现在 {p.docs} 篇文档中（年份：{years}）：")
    for src in p.sources:
        print(f"  {src['file']} 第 {src['para']} 段")
    values = ", ".join(f"{k}: " for k in p.slots if k not in builtin_slots())
    print(f"在数据文件中引用：- {{phrase: {p.id}" + (f", values: {{{values}}}}}" if values else "}"))
    return ExitCode.OK


MAX_PROBLEMS = 20  # problems listed; the count says how many more


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.INPUT
    from draftkit.errors import DraftkitError

    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader went away (| head): end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except DraftkitError as exc:
        for problem in exc.problems[:MAX_PROBLEMS]:
            print(problem, file=sys.stderr)
        if len(exc.problems) > MAX_PROBLEMS:
            print(f"共 {len(exc.problems)} 处问题（只列出前 {MAX_PROBLEMS} 处），未生成任何文件。", file=sys.stderr)
        elif len(exc.problems) > 1:
            print(f"共 {len(exc.problems)} 处问题，未生成任何文件。", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("DRAFTKIT_DEBUG"):
            raise
        print(f"draftkit 内部错误：{type(exc).__name__}: {exc}（设置 DRAFTKIT_DEBUG=1 可查看详情）", file=sys.stderr)
        return ExitCode.INTERNAL
