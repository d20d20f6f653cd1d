"""Slips a member types that the note can put right with certainty: a confusable word where only one reading
fits ("how there idempotency keys work" → "their"), a well-known misspelling ("recieve", "definately") and
chat shorthand ("pls", "tho"). The answer goes into the note corrected, and the composer says so in an
info check that names the answer and the change (`changes`), so nothing is changed silently.

Misspellings are corrected only in lower case, or capitalised at the start of a sentence when too long to
be a surname ("Definately"): names, products and workplace words are never "corrected". Anything less than
certain is left as typed, and the note's proofreading warns about it instead. A note the member edited by
hand is never changed (bot/compose/edited.py only warns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.compose import confusables
from bot.compose.lazy_re import LazyPattern
from bot.compose.spelling import ADDRESSES, COMMON_SLIPS

#: Chat shorthand whose full form is certain (tidy.py writes out the older ones: "alot", "bc", "thru", "u").
SHORTHAND = {
    "pls": "please", "plz": "please", "tho": "though", "thx": "thanks", "convo": "conversation",
    "convos": "conversations", "prolly": "probably", "becuz": "because", "bcuz": "because", "smth": "something",
}  # fmt: skip
_SURE = {**COMMON_SLIPS, **SHORTHAND}
#: Each known slip as a lower-case whole word (a capital means a name, which stays as typed).
_MISSPELT = LazyPattern(r"(?<![\w'’-])(?:" + "|".join(sorted(_SURE, key=len, reverse=True)) + r")(?![\w'’-])")

_LOWER_WORDS = re.compile(r"[a-z]+")
#: A capitalised word that opens the answer or a sentence of it.
_OPENING = re.compile(r"(?:^|(?<=[.!?] ))[ \t]*([A-Z][a-z]+)(?![\w'’-])", re.MULTILINE)
#: Shorter slips may be a surname when capitalised ("Thier", "Teh"); longer ones ("Definately") never are.
_OPENING_LENGTH = 6


@dataclass(frozen=True)
class Change:
    """What the member typed (with a neighbouring word, to show where) and what the note writes instead."""

    typed: str
    written: str


def correct(text: str) -> str:
    """`text` with its clear slips put right (see the module's docstring)."""
    return _corrected(text)[0]


def changes(text: str) -> tuple[Change, ...]:
    """What `correct` changes in `text`, in order."""
    return _corrected(text)[1]


@lru_cache(maxsize=1024)
def _corrected(text: str) -> tuple[str, tuple[Change, ...]]:
    edits: dict[int, tuple[int, str, Change]] = {}  # where → (length replaced, replacement, change shown)
    for slip in confusables.find_all(text):
        if slip.start >= 0:
            written = slip.context.replace(slip.wrong, slip.right, 1)
            edits[slip.start] = (len(slip.wrong), slip.right, Change(slip.context, written))
    if _may_hold_a_slip(text):
        for match in _MISSPELT.finditer(text):
            word = match.group(0)
            edits.setdefault(match.start(), (len(word), _SURE[word], Change(word, _SURE[word])))
    for match in _OPENING.finditer(text):  # "Definately", "Recieved": capitalised only as a sentence's start
        word = match.group(1)
        if (right := _SURE.get(word.lower())) is not None and len(word) >= _OPENING_LENGTH:
            right = right[:1].upper() + right[1:]
            edits.setdefault(match.start(1), (len(word), right, Change(word, right)))
    if edits and ("@" in text or "." in text):  # nothing inside an address changes ("github.com/teh")
        for address in ADDRESSES.finditer(text):
            for start in [start for start in edits if address.start() <= start < address.end()]:
                del edits[start]
    if not edits:
        return text, ()
    parts, done = [], 0
    for start in sorted(edits):
        length, replacement, _ = edits[start]
        if start >= done:
            parts += [text[done:start], replacement]
            done = start + length
    return "".join(parts) + text[done:], tuple(edits[start][2] for start in sorted(edits))


def _may_hold_a_slip(text: str) -> bool:
    """Cheap: a known slip is a lower-case word of the text; most answers hold none."""
    return not _SURE.keys().isdisjoint(_LOWER_WORDS.findall(text))
