"""jieba as the miner uses it: the dictionary extended with our words, read from a cache
file of our own, and text cut run by run, give exactly what jieba gives."""

from __future__ import annotations

import re
from pathlib import Path

from draftkit import slots
from draftkit.mining.lexicon import _jieba, _load_dictionary, _save_dictionary, added_words, segment

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def test_cached_dictionary_is_jiebas_with_our_words_added(tmp_path):
    import jieba

    built = jieba.Tokenizer()
    built.initialize()
    for word, freq in added_words():
        built.add_word(word, freq=freq)
    cache = tmp_path / "dict.cache"
    _save_dictionary(built, cache)
    loaded = jieba.Tokenizer()
    assert _load_dictionary(loaded, cache)
    assert loaded.FREQ == built.FREQ and loaded.total == built.total
    text = "全面贯彻习近平法治思想，深入推进行政复议体制改革和规范性文件合法性审核"
    assert loaded.lcut(text) == built.lcut(text)
    assert "习近平法治思想" in loaded.lcut(text)
    cache.write_bytes(b"not a dictionary")
    assert not _load_dictionary(jieba.Tokenizer(), cache)
    assert not _load_dictionary(jieba.Tokenizer(), tmp_path / "missing.cache")


def test_segment_run_by_run_equals_jieba_on_the_whole_text():
    jieba = _jieba()
    texts = []
    for f in sorted(CORPUS.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            texts += [line, slots.blank(re.sub(r"\d+", "{n}", line), "，"), line.replace("，", " , ")]
    assert len(texts) > 300
    for text in texts + ["", " ", "ABC-12.5%", "一", "……"]:
        assert segment(text) == tuple(jieba.lcut(text)), text
