"""Names typed in a hurry ("sarah", "dr. ana garcía", "MARK O'NEIL") written as the note should show them.

Only names typed all in lower case (or all in capitals, beyond an initialism) are changed; anything with a
capital already is the member's own spelling and stays exactly as typed ("iRobot", "DeShawn", "McKenzie").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from bot.compose.name_field import read_name_field
from bot.compose.world_words import BRANDS

_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
                        "bin", "binti", "al", "el", "ter", "ten", "y"})  # fmt: skip
_HONORIFICS = {"dr": "Dr.", "prof": "Prof.", "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx."}
_PIECE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _capital(piece: str) -> str:
    return piece[:1].upper() + piece[1:]


def _word(word: str, first: bool, after_and: bool = False) -> str:
    bare = word.rstrip(".").lower()
    if bare in _HONORIFICS and (first or after_and):  # "mr and mrs smith" → "Mr. and Mrs. Smith"
        return _HONORIFICS[bare]
    if (bare in _PARTICLES or bare == "and") and not first:
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
    """ "sarah chen" → "Sarah Chen", "juan de la cruz" → "Juan de la Cruz"; other names as typed. What came
    with the name goes ("Sarah (HR)" → "Sarah", "priya 🙂" → "Priya"; see name_field.py)."""
    name = read_name_field(name).name
    if not _typed_carelessly(name):
        return name
    words = name.split()
    return " ".join(_word(word, i == 0, i > 0 and words[i - 1].lower() == "and") for i, word in enumerate(words))


_TYPED_WORD = re.compile(r"(?<![\w@./-])[^\W\d_][\w'’]*")


def brands_written(texts: Iterable[str], body: str, company: str = "") -> list[tuple[str, str]]:
    """Companies typed in lower case that the note writes as they spell themselves ("nike" → "Nike"): their
    styling varies ("BuzzFeed", "PwC"), so the member is told; the company applied to is spelled as its
    field spells it (see `respelled`). One look-up per typed word and word pair."""
    found = {typed: written for text in texts for typed, written in _brands_in(text)}
    return [(typed, written) for typed, written in found.items() if written in body and typed != company.lower()]


@lru_cache(maxsize=512)
def _brands_in(text: str) -> tuple[tuple[str, str], ...]:
    """The brands typed in lower case in one answer, with how they are written (cached: a panel's shared
    answers are looked at once per note)."""
    words = [w for w in _TYPED_WORD.findall(text) if w.islower()]
    pairs = ((typed, BRANDS.get(typed.replace("’", "'"))) for typed in [*words, *map(" ".join, pairwise(words))])
    return tuple((typed, written) for typed, written in pairs if written)


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "by", "de", "la", "du", "van", "von", "&"})
_SUFFIXES = {
    "inc": "Inc.", "inc.": "Inc.", "llc": "LLC", "ltd": "Ltd", "ltd.": "Ltd.", "gmbh": "GmbH", "co": "Co",
    "co.": "Co.", "plc": "PLC", "ag": "AG", "sa": "SA", "bv": "BV", "corp": "Corp", "corp.": "Corp.",
}  # fmt: skip


def proper_company(company: str) -> str:
    """ "bluefin health" → "Bluefin Health", "acme inc" → "Acme Inc."; a name with any capital, a digit, a dot
    or an @ is the company's own styling ("eBay", "monday.com", "23andMe") and stays as typed."""
    if company != company.lower() or re.search(r"[\d@/]|\.\w", company) or not _PIECE.search(company):
        return company
    words = company.split()
    written = []
    for index, word in enumerate(words):
        if word in _SUFFIXES and index > 0:
            written.append(_SUFFIXES[word])
        elif word in _SMALL_WORDS and 0 < index < len(words) - 1:
            written.append(word)
        else:
            written.append(_PIECE.sub(lambda m: _capital(m.group(0)), word))
    return " ".join(written)


_ARTICLE_BEFORE = re.compile(r"(?:\b(?:a|an|the|this|that|every|no|some)\s+)$", re.IGNORECASE)


def respelled(text: str, company: str) -> str:
    """The company as its field spells it where an answer typed it in lower case ("8 years at amazon" → "8 years
    at Amazon"). Not after an article or before "of", where the word is the common noun ("the notion of")."""
    lower = company.lower()
    if not text or lower == company or lower not in text:
        return text
    found = re.compile(rf"(?<![\w'’@./-]){re.escape(lower)}(?![\w@/-]|\.\w|\s+of\b)")

    def one(match: re.Match[str]) -> str:
        return match.group(0) if _ARTICLE_BEFORE.search(text[: match.start()]) else company

    return found.sub(one, text)


_HYPHENATED = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # "Ana-Maria", "O'Brien": one name each


def about_reader(text: str, name: str) -> str:
    """ "Alex's dog kept barking", written to Alex: "your dog kept barking"."""
    for part in {p.rstrip(".") for p in name.split()}:
        if len(part) < 2 or part.lower() in _HONORIFICS or not _HYPHENATED.fullmatch(part):
            continue
        text = re.sub(rf"(?<![\w'’-]){re.escape(part)}['’]s\b", "your", text, flags=re.IGNORECASE)
    return text
