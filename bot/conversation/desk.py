"""What `Core` offers adapters around the debrief itself: the form (spec and a quick check before a platform is
answered), first contact (the welcome, once; a sample note), and the member's own time zone and locale.

Functions take the caller's session so `bot/runtime.py` owns transactions; none of them decides what to ask.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot import TEMPLATES_DIR
from bot.answers import parse_answers
from bot.community.defaults import member_defaults
from bot.compose import compose
from bot.conversation.engine import Engine
from bot.conversation.form import build_spec, read_form
from bot.drafts import Draft
from bot.events import Address
from bot.forms import FormErrors, FormSpec, FormValues
from bot.storage.models import Conversation
from bot.storage.prefs import is_quiet, mark_welcomed, member_prefs, remember_zone
from bot.storage.store import load_active, save_state, to_state, user_timezone
from bot.time import zones
from bot.time.clock import Clock
from bot.time.locales import date_order

SAMPLE_ANSWERS = TEMPLATES_DIR / "samples" / "first_contact.json"


async def form_for(session: AsyncSession, engine: Engine, address: Address, default_timezone: str) -> FormSpec:
    """The form filled with the member's open debrief (or, with none open, their remembered profile and their
    community's defaults for the rest)."""
    row = await load_active(session, address=address)
    prefs = await member_prefs(session, address=address)
    if row is not None:
        state = to_state(row)
        return build_spec(engine.flow, state.answers, zones.first_known(state.timezone))
    profile = getattr(prefs, "profile", None) if prefs is not None else None
    community = (await member_defaults(session, address)).answers  # under the member's own profile
    remembered = {k: v for k, v in {**community, **(profile or {})}.items() if k in engine.flow.remembered}
    zone = zones.first_known(prefs.timezone if prefs is not None else None, default_timezone)
    return build_spec(engine.flow, remembered, zone)


def check_form(
    engine: Engine, values: FormValues, *, now: datetime, timezone: str, locale: str | None, complete: bool
) -> FormErrors:
    """What is wrong with a submitted form, by key (empty when nothing): pure, so a platform that wants the answer
    within seconds (Slack's `view_submission`) gets it before anything is written."""
    _, errors = read_form(
        engine.flow, values, answers={}, now=now, tz=zones.zone(timezone), date_order=date_order(locale),
        complete=complete,
    )  # fmt: skip
    return errors


async def welcome_once(session: AsyncSession, address: Address, now: datetime) -> bool:
    """True the first time only; a member who asked for quiet, or who has debriefed before (they know the bot),
    is marked welcomed without a message."""
    first = await mark_welcomed(session, address=address, now=now)
    if not first or await is_quiet(session, address=address):
        return False
    platform, workspace, user = address.key
    earlier = select(col(Conversation.id)).where(
        col(Conversation.platform) == platform, col(Conversation.workspace) == workspace,
        col(Conversation.user_id) == user,
    )  # fmt: skip
    return (await session.execute(earlier.limit(1))).first() is None


@cache
def _sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE_ANSWERS.read_text(encoding="utf-8"))
    return data


def sample_note(now: datetime, timezone: str) -> Draft:
    """The first note the real composer writes from a fixed sample debrief (what a finished debrief gives)."""
    drafts = compose(parse_answers(dict(_sample())), tz=zones.zone(timezone), now=now)
    return drafts.drafts[0]


async def choose_zone(
    session: AsyncSession, address: Address, *, timezone: str | None, locale: str | None, now: datetime
) -> str | None:
    """Keep the member's zone (returned as its IANA name; None when not a zone) and locale; an open debrief
    whose time is not answered yet reads times in the new zone too."""
    zone = zones.known_zone(timezone) if timezone else None
    await remember_zone(session, address=address, now=now, timezone=zone, locale=locale)
    row = await load_active(session, address=address)
    if zone is not None and row is not None and not row.answers.get("interview_at"):
        state = to_state(row)
        await save_state(session, row=row, state=state.with_(timezone=zone), address=address, now=now)
    return zone


class Desk:
    """The front desk a `Core` hands adapters (`core.desk`): each call is its own short transaction."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        engine: Engine,
        clock: Clock,
        *,
        default_timezone: str,
        ready: Callable[[], Awaitable[None]],
    ) -> None:
        self.sessions = sessions
        self.engine = engine
        self.clock = clock
        self.default_timezone = default_timezone
        self._ready = ready

    async def form(self, address: Address) -> FormSpec:
        """The debrief as a form, filled with what the member already said."""
        await self._ready()
        async with self.sessions() as session:
            return await form_for(session, self.engine, address, self.default_timezone)

    def check(
        self, values: FormValues, *, timezone: str, locale: str | None = None, complete: bool = True
    ) -> FormErrors:
        """Problems with a submitted form by key, before anything is written (no I/O)."""
        return check_form(
            self.engine, values, now=self.clock.now(), timezone=timezone, locale=locale, complete=complete
        )

    async def welcome_once(self, address: Address) -> bool:
        """True exactly once per member: the first time they open the bot's DM."""
        await self._ready()
        async with self.sessions() as session, session.begin():
            return await welcome_once(session, address, self.clock.now())

    def sample_note(self) -> Draft:
        return sample_note(self.clock.now(), self.default_timezone)

    async def zone(self, address: Address) -> str | None:
        """The zone the member chose (or set with `reminders timezone`), None when they never did."""
        await self._ready()
        async with self.sessions() as session:
            return await user_timezone(session, address=address)

    async def remember_locale(self, address: Address, locale: str) -> None:
        """Keep how the member writes dates (Slack's users.info locale), without touching their zone."""
        async with self.sessions() as session, session.begin():
            await remember_zone(session, address=address, now=self.clock.now(), locale=locale)

    async def choose_zone(self, address: Address, *, timezone: str | None, locale: str | None = None) -> str | None:
        """Keep the member's zone and locale; the zone's IANA name, or None when `timezone` names none."""
        await self._ready()
        async with self.sessions() as session, session.begin():
            return await choose_zone(session, address, timezone=timezone, locale=locale, now=self.clock.now())
