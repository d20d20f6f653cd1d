"""Each test reads metrics from a fresh `Metrics` (own registry), so counts start at zero and never leak."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.observability import metrics


@pytest.fixture
def fresh_metrics() -> Iterator[metrics.Metrics]:
    mine = metrics.Metrics()
    previous = metrics.install(mine)
    yield mine
    metrics.install(previous)
