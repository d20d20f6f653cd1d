"""The one path every adapter uses: dedupe → load → handle → persist (one transaction) → deliver → record.

What reached the user is recorded only after the send succeeded (`delivered`), so the next message is read
against the question the user actually saw (`bot/conversation/delivery.py`).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import messages
from bot.actions import Action, Ask, DraftsReady, ReminderScheduled, Say
from bot.community.defaults import member_defaults
from bot.conversation.delivery import delivered_notes, resend_unseen, shown_step, unseen_question
from bot.conversation.engine import Engine
from bot.conversation.form_handler import offer_form
from bot.conversation.state import ConversationState
from bot.errors import ConversationConflict
from bot.events import Address, DraftAction, Event, FormSubmitted, ReminderAction, Start, TextAnswer
from bot.ports import EventHandler, Sender
from bot.storage.delivered import mark_notes_delivered, mark_shown
from bot.storage.models import Conversation
from bot.storage.prefs import member_prefs
from bot.storage.profile import load_profile, remember_profile
from bot.storage.store import (
    load_active,
    mark_processed,
    save_notes,
    save_state,
    schedule_reminders,
    to_state,
    user_timezone,
)
from bot.time import zones
from bot.time.clock import Clock, SystemClock
from bot.time.locales import date_order, reading_order, reading_order_for

log = logging.getLogger(__name__)
#: Tries of one turn against concurrent writers: each round at least one writer wins, so ten writers on one
#: conversation all get through; the jittered waits between tries (at most ~2 s in all) spread them apart.
MAX_ATTEMPTS = 12
BACKOFF_FIRST, BACKOFF_CAP = 0.004, 0.25


def backoff(attempt: int, rng: random.Random | None = None) -> float:
    """Seconds before try `attempt + 1`: "full jitter", a uniform pick below an exponentially growing cap."""
    return (rng or random).uniform(0, min(BACKOFF_CAP, BACKOFF_FIRST * 2**attempt))


class ConversationService:
    """Owns transactions around the pure engine; adapters only translate and deliver."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        engine: Engine,
        clock: Clock | None = None,
        default_timezone: str = "UTC",
        handlers: Sequence[EventHandler] = (),
    ) -> None:
        self.sessions = sessions
        self.engine = engine
        self.handlers = list(handlers)
        self.clock = clock or SystemClock()
        self.default_timezone = default_timezone

    async def handle(self, event: Event, sender: Sender) -> list[Action]:
        """Process one event exactly once and deliver what it produced; a repeated event id does nothing."""
        actions = await self.process(event)
        await self.deliver(event.address, actions, sender)
        return actions

    async def deliver(self, address: Address, actions: Sequence[Action], sender: Sender) -> None:
        """Send a turn's reply and record what reached the user; a failed send (`DeliveryError`) records nothing.

        A reply carrying notes goes in two sends, split after the last notes: a failure in what follows them
        (the reminder lines, the goodbye) leaves the notes recorded as delivered, so they are not sent twice."""
        last = max((i for i, a in enumerate(actions) if isinstance(a, DraftsReady)), default=len(actions) - 1)
        for part in (actions[: last + 1], actions[last + 1 :]):
            if part:
                await sender.send(address, part)
                await self.delivered(address, part)

    async def delivered(self, address: Address, actions: Sequence[Action]) -> None:
        """The reply reached the user (adapters that send it themselves call this afterwards): remember the
        question it showed and the notes it carried. Losing this record costs only an apology, so a database
        error here is logged, not raised: the user already has the reply."""
        step, notes = shown_step(self.engine.flow, actions), delivered_notes(actions)
        if step is None and not notes:
            return
        try:
            async with self.sessions() as session, session.begin():
                if step is not None:
                    await mark_shown(session, address=address, step=step)
                await mark_notes_delivered(session, address=address, conversation_ids=notes, now=self.clock.now())
        except SQLAlchemyError as error:
            log.warning("delivery not recorded", extra={"platform": address.platform, "error": type(error).__name__})

    async def process(self, event: Event) -> list[Action]:
        """Everything but delivery; retried, after a short random wait, when a concurrent writer got there first."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return await self._once(event)
            except ConversationConflict:
                log.info("conversation conflict, retrying", extra={"platform": event.address.platform, "try": attempt})
                if attempt < MAX_ATTEMPTS:
                    await asyncio.sleep(backoff(attempt))
        raise ConversationConflict("too many concurrent updates to one conversation")

    async def _once(self, event: Event) -> list[Action]:
        address = event.address
        now = self.clock.now()
        async with self.sessions() as session, session.begin():
            if not await mark_processed(session, platform=address.platform, event_id=event.event_id, now=now):
                log.info("duplicate event ignored", extra={"platform": address.platform})
                return []
            actions = await self._turn(session, event, now)
            return await resend_unseen(session, self.engine, event, actions)

    async def _turn(self, session: AsyncSession, event: Event, now: datetime) -> list[Action]:
        """One event inside the turn's transaction: the pipeline's handlers first, else the debrief engine."""
        address = event.address
        for handler in self.handlers:
            handled = await handler.handle(session, event, now)
            if handled is not None:
                return await self._then_current_question(session, event, handled, now)
        if isinstance(event, DraftAction | ReminderAction | FormSubmitted):  # a button we no longer serve
            return [Say(messages.text("button_not_recognised"))]
        row = await load_active(session, address=address)
        timezone = "UTC" if row else await self._timezone(session, event)
        if isinstance(event, Start):
            event = replace(event, timezone=timezone)
        profile = None if row else await load_profile(session, address=address)
        defaults = None if row else await member_defaults(session, address)  # the community's, under the profile
        before = to_state(row) if row else None
        with reading_order_for(await self._date_order(session, row)):  # "11/29" as the member writes dates
            unseen = unseen_question(self.engine, before, row.shown_step, event, now) if row and before else None
            state, actions = unseen or self.engine.handle(
                before, event, now, timezone=timezone, profile=profile,
                community=defaults.answers if defaults else None, offsets=defaults.offsets if defaults else None,
            )  # fmt: skip
        if state is None:
            return actions
        if isinstance(event, Start) or row is None:  # a debrief's first message offers a form instead
            actions = offer_form(actions)
        conversation_id = await save_state(session, row=row, state=state, address=address, now=now)
        actions = await self._persist_results(session, conversation_id, event, actions, state)
        log.info(
            "event handled",
            extra={"platform": address.platform, "conversation": conversation_id, "status": state.status},
        )
        return actions

    async def _then_current_question(
        self, session: AsyncSession, event: Event, actions: list[Action], now: datetime
    ) -> list[Action]:
        """After a side command typed mid-debrief, repeat the open question so the user knows where they are."""
        if not isinstance(event, TextAnswer) or any(isinstance(a, Ask) for a in actions):
            return actions
        row = await load_active(session, address=event.address)
        if row is None:
            return actions
        return [*actions, self.engine.current_question(to_state(row), now)]

    async def _persist_results(
        self, session: AsyncSession, conversation_id: int, event: Event, actions: list[Action], state: ConversationState
    ) -> list[Action]:
        """Notes and reminders of a finishing turn, in the turn's transaction. The profile keeps the member's own
        choices: an answer still as their community's default set it is not theirs to remember."""
        now = self.clock.now()
        result: list[Action] = []
        for action in actions:
            if isinstance(action, DraftsReady):
                own = [f for f in self.engine.flow.remembered
                       if f not in state.community or state.answers.get(f) != state.community[f]]  # fmt: skip
                await remember_profile(session, address=event.address, answers=action.answers, fields=own, now=now)
                action = await save_notes(
                    session, conversation_id=conversation_id, address=event.address, ready=action, now=now
                )
            result.append(action)
        reminders = [a for a in actions if isinstance(a, ReminderScheduled)]
        if reminders:
            await schedule_reminders(
                session, conversation_id=conversation_id, address=event.address, reminders=reminders, now=now
            )
        return result

    async def _date_order(self, session: AsyncSession, row: Conversation | None) -> str:
        """The member's date order, read only when the open question is a date (most turns skip the read)."""
        step = self.engine.flow.step_for(row.step) if row is not None else None
        if row is None or step is None or step.parser != "past_datetime":
            return reading_order()
        prefs = await member_prefs(session, address=Address(row.platform, row.workspace, row.channel, row.user_id))
        return date_order(prefs.locale) if prefs is not None and prefs.locale else reading_order()

    async def _timezone(self, session: AsyncSession, event: Event) -> str:
        """The platform's zone for the user, else their saved preference, else the configured default."""
        given = event.timezone if isinstance(event, Start) else None
        return zones.first_known(given, await user_timezone(session, address=event.address), self.default_timezone)
