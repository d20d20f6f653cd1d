"""The composer: answers document in, drafts document out. Pure, offline and deterministic.

Every free answer is read first (bot/compose/shapes.py) and enters a sentence only in a form that sentence
accepts; an answer that fits nowhere is left out, and the draft says which and why. Each panellist gets the
parts meant for them (bot/compose/panel.py), and a note that reads too much like another is re-worded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cached_property

from bot.answers import Answers, Interviewer
from bot.compose import answer_checks, checks, panel, promised, shapes, slips, typed
from bot.compose.fields import address_name, person_variables, proper_role, relative_day, role_name, shared_variables
from bot.compose.fit import LINKEDIN_CHARACTERS
from bot.compose.name_field import read_name_field
from bot.compose.names import brands_written, proper_name
from bot.compose.render import Memo, Note, Style, render_note
from bot.compose.similarity import (
    NEAR_DUPLICATE,
    SEQUENCE_LIMIT,
    Positions,
    jaccard,
    positions,
    sentences,
    shingles,
    upper_bound,
    within_limit,
)
from bot.compose.similarity import words as note_words
from bot.compose.tidy import surface
from bot.compose.timing import Offsets, follow_up_at, send_by
from bot.drafts import Check, Draft, DraftsDocument, Recipient

#: Tries at a note that comes out too close to an earlier one of the same panel (the first and re-wordings).
_ATTEMPTS = 6
#: From the fifth person on, the bank's rotation has run out of distinct phrasings: each slot's phrasing is
#: then steered away from the earlier notes (see `render_note`), and a note that shares no sentence with them
#: is tried twice at most. With role, company and strengths in every note, a bigger panel cannot keep every
#: pair at the similarity limit. Measured on 45 six-person panels (benchmarks/bench_compose.py's answers,
#: three tones): highest similarity 0.58 on average before steering (16 renders a panel); steered, 0.417 with
#: three or more tries (8.5 renders) and 0.428 with two (7.5 renders), which keeps the hot path in budget.
_STEERED_FROM = 4
_LATER_ATTEMPTS = 2
#: Variables holding the user's own prose: spell-checked, unlike names and titles.
_USER_PROSE: tuple[str, ...] = ("discussed", "detail", "discussed_clause", "detail_clause", "strengths")
_USER_PROSE += ("strengths_clause", "add", "add_wish", "share", "share_label")
_ABOUT_READER = ("discussed", "detail", "discussed_clause", "detail_clause")
_SHARED_FIELDS = ("strengths", "add", "share")
_PERSON_FIELDS = ("discussed", "detail")

Shingles = frozenset[str]


@dataclass(frozen=True)
class _Written:
    note: Note
    shingles: Shingles
    sentences: frozenset[str]

    @cached_property
    def words(self) -> list[str]:
        """Only needed when a try has no shared sentence, or when every try had one (see `_panel`)."""
        return note_words(self.note.body)

    @cached_property
    def positions(self) -> Positions:
        """Where its words are, for comparing the later notes' tries with it."""
        return positions(self.words)


def _written(note: Note) -> _Written:
    body = note.body.split("\n", 1)[-1]
    return _Written(note, shingles(body), sentences(body))


def _shared(candidate: _Written, earlier: Sequence[_Written]) -> int:
    """Sentences shared with the earlier notes, plus near-duplicates among them (three-word shingles, the
    `similar-to-other-draft` check)."""
    shared = sum(len(candidate.sentences & other.sentences) for other in earlier)
    return shared + sum(jaccard(candidate.shingles, other.shingles) >= NEAR_DUPLICATE for other in earlier)


def _closest(candidate: _Written, earlier: Sequence[_Written], *, likeliest_first: bool = False) -> float:
    """Word-sequence similarity to the earlier notes; the first note over the limit settles it (this try will
    not be kept as is), so the rest are not measured. `likeliest_first` measures the notes in the order of
    how alike they could be (the cheap bound), so a try that is too close is found out at once."""
    bounds: list[float | None] = [None] * len(earlier)
    if likeliest_first:  # each bound is kept: `within_limit` starts from it
        ranked = sorted(((upper_bound(candidate.words, o.words), o) for o in earlier), key=lambda t: -t[0])
        bounds, earlier = [bound for bound, _ in ranked], [other for _, other in ranked]
    closest = 0.0
    for bound, other in zip(bounds, earlier, strict=True):
        fine, measured = within_limit(candidate.words, other.words, where=other.positions, upper=bound)
        closest = max(closest, measured)
        if not fine:
            break
    return closest


def _panel(style: Style, panel_vars: Sequence[Mapping[str, str]], swaps: Sequence[Mapping[str, str]]) -> list[_Written]:
    """One note per person; a note that shares a sentence with an earlier one, or reads too much like it, is
    re-worded, keeping the most distinct of the tries: the fewest shared sentences, then the lowest
    similarity, then the earliest. From the fifth note on, phrasings are steered (see `_STEERED_FROM`).
    Similarity (the costly measure) is taken only where it decides: for a try that shares nothing, and, when
    no try was acceptable, among the tries that share the fewest sentences."""
    notes: list[_Written] = []
    memo = Memo()
    for index, variables in enumerate(panel_vars):
        tries: list[tuple[int, float | None, int, _Written]] = []
        said = frozenset().union(*(other.sentences for other in notes))
        steered = [other.shingles for other in notes]
        later = index >= _STEERED_FROM
        for attempt in range(_ATTEMPTS):
            steer = steered if later else []
            note = render_note(
                style, variables, index=index, attempt=attempt, swap=swaps[index], avoid=said, memo=memo, steer=steer
            )
            written = _written(note)
            shared = _shared(written, notes)
            closest = _closest(written, notes, likeliest_first=later) if shared == 0 else None
            tries.append((shared, closest, attempt, written))
            if closest is not None and (closest <= SEQUENCE_LIMIT or (later and attempt + 1 >= _LATER_ATTEMPTS)):
                break
        notes.append(_most_distinct(tries, notes, later=later))
    return notes


def _most_distinct(
    tries: Sequence[tuple[int, float | None, int, _Written]], notes: Sequence[_Written], *, later: bool
) -> _Written:
    """The try sharing the fewest sentences, then the least similar (measured now where it was not), then
    the earliest. An acceptable last try is always the one: any earlier try shared a sentence or was too
    similar."""
    fewest = min(t[0] for t in tries)
    ranked = [
        (_closest(w, notes, likeliest_first=later) if c is None else c, a, w) for s, c, a, w in tries if s == fewest
    ]
    return min(ranked, key=lambda t: t[:2])[2]


def _near_duplicates(notes: Sequence[_Written], people: Sequence[Interviewer]) -> list[list[str]]:
    """For each note, the names of the other panel members whose note reads almost the same."""
    similar: list[list[str]] = [[] for _ in notes]
    for i, first in enumerate(notes):
        for j in range(i + 1, len(notes)):
            if jaccard(first.shingles, notes[j].shingles) >= NEAR_DUPLICATE:
                similar[i].append(people[j].name)
                similar[j].append(people[i].name)
    return similar


def _proper_nouns(answers: Answers) -> tuple[str, ...]:
    nouns = [answers.candidate, answers.company, answers.role or ""]
    for person in answers.interviewers:
        nouns += [person.name, address_name(person.name, answers.tone), person.title or "", person.email or ""]
    return tuple(noun for noun in nouns if noun)


def _named_properly(answers: Answers) -> tuple[Answers, dict[str, str]]:
    """Names typed in lower case, capitalised; and what was changed (typed → written)."""
    changed: dict[str, str] = {}

    def fix(name: str) -> str:
        written = proper_name(name)
        if written != name:
            changed[name] = written
        return written

    # a role typed with the name ("Sarah (HR)") is the title, unless one was given
    titles = [person.title or read_name_field(person.name).title for person in answers.interviewers]
    people = [
        p.model_copy(update={"name": fix(p.name), "title": t})
        for p, t in zip(answers.interviewers, titles, strict=True)
    ]
    return answers.model_copy(update={"candidate": fix(answers.candidate), "interviewers": people}), changed


def _reading_checks(readings: Mapping[str, shapes.Reading], typed: Mapping[str, str], name: str) -> list[Check]:
    found = []
    for field, reading in readings.items():
        if reading.form == "none" and not reading.link:
            found.append(answer_checks.left_out(reading, typed[field], name))
        elif reading.shortened:
            found.append(answer_checks.shortened(reading, name))
    return found


def _slip_checks(texts: Mapping[str, str], body: str, name: str) -> list[Check]:
    """The slips put right in answers this note carries (tidy.py writes them corrected; see slips.py)."""
    found, lower = [], body.lower()
    for field, text in texts.items():
        shown = [(c.typed, c.written) for c in slips.changes(surface(text)) if c.written.lower() in lower]
        if shown:
            found.append(answer_checks.slips_corrected(field, name, shown))
    return found


def _answer_checks(person: Interviewer, similar: list[str], answers: Answers, now: datetime) -> list[Check]:
    found = []
    if not (person.discussed or person.detail):
        found.append(checks.no_specific_detail(person.name))
    if similar:
        found.append(checks.similar_to(similar))
    if answers.interview_at is not None and (late := checks.late(answers.interview_at, now)):
        found.append(late)
    return found


def _fit_checks(note: Note, channel: str) -> list[Check]:
    """What a plan left out to fit the channel. A second detail dropped while what was discussed stays is
    not worth a word: a short note carries one specific point."""
    found = []
    dropped = tuple(name for name in note.left_out if name != "topic")
    if set(dropped) <= {"detail", "detail_clause"} and note.used & {"discussed", "discussed_clause"}:
        dropped = ()
    if dropped:
        found.append(answer_checks.dropped_to_fit(dropped, channel))
    if channel == "linkedin" and len(note.body) > LINKEDIN_CHARACTERS:
        found.append(answer_checks.linkedin_too_long(len(note.body)))
    return found


def _draft(
    person: Interviewer, note: Note, facts: checks.NoteFacts, found: list[Check], proofreading: checks.Panel
) -> Draft:
    return Draft(
        to=Recipient(name=person.name, email=person.email),
        channel=facts.channel,
        subject=note.subject,
        body=note.body,
        words=len(note.body.split()),
        checks=found + checks.proofread(note.subject, note.body, facts, proofreading),
    )


def _typed(source: object, fields: Sequence[str]) -> dict[str, str]:
    return {field: value for field in fields if (value := getattr(source, field))}


def compose(answers: Answers, *, tz: tzinfo, now: datetime, offsets: Offsets | None = None) -> DraftsDocument:
    """One draft per interviewer, in the order given, each proofread; plus send-by and follow-up times.
    `tz` is the user's zone; `now` (aware) stands in for a missing interview time and dates the checks;
    `offsets` is the member's community's own reminder timing, if it set one."""
    original = answers
    answers, renamed = _named_properly(answers)
    role_typed = role_name(answers.role) if answers.role else ""
    if (role_written := proper_role(role_typed)) != role_typed:
        answers = answers.model_copy(update={"role": role_written})
    answers, recompanied = typed.consistent(answers)
    renamed |= recompanied
    when = relative_day(answers.interview_at, now=now, tz=tz) if answers.interview_at else None
    typed_shared = _typed(answers, _SHARED_FIELDS)
    shared_readings = {field: shapes.read(field, text) for field, text in typed_shared.items()}
    if len(answers.interviewers) == 1 and "share" in shared_readings:  # "the deck she mentioned", to her
        about = [text for text in (answers.interviewers[0].discussed, answers.interviewers[0].detail) if text]
        shared_readings["share"] = promised.to_the_one_reader(shared_readings["share"], about)
    shared = shared_variables(answers, shared_readings, when=when)
    seed = f"{original.candidate}|{original.company}"
    style = Style(
        answers.occasion, answers.tone, answers.channel, rough=answers.went == "rough", seed=seed, went=answers.went
    )
    people = answers.interviewers
    roles = panel.parts(people, answers.occasion, answers.share)
    typed_people = [_typed(person, _PERSON_FIELDS) for person in people]
    person_readings = [{f: shapes.read(f, text) for f, text in typed.items()} for typed in typed_people]
    panel_vars = []
    for index, (person, readings) in enumerate(zip(people, person_readings, strict=True)):
        variables = {**shared, **person_variables(person, answers.tone, readings, company=answers.company)}
        panel_vars.append({k: v for k, v in variables.items() if k not in roles.without(index)})
    swaps = [panel.RECRUITER_SWAP if index in roles.recruiters else {} for index in range(len(people))]
    notes = _panel(style, panel_vars, swaps)
    similar = _near_duplicates(notes, people)
    nouns = _proper_nouns(answers) + tuple(renamed)
    drafts, proofreading = [], checks.Panel()
    for index, (person, variables, written) in enumerate(zip(people, panel_vars, notes, strict=True)):
        note = written.note
        facts = checks.NoteFacts(
            channel=answers.channel,
            recipient=person.name,
            address=variables["address"],
            proper_nouns=nouns,
            user_texts=tuple(variables[key] for key in _USER_PROSE if key in variables),
            about_reader=tuple(variables[key] for key in _ABOUT_READER if key in variables),
        )
        mine_typed = (original.interviewers[index].name, original.candidate, original.company)
        found = [
            answer_checks.name_capitalised(t, w, name_field=t == mine_typed[0])
            for t, w in renamed.items()
            if t in mine_typed
        ]
        texts = [*typed_people[index].values(), *(typed_shared[f] for f in shared_readings if _gets(f, index, roles))]
        found += [
            answer_checks.name_capitalised(t, w, name_field=False)
            for t, w in brands_written(texts, note.body, answers.company)
        ]
        if role_written != role_typed and role_written in f"{note.subject} {note.body}":
            found.append(answer_checks.role_capitalised(role_typed, role_written))
        found += _reading_checks(person_readings[index], typed_people[index], person.name)
        mine = {f: r for f, r in shared_readings.items() if _gets(f, index, roles)}
        found += _reading_checks(mine, typed_shared, person.name)
        found += _slip_checks({**typed_people[index], **{f: typed_shared[f] for f in mine}}, note.body, person.name)
        found += _fit_checks(note, answers.channel)
        found += _answer_checks(person, similar[index], answers, now)
        drafts.append(_draft(person, note, facts, found, proofreading))
    interview_at = answers.interview_at or now
    timing = offsets or Offsets()
    due = send_by(interview_at, tz=tz, now=now, hours=timing.send_by_hours)
    follow_up = follow_up_at(interview_at, answers.next_steps, tz=tz, not_before=due, days=timing.follow_up_days)
    return DraftsDocument(drafts=drafts, send_by=due, follow_up_at=follow_up)


def _gets(field: str, index: int, roles: panel.Parts) -> bool:
    """Whether this person's note would have carried the shared answer (so a problem with it is theirs)."""
    return {"strengths": "strengths", "add": "add", "share": "link"}[field] not in roles.without(index)
