"""A small trained topic model: multinomial naive Bayes over a unit's jieba words, with
the keyword scores of ``data/topics.yaml`` added as a prior (score × ``gamma`` per topic).

Its parameters are data, not code: word counts per topic in ``data/topic_model.json``,
written by ``tests/train_topics.py`` from the hand-labelled units (realset tune units and
our own tune sets) and read back here as plain JSON. Without that file, or for a unit none
of whose words the model knows and no keyword hits, the keyword rule alone decides.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "data" / "topic_model.json"


@dataclass(frozen=True)
class Model:
    """Naive Bayes log-probabilities read from the counts, and how far the keyword rule is trusted."""

    topics: tuple[str, ...]
    prior: dict[str, float]  # log P(topic)
    loglik: dict[str, dict[str, float]]  # word → topic → log P(word | topic)
    unseen: dict[str, float]  # topic → log P(a word seen in training, but not with this topic)
    gamma: float  # weight of the keyword score
    margin: float  # the keyword rule decides where it leads by more (below 0: wherever it finds a keyword)

    def classify(self, words: Sequence[str], scores: Mapping[str, float]) -> str | None:
        known = [w for w in words if w in self.loglik]
        if not known and not any(scores.values()):
            return None
        best, best_value = None, -math.inf
        for t in self.topics:
            value = self.prior[t] + self.gamma * scores.get(t, 0.0)
            for w in known:
                value += self.loglik[w].get(t, self.unseen[t])
            if value > best_value:
                best, best_value = t, value
        return best


def train(samples: Iterable[tuple[Sequence[str], str]], topics: Sequence[str], alpha: float = 0.5) -> dict:
    """Counts of (words, topic) samples as the JSON the model is read from."""
    counts: dict[str, dict[str, int]] = {}
    docs = {t: 0 for t in topics}
    for words, topic in samples:
        docs[topic] += 1
        for w in words:
            row = counts.setdefault(w, {})
            row[topic] = row.get(topic, 0) + 1
    return {"topics": list(topics), "alpha": alpha, "docs": docs, "counts": dict(sorted(counts.items()))}


def build(raw: Mapping, gamma: float, margin: float = 0.0) -> Model:
    topics = tuple(raw["topics"])
    alpha = float(raw["alpha"])
    counts: Mapping[str, Mapping[str, int]] = raw["counts"]
    n_docs = sum(raw["docs"].values())
    total = {t: 0 for t in topics}
    for row in counts.values():
        for t, n in row.items():
            total[t] += n
    denom = {t: math.log(total[t] + alpha * len(counts)) for t in topics}
    prior = {t: math.log((raw["docs"][t] + 1) / (n_docs + len(topics))) for t in topics}
    loglik = {w: {t: math.log(n + alpha) - denom[t] for t, n in row.items()} for w, row in counts.items()}
    unseen = {t: math.log(alpha) - denom[t] for t in topics}
    return Model(topics, prior, loglik, unseen, gamma, margin)


@functools.lru_cache(maxsize=1)
def shipped() -> Model | None:
    if not MODEL.is_file():
        return None
    raw = json.loads(MODEL.read_text(encoding="utf-8"))
    return build(raw, float(raw["gamma"]), float(raw["margin"]))


def rule(scores: Mapping[str, float], order: Sequence[str]) -> tuple[str, float]:
    """The keyword rule's topic (highest score, earlier on a tie, general with none) and its
    lead over the runner-up."""
    ranked = sorted(order, key=lambda t: (-scores.get(t, 0), order.index(t)))
    top = ranked[0] if ranked and scores.get(ranked[0], 0) > 0 else "general"
    second = scores.get(ranked[1], 0) if len(ranked) > 1 else 0
    return top, (scores.get(top, 0) - second) if top != "general" else 0.0


def decide(model: Model | None, words: Sequence[str], scores: Mapping[str, float]) -> str:
    """The keyword rule (``scores`` in the order ties are broken) where it leads by more than
    the model's margin; the model where the rule finds nothing or hesitates between two areas."""
    top, lead = rule(scores, list(scores))
    if model is None or (top != "general" if model.margin < 0 else lead > model.margin):
        return top
    return model.classify(words, scores) or top
