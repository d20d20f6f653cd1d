"""The composer: answers document in, drafts document out. Pure, offline and deterministic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo

from bot.answers import Answers, Interviewer
from bot.compose import checks
from bot.compose.fields import address_name, person_variables, relative_day, shared_variables
from bot.compose.render import Note, Style, render_note
from bot.compose.similarity import NEAR_DUPLICATE, jaccard, shingles
from bot.compose.timing import follow_up_at, send_by
from bot.drafts import Check, Draft, DraftsDocument, Recipient

#: Re-wordings tried when a note comes out too close to an earlier one of the same panel.
_ATTEMPTS = 4
#: Variables holding the user's own prose: spell-checked, unlike names and titles.
_USER_PROSE = ("discussed", "detail", "strengths", "add", "share")

Shingles = frozenset[tuple[str, ...]]


def _fingerprint(note: Note) -> Shingles:
    """Shingles of the body below the greeting: the part panel members would compare."""
    return shingles(note.body.split("\n", 1)[-1])


def _panel(style: Style, panel: Sequence[Mapping[str, str]]) -> list[tuple[Note, Shingles]]:
    """One note per person; a note too close to an earlier one is re-worded, keeping the most distinct."""
    notes: list[tuple[Note, Shingles]] = []
    for index, variables in enumerate(panel):
        tries = []
        for attempt in range(_ATTEMPTS):
            note = render_note(style, variables, index=index, attempt=attempt)
            fingerprint = _fingerprint(note)
            closest = max((jaccard(fingerprint, other) for _, other in notes), default=0.0)
            tries.append((closest, attempt, note, fingerprint))
            if closest < NEAR_DUPLICATE:
                break
        _, _, note, fingerprint = min(tries)
        notes.append((note, fingerprint))
    return notes


def _near_duplicates(notes: Sequence[tuple[Note, Shingles]], people: Sequence[Interviewer]) -> list[list[str]]:
    """For each note, the names of the other panel members whose note reads almost the same."""
    similar: list[list[str]] = [[] for _ in notes]
    for i, (_, first) in enumerate(notes):
        for j in range(i + 1, len(notes)):
            if jaccard(first, notes[j][1]) >= NEAR_DUPLICATE:
                similar[i].append(people[j].name)
                similar[j].append(people[i].name)
    return similar


def _proper_nouns(answers: Answers) -> tuple[str, ...]:
    nouns = [answers.candidate, answers.company, answers.role or ""]
    for person in answers.interviewers:
        nouns += [person.name, address_name(person.name, answers.tone), person.title or "", person.email or ""]
    return tuple(noun for noun in nouns if noun)


def _answer_checks(person: Interviewer, similar: list[str], answers: Answers, now: datetime) -> list[Check]:
    found = []
    if not (person.discussed or person.detail):
        found.append(checks.no_specific_detail(person.name))
    if similar:
        found.append(checks.similar_to(similar))
    if answers.interview_at is not None and (late := checks.late(answers.interview_at, now)):
        found.append(late)
    return found


def _draft(person: Interviewer, note: Note, facts: checks.NoteFacts, found: list[Check]) -> Draft:
    return Draft(
        to=Recipient(name=person.name, email=person.email),
        channel=facts.channel,
        subject=note.subject,
        body=note.body,
        words=len(note.body.split()),
        checks=found + checks.proofread(note.subject, note.body, facts),
    )


def compose(answers: Answers, *, tz: tzinfo, now: datetime) -> DraftsDocument:
    """One draft per interviewer, in the order given, each proofread; plus send-by and follow-up times.
    `tz` is the user's zone; `now` (aware) stands in for a missing interview time and dates the checks."""
    when = relative_day(answers.interview_at, now=now, tz=tz) if answers.interview_at else None
    shared = shared_variables(answers, when=when)
    seed = f"{answers.candidate}|{answers.company}"
    style = Style(answers.occasion, answers.tone, answers.channel, rough=answers.went == "rough", seed=seed)
    people = answers.interviewers
    panel = [{**shared, **person_variables(person, answers.tone)} for person in people]
    notes = _panel(style, panel)
    similar = _near_duplicates(notes, people)
    nouns = _proper_nouns(answers)
    drafts = []
    for index, (person, variables, (note, _)) in enumerate(zip(people, panel, notes, strict=True)):
        facts = checks.NoteFacts(
            channel=answers.channel,
            recipient=person.name,
            address=variables["address"],
            proper_nouns=nouns,
            user_texts=tuple(variables[key] for key in _USER_PROSE if key in variables),
            about_reader=tuple(variables[key] for key in ("discussed", "detail") if key in variables),
        )
        drafts.append(_draft(person, note, facts, _answer_checks(person, similar[index], answers, now)))
    interview_at = answers.interview_at or now
    due = send_by(interview_at, tz=tz, now=now)
    return DraftsDocument(
        drafts=drafts, send_by=due, follow_up_at=follow_up_at(interview_at, answers.next_steps, tz=tz, not_before=due)
    )
