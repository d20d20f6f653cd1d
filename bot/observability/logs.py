"""Structured logs: one JSON object per line (`LOG_FORMAT=json`), with the turn's ids bound by contextvars.

`Core` binds the platform and event id around each turn (`bound`); the service's "event handled" line names
the conversation, which then stays bound for the rest of that turn (its delivery lines). Only whitelisted
`extra` fields with plain values are written, and an exception is written as its type and stack without its
message (messages can quote input), so answers, tokens and names stay out of the logs.
"""

from __future__ import annotations

import contextlib
import json
import logging
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

#: `extra` keys the code base logs that never hold personal data; `conversation` is written as `conversation_id`
SAFE_EXTRAS = frozenset(
    {"platform", "conversation", "status", "worker", "reminder", "error", "reason", "port", "path", "try",
     "retry_after", "code", "platforms", "shard", "shards", "kind", "attempts"}
)  # fmt: skip
_turn: ContextVar[dict[str, object] | None] = ContextVar("thankyou_turn", default=None)


@contextlib.contextmanager
def bound(**fields: object) -> Iterator[None]:
    """Bind `fields` to every log line written in this context (nested binds add to the outer ones)."""
    outer = _turn.get() or {}
    token = _turn.set({**outer, **{k: v for k, v in fields.items() if v is not None}})
    try:
        yield
    finally:
        _turn.reset(token)


def context() -> dict[str, object]:
    """What is bound right now (a copy)."""
    return dict(_turn.get() or {})


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, the bound ids, safe extras; one line per record."""

    def format(self, record: logging.LogRecord) -> str:
        bound_now = _turn.get()
        conversation = getattr(record, "conversation", None)
        if bound_now is not None and isinstance(conversation, int):
            bound_now.setdefault("conversation_id", conversation)  # the rest of this turn carries it too
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **(bound_now or {}),
        }
        for key in SAFE_EXTRAS & record.__dict__.keys():
            value = record.__dict__[key]
            if _plain(value):
                line["conversation_id" if key == "conversation" else key] = value
        if record.exc_info and record.exc_info[0] is not None:
            line["exc_type"] = record.exc_info[0].__name__
            line["stack"] = "".join(traceback.format_tb(record.exc_info[2]))
        return json.dumps(line, ensure_ascii=False, default=str)


def _plain(value: object) -> bool:
    if isinstance(value, list | tuple):
        return all(isinstance(v, str | int | float | bool) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def formatter(log_format: str) -> logging.Formatter:
    """The formatter for `LOG_FORMAT` (`json`, else the plain text line)."""
    if log_format.strip().lower() == "json":
        return JsonFormatter()
    return logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
