"""A service with the reminder handler installed, and a scheduler delivering to a fake console platform."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FakeClock
from bot.compose import compose
from bot.db import session_factory
from bot.engine import Engine
from bot.events import Address
from bot.flow import default_flow
from bot.reminders.handler import ReminderHandler
from bot.scheduler import Scheduler
from bot.service import ConversationService
from tests.fakes.reminder_sender import FakePlatform

ME = Address("console", "local", "terminal", "sam")
SOMEONE_ELSE = Address("console", "local", "terminal", "alex")


@pytest.fixture
def reminder_service(database: AsyncEngine, clock: FakeClock) -> ConversationService:
    return ConversationService(
        sessions=session_factory(database), engine=Engine(default_flow(), compose), clock=clock,
        default_timezone="America/New_York", handlers=[ReminderHandler(default_timezone="America/New_York")],
    )  # fmt: skip


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform()


@pytest.fixture
def scheduler(database: AsyncEngine, clock: FakeClock, platform: FakePlatform) -> Scheduler:
    return Scheduler(session_factory(database), {"console": platform}, clock, default_timezone="America/New_York")
