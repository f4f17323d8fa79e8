"""Art: a sealed thumbnail beside each picture (NULL until made for pieces saved before).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("art_pieces") as batch:
        batch.add_column(sa.Column("thumb_sealed", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("art_pieces") as batch:
        batch.drop_column("thumb_sealed")
