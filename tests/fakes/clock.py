"""A clock tests move by hand, so nothing in a test waits on real time."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """Satisfies `bot.time.clock.Clock`; `advance` and `set` move it."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment
