"""Names typed in a hurry ("sarah", "dr. ana garcía", "MARK O'NEIL") written as the note should show them.

Only names typed all in lower case (or all in capitals, beyond an initialism) are changed; anything with a
capital already is the member's own spelling and stays exactly as typed ("iRobot", "DeShawn", "McKenzie").
"""

from __future__ import annotations

import re

_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
                        "bin", "binti", "al", "el", "ter", "ten", "y"})  # fmt: skip
_HONORIFICS = {"dr": "Dr.", "prof": "Prof.", "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx."}
_PIECE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _capital(piece: str) -> str:
    return piece[:1].upper() + piece[1:]


def _word(word: str, first: bool) -> str:
    bare = word.rstrip(".").lower()
    if bare in _HONORIFICS and first:
        return _HONORIFICS[bare]
    if bare in _PARTICLES and not first:
        return word.lower()
    return _PIECE.sub(lambda m: _capital(m.group(0)), word.lower())  # "o'neil" → "O'Neil", "jean-luc"


_NAME_LIKE = re.compile(r"[^\W\d_]+\.?(?:[ '’-]+[^\W\d_]+\.?)*")


def _typed_carelessly(name: str) -> bool:
    if not _NAME_LIKE.fullmatch(name.strip()):
        return False  # "{{ name }}", "r2-d2", an email address: not a name to tidy
    letters = [ch for ch in name if ch.isalpha() and ch.lower() != ch.upper()]  # scripts with letter case
    if not letters:
        return False
    if all(ch.islower() for ch in letters):
        return True
    return all(ch.isupper() for ch in letters) and len(letters) > 3 and " " in name.strip()


def proper_name(name: str) -> str:
    """ "sarah chen" → "Sarah Chen", "juan de la cruz" → "Juan de la Cruz"; other names as typed."""
    if not _typed_carelessly(name):
        return name
    words = name.split()
    return " ".join(_word(word, index == 0) for index, word in enumerate(words))
