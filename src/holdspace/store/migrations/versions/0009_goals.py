"""Goals: sealed goals with their check-in days, check-ins, therapists' proposals, calendar feeds.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("text_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("why_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("wish_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("days", sa.String(7), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("remind_at", sa.String(5), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_goals"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE", name="fk_goals_owner_id_users"),
        sa.ForeignKeyConstraint(["proposed_by_id"], ["users.id"], ondelete="SET NULL",
                                name="fk_goals_proposed_by_id_users"),
    )
    op.create_index("ix_goals_owner_id", "goals", ["owner_id"])
    op.create_index("ix_goals_status", "goals", ["status"])
    op.create_table(
        "goal_checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("note_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_goal_checkins"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE",
                                name="fk_goal_checkins_goal_id_goals"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_goal_checkins_owner_id_users"),
    )
    op.create_index("ix_goal_checkins_goal_id", "goal_checkins", ["goal_id"])
    op.create_index("ix_goal_checkins_owner_id", "goal_checkins", ["owner_id"])
    op.create_index("ix_goal_checkins_day", "goal_checkins", ["day"])
    op.create_table(
        "goal_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("text_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("days", sa.String(7), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_goal_proposals"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_goal_proposals_client_id_users"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_goal_proposals_therapist_id_users"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE",
                                name="fk_goal_proposals_goal_id_goals"),
    )
    op.create_index("ix_goal_proposals_client_id", "goal_proposals", ["client_id"])
    op.create_index("ix_goal_proposals_therapist_id", "goal_proposals", ["therapist_id"])
    op.create_table(
        "goal_calendar_feeds",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("token_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name="pk_goal_calendar_feeds"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_goal_calendar_feeds_client_id_users"),
        sa.UniqueConstraint("token_hash", name="uq_goal_calendar_feeds_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("goal_calendar_feeds")
    op.drop_table("goal_proposals")
    op.drop_table("goal_checkins")
    op.drop_table("goals")
