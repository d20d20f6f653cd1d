"""What the member typed, made consistent before it is read: answers that only say "nothing here" ("n/a",
"none", "-", "idk") count as not given, so the note neither warns about them nor treats them as a topic; and
a company name typed all in lower case is written with capitals (the note says so in its checks)."""

from __future__ import annotations

from bot.answers import Answers
from bot.compose.names import proper_company
from bot.compose.shapes import no_answer

_PERSON_FIELDS = ("discussed", "detail")
_SHARED_FIELDS = ("strengths", "add", "share")


def _blanks(source: object, fields: tuple[str, ...]) -> dict[str, None]:
    return {field: None for field in fields if (value := getattr(source, field)) and no_answer(value)}


def consistent(answers: Answers) -> tuple[Answers, dict[str, str]]:
    """The answers with no-answers removed and the company capitalised; and the company change (typed → written)
    if there was one."""
    people = [person.model_copy(update=_blanks(person, _PERSON_FIELDS)) for person in answers.interviewers]
    company = proper_company(answers.company)
    update = {"interviewers": people, "company": company, **_blanks(answers, _SHARED_FIELDS)}
    changed = {answers.company: company} if company != answers.company else {}
    return answers.model_copy(update=update), changed
