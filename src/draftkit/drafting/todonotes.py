"""The words of a todo note (data/drafts.yaml): the note a bank sentence carries when it is
added to a draft (``confirm``: another office's practice, to confirm), and a note as the
browser shows it (``on_page``: no “todo 这一行” to delete there, a button to press)."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def _on_page() -> tuple[re.Pattern, dict[str, str]]:
    from draftkit.drafting.firstdraft import table

    words = table()["on_page"]
    return re.compile("|".join(re.escape(k) for k in sorted(words, key=len, reverse=True))), words


def for_page(note: str) -> str:
    """A todo note in the browser's words: 「删去todo这一行」 → 「点“确认保留”」."""
    pattern, words = _on_page()
    return pattern.sub(lambda m: words[m.group(0)], note) if note else note


def bank_note(part: str) -> str:
    """The note on a sentence taken from the phrase bank into ``part``: the same a first
    draft puts on its bank sentences (drafts.yaml confirm pick / plan_pick)."""
    from draftkit.drafting.firstdraft import table

    return table()["confirm"]["plan_pick" if part == "plan" else "pick"]
