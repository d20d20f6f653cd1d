"""community career-channel posts: settings per workspace/guild, one row per post occurrence, members' community,
and the member's `quiet` preference

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _aware(name: str, *, nullable: bool) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "community_settings",
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("workspace", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=True),
        sa.Column("channel_name", sa.String(length=100), nullable=True),
        sa.Column("schedule", sa.String(length=64), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("stats_enabled", sa.Boolean(), nullable=False),
        sa.Column("stats_minimum", sa.Integer(), nullable=False),
        sa.Column("post_template", sa.String(length=1000), nullable=True),
        sa.Column("default_tone", sa.String(length=16), nullable=True),
        sa.Column("default_note_channel", sa.String(length=16), nullable=True),
        sa.Column("send_by_hours", sa.Integer(), nullable=True),
        sa.Column("follow_up_days", sa.Integer(), nullable=True),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("admin_user", sa.String(length=64), nullable=True),
        _aware("next_post_at", nullable=True),
        sa.Column("paused_reason", sa.String(length=64), nullable=True),
        _aware("created_at", nullable=False),
        _aware("updated_at", nullable=False),
        sa.PrimaryKeyConstraint("platform", "workspace"),
    )
    op.create_table(
        "channel_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("workspace", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        _aware("occurrence_at", nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _aware("lease_until", nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        _aware("sending_at", nullable=True),
        sa.Column("message_id", sa.String(length=128), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        _aware("created_at", nullable=False),
        _aware("updated_at", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform", "workspace", "occurrence_at", name="uq_channel_posts_occurrence"),
    )
    op.create_index("ix_channel_posts_status_occurrence", "channel_posts", ["status", "occurrence_at"])
    op.create_table(
        "community_members",
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("workspace", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("community", sa.String(length=64), nullable=False),
        _aware("seen_at", nullable=False),
        sa.PrimaryKeyConstraint("platform", "workspace", "user_id", "community"),
    )
    with op.batch_alter_table("user_prefs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quiet", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("user_prefs", schema=None) as batch_op:
        batch_op.drop_column("quiet")
    op.drop_table("community_members")
    op.drop_index("ix_channel_posts_status_occurrence", table_name="channel_posts")
    op.drop_table("channel_posts")
    op.drop_table("community_settings")
