"""Questionnaires: administrations (answers sealed, drafts kept) and recurring assignments.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure_administrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(16), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("answers_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("band", sa.String(32), nullable=True),
        sa.Column("prorated", sa.Boolean(), nullable=False),
        sa.Column("risk_level", sa.String(8), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("completed_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_measure_administrations"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_measure_administrations_owner_id_users"),
    )
    op.create_index("ix_measure_administrations_owner_id", "measure_administrations", ["owner_id"])
    op.create_index("ix_measure_administrations_completed_at", "measure_administrations", ["completed_at"])
    op.create_table(
        "measure_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(16), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_measure_assignments"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_measure_assignments_client_id_users"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_measure_assignments_therapist_id_users"),
    )
    op.create_index("ix_measure_assignments_client_id", "measure_assignments", ["client_id"])
    op.create_index("ix_measure_assignments_therapist_id", "measure_assignments", ["therapist_id"])


def downgrade() -> None:
    op.drop_table("measure_assignments")
    op.drop_table("measure_administrations")
