"""Cheap, exact looks at a text that tell when a costly regular expression cannot match, so it is skipped.

Each answers "could the pattern match?" and may say yes when it cannot, never no when it can: the checks
find exactly what the patterns alone find (tests/compose/test_fast_paths.py holds them to that).
"""

from __future__ import annotations

#: The only non-ASCII letters that re.IGNORECASE matches to ASCII ones ("ſ" to "s", the Kelvin sign to "k"):
#: where one appears, a search in `str.lower()` text could miss what a case-blind pattern finds.
FOLDS_TO_ASCII = frozenset("İıſ\u212a")


def is_word_char(ch: str) -> bool:
    """What `\\w` matches in a regular expression: letters and digits of any script, and "_"."""
    return ch.isalnum() or ch == "_"


def has_whole_word(word: str, text: str) -> bool:
    """`word` in `text` with no letter, digit or "_" on either side, as `\\bword\\b` finds it."""
    place = text.find(word)
    while place != -1:
        end = place + len(word)
        before_ok = place == 0 or not is_word_char(text[place - 1])
        if before_ok and (end == len(text) or not is_word_char(text[end])):
            return True
        place = text.find(word, place + 1)
    return False


def case_blind_safe(text: str) -> bool:
    """Whether `text.lower()` holds every ASCII word a case-blind pattern could match in `text`."""
    return text.isascii() or not any(letter in text for letter in FOLDS_TO_ASCII)
