"""Reading and writing one answer by its path, and the ordered list of questions for given answers."""

from __future__ import annotations

import copy
import re
from typing import Any

from bot.conversation.flow import Flow, Step
from bot.conversation.state import CONFIRM

_PERSON = re.compile(r"interviewers\.(\d+)\.(\w+)")


def cursors(flow: Flow, answers: dict[str, Any]) -> list[str]:
    """Every question in order; per-person questions follow the names, once for each person."""
    people = answers.get("interviewers")
    count = len(people) if isinstance(people, list) else 0
    per_person = [s.field for s in flow.steps if s.repeat]
    order: list[str] = []
    for step in flow.steps:
        if step.repeat:
            continue
        order.append(step.field)
        if step.field == "interviewers":
            order += [f"interviewers.{i}.{f}" for i in range(count) for f in per_person]
    return [*order, CONFIRM]


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
        new["interviewers"] = _merge_people(new.get("interviewers") or [], value)
        return new
    else:
        target, key = new, path
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value
    return new


def _merge_people(old: list[dict[str, Any]], names: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep what was already said about a person whose name is given again."""
    by_name = {p.get("name", "").casefold(): p for p in old if isinstance(p, dict)}
    return [by_name.get(n["name"].casefold(), n) | {"name": n["name"]} for n in names]


def person_name(answers: dict[str, Any], path: str) -> str | None:
    match = _PERSON.fullmatch(path)
    return get_value(answers, f"interviewers.{match.group(1)}.name") if match else None


def required(step: Step, answers: dict[str, Any], defaults: dict[str, Any]) -> bool:
    if step.optional:
        return False
    return all(answers.get(key, defaults.get(key)) in values for key, values in step.required_when.items())
