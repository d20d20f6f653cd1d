"""Proofread a note the member edited by hand, against the answers it was written from.

The same checks as a composed draft (`checks.proofread`), with the spelling of every word rather than only
the member's answers, plus what only a hand edit can break: the company missing, or another company's name
left in from a note written for someone else. `thankyou-bot check` and the chat "Edit note" modals use it.
Pure and fast: no I/O; the spelling dictionary is loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers import Answers
from bot.compose import answer_checks, checks
from bot.compose.fields import address_name
from bot.compose.fit import LINKEDIN_CHARACTERS
from bot.compose.names import proper_name
from bot.drafts import Check

_SUBJECT = re.compile(r"^\s*subject\s*:\s*(?P<subject>[^\n]*)\n?", re.IGNORECASE)
_LEGAL = re.compile(
    r"[\s,]+(?:inc|llc|l\.l\.c|ltd|limited|gmbh|ag|corp|corporation|co|company|plc|s\.?a|b\.?v|pty|llp|srl)\.?$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}"
#: Where only the target company's name goes: "the role at X", "to join X". ("the data team at X" may be a past
#: employer, "my interest in X" or "what X can do" a technology, so they are not read.)
_COMPANY_SLOT = re.compile(
    rf"\b(?:(?:role|position|opening|opportunity|future)\s+(?:at|with)|to\s+join|joining)"
    rf"\s+(?P<name>{_NAME})"
)
_POSSESSIVE = re.compile(r"['’]s?$")
#: "my last job at X", "since joining X": the member's own past, not the company the note is for.
_OWN_PAST = re.compile(
    r"\b(?:my|our|previous|last|former|old|prior|current|since|after|before|when|while|years?)\W+(?:\w+\W+)?$",
    re.IGNORECASE,
)
_NOT_A_COMPANY = frozenset({"the", "a", "an", "our", "your", "my", "this", "that", "i", "you", "we", "it", "me"})


@dataclass(frozen=True)
class EditedNote:
    """The member's text split the way `thankyou-bot draft` prints a note: an optional "Subject:" line."""

    subject: str | None
    body: str


def split_subject(text: str) -> EditedNote:
    text = text.replace("\r\n", "\n").strip()
    found = _SUBJECT.match(text)
    if found is None:
        return EditedNote(None, text)
    return EditedNote(found.group("subject").strip() or None, text[found.end() :].strip())


def company_core(company: str) -> str:
    """ "Johnson & Lee Partners, Inc." → "Johnson & Lee Partners": what people actually write."""
    core = company.strip().rstrip(".")
    while (shorter := _LEGAL.sub("", core).strip().rstrip(",")) != core and shorter:
        core = shorter
    return core or company.strip()


def _mentions(name: str, text: str, flags: int = re.IGNORECASE) -> bool:
    return re.search(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text, flags) is not None


def _same_company(one: str, other: str) -> bool:
    a, b = company_core(one).lower(), company_core(other).lower()
    return a == b or a.startswith(b) or b.startswith(a) or a.split()[:1] == b.split()[:1]


def _company_named(company: str, text: str) -> bool:
    core = company_core(company)
    first = core.split()[0] if core.split() else core
    return _mentions(core, text) or (len(first) >= 3 and first.lower() not in _NOT_A_COMPANY and _mentions(first, text))


def _company_missing(company: str) -> Check:
    return Check(
        code="company-missing",
        level="warning",
        message=f"The note doesn't mention {company}. Naming the company once, with your interest in the role, "
        "shows the note was written for them.",
    )


def _other_company(names: Sequence[str], company: str, level: str) -> Check:
    shown = ", ".join(f"“{name}”" for name in names)
    return Check(
        code="other-company",
        level="error" if level == "error" else "warning",
        message=f"The note names {shown}, but this interview was with {company}. If it came from another note, "
        "change it before sending; readers notice.",
    )


def _other_companies(text: str, answers: Answers, known: Sequence[str]) -> list[Check]:
    """Another company's name: one of the member's other debriefs (certain), or a capitalised name in the
    place a company goes that appears nowhere in these answers (likely)."""
    company = answers.company
    cores = dict.fromkeys(company_core(c) for c in known)
    certain = [c for c in cores if not _same_company(c, company) and _mentions(c, text, 0)]
    answered = " ".join(_answer_texts(answers)).lower()
    likely = []
    for match in _COMPANY_SLOT.finditer(text):
        name = _POSSESSIVE.sub("", match.group("name").rstrip("."))
        if _OWN_PAST.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if name.split()[0].lower() in _NOT_A_COMPANY or name.lower() in answered or _same_company(name, company):
            continue
        if not any(_same_company(name, c) for c in certain):
            likely.append(name)
    found = []
    if certain:
        found.append(_other_company(certain, company, "error"))
    if likely:
        found.append(_other_company(list(dict.fromkeys(likely)), company, "warning"))
    return found


def _answer_texts(answers: Answers) -> list[str]:
    texts = [answers.candidate, answers.company, answers.role or "", answers.strengths or "", answers.add or ""]
    texts += [answers.share or "", answers.next_steps or ""]
    for person in answers.interviewers:
        texts += [person.name, person.title or "", person.discussed or "", person.detail or "", person.email or ""]
    return texts


def _proper_nouns(answers: Answers) -> tuple[str, ...]:
    nouns = [answers.candidate, proper_name(answers.candidate), answers.company, company_core(answers.company)]
    nouns.append(answers.role or "")
    for person in answers.interviewers:
        written = proper_name(person.name)
        nouns += [person.name, written, address_name(written, answers.tone), person.title or "", person.email or ""]
    return tuple(noun for noun in dict.fromkeys(nouns) if noun)


def check_edited(answers: Answers, position: int, text: str, *, other_companies: Sequence[str] = ()) -> list[Check]:
    """Every check of one edited note; `position` is the interviewer's 0-based index, `other_companies` the
    companies of the member's other notes (to catch a name left in from one of them)."""
    person = answers.interviewers[position]
    note = split_subject(text)
    recipient = proper_name(person.name)
    facts = checks.NoteFacts(
        channel=answers.channel,
        recipient=recipient,
        address=address_name(recipient, answers.tone),
        proper_nouns=_proper_nouns(answers),
        about_reader=tuple(t for t in (person.discussed, person.detail) if t),
        whole_note=True,
    )
    found = checks.proofread(note.subject, note.body, facts)
    whole = f"{note.subject or ''}\n{note.body}"
    if not _company_named(answers.company, whole):
        found.append(_company_missing(answers.company))
    found += _other_companies(whole, answers, other_companies)
    if answers.channel == "linkedin" and len(note.body) > LINKEDIN_CHARACTERS:
        found.append(answer_checks.linkedin_too_long(len(note.body)))
    return found
