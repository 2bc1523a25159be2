"""The template environment: Jinja2's sandbox, strict about undefined names.

Templates write one paragraph a line, each line starting with its kind::

    ::title 标题   ::addressee 主送机关：   ::body 正文   ::h1 一、…   ::h2 （一）…
    ::h3 1.…   ::h4 （1）…   ::issuer 发文机关署名   ::date 成文日期

A line ``::part KEY`` is no paragraph: it says which part (opening, measures …, closing)
the paragraphs after it belong to, so that check reads the kinds and parts as they were
written instead of guessing them back from the text.

User values never contain a line break (the loader joins them), and a kind is read
only at the start of a line the template itself begins, so a value cannot change the
structure, and ``{{ 7*7 }}`` in a value is printed as it is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from draftkit.cnfmt import cn_number, ensure_stop, enumerate_items
from draftkit.domain import BLOCK_KINDS, PLACES
from draftkit.errors import DraftkitError, Loc, Problem
from draftkit.render.compose import ReportView

_LINE = re.compile(r"^::([a-z0-9]+)(?: (.*))?$")


@dataclass(frozen=True)
class Block:
    """One paragraph as the templates lay it out: its kind, text and part."""

    kind: str
    text: str
    part: str = ""  # opening / measures … / closing; "" where a template did not say


@functools.lru_cache(maxsize=8)
def make_env(override: Path | None = None):
    """One environment per template folder, so compiled templates are reused; Jinja
    still reloads a template whose file changed."""
    from jinja2 import ChoiceLoader, StrictUndefined

    from draftkit.render.sandbox import environment_class, template_folder
    from draftkit.resources import resource_dir

    loaders = []
    if override is not None:
        if not override.is_dir():
            raise DraftkitError(f"{override}: 模板文件夹不存在")
        loaders.append(template_folder(override))
    loaders.append(template_folder(resource_dir("templates")))
    options = dict(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)
    cls = environment_class()
    # no bytecode cache: compiled templates are kept in this environment (in memory) only,
    # never loaded as code from a file
    env = cls(loader=ChoiceLoader(loaders), **options)
    env.filters["enumerate_cn"] = enumerate_items
    env.filters["stop"] = ensure_stop
    env.filters["cn_number"] = cn_number
    return env


def render_blocks(view: ReportView, override: Path | None = None) -> list[Block]:
    """Render ``frame.j2`` (within the sandbox's budgets) and read its lines back as paragraphs."""
    from draftkit.render.sandbox import render_limited

    return parse_blocks(render_limited(make_env(override), "frame.j2", report=view))


def parse_blocks(text: str) -> list[Block]:
    blocks = []
    part = ""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m and m.group(1) == "part" and (m.group(2) or "").strip() in PLACES:
            part = m.group(2).strip()
            continue
        if not m or m.group(1) not in BLOCK_KINDS:
            raise DraftkitError(f"模板输出的第 {n} 行没有以 ::title/::body/::h1 等类型开头：{line[:40]}")
        body = (m.group(2) or "").strip()
        if body:
            blocks.append(Block(m.group(1), body, part if m.group(1) not in ("title", "addressee", "issuer", "date") else ""))
    return blocks
