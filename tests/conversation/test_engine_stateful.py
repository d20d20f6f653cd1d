"""Random conversations (answers, bad input, navigation, stale clicks, duplicates) checked against invariants.

Two machines: one drives the pure `Engine`; a smaller one drives the real `ConversationService` on a
database and compares every outcome with the pure engine run beside it (the "shadow"), so persistence is
proved lossless at every step. Deterministic (`derandomize=True`) so CI sees the same sequences each run.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import event as note_event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import func, select
from sqlmodel import col

from bot.actions import Action, Ask, DraftsReady, End, Say
from bot.answers import parse_answers
from bot.compose import compose
from bot.config import load_settings
from bot.conversation.cursor import cursors, get_value, required, walk
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.parsers import PARSERS, ParseContext
from bot.conversation.repair import repair
from bot.conversation.state import CONFIRM, ConversationState
from bot.events import COMMANDS, Address, ChoiceMade, ConversationEvent, Navigate, Start, TextAnswer
from bot.runtime import build_core, running
from bot.storage.models import Conversation, Note, ProcessedEvent
from bot.storage.store import to_state
from tests.fakes.clock import FakeClock

FLOW = default_flow()
ENGINE = Engine(FLOW, compose)
DEFAULTS = ENGINE.defaults
START = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
FIELDS = [s.field for s in FLOW.steps if not s.repeat]
PER_PERSON = [s.field for s in FLOW.steps if s.repeat]

NAMES = ["Sam Rivera", "José Álvarez", "李小龙", "Siobhán O'Brien", "Anne-Marie Dupont", "Zoë", "Pri\u200bya Natarajan"]
TEXTS = ["moving their batch pipeline to streaming", "Five years of Kafka", "L'équipe données", "数据平台", "Café ☕"]
VALID: dict[str, list[str]] = {
    "name": NAMES,
    "own_name": NAMES,
    "names": ["Priya Natarajan, Tom Li", "Ana and Ben", "Zoë; Li Wei; Omar", "Sam Rivera", "Dr. Kim & Lee Park"],
    "text": TEXTS,
    "title": ["Engineering Manager", "Staff Data Engineer", "Directrice technique", "数据平台负责人", "VP of Sales"],
    "email": ["priya@acme.example", "tom.li+jobs@example.co.uk", "mailto:sam@example.org"],
    "url": ["https://example.com/my-talk", "example.org", "http://github.com/sam/project?tab=1"],
    "past_datetime": ["yesterday 3pm", "2 hours ago", "yesterday at 9:30am", "2026-11-20 14:00", "now", "last friday"],
}
CONFIRMATIONS = ["yes", "Yes!", "write my notes", "OK", "  looks   good "]
BAD_ANYWHERE = ["", "   ", "x" * 10_000, "Sam\x00Rivera", "a\x07b", "Sam \u202eareviR", "\u2066Acme\u2069", "\x1b[3m"]
BAD: dict[str, list[str]] = {
    "name": ["12345", "!!! ???"],
    "own_name": ["12345", "!!! ???"],
    "names": ["1, 2", " , ; "],
    "title": ["maybe?", "idk lol?"],
    "email": ["not an email", "a@b", "@acme.example"],
    "url": ["not a link!", "javascript:alert(1)"],
    "choice": ["purple", "0", "99", "1 2"],
    "past_datetime": ["tomorrow 3pm", "2030-01-01 10:00", "next week", "banana", "in 2 days", "2024-01-01 10:00"],
}
EDIT_TARGETS = [*FIELDS, "when", "names", "link", "title", "title 1", "email 2", "detail 9", "favourite colour", ""]
ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", None]
WEIRD_ZONES = ["Not/AZone", "../../etc/passwd", ""]


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def jiggle(text: str, how: int) -> str:
    """The same word as a person might type it."""
    return [text, text.upper(), text.title(), f"  {text} ", f"/{text}"][how % 5]


def row_for(state: ConversationState) -> Conversation:
    """What `save_state` writes, after a trip through JSON like the database column makes."""
    return Conversation(
        platform="console", workspace="local", user_id="prop", channel="terminal", flow_id=state.flow_id,
        flow_version=state.flow_version, status=state.status, step=state.cursor, timezone=state.timezone,
        answers=json.loads(json.dumps(state.answers, allow_nan=False)),
        progress=json.loads(json.dumps(state.progress(), allow_nan=False)), created_at=START, updated_at=START,
    )  # fmt: skip


def check_state(state: ConversationState, now: datetime) -> None:
    """An active state is resumable, points at a real question and holds only valid answers."""
    assert to_state(row_for(state)) == state, "state does not survive the database round trip"
    order = cursors(FLOW, state.answers)
    assert state.cursor in order, state.cursor
    assert all(q in order for q in state.queue), state.queue
    assert set(state.answers) <= set(FIELDS), state.answers
    for person in state.answers.get("interviewers", []):
        assert set(person) <= {"name", *PER_PERSON}, person
    position = order.index(state.cursor)
    for number, cursor in enumerate(order[:-1]):
        step = FLOW.step_for(cursor)
        assert step is not None
        value = get_value(state.answers, cursor)
        ctx = ParseContext(now=now, tz=zone(state.timezone), choices=step.choice_pairs)
        assert value is None or PARSERS[step.parser].valid(value, ctx), (cursor, value)
        if number < position and required(step, state.answers, DEFAULTS):
            assert value is not None, f"required {cursor} is empty but the user is already at {state.cursor}"
    ctx = ParseContext(now=now, tz=zone(state.timezone))
    assert repair(FLOW, state, ctx, DEFAULTS) == (state, []), "the engine produced a state needing repair"


def check_outcome(event: ConversationEvent, after: ConversationState | None, actions: list[Action]) -> None:
    """Every reply ends by asking something, ending, or (with no debrief open) offering to start."""
    assert actions, "the bot said nothing"
    assert sum(isinstance(a, Ask) for a in actions) <= 1, actions
    last = actions[-1]
    if after is None:
        assert isinstance(last, Ask | Say), actions
        assert not isinstance(last, Ask) or last.field == "start", actions
        assert isinstance(last, Ask) or isinstance(event, ChoiceMade | Navigate), actions
        return
    if after.status == "active" and after.confirming_cancel:
        assert isinstance(last, Ask) and last.field == "cancel", actions
        assert not any(isinstance(a, End | DraftsReady) for a in actions), actions
    elif after.status == "active":
        assert isinstance(last, Ask) and last.field == after.cursor, (after.cursor, actions)
        order = cursors(FLOW, after.answers)
        asked_before = [
            c for c in walk(FLOW, after.answers, after.remembered) if order.index(c) < order.index(after.cursor)
        ]
        assert ("back" in last.navigation) == bool(asked_before), last
        assert not any(isinstance(a, End | DraftsReady) for a in actions), actions
    else:
        assert isinstance(last, End) and last.reason == after.status, actions
        assert (after.status == "done") == any(isinstance(a, DraftsReady) for a in actions), actions


class Conversations(RuleBasedStateMachine):
    """Rules shared by both machines; `deliver` decides where an event goes."""

    def __init__(self) -> None:
        super().__init__()
        self.state: ConversationState | None = None
        self.stopped: ConversationState | None = None  # the last debrief that ended, as it ended
        self.now = START
        self.ids = itertools.count(1)
        self.address = Address("console", "local", "terminal", f"prop-{uuid.uuid4().hex[:8]}")

    # --- plumbing -------------------------------------------------------------------------

    def deliver(self, event: ConversationEvent) -> tuple[ConversationState | None, list[Action]]:
        raise NotImplementedError

    def send(self, event: ConversationEvent) -> list[Action]:
        after, actions = self.deliver(event)
        check_outcome(event, after, actions)
        if after is not None and after.status != "active":
            note_event(f"debrief {after.status}")
            self.stopped = after
        self.state = after if after is not None and after.status == "active" else None
        if self.state is not None:
            check_state(self.state, self.now)
        return actions

    def event_id(self) -> str:
        return f"{self.address.user}-{next(self.ids)}"

    def text(self, text: str) -> list[Action]:
        return self.send(TextAnswer(self.address, self.event_id(), text))

    def active(self) -> bool:
        return self.state is not None

    def step(self) -> Any:
        assert self.state is not None
        return FLOW.step_for(self.state.cursor)

    # --- rules ----------------------------------------------------------------------------

    @rule(timezone=st.sampled_from(ZONES))
    def start(self, timezone: str | None) -> None:
        before = self.state
        self.send(Start(self.address, self.event_id(), timezone))
        assert self.state is not None
        if before is not None:
            assert self.state == before.with_(confirming_cancel=False), "starting again must not lose the debrief"
        else:  # a fresh debrief holds only what the member's profile remembers, and asks the first question left
            remembered = self.state.remembered
            assert set(self.state.answers) == set(remembered) <= set(FLOW.remembered)
            assert self.state.cursor == walk(FLOW, self.state.answers, remembered)[0]

    @precondition(active)
    @rule(data=st.data(), answers=st.integers(1, 25))
    def answer_validly(self, data: st.DataObject, answers: int) -> None:
        """Answer the current question (and a few more) the way a cooperative user would."""
        for _ in range(answers):
            if self.state is None:
                return
            before = self.state
            step = self.step()
            if step is None:
                click = data.draw(st.booleans())
                text = data.draw(st.sampled_from(CONFIRMATIONS))
                event: ConversationEvent = (
                    ChoiceMade(self.address, self.event_id(), CONFIRM, "yes")
                    if click
                    else TextAnswer(self.address, self.event_id(), text)
                )
                self.send(event)
                assert self.state is None, "confirming must finish the debrief"
                return
            if step.parser == "choice":
                self.send(self._pick(data, before.cursor, step.choice_pairs))
            else:
                self.text(data.draw(st.sampled_from(VALID[step.parser])))
            assert self.state is not None and self.state.failures == 0, "a valid answer was refused"
            assert self.state.cursor != before.cursor or self.state.answers != before.answers

    def _pick(self, data: st.DataObject, field: str, pairs: tuple[tuple[str, str], ...]) -> ConversationEvent:
        number = data.draw(st.integers(0, len(pairs) - 1))
        value, label = pairs[number]
        how = data.draw(st.integers(0, 3))
        if how == 0:
            return ChoiceMade(self.address, self.event_id(), field, value)
        typed = [value, label, str(number + 1)][how - 1]
        return TextAnswer(self.address, self.event_id(), jiggle(typed, data.draw(st.integers(0, 3))))

    @precondition(active)
    @rule(data=st.data())
    def answer_badly(self, data: st.DataObject) -> None:
        """Bad input changes nothing but the failure count, and the same question comes back."""
        before = self.state
        assert before is not None
        step = self.step()
        parser = step.parser if step else "confirm"
        text = data.draw(st.sampled_from(BAD_ANYWHERE + BAD.get(parser, [])))
        actions = self.text(text)
        before = before.with_(confirming_cancel=False)  # any answer to "really stop?" other than yes carries on
        expected = before if step is None else before.with_(failures=before.failures + 1)
        assert self.state == expected, (text[:40], before, self.state)
        assert isinstance(actions[0], Say) and len(actions) == 2, actions

    @rule(text=st.text(max_size=80))
    def type_anything(self, text: str) -> None:
        """Arbitrary unicode, with or without a debrief open: only the invariants must hold."""
        self.text(text)

    @rule(command=st.sampled_from([c for c in COMMANDS if c != "edit"]), typed=st.booleans(), how=st.integers(0, 4))
    def navigate(self, command: str, typed: bool, how: int) -> None:
        before = self.state
        event: ConversationEvent = (
            TextAnswer(self.address, self.event_id(), jiggle(command, how))
            if typed
            else Navigate(self.address, self.event_id(), command)  # type: ignore[arg-type]
        )
        actions = self.send(event)
        if before is None:
            return
        if before.confirming_cancel and command != "cancel":  # anything but cancel again carries on first
            before = before.with_(confirming_cancel=False)
        if command in ("help", "resume"):
            assert self.state == before
        elif command == "cancel" and before.confirming_cancel:
            assert self.state is None and actions[-1] == End("cancelled"), "cancel twice stops"
            assert self.stopped is not None and self.stopped.answers == before.answers, "cancel keeps the answers"
        elif command == "cancel":
            assert self.state is not None and self.state.confirming_cancel and self.state.answers == before.answers
        elif command == "restart":
            assert self.state is not None and self.state.answers == {}
        elif command == "back" and not before.confirming_cancel and before.cursor == walk(FLOW, before.answers)[0]:
            assert self.state == before
        elif command == "skip" and (step := FLOW.step_for(before.cursor)) and required(step, before.answers, DEFAULTS):
            assert self.state == before, "a required question was skipped"

    @rule(field=st.sampled_from(EDIT_TARGETS), typed=st.sampled_from(["edit", "change", "EDIT", None]))
    def edit(self, field: str, typed: str | None) -> None:
        before = self.state
        event: ConversationEvent = (
            Navigate(self.address, self.event_id(), "edit", field)
            if typed is None
            else TextAnswer(self.address, self.event_id(), f"{typed} {field}")
        )
        self.send(event)
        if before is not None and self.state is not None:
            assert self.state.answers == before.answers, "edit alone must not change an answer"

    @rule(field=st.sampled_from([*FIELDS, "interviewers.0.email", "start", CONFIRM]), value=st.text(max_size=10))
    def click_old_button(self, field: str, value: str) -> None:
        before = self.state
        if before is not None and field == before.cursor:
            return
        actions = self.send(ChoiceMade(self.address, self.event_id(), field, value))
        if before is not None:
            expected = before.with_(confirming_cancel=False)
            assert self.state == expected and isinstance(actions[0], Say), "a stale click changed something"

    @rule(hours=st.integers(0, 72))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours, minutes=7)


class PureEngine(Conversations):
    """The engine alone: fast, so it gets the large budget."""

    def deliver(self, event: ConversationEvent) -> tuple[ConversationState | None, list[Action]]:
        outcome = ENGINE.handle(self.state, event, self.now)
        assert ENGINE.handle(self.state, event, self.now) == outcome, "the engine is not deterministic"
        return outcome

    @rule(timezone=st.sampled_from(WEIRD_ZONES))
    def start_in_odd_zone(self, timezone: str) -> None:
        """The service checks zones, but the engine must survive a bad one too (falls back to UTC)."""
        self.start(timezone)

    @precondition(Conversations.active)
    @rule(field=st.sampled_from([*FIELDS, "interviewers.0.name", "nonsense"]), junk=st.sampled_from(
        [None, "", 42, "x" * 5000, "Sam\x00", ["not", "people"], {"a": 1}, "2999-01-01T10:00:00+00:00"]
    ), cursor=st.sampled_from([None, "nonsense", "interviewers.7.title", CONFIRM]))  # fmt: skip
    def hand_edit_row(self, field: str, junk: Any, cursor: str | None) -> None:
        """Someone edited the row in the database; the next message must recover, not crash."""
        assert self.state is not None
        answers = json.loads(json.dumps(self.state.answers))
        if field == "interviewers.0.name":
            answers["interviewers"] = [{"name": junk}]
        else:
            answers[field] = junk
        self.state = self.state.with_(answers=answers, cursor=cursor or self.state.cursor)
        self.text("help")


class ServiceOnDatabase(Conversations):
    """The real service on a real database, checked against the pure engine at every step."""

    url = ""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.clock = FakeClock(START)
        self.core = build_core(load_settings(database_url=self.url, default_timezone="Europe/Berlin"), clock=self.clock)
        self.service = self.core.service
        self.sent: list[ConversationEvent] = []
        self.profile: dict[str, object] = {}  # what the service remembers after a finished debrief

    def teardown(self) -> None:
        self.loop.run_until_complete(self.core.close())
        self.loop.close()

    def deliver(self, event: ConversationEvent) -> tuple[ConversationState | None, list[Action]]:
        self.clock.set(self.now)
        zone = "UTC" if self.state else "Europe/Berlin"  # a debrief begun by typing gets the service's default
        expected_state, expected = ENGINE.handle(
            self.state, self._as_service_sees(event), self.now, timezone=zone, profile=self.profile
        )
        actions = self.loop.run_until_complete(self.service.process(event))
        self.loop.run_until_complete(self.service.delivered(event.address, actions))  # as every adapter records
        self.sent.append(event)
        assert [_anonymous(a) for a in actions] == expected, "the service disagrees with the engine"
        row = self.loop.run_until_complete(self._latest())
        if expected_state is None:
            assert row is None or row.status != "active"
            return None, actions
        assert row is not None and row.status == expected_state.status
        stored = to_state(row)
        if expected_state.status == "active":
            assert stored == expected_state, "the stored state is not what the engine produced"
        else:
            assert stored.answers == expected_state.answers, "a finished or cancelled debrief keeps its answers"
        if expected_state.status == "done":
            answers = parse_answers(dict(expected_state.answers))
            self.profile.update({name: getattr(answers, name) for name in FLOW.remembered})
        return expected_state, actions

    def _as_service_sees(self, event: ConversationEvent) -> ConversationEvent:
        if isinstance(event, Start) and (not event.timezone or zone(event.timezone).key != event.timezone):
            return replace(event, timezone="Europe/Berlin")
        return event

    async def _latest(self) -> Conversation | None:
        async with self.service.sessions() as session:
            statement = select(Conversation).where(col(Conversation.user_id) == self.address.user)
            rows = (await session.execute(statement.order_by(col(Conversation.id).desc()))).scalars().all()
            return rows[0] if rows else None

    async def _footprint(self) -> tuple[Any, ...]:
        row = await self._latest()
        async with self.service.sessions() as session:
            mine = col(Note.user_id) == self.address.user
            notes = await session.scalar(select(func.count()).select_from(Note).where(mine))
            seen = await session.scalar(select(func.count()).select_from(ProcessedEvent))
        shape = (row.id, row.version, row.step, row.status, row.answers, row.progress) if row else None
        return shape, notes, seen

    @precondition(lambda self: bool(self.sent))
    @rule(data=st.data())
    def redeliver(self, data: st.DataObject) -> None:
        """A platform retry or a double click: the same event id has no second effect."""
        event = data.draw(st.sampled_from(self.sent))
        before = self.loop.run_until_complete(self._footprint())
        assert self.loop.run_until_complete(self.service.process(event)) == []
        assert self.loop.run_until_complete(self._footprint()) == before, "a duplicate event changed something"


def _anonymous(action: Action) -> Action:
    """The service fills in the stored conversation id, and offers the form on a debrief's first question
    (bot/conversation/form_handler.py); the pure engine does neither."""
    if isinstance(action, Ask) and "form" in action.navigation:
        return replace(action, navigation=tuple(n for n in action.navigation if n != "form"))
    return replace(action, conversation_id=None) if isinstance(action, DraftsReady) else action


def test_engine_keeps_its_promises_under_random_conversations() -> None:
    run_state_machine_as_test(
        PureEngine,
        settings=settings(
            max_examples=100, stateful_step_count=40, derandomize=True, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow], report_multiple_bugs=False,
        ),
    )  # fmt: skip


def test_service_on_database_matches_engine_and_ignores_duplicates(db_url: str) -> None:
    async def upgrade() -> None:
        async with running(load_settings(database_url=db_url)):
            pass

    asyncio.run(upgrade())
    ServiceOnDatabase.url = db_url
    run_state_machine_as_test(
        ServiceOnDatabase,
        settings=settings(
            max_examples=20, stateful_step_count=30, derandomize=True, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow], report_multiple_bugs=False,
        ),
    )  # fmt: skip
