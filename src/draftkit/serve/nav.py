"""The nav bar of every page (templates/base.html): (path, label), in the order shown."""

from __future__ import annotations

NAV: list[tuple[str, str]] = [
    ("/", "开始"),
    ("/batch", "批量审核"),
]
