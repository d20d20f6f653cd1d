"""Database tables (sqlmodel). Every row a user owns carries (platform, workspace, user) so `forget` can find it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Dialect, Index, Text, TypeDecorator, UniqueConstraint, text
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
    # added in 0004 (delivery): the question whose prompt last reached the user (None: none has yet)
    shown_step: str | None = Field(default=None, max_length=64)


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already handled: a redelivered event has no second effect."""

    __tablename__ = "processed_events"

    platform: str = Field(primary_key=True, max_length=20)
    event_id: str = Field(primary_key=True, max_length=128)
    seen_at: datetime = _aware(nullable=False, index=True)


class Note(SQLModel, table=True):
    """One composed draft and its life cycle: drafted → sent → replied | no_reply → closed."""

    __tablename__ = "notes"
    __table_args__ = (
        UniqueConstraint("conversation_id", "position", name="uq_notes_conversation_position"),
        Index(  # added in 0004: a turn asks "any notes of this user not delivered yet?"; most are, so it stays tiny
            "ix_notes_undelivered",
            "platform",
            "workspace",
            "user_id",
            sqlite_where=text("delivered_at IS NULL"),
            postgresql_where=text("delivered_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversations.id", index=True)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=64)
    user_id: str = Field(max_length=64)
    position: int
    interviewer: str = Field(max_length=1000)
    company: str = Field(max_length=1000)
    channel: str = Field(max_length=16)
    subject: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # TEXT, as migration 0001
    body: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default=NoteStatus.DRAFTED.value, max_length=16)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)
    delivered_at: datetime | None = _aware(nullable=True)  # added in 0004: None until the note reached the user


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
    # added in migration 0005 (profile): answers remembered between debriefs (name, tone, channel)
    profile: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    quiet: bool = Field(default=False, description="added in 0003: the bot starts no DM (reminders, welcome)")
    locale: str | None = Field(default=None, max_length=35, description="added in 0006: e.g. en-GB (date order)")
    welcomed_at: datetime | None = _aware(nullable=True)


# --- community career-channel posts (migration 0003; bot/community/) -------------------------------------


class CommunitySettings(SQLModel, table=True):
    """One row per Slack workspace or Discord guild: the career-channel post and defaults an admin chose.

    No `user_id` column on purpose: `forget` walks tables by (platform, workspace, user_id), and a member's
    request must never delete the community's settings; `admin_user` is only whom to tell about problems.
    """

    __tablename__ = "community_settings"

    platform: str = Field(primary_key=True, max_length=20)
    workspace: str = Field(primary_key=True, max_length=64)
    channel_id: str | None = Field(default=None, max_length=64)
    channel_name: str | None = Field(default=None, max_length=100)
    schedule: str = Field(default="off", max_length=64)
    timezone: str = Field(default="UTC", max_length=64)
    stats_enabled: bool = Field(default=False)
    stats_minimum: int = Field(default=5)
    post_template: str | None = Field(default=None, max_length=1000)
    default_tone: str | None = Field(default=None, max_length=16)
    default_note_channel: str | None = Field(default=None, max_length=16)
    send_by_hours: int | None = Field(default=None)
    follow_up_days: int | None = Field(default=None)
    retention_days: int = Field(default=180)
    admin_user: str | None = Field(default=None, max_length=64)
    next_post_at: datetime | None = _aware(nullable=True)
    paused_reason: str | None = Field(default=None, max_length=64)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)


class ChannelPost(SQLModel, table=True):
    """One occurrence of a community's schedule (or one `post now`): claimed with a lease like a reminder.

    The unique (platform, workspace, occurrence_at) is what makes "exactly one post per occurrence" hold
    across replicas: whoever inserts second inserts nothing.
    """

    __tablename__ = "channel_posts"
    __table_args__ = (
        UniqueConstraint("platform", "workspace", "occurrence_at", name="uq_channel_posts_occurrence"),
        Index("ix_channel_posts_status_occurrence", "status", "occurrence_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=64)
    channel_id: str = Field(max_length=64)
    occurrence_at: datetime = _aware(nullable=False)
    status: str = Field(default="pending", max_length=16)
    attempts: int = Field(default=0)
    lease_until: datetime | None = _aware(nullable=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    sending_at: datetime | None = _aware(nullable=True)
    message_id: str | None = Field(default=None, max_length=128)
    last_error: str | None = Field(default=None, max_length=200)
    created_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)


class CommunityMember(SQLModel, table=True):
    """Which community a member came from (Discord debriefs live in DMs, workspace "@dm", outside any guild):
    only for the community's anonymous counts. (platform, workspace, user_id) is the member's own address
    key, so `forget` deletes the row and `export` shows it; `community` is the team or guild."""

    __tablename__ = "community_members"

    platform: str = Field(primary_key=True, max_length=20)
    workspace: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(primary_key=True, max_length=64)
    community: str = Field(primary_key=True, max_length=64)
    seen_at: datetime = _aware(nullable=False)


# --- Slack installations through OAuth (migration 0007; adapters/slack/installation_store.py) ---------------


class SlackInstallation(SQLModel, table=True):
    """One workspace's (or org's) installation of the app. Every token is inside `secrets`, Fernet-encrypted
    JSON; the plain columns are only what finding and monitoring need. No (platform, workspace, user_id)
    columns on purpose: a member's `forget` must not uninstall the app."""

    __tablename__ = "slack_installations"
    __table_args__ = (UniqueConstraint("enterprise_id", "team_id", name="uq_slack_installations_team"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: str = Field(default="", max_length=32)  # "" rather than NULL, so the unique pair holds
    team_id: str = Field(default="", max_length=32)
    is_enterprise_install: bool = Field(default=False)
    installer: str = Field(max_length=64)
    secrets: str = Field(sa_column=Column(Text, nullable=False))
    bot_token_expires_at: datetime | None = _aware(nullable=True)
    installed_at: datetime = _aware(nullable=False)
    updated_at: datetime = _aware(nullable=False)


class SlackOAuthState(SQLModel, table=True):
    """An OAuth `state` handed out with an install link: used once, before it expires."""

    __tablename__ = "slack_oauth_states"

    state: str = Field(primary_key=True, max_length=64)
    expires_at: datetime = _aware(nullable=False, index=True)
