"""Database tables (sqlmodel). Every row a user owns carries (platform, workspace, user) so `forget` can find it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Dialect, Index, TypeDecorator, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from bot.vocabulary import ConversationStatus, NoteStatus, ReminderStatus


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every database (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _aware(**kwargs: Any) -> Any:
    return Field(sa_column=Column(UtcDateTime(), **kwargs))


class Conversation(SQLModel, table=True):
    """One debrief. At most one *active* row per (platform, workspace, user)."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index(
            "uq_conversations_active_user",
            "platform",
            "workspace",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=64)
    user_id: str = Field(max_length=64)
    channel: str = Field(max_length=64)
    flow_id: str = Field(max_length=64)
    flow_version: int
    status: str = Field(default=ConversationStatus.ACTIVE.value, max_length=16)
    step: str = Field(max_length=64)
    timezone: str = Field(max_length=64)
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    progress: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    version: int = Field(default=1)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already handled: a redelivered event has no second effect."""

    __tablename__ = "processed_events"

    platform: str = Field(primary_key=True, max_length=20)
    event_id: str = Field(primary_key=True, max_length=128)
    seen_at: datetime = _aware(nullable=False, index=True)


class Note(SQLModel, table=True):
    """One composed draft and its life cycle: drafted → sent → replied | no_reply → closed."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("conversation_id", "position", name="uq_notes_conversation_position"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversations.id", index=True)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=64)
    user_id: str = Field(max_length=64)
    position: int
    interviewer: str = Field(max_length=1000)
    company: str = Field(max_length=1000)
    channel: str = Field(max_length=16)
    subject: str | None = Field(default=None)
    body: str
    status: str = Field(default=NoteStatus.DRAFTED.value, max_length=16)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)


class Reminder(SQLModel, table=True):
    """A stored address plus a due time; claimed by scheduler workers with a lease."""

    __tablename__ = "reminders"
    __table_args__ = (
        Index("ix_reminders_status_due_at", "status", "due_at"),
        Index("ix_reminders_user", "platform", "workspace", "user_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=200, unique=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversations.id", index=True)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=64)
    channel: str = Field(max_length=64)
    user_id: str = Field(max_length=64)
    kind: str = Field(max_length=32)
    due_at: datetime = _aware(nullable=False, index=True)
    status: str = Field(default=ReminderStatus.PENDING.value, max_length=16, index=True)
    attempts: int = Field(default=0)
    lease_until: datetime | None = _aware(nullable=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    message_id: str | None = Field(default=None, max_length=128)
    last_error: str | None = Field(default=None, max_length=200)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)
    # added in migration 0002 (scheduler): retry time, check-in number, re-arm count, delivery bookkeeping
    next_attempt_at: datetime | None = _aware(nullable=True)
    sequence: int = Field(default=1)
    occurrence: int = Field(default=0)
    sending_at: datetime | None = _aware(nullable=True)
    sent_at: datetime | None = _aware(nullable=True)
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class UserPrefs(SQLModel, table=True):
    """Per-user settings that outlive one conversation (time zone, quiet hours, pause, closed DMs)."""

    __tablename__ = "user_prefs"

    platform: str = Field(primary_key=True, max_length=20)
    workspace: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(primary_key=True, max_length=64)
    timezone: str | None = Field(default=None, max_length=64)
    quiet_start: int | None = Field(default=None, description="hour of day, local")
    quiet_end: int | None = Field(default=None, description="hour of day, local")
    paused_until: datetime | None = _aware(nullable=True)
    dm_closed_at: datetime | None = _aware(nullable=True)
    updated_at: datetime = _aware(nullable=False)
