"""Reading and writing one answer by its path, and the ordered list of questions for given answers."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

from bot.conversation.flow import Flow, Step
from bot.conversation.people import merge_people
from bot.conversation.state import CONFIRM

_PERSON = re.compile(r"interviewers\.(\d+)\.(\w+)")


def cursors(flow: Flow, answers: dict[str, Any]) -> list[str]:
    """Every answer in order, asked or not; per-person answers sit where the flow lists them, once per person."""
    count = people_count(answers)
    per_person = [s.field for s in flow.steps if s.repeat]
    order: list[str] = []
    placed = False
    for step in flow.steps:
        if step.repeat:
            if not placed:
                order += [f"interviewers.{i}.{f}" for i in range(count) for f in per_person]
                placed = True
            continue
        order.append(step.field)
    return [*order, CONFIRM]


def walk(flow: Flow, answers: dict[str, Any], remembered: Iterable[str] = ()) -> list[str]:
    """The questions actually asked, in order: no folded fields, no offered-only steps, nothing remembered,
    and no question a panel makes pointless (`max_people`)."""
    skipped = flow.folded
    known = set(remembered)
    count = people_count(answers)
    asked: list[str] = []
    for cursor in cursors(flow, answers):
        step = flow.step_for(cursor)
        if step is not None and (
            not step.asked
            or (step.repeat and step.field in skipped)
            or (not step.repeat and (step.field in skipped or cursor in known))
            or (step.max_people is not None and count > step.max_people)
        ):
            continue
        asked.append(cursor)
    return asked


def people_count(answers: dict[str, Any]) -> int:
    people = answers.get("interviewers")
    return len(people) if isinstance(people, list) else 0


def get_value(answers: dict[str, Any], path: str) -> Any:
    match = _PERSON.fullmatch(path)
    if not match:
        return answers.get(path)
    people = answers.get("interviewers") or []
    index = int(match.group(1))
    return people[index].get(match.group(2)) if index < len(people) else None


def set_value(answers: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Return new answers with `path` set (or removed when value is None); the input is not changed."""
    new = copy.deepcopy(answers)
    match = _PERSON.fullmatch(path)
    if match:
        person = new["interviewers"][int(match.group(1))]
        target, key = person, match.group(2)
    elif path == "interviewers" and value is not None:
        new["interviewers"], _ = merge_people(new.get("interviewers") or [], value)
        return new
    else:
        target, key = new, path
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value
    return new


def person_name(answers: dict[str, Any], path: str) -> str | None:
    match = _PERSON.fullmatch(path)
    return get_value(answers, f"interviewers.{match.group(1)}.name") if match else None


def required(step: Step, answers: dict[str, Any], defaults: dict[str, Any]) -> bool:
    if step.optional:
        return False
    return all(answers.get(key, defaults.get(key)) in values for key, values in step.required_when.items())
