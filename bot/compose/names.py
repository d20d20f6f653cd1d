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
