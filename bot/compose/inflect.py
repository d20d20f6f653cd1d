"""Verb forms as lemminflect gives them, mostly without loading lemminflect.

lemminflect ships its own tables (no downloads), but importing it (numpy) and reading its tables costs about
0.9 s of CPU, which a `thankyou-bot draft` process would pay for its first question or clause. Its answers
for dictionary words come from cached tables instead (verb_tables.py); lemminflect itself is imported only
for what they do not hold: a lemma guessed for a word it does not know ("whiteboarded"), the form of a verb
outside its tables, or a word in capitals. Tidy noun phrases, the usual answer, need neither.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from bot.compose import verb_tables
from bot.compose.wordtable import WordTable

log = logging.getLogger(__name__)
_BE_PRESENT = {"I": "am", "you": "are", "we": "are", "they": "are"}


@cache
def _lemminflect() -> Any:
    import lemminflect  # type: ignore[import-untyped]  # lazy: only for what the tables do not hold

    return lemminflect


@cache
def _table(name: str) -> WordTable | None:
    """One of verb_tables' tables, or None (then lemminflect answers everything, as it did before)."""
    try:
        return verb_tables.lemma_table() if name == "lemmas" else verb_tables.verb_table()
    except (OSError, ValueError) as error:
        log.debug("lemminflect's %s table is not as expected (%s); asking lemminflect", name, type(error).__name__)
        return None


def _plain_case(word: str) -> bool:
    """lemminflect gives its answers in the letter case of the word asked; the tables hold lower case."""
    return not word.isupper() and not word[:1].isupper()


@cache
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Dictionary lemmas by part of speech ({} for a word the tables do not know)."""
    lower = word.lower()
    table = _table("lemmas") if _plain_case(lower) else None
    if table is not None:
        return verb_tables.decode(table.get(lower))
    found: dict[str, tuple[str, ...]] = _lemminflect().getAllLemmas(lower)
    return found


def verb_lemma(word: str) -> str | None:
    """The verb this word is a form of, if the dictionary knows it as a verb."""
    found = lemmas(word)
    known = found.get("VERB") or found.get("AUX")
    if known:
        return known[0]
    if not found and word.lower().endswith("ed") and len(word) > 4:  # "whiteboarded", "dockerized"
        guessed: str = _lemminflect().getLemma(word.lower(), "VERB", lemmatize_oov=True)[0]
        return guessed
    return None


def is_base_verb(word: str) -> bool:
    """ "look", "pick", "handle": a verb in its dictionary form (what follows "does" or "can")."""
    return verb_lemma(word) == word.lower()


def is_noun_only(word: str) -> bool:
    found = lemmas(word)
    return bool(found) and "VERB" not in found and "AUX" not in found


def is_participle(word: str) -> bool:
    """ "working", "structured", "grown": a form that follows "is" or "has"."""
    lemma = verb_lemma(word)
    if lemma is None or lemma == word.lower():
        return False
    lower = word.lower()
    return any(lower in forms(lemma, tag) for tag in ("VBG", "VBN"))


@cache
def forms(lemma: str, tag: str) -> tuple[str, ...]:
    """The spellings of one form of a verb (lemminflect guesses them for a verb it does not know)."""
    table = _table("verbs") if tag in verb_tables.TAGS and _plain_case(lemma) else None
    if table is not None and (found := verb_tables.decode(table.get(lemma.lower())).get(tag)):
        return found
    guessed: tuple[str, ...] = _lemminflect().getInflection(lemma, tag, inflect_oov=True)
    return guessed


def inflect(lemma: str, tag: str) -> str:
    """One form of a verb: VBD past, VBZ third person, VBP/VB base, VBG gerund."""
    found = forms(lemma, tag)
    return found[0] if found else lemma


def past(lemma: str, subject: str) -> str:
    if lemma == "be":
        return "were" if subject.lower() in ("you", "we", "they") else "was"
    return inflect(lemma, "VBD")


def present(lemma: str, subject: str) -> str:
    """The present form that agrees with the subject ("she keeps", "they keep", "it is")."""
    if lemma == "be":
        return _BE_PRESENT.get(subject if subject == "I" else subject.lower(), "is")
    if subject.lower() in ("i", "you", "we", "they"):
        return lemma
    return inflect(lemma, "VBZ")
