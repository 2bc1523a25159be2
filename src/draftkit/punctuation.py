"""Where a sentence, a piece of one and a clause end, in the reports we read and write:
each set of marks once (full-width, as normalise leaves a text). A character class is
written ``f"[{PIECE_END}]"``."""

from __future__ import annotations

SENTENCE_END = "。！？"  # a sentence ends
PIECE_END = SENTENCE_END + "；"  # a sentence or one of its ；-joined pieces (一是…；二是…) ends
CLAUSE_END = "，" + PIECE_END  # a clause ends: a 同比 follows a figure only there
