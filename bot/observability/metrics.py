"""The named metrics of one process, on their own registry (never prometheus_client's global one).

Every label value is from a closed set (a platform, an outcome) or a platform API method name, cleaned by
`_method`: no label ever carries a user id, a name or an answer. Call sites use the module functions
(`turn`, `reminder_outcomes`, `api_call`…), which act on the process's `Metrics` (`current()`); tests swap in
a fresh one with `install`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from bot.actions import Action, DraftsReady, End, Say

PLATFORMS = frozenset({"slack", "discord", "console"})
REMINDER_OUTCOMES = ("due", "delivered", "failed", "in_doubt")
_METHOD = re.compile(r"[^A-Za-z0-9_./{}@ -]")
_TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_LAG_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0, 4 * 3600.0)


class Metrics:
    """All metrics the bot exports; one instance per process (or per test)."""

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        self.conversations = Counter(
            "thankyou_conversations", "Debriefs by outcome: started, finished (notes composed), abandoned (cancelled)",
            ["platform", "outcome"], registry=registry,
        )  # fmt: skip
        self.turns = Counter("thankyou_turns", "Conversation turns processed", ["platform"], registry=registry)
        self.turn_seconds = Histogram(
            "thankyou_turn_duration_seconds", "Time to process one turn (dedupe, handle, save; not delivery)",
            ["platform"], buckets=_TURN_BUCKETS, registry=registry,
        )  # fmt: skip
        self.drafts = Counter(
            "thankyou_drafts_composed", "Thank-you notes composed (one per interviewer; re-tones count again)",
            ["platform"], registry=registry,
        )  # fmt: skip
        self.reminders = Counter(
            "thankyou_reminders", "Reminders by outcome: due (claimed), delivered, failed, in_doubt (parked unknown)",
            ["outcome"], registry=registry,
        )  # fmt: skip
        self.scheduler_lag = Histogram(
            "thankyou_scheduler_lag_seconds", "How long after its due (or retry) time a reminder was claimed",
            buckets=_LAG_BUCKETS, registry=registry,
        )  # fmt: skip
        self.api_calls = Counter(
            "thankyou_platform_api_calls", "Calls made to a platform's Web/REST API, by method",
            ["platform", "method"], registry=registry,
        )  # fmt: skip
        self.rate_limited = Counter(
            "thankyou_platform_rate_limited", "429 answers from a platform's API, by method",
            ["platform", "method"], registry=registry,
        )  # fmt: skip
        self.channel_posts = Counter(
            "thankyou_channel_posts", "Community reminder posts made in channels", ["platform"], registry=registry
        )
        for outcome in REMINDER_OUTCOMES:  # present from the start, so rate() and alerts see zeros
            self.reminders.labels(outcome=outcome)

    def exposition(self) -> bytes:
        """The Prometheus text format of everything above."""
        return generate_latest(self.registry)


_current = Metrics()


def current() -> Metrics:
    return _current


def install(metrics: Metrics) -> Metrics:
    """Make `metrics` the process's instance; returns the previous one (tests restore it)."""
    global _current
    previous, _current = _current, metrics
    return previous


def platform_label(platform: str) -> str:
    return platform if platform in PLATFORMS else "other"


def _method(method: str) -> str:
    """An API method or route template (`chat.postMessage`, `POST /channels/{channel_id}/messages`)."""
    return _METHOD.sub("", method)[:80] or "unknown"


def turn(platform: str, seconds: float, actions: Sequence[Action], *, intro: str) -> None:
    """Count one processed turn and what it produced. A debrief starts when the flow's intro is said."""
    metrics, label = _current, platform_label(platform)
    metrics.turns.labels(platform=label).inc()
    metrics.turn_seconds.labels(platform=label).observe(seconds)
    for action in actions:
        if isinstance(action, Say) and action.text == intro:
            metrics.conversations.labels(platform=label, outcome="started").inc()
        elif isinstance(action, End):
            outcome = "finished" if action.reason == "done" else "abandoned"
            metrics.conversations.labels(platform=label, outcome=outcome).inc()
        elif isinstance(action, DraftsReady):
            metrics.drafts.labels(platform=label).inc(len(action.drafts.drafts))


def reminder_outcomes(*, due: int = 0, delivered: int = 0, failed: int = 0, in_doubt: int = 0) -> None:
    """One scheduler pass's counts."""
    for outcome, count in zip(REMINDER_OUTCOMES, (due, delivered, failed, in_doubt), strict=True):
        if count:
            _current.reminders.labels(outcome=outcome).inc(count)


def scheduler_lag(now: datetime, due_times: Iterable[datetime]) -> None:
    for due in due_times:
        _current.scheduler_lag.observe(max(0.0, (now - due).total_seconds()))


def api_call(platform: str, method: str) -> None:
    _current.api_calls.labels(platform=platform_label(platform), method=_method(method)).inc()


def rate_limited(platform: str, method: str) -> None:
    _current.rate_limited.labels(platform=platform_label(platform), method=_method(method)).inc()


def channel_post(platform: str) -> None:
    _current.channel_posts.labels(platform=platform_label(platform)).inc()
