"""Conversations written as data (errbot-style transcripts), replayed through the service and every adapter."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Turn:
    """`text` is what the user types (None = the Start event); `ask` is the field asked after this turn."""

    text: str | None
    ask: str | None = None
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transcript:
    name: str
    timezone: str
    turns: list[Turn]
    end: str | None
    answers: dict[str, Any] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)


def load_transcripts() -> list[Transcript]:
    """Every `*.yaml` in this folder, sorted by name."""
    result = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        turns = [Turn(text=t.get("user"), ask=t.get("ask"), says=tuple(t.get("says", ()))) for t in data["turns"]]
        result.append(
            Transcript(
                name=path.stem,
                timezone=data.get("timezone", "America/New_York"),
                turns=turns,
                end=data.get("end"),
                answers=data.get("answers", {}),
                recipients=data.get("recipients", []),
            )
        )
    return result
