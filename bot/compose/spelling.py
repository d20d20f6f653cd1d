"""Offline spelling check of the user's own words (pyspellchecker, English).

The dictionary takes a few hundred milliseconds to load, so it is loaded on first use and only once.
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


@cache
def _checker() -> SpellChecker:
    """pyspellchecker's English dictionary, loaded through the case-sensitive path: its words are already
    lower case, and skipping the library's re-lowering makes the load about 40% faster. Only lower-case
    words are ever looked up (capitalised ones are treated as names)."""
    from spellchecker import SpellChecker

    checker = SpellChecker(language=None, case_sensitive=True)
    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    if packed is None:  # pragma: no cover - the data ships inside the package
        raise FileNotFoundError("pyspellchecker's English dictionary is missing")
    checker.word_frequency.load_json(json.loads(gzip.decompress(packed)))
    return checker


def _american(word: str) -> Iterable[str]:
    for pattern, replacement in _BRITISH:
        variant = pattern.sub(replacement, word)
        if variant != word:
            yield variant


@lru_cache(maxsize=4096)
def _is_known(word: str) -> bool:
    checker = _checker()
    if word in KNOWN_WORDS or word in checker:
        return True
    return any(variant in checker for variant in _american(word))


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
