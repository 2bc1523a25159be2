"""Precision and recall of ``draftkit check`` as numbers: on the labelled paragraphs of
tests/fixtures/checkset (tune and held-out; see its README) and on the real reports of
../shared/corpus, each finding of which is judged in checkset/corpus_findings.tsv.

    .venv/bin/python tests/test_check_precision.py     # prints the tables
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from checkset import CHECKSET, load, ratio, score, table  # noqa: E402

from draftkit.review import check_file  # noqa: E402
from draftkit.review.codes import family  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")


def test_planted_tune_set_recall_and_precision(tmp_path):
    s = score(load("cases.yaml"), tmp_path)
    print("\ntune (cases.yaml)\n" + table(s))
    tp, fp, fn = s.totals()
    assert tp + fn >= 100  # every planted kind is scored
    assert ratio(tp, tp + fn) >= 0.9, s.wrong
    assert ratio(tp, tp + fp) >= 0.9, s.wrong


def test_heldout_set_reported(tmp_path):
    """Held out: never tuned on; the numbers are printed as they come (README, 检查)."""
    s = score(load("heldout.yaml"), tmp_path)
    print("\nheld-out (heldout.yaml)\n" + table(s))
    tp, fp, fn = s.totals()
    assert tp + fn >= 40


def _labels() -> dict[tuple[str, str, str], tuple[int, bool]]:
    out = {}
    for line in (CHECKSET / "corpus_findings.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, code, para, n, verdict, _why = line.split("\t")
        assert verdict in ("true", "false"), line
        out[(file, code, para)] = (int(n), verdict == "true")
    return out


def corpus_score() -> tuple[Counter, Counter, list[str]]:
    """(true findings, false findings) per family on the real reports, and what is unlabelled."""
    labels = _labels()
    seen: Counter = Counter()
    for path in sorted(CORPUS.glob("0*.txt")):
        for f in check_file(path):
            para = "*" if f.code in ("L001", "L004") else str(f.paragraph)
            seen[(path.name[:3], f.code, para)] += 1
    true, false, unlabelled = Counter(), Counter(), []
    for key, n in seen.items():
        if key not in labels or labels[key][0] != n:
            unlabelled.append(f"{key}: {n} findings, labelled {labels.get(key, (0,))[0]}")
            continue
        (true if labels[key][1] else false)[family(key[1])] += n
    unlabelled += [f"{key}: labelled, not found" for key in labels if key not in seen]
    return true, false, unlabelled


@needs_corpus
def test_real_reports_false_findings_under_ten_percent():
    true, false, unlabelled = corpus_score()
    assert not unlabelled, "judge these findings in checkset/corpus_findings.tsv:\n" + "\n".join(unlabelled)
    lines = [f"{'family':8} {'true':>5} {'false':>5} {'precision':>9}"]
    for fam in sorted(true.keys() | false.keys()):
        lines.append(f"{fam:8} {true[fam]:5} {false[fam]:5} {ratio(true[fam], true[fam] + false[fam]):9.0%}")
    t, f = sum(true.values()), sum(false.values())
    lines.append(f"{'all':8} {t:5} {f:5} {ratio(t, t + f):9.0%}")
    print("\nreal reports (../shared/corpus)\n" + "\n".join(lines))
    assert f < 0.1 * (t + f)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for name in ("cases.yaml", "heldout.yaml"):
            print(f"{name}\n{table(score(load(name), Path(tmp)))}\n")
    t, f, u = corpus_score()
    print("real reports: true", dict(t), "false", dict(f), "unlabelled", u)
