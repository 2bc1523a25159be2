"""The structures that keep mining and the bank fast at province scale give the answers
the plain ways give: the bounded gram table, the first-gram index of formula pieces,
the picker's whole-bank find, and phrase search."""

from __future__ import annotations

import random

from draftkit.bank.phrasebank import Bank, Entry, Phrase
from draftkit.drafting.picker import BankCompleter
from draftkit.mining.formulas import MANY, MAX_DOCS, GramTable, PieceIndex, count, meet

WORDS = ["行政复议", "执法", "规范性文件", "审核", "培训", "法治政府", "建设", "矛盾纠纷", "普法", "公平竞争"]


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.sample(WORDS, rng.randint(1, 4))) + f"第{i}条" for i in range(n)]


def test_gram_table_is_exact_while_documents_are_few_then_many():
    t = GramTable()
    for doc in range(MAX_DOCS + 3):
        t.add("推进法治政府建设", doc)
        if doc < 2:
            t.add("全面落实行政执法", doc)
    assert count(t.docs("全面落实行政执法")) == 2 and t.docs("全面落实行政执法") == (0, 1)
    assert t.docs("推进法治政府建设") == MANY and count(None) == 0
    assert meet((0, 1, 5), (1, 5, 9)) == (1, 5) and meet(MANY, (2, 3)) == (2, 3) and meet(4, (1, 2)) is None


def test_gram_table_lets_single_document_grams_go_past_its_bound():
    t = GramTable(max_grams=10)
    t.add("一二三四五六七八", 0)
    t.add("一二三四五六七八", 1)  # shared: kept
    t.add("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未", 2)  # eleven new grams in one document
    assert t.docs("一二三四五六七八") == (0, 1)
    assert t.docs("甲乙丙丁戊己庚辛") is None and t.pruned == 11 and len(t) == 1


def test_piece_index_finds_what_a_scan_finds():
    texts = _texts(300)
    pieces = [("k%d" % i, w + WORDS[(i + 3) % len(WORDS)]) for i, w in enumerate(WORDS)]
    pieces = [(k, p) for k, p in pieces if len(p) >= 8]
    index = PieceIndex(pieces)
    for text in texts:
        assert sorted(index.found_in(text)) == sorted((k, p) for k, p in pieces if p in text)


def test_picker_filter_matches_the_plain_filter():
    entries = [Entry(f"p-{i:05d}", t, "measures", "result", "rules", "sentence", i % 7) for i, t in enumerate(_texts(2000))]
    c = BankCompleter(entries)
    for query in ("行政复议", "执法 培训", "普法 审核 建设", "无此词", "执法 无此词", "", "第1", "条 规范性"):
        words = query.split()
        plain = [e for e in c.entries if all(w in e.text for w in words)][:50]
        assert c.matches(query) == plain, query


def test_picker_narrowing_keystroke_by_keystroke_matches_the_plain_filter():
    """Typed on, backspaced, pasted, with limits small enough that walks stop early and
    go on later: every answer is the plain filter's, whatever was typed before."""
    import random

    entries = [Entry(f"p-{i:05d}", t, "measures", "result", "rules", "sentence", i % 7) for i, t in enumerate(_texts(3000))]
    c = BankCompleter(entries)
    rng = random.Random(13)
    typed = ["执法 培训", "行政复议 审核", "普法 规范 建设", "条 规范性", "执法 无此词", "第1 行政", "培训 执法 审"]
    checked = 0
    for _ in range(4):
        for query in typed:
            keys = [query[:k] for k in range(1, len(query) + 1)]
            keys += [query[:k] for k in range(len(query) - 1, 0, -1)]  # back down
            keys += [rng.choice(typed)]  # pasted
            for text in keys:
                limit = rng.choice((1, 3, 50))
                words = text.split()
                plain = [e for e in c.entries if all(w in e.text for w in words)][:limit]
                assert c.matches(text, limit) == plain, (text, limit)
                checked += 1
    assert checked > 300


def test_search_ranks_as_before():
    phrases = [Phrase(f"p-{i:05d}", t, part=("plan", "measures")[i % 2], docs=i % 5) for i, t in enumerate(_texts(500))]
    bank = Bank(phrases)
    for words, part in ((["行政复议"], None), (["执法", "培训"], "plan"), (["无此词", "普法"], None), ([], "measures")):
        pool = [p for p in phrases if part is None or p.part == part]
        scored = []
        for p in pool:
            hits = [w for w in words if w in p.text]
            if words and not hits:
                continue
            scored.append((-len(hits), -sum(len(w) * p.text.count(w) for w in hits), -p.docs, p.id))
        scored.sort()
        if words and scored and -scored[0][0] == len(words):
            scored = [t for t in scored if -t[0] == len(words)]
        assert [p.id for p in bank.search(words, part=part)] == [t[3] for t in scored[:20]], words
