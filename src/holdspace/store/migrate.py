"""Bring a database to the newest schema with the hand-reviewed steps in migrations/versions."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


def alembic_config(engine: Engine, keyring=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("holdspace.store") / "migrations"))
    config.attributes["engine"] = engine
    config.attributes["keyring"] = keyring  # steps that encrypt existing text need it
    return config


def upgrade(engine: Engine, revision: str = "head", *, keyring=None) -> None:
    """Apply every step not yet applied, each in its own transaction."""
    command.upgrade(alembic_config(engine, keyring), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)
