"""The guided flow, loaded from YAML and checked at start-up so mistakes never reach a user."""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot import TEMPLATES_DIR
from bot.answers import Answers, Interviewer
from bot.conversation.parsers import PARSERS, choice_words, means_skip
from bot.errors import FlowDefinitionError

_PER_PERSON_FIELDS = set(Interviewer.model_fields) - {"name"}
_PROMPT_KEYS = {"name"}


class ChoiceSpec(BaseModel):
    """`synonyms`: other ways people say this choice ("zoom" for video), matched as whole words in an answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str
    label: str
    synonyms: list[str] = Field(default_factory=list)


class Step(BaseModel):
    """One question. `field` is an answers-document field (per person when `repeat` is set).

    `label` is the answer's human name (summary, `edit`); `asked: false` keeps a step out of the walk (set by
    `edit` only); `together` names fields of the same scope this one question also fills; `max_people` asks
    it only for small debriefs; `remember` keeps the answer in the member's profile for next time; `preview`
    shows the sentence a free answer becomes when the composer is unsure how to read it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    field: str
    parser: str
    prompt: str
    label: str
    asked: bool = True
    together: list[str] = Field(default_factory=list)
    max_people: int | None = None
    remember: bool = False
    preview: bool = False
    optional: bool = False
    required_when: dict[str, list[str]] = Field(default_factory=dict)
    repeat: str | None = None
    choices: list[ChoiceSpec] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    why: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Step:
        if self.parser not in PARSERS:
            raise ValueError(f"step {self.field!r}: unknown parser {self.parser!r} (known: {sorted(PARSERS)})")
        if (self.parser == "choice") != bool(self.choices):
            raise ValueError(f"step {self.field!r}: choices are needed exactly when parser is 'choice'")
        if self.repeat not in (None, "interviewers"):
            raise ValueError(f"step {self.field!r}: repeat can only be 'interviewers'")
        known = _PER_PERSON_FIELDS if self.repeat else set(Answers.model_fields)
        if self.field not in known:
            raise ValueError(f"step {self.field!r}: not a field of the answers document")
        keys = {name for _, name, _, _ in string.Formatter().parse(self.prompt) if name}
        if keys - _PROMPT_KEYS or (keys and not self.repeat):
            raise ValueError(f"step {self.field!r}: prompt uses unknown placeholders {sorted(keys)}")
        if not self.optional and not self.why:
            raise ValueError(f"step {self.field!r}: a required step needs 'why' (said when someone tries to skip)")
        self._check_synonyms()
        return self

    def _check_synonyms(self) -> None:
        """Every way of naming a choice must have words, not mean "skip", and name only that one choice."""
        owner: dict[tuple[str, ...], str] = {}
        for choice in self.choices:
            for phrase in dict.fromkeys((choice.value, choice.label, *choice.synonyms)):
                words = choice_words(phrase)
                if not words:
                    raise ValueError(f"step {self.field!r}: {phrase!r} has no words to match")
                if means_skip(phrase):
                    raise ValueError(f"step {self.field!r}: {phrase!r} means skip, so it can't name a choice")
                if owner.get(words, choice.value) != choice.value:
                    raise ValueError(
                        f"step {self.field!r}: {phrase!r} names both {owner[words]!r} and {choice.value!r}"
                    )
                owner[words] = choice.value

    @property
    def choice_pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((c.value, c.label) for c in self.choices)

    @property
    def choice_synonyms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((c.value, tuple(c.synonyms)) for c in self.choices if c.synonyms)


class Flow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    version: int
    intro: str
    notes_templates: str
    steps: list[Step]

    @model_validator(mode="after")
    def _well_formed(self) -> Flow:
        keys = [f"{s.repeat}.{s.field}" if s.repeat else s.field for s in self.steps]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate step ids: {duplicates}")
        fields = {s.field for s in self.steps if not s.repeat}
        for step in self.steps:
            dangling = set(step.required_when) - fields
            if dangling:
                raise ValueError(f"step {step.field!r}: required_when refers to missing steps {sorted(dangling)}")
            if step.repeat and step.repeat not in fields:
                raise ValueError(f"step {step.field!r}: repeats over {step.repeat!r}, which no step asks")
            self._check_together(step)
        missing = {"candidate", "company", "interviewers"} - fields
        if missing:
            raise ValueError(f"the flow never asks for required fields {sorted(missing)}")
        return self

    def _check_together(self, step: Step) -> None:
        """A folded field is a step of the same scope, folded once, and never folds others itself."""
        for name in step.together:
            partner = next((s for s in self.steps if s.field == name and s.repeat == step.repeat), None)
            if partner is None:
                raise ValueError(f"step {step.field!r}: together names {name!r}, which is not a step of its scope")
            if partner.together or not partner.optional:
                raise ValueError(f"step {step.field!r}: {name!r} can be folded only if optional and not folding")
        owners = [s.field for s in self.steps if s.together and set(s.together) & set(step.together)]
        if len(owners) > 1:
            raise ValueError(f"steps {owners} fold the same field")

    @property
    def folded(self) -> frozenset[str]:
        """Fields asked inside another step's question (still editable alone)."""
        return frozenset(name for s in self.steps for name in s.together)

    @property
    def remembered(self) -> tuple[str, ...]:
        """Top-level fields kept in a member's profile."""
        return tuple(s.field for s in self.steps if s.remember and not s.repeat)

    def step_for(self, field: str) -> Step | None:
        """The step for a cursor like `company` or `interviewers.2.title`."""
        match = re.fullmatch(r"interviewers\.\d+\.(\w+)", field)
        for step in self.steps:
            if match and step.repeat and step.field == match.group(1):
                return step
            if not match and not step.repeat and step.field == field:
                return step
        return None


def load_flow(path: Path, *, templates_dir: Path = TEMPLATES_DIR) -> Flow:
    """Read and validate a flow file; any problem becomes one FlowDefinitionError naming the file."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        flow = Flow.model_validate(data)
    except OSError as error:
        raise FlowDefinitionError(f"{path}: cannot read the flow file ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise FlowDefinitionError(f"{path}: not valid YAML ({error})") from None
    except ValidationError as error:
        lines = [f"{'.'.join(map(str, e['loc'])) or 'flow'}: {e['msg']}" for e in error.errors()]
        raise FlowDefinitionError(f"{path}: " + "; ".join(lines)) from None
    notes = templates_dir / flow.notes_templates
    if not notes.is_dir() or not any(notes.iterdir()):
        raise FlowDefinitionError(f"{path}: note templates folder {notes} is missing or empty")
    return flow


@cache
def default_flow() -> Flow:
    return load_flow(TEMPLATES_DIR / "flows" / "thank_you.yaml")
