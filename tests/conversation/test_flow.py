"""The flow YAML is checked at start-up: every mistake is a clear FlowDefinitionError, never a crash later."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import TEMPLATES_DIR
from bot.conversation.flow import default_flow, load_flow
from bot.errors import FlowDefinitionError

FLOW = TEMPLATES_DIR / "flows" / "thank_you.yaml"


def write(tmp_path: Path, mutate: object) -> Path:
    data = yaml.safe_load(FLOW.read_text(encoding="utf-8"))
    mutate(data)  # type: ignore[operator]
    path = tmp_path / "flow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_shipped_flow_asks_every_field_of_the_answers_document() -> None:
    flow = default_flow()
    top = {s.field for s in flow.steps if not s.repeat}
    per_person = {s.field for s in flow.steps if s.repeat}
    assert top == {"occasion", "candidate", "company", "role", "interview_at", "format", "went", "interviewers",
                   "strengths", "add", "share", "next_steps", "tone", "channel"}  # fmt: skip
    assert per_person == {"title", "email", "discussed", "detail"}


def test_every_optional_prompt_has_an_example_or_choices() -> None:
    for step in default_flow().steps:
        assert step.choices or "e.g." in step.prompt, step.field


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["steps"][1].update(parser="telepathy"), "unknown parser"),
        (lambda d: d["steps"].append(dict(d["steps"][2])), "duplicate step"),
        (lambda d: d["steps"][3].update(required_when={"mood": ["good"]}), "missing steps"),
        (lambda d: d["steps"][2].update(field="salary"), "not a field"),
        (lambda d: d["steps"][1].pop("why"), "needs 'why'"),
        (lambda d: d["steps"][0].pop("choices"), "choices are needed"),
        (lambda d: d["steps"][1].update(prompt="Hi {nickname}"), "unknown placeholders"),
        (lambda d: d["steps"][1].update(colour="blue"), "Extra inputs"),
        (lambda d: d.update(steps=[s for s in d["steps"] if s["field"] != "company"]), "never asks"),
        (lambda d: d.update(notes_templates="no_such_folder"), "missing or empty"),
    ],
)
def test_broken_flow_is_refused_at_load_with_a_clear_reason(tmp_path: Path, mutate: object, message: str) -> None:
    with pytest.raises(FlowDefinitionError, match=message):
        load_flow(write(tmp_path, mutate))


def test_unreadable_or_invalid_yaml_is_a_flow_error(tmp_path: Path) -> None:
    with pytest.raises(FlowDefinitionError, match="cannot read"):
        load_flow(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps: [unclosed", encoding="utf-8")
    with pytest.raises(FlowDefinitionError, match="not valid YAML"):
        load_flow(bad)
