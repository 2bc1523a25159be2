"""Matching by meaning, not by shared characters: the indicator vocabulary of
``data/indicators.yaml`` (topics, each with the synonyms of its objects, and remedy verbs).
A plan item answers a shortcoming when they name an object of the same topic and the
plan item has a remedy verb."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    """What the indicator checks read by meaning (data/indicators.yaml)."""

    objects: tuple[tuple[str, str], ...]  # (word, topic), longest word first
    remedies: tuple[str, ...]
    names: dict

    @functools.cached_property
    def _object_re(self) -> re.Pattern:
        return re.compile("|".join(re.escape(w) for w, _ in self.objects))

    @functools.cached_property
    def _topic_of(self) -> dict[str, str]:
        return dict(self.objects)

    def topics(self, text: str) -> set[str]:
        return {self._topic_of[m.group(0)] for m in self._object_re.finditer(text)}

    def first_topic(self, text: str) -> str:
        """The topic of the last object named in ``text`` (the words before a rate)."""
        found = [self._topic_of[m.group(0)] for m in self._object_re.finditer(text)]
        return found[-1] if found else ""

    def has_remedy(self, text: str) -> bool:
        return any(v in text for v in self.remedies)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from draftkit.resources import data_file

    raw = data_file("indicators.yaml")
    objects = [(w, key) for key, t in raw["topics"].items() for w in t["objects"]]
    objects.sort(key=lambda wt: -len(wt[0]))
    return Vocabulary(tuple(objects), tuple(raw["remedies"]), {k: t["name"] for k, t in raw["topics"].items()})


def answers(plan_item: str, problem: str) -> bool:
    """Whether ``plan_item`` answers ``problem``: a shared topic and a remedy verb."""
    v = vocabulary()
    return bool(v.topics(plan_item) & v.topics(problem)) and v.has_remedy(plan_item)
