"""The ``draftkit`` command: a thin layer over the modules. Imports stay lazy so that
the command starts fast; every failure is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, in Chinese, exit 2
        self.exit(2, f"draftkit: 命令参数有误：{message}（用 draftkit -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="draftkit", description="起草、检查年度法治政府建设情况报告")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    r = sub.add_parser("render", help="由 YAML 数据文件生成报告（.docx / .md / .txt）")
    r.add_argument("data", type=Path, help="数据文件（YAML）")
    r.add_argument("-o", "--output", type=Path, help="输出文件；默认与数据文件同名")
    r.add_argument("--format", choices=["docx", "md", "txt"], help="输出格式；默认按扩展名，否则 docx")
    r.add_argument("--templates", type=Path, help="自定义模板文件夹，同名文件替换内置模板")
    r.add_argument("--bank", type=Path, action="append", default=[], help="另加的短语库文件夹（可多次）")
    r.set_defaults(func=cmd_render)
    return p


def _version() -> str:
    from draftkit import __version__

    return f"draftkit {__version__}"


def cmd_render(args: argparse.Namespace) -> int:
    from draftkit.render import render_file

    target = render_file(args.data, args.output, args.format, args.templates, args.bank)
    print(f"已生成：{target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from draftkit.errors import DraftkitError

    try:
        return args.func(args)
    except DraftkitError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        if len(exc.problems) > 1:
            print(f"共 {len(exc.problems)} 处问题，未生成任何文件。", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("DRAFTKIT_DEBUG"):
            raise
        print(f"draftkit 内部错误：{type(exc).__name__}: {exc}（设置 DRAFTKIT_DEBUG=1 可查看详情）", file=sys.stderr)
        return 70
