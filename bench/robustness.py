"""How brittle the heading-part rules are, on the realset tune part only (never held-out):

    python bench/robustness.py            # perturbed headings whose part changes
    python bench/robustness.py --ablate   # which tune headings each rule of parts.yaml carries

Perturbations keep a heading's meaning, so its label: the synonyms real reports use for the
same heading (加强/强化/健全/完善/坚持, 党的领导/党委领导, 第一责任人/主要负责人, 统筹/谋划 …),
the bodies under the headings taken away, and the measures wrapper taken away (its sections
become the top level). Ablation takes each top-level alternative out of each rule in turn: a
rule alternative that only one or two headings need is the likeliest to be written for them.
Known: a top-level heading of 50 characters and more, no longer under a wrapper, is read as
a paragraph (126 of the tune part, unwrapped); the damaged （一） markers of 065 and 149 are
found only with the text that follows them.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import realset  # noqa: E402

SYNONYMS = [
    ("加强", "强化"), ("强化", "加强"), ("加强", "健全"), ("加强", "完善"), ("加强", "坚持"), ("健全", "完善"),
    ("坚持", "强化"), ("党的领导", "党委领导"), ("党的领导", "党组领导"), ("党的领导", "党的全面领导"),
    ("党对法治政府建设的领导", "党委对法治政府建设的领导"), ("第一责任人", "主要负责人"), ("统筹", "谋划"),
    ("谋划", "统筹"), ("组织领导", "统筹协调"), ("组织领导", "组织保障"), ("深入学习贯彻", "认真贯彻落实"),
    ("习近平法治思想", "习近平新时代中国特色社会主义思想"), ("习近平法治思想", "习近平总书记关于全面依法治国的重要论述"),
    ("习近平法治思想", "党的创新理论"), ("党的二十大", "党的十九大"), ("法治政府建设", "法治建设"), ("履行", "落实"),
]
_MARK = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．,，]+)")
_H1 = re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})\s*[、.．,，]+")
_H2 = re.compile(r"^(\s*)[（(]([一二三四五六七八九十]{1,3})[）)]")


def _synonym(a: str, b: str):
    def change(item, text):
        if a not in text:
            return None
        lines = [line.replace(a, b) if _MARK.match(line) else line for line in text.split("\n")]
        return "\n".join(lines), [h.replace(a, b) for h in item.headings], item.labels
    return change


def _no_bodies(item, text):
    keys = [realset.key(h) for h in item.headings]
    out, seen = [], False
    for line in text.split("\n"):
        if _MARK.match(line) or any(realset._same(realset.key(line), k) for k in keys):
            seen = True
            out.append(re.split(r"(?<=。)", line, maxsplit=1)[0])
        elif not seen or not line.strip():
            out.append(line)
    return "\n".join(out), item.headings, item.labels


def _unwrap(item, text):
    """A measures wrapper that is the only top-level heading: gone, its sections top level."""
    heads = item.headings
    if len(heads) < 2 or not _H1.match(heads[0]) or item.labels[0] != "measures" or any(map(_H1.match, heads[1:])):
        return None
    lines = text.split("\n")
    kept = [line for line in lines if not (_H1.match(line) and realset.key(line) == realset.key(heads[0]))]
    if len(kept) == len(lines):
        return None
    up = lambda s: _H2.sub(lambda m: m.group(1) + m.group(2) + "、", s)  # noqa: E731
    return "\n".join(map(up, kept)), [up(h) for h in heads[1:]], item.labels[1:]


def perturb() -> int:
    items = realset.load("tune")
    right = {it.id: [r.part == r.label for r in realset.results(it)] for it in items}
    tmp = Path(tempfile.mkdtemp())
    changes = [(f"{a}→{b}", _synonym(a, b)) for a, b in SYNONYMS]
    changes += [("正文去掉", _no_bodies), ("去掉举措总标题", _unwrap)]
    total = 0
    for name, change in changes:
        wrong = []
        for item in items:
            got = change(item, item.path.read_text(encoding="utf-8"))
            if not got or got[0] == item.path.read_text(encoding="utf-8"):
                continue
            path = tmp / f"{item.id}.txt"
            path.write_text(got[0], encoding="utf-8")
            changed = dataclasses.replace(item, path=path, headings=got[1], labels=got[2])
            was = right[item.id] if got[2] is item.labels else [True] * len(got[2])
            wrong += [f"{item.id} {r.label}→{r.part or '-'} {r.heading[:50]}"
                      for r, ok in zip(realset.results(changed), was) if ok and r.part != r.label]
        total += len(wrong)
        print(f"{name}: {len(wrong)}" + "".join(f"\n    {w}" for w in wrong))
    print(f"perturbed headings read wrong: {total}")
    return total


def _alternatives(rx: str) -> list[str]:
    out, depth, cur, esc, cls = [], 0, "", False, False
    for ch in rx:
        if esc or ch == "\\":
            esc = not esc and ch == "\\"
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    return out + [cur]


def ablate() -> None:
    from draftkit import resources
    from draftkit.reading import parts

    items = realset.load("tune")
    shipped, real = resources.data_file("parts.yaml"), resources.data_file
    places = [((k,), v) for k, v in shipped.items() if isinstance(v, str)]
    places += [((k, i, f), r[f]) for k, v in shipped.items() if isinstance(v, list)
               for i, r in enumerate(v) for f in ("find", "unless") if r.get(f)]
    for path, rx in places:
        alts = _alternatives(rx)
        for j, alt in enumerate(alts):
            table = copy.deepcopy(shipped)
            rest = "|".join(alts[:j] + alts[j + 1:]) or "(?!)"
            if len(path) == 1:
                table[path[0]] = rest
            else:
                table[path[0]][path[1]][path[2]] = rest
            resources.data_file = lambda name, t=table: t if name == "parts.yaml" else real(name)
            parts._rules.cache_clear()
            try:
                wrong = [f"{it.id} {r.heading[:30]}" for it in items for r in realset.results(it) if r.part != r.label]
            finally:
                resources.data_file = real
                parts._rules.cache_clear()
            print(f"{'/'.join(map(str, path)):20} {alt[:36]:36} {len(wrong):3}  " + " ; ".join(wrong[:3]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ablate", action="store_true", help="which tune headings each rule alternative carries")
    args = ap.parse_args()
    if not realset.available():
        sys.exit("../shared/realset is not beside the checkout")
    ablate() if args.ablate else perturb()


if __name__ == "__main__":
    main()
