"""A clause typed with a second part after a comma, joined the way a writer would before it goes after "that".

Members add a second thought after a comma: "he ran the stats for the study, published it last year" (a verb
with no subject of its own), "they're hiring 3 analysts, the team doubled this year" (a second clause),
"he came from the army, very structured" (an impression). After "I was struck that …" the first needs "and";
the second and third are left out, as a second sentence is (the note keeps the first part and says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.compose import grammar, inflect

#: Words that may come between the comma and the verb ("…, just got back from a conference").
_BEFORE_VERB = grammar.ADVERBS | {"then", "recently", "once", "later", "finally", "eventually"}
_OBJECT = grammar.DETERMINERS | grammar.POSSESSIVES | {"it", "them", "me", "us", "him", "her", "up", "back", "out"}
#: The present of a verb agrees with the new "you" when "she"/"he" is re-addressed ("has" → "have").
_AGREE = {"has": "have", "is": "are", "was": "were", "does": "do"}
_DESCRIBING_WORDS = 4
#: "(the office has a dog,) named Pixel": a participle that describes the noun before the comma.
_DESCRIBING_PARTICIPLES = frozenset({"named", "called", "based", "located", "known", "nicknamed", "owned"})
#: "if i get it i'd love to …", "(you'll be my mentor) if I get it": the condition's "it" is the role.
_IF_I_GET = re.compile(
    r"\b((?:if|once|when)\s+I\s+(?:get|got|land|landed|am offered|receive|get offered)\s+)"
    r"(?:(it|this|that)\b(?!\s+(?:role|job|position|offer)\b)|((?:the|this|an?)\s+(?:role|job|position|offer)\b))"
    r"(,?\s*(?=I\b|I['’]))?",
    re.IGNORECASE,
)
_TOOK_TIME = re.compile(
    r"^(?:took|takes|lasted)\s+(?:about\s+|almost\s+|over\s+|nearly\s+)?(?:\d+|an?|a few|two|three|four|five|six)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Joined:
    """The clause as it will read, and whether a part of it was left out."""

    text: str
    shortened: bool = False


def _finite_verb(words: list[str], at: int) -> bool:
    """ "got back", "published it", "has 3 of them", "took 6 months": a verb in the past or present that
    cannot be read as a noun or adjective here."""
    word = words[at].lower().strip(".,;:!?")
    following = words[at + 1].lower() if at + 1 < len(words) else ""
    lemma = inflect.verb_lemma(word) if word.isalpha() else None
    if lemma is None or lemma == word:
        return False
    found = inflect.lemmas(word)
    if word in _AGREE or word == "had":
        return True
    object_follows = following in _OBJECT or following[:1].isdigit()
    if word in inflect.forms(lemma, "VBD"):
        return ("NOUN" not in found and "ADJ" not in found) or object_follows
    return word in inflect.forms(lemma, "VBZ") and object_follows


def _describing(words: list[str]) -> bool:
    """ "very structured", "super friendly": only adjectives and adverbs, no noun among them."""
    if not words or len(words) > _DESCRIBING_WORDS:
        return False
    found = [inflect.lemmas(w.lower().strip(".,;:!?")) for w in words]
    return "ADJ" in found[-1] and all(f and "NOUN" not in f and {"ADJ", "ADV"} & set(f) for f in found)


def _agreeing(subject: str, tail: list[str], at: int) -> list[str]:
    """ "(she restores mustangs and) has 3 of them": the verb that will follow "you" in the note agrees with it."""
    if subject not in ("she", "he"):
        return tail
    word = tail[at].lower()
    lemma = inflect.verb_lemma(word)
    if word in _AGREE:
        written = _AGREE[word]
    elif lemma and word in inflect.forms(lemma, "VBZ"):
        written = lemma
    else:
        return tail
    return [*tail[:at], written, *tail[at + 1 :]]


def named_condition(text: str) -> str:
    """ "if i get it i'd love to start …" → "if I get the role, I'd love to start …": the "it" names nothing the
    reader can see, and a condition that opens the sentence ends with its comma."""

    def written(found: re.Match[str]) -> str:
        comma = ", " if found.group(4) is not None else ""
        return f"{found.group(1)}{found.group(3) or 'the role'}{comma}"

    return _IF_I_GET.sub(written, text)


def _verb_at(words: list[str]) -> int:
    return next((n for n, w in enumerate(words) if w.lower() not in _BEFORE_VERB), len(words))


def verb_after_comma(text: str) -> bool:
    """ "her dog, Biscuit, came to the call": a part after a comma opens with a verb, so the whole is a clause
    (its subject named twice), never a list of topics."""
    for part in text.split(", ")[1:]:
        words = part.split()
        at = _verb_at(words)
        if at + 1 < len(words) and _finite_verb(words, at) and not inflect.is_participle(words[at].lower()):
            return True  # "finished last spring" may describe the noun before it ("the staircase, finished …")
    return False


def object_before_verb(text: str) -> str | None:
    """ "(she explained) the roadmap, showed me the dashboards" → "the roadmap": after a lead-in, the object
    and then a second verb with the same subject; the first object is the topic. None otherwise."""
    head, comma, rest = text.partition(", ")
    words = rest.split()
    at = _verb_at(words)
    if not comma or not head.strip() or at + 1 >= len(words) or not _finite_verb(words, at):
        return None
    return head if words[at].lower() not in _DESCRIBING_PARTICIPLES else None


def join_tail(text: str) -> Joined:
    """ "she started as an SDR, got promoted twice" → "she started as an SDR and got promoted twice"; a second
    clause or a describing tail is left out; anything else (an aside, a place) stays as typed."""
    head, comma, rest = text.partition(", ")
    tail = rest.split()
    if not comma or len(tail) < 2 or len(head.split()) < 2 or "," in rest:
        return Joined(text)  # a verb joined needs what follows it, and a head with its subject and verb
    if _TOOK_TIME.match(rest):  # "she wrote the guide herself, took 6 months": the writing took them
        return Joined(f"{head}, which {rest}")
    at = _verb_at(tail)
    if at < len(tail) and _finite_verb(tail, at) and tail[at].lower() not in _DESCRIBING_PARTICIPLES:
        subject = head.split()[0].lower()
        return Joined(f"{head} and {' '.join(_agreeing(subject, tail, at))}")
    if tail[0].lower() in grammar.DETERMINERS | grammar.POSSESSIVES and grammar.finite_clause(tail):
        return Joined(head, shortened=True)  # a second thought of its own, as after ", she …" (shapes._SEGMENTS)
    if _describing(tail):
        return Joined(head, shortened=True)
    return Joined(text)
