"""delivery: the question a user last saw, and when each note reached them

Revision ID: 0004
Revises: 0003

Rows written before this revision were answered through the old path, which assumed every reply arrived:
they are marked as seen (the question asked is the one shown; every note was delivered when it was made).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shown_step", sa.String(length=64), nullable=True))
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE conversations SET shown_step = step")
    op.execute("UPDATE notes SET delivered_at = created_at")
    op.create_index(
        "ix_notes_undelivered",
        "notes",
        ["platform", "workspace", "user_id"],
        unique=False,
        sqlite_where=sa.text("delivered_at IS NULL"),
        postgresql_where=sa.text("delivered_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_notes_undelivered", table_name="notes")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_column("delivered_at")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("shown_step")
