"""The safety plan, safety alerts to a therapist, and the client's consent to them.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("care_links") as batch:
        batch.add_column(sa.Column("alerts", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("alert_words", sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table(
        "safety_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("body_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_safety_plans"),
        sa.UniqueConstraint("owner_id", name="uq_safety_plans_owner_id"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_safety_plans_owner_id_users"),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], ondelete="SET NULL",
                                name="fk_safety_plans_updated_by_users"),
    )

    op.create_table(
        "safety_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("place", sa.String(32), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("words_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("seen_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_safety_alerts"),
        sa.ForeignKeyConstraint(["link_id"], ["care_links.id"], ondelete="CASCADE",
                                name="fk_safety_alerts_link_id_care_links"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_safety_alerts_client_id_users"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_safety_alerts_therapist_id_users"),
    )
    op.create_index("ix_safety_alerts_link_id", "safety_alerts", ["link_id"])
    op.create_index("ix_safety_alerts_client_id", "safety_alerts", ["client_id"])
    op.create_index("ix_safety_alerts_therapist_id", "safety_alerts", ["therapist_id"])
    op.create_index("ix_safety_alerts_created_at", "safety_alerts", ["created_at"])


def downgrade() -> None:
    op.drop_table("safety_alerts")
    op.drop_table("safety_plans")
    with op.batch_alter_table("care_links") as batch:
        batch.drop_column("alert_words")
        batch.drop_column("alerts")
