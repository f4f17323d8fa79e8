"""Resilience: sealed strengths, coping skills and supportive people, and the ratings of each skill use.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resilience_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("body_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_resilience_items"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_resilience_items_owner_id_users"),
    )
    op.create_index("ix_resilience_items_owner_id", "resilience_items", ["owner_id"])
    op.create_table(
        "skill_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_skill_ratings"),
        sa.ForeignKeyConstraint(["item_id"], ["resilience_items.id"], ondelete="CASCADE",
                                name="fk_skill_ratings_item_id_resilience_items"),
    )
    op.create_index("ix_skill_ratings_item_id", "skill_ratings", ["item_id"])


def downgrade() -> None:
    op.drop_table("skill_ratings")
    op.drop_table("resilience_items")
