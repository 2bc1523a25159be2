"""The picker's bounded keystrokes: a step never does more than its cap of work, never
shows an entry that does not hold every word, says 「……继续查找」 exactly while its walk
is not done, and once done gives the plain filter's list: typed on, backspaced, pasted,
matching nothing; in the completer alone and in the real prompt (pipe input)."""

from __future__ import annotations

import random

from prompt_toolkit.document import Document
from prompt_toolkit.output import DummyOutput

from conftest import paced_input

from draftkit.bank.phrasebank import Entry
from draftkit.drafting.picker import MORE, PICK_LIMIT, BankCompleter
from draftkit.drafting.prompter import Prompter

WORDS = ["行政复议", "执法", "规范性文件", "审核", "培训", "法治政府", "建设", "矛盾纠纷", "普法", "公平竞争"]
TAB, ENTER, BACKSPACE = "\t", "\r", "\x7f"


def _entries(n: int = 3000, seed: int = 7) -> list[Entry]:
    rng = random.Random(seed)
    texts = ["".join(rng.sample(WORDS, rng.randint(1, 4))) + f"第{i}条" for i in range(n)]
    return [Entry(f"p-{i:05d}", t, "measures", "result", "rules", "sentence", i % 7) for i, t in enumerate(texts)]


def _plain(c: BankCompleter, text: str, limit: int = PICK_LIMIT) -> list[Entry]:
    words = text.split()
    return [e for e in c.entries if all(w in e.text for w in words)][:limit]


def _steps(c: BankCompleter, text: str, limit: int = PICK_LIMIT) -> tuple[list[Entry], int]:
    """Step until done, checking each step on the way; the final list and the steps."""
    plain, steps = _plain(c, text, limit), 0
    while True:
        found, done = c.look(text, limit)
        steps += 1
        assert c.work <= c.cap, (text, c.work)
        assert found == plain[:len(found)], text  # what is shown holds every word, in order
        if done:
            return found, steps
        assert steps < 10000


SEQUENCES = ["执法 培训", "行政复议 审核", "普法 规范 建设", "条 规范性", "执法 无此词", "第1 行政", "培训 执法 审",
             "第2999条", "没有 这样的词", "公平竞争 矛盾纠纷 普法 执法"]


def test_bounded_steps_end_in_the_plain_filter_typed_backspaced_pasted():
    c = BankCompleter(_entries(), cap=40)
    rng = random.Random(5)
    many = 0
    for query in SEQUENCES:
        keys = [query[:k] for k in range(1, len(query) + 1)]  # typed on
        keys += [query[:k] for k in range(len(query) - 1, 0, -1)]  # backspaced
        keys += [rng.choice(SEQUENCES)]  # pasted
        for text in keys:
            if rng.random() < 0.3:  # a key before the last one's walk was done: the next key goes on
                c.look(rng.choice(keys))
            found, steps = _steps(c, text, rng.choice((1, 3, PICK_LIMIT)))
            assert found == _plain(c, text, len(found) if len(found) < PICK_LIMIT else PICK_LIMIT)[:len(found)]
            many += steps > 3
    assert many > 20  # the cap is small enough that walks need several steps


def test_pasted_queries_step_to_the_plain_filter():
    c = BankCompleter(_entries(), cap=40)
    for query in SEQUENCES + ["", "   ", "x", "第29"]:
        c._scans.clear()
        found, steps = _steps(c, query)
        assert found == _plain(c, query), query
    assert _steps(BankCompleter(_entries(), cap=40), "没有 这样的词")[1] > 3
    assert _steps(BankCompleter(_entries()), "没有 这样的词")[1] == 1  # the default cap walks 3,000 entries at once


def test_a_step_never_works_past_its_cap():
    c = BankCompleter(_entries(20000), cap=300)
    for query in ("执法 培训 审核 规范性文件", "没有", "第19999条", "行政复议 无此词", "普法"):
        c._scans.clear()
        works = []
        for _ in range(5):
            c.look(query)
            works.append(c.work)
        assert works[0] > 0 and max(works) <= 300, (query, works)  # a step done already costs nothing


def _rows(c: BankCompleter, text: str) -> list[str]:
    return [r.display_text for r in c.get_completions(Document(text), None)]


def test_the_more_row_shows_exactly_while_the_walk_is_not_done():
    c = BankCompleter(_entries(), cap=40)
    for query in ("执法 培训", "第2999条", "没有 这样的词", "普法"):
        c._scans.clear()
        plain = [e.text[:60] for e in _plain(c, query)]
        seen_more = False
        while True:
            rows = _rows(c, query)
            if rows and rows[-1] == MORE:
                assert not c.done and rows[:-1] == plain[:len(rows) - 1]
                seen_more = True
            else:
                assert c.done and rows == plain
                break
        assert seen_more, query
    # the one row 「……继续查找」 changes nothing when chosen: its text is the query's
    c._scans.clear()
    more = list(c.get_completions(Document("没有 这样"), None))[-1]
    assert more.text == "没有 这样" and more.start_position == -len("没有 这样")


class Recording(BankCompleter):
    """Records what each step gives prompt_toolkit: the rows' texts and whether done."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.given: list[tuple[str, list[str], bool]] = []

    def get_completions(self, document, complete_event):
        rows = list(super().get_completions(document, complete_event))
        self.given.append((document.text_before_cursor, [r.display_text for r in rows], self.done))
        yield from rows


def _typed(chunks) -> str:
    """The line after these chunks were typed (a backspace takes one character off)."""
    text = ""
    for chunk in chunks:
        for ch in chunk:
            text = text[:-1] if ch == BACKSPACE else text + ch if ch not in (TAB, ENTER) else text
    return text


def _pick(completer: "Recording", *chunks: str) -> str:
    """The real prompt, fed each chunk 0.3 s after the last (a person's pause) and once the
    prompt has listed what the chunks so far typed (a loaded machine lags behind the keys)."""
    def settled(k: int) -> bool:
        if chunks[k - 1] in (TAB, ENTER):
            return True
        given = completer.given[-1:] if isinstance(completer, Recording) else []
        return bool(given) and given[0][0] == _typed(chunks[:k]) and given[0][2]

    with paced_input(list(chunks), settled) as inp:
        return Prompter(input=inp, output=DummyOutput()).pick("选一句", completer)


def test_the_real_prompt_goes_on_while_the_user_pauses():
    entries = _entries()
    for chunks, query in ((("第2999条", TAB, ENTER), "第2999条"),  # pasted; found only late in the walk
                          (("规范性", "文件 第29", TAB, ENTER), "规范性文件 第29"),  # typed on
                          (("执法 第29无", BACKSPACE, "9", TAB, ENTER), "执法 第299"),  # backspaced, typed on
                          (("公平竞争 矛盾纠纷 普法 执法", TAB, ENTER), "公平竞争 矛盾纠纷 普法 执法")):
        c = Recording(entries, cap=40)
        plain = [e.text[:60] for e in _plain(c, query)]
        assert plain, query
        answer = _pick(c, *chunks)
        assert answer == _plain(c, query)[0].text, (query, answer)  # Tab took the first match, not 「……继续查找」
        given = [(rows, done) for text, rows, done in c.given if text == query]
        assert len(given) > 3 and given[-1] == (plain, True), query  # several steps, the last the plain filter
        for text, rows, done in c.given:  # every list shown: matches only, in order; 「……继续查找」 while not done
            sure = [e.text[:60] for e in _plain(c, text)]
            assert (rows[-1:] == [MORE]) != done and rows[:len(rows) - (not done)] == sure[:len(rows) - (not done)]


def test_the_real_prompt_shows_nothing_for_a_query_nothing_holds():
    c = Recording(_entries(), cap=40)
    assert _pick(c, "执法 没有这样的词", TAB, ENTER) == "执法 没有这样的词"  # one's own sentence
    assert c.given[-1] == ("执法 没有这样的词", [], True) and len(c.given) > 3
