"""Verb forms from lemminflect, loaded only when an answer needs one (a question, a clause).

lemminflect ships its own tables (no downloads) but reading them costs a few hundred milliseconds, so the
module is imported on first use: tidy noun phrases, the usual answer, never pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_BE_PRESENT = {"I": "am", "you": "are", "we": "are", "they": "are"}


@cache
def _lemminflect() -> Any:
    import lemminflect  # type: ignore[import-untyped]  # lazy: `draft` starts quickly

    return lemminflect


@cache
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Dictionary lemmas by part of speech ({} for a word the tables do not know)."""
    found: dict[str, tuple[str, ...]] = _lemminflect().getAllLemmas(word.lower())
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
    found: tuple[str, ...] = _lemminflect().getInflection(lemma, tag, inflect_oov=True)
    return found


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
