"""Render one note: a channel layout (templates/notes/<channel>.j2) filled from the sentence bank."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.answers import Channel, Occasion, Tone
from bot.compose.bank import Phrasing, choose, environment, load_bank
from bot.compose.checks import LENGTH_BOUNDS, doubled_words

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
        # A phrasing whose own words run into the user's ("our conversation on" + "on pricing") would repeat
        # a word; it is skipped when an equally personal one does not.
        top = max(p.score for p in usable)
        usable = [p for p in usable if p.score == top and not self._repeats_a_word(p)] or usable
        chosen = choose(usable, key=f"{style.seed}|{slot}", index=self._index, attempt=self._attempt)
        return chosen.render(self._variables)

    def _repeats_a_word(self, phrasing: Phrasing) -> bool:
        """More doubled words in the sentence than in the answers that went into it: one arose at a seam."""
        own = sum(len(doubled_words(self._variables[name])) for name in phrasing.needs)
        return len(doubled_words(phrasing.render(self._variables))) > own


def _tidy(text: str) -> str:
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_RUN.sub("\n\n", lines).strip()


def render_note(style: Style, variables: Mapping[str, str], *, index: int, attempt: int = 0) -> Note:
    """One interviewer's note; `index` is their place in the panel, `attempt` > 0 re-words it.

    A note from few, short answers can come out below its channel's usual length; the layout is then rendered
    again with `too_short` set, which adds the `round_out` sentence (every other sentence stays the same)."""
    say = _Slots(style, variables, index=index, attempt=attempt)
    layout = environment().get_template(f"{style.channel}.j2")
    low, _ = LENGTH_BOUNDS[style.channel]
    body = _tidy(layout.render(say=say, candidate=variables["candidate"], too_short=False))
    if len(body.split()) < low:
        body = _tidy(layout.render(say=say, candidate=variables["candidate"], too_short=True))
    subject = say("subject") if style.channel in SUBJECT_CHANNELS else None
    return Note(subject=subject or None, body=body)
