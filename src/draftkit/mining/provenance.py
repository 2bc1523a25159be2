"""Where a mined report comes from and who wrote it: a folder of reports may have a
``manifest.tsv`` beside it or one folder up (../shared/realset/manifest.tsv beside texts/),
a tab-separated table with a header row whose ``id`` column is the file's name without its
suffix (001 for texts/001.txt) and whose ``url``, ``issuer`` and ``report_year`` columns
give the page it was taken from, the office that issued it and the year it reports on.

What the manifest says overrides what the text suggests (a page excerpt may lack its title
and signature). The issuer's kind and trade are the issuer model's (draftkit.issuers), so
each bank entry records the kind and trade of the offices that wrote it."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.tsv"
_NOTE = re.compile(r"[（(][^（）()]*[)）]\s*$")  # 三张镇人民政府(区未在摘录中出现) → 三张镇人民政府


@dataclass(frozen=True)
class Provenance:
    """What is known of a mined report besides its text."""

    url: str = ""
    issuer: str = ""  # the issuing office's name, notes in brackets removed
    year: int | None = None


@dataclass(frozen=True)
class Writer:
    """The office that wrote a report, as the issuer model reads its name."""

    name: str
    kind: str  # data/issuers.yaml kinds: province, county, department…; '' when the name tells nothing
    trade: str  # a department's trade (教育, 税务…), else ''
    tier: str = ""  # the level of government of its place: 省, 市, 县区, 乡镇


def clean_issuer(name: str) -> str:
    """An issuer as a manifest gives it, less the collector's notes in brackets."""
    name = name.strip()
    while _NOTE.search(name):
        name = _NOTE.sub("", name).strip()
    return name


@functools.lru_cache(maxsize=64)
def _manifest(path: Path) -> dict[str, Provenance]:
    from draftkit.inputs import read_bytes

    try:
        text = read_bytes(path, 16 * 1024 * 1024).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if not rows or "id" not in rows[0]:
        return {}
    head = rows[0]
    out = {}
    for row in rows[1:]:
        cells = dict(zip(head, row))
        if not cells.get("id"):
            continue
        year = cells.get("report_year", "")
        out[cells["id"].strip()] = Provenance(cells.get("url", "").strip(), clean_issuer(cells.get("issuer", "")),
                                              int(year) if year.strip().isdigit() else None)
    return out


def provenance_of(path: Path) -> Provenance | None:
    """The manifest row of a mined file (in its folder or the one above), or None."""
    for folder in (path.parent, path.parent.parent):
        manifest = folder / MANIFEST
        if manifest.is_file():
            row = _manifest(manifest.resolve()).get(path.stem)
            if row is not None:
                return row
    return None


@functools.lru_cache(maxsize=4096)
def writer_of(issuer: str) -> Writer:
    """The kind and trade of the office named ``issuer`` (the issuer model), or empty ones."""
    from draftkit import issuers

    issuer = clean_issuer(issuer)
    if not issuer:
        return Writer("", "", "", "")
    try:
        p = issuers.parse(issuer)
    except Exception:  # noqa: BLE001 - a name the model cannot read tells nothing of its kind
        return Writer(issuer, "", "", "")
    return Writer(issuer, p.kind.key, p.trade or "", p.tier or "")
