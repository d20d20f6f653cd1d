"""Offline spelling check of the user's own words (pyspellchecker, English).

Loading the dictionary is slow, so it happens on first use and only once: first just its word list
(enough to know that every word is fine), and the full checker only when a correction is to be suggested.
To avoid false alarms, words that are probably names or terms are never reported: anything with a
capital letter, digits or accents, web and email addresses, the user's proper nouns, common workplace
and tech words, and British spellings of known American words ("colour", "organisation").
"""

from __future__ import annotations

import gzip
import json
import pkgutil
import re
from collections.abc import Collection, Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from bot.compose.wordlists import KNOWN_WORDS

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
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


_DATA = ("spellchecker", "resources/en.json.gz")
_KEY = re.compile(r'"([^"\\]+)":\s*\d')
#: Far fewer words than this means the data file's layout changed; then the full checker is used instead.
_EXPECTED_WORDS = 50_000


def _dictionary_text() -> str:
    packed = pkgutil.get_data(*_DATA)
    if packed is None:  # pragma: no cover - the data ships inside the package
        raise FileNotFoundError("pyspellchecker's English dictionary is missing")
    return gzip.decompress(packed).decode("utf-8")


@cache
def _words() -> frozenset[str]:
    """Every word of pyspellchecker's English dictionary, read straight from its data file: a third of the
    time of building the full checker, which is only needed when a word is unknown (for a suggestion)."""
    words = frozenset(_KEY.findall(_dictionary_text()))
    return words if len(words) >= _EXPECTED_WORDS else frozenset(_checker().word_frequency.keys())


@cache
def _checker() -> SpellChecker:
    """The full checker, for suggestions. Its words are already lower case, so the case-sensitive loading
    path is used: it skips the library's re-lowering of every word, about a third of its load time."""
    from spellchecker import SpellChecker

    checker = SpellChecker(language=None, case_sensitive=True)
    checker.word_frequency.load_json(json.loads(_dictionary_text()))
    return checker


def _american(word: str) -> Iterable[str]:
    for pattern, replacement in _BRITISH:
        variant = pattern.sub(replacement, word)
        if variant != word:
            yield variant


@lru_cache(maxsize=4096)
def _is_known(word: str) -> bool:
    words = _words()
    if word in KNOWN_WORDS or word in words:
        return True
    return any(variant in words for variant in _american(word))


@lru_cache(maxsize=1024)
def suggestion(word: str) -> str | None:
    """The most common known word one edit away (about a millisecond). Two edits would catch a few more
    slips but takes seconds for a long unknown word, so it is not tried."""
    checker = _checker()
    found = checker.known(checker.edit_distance_1(word))
    return max(sorted(found), key=checker.word_usage_frequency) if found else None


def _candidates(text: str, ignore: Collection[str]) -> Iterable[str]:
    for token in _WORD.findall(_ADDRESSES.sub(" ", text)):
        token = token.replace("’", "'").strip("'-")
        token = re.sub(r"'s$", "", token)
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
