"""A save that changes a few values of a commented data file without a YAML round trip:
the file as it stands is the plain dump of its data with a person's comments added
(whole comment lines, and `` # …`` after a line), as every file is once draftkit has
saved it (datafile.dump_keeping writes the dump's lines). Then the lines the new dump
changes are swapped for the new ones in the file itself, every comment staying where it
was (one after a changed line stays after it).

Only a change of lines in place is made so (a figure, a sentence, a todo confirmed): a
line added or removed (an item added, deleted, moved), a file that is not the dump of its
data plus comments, and a result that does not read back as the new dump's data are
left to the round trip (None)."""

from __future__ import annotations

import re

_TAIL = re.compile(r"[ \t]+#[^\n]*")


def patched(old: str, before: str, after: str, header: str = "", data=None) -> str | None:
    """``old`` (the file: ``before``'s lines with comments) with ``after``'s changed lines;
    None where that is not a change of lines in place (see above). ``data``, what ``after``
    is the dump of, spares reading ``after`` back to compare."""
    if not (before.startswith(header) and after.startswith(header)):
        return None
    was, new, lines = _lines(before[len(header):]), _lines(after[len(header):]), _lines(old)
    at: list[int] = []  # the file's line of each of the dump's lines
    tails: list[str] = []  # the comment after it, with the space before it
    for i, line in enumerate(lines):
        j = len(at)
        if j < len(was) and line.startswith(was[j]) and (len(line) == len(was[j]) or _TAIL.fullmatch(line, len(was[j]))):
            at.append(i)
            tails.append(line[len(was[j]):])
        elif line.strip() and not line.lstrip().startswith("#"):
            return None  # a line of data the dump does not have: a file laid out by hand
    if len(at) != len(was):
        return None
    head = 0
    while head < min(len(was), len(new)) and was[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(was), len(new)) - head and was[-1 - tail] == new[-1 - tail]:
        tail += 1
    if len(was) != len(new):
        return None
    for j in range(head, len(was) - tail):
        lines[at[j]] = new[j] + tails[j]
    out = "\n".join(lines) + ("\n" if old.endswith("\n") else "")
    return out if _reads_as(out, after, data) else None


def _lines(text: str) -> list[str]:
    """The lines of a text (only "\n" ends one: a U+2028 inside a value is no line break)."""
    return text.removesuffix("\n").split("\n") if text else []


def _reads_as(text: str, dumped: str, data=None) -> bool:
    """Whether ``text`` holds exactly the data ``dumped`` does (``data``, when given; read by
    libyaml's safe loader where it is installed); a text that does not read is not that data."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader) == (data if data is not None else yaml.load(dumped, Loader=loader))
    except yaml.YAMLError:
        return False
