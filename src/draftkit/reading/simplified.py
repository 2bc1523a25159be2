"""Which texts OpenCC's ``t2s`` would leave as they are, told without loading OpenCC.

Loading OpenCC and its dictionaries costs a render some 8 ms, and a report written in
Simplified Chinese comes out of it unchanged. Whether a character is in GB2312 tells
nothing (於, 著, 乾 are, and t2s converts them); what does is the dictionaries
themselves. t2s normalises compatibility ideographs, then replaces the longest key of
its dictionaries (phrases, then characters) found at each place by the key's first
value. Its output can differ from its input only where a key whose first value differs
from it is found. So a text is left as it is when it holds

* none of the characters that such a key of one character is (於 → 于, 後 → 后), and
* none of the keys of several characters that hold no such character either (深沈 →
  深沉, 回覆 → 回复: 沈 and 覆 are left alone on their own).

``data/t2s_changes.txt`` lists both, derived from the dictionaries of one OpenCC
release and marked with a fingerprint of its t2s configuration and dictionary files.
When the installed OpenCC's files differ (another release), or cannot be found,
``may_change`` answers True for every text: OpenCC is then always run, as before.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path


DATA = Path(__file__).resolve().parent.parent / "data" / "t2s_changes.txt"
DICTIONARIES = ("CJK_Compatibility_Ideographs", "TSPhrases", "TSCharactersExt", "TSCharacters")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def may_change(text: str) -> bool:
    """False only when t2s is sure to give ``text`` back unchanged."""
    table = _table()
    if table is None:
        return True
    chars, astral, culprits, phrases = table
    if chars.search(text) or (_ASTRAL.search(text) and not astral.isdisjoint(text)):
        return True
    return not culprits.isdisjoint(text) and phrases.search(text) is not None


@functools.lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, frozenset[str], frozenset[str], re.Pattern] | None:
    """(a class of the characters of the Basic Multilingual Plane t2s converts and of the
    surrogates, the others it converts, the characters where a phrase of the list differs
    from its conversion, the phrases as one pattern), or None when the table is not that of the
    installed OpenCC. The class is compiled once per process (a set of some 7,000
    characters); characters beyond the plane are kept apart, where they would make re
    test the class one member at a time."""
    try:
        lines = DATA.read_text(encoding="utf-8").splitlines()
        fields = dict(ln.split(" ", 1) for ln in lines if ln.startswith(("fingerprint ", "chars ")))
        phrases = [ln.split("\t") for ln in lines if "\t" in ln]
        if fields.get("fingerprint") != installed_fingerprint():
            return None
    except (OSError, ValueError):
        return None
    culprits = frozenset(c for _, culprit in phrases for c in culprit)
    bmp = "".join(c for c in fields["chars"] if c <= "\uffff")
    chars = re.compile(f"[{re.escape(bmp)}\ud800-\udfff]")  # OpenCC raises on surrogates: let it
    astral = frozenset(c for c in fields["chars"] if c > "\uffff")
    # the phrases as one pattern: a report's whole text is looked through once, not once a phrase
    found = re.compile("|".join(re.escape(p) for p, _ in phrases)) if phrases else re.compile(r"(?!)")
    return chars, astral, culprits, found


def opencc_data_dir() -> Path | None:
    """Where the installed OpenCC keeps t2s.json and its dictionaries (found without
    importing it)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("opencc")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "clib" / "share" / "opencc"
    return folder if (folder / "t2s.json").is_file() else None


def installed_fingerprint() -> str | None:
    import hashlib

    folder = opencc_data_dir()
    if folder is None:
        return None
    digest = hashlib.sha1()
    try:
        for name in ("t2s.json", *(f"{d}.ocd2" for d in DICTIONARIES)):
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def derive(dictionaries: dict[str, dict[str, list[str]]]) -> tuple[str, list[tuple[str, str]]]:
    """From the dictionaries of t2s ({name: {key: values}}): the characters converted on
    their own, and the (phrase, the characters where it differs from its conversion) of
    the converted keys that hold none of them."""
    entries = [(k, v[0]) for d in DICTIONARIES for k, v in dictionaries[d].items() if v and v[0] != k]
    chars = {k for k, _ in entries if len(k) == 1}
    phrases = []
    for key, value in sorted(set(entries)):
        if len(key) > 1 and chars.isdisjoint(key):
            differ = {a for a, b in zip(key, value) if a != b} if len(key) == len(value) else set(key)
            phrases.append((key, "".join(sorted(differ))))
    return "".join(sorted(chars)), phrases


def dump_dictionaries(folder: Path) -> dict[str, dict[str, list[str]]]:
    """The t2s dictionaries as text, by OpenCC's own ``opencc_dict`` (shipped with the
    Python package); OSError when it cannot be run."""
    import os
    import subprocess
    import tempfile

    tool = folder.parent.parent / "bin" / "opencc_dict"
    if not tool.is_file():
        raise OSError(f"{tool}: not found")
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder.parent.parent / "lib64")}
    out: dict[str, dict[str, list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in DICTIONARIES:
            target = Path(tmp) / f"{name}.txt"
            subprocess.run([str(tool), "-i", str(folder / f"{name}.ocd2"), "-o", str(target), "-f", "ocd2",
                            "-t", "text"], check=True, capture_output=True, env=env)
            rows = (ln.split("\t", 1) for ln in target.read_text(encoding="utf-8").splitlines() if "\t" in ln)
            out[name] = {k: v.split(" ") for k, v in rows}
    return out


def table_text(fingerprint: str, chars: str, phrases: list[tuple[str, str]]) -> str:
    head = ("# Written by `python -m draftkit.reading.simplified` from the installed OpenCC's t2s\n"
            "# dictionaries: what t2s may change (see reading/simplified.py). Do not edit by hand.\n")
    return head + f"fingerprint {fingerprint}\nchars {chars}\n" + "".join(f"{p}\t{d}\n" for p, d in phrases)


if __name__ == "__main__":  # regenerate the table for the installed OpenCC
    where = opencc_data_dir()
    if where is None:
        raise SystemExit("OpenCC's data folder not found")
    DATA.write_text(table_text(installed_fingerprint() or "", *derive(dump_dictionaries(where))), encoding="utf-8")
    print(f"written: {DATA}")
