"""Render one note: a channel layout (templates/notes/<channel>.j2) filled from the sentence bank."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.answers import Channel, Occasion, Tone
from bot.compose.bank import choose, environment, load_bank

#: Channels whose drafts carry a subject line.
SUBJECT_CHANNELS: frozenset[Channel] = frozenset({"email"})
_BLANK_RUN = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Style:
    """What shapes the wording, shared by every note of a panel."""

    occasion: Occasion
    tone: Tone
    channel: Channel
    rough: bool
    seed: str  # varies phrasing between users; stable for the same answers


@dataclass(frozen=True)
class Note:
    subject: str | None
    body: str


class _Slots:
    """The `say(...)` callable a layout uses: fills each slot and joins the sentences of a paragraph."""

    def __init__(self, style: Style, variables: Mapping[str, str], *, index: int, attempt: int) -> None:
        self._style, self._variables = style, variables
        self._index, self._attempt = index, attempt

    def __call__(self, *slots: str) -> str:
        return " ".join(filter(None, map(self._fill, slots)))

    def _fill(self, slot: str) -> str:
        style = self._style
        options = load_bank().options(occasion=style.occasion, slot=slot, tone=style.tone, rough=style.rough)
        usable = [p for p in options if p.needs <= self._variables.keys()]
        if not usable:
            return ""
        chosen = choose(usable, key=f"{style.seed}|{slot}", index=self._index, attempt=self._attempt)
        return chosen.render(self._variables)


def _tidy(text: str) -> str:
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_RUN.sub("\n\n", lines).strip()


def render_note(style: Style, variables: Mapping[str, str], *, index: int, attempt: int = 0) -> Note:
    """One interviewer's note; `index` is their place in the panel, `attempt` > 0 re-words it."""
    say = _Slots(style, variables, index=index, attempt=attempt)
    layout = environment().get_template(f"{style.channel}.j2")
    body = _tidy(layout.render(say=say, candidate=variables["candidate"]))
    subject = say("subject") if style.channel in SUBJECT_CHANNELS else None
    return Note(subject=subject or None, body=body)
