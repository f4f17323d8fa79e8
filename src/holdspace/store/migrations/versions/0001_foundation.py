"""Foundation: accounts, sign-in sessions, login throttling, invitations, care links, shares,
mood check-ins.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from holdspace.store.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("email", name="uq_users_email"),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_email", "login_failures", ["email"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_sessions_user_id_users"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("label", sa.String(80), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_invitations"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_invitations_therapist_id_users"),
        sa.UniqueConstraint("code_hash", name="uq_invitations_code_hash"),
    )
    op.create_index("ix_invitations_therapist_id", "invitations", ["therapist_id"])
    op.create_table(
        "care_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_care_links"),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_care_links_client_id_users"),
        sa.ForeignKeyConstraint(["therapist_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_care_links_therapist_id_users"),
        sa.UniqueConstraint("client_id", "therapist_id", name="uq_care_links_client_id"),
    )
    op.create_index("ix_care_links_client_id", "care_links", ["client_id"])
    op.create_index("ix_care_links_therapist_id", "care_links", ["therapist_id"])
    op.create_table(
        "shares",
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", "category", name="pk_shares"),
        sa.ForeignKeyConstraint(["link_id"], ["care_links.id"], ondelete="CASCADE",
                                name="fk_shares_link_id_care_links"),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("feelings", sa.String(400), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkins"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_checkins_owner_id_users"),
    )
    op.create_index("ix_checkins_owner_id", "checkins", ["owner_id"])
    op.create_index("ix_checkins_created_at", "checkins", ["created_at"])


def downgrade() -> None:
    for table in ("checkins", "shares", "care_links", "invitations", "sessions",
                  "login_failures", "users"):
        op.drop_table(table)
