"""How alike two notes read: Jaccard similarity of their three-word shingles.

Panel members compare notes, so two drafts of one panel should not share most of their phrasing. Shingles
(runs of three words) catch reused sentences even when a name or a detail differs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

#: At or above this, two notes read as near-duplicates. Measured over every occasion, tone and channel for a
#: four-person panel, rotated phrasings score 0.15 on average and 0.46 at most.
NEAR_DUPLICATE = 0.5
_WORD = re.compile(r"\w+")
#: Every byte but an ASCII letter, digit or underscore made a space (see `_words_of`).
_WORD_BYTES = bytes(byte if (byte < 128 and chr(byte).isalnum()) or byte == 95 else 32 for byte in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _words_of(text: str) -> list[str]:
    """`_WORD.findall(text)`, about four times faster for a text whose only word characters are ASCII (every
    note but one with a name like "García"): each other character, made a space, separates words as the
    pattern does. (`\\w` is what `str.isalnum` accepts, and the underscore.)"""
    if text.isascii() or not any(ch.isalnum() for ch in _NON_ASCII.findall(text)):
        return text.encode("utf-8").translate(_WORD_BYTES).decode("ascii").split()
    return _WORD.findall(text)


def shingles(text: str, size: int = 3) -> frozenset[str]:
    """The runs of `size` words, each as one string ("our conversation about"): a string keeps its hash, so
    comparing two sets of them is several times cheaper than comparing sets of word tuples."""
    words = _words_of(text.lower())
    if len(words) < size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))  # the shortest ends it


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


#: A panel's notes should not read as one skeleton re-worded: the word-sequence similarity of any two notes
#: (difflib's ratio over their words, greeting and sign-off excluded) stays at or below this.
SEQUENCE_LIMIT = 0.40
_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")
_AFTER_STOP = re.compile(r"(?<=[.?!])\s+")


def words(body: str) -> list[str]:
    """The words panel members would compare: the body between the greeting and the sign-off."""
    lines = body.strip().splitlines()
    middle = "\n".join(lines[1:-2]) if len(lines) > 3 else body
    return _words_of(middle.lower())


_NO_RUN: dict[int, int] = {}
#: Where each word occurs in a note: difflib's `b2j`.
Positions = dict[str, list[int]]


def positions(words: Sequence[str]) -> Positions:
    """Worked out once for a note that is compared with many others (each try of each later note)."""
    found: Positions = {}
    for number, word in enumerate(words):
        if (places := found.get(word)) is None:  # no new list for a word already seen, as setdefault makes
            found[word] = [number]
        else:
            places.append(number)
    return found


def sequence_similarity(first: Sequence[str], second: Sequence[str], where: Positions | None = None) -> float:
    """difflib's ratio over the two word lists (what the issue measures): exactly
    `SequenceMatcher(None, first, second, autojunk=False).ratio()`, by the same steps without the parts of
    difflib these lists never use (junk, popular elements), about three times faster. `where` is
    `positions(second)`, if already known. tests/compose/test_similarity.py holds it to difflib."""
    total = len(first) + len(second)
    if not total:
        return 1.0
    return 2.0 * _matched(first, positions(second) if where is None else where, len(second)) / total


def _matched(a: Sequence[str], where: Positions, size: int) -> int:
    """The words in difflib's matching blocks: the longest common run of words (the first one, in a then in
    b, when several are as long), then the same on each side of it. Only the words of a that occur in b are
    visited; a run breaks wherever one is skipped."""
    total = 0
    ranges = [(0, len(a), 0, size)]
    found = [(i, where[word]) for i, word in enumerate(a) if word in where]
    while ranges:
        alo, ahi, blo, bhi = ranges.pop()
        best_i, best_j, best = alo, blo, 0
        ending: dict[int, int] = {}  # j → length of the common run ending at a[i - 1], b[j]
        last = -2
        for i, places in found[bisect_left(found, (alo,)) :]:
            if i >= ahi:
                break
            before, ending = (ending.get if i == last + 1 else _NO_RUN.get), {}
            last = i
            for j in places:
                if j < blo:
                    continue
                if j >= bhi:
                    break
                run = ending[j] = before(j - 1, 0) + 1
                if run > best:
                    best_i, best_j, best = i - run + 1, j - run + 1, run
        if best:
            total += best
            if alo < best_i and blo < best_j:
                ranges.append((alo, best_i, blo, best_j))
            if best_i + best < ahi and best_j + best < bhi:
                ranges.append((best_i + best, ahi, best_j + best, bhi))
    return total


def upper_bound(first: Sequence[str], second: Sequence[str]) -> float:
    """At least `sequence_similarity`: twice the longest common subsequence over both lengths (difflib's
    matches are a common subsequence), by rapidfuzz's fast LCS."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(first, second))


def within_limit(
    first: Sequence[str],
    second: Sequence[str],
    limit: float = SEQUENCE_LIMIT,
    where: Positions | None = None,
    upper: float | None = None,
) -> tuple[bool, float]:
    """Whether two notes are at most `limit` alike, and how alike. The longest common subsequence bounds
    difflib's matches from above, so rapidfuzz's fast LCS ratio settles most pairs; the exact ratio is
    worked out only for the rest. `upper` is `upper_bound(first, second)`, if already known."""
    upper = upper_bound(first, second) if upper is None else upper
    if upper <= limit:
        return True, upper
    exact = sequence_similarity(first, second, where)
    return exact <= limit, exact


@lru_cache(maxsize=4096)
def sentences(body: str) -> frozenset[str]:
    """The sentences of a note that say something (four words or more), for "no sentence shared". What
    `_SENTENCE.split` gives, line by line (the pattern splits at every line break; a run of spaces it takes
    across one is stripped here), about twice as fast for a whole note; a line the pattern would not split
    (most phrasings are one) is not searched."""
    found: set[str] = set()
    for line in body.split("\n"):
        for piece in (line,) if _one_piece(line) else _AFTER_STOP.split(line):
            if len(piece.split()) >= 4:
                found.add(piece.strip())
    return frozenset(found)


def _one_piece(text: str) -> bool:
    """No line break, and no full stop, question mark or exclamation mark followed by a space: nowhere
    `_SENTENCE` splits."""
    if "\n" in text:
        return False
    for mark in ".?!":
        place = text.find(mark)
        while place != -1:
            if place + 1 < len(text) and text[place + 1].isspace():
                return False
            place = text.find(mark, place + 1)
    return True
