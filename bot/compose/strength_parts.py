"""Strengths typed as a mix of parts ("calm under pressure, 6 yrs ICU", "python + sql, and im a fast learner",
"good with my hands, reliable, i show up on time") made into one clause of the member's own.

Each part is one of: a description of the member ("calm under pressure", "a fast learner" → "I am …"),
an amount of experience ("6 years ICU" → "I have 6 years of ICU experience"), a skill ("Python and SQL" → "I
have experience with …"), a gerund ("typing 90 wpm" → "I type 90 wpm") or the member's own clause ("I show up
on time", kept as typed). A list of skills and amounts alone is no mix: it stays a noun phrase (a topic).
A clause about someone else ("the team is small") has no place among strengths and is left out.
"""

from __future__ import annotations

import re

from bot.compose import grammar, inflect
from bot.compose.phrases import DESCRIBED_BY, amount, described_person, is_clause, join

_GROUP_SPLIT = re.compile(r",\s*(?:and\s+|plus\s+)?|\s+(?:and|plus)\s+(?=(?:I|i)\b|I['’])|\s+\+\s+")
_AND = re.compile(r"\s+and\s+")
_AMOUNT_LAST = re.compile(r"\d\+?\s+(?:years?|months?)\b", re.IGNORECASE)
#: "retail experience", "a background in finance": what the member has, though no amount is named.
_EXPERIENCE = re.compile(r"^(?:[\w&+#./-]+\s+){0,3}(?:experience|background)\b|^a background\b", re.IGNORECASE)
#: Words that open an aside to the part before ("…, mostly ops tooling").
_ASIDE = frozenset({"mostly", "mainly", "especially", "including", "like", "esp", "particularly"})
#: Longest part (in words) read as a skill; a longer one is probably a sentence of another kind.
_SKILL_WORDS = 5
_DESCRIBING_WORDS = 3


def _kind(part: str) -> str:
    """ "clause", "other" (someone else's clause), "described", "had", "doing" (a gerund) or "skill"."""
    words = part.split()
    first = words[0].lower().replace("’", "'")
    if first in grammar.FIRST_PERSON - {"we", "we're", "we've", "we'd", "we'll"}:
        return "clause" if len(words) > 1 else "other"  # a lone "I" says nothing
    if is_clause(part):
        return "other"
    if _AMOUNT_LAST.search(part) and amount(part) != part:  # "line cook 3 years": an amount, not a description
        return "had"
    if DESCRIBED_BY.match(part) or described_person(part) or _adjectives(words):
        return "described"
    if amount(part) != part or _EXPERIENCE.match(part) or re.match(r"^\d", part):
        return "had"
    if re.match(r"^[a-z]+ing\b", part) and _as_doing(part) is not None:
        return "doing"
    return "skill" if len(words) <= _SKILL_WORDS else "other"


def _adjectives(words: list[str]) -> bool:
    """ "discreet", "very calm": adjectives only (an adverb before them at most), no noun among them."""
    found = [inflect.lemmas(w.lower().strip(".,")) for w in words]
    return (
        len(words) <= _DESCRIBING_WORDS
        and "ADJ" in found[-1]
        and all("NOUN" not in f and ({"ADJ", "ADV"} & set(f)) for f in found)
    )


def _as_doing(part: str) -> str | None:
    """ "typing 90 wpm" → "I type 90 wpm"; None when the first word is no verb's "-ing" form."""
    words = part.split()
    lemma = inflect.verb_lemma(words[0].lower())
    if lemma is None or lemma == words[0].lower() or lemma in ("be", "have"):
        return None
    return " ".join(["I", lemma, *words[1:]])


def _parts(text: str) -> list[tuple[str, str]]:
    """Each part with its kind; a part holding "and" is split there when its halves are of other kinds ("3
    years at a vet and good with animals", "patient with kids and 4 years tutoring")."""
    found: list[tuple[str, str]] = []
    for piece in (p.strip() for p in _GROUP_SPLIT.split(text)):
        if not piece:
            continue
        if piece.split()[0].lower().rstrip(".") in _ASIDE and found:
            kind, before = found[-1]
            found[-1] = (kind, f"{before}, {piece}")
            continue
        kind = _kind(piece)
        halves = [h for h in _AND.split(piece) if h]
        if len(halves) > 1:
            kinds = [_kind(h) for h in halves]
            if all(k in ("described", "had", "clause") for k in kinds) and set(kinds) != {kind}:
                found += list(zip(kinds, halves, strict=True))
                continue
        found.append((kind, piece))
    return found


def _clause(kind: str, parts: list[str]) -> str:
    if kind == "described":
        return "I am " + join([_with_article(p) for p in parts])
    if kind == "clause":
        return join([_first_person(p) for p in parts])
    if kind == "doing":
        return join([_as_doing(p) or p for p in parts])
    return "I have " + join([amount(p) for p in parts])


def _with_article(part: str) -> str:
    """ "strong writer" → "a strong writer"; "calm under pressure", "a team player" stay."""
    first = part.split()[0].lower()
    if first in grammar.DETERMINERS | grammar.POSSESSIVES or not described_person(part):
        return part
    return ("an " if first[:1] in "aeiou" else "a ") + part


def _first_person(clause: str) -> str:
    """ "i'm …" as typed by the member, with its capital I."""
    return re.sub(r"^i\b", "I", clause)


def as_clauses(text: str) -> tuple[str, bool] | None:
    """The strengths as one clause and whether a part was left out; None when they are no mix (only skills
    and amounts: a topic) or nothing of the member's own remains."""
    parts = _parts(text)
    kinds = {kind for kind, _ in parts}
    if (len(parts) < 2 and kinds != {"described"}) or not kinds & {"described", "clause"} or not kinds - {"other"}:
        return None
    if parts[0][0] == "clause" and "described" not in kinds:
        return None  # "I know Python, SQL and Tableau": the skills after the clause are its objects
    groups: dict[str, list[str]] = {}
    skills: list[str] = []  # "Python and SQL": what the member has experience with, named once
    for kind, part in parts:
        groups.setdefault("had" if kind == "skill" else kind, [])
        (skills if kind == "skill" else groups[kind]).append(part)
    if skills:
        groups["had"].append("experience with " + join(skills))
    left_out = bool(groups.pop("other", None))
    clauses = [_clause(kind, items) for kind, items in groups.items()]
    if len(clauses) == 1:
        return clauses[0], left_out
    return ", ".join(clauses[:-1]) + ", and " + clauses[-1], left_out
