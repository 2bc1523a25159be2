"""The picker's filter: the completer that narrows a topic's bank entries as one types.

A keystroke does a bounded amount of work (``BankCompleter.cap`` work units, about 2.5 ms of CPU
on the bench machine, whatever the bank and the query): what it has found so far is
shown, each row an entry holding every typed word, with a last row 「……继续查找」 while
the walk is not done. The walk then goes on, a bounded step at a time, between the
keys the user presses (see ``_keep_looking``), until the list is the plain filter's."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Iterator

from draftkit import slots
from draftkit.bank.phrasebank import Entry

PICK_LIMIT = 50  # completions shown while filtering
# Work units: a unit is about 0.25–0.4 µs on the bench machine. Scanning CHARS_PER_UNIT characters with
# str.find is one; landing on a hit and finding its entry is HIT_UNITS; testing another
# word in that entry is one (a conservative count: it costs less).
WORK_CAP = 5000
CHARS_PER_UNIT = 256
HIT_UNITS = 4
RARITY_SPAN = 1 << 16  # characters counted to tell which word is rarest
MORE = "……继续查找"
MORE_META = "可能还有，稍候列出"


class BankCompleter:
    """Completions from the bank entries of one part (and topic), best first: entries
    containing every typed word, ``first``'s order first (bank/recommend.py affinity: the
    issuer's own trade's), then more documents, then shorter."""

    def __init__(self, entries: list[Entry], year: int | None = None, cap: int = WORK_CAP,
                 builtins: dict | None = None, first: Callable[[Entry], int] | None = None):
        near = first or (lambda e: 0)
        self.entries = sorted(entries, key=lambda e: (near(e), -e.docs, len(e.text), e.id))
        self.cap = cap  # work units one keystroke may do
        self.work = 0  # work units the last step did
        self.done = True  # whether the last completions were all there are
        self.query = ""  # what the last step looked for
        self._excluded: set[int] = set()  # taken meanwhile: not offered again
        # Each text as the user reads it, and searches it: the report's own slots filled
        # ({全域} → 全县), the others as 【数字1】…
        builtins = builtins or {}
        self._texts = [e.text if "{" not in e.text else
                       slots.with_marks(slots.substitute(e.text, lambda n: str(builtins[n]) if n in builtins else None),
                                        slots.shown_names(e.text)) for e in self.entries]
        self._by_text = {t: e for t, e in zip(self._texts, self.entries)}
        # All texts in one string, best first: a word is looked for with str.find over the
        # whole bank at C speed, not entry by entry.
        self._all = "\n".join(self._texts)
        self._starts, pos = [], 0
        for t in self._texts:
            self._starts.append(pos)
            pos += len(t) + 1
        self._starts.append(pos)  # where a next entry would start: the end of a walk
        # query words → (the entries found, in order, and the first entry not looked at):
        # every entry before that one holding every word is in the list, up to its limit
        self._scans: dict[tuple[str, ...], tuple[list[int], int]] = {}
        self._rarities: dict[str, int] = {}
        self._metas: dict[int, str] = {}
        self._turn = 0  # which completion's walk goes on between keys (see _keep_looking)
        self._outdated = None
        if year:
            from draftkit.currency import outdated_pattern

            self._outdated = outdated_pattern(year)

    def entry_for(self, text: str) -> Entry | None:
        """The entry a picked line is, as shown (None: the user's own words)."""
        return self._by_text.get(text.strip())

    def exclude(self, entry_id: str | None) -> None:
        """An entry just taken: not offered again."""
        self._excluded |= {i for i, e in enumerate(self.entries) if e.id == entry_id}

    def status(self) -> str:
        """The line under the prompt: how many sentences there are, or that none holds the
        words typed."""
        words = self.query.split()
        if not words:
            return f" 本主题 {len(self.entries) - len(self._excluded)} 句：输入关键词筛选，Tab 或 ↑↓ 选择，回车确认"
        found = [i for i in self._scans.get(tuple(words), ([], 0))[0] if i not in self._excluded]
        if not found and self.done:
            return f" 没有含“{' '.join(words)}”的句子：换个关键词，或把这一句写完直接回车（自己写的句子）"
        more = "以上" if not self.done else ""
        return f" 找到 {len(found[:PICK_LIMIT])} 句{more}：Tab 或 ↑↓ 选择，回车确认"

    def outdated(self, e: Entry) -> str:
        """'过时提法' when the entry uses wording outdated for the report's year."""
        return "过时提法" if self._outdated is not None and self._outdated.search(e.text) else ""

    def matches(self, query: str, limit: int = PICK_LIMIT) -> list[Entry]:
        """Entries holding every word, in the completer's order, at most ``limit``: the
        plain filter's answer, however many bounded steps it takes."""
        while True:
            found, done = self.look(query, limit)
            if done:
                return found

    def look(self, query: str, limit: int = PICK_LIMIT) -> tuple[list[Entry], bool]:
        """One keystroke's bounded step: the entries found so far for ``query`` (each holds
        every word; in the completer's order; at most ``limit``) and whether that is all."""
        found, done = self._step(query, limit)
        return [self.entries[i] for i in found], done

    def _step(self, query: str, limit: int) -> tuple[list[int], bool]:
        """``look`` by entry index.

        A step starts from the furthest an earlier query got that this one narrows (its
        words each within the new ones: the same query, typing on, back to a query seen):
        the entries it matched are tested again and the walk goes on from where it
        stopped. The walk follows the rarest word through all texts with str.find (C
        speed), testing the others only in the entries it hits; it stops at ``limit``
        matches, at the end, or when the step has done ``cap`` units of work. Every part
        of a step counts its work against the cap: telling the rarest word (at most four
        new words a step, each at most an eighth of the cap), testing again, the walk."""
        words = [w for w in query.split() if "\n" not in w]
        self.work = 0
        self.query = query
        if not words:
            return list(range(min(limit, len(self.entries)))), True
        key = tuple(words)
        n = len(self._texts)
        word = self._rarest(words)
        found, first, moved = self._start(key)
        if len(found) < limit and first < n:
            first = self._walk(word, words, found, first, limit, moved)
        self._scans.pop(key, None)
        self._scans[key] = (found, first)
        while len(self._scans) > 64:
            del self._scans[next(iter(self._scans))]
        return found[:limit], len(found) >= limit or first >= n

    def _start(self, key: tuple[str, ...]) -> tuple[list[int], int, bool]:
        """Where a step for ``key`` starts: the earlier query it narrows that got furthest,
        its matches tested again within the cap (the same query's taken as they are); and
        whether testing them got anywhere."""
        if key in self._scans:
            found, first = self._scans[key]
            return list(found), first, False
        best: tuple[str, ...] | None = None
        for old, (_, first) in self._scans.items():
            if len(old) <= len(key) and all(a in b for a, b in zip(old, key)):
                if best is None or first >= self._scans[best][1]:
                    best = old
        if best is None:
            return [], 0, False
        matched, first = self._scans[best]
        texts, cost, found = self._texts, len(key), []
        for k, i in enumerate(matched):
            if self.work + cost > self.cap and k:
                return found, i, True  # every match before entry i is among those tested
            self.work += cost
            if all(w in texts[i] for w in key):
                found.append(i)
        return found, first, bool(matched)

    def _walk(self, word: str, words: list[str], found: list[int], first: int, limit: int, moved: bool) -> int:
        """Append to ``found`` the entries from ``first`` on holding every word (following
        ``word`` through the texts), until
        ``limit`` or the end or the cap; returns the index of the first entry not looked at.
        Each find is given an end within what is left of the cap, at an entry's start.
        Looks at one entry at least unless the step ``moved`` on already."""
        from bisect import bisect_right

        rest = [w for w in words if w != word]
        find, starts, texts, add = self._all.find, self._starts, self._texts, found.append
        n, i, work = len(texts), first, self.work
        reserve = HIT_UNITS + len(rest) + 1  # what landing on a hit may cost beyond the scan
        while len(found) < limit and i < n:
            pos = starts[i]
            left = self.cap - work - reserve
            stop = bisect_right(starts, pos + left * CHARS_PER_UNIT, i + 1, n + 1) - 1 if left > 0 else i
            if stop <= i:
                if i > first or moved:
                    break  # the cap is reached
                stop = i + 1
            hit = find(word, pos, starts[stop])
            if hit < 0:
                work += (starts[stop] - pos) // CHARS_PER_UNIT + 1
                i = stop
                continue
            work += (hit - pos) // CHARS_PER_UNIT + HIT_UNITS
            i = bisect_right(starts, hit, i, stop) - 1
            t = texts[i]
            for w in rest:  # a plain loop: a generator per hit costs more than the tests
                work += 1
                if w not in t:
                    break
            else:
                add(i)
            i += 1
        self.work = work
        return found[-1] + 1 if len(found) >= limit else i

    def _rarest(self, words: list[str]) -> str:
        """The word to walk by: the one occurring least in the first stretch of the texts
        (enough to tell), the longer on a tie. A word's count is kept; at most four new
        words are counted a step, each over at most an eighth of the cap's scanning: the
        others count as common until a later step counts them."""
        span = min(RARITY_SPAN, len(self._all), self.cap * CHARS_PER_UNIT // 8)
        new = 0
        for w in words:
            if w not in self._rarities and new < 4:
                new += 1
                self.work += span // CHARS_PER_UNIT
                self._rarities[w] = self._all.count(w, 0, span)
                if len(self._rarities) > 256:
                    del self._rarities[next(iter(self._rarities))]
        return min(words, key=lambda w: (self._rarities.get(w, span), -len(w)))

    def _meta(self, i: int) -> str:
        meta = self._metas.get(i)
        if meta is None:
            e = self.entries[i]
            names, old = "、".join(slots.shown_names(e.text).values()), self.outdated(e)
            meta = self._metas[i] = f"{e.docs}篇" + (f"，空位：{names}" if names else "") + (f"，{old}" if old else "")
        return meta

    def get_completions(self, document: Any, complete_event: Any) -> Iterator[Any]:
        """One bounded step's rows; a last row 「……继续查找」 (choosing it changes nothing)
        while the walk is not done."""
        from prompt_toolkit.completion import Completion

        query = document.text_before_cursor
        found, self.done = self._step(query, PICK_LIMIT)
        for i in found:
            if i in self._excluded:
                continue
            text = self._texts[i]
            yield Completion(text, start_position=-len(query), display=text[:60], display_meta=self._meta(i))
        if not self.done:
            yield Completion(query, start_position=-len(query), display=MORE, display_meta=MORE_META)

    async def get_completions_async(self, document: Any, complete_event: Any) -> AsyncIterator[Any]:
        for c in self.get_completions(document, complete_event):
            yield c
        self._turn += 1
        if not self.done:
            _keep_looking(self, document, self._turn)


def _keep_looking(completer: BankCompleter, document: Any, turn: int) -> None:
    """Go on with a walk its keystroke left undone, a bounded step per turn of the event
    loop (keys typed meanwhile are handled between steps), putting what each step finds
    into the shown list: the rows shown stay where they are, new ones come after them.
    Stops when the walk is done, or when a later completion (the text changed) has its
    own walk going on. A selected 「……继续查找」 row stays selected, at the end."""
    import asyncio

    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.buffer import CompletionState
    from prompt_toolkit.completion import CompleteEvent

    app = get_app()
    buffer, loop = app.current_buffer, asyncio.get_running_loop()
    query = document.text_before_cursor

    def step() -> None:
        if turn != completer._turn or not app.is_running:
            return
        state = buffer.complete_state
        shown = state.original_document if state is not None else buffer.document
        if shown.text_before_cursor != query:
            return  # the text changed: its completion has its own walk
        on_more = state is not None and state.complete_index == len(state.completions) - 1
        rows = list(completer.get_completions(document, CompleteEvent()))
        if state is None:  # prompt_toolkit drops a lone 「……继续查找」 row (it changes nothing)
            if rows:
                buffer.complete_state = CompletionState(document, rows)
        elif rows:
            state.completions[:] = rows
            if on_more:  # its text is the query's: nothing else changes
                state.complete_index = None if completer.done else len(rows) - 1
        else:
            buffer.complete_state = None
        buffer.on_completions_changed.fire()
        if not completer.done:
            loop.call_soon(step)

    loop.call_soon(step)
