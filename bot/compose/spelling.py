"""Offline spelling check of the user's own words (pyspellchecker, English).

The dictionary is opened on first use and only once: pyspellchecker's data file, turned once into a sorted
word → count table kept in the cache folder (`wordtable.py`), which answers both "is this a word?" and
"which word did they mean?" without being parsed; the library's own checker is used only if that file's
layout ever changes.
To avoid false alarms, words that are probably names or terms are never reported: anything with a
capital letter, digits or accents, web and email addresses, the user's proper nouns, workplace and tech
words (`workplace_words.py`) with their regular forms ("webhooks", "roastery"), chat shorthand (the
`informal` check's business), and British spellings of known American words ("colour", "organisation").

A correction is offered only when it is very probably right: a well-known slip ("alot"), or one edit away
from a single clearly most common word, for a word long enough to have few neighbours. "yrs", "lol" and
"dbt" are never "corrected" to "yes", "lot" and "debt"; a word that is only flagged costs the reader a
second look, a wrong correction costs their trust.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.compose import wordtable
from bot.compose.wordlists import INFORMAL_WORDS, KNOWN_WORDS
from bot.compose.wordtable import WordTable
from bot.compose.workplace_words import WORKPLACE_TERMS

if TYPE_CHECKING:
    from spellchecker import SpellChecker

log = logging.getLogger(__name__)
#: Web and e-mail addresses: never spell-checked, never corrected.
ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")
_BRITISH = (
    (re.compile(r"our(s?)$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"our(ed|ing|able|ite|ites)$"), r"or\1"),
)


#: Regular endings: a word is known when it is a known word with one of these ("webhooks", "roastery").
_ENDINGS = ("ings", "ing", "eries", "ery", "ers", "er", "ed", "es", "s", "ly", "ness", "able")
#: Slips made so often that their correction is certain (edit distance alone would guess wrong or not at all).
COMMON_SLIPS = {
    "alot": "a lot", "teh": "the", "recieve": "receive", "recieved": "received",
    "adress": "address", "tommorow": "tomorrow", "tomorow": "tomorrow", "reccomend": "recommend",
    "recomend": "recommend", "definately": "definitely", "seperate": "separate", "untill": "until",
    "wich": "which", "becuase": "because", "beacuse": "because", "oppurtunity": "opportunity",
    "oportunity": "opportunity", "intrested": "interested", "managment": "management",
    "enviroment": "environment", "goverment": "government", "occured": "occurred", "begining": "beginning",
    "beleive": "believe", "acheive": "achieve", "acheived": "achieved", "wierd": "weird",
    "existance": "existence", "independant": "independent", "neccessary": "necessary",
    "accomodate": "accommodate", "succesful": "successful", "sucessful": "successful", "buisness": "business",
    "bussiness": "business", "proffesional": "professional", "knowlege": "knowledge",
    "experiance": "experience", "collegue": "colleague", "collegues": "colleagues",
    "responsability": "responsibility", "relevent": "relevant", "arguement": "argument",
    "excercise": "exercise", "greatful": "grateful", "priviledge": "privilege", "sincerly": "sincerely",
    "truely": "truly", "writting": "writing", "thier": "their", "freind": "friend", "occassion": "occasion",
    "recieving": "receiving", "recieves": "receives", "definetly": "definitely", "definitly": "definitely",
    "definatly": "definitely", "seperately": "separately", "accross": "across", "tommorrow": "tomorrow",
    "mangement": "management", "developement": "development", "enviornment": "environment",
    "excellant": "excellent", "strenghts": "strengths", "strenght": "strength", "techincal": "technical",
    "collaberation": "collaboration", "colaboration": "collaboration", "comunication": "communication",
    "communciation": "communication", "intrest": "interest", "awsome": "awesome",
}  # fmt: skip
#: A correction is offered only when it is this many times as common as the next candidate.
_CONFIDENCE = 4.0
#: Shorter words have too many one-edit neighbours for a guess to be safe ("yrs" → "yes", "lol" → "lot").
_MIN_GUESS_LENGTH = 5
_VOWEL = re.compile(r"[aeiou]")

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
#: Far fewer words than this means the data file's layout changed; then the full checker is used instead.
_EXPECTED_WORDS = 50_000


def _dictionary_path() -> Path:
    """pyspellchecker's English word counts, found without importing the library."""
    spec = importlib.util.find_spec("spellchecker")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:  # pragma: no cover - the dependency is installed with the package
        raise FileNotFoundError("pyspellchecker is not installed")
    return Path(next(iter(folders))) / "resources" / "en.json.gz"


def _dictionary_text() -> str:
    import gzip  # only while the table is built

    return gzip.decompress(_dictionary_path().read_bytes()).decode("utf-8")


def _dictionary_rows() -> Iterable[tuple[str, str]]:
    """Word and count rows for the table, read with the JSON parser; ValueError when the layout changed."""
    counts = json.loads(_dictionary_text())
    if not isinstance(counts, dict) or len(counts) < _EXPECTED_WORDS:
        raise ValueError("pyspellchecker's dictionary has an unknown layout")
    if not all(isinstance(count, int) for count in counts.values()):
        raise ValueError("pyspellchecker's dictionary has counts that are not whole numbers")
    # a word with a tab or a newline is no word `misspelled` asks about
    return [(word, str(count)) for word, count in counts.items() if "\t" not in word and "\n" not in word]


class _Counts(Mapping[str, int]):
    """Word → count over the sorted table: a lookup bisects it, so nothing is parsed when a note is checked."""

    def __init__(self, table: WordTable) -> None:
        self._table = table

    def __getitem__(self, word: str) -> int:
        found = self._table.get(word)
        if found is None:
            raise KeyError(word)
        return int(found)

    def __contains__(self, word: object) -> bool:
        return word in self._table

    def __iter__(self) -> Iterator[str]:
        return (word for word, _ in self._table.items())

    def __len__(self) -> int:
        return len(self._table)


@cache
def _words() -> Mapping[str, int]:
    """Every word of pyspellchecker's English dictionary with how often it occurs. Kept as a sorted table in
    the cache folder (bot/compose/wordtable.py): a new process reads it in a few milliseconds, where parsing
    the library's file costs a few hundred. The library's own checker is used only if that file changed."""
    try:
        # this file builds the table: an edit of it builds the table afresh
        return _Counts(wordtable.cached("spelling-en", [_dictionary_path(), Path(__file__)], _dictionary_rows))
    except (OSError, ValueError):
        log.debug("spelling dictionary: unexpected data file; using pyspellchecker's own loader")
        return dict(_checker().word_frequency.dictionary)


@cache
def _checker() -> SpellChecker:
    """The library's own checker, loading its English dictionary its own way (a fallback only)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en")


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (as pyspellchecker does)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaces = [left + c + right[1:] for left, right in splits if right for c in _LETTERS]
    inserts = [left + c + right for left, right in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _american(word: str) -> Iterable[str]:
    for pattern, replacement in _BRITISH:
        variant = pattern.sub(replacement, word)
        if variant != word:
            yield variant


def _in_dictionary(word: str) -> bool:
    words = _words()
    if word in KNOWN_WORDS or word in WORKPLACE_TERMS or word in words:
        return True
    return any(variant in words for variant in _american(word))


def _stems(word: str) -> Iterable[str]:
    """What `word` may be built from: "webhooks" → "webhook", "roastery" → "roast", "shipped" → "ship"."""
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            yield stem
            if ending[0] in "aeiou":
                yield stem + "e"  # "managed" → "manage"; never before a consonant ("sincerly" ≠ "sincere")
            if len(stem) >= 4 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "shipped" → "ship"
            if stem.endswith("i"):
                yield stem[:-1] + "y"  # "deliveries" → "delivery"


@lru_cache(maxsize=4096)
def _is_known(word: str) -> bool:
    if word in INFORMAL_WORDS or _in_dictionary(word):
        return True
    return word not in COMMON_SLIPS and any(_in_dictionary(stem) for stem in _stems(word))


@lru_cache(maxsize=1024)
def suggestion(word: str) -> str | None:
    """A correction only when it is very probably right (see the module's docstring), else None. One edit
    away (about a millisecond); two edits would take seconds for a long unknown word, so it is not tried."""
    if word in COMMON_SLIPS:
        return COMMON_SLIPS[word]
    if len(word) < _MIN_GUESS_LENGTH or not _VOWEL.search(word):
        return None  # short words and abbreviations ("mgmt") have too many neighbours
    counts = _words()
    ranked = sorted((w for w in _one_edit(word) if w in counts), key=lambda w: (-counts[w], w))
    if not ranked:
        return None
    best = ranked[0]
    if len(ranked) > 1 and counts[best] < _CONFIDENCE * counts[ranked[1]]:
        return None
    if best in (word[:-1], word[1:]):
        return None  # only a letter dropped at an end: more likely a different word than a slip
    return best


def _candidates(text: str, ignore: Collection[str]) -> Iterable[str]:
    for token in _WORD.findall(ADDRESSES.sub(" ", text)):
        token = token.replace("’", "'").strip("'-")
        token = token.removesuffix("'s")  # a possessive; a token never holds a line break for "$" to stop at
        if not token.isascii() or token.lower() != token or token in ignore or _DIGIT.search(token):
            continue
        for part in token.split("-"):
            if len(part) >= 3 and part not in ignore:
                yield part


def misspelled(texts: Iterable[str], *, ignore: Collection[str] = ()) -> list[str]:
    """Words in `texts` that look misspelled, in order of first appearance. `ignore` holds lower-case
    words never to report (the user's names, company, role and titles)."""
    found: dict[str, None] = {}
    for text in texts:
        for word in _candidates(text, ignore):
            if word not in found and not _is_known(word):
                found[word] = None
    return list(found)


_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?] ))[ \t]*([A-Z][a-z]{2,})(?=[\s,.!?;:]|$)", re.MULTILINE)


def capitalised_slips(text: str, *, ignore: Collection[str] = ()) -> list[tuple[str, str]]:
    """Capitalised words opening a sentence or a line ("Thnak you", "Sincerly,") that are very probably slips,
    with their correction. Only when a confident correction exists: a name there ("Maria mentioned…") has none,
    so it is never reported."""
    found: dict[str, str] = {}
    for word in _SENTENCE_START.findall(text):
        lower = word.lower()
        if word in found or lower in ignore or _is_known(lower):
            continue
        fix = suggestion(lower)
        if fix is not None:
            found[word] = fix[:1].upper() + fix[1:]
    return list(found.items())
