"""The ``draftkit`` command: its arguments, and printing what the commands of app.py (and
render, diff, new --defaults of their packages) return. Imports stay lazy so that the
command starts fast; every failure is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from draftkit.cliparse import Parser
from draftkit.errors import ExitCode


def build_parser() -> argparse.ArgumentParser:
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

    c = sub.add_parser("check", help="像审核人一样检查报告（.docx/.txt/.md，.doc/.wps/.pdf，或 YAML 数据文件）")
    c.add_argument("files", type=Path, nargs="+", metavar="报告", help="要检查的报告；可以是多个文件或文件夹（含子文件夹）")
    c.add_argument("--json", action="store_true", help="以 JSON 输出，供其他工具使用")
    c.add_argument("--last", type=Path, metavar="去年的报告", help="去年的报告：检查去年的计划是否都有着落、不足是否原样重复")
    c.add_argument("--table", type=Path, metavar="表格", help="把每份报告一行的汇总表写到 .xlsx、.csv 或 .html 文件")
    c.set_defaults(func=cmd_check)

    n = sub.add_parser("new", help="按问题逐步起草报告（交互式）")
    n.add_argument("-o", "--answers", type=Path, default=Path("answers.yaml"), metavar="答案文件", help="答案文件（默认 answers.yaml）")
    n.add_argument("--resume", type=Path, metavar="答案文件", help="从上次中断处继续")
    n.add_argument("--docx", type=Path, metavar="报告", help="生成的报告；默认与答案文件同名")
    n.add_argument("--bank", type=Path, action="append", default=[], metavar="文件夹", help="另加的短语库文件夹（可多次）")
    n.add_argument("--from", dest="from_", type=Path, metavar="去年的报告", help="从去年的报告（.docx/.txt/.md，.doc/.wps/.pdf）开始")
    n.add_argument("--defaults", action="store_true", help="不提问，直接写出完整的初稿（需 --issuer）")
    n.add_argument("--issuer", metavar="名称", help="发文机关名称（与 --defaults 一起用）")
    n.add_argument("--level", metavar="层级", help="层级：省/市/县区/乡镇/部门；默认按名称判断")
    n.add_argument("--year", type=int, metavar="年度", help="报告年度；默认为下一份要交的报告")
    n.add_argument("--leader", metavar="职务", help="主要负责人的职务，如 县长、局长；默认按层级")
    n.set_defaults(func=cmd_new)

    im = sub.add_parser("import", help="把已有的报告（.docx/.txt/.md，.doc/.wps/.pdf）转成下一年度的数据文件")
    im.add_argument("file", type=Path, metavar="报告", help="去年的报告")
    im.add_argument("-o", "--output", type=Path, required=True, metavar="数据文件", help="写出的数据文件（YAML）")
    im.add_argument("--as-is", action="store_true", help="按原年度导入，不转为下一年度草稿")
    im.add_argument("--force", action="store_true", help="覆盖已有的数据文件；不像本单位年度报告的也照样导入（仍有警告）")
    im.set_defaults(func=cmd_import)

    df = sub.add_parser("diff", help="逐部分比较两份报告（YAML 或 .docx/.txt/.md）")
    df.add_argument("old", type=Path, metavar="去年的", help="去年的（或修改前的）")
    df.add_argument("new", type=Path, metavar="今年的", help="今年的（或修改后的）")
    df.set_defaults(func=cmd_diff)

    m = sub.add_parser("mine", help="从往年报告（.txt/.docx/.html/.md，.doc/.wps/.pdf）中挖掘短语库")
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

    sv = sub.add_parser("serve", help="在浏览器中起草、检查报告（只在本机打开）")
    sv.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="文件夹",
                    help="答案文件所在的文件夹（默认当前文件夹）；只读写其中的文件")
    sv.add_argument("--port", type=int, metavar="端口", help="端口号；默认自动选一个空闲的")
    sv.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    sv.set_defaults(func=cmd_serve)
    return p


MOST_SHOWN = 1_000_000  # more than any bank holds: -n 99999999999999999999 shows them all


def _positive(text: str) -> int:
    if len(text.strip()) > 30 or int(text) < 1:  # int() of a 5000-digit number costs; no count needs 30
        raise ValueError(text)
    return min(int(text), MOST_SHOWN)


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
    from draftkit.app import check_outputs, load_bank
    from draftkit.errors import DraftkitError

    check_outputs((args.resume or args.answers, "答案文件"), (args.docx, "报告"))
    if args.defaults:
        from draftkit.drafting.firstdraft import write_first_draft

        print(write_first_draft(args.answers, load_bank(args.bank), args.issuer, args.level, args.year, args.leader))
        return ExitCode.OK
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DraftkitError("draftkit new 需要在终端中交互使用；要由数据文件生成报告，请用 draftkit render 数据文件.yaml")
    from draftkit.drafting.session import new_draft

    return new_draft(args.resume or args.answers, args.resume is not None, args.from_, args.docx, args.bank)


def cmd_import(args: argparse.Namespace) -> int:
    from draftkit.app import import_file

    return _tell(import_file(args.file, args.output, args.as_is, args.force))


def cmd_diff(args: argparse.Namespace) -> int:
    from draftkit.continuity.diff import diff_files

    print(diff_files(args.old, args.new))
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    if len(args.files) > 1 or args.table or args.files[0].is_dir():
        return _check_batch(args)
    from draftkit.app import check_file
    from draftkit.review.output import format_human, format_json

    file = args.files[0]
    findings = check_file(file, args.last)
    print(format_json(str(file), findings) if args.json else format_human(str(file), findings))
    return ExitCode.FINDINGS if any(f.severity == "error" for f in findings) else ExitCode.OK


def _check_batch(args: argparse.Namespace) -> int:
    """Several reports, or a folder: a line a report (or JSON), the table if asked for."""
    from draftkit.app import check_batch
    from draftkit.errors import DraftkitError

    if args.last is not None:
        raise DraftkitError("--last 只能用于检查一份报告（去年的报告各单位不同）")
    bar = _progress_bar("检查中") if sys.stderr.isatty() else None
    batch = check_batch(args.files, args.table, bar)
    if bar:
        bar.done()
    if args.json:
        import json

        print(json.dumps([u.to_dict() for u in batch.units], ensure_ascii=False, indent=2))
    else:
        from draftkit.batch.tablehtml import counts_line

        for u in batch.units:
            said = f"未能检查：{u.problem}" if u.problem else (
                f"{u.errors} 个错误，{u.warnings} 个警告，{u.notes} 个提示" if u.findings else "没有发现问题")
            print(f"{u.file}：{said}")
        print(counts_line(batch.units).split("。")[0] + "。")
    if batch.others:
        shown = "、".join(f.name for f in batch.others[:5]) + ("等" if len(batch.others) > 5 else "")
        print(f"已跳过 {len(batch.others)} 个不是报告的文件：{shown}", file=sys.stderr)
    for path in batch.written:
        print(f"已写出表格：{path}", file=sys.stderr if args.json else sys.stdout)
    return ExitCode.FINDINGS if any(u.failed for u in batch.units) else ExitCode.OK


def cmd_serve(args: argparse.Namespace) -> int:
    from draftkit.serve.server import run

    return run(args.folder, args.port, not args.no_browser)


def cmd_mine(args: argparse.Namespace) -> int:
    from draftkit.app import mine_to_bank

    return _tell(mine_to_bank(args.paths, args.output, _progress_bar() if sys.stderr.isatty() else None))


class _progress_bar:
    """A bar on stderr (a terminal), shown once mining (or checking) has taken more than a second."""

    def __init__(self, doing: str = "挖掘中") -> None:
        self.start, self.shown, self.doing = __import__("time").monotonic(), False, doing

    def __call__(self, i: int, n: int, path: Path) -> None:
        import time

        if not self.shown and time.monotonic() - self.start < 1:
            return
        self.shown = True
        done = int(20 * i / max(n, 1))
        print(f"\r{self.doing} [{'#' * done}{'.' * (20 - done)}] {i}/{n} {path.name[:30]:<30}", end="", file=sys.stderr,
              flush=True)

    def done(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def cmd_phrases_search(args: argparse.Namespace) -> int:
    from draftkit.app import search_phrases

    return _tell(search_phrases(args.words, args.part, args.topic, args.move, args.limit, args.bank, args.all))


def cmd_phrases_show(args: argparse.Namespace) -> int:
    from draftkit.app import show_phrase

    return _tell(show_phrase(args.id, args.bank))


def _tell(said) -> int:
    """Print what a command of app.py has to say; exit 1 when it found something."""
    for line in said.out:
        print(line)
    for line in said.err:
        print(line, file=sys.stderr)
    return ExitCode.FINDINGS if said.found else ExitCode.OK


def _console() -> None:
    """What the console cannot show comes out as ?, never as a stop: cmd.exe writes in its
    code page (cp936 on Chinese Windows) when output goes to a file or a pipe, and a name
    or a report may hold characters no code page has (on Linux, bytes that are not UTF-8)."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", "") == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


_terminated = False  # a SIGTERM came: whatever it turned into on its way out (an import it cut short …) is it


def _terminate_as_interrupt() -> dict:
    """SIGTERM (kill, a logout, a service stopping), SIGHUP (the terminal window closed)
    and Windows' SIGBREAK end a command as Ctrl-C does: new saves its answers, mine
    removes its scratch folder, no half-written output stays. A second one while that
    is done is ignored. Returns the handlers it replaced (main puts them back)."""
    import signal

    def interrupt(signum, frame):
        global _terminated
        _terminated = True
        for sig in caught:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    caught = [s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP", "SIGBREAK")) if s is not None]
    before = {}
    for sig in caught:
        try:
            before[sig] = signal.signal(sig, interrupt)
        except (OSError, ValueError):  # not the main thread, or not allowed here
            pass
    return before


MAX_PROBLEMS = 20  # problems listed; the count says how many more


def main(argv: list[str] | None = None) -> int:
    _console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.INPUT
    replaced = _terminate_as_interrupt()
    try:
        return _run(args)
    finally:
        import signal

        for sig, handler in replaced.items():
            signal.signal(sig, handler)


def _run(args) -> int:
    """The command, each way it can end as one exit code and at most a few lines."""
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
        if _terminated:  # the interruption, turned into another error by the code it stopped
            print("已中断。", file=sys.stderr)
            return ExitCode.INTERRUPTED
        if os.environ.get("DRAFTKIT_DEBUG"):
            raise
        print(f"draftkit 内部错误：{type(exc).__name__}: {exc}（设置 DRAFTKIT_DEBUG=1 可查看详情）", file=sys.stderr)
        return ExitCode.INTERNAL
