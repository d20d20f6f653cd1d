"""What the member typed, made consistent before it is read: answers that only say "nothing here" ("n/a",
"none", "-", "idk") count as not given, so the note neither warns about them nor treats them as a topic; and
a company name typed all in lower case is written with capitals (the note says so in its checks); and an answer
that names the interviewer as its subject ("jess was super nice", "ana-maria showed me the reel") says "she", so
it is read, and re-addressed, like any other sentence about them."""

from __future__ import annotations

import re

from bot.answers import Answers, Interviewer
from bot.compose.names import proper_company
from bot.compose.shapes import no_answer, read

_PERSON_FIELDS = ("discussed", "detail")
_SHARED_FIELDS = ("strengths", "add", "share")


_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|miss|prof|professor|herr|frau|coach|chef|sister|father)\.?\s+", re.I)
#: After "<name>'s", these make it "<name> is" ("sasha's a former founder"), not a possessive ("sasha's dog").
_IS_AFTER = ("a", "an", "the", "so", "very", "super", "really", "been", "not", "from", "also", "such", "pretty",
             "always", "still", "just", "going", "got", "in", "at", "on", "originally", "moving")  # fmt: skip


def _named_subject(text: str, person: Interviewer) -> str:
    """ "jess was super nice" → "she was super nice" when written about Jess (the note says "you" either way)."""
    bare = _HONORIFIC.sub("", person.name.strip())
    names = {n for n in (bare.split()[0] if bare.split() else "", bare, person.name.strip()) if len(n) > 1}
    for name in sorted(names, key=len, reverse=True):
        found = re.match(rf"{re.escape(name)}(?:(['’]s)\s+(\w+)|\s+(?!and\b|&|or\b|n\b)(?=[a-z]))", text, re.I)
        if found is None:
            continue
        if found.group(1):
            return "she is " + text[found.end(1) + 1 :] if found.group(2).lower() in _IS_AFTER else text
        return "she " + text[found.end() :]
    return text


def _subjects(person: Interviewer) -> dict[str, str]:
    found = {}
    for field in _PERSON_FIELDS:
        value = getattr(person, field)
        if value and (written := _named_subject(value, person)) != value and read(field, written).form != "none":
            found[field] = written  # only when used: a check quoting the answer quotes it as typed
    return found


def _blanks(source: object, fields: tuple[str, ...]) -> dict[str, None]:
    return {field: None for field in fields if (value := getattr(source, field)) and no_answer(value)}


def consistent(answers: Answers) -> tuple[Answers, dict[str, str]]:
    """The answers with no-answers removed and the company capitalised; and the company change (typed → written)
    if there was one."""
    people = [
        person.model_copy(update={**_subjects(person), **_blanks(person, _PERSON_FIELDS)})
        for person in answers.interviewers
    ]
    company = proper_company(answers.company)
    update = {"interviewers": people, "company": company, **_blanks(answers, _SHARED_FIELDS)}
    changed = {answers.company: company} if company != answers.company else {}
    return answers.model_copy(update=update), changed
