"""Plain text and Markdown for web publication: the same paragraphs as the .docx."""

from __future__ import annotations


import re

from draftkit.render.templating import Block

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")


def md_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup, so a value stays text."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line that starts like a list item or a numbered list would become one.
    return re.compile(r"^([+\-])(\s)").sub(r"\\\1\2", re.compile(r"^(\d+)\.(\s)").sub(r"\1\\.\2", text))


_MD_PREFIX = {"title": "# ", "h1": "## ", "h2": "### ", "h3": "#### ", "h4": "#### "}


def to_markdown(blocks: list[Block]) -> str:
    """Title and headings as Markdown headings; every other block a paragraph."""
    return "\n\n".join(_MD_PREFIX.get(b.kind, "") + md_escape(b.text) for b in blocks) + "\n"


def to_text(blocks: list[Block]) -> str:
    """One paragraph a line, a blank line between; body paragraphs keep no indent."""
    return "\n\n".join(b.text for b in blocks) + "\n"
