"""Render one note: a channel layout (templates/notes/<channel>.j2) filled from the sentence bank, then
fitted to its channel (bot/compose/fit.py says how long each may be, and what gives way first)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.answers import Channel, Occasion, Tone, Went
from bot.compose.bank import Phrasing, choose, environment, load_bank
from bot.compose.checks import doubled_words
from bot.compose.fit import Plan, fits, plans, too_short
from bot.compose.similarity import sentences

#: Channels whose drafts carry a subject line.
SUBJECT_CHANNELS: frozenset[Channel] = frozenset({"email"})
_BLANK_RUN = re.compile(r"\n{3,}")
#: "Inc.." where an answer's abbreviation meets the phrasing's full stop; "Yahoo!." likewise.
_DOUBLE_STOP = re.compile(r"(?<=[^\W\d_])\.\.(?!\.)|(?<=[!?])\.")


@dataclass(frozen=True)
class Style:
    """What shapes the wording, shared by every note of a panel."""

    occasion: Occasion
    tone: Tone
    channel: Channel
    rough: bool
    seed: str  # varies phrasing between users; stable for the same answers
    went: Went = "well"


@dataclass(frozen=True)
class Note:
    subject: str | None
    body: str
    used: frozenset[str] = frozenset()  # the variables the chosen phrasings used
    left_out: tuple[str, ...] = field(default=())  # variables dropped so the note fits its channel


class _Slots:
    """The `say(...)` callable a layout uses: fills each slot and joins the sentences of a paragraph."""

    def __init__(
        self, style: Style, variables: Mapping[str, str], *, index: int, attempt: int, plan: Plan,
        swap: Mapping[str, str], avoid: frozenset[str],
    ) -> None:  # fmt: skip
        self._style, self._variables, self._avoid = style, variables, avoid
        self._index, self._attempt, self._plan, self._swap = index, attempt, plan, swap
        self.used: set[str] = set()
        self._said: set[str] = set()  # phrasings already in the note, for a second sentence from one slot

    def __call__(self, *slots: str) -> str:
        return " ".join(filter(None, (self._fill(self._swap.get(slot, slot)) for slot in slots)))

    def _fill(self, name: str) -> str:
        """A slot's sentence; "round_out#2" is a second, different sentence from the same slot."""
        slot = name.partition("#")[0]
        style = self._style
        if slot in self._plan.drop:
            return ""
        options = load_bank().options(
            occasion=style.occasion, slot=slot, tone=style.tone, rough=style.rough, mixed=style.went == "mixed"
        )
        usable = [p for p in options if p.needs <= self._variables.keys() and p.text not in self._said]
        if not usable:
            return ""
        # A phrasing whose own words run into the user's ("our conversation on" + "on pricing") would repeat
        # a word; it is skipped when an equally personal one does not.
        top = max(p.score for p in usable)
        usable = [p for p in usable if p.score == top and not self._repeats_a_word(p)] or usable
        # A sentence already in another note of the panel gives way to one that is not, when there is one.
        if self._avoid:
            usable = [p for p in usable if not sentences(p.render(self._variables)) & self._avoid] or usable
        if self._plan.prefer:
            usable = [p for p in usable if p.needs & self._plan.prefer] or usable
        if self._plan.shortest:
            usable = sorted(usable, key=lambda p: len(p.render(self._variables)))[:2]
        chosen = choose(usable, key=f"{style.seed}|{name}", index=self._index, attempt=self._attempt)
        self.used |= chosen.needs
        self._said.add(chosen.text)
        return chosen.render(self._variables)

    def reset(self) -> None:
        self.used.clear()
        self._said.clear()

    def _repeats_a_word(self, phrasing: Phrasing) -> bool:
        """More doubled words in the sentence than in the answers that went into it: one arose at a seam."""
        own = sum(len(doubled_words(self._variables[name])) for name in phrasing.needs)
        return len(doubled_words(phrasing.render(self._variables))) > own


def _tidy(text: str) -> str:
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _DOUBLE_STOP.sub(lambda m: "." if m.group(0) == ".." else "", _BLANK_RUN.sub("\n\n", lines).strip())


def _render(
    style: Style, variables: Mapping[str, str], *, index: int, attempt: int, plan: Plan, swap: Mapping[str, str],
    avoid: frozenset[str],
) -> Note:  # fmt: skip
    kept = {key: value for key, value in variables.items() if key not in plan.without}
    say = _Slots(style, kept, index=index, attempt=attempt, plan=plan, swap=swap, avoid=avoid)
    layout = environment().get_template(f"{style.channel}.j2")
    order = (index + attempt) % 3  # a panel's notes turn through three sentence orders (see email.j2)
    body = _tidy(layout.render(say=say, candidate=variables["candidate"], too_short=0, order=order))
    for level in (1, 2, 3):  # one more sentence, then (names only, tiny words, concise) a second and a third
        if not too_short(style.channel, body):
            break
        say.reset()
        body = _tidy(layout.render(say=say, candidate=variables["candidate"], too_short=level, order=order))
    subject = say("subject") if style.channel in SUBJECT_CHANNELS else None
    return Note(subject=subject or None, body=body, used=frozenset(say.used), left_out=plan.without)


def render_note(
    style: Style, variables: Mapping[str, str], *, index: int, attempt: int = 0, swap: Mapping[str, str] | None = None,
    avoid: frozenset[str] = frozenset(),
) -> Note:  # fmt: skip
    """One interviewer's note; `index` is their place in the panel, `attempt` > 0 re-words it; `swap` puts one
    slot in place of another (a recruiter's note says `process` where others say `strength`); `avoid` holds
    the sentences of the panel's other notes, which give way to unused phrasings where the bank has them.

    A note from few, short answers can come out below its channel's usual length; the layout is then rendered
    again with `too_short` set, which adds the `round_out` sentence. A note above its channel's limit is
    rendered again by the plans of bot/compose/fit.py (shorter phrasings, then fewer sentences) until it fits;
    whatever a plan leaves out is reported in `left_out`."""
    note: Note | None = None
    for plan in plans(style.channel, variables):
        note = _render(style, variables, index=index, attempt=attempt, plan=plan, swap=swap or {}, avoid=avoid)
        if fits(style.channel, note.body, variables.get("company", "")):
            return note
    assert note is not None  # plans() always yields at least the plain plan
    return note
