"""The small error hierarchy of the core; adapters map platform errors into these at their edge."""

from __future__ import annotations


class BotError(Exception):
    """Base of every error the bot raises on purpose."""


class FlowDefinitionError(BotError):
    """The flow YAML is invalid; raised at start-up, never in front of a user."""


class AnswersInvalid(BotError):
    """An answers document failed validation; `problems` holds one line per field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class ConversationConflict(BotError):
    """Another writer updated the conversation first (optimistic version check failed)."""


class ConfigError(BotError):
    """Settings are missing or placeholders for the part being started."""


class DeliveryError(BotError):
    """A message could not be delivered; `permanent` says whether retrying can help."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class DeliveryInDoubt(DeliveryError):
    """The request left us but no answer came back (timeout, connection dropped after sending): the post may
    exist. Never retried blindly; the scheduler asks the platform first (`delivered()`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=False)


class DatabaseUnavailable(BotError):
    """The database can't be reached or written now (gone, restarting, read-only, full); the message is the
    user-facing sentence (in a turn) or the operator's one line naming the database (at start)."""
