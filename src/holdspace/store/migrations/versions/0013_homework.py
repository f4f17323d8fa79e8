"""Homework: practices a therapist suggests to a client, with a plan and a sealed note.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "homework",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=True),
        sa.Column("from_name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("detail", sa.String(32), nullable=False),
        sa.Column("repeat", sa.String(8), nullable=False),
        sa.Column("days", sa.String(7), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("note_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_homework"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_homework_client_id_users"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="SET NULL",
                                name="fk_homework_therapist_id_users"),
    )
    op.create_index("ix_homework_client_id", "homework", ["client_id"])
    op.create_index("ix_homework_therapist_id", "homework", ["therapist_id"])


def downgrade() -> None:
    op.drop_table("homework")
