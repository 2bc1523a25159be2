"""Agreement of the bank's grades and levels with a reviewer's hand labels
(tests/fixtures/bank_labels/labels.jsonl: 60 entries drawn at random, seed 20250, from those
graded ok and offered to at least one level before the rules of the bank-words branch; half
tune, half held out). For each entry and each of six issuers (a province, a city, a county, a
town, a county's market bureau, its justice bureau): is it offered as a default item, and
does the reviewer find it fine there?

    python bench/bank_labels.py [--half tune|heldout|all] [--list]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISSUERS = {"省": ("省", "江南省", "江南省人民政府"), "市": ("市", "云川市", "云川市人民政府"),
           "县区": ("县区", "青岚县", "青岚县人民政府"), "乡镇": ("乡镇", "石桥镇", "石桥镇人民政府"),
           "部门": ("部门", "青岚县", "青岚县市场监督管理局"), "司法部门": ("部门", "青岚县", "青岚县司法局")}


def offered_marks(entry) -> set[str]:
    from draftkit.issuers import offered

    if entry is None or entry.grade != "ok" or entry.kind not in ("sentence", "item"):
        return set()
    return {m for m, (lv, place, name) in ISSUERS.items() if offered(entry.levels, lv, place, name)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="all")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    from draftkit.bank.phrasebank import Bank

    bank = Bank.load(ROOT / "phrasebank")
    by_id = {e.id: e for e in bank.entries()}
    by_text = {e.text: e for e in bank.entries()}  # an entry whose wording was corrected has a new id
    rows = [json.loads(x) for x in (ROOT / "tests/fixtures/bank_labels/labels.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if args.half in ("all", r["half"])]
    exact = cells = agree = offered_n = offered_ok = 0
    for r in rows:
        got = offered_marks(by_id.get(r["id"]) or by_text.get(r["text"]))
        want = set(filter(None, r["fine_for"].split(",")))
        exact += got == want
        for m in ISSUERS:
            cells += 1
            agree += (m in got) == (m in want)
            offered_n += m in got
            offered_ok += m in got and m in want
        if args.list and got != want:
            print(f"{r['id']}  offered {','.join(m for m in ISSUERS if m in got) or '-'}  "
                  f"labelled {r['fine_for'] or '-'}  {r['text'][:50]}")
    print(f"{args.half}: {len(rows)} entries; same levels {exact}/{len(rows)} ({exact / len(rows):.0%}); "
          f"issuer decisions agreeing {agree}/{cells} ({agree / cells:.1%}); "
          f"offered and fine {offered_ok}/{offered_n} ({offered_ok / max(offered_n, 1):.0%})")


if __name__ == "__main__":
    main()
