"""Practices: the practice log (minutes, feeling before and after) and sealed self-compassion records.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("detail", sa.String(64), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("before", sa.Integer(), nullable=True),
        sa.Column("after", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_practice_sessions"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_practice_sessions_owner_id_users"),
    )
    op.create_index("ix_practice_sessions_owner_id", "practice_sessions", ["owner_id"])
    op.create_index("ix_practice_sessions_created_at", "practice_sessions", ["created_at"])
    op.create_table(
        "selfcompassion_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("body_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_selfcompassion_records"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_selfcompassion_records_owner_id_users"),
    )
    op.create_index("ix_selfcompassion_records_owner_id", "selfcompassion_records", ["owner_id"])
    op.create_index("ix_selfcompassion_records_created_at", "selfcompassion_records", ["created_at"])


def downgrade() -> None:
    op.drop_table("selfcompassion_records")
    op.drop_table("practice_sessions")
