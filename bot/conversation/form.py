"""The debrief as one form: its fields come from the flow, and what is typed into them is read by the same
named parsers the chat uses, into the same answers document. Pure: no I/O.

People fit a form badly as one question each, so they are two fields: `interviewers`, one person per line
("Priya Natarajan, Engineering Manager, priya@acme.example": the e-mail is found wherever it is, the rest
after the name is the title), and one multi-line field per thing said about each person (`interviewers.*.
discussed`: one line per person in the same order, or "Priya: …" to name them). A folded field rides after a
`;` on the same line, exactly as in the chat ("streaming; her on-call redesign").
"""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot import messages
from bot.actions import Choice
from bot.answers import Answers
from bot.conversation.cursor import cursors, get_value, required, set_value
from bot.conversation.flow import Flow, Step
from bot.conversation.parsers import PARSERS, ParseContext, Reject, means_skip
from bot.forms import PEOPLE, PER_PERSON_PREFIX, FormErrors, FormField, FormSpec, FormValues, Kind

#: Per-person fields written on the person's own line, after the name.
LINE_FIELDS = ("title", "email")
MAX_LABEL = 45
MAX_HINT = 100
_EXAMPLE = re.compile(r"\(e\.g\.\s*([^)]*)\)")
_SPLIT = re.compile(r"\s*[,;|\t]\s*")
_NAMED = re.compile(r"^\s*(?P<name>[^:]{1,100}?)\s*:\s*(?P<rest>.*)$")
_DEFAULTS = {name: f.default for name, f in Answers.model_fields.items()}
_LONG = {"add", "discussed", "next_steps", "strengths"}


def build_spec(flow: Flow, answers: dict[str, Any], timezone: str) -> FormSpec:
    """Every field of the flow once (folded ones inside their question), filled with `answers`."""
    tz = ZoneInfo(timezone)
    fields: list[FormField] = []
    for step in flow.steps:
        if step.repeat and (step.field in LINE_FIELDS or step.field in flow.folded):
            continue
        fields.append(_field(flow, step, answers, tz))
    return FormSpec(tuple(fields), timezone)


def _field(flow: Flow, step: Step, answers: dict[str, Any], tz: ZoneInfo) -> FormField:
    label, hint = step.label[:MAX_LABEL], _hint(step)
    optional = step.optional or bool(step.required_when)
    if step.repeat:
        return FormField(PER_PERSON_PREFIX + step.field, "per_person", label, messages.text("form_hint_per_person"),
                         True, max_length=3000, value=_per_person_text(step, answers))  # fmt: skip
    value = answers.get(step.field)
    if step.field == PEOPLE:
        hint = messages.text("form_hint_people")
        return FormField(PEOPLE, "people", label, hint, False, max_length=3000, value=_people_text(answers))
    if step.parser == "choice":
        choices = tuple(Choice(c.value, c.label) for c in step.choices)
        return FormField(
            step.field, "choice", label, hint, True, choices, value=value if isinstance(value, str) else ""
        )
    if step.parser == "past_datetime":
        return FormField(step.field, "when", label, hint, optional, max_length=100, value=_local(value, tz))
    kind: Kind = "long_text" if step.field in _LONG else "text"
    limit = 100 if step.parser == "name" else 500 if step.parser == "url" else 1000
    return FormField(step.field, kind, label, hint, optional, max_length=limit, value=str(value or ""))


def _hint(step: Step) -> str:
    example = _EXAMPLE.search(step.prompt)
    hint = messages.text("form_hint_example", example=example.group(1)) if example else ""
    return hint if len(hint) <= MAX_HINT else ""


def _local(value: object, tz: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(str(value)).astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""
    except ValueError:
        return ""


def _people_text(answers: dict[str, Any]) -> str:
    lines = []
    for person in answers.get(PEOPLE) or []:
        parts = [person.get("name", ""), *(person.get(f) for f in LINE_FIELDS)]
        lines.append(", ".join(str(p) for p in parts if p))
    return "\n".join(lines)


def _per_person_text(step: Step, answers: dict[str, Any]) -> str:
    lines = []
    for person in answers.get(PEOPLE) or []:
        parts = [person.get(f) or "" for f in (step.field, *step.together)]
        said = "; ".join(parts).rstrip("; ")
        lines.append(f"{person.get('name', '')}: {said}" if said else "")
    return "\n".join(lines).strip("\n")


# --- reading a submitted form ---------------------------------------------------------------------------


def read_form(
    flow: Flow,
    values: FormValues,
    *,
    answers: dict[str, Any],
    now: datetime,
    tz: ZoneInfo,
    date_order: str,
    complete: bool,
) -> tuple[dict[str, Any], FormErrors]:
    """`answers` updated with the submitted `values`, and what is wrong (key → message; empty when all is well).

    Only the keys submitted change (a Discord page holds a few); with `complete`, every required answer must
    be there afterwards. An invalid field leaves its old answer alone, so the valid ones can still be kept.
    """
    given = dict(values)
    result = copy.deepcopy(answers)
    errors: FormErrors = {}
    ordered = sorted(given, key=lambda key: (key != PEOPLE, key))  # people first: the per-person lines need them
    for key in ordered:
        if key.startswith(PER_PERSON_PREFIX) and PEOPLE in errors:
            continue  # the lines follow the people, who need fixing first
        text = given[key].strip()
        try:
            result = _apply(flow, result, key, text, now=now, tz=tz, date_order=date_order)
        except Reject as reason:
            errors[key] = str(reason)
    for step in flow.steps:
        if step.repeat or (step.field not in given and not complete) or step.field in errors:
            continue
        if get_value(result, step.field) is None and required(step, result, _DEFAULTS):
            errors[step.field] = messages.text("cannot_skip", why=step.why or "")
    return result, errors


def _apply(
    flow: Flow, answers: dict[str, Any], key: str, text: str, *, now: datetime, tz: ZoneInfo, date_order: str
) -> dict[str, Any]:
    if key == PEOPLE:
        return _people(flow, answers, text, now=now, tz=tz) if text else answers
    if key.startswith(PER_PERSON_PREFIX):
        step = flow.step_for("interviewers.0." + key.removeprefix(PER_PERSON_PREFIX))
        return _per_person(flow, answers, step, text, now=now, tz=tz) if step else answers
    step = flow.step_for(key)
    if step is None or step.repeat:
        return answers
    if not text or means_skip(text):
        return set_value(answers, key, None)
    ctx = ParseContext(now, tz, step.choice_pairs, step.choice_synonyms, date_order=date_order)
    return set_value(answers, key, PARSERS[step.parser].parse(text, ctx))


def _people(flow: Flow, answers: dict[str, Any], text: str, *, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """One person per line: the name, then their title and e-mail in any order, separated by commas."""
    ctx = ParseContext(now, tz)
    rows: list[tuple[str, dict[str, str | None]]] = []
    for number, line in enumerate((line for line in text.splitlines() if line.strip()), start=1):
        try:
            rows.append(_person_line(line, ctx))
        except Reject as reason:
            raise Reject(messages.text("form_line_problem", n=number, problem=str(reason))) from None
    names = [{"name": name} for name, _ in rows]
    joined = ", ".join(name for name, _ in rows)
    PARSERS["names"].parse(joined, ParseContext(now, tz))  # the chat's limits: at least one, not too many
    result = set_value(answers, PEOPLE, names)
    for index, (_, extra) in enumerate(rows):
        for field, value in extra.items():
            result = set_value(result, f"{PEOPLE}.{index}.{field}", value)
    return result


def _person_line(line: str, ctx: ParseContext) -> tuple[str, dict[str, str | None]]:
    parts = [p for p in _SPLIT.split(line.strip()) if p]
    email = next((p for p in parts[1:] if "@" in p), None)
    rest = [p for p in parts[1:] if p is not email and not means_skip(p)]
    found = PARSERS["names"].parse(parts[0], ctx)
    if len(found) != 1:
        raise Reject(messages.text("form_one_person_per_line"))
    title = PARSERS["text"].parse(", ".join(rest), ctx) if rest else None
    return found[0]["name"], {"title": title, "email": PARSERS["email"].parse(email, ctx) if email else None}


def _per_person(
    flow: Flow, answers: dict[str, Any], step: Step, text: str, *, now: datetime, tz: ZoneInfo
) -> dict[str, Any]:
    """One line per person, in order, or naming them ("Priya: …"); `;` separates the folded fields."""
    people = [p.get("name", "") for p in answers.get(PEOPLE) or []]
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > len(people):
        raise Reject(messages.text("form_more_lines_than_people", count=len(people)))
    assigned: dict[int, str] = {}
    unnamed: list[str] = []
    for line in lines:
        match = _NAMED.match(line)
        index = _person_index(people, match.group("name")) if match else None
        if index is not None and match is not None and index not in assigned:
            assigned[index] = match.group("rest")
        else:
            unnamed.append(line)
    free = [i for i in range(len(people)) if i not in assigned]
    assigned.update(zip(free, unnamed, strict=False))
    result = answers
    fields = [step.field, *step.together]
    parsers = [PARSERS[s.parser] if (s := flow.step_for(f"{PEOPLE}.0.{f}")) else PARSERS["text"] for f in fields]
    ctx = ParseContext(now, tz)
    for index in range(len(people)):
        pieces = [p.strip() for p in assigned.get(index, "").split(";", len(fields) - 1)]
        pieces += [""] * (len(fields) - len(pieces))
        for field, parser, piece in zip(fields, parsers, pieces, strict=True):
            value = None if not piece or means_skip(piece) else parser.parse(piece, ctx)
            result = set_value(result, f"{PEOPLE}.{index}.{field}", value)
    return result


def _person_index(people: list[str], name: str) -> int | None:
    wanted = " ".join(name.split()).casefold()
    for index, person in enumerate(people):
        if person.casefold() == wanted or person.casefold().split()[0] == wanted:
            return index
    return None


def first_unanswered(flow: Flow, answers: dict[str, Any], asked: list[str]) -> str | None:
    """The first question (of those the chat asks, `asked`) with no answer yet; None when all have one."""
    order = [c for c in cursors(flow, answers) if c in set(asked)]
    return next((c for c in order if flow.step_for(c) is not None and get_value(answers, c) is None), None)
