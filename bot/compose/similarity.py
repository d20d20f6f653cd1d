"""How alike two notes read: Jaccard similarity of their three-word shingles.

Panel members compare notes, so two drafts of one panel should not share most of their phrasing. Shingles
(runs of three words) catch reused sentences even when a name or a detail differs.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: At or above this, two notes read as near-duplicates. Measured over every occasion, tone and channel for a
#: four-person panel, rotated phrasings score 0.15 on average and 0.46 at most.
NEAR_DUPLICATE = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 3) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


#: A panel's notes should not read as one skeleton re-worded: the word-sequence similarity of any two notes
#: (difflib's ratio over their words, greeting and sign-off excluded) stays at or below this.
SEQUENCE_LIMIT = 0.40
_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")


def words(body: str) -> list[str]:
    """The words panel members would compare: the body between the greeting and the sign-off."""
    lines = body.strip().splitlines()
    middle = "\n".join(lines[1:-2]) if len(lines) > 3 else body
    return _WORD.findall(middle.lower())


def sequence_similarity(first: list[str], second: list[str]) -> float:
    """difflib's ratio over the two word lists (what the issue measures)."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def within_limit(first: list[str], second: list[str], limit: float = SEQUENCE_LIMIT) -> tuple[bool, float]:
    """Whether two notes are at most `limit` alike, and how alike. The longest common subsequence bounds
    difflib's matches from above, so rapidfuzz's fast LCS ratio settles most pairs; difflib runs only for
    the rest."""
    from rapidfuzz.distance import Indel

    upper = Indel.normalized_similarity(first, second)
    if upper <= limit:
        return True, upper
    exact = sequence_similarity(first, second)
    return exact <= limit, exact


@lru_cache(maxsize=4096)
def sentences(body: str) -> frozenset[str]:
    """The sentences of a note that say something (four words or more), for "no sentence shared"."""
    return frozenset(s.strip() for s in _SENTENCE.split(body) if len(s.split()) >= 4)
