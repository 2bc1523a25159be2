"""``draftkit check``: read a report as a reviewer at the next level up would — structure,
currency of the formulations, figures, language and form, substance, and last year's
report. Each finding has a stable code (codes.py), a severity, a place (part, paragraph,
and the line for text files), one Chinese line and, where there is one, a suggestion.

Rules read a ``reading.Document``: a report from outside is parsed, a data file is
rendered and keeps the kinds and parts its templates wrote.
"""

from __future__ import annotations

from pathlib import Path

from draftkit.domain import PLACES
from draftkit.reading.document import Document
from draftkit.review.context import Ctx, Finding
from draftkit.review.currency_rules import check_currency
from draftkit.review.figure_rules import check_figures
from draftkit.review.history_rules import check_history
from draftkit.review.claim_rules import check_claims
from draftkit.review.language_rules import check_language
from draftkit.review.level_rules import check_level
from draftkit.review.structure_rules import check_structure
from draftkit.review.substance_rules import check_substance

RULES = (check_structure, check_level, check_currency, check_figures, check_language, check_substance, check_claims, check_history)


def check(document: Document) -> list[Finding]:
    ctx = Ctx(document)
    for rule in RULES:
        rule(ctx)
    order = {key: i for i, key in enumerate(["", *PLACES])}
    return sorted(ctx.findings, key=lambda f: (f.paragraph == 0, f.paragraph, order.get(f.part, 99), f.code))


def check_file(path: Path) -> list[Finding]:
    from draftkit.reading.document import read

    return check(read(path))


__all__ = ["check", "check_file", "Finding", "RULES"]
