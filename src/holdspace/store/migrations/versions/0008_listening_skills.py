"""The practice area: session transcripts with their reports, and practice attempts, sealed with the therapist's key.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_transcripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("utterances", sa.Integer(), nullable=False),
        sa.Column("title_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("body_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("report_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_session_transcripts"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_session_transcripts_owner_id_users"),
    )
    op.create_index("ix_session_transcripts_owner_id", "session_transcripts", ["owner_id"])
    op.create_index("ix_session_transcripts_created_at", "session_transcripts", ["created_at"])
    op.create_table(
        "practice_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("statement", sa.String(length=40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("response_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("feedback_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_practice_attempts"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_practice_attempts_owner_id_users"),
    )
    op.create_index("ix_practice_attempts_owner_id", "practice_attempts", ["owner_id"])
    op.create_index("ix_practice_attempts_created_at", "practice_attempts", ["created_at"])


def downgrade() -> None:
    op.drop_table("practice_attempts")
    op.drop_table("session_transcripts")
