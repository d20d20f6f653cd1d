"""A service with the reminder handler installed, and a scheduler delivering to a fake console platform."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.events import Address
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform

ME = Address("console", "local", "terminal", "sam")
SOMEONE_ELSE = Address("console", "local", "terminal", "alex")


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform()


@pytest.fixture
def scheduler(database: AsyncEngine, clock: FakeClock, platform: FakePlatform) -> Scheduler:
    return Scheduler(session_factory(database), {"console": platform}, clock, default_timezone="America/New_York")
