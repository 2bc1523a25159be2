"""Mining at scale gives what mining small gives: jieba as the miner uses it (the
dictionary extended with our words, read from a cache file of our own; text cut run by
run) gives exactly what jieba gives, and units spilled to disk merge as in memory."""

from __future__ import annotations

import re
from pathlib import Path

from draftkit import slots
from draftkit.reading.lexicon import _jieba, _load_dictionary, _save_dictionary, added_words, last_word, segment

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def test_cached_dictionary_is_jiebas_with_our_words_added(tmp_path, monkeypatch):
    """What draftkit builds and keeps is the dictionary jieba builds itself (here in a
    folder of the test's, never the shared temporary one), with our words added."""
    import jieba

    built = jieba.Tokenizer()
    built.tmp_dir = str(tmp_path)
    built.initialize()
    for word, freq in added_words():
        built.add_word(word, freq=freq)
    monkeypatch.setenv("DRAFTKIT_CACHE", str(tmp_path / "cache"))
    ours = jieba.Tokenizer()
    ours.FREQ, ours.total = ours.gen_pfdict(ours.get_dict_file())
    ours.initialized = True
    for word, freq in added_words():
        ours.add_word(word, freq=freq)
    _save_dictionary(ours, "jieba-test.json")
    loaded = jieba.Tokenizer()
    loaded.FREQ, loaded.total = _load_dictionary("jieba-test.json", added_words())
    loaded.initialized = True
    assert loaded.FREQ == built.FREQ and loaded.total == built.total
    text = "全面贯彻习近平法治思想，深入推进行政复议体制改革和规范性文件合法性审核"
    assert loaded.lcut(text) == built.lcut(text)
    assert "习近平法治思想" in loaded.lcut(text)
    (tmp_path / "cache" / "jieba-test.json").write_bytes(b"not a dictionary")
    assert _load_dictionary("jieba-test.json", added_words()) is None
    assert _load_dictionary("jieba-missing.json", added_words()) is None


def test_segment_run_by_run_equals_jieba_on_the_whole_text():
    jieba = _jieba()
    texts = []
    for f in sorted(CORPUS.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            texts += [line, slots.blank(re.sub(r"\d+", "{n}", line), "，"), line.replace("，", " , ")]
    assert len(texts) > 300
    for text in texts + ["", " ", "ABC-12.5%", "一", "……"]:
        assert segment(text) == tuple(jieba.lcut(text)), text
        assert last_word(text) == (jieba.lcut(text) or [None])[-1], text


def test_units_spilled_in_small_batches_give_the_same_bank(tmp_path, monkeypatch):
    """Units go to disk in batches and are merged bucket by bucket: the batch size changes
    nothing, and the folder is gone once the result is closed."""
    from draftkit.bank.phrasebank import write_bank
    from draftkit.mining import spill
    from draftkit.mining.mine import mine

    whole = mine([CORPUS])
    assert not whole.spill.spilled  # a few reports stay in memory
    write_bank(tmp_path / "a", whole.iter_phrases())
    monkeypatch.setattr(spill, "FLUSH", 7)
    small = mine([CORPUS])
    folder = small.spill.folder
    assert len(list(folder.glob("*.merged"))) == spill.BUCKETS
    write_bank(tmp_path / "b", small.iter_phrases())
    assert small.entries == whole.entries > 400 and small.parts == whole.parts
    for f in sorted((tmp_path / "a").glob("*.jsonl")):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()
    assert sum(1 for _ in small.iter_phrases()) == small.entries  # read again: still there
    small.close()
    whole.close()
    assert not folder.exists()
