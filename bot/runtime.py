"""The composition root: the core is built here, once, from settings and a clock.

`bot/cli.py` builds a `Core` and hands it to the adapter or worker it starts; tests and benchmarks build
theirs the same way with their own settings. Adapters use only the methods below (neutral events in,
neutral actions and read models out); they never reach for the database, the engine or the scheduler.
Nothing here touches the network or the database until `ready()` or the first turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.actions import Action, Say
from bot.community.service import Community
from bot.compose import compose
from bot.config import Settings
from bot.conversation import note_edits
from bot.conversation.desk import Desk
from bot.conversation.draft_actions import DraftActionHandler
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.form_handler import FormHandler
from bot.conversation.privacy_commands import PrivacyHandler
from bot.conversation.profile_commands import ProfileHandler
from bot.conversation.service import ConversationService
from bot.conversation.undo import UndoCancelHandler
from bot.drafts import Draft
from bot.errors import DatabaseUnavailable
from bot.events import Address, Event
from bot.observability import logs, metrics
from bot.observability.health import database_problem
from bot.ports import EventHandler, Sender
from bot.reminders.handler import ReminderHandler
from bot.reminders.scheduler import INLINE_HOLD, Scheduler
from bot.storage.db import guarded, make_engine, session_factory, upgrade_engine
from bot.storage.prefs import clear_dm_closed, record_dm_closed
from bot.storage.privacy import purge_once_a_day
from bot.storage.store import mark_processed
from bot.storage.summaries import home_summary
from bot.summaries import HomeSummary
from bot.text import valid_identifier
from bot.time.clock import Clock, SystemClock

_log = logging.getLogger(__name__)
MAX_EVENT_ID_CHARS = 128  # processed_events.event_id
#: PostgreSQL connections per process: enough for the turns adapters run at once, plus a few for the scheduler.
POOL_SIZE, POOL_OVERFLOW = 20, 5


@dataclass
class Core:
    """Everything platform-neutral one process holds; one instance per process, shared by its adapter."""

    settings: Settings
    clock: Clock
    database: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    engine: Engine
    service: ConversationService
    _ready: bool = False
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    system_clock: bool = False  # no clock was injected: schedulers set their time by the database's (PostgreSQL)

    @property
    def single_writer(self) -> bool:
        """SQLite has one writer: adapters run fewer turns at once there (more only queue on its lock)."""
        return self.database.dialect.name == "sqlite"

    async def ready(self) -> None:
        """Bring the database schema up to date, once per process."""
        if self._ready:
            return
        async with self._lock:
            if not self._ready:
                await upgrade_engine(self.database)
                self._ready = True

    async def close(self) -> None:
        await self.database.dispose()

    # --- turns ----------------------------------------------------------------------------

    async def handle(self, event: Event, sender: Sender) -> list[Action]:
        """Process one event (exactly once per event id) and deliver what it produced."""
        with logs.bound(platform=event.address.platform, event_id=event.event_id):  # delivery lines too
            try:
                actions = await self.process(event)
            except DatabaseUnavailable as trouble:
                if not self._ready:  # never reached at all: the process's one-line start-up error
                    raise
                # mid-conversation: say so kindly; the turn rolled back, earlier answers are in the database
                _log.warning("database unavailable for a turn", extra={"error": type(trouble.__cause__).__name__})
                sorry: list[Action] = [Say(str(trouble))]
                await sender.send(event.address, sorry)  # nothing to record: the database is away
                return sorry
            await self.service.deliver(event.address, actions, sender)  # sends, then records what arrived
        return actions

    async def process(self, event: Event) -> list[Action]:
        """Everything but delivery, for adapters that must acknowledge the platform before replying."""
        await self.ready()
        where = event.address
        ids = (where.platform, where.workspace, where.channel, where.user)
        if not all(map(valid_identifier, ids)) or not 0 < len(event.event_id) <= MAX_EVENT_ID_CHARS:
            _log.warning("event refused: malformed platform identifiers", extra={"platform": where.platform[:20]})
            return []  # no platform sends these; nothing is stored or answered
        with logs.bound(platform=event.address.platform, event_id=event.event_id):
            started = time.perf_counter()
            actions = await guarded(lambda: self.service.process(event))  # one retry after a dropped connection
            seconds = time.perf_counter() - started
            metrics.turn(event.address.platform, seconds, actions, intro=self.engine.flow.intro)
        return actions

    async def delivered(self, address: Address, actions: Sequence[Action]) -> None:
        """After `process`, once the adapter's send succeeded: record what the user saw (never after a failure,
        so their next message is not taken as the answer to a question they never got)."""
        await self.service.delivered(address, actions)

    async def database_problem(self) -> str | None:
        """Readiness: None when the database answers a `SELECT 1` within a couple of seconds, else why not."""
        return await database_problem(self.database)

    async def first_time(self, *, platform: str, event_id: str) -> bool:
        """Record a platform event that is not a turn (e.g. a channel mention); False if seen before."""
        await self.ready()
        async with self.sessions() as session, session.begin():
            return await mark_processed(session, platform=platform, event_id=event_id, now=self.clock.now())

    # --- what adapters show or remember -----------------------------------------------------

    async def home(self, address: Address, *, recent: int = 20) -> HomeSummary:
        """The user's open debrief and recent notes (Slack's App Home)."""
        await self.ready()
        async with self.sessions() as session:
            return await home_summary(session, address=address, recent=recent)

    async def dm_closed(self, address: Address) -> None:
        """The platform refused to DM this user: reminders skip them until a DM gets through again."""
        await self.ready()
        async with self.sessions() as session, session.begin():
            await record_dm_closed(session, address=address, now=self.clock.now())

    async def dm_open(self, address: Address) -> None:
        await self.ready()
        async with self.sessions() as session, session.begin():
            await clear_dm_closed(session, address=address, now=self.clock.now())

    # --- a note edited by hand in a chat modal (bot/conversation/note_edits.py) --------------

    async def note_for_edit(self, address: Address, conversation_id: int, position: int) -> Draft | None:
        """The note to pre-fill the edit modal with; None when it is gone or not this user's."""
        await self.ready()
        async with self.sessions() as session:
            return await note_edits.note_for_edit(
                session, address=address, conversation_id=conversation_id, position=position
            )

    async def check_note_edit(self, address: Address, conversation_id: int, position: int, text: str) -> Draft | None:
        """Proofread the edited text against the note's answers and keep it; the draft carries the checks."""
        await self.ready()
        async with self.sessions() as session, session.begin():
            return await note_edits.check_note_edit(
                session, address=address, conversation_id=conversation_id, position=position, text=text,
                now=self.clock.now(),
            )  # fmt: skip

    # --- reminders ------------------------------------------------------------------------

    def scheduler(self, senders: Mapping[str, Sender], *, inline_hold: timedelta = INLINE_HOLD) -> Scheduler:
        """A scheduler worker delivering through `senders` (one per platform this process can reach)."""
        return Scheduler(
            self.sessions, senders, self.clock, poll_seconds=self.settings.reminder_poll_seconds,
            default_timezone=self.settings.default_timezone, inline_hold=inline_hold,
            lease=timedelta(seconds=self.settings.reminder_lease_seconds), database_time=self.system_clock,
        )  # fmt: skip

    async def run_scheduler(self, senders: Mapping[str, Sender], stop: asyncio.Event) -> None:
        """Deliver due reminders (and run the retention purge) until `stop` is set; career-channel posts go out
        beside them when the adapter registered a poster (bot/community/job.py)."""
        await self.ready()
        await asyncio.gather(self.scheduler(senders).run(stop), self.community.run(stop))

    @functools.cached_property
    def desk(self) -> Desk:
        """Forms, first contact (welcome, sample note) and the member's own zone (bot/conversation/desk.py)."""
        return Desk(
            self.sessions, self.engine, self.clock, default_timezone=self.settings.default_timezone, ready=self.ready
        )

    @functools.cached_property
    def community(self) -> Community:
        """Career-channel admin commands, member controls and the channel-post job (bot/community/)."""
        return Community(self.sessions, self.clock, default_timezone=self.settings.default_timezone)

    async def tidy(self) -> None:
        """Retention for processes without a scheduler (the console): the purge, at most once a day across
        every process on this database (bot/storage/privacy.py)."""
        await self.ready()
        async with self.sessions() as session, session.begin():
            counts = await purge_once_a_day(session, now=self.clock.now())
        if counts is not None:
            _log.info("retention purge", extra={f"purged_{k}": v for k, v in counts.items()})

    async def deliver_due(self, address: Address, sender: Sender) -> int:
        """Deliver one user's due reminders now (the console has no background); returns how many went out."""
        await self.ready()
        scheduler = self.scheduler({address.platform: sender}, inline_hold=timedelta(0))
        delivered = 0
        for _ in range(3):  # a pass may fold stale reminders into a digest that the next pass delivers
            result = await scheduler.tick(address=address)
            delivered += result.delivered
            if not result.claimed:
                break
        return delivered


def build_core(settings: Settings, *, clock: Clock | None = None) -> Core:
    """Wire the core: database engine and sessions, flow and engine, and the service's handler pipeline.

    The pipeline order matters: buttons on delivered drafts, then reminder buttons and typed reminder
    commands, then data-rights requests, then the debrief engine for everything else.
    """
    database = make_engine(settings.database_url, **_pool_options(settings.database_url))
    sessions = session_factory(database)
    engine = Engine(default_flow(), compose)
    handlers: list[EventHandler] = [
        DraftActionHandler(engine),
        ReminderHandler(default_timezone=settings.default_timezone),
        PrivacyHandler(),
        FormHandler(engine, default_timezone=settings.default_timezone),
        ProfileHandler(engine.flow),
        UndoCancelHandler(engine),
    ]
    real_clock = clock or SystemClock()
    service = ConversationService(
        sessions=sessions, engine=engine, clock=real_clock, default_timezone=settings.default_timezone,
        handlers=handlers,
    )  # fmt: skip
    return Core(settings, real_clock, database, sessions, engine, service, system_clock=clock is None)


@contextlib.asynccontextmanager
async def running(settings: Settings, *, clock: Clock | None = None) -> AsyncIterator[Core]:
    """A ready core that is closed afterwards (commands and tests)."""
    core = build_core(settings, clock=clock)
    try:
        await core.ready()
        yield core
    finally:
        await core.close()


def _pool_options(url: str) -> dict[str, object]:
    """SQL parameters (which hold answers) stay out of error messages, so a logged error never carries
    interview details; PostgreSQL gets a pool sized for the turns a process runs at once."""
    pool = {} if url.startswith("sqlite") else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
    return {"hide_parameters": True, **pool}
