"""The only module that talks to the terminal: questionary's prompts with Chinese
instructions and ``<`` for back, and the completer that filters the bank as one types.
``kwargs`` (input/output) pass through to prompt_toolkit, which the tests use to drive the
whole flow with pipe input."""

from __future__ import annotations

from typing import Any

from draftkit import rx
from draftkit import slots
from draftkit.bank.phrasebank import Entry
from draftkit.drafting.validators import BACK, Back, is_back

BACK_CHOICE = "← 返回上一步"
PICK_LIMIT = 50  # completions shown while filtering


class Prompter:
    """questionary with Chinese instructions and ``<`` for back; ``kwargs`` (input/output)
    are passed through to prompt_toolkit."""

    def __init__(self, **kwargs: Any):
        self.kwargs = kwargs

    def _ask(self, question) -> Any:
        return question.unsafe_ask()  # Ctrl-C raises KeyboardInterrupt: the flow saves first

    def text(self, message: str, default: str = "", validate=None, back: bool = True) -> str:
        import questionary

        hint = "（输入 < 返回上一步）" if back else ""
        answer = self._ask(questionary.text(message + hint, default=default, validate=validate, **self.kwargs))
        if back and is_back(answer):
            raise Back
        return answer.strip()

    def select(self, message: str, choices: list[str], default: str | None = None, back: bool = True) -> str:
        import questionary

        options = choices + ([BACK_CHOICE] if back else [])
        answer = self._ask(questionary.select(message, options, default=default, instruction="（↑↓ 选择，回车确认）",
                                              **self.kwargs))
        if answer == BACK_CHOICE:
            raise Back
        return answer

    def checkbox(self, message: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        """choices: (value, label, checked); an empty selection with nothing checked is back."""
        import questionary

        qs = [questionary.Choice(label, value=value, checked=checked) for value, label, checked in choices]
        qs.append(questionary.Choice(BACK_CHOICE, value=BACK))
        question = questionary.checkbox(message, qs, instruction="（空格勾选，回车确认）", **self.kwargs)
        _chinese_answer_line(question)
        answer = self._ask(question)
        if BACK in answer:
            raise Back
        return answer

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        return self._ask(questionary.confirm(message, default=default, **self.kwargs))

    def pick(self, message: str, completer) -> str:
        """Type to filter the bank; Tab/↑↓ through the matches; Enter on an empty line ends."""
        import questionary

        answer = self._ask(questionary.autocomplete(message + "（输入关键词筛选，空行回车结束，< 返回）", choices=[],
                                                    completer=completer, **self.kwargs))
        if is_back(answer):
            raise Back
        return answer.strip()


def _chinese_answer_line(question) -> None:
    """questionary's checkbox writes its answer line in English (“done (2 selections)”):
    every text control of the prompt has it said in Chinese instead."""
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.layout.controls import FormattedTextControl

    def chinese(fragments):
        out = []
        for style, text, *rest in to_formatted_text(fragments):
            if "answer" in style:
                text = rx.compile(r"^done \((\d+) selections\)$").sub(r"已选 \1 项", text)
                text = "未选" if text == "done" else text
            out.append((style, text, *rest))
        return out

    from prompt_toolkit.shortcuts import PromptSession

    for window in question.application.layout.find_all_windows():
        control = window.content
        text = getattr(control, "text", None) if isinstance(control, FormattedTextControl) else None
        for cell in getattr(text, "__closure__", None) or ():
            session = getattr(cell.cell_contents, "__self__", None)
            if isinstance(session, PromptSession):  # the prompt line reads its message on every redraw
                original = session.message
                session.message = lambda original=original: chinese(original() if callable(original) else original)
                return


def wrap(text: str, indent: str = "", end: str = "", width: int | None = None) -> str:
    """The whole text, wrapped at the screen edge (a Chinese character is two columns wide),
    each line after the first indented like the first."""
    import shutil
    import unicodedata

    width = width or max(20, shutil.get_terminal_size((80, 24)).columns - 1)
    pad = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in indent)
    lines, line, used = [], indent, pad
    for ch in text + end:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width and line.strip():
            lines.append(line)
            line, used = " " * pad, pad
        line += ch
        used += w
    lines.append(line)
    return "\n".join(lines)


class BankCompleter:
    """Completions from the bank entries of one part (and topic), best first: entries
    containing every typed word, more documents first, then shorter."""

    def __init__(self, entries: list[Entry], year: int | None = None):
        self.entries = sorted(entries, key=lambda e: (-e.docs, len(e.text), e.id))
        # All texts in one string, best first: a word is looked for with str.find over the
        # whole bank at C speed (a 50,000-entry bank in about a millisecond), not entry by entry.
        self._texts = [e.text for e in self.entries]
        self._all = "\n".join(self._texts)
        self._starts, pos = [], 0
        for e in self.entries:
            self._starts.append(pos)
            pos += len(e.text) + 1
        self._starts.append(pos)  # where a next entry would start: the end of a walk
        self._scans: dict[tuple[str, ...], tuple[list[int], int]] = {}  # query → (matches, entries looked at)
        self._outdated = None
        if year:
            from draftkit.currency import outdated_pattern

            self._outdated = outdated_pattern(year)

    def outdated(self, e: Entry) -> str:
        """'过时提法' when the entry uses wording outdated for the report's year."""
        return "过时提法" if self._outdated is not None and self._outdated.search(e.text) else ""

    def matches(self, query: str, limit: int = PICK_LIMIT) -> list[Entry]:
        """Entries holding every word, in the completer's order, at most ``limit``.

        Each keystroke narrows what an earlier one found when it can (its words each
        within the new ones: typing on, or back to a query seen): the entries it matched
        are tested again and the walk goes on from where it stopped. A walk follows the
        rarest word through all texts with str.find (C speed), testing the others only
        in the entries it hits, and stops at ``limit``."""
        words = [w for w in query.split() if "\n" not in w]
        if not words:
            return self.entries[:limit]
        key = tuple(words)
        texts = self._texts
        found, done = [], 0
        for old in reversed(self._scans):  # the latest query this one narrows
            if len(old) <= len(key) and all(a in b for a, b in zip(old, key)):
                found, done = self._scans[old]
                found = [i for i in found if all(w in texts[i] for w in words)]
                break
        if len(found) < limit and done < len(texts):
            done = self._walk(words, found, done, limit)
        self._scans.pop(key, None)
        self._scans[key] = (found, done)
        while len(self._scans) > 64:
            del self._scans[next(iter(self._scans))]
        return [self.entries[i] for i in found[:limit]]

    def _walk(self, words: list[str], found: list[int], first: int, limit: int) -> int:
        """Append to ``found`` the entries from ``first`` on holding every word, until
        ``limit``; returns the index of the first entry not looked at."""
        from bisect import bisect_right

        word = min(words, key=self._rarity)
        rest = [w for w in words if w != word]
        find, starts, texts, add = self._all.find, self._starts, self._texts, found.append
        pos = starts[first]
        while len(found) < limit:
            hit = find(word, pos)
            if hit < 0:
                return len(texts)
            i = bisect_right(starts, hit) - 1
            t = texts[i]
            for w in rest:  # a plain loop: a generator per hit costs more than the tests
                if w not in t:
                    break
            else:
                add(i)
            pos = starts[i + 1]  # on to the next entry (the last start is the end)
        return found[-1] + 1

    def _rarity(self, word: str) -> tuple[int, int]:
        """How often a word occurs in the first stretch of the texts (enough to tell which
        word to walk by, at a tenth of counting all), longer words first on a tie."""
        return self._all.count(word, 0, 1 << 18), -len(word)

    def get_completions(self, document, complete_event):
        from prompt_toolkit.completion import Completion

        query = document.text_before_cursor
        for e in self.matches(query):
            names = "、".join(slots.names(e.text))
            old = self.outdated(e)
            meta = f"{e.docs}篇" + (f"，空位：{names}" if names else "") + (f"，{old}" if old else "")
            yield Completion(e.text, start_position=-len(query), display=e.text[:60], display_meta=meta)

    async def get_completions_async(self, document, complete_event):
        for c in self.get_completions(document, complete_event):
            yield c
