"""Render one note: a channel layout (templates/notes/<channel>.j2) filled from the sentence bank, then
fitted to its channel (bot/compose/fit.py says how long each may be, and what gives way first)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.answers import Channel, Occasion, Tone, Went
from bot.compose.bank import Phrasing, choose_index, environment, load_bank
from bot.compose.checks import doubled_words
from bot.compose.fit import Plan, fits, plans, too_short
from bot.compose.similarity import sentences, shingles

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


class _Option:
    """A phrasing filled in with one note's answers. What choosing among them asks of it is worked out on
    first use: most options are never asked."""

    __slots__ = ("_alike", "_doubled", "_repeats", "_sentences", "_shingles", "_values", "phrasing", "text")

    def __init__(self, phrasing: Phrasing, text: str, values: tuple[str, ...], doubled: dict[str, int]) -> None:
        self.phrasing, self.text, self._values, self._doubled = phrasing, text, values, doubled
        self._repeats: bool | None = None
        self._sentences: frozenset[str] | None = None
        self._shingles: frozenset[str] | None = None
        self._alike: tuple[Sequence[frozenset[str]], float] | None = None

    def alike(self, notes: Sequence[frozenset[str]]) -> float:
        """The share of its three-word runs found in the note (of `notes`, their runs) it is most like. The
        same notes are asked about again in every try at one note, so the last answer is kept."""
        if self._alike is None or self._alike[0] is not notes:
            if self._shingles is None:
                self._shingles = shingles(self.text)
            runs = self._shingles
            self._alike = (notes, max(len(runs & other) for other in notes) / max(len(runs), 1))
        return self._alike[1]

    @property
    def repeats(self) -> bool:
        """A word comes twice where the phrasing's words meet the answer's ("conversation on on …")."""
        if self._repeats is None:
            own = sum(self._count_doubled(value) for value in self._values)
            self._repeats = self._count_doubled(self.text) > own
        return self._repeats

    @property
    def sentences(self) -> frozenset[str]:
        """As `similarity.sentences` reads them, to compare with the panel's other notes."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    def _count_doubled(self, text: str) -> int:
        if (count := self._doubled.get(text)) is None:
            count = self._doubled[text] = len(doubled_words(text))
        return count


class Memo:
    """Work shared by the notes of one panel and by every try and plan of one note: each slot's phrasings
    filled in with the same answers. A panel fills the same few dozen phrasings with the same answers many
    times over (tries, plans, a second pass when a note is short), so each is worked out once. One memo
    lives as long as one `compose` call: nothing outlives it."""

    def __init__(self) -> None:
        self._styles: dict[Style, int] = {}
        self._phrasings: dict[tuple[int, str, bool], tuple[tuple[Phrasing, ...], tuple[str, ...]]] = {}
        self._options: dict[tuple[object, ...], tuple[tuple[_Option, ...], list[_Option], frozenset[str]]] = {}
        self._filled: dict[tuple[str, ...], _Option] = {}
        self._doubled: dict[str, int] = {}

    def style_id(self, style: Style) -> int:
        """A number for the style, so the lookups below need not hash it again and again."""
        return self._styles.setdefault(style, len(self._styles))

    def options(
        self, style: Style, style_id: int, slot: str, variables: Mapping[str, str], *, spare: bool = False
    ) -> tuple[tuple[_Option, ...], list[_Option], frozenset[str]]:
        """The slot's phrasings (or its spare ones) that have every variable they need, filled in, in the
        bank's order; their texts; and of those, the most personal, without one whose words run into the user's ("our
        conversation on" + "on pricing" would repeat a word) when an equally personal one does not. Worked
        out once for each set of the values the slot's phrasings use: a slot that uses only what every note
        shares (role, company) is worked out once for the whole panel."""
        phrasings, names = self._slot(style, style_id, slot, spare)
        key = (style_id, slot, spare, *[variables.get(name) for name in names])
        if (found := self._options.get(key)) is None:
            given = frozenset(variables)
            options = tuple([self._option(p, variables) for p in phrasings if p.needs <= given])
            texts = frozenset(o.phrasing.text for o in options)
            found = self._options[key] = (options, _most_personal(list(options)), texts)
        return found

    def _slot(
        self, style: Style, style_id: int, slot: str, spare: bool
    ) -> tuple[tuple[Phrasing, ...], tuple[str, ...]]:
        """The slot's phrasings in the bank, and every variable any of them uses."""
        key = (style_id, slot, spare)
        if (found := self._phrasings.get(key)) is None:
            bank = load_bank()
            if spare:
                phrasings = bank.spares(occasion=style.occasion, slot=slot, tone=style.tone)
            else:
                rough, mixed = style.rough, style.went == "mixed"
                phrasings = bank.options(occasion=style.occasion, slot=slot, tone=style.tone, rough=rough, mixed=mixed)
            names = tuple(sorted(frozenset().union(*(p.needs for p in phrasings))))
            found = self._phrasings[key] = (phrasings, names)
        return found

    def _option(self, phrasing: Phrasing, variables: Mapping[str, str]) -> _Option:
        values = tuple([variables[name] for name in phrasing.needs])
        key = (phrasing.text, *values)
        if (found := self._filled.get(key)) is None:
            found = self._filled[key] = _Option(phrasing, phrasing.render(variables), values, self._doubled)
        return found


def _most_personal(usable: list[_Option]) -> list[_Option]:
    if not usable:
        return usable
    top = max(o.phrasing.score for o in usable)
    best = [o for o in usable if o.phrasing.score == top]
    # One look at them all first: a word doubled in none of them (the usual case) is doubled at no seam.
    # No doubled word runs across a line break, so the lines' doubled words are each sentence's.
    if not doubled_words("\n".join(o.text for o in best)):
        return best
    return [o for o in best if not o.repeats] or usable


class _Slots:
    """The `say(...)` callable a layout uses: fills each slot and joins the sentences of a paragraph."""

    def __init__(
        self, style: Style, variables: Mapping[str, str], *, index: int, attempt: int, plan: Plan,
        swap: Mapping[str, str], avoid: frozenset[str], memo: Memo, steer: Sequence[frozenset[str]] = (),
    ) -> None:  # fmt: skip
        self._style, self._variables, self._avoid, self._memo = style, variables, avoid, memo
        self._style_id, self._steer = memo.style_id(style), steer
        self._index, self._attempt, self._plan, self._swap = index, attempt, plan, swap
        self.used: set[str] = set()
        self._said: set[str] = set()  # phrasings already in the note, for a second sentence from one slot

    def __call__(self, *slots: str) -> str:
        return " ".join(filter(None, (self._fill(self._swap.get(slot, slot)) for slot in slots)))

    def _fill(self, name: str) -> str:
        """A slot's sentence; "round_out#2" is a second, different sentence from the same slot."""
        slot = name.partition("#")[0]
        style, plan = self._style, self._plan
        if slot in plan.drop:
            return ""
        usable = self._usable(slot)
        if not usable:
            return ""
        # A sentence already in another note of the panel gives way to one that is not, when there is one: a
        # usual phrasing, else (every one is taken, in a big panel) a spare one.
        if self._avoid:
            usable = self._fresh(usable) or self._fresh(self._usable(slot, spare=True)) or usable
        if plan.prefer:
            usable = [o for o in usable if o.phrasing.needs & plan.prefer] or usable
        if self._steer:
            usable = self._least_alike(usable)
        if plan.shortest:
            usable = sorted(usable, key=lambda o: len(o.text))[:2]
        phrasings = [o.phrasing for o in usable]
        chosen = usable[choose_index(phrasings, key=f"{style.seed}|{name}", index=self._index, attempt=self._attempt)]
        self.used |= chosen.phrasing.needs
        self._said.add(chosen.phrasing.text)
        return chosen.text

    def _usable(self, slot: str, *, spare: bool = False) -> list[_Option]:
        """The slot's most personal phrasings (see `Memo.options`) among those not yet in this note."""
        options, best, texts = self._memo.options(self._style, self._style_id, slot, self._variables, spare=spare)
        said = self._said
        if said.isdisjoint(texts):
            return best
        return _most_personal([o for o in options if o.phrasing.text not in said])

    def _least_alike(self, usable: list[_Option]) -> list[_Option]:
        """The phrasings whose three-word runs are least often in the earlier note they are most like (as a
        share of their runs, so a short phrasing is not preferred for being short): a re-wording steered
        away from what made the last try read like another note."""
        scores = [o.alike(self._steer) for o in usable]
        low = min(scores)
        return [option for option, score in zip(usable, scores, strict=True) if score == low]

    def _fresh(self, usable: list[_Option]) -> list[_Option]:
        return [o for o in usable if not o.sentences & self._avoid]

    def reset(self) -> None:
        self.used.clear()
        self._said.clear()


def _tidy(text: str) -> str:
    lines = _BLANK_RUN.sub("\n\n", "\n".join(line.rstrip() for line in text.splitlines())).strip()
    if ".." not in lines and "!." not in lines and "?." not in lines:  # nothing `_DOUBLE_STOP` could find
        return lines
    return _DOUBLE_STOP.sub(lambda m: "." if m.group(0) == ".." else "", lines)


def _render(
    style: Style, variables: Mapping[str, str], *, index: int, attempt: int, plan: Plan, swap: Mapping[str, str],
    avoid: frozenset[str], memo: Memo, steer: Sequence[frozenset[str]] = (),
) -> Note:  # fmt: skip
    kept = {key: value for key, value in variables.items() if key not in plan.without}
    say = _Slots(style, kept, index=index, attempt=attempt, plan=plan, swap=swap, avoid=avoid, memo=memo, steer=steer)
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
    avoid: frozenset[str] = frozenset(), memo: Memo | None = None, steer: Sequence[frozenset[str]] = (),
) -> Note:  # fmt: skip
    """One interviewer's note; `index` is their place in the panel, `attempt` > 0 re-words it; `swap` puts one
    slot in place of another (a recruiter's note says `process` where others say `strength`); `avoid` holds
    the sentences of the panel's other notes, which give way to unused phrasings where the bank has them;
    `steer` holds the three-word runs (`similarity.shingles`) of each earlier note of the panel, and each slot
    then takes, among its phrasings, those least like the note they are most like.

    A note from few, short answers can come out below its channel's usual length; the layout is then rendered
    again with `too_short` set, which adds the `round_out` sentence. A note above its channel's limit is
    rendered again by the plans of bot/compose/fit.py (shorter phrasings, then fewer sentences) until it fits;
    whatever a plan leaves out is reported in `left_out`. `memo` carries work across the notes of a panel."""
    note: Note | None = None
    memo = Memo() if memo is None else memo
    for plan in plans(style.channel, variables):
        note = _render(
            style,
            variables,
            index=index,
            attempt=attempt,
            plan=plan,
            swap=swap or {},
            avoid=avoid,
            memo=memo,
            steer=steer,
        )
        if fits(style.channel, note.body, variables.get("company", "")):
            return note
    assert note is not None  # plans() always yields at least the plain plan
    return note
