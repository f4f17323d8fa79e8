"""Creativity: the prompt a journal entry was written from, and the art gallery (all sealed).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journal_entries") as batch:
        batch.add_column(sa.Column("prompt_sealed", sa.LargeBinary(), nullable=True))
    op.create_table(
        "art_pieces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("words_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("image_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_art_pieces"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_art_pieces_owner_id_users"),
    )
    op.create_index("ix_art_pieces_owner_id", "art_pieces", ["owner_id"])
    op.create_index("ix_art_pieces_created_at", "art_pieces", ["created_at"])


def downgrade() -> None:
    op.drop_table("art_pieces")
    with op.batch_alter_table("journal_entries") as batch:
        batch.drop_column("prompt_sealed")
