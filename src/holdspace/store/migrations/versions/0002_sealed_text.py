"""Encryption at rest: per-person data keys, and check-in notes sealed with them.

Existing plaintext notes are sealed during the upgrade, then the plaintext column is dropped.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.orm import Session

from holdspace.store.base import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_keys",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kek_id", sa.String(16), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_keys"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_data_keys_user_id_users"),
        sa.UniqueConstraint("user_id", name="uq_data_keys_user_id"),
    )
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("note_sealed", sa.LargeBinary(), nullable=True))

    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, owner_id, note FROM checkins WHERE note <> ''")).all()
    if rows:
        from holdspace.privacy import keys

        keyring = context.config.attributes.get("keyring")
        if keyring is None:
            raise RuntimeError("Sealing existing notes needs the key file; run holdspace normally.")
        with Session(bind=bind, info={"keyring": keyring}) as db:
            for record_id, owner_id, note in rows:
                sealed = keys.seal_text(db, owner_id, "checkins", "note", record_id, note)
                db.execute(sa.text("UPDATE checkins SET note_sealed = :s WHERE id = :i"),
                           {"s": sealed, "i": record_id})
            db.flush()
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("note")


def downgrade() -> None:
    # Going back drops the sealed notes rather than write them out in plaintext.
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.drop_column("note_sealed")
    op.drop_table("data_keys")
