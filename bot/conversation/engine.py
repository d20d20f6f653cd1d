"""The conversation engine: a pure function of (state, event, now) -> (state, actions). No I/O."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Any, NamedTuple, Protocol

from bot import messages
from bot.actions import Action, Ask, Choice, DraftsReady, End, ReminderScheduled, Say
from bot.answers import TONES, Answers, parse_answers
from bot.compose import answer_checks
from bot.compose.preview import preview as read_preview
from bot.compose.timing import Offsets
from bot.conversation.cancelling import YES, Reply, cancel_question, read_reply
from bot.conversation.cursor import cursors, get_value, required, set_value, walk
from bot.conversation.flow import Flow, Step
from bot.conversation.navigation import parse_command, resolve_field
from bot.conversation.parsers import PARSERS, ParseContext, Reject, choice_words
from bot.conversation.people import merge_people
from bot.conversation.prompts import Messages
from bot.conversation.repair import repair
from bot.conversation.state import CONFIRM, ConversationState
from bot.conversation.together import Reader, fill_together
from bot.drafts import DraftsDocument
from bot.errors import AnswersInvalid
from bot.events import ChoiceMade, ConversationEvent, Navigate, Start, TextAnswer
from bot.time import zones
from bot.vocabulary import ConversationStatus, ReminderKind


class Composer(Protocol):
    """The note composer (`bot.compose.compose`): answers in, drafts out, in the user's zone."""

    def __call__(
        self, answers: Answers, *, tz: tzinfo, now: datetime, offsets: Offsets | None = None
    ) -> DraftsDocument: ...


Outcome = tuple[ConversationState | None, list[Action]]
MAX_FAILURES_BEFORE_HINT = 3
#: Replies to a preview that keep the answer as shown (words as `choice_words` gives them, thanks dropped).
_KEEP = frozenset(
    {"ok", "okay", "k", "kk", "yes", "y", "yep", "yup", "yeah", "ya", "fine", "good", "great", "perfect", "sure",
     "looks good", "looks fine", "looks great", "looks ok", "sounds good", "that works", "works", "keep", "keep it",
     "lgtm", "good enough", "ok sure", "yes please", "sure thing", "idk", "i guess", "whatever", "1", ""}
)  # fmt: skip
#: Replies to a preview that reject the line without giving a better one: asked to retype, not skipped.
_REDO = frozenset(
    {"no", "nope", "nah", "n", "no thanks", "not really", "not quite", "not right", "wrong", "thats wrong",
     "change", "change it", "redo", "retype", "edit", "edit it", "fix it", "let me retype", "let me change it",
     "hmm no", "no way", "ew", "yikes"}
)  # fmt: skip
_POLITE = ("thanks", "thank you", "thx", "ty", "please", "pls", "lol", "haha")
_START_WORDS = {"start", "begin", "new", "thankyou", "/thankyou", "hi", "hello", "hey"}
Profile = Mapping[str, Any]
#: Buttons that act on "the current question"; a click on one shown under an earlier question is stale.
_QUESTION_BOUND = ("skip", "back")


class _Fresh(NamedTuple):
    """What a new debrief starts from besides the flow (see `Engine.handle`)."""

    profile: Profile
    community: Profile
    offsets: Offsets | None


class Engine:
    """Holds the flow and composer; `handle` is deterministic for the same inputs."""

    def __init__(self, flow: Flow, composer: Composer) -> None:
        self.flow = flow
        self.compose = composer
        self.say = Messages(flow)
        self.defaults = {name: f.default for name, f in Answers.model_fields.items()}

    def handle(
        self,
        state: ConversationState | None,
        event: ConversationEvent,
        now: datetime,
        *,
        timezone: str = "UTC",
        profile: Profile | None = None,
        community: Profile | None = None,
        offsets: Offsets | None = None,
    ) -> Outcome:
        """`timezone` is the user's zone, used when a non-Start event (e.g. typing "hi") begins a debrief;
        `profile` holds the member's remembered answers (name, tone, channel), filled in and not asked;
        `community` the defaults of the member's community for what their profile leaves open (tone,
        channel), filled in the same way; `offsets` that community's reminder timing, kept with a new debrief."""
        active = state if state is not None and state.status == ConversationStatus.ACTIVE else None
        fresh = _Fresh(profile or {}, community or {}, offsets)
        if isinstance(event, Start):
            return self._start(active, event, now, fresh)
        if active is None:
            if _is_stale_click(event, None):
                return None, [Say(messages.text("finished_button"))]
            return self._no_conversation(event, now, timezone, fresh)
        repaired, notes = repair(self.flow, active, self._ctx(active, now), self.defaults)
        if notes:
            return self._with_repair(repaired, event, notes, now)
        active = repaired
        if active.confirming_cancel:
            return self._confirm_cancel(active, event, now, timezone)
        if active.previewing:
            return self._after_preview(active, event, now, timezone)
        if _is_stale_click(event, active.cursor):
            return active, [Say(messages.text("stale_button")), self._ask(active, now)]
        if isinstance(event, ChoiceMade):
            return self._answer(active, event.value, now)
        command = (event.command, event.argument) if isinstance(event, Navigate) else parse_command(event.text)
        if command is not None:
            return self._navigate(active, command[0], command[1], now)
        assert isinstance(event, TextAnswer)
        return self._answer(active, event.text, now)

    def current_question(self, state: ConversationState, now: datetime) -> Ask:
        """The question the user is on, asked again (after a side command such as `reminders`)."""
        return self._ask(state, now)

    # --- finished notes -------------------------------------------------------------------

    def retone(self, state: ConversationState, tone: str, now: datetime) -> Outcome:
        """The finished notes again in another tone; the state remembers the tone (None: nothing changed)."""
        if tone not in TONES:
            return None, [Say(self.say.pick_tone(TONES))]
        answers = {**state.answers, "tone": tone}
        try:
            parsed = parse_answers(answers)
        except AnswersInvalid:
            return None, [Say(messages.text("notes_gone"))]
        drafts = self.compose(parsed, tz=zones.zone(state.timezone), now=now, offsets=state.offsets)
        return state.with_(answers=answers), [Say(self.say.retoned(tone)), DraftsReady(drafts, answers=parsed)]

    def reopen(self, state: ConversationState, now: datetime) -> Outcome:
        """Open a finished debrief again at its summary, so one answer can be edited and the notes rewritten."""
        reopened = (
            state
            if state.status == ConversationStatus.ACTIVE
            else state.with_(status=ConversationStatus.ACTIVE, cursor=CONFIRM)
        )
        repaired, notes = repair(self.flow, reopened, self._ctx(reopened, now), self.defaults)
        return repaired, [Say(messages.text("reopen_hint")), *(Say(n) for n in notes), self._ask(repaired, now)]

    # --- starting -------------------------------------------------------------------------

    def _start(self, active: ConversationState | None, event: Start, now: datetime, fresh: _Fresh) -> Outcome:
        if active is not None:
            return active.with_(confirming_cancel=False), [Say(messages.text("welcome_back")), self._ask(active, now)]
        return self._fresh(event.timezone or "UTC", now, [Say(self.flow.intro)], fresh)

    def _fresh(self, timezone: str, now: datetime, lead: list[Action], fresh: _Fresh | None = None) -> Outcome:
        """A new debrief: the member's profile first, then their community's defaults for what it leaves open."""
        fresh = fresh or _Fresh({}, {}, None)
        answers, remembered = self._from_profile(fresh.profile, timezone, now)
        unset = {k: v for k, v in fresh.community.items() if k not in answers}
        community, offered = self._from_profile(unset, timezone, now)
        filled, known = {**answers, **community}, remembered + offered
        state = ConversationState(
            self.flow.id, self.flow.version, walk(self.flow, filled, known)[0], timezone, filled, remembered=known,
            community=community, offsets=fresh.offsets,
        )  # fmt: skip
        used = [Say(self.say.profile_used(answers, remembered))] if remembered else []
        used += [Say(self.say.community_used(community, offered))] if offered else []
        return state, [*lead, *used, self._ask(state, now)]

    def _from_profile(self, profile: Profile, timezone: str, now: datetime) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The remembered answers that are still valid for this flow (a stale profile value is simply asked)."""
        answers: dict[str, Any] = {}
        ctx = self._ctx(ConversationState(self.flow.id, self.flow.version, CONFIRM, timezone), now)
        for name in self.flow.remembered:
            step = self.flow.step_for(name)
            value = profile.get(name)
            if step is None or value is None:
                continue
            check = ParseContext(now=ctx.now, tz=ctx.tz, choices=step.choice_pairs)
            if PARSERS[step.parser].valid(value, check):
                answers[name] = value
        return answers, tuple(answers)

    def _no_conversation(self, event: ConversationEvent, now: datetime, timezone: str, fresh: _Fresh) -> Outcome:
        wants_start = (
            (isinstance(event, TextAnswer) and event.text.strip().casefold() in _START_WORDS)
            or (isinstance(event, ChoiceMade) and event.field == "start")
            or (isinstance(event, Navigate) and event.command in ("restart", "resume"))
        )
        if wants_start:
            return self._fresh(timezone, now, [Say(self.flow.intro)], fresh)
        if isinstance(event, ChoiceMade):
            return None, [Say(messages.text("finished_button"))]
        if isinstance(event, Navigate) and event.command == "help":
            return None, [Say(self.say.help())]
        return None, [
            Ask("start", messages.text("offer_start"), (Choice("start", messages.text("label_start_debrief")),))
        ]

    def _with_repair(
        self, state: ConversationState, event: ConversationEvent, notes: list[str], now: datetime
    ) -> Outcome:
        command = event.command if isinstance(event, Navigate) else None
        if isinstance(event, TextAnswer):
            parsed = parse_command(event.text)
            command = parsed[0] if parsed else None
        if command in ("cancel", "restart"):
            return self._navigate(state, command, None, now)
        return state, [*(Say(n) for n in notes), self._ask(state, now)]

    # --- answers --------------------------------------------------------------------------

    def _answer(self, state: ConversationState, text: str, now: datetime, *, preview: bool = True) -> Outcome:
        if state.cursor == CONFIRM:
            if " ".join(text.casefold().split()).strip(".!") in YES | {"1"}:
                return self._finish(state, now)
            return state, [Say(messages.text("confirm_hint")), self._ask(state, now)]
        step = self.flow.step_for(state.cursor)
        assert step is not None, state.cursor
        parser = PARSERS[step.parser]
        if parser.skips(text):  # "no", "n/a", "idk": skip an optional question; a required one says why
            return self._skip(state, now)
        if step.repeat and get_value(state.answers, state.cursor) is not None and _preview_reply(text) in _KEEP:
            moved = self._advance(state.with_(failures=0))  # "ok" to a title given with the names keeps it
            return moved, [self._ask(moved, now)]
        if step.together:
            return self._answer_together(state, text, now, preview=preview)
        ctx = ParseContext(now, zones.zone(state.timezone), step.choice_pairs, step.choice_synonyms)
        try:
            value = parser.parse(text, ctx)
        except Reject as reason:
            return self._rejected(state, reason, now)
        shown = self._preview(state, set_value(state.answers, state.cursor, value), now) if preview else None
        if shown is not None:
            return shown[0], [*(Say(note) for note in ctx.notes), *shown[1]]
        stored, actions = self._store(state, value, now)
        return stored, [*(Say(note) for note in ctx.notes), *actions]

    def _preview(self, state: ConversationState, answers: dict[str, Any], now: datetime) -> Outcome | None:
        """When the composer is unsure how an answer reads (or can't use it), show the line before moving on."""
        for path in self._together_paths(state.cursor):
            step, value = self.flow.step_for(path), get_value(answers, path)
            if step is None or not step.preview or not isinstance(value, str):
                continue
            seen = read_preview(path, value)
            if seen.certain and seen.usable:
                continue
            held = state.with_(answers=answers, failures=0, previewing=True)
            if seen.usable and seen.line:
                text = messages.text("preview_uncertain", line=seen.line, example=seen.example)
            else:
                text = messages.text("preview_unusable", reason=seen.reason, example=seen.example)
            ask = self._ask(held, now)
            choices = (Choice("ok", messages.text("label_preview_ok")),)
            return held, [Ask(ask.field, text, choices, ask.optional, ask.navigation, ask.fields)]
        return None

    def _after_preview(
        self, state: ConversationState, event: ConversationEvent, now: datetime, timezone: str
    ) -> Outcome:
        """ "ok" keeps the answer as shown; anything else typed replaces it (taken as typed, not previewed again)."""
        cleared = state.with_(previewing=False)
        typed = event.text if isinstance(event, TextAnswer) else None
        clicked = isinstance(event, ChoiceMade) and event.field == state.cursor and event.value == "ok"
        reply = _preview_reply(typed) if typed is not None else None
        if clicked or reply in _KEEP:
            moved = self._advance(cleared)
            moved, notes = repair(self.flow, moved, self._ctx(moved, now), self.defaults)
            return moved, [*(Say(n) for n in notes), self._ask(moved, now)]
        if reply in _REDO:  # "no" here means "not like that", not "skip it": the answer is asked for again
            example = answer_checks.example(state.cursor)
            return cleared, [Say(messages.text("preview_retype", example=example)), self._ask(cleared, now)]
        if typed is not None and parse_command(typed) is None:
            return self._answer(cleared, typed, now, preview=False)
        return self.handle(cleared, event, now, timezone=timezone)

    def _rejected(self, state: ConversationState, reason: Reject, now: datetime) -> Outcome:
        step = self.flow.step_for(state.cursor)
        assert step is not None
        failures = state.failures + 1
        hint = self.say.way_out(optional=not required(step, state.answers, self.defaults))
        message = f"{reason} {hint}" if failures >= MAX_FAILURES_BEFORE_HINT else str(reason)
        retry = state.with_(failures=failures)
        return retry, [Say(message), self._ask(retry, now)]

    def _answer_together(self, state: ConversationState, text: str, now: datetime, *, preview: bool = True) -> Outcome:
        """One line for several fields ("Engineering Manager, priya@acme.example"); unmentioned parts are kept."""
        paths = self._together_paths(state.cursor)
        steps = [step for path in paths if (step := self.flow.step_for(path)) is not None]
        notes: list[str] = []
        try:
            answers = fill_together(
                state.answers, text, list(zip(paths, steps, strict=True)), self._reader(state, now, notes)
            )
        except Reject as reason:
            return self._rejected(state, reason, now)
        shown = self._preview(state, answers, now) if preview else None
        if shown is not None:
            return shown[0], [*(Say(n) for n in notes), *shown[1]]
        moved = self._advance(state.with_(answers=answers, failures=0))
        moved, repaired = repair(self.flow, moved, self._ctx(moved, now), self.defaults)
        return moved, [*(Say(n) for n in (*notes, *repaired)), self._ask(moved, now)]

    def _reader(self, state: ConversationState, now: datetime, notes: list[str]) -> Reader:
        """Parses one part with its step's parser in the member's zone, collecting what to tell them."""

        def read(step: Step, text: str) -> object:
            ctx = ParseContext(now, zones.zone(state.timezone), step.choice_pairs, step.choice_synonyms)
            value = PARSERS[step.parser].parse(text, ctx)
            notes.extend(ctx.notes)
            return value

        return read

    def _together_paths(self, cursor: str) -> list[str]:
        step = self.flow.step_for(cursor)
        assert step is not None
        prefix = cursor.rsplit(".", 1)[0] + "." if "." in cursor else ""
        return [cursor, *(prefix + name for name in step.together)]

    def _store(self, state: ConversationState, value: object, now: datetime) -> Outcome:
        answers = set_value(state.answers, state.cursor, value)
        queue = state.queue
        if state.cursor == "interviewers" and state.return_to is not None and isinstance(value, list):
            _, new_people = merge_people(state.answers.get("interviewers") or [], value)
            asked = walk(self.flow, answers, state.remembered)
            queue = (*queue, *(c for i in new_people for c in asked if c.startswith(f"interviewers.{i}.")))
        moved = self._advance(state.with_(answers=answers, queue=queue, failures=0))
        zone = zones.zone(moved.timezone).key  # the zone the time was read in (UTC if the stored one is unknown)
        lead = [Say(self.say.understood_time(str(value), zone))] if state.cursor == "interview_at" else []
        moved, notes = repair(self.flow, moved, self._ctx(moved, now), self.defaults)
        return moved, [*lead, *(Say(n) for n in notes), self._ask(moved, now)]

    def _advance(self, state: ConversationState) -> ConversationState:
        if state.queue:
            return state.with_(cursor=state.queue[0], queue=state.queue[1:])
        if state.return_to is not None:
            order = cursors(self.flow, state.answers)
            target = state.return_to if state.return_to in order else CONFIRM
            return state.with_(cursor=target, return_to=None)
        return state.with_(cursor=self._next_asked(state))

    def _next_asked(self, state: ConversationState) -> str:
        """The first question asked after the cursor, even when the cursor itself is not asked in order."""
        asked = set(walk(self.flow, state.answers, state.remembered))
        order = cursors(self.flow, state.answers)
        later = order[order.index(state.cursor) + 1 :] if state.cursor in order else [CONFIRM]
        return next(c for c in later if c in asked)

    # --- navigation -----------------------------------------------------------------------

    def _navigate(self, state: ConversationState, command: str, argument: str | None, now: datetime) -> Outcome:
        if command == "cancel":
            return state.with_(confirming_cancel=True), [cancel_question()]
        if command == "restart":
            return self._fresh(state.timezone, now, [Say(messages.text("restarted"))], _Fresh({}, {}, state.offsets))
        if command == "help":
            return state, [Say(self.say.help()), self._ask(state, now)]
        if command == "resume":
            return state, [Say(messages.text("welcome_back")), self._ask(state, now)]
        if command == "back":
            return self._back(state, now)
        if command == "skip":
            return self._skip(state, now)
        return self._edit(state, argument or "", now)

    def _back(self, state: ConversationState, now: datetime) -> Outcome:
        earlier = self._asked_before(state)
        if not earlier:
            return state, [Say(messages.text("first_question")), self._ask(state, now)]
        moved = state.with_(cursor=earlier[-1], return_to=None, queue=(), failures=0)
        return moved, [self._ask(moved, now, editing=True)]

    def _asked_before(self, state: ConversationState) -> list[str]:
        asked = walk(self.flow, state.answers, state.remembered)
        order = cursors(self.flow, state.answers)
        if state.cursor not in order:
            return asked
        before = set(order[: order.index(state.cursor)])
        return [c for c in asked if c in before]

    def _confirm_cancel(
        self, state: ConversationState, event: ConversationEvent, now: datetime, timezone: str
    ) -> Outcome:
        """`cancel` waits for a yes: then the debrief stops (answers kept 24 hours for `undo`); a no carries on."""
        resumed = state.with_(confirming_cancel=False)
        reply = read_reply(event)
        if reply is Reply.STOP:
            done = state.with_(status=ConversationStatus.CANCELLED, confirming_cancel=False, queue=(), return_to=None)
            return done, [Say(messages.text("cancelled")), End("cancelled")]
        if reply is Reply.CARRY_ON:
            return resumed, [Say(messages.text("cancel_kept_going")), self._ask(resumed, now)]
        return self.handle(resumed, event, now, timezone=timezone)

    def _skip(self, state: ConversationState, now: datetime) -> Outcome:
        step = self.flow.step_for(state.cursor)
        if step is None:
            return state, [Say(messages.text("confirm_hint")), self._ask(state, now)]
        if required(step, state.answers, self.defaults):
            return state, [Say(self.say.cannot_skip(step.why or "")), self._ask(state, now)]
        moved = self._advance(state.with_(answers=set_value(state.answers, state.cursor, None), failures=0))
        return moved, [self._ask(moved, now)]

    def _edit(self, state: ConversationState, argument: str, now: datetime) -> Outcome:
        order = cursors(self.flow, state.answers)
        target, problem = resolve_field(self.flow, argument, state.answers, order)
        if target == CONFIRM:
            target = None
        if target is None:
            return state, [Say(problem or self.say.unknown_field(argument, order)), self._ask(state, now)]
        if self._gap_before(state.answers, target, order):  # jumping there would skip a required question
            return state, [Say(messages.text("not_reached_yet")), self._ask(state, now)]
        return_to = state.return_to or (state.cursor if target != state.cursor else None)
        moved = state.with_(cursor=target, return_to=return_to, queue=(), failures=0)
        return moved, [self._ask(moved, now, editing=True)]

    def _gap_before(self, answers: dict[str, object], target: str, order: list[str]) -> bool:
        for cursor in order[: order.index(target)]:
            step = self.flow.step_for(cursor)
            if step and get_value(answers, cursor) is None and required(step, answers, self.defaults):
                return True
        return False

    # --- finishing ------------------------------------------------------------------------

    def _finish(self, state: ConversationState, now: datetime) -> Outcome:
        try:
            answers = parse_answers(dict(state.answers))
        except AnswersInvalid as invalid:  # repair() makes this rare; recover rather than crash
            field = invalid.problems[0].split(":")[0]
            target = field if field in cursors(self.flow, state.answers) else cursors(self.flow, {})[0]
            moved = state.with_(cursor=target)
            return moved, [Say(messages.text("recovered")), self._ask(moved, now)]
        drafts = self.compose(answers, tz=zones.zone(state.timezone), now=now, offsets=state.offsets)
        actions: list[Action] = [Say(self.say.drafts_intro(len(drafts.drafts))), DraftsReady(drafts, answers=answers)]
        if drafts.send_by > now + timedelta(minutes=30):
            actions.append(ReminderScheduled(ReminderKind.SEND_BY, drafts.send_by))
        if drafts.follow_up_at > now:
            actions.append(ReminderScheduled(ReminderKind.FOLLOW_UP, drafts.follow_up_at))
        return state.with_(status=ConversationStatus.DONE), [*actions, End("done")]

    # --- asking ---------------------------------------------------------------------------

    def _ctx(self, state: ConversationState, now: datetime, choices: tuple[tuple[str, str], ...] = ()) -> ParseContext:
        return ParseContext(now=now, tz=zones.zone(state.timezone), choices=choices)

    def _ask(self, state: ConversationState, now: datetime, *, editing: bool = False) -> Ask:
        back = ("back",) if self._asked_before(state) else ()
        if state.cursor == CONFIRM:
            text = self.say.summary(state.answers, cursors(self.flow, state.answers))
            return Ask(CONFIRM, text, (Choice("yes", messages.text("label_write_notes")),), False, (*back, "cancel"))
        step = self.flow.step_for(state.cursor)
        assert step is not None
        optional = not required(step, state.answers, self.defaults)
        text = self.say.prompt(step, state.answers, state.cursor)
        paths = self._together_paths(state.cursor)
        if not editing and step.repeat and (known := get_value(state.answers, state.cursor)) is not None:
            text += "\n" + messages.text("given_with_names", value=known)  # "dana (recruiter)" gave the title
        if editing:
            text += self.say.currently_all(
                [
                    (s, v)
                    for p in paths
                    if (s := self.flow.step_for(p)) and (v := get_value(state.answers, p)) is not None
                ]
            )
        choices = tuple(Choice(c.value, c.label) for c in step.choices)
        navigation = (*(("skip",) if optional else ()), *back, "cancel")
        return Ask(state.cursor, text, choices, optional, navigation, tuple(paths) if len(paths) > 1 else ())


def _is_stale_click(event: ConversationEvent, cursor: str | None) -> bool:
    """A button shown under a question other than the open one (or under a finished debrief)."""
    if isinstance(event, ChoiceMade):
        return cursor is not None and event.field != cursor
    if isinstance(event, Navigate) and event.question is not None and event.command in _QUESTION_BOUND:
        return event.question != cursor
    return False


def _preview_reply(typed: str) -> str:
    """A reply to a preview as plain words: "Ok!! 👍", "looks good, thanks" and "ok lol" all read "ok"/"looks good"."""
    words = " ".join(choice_words(typed))
    for polite in _POLITE:
        if words == polite:
            return ""
        words = words.removesuffix(" " + polite).removeprefix(polite + " ")
    return words
