import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from holdspace.store import migrate
from holdspace.store.engine import StorageError, check_engine, make_engine
from holdspace.store.tables import all_tables


def test_sqlite_is_opened_with_wal_full_sync_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'a' / 'db.sqlite3'}")
    found = check_engine(engine)
    assert found == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 20000,
                     "secure_delete": 1}
    assert (tmp_path / "a").is_dir()


def test_start_up_refuses_an_unsafe_sqlite(tmp_path, monkeypatch):
    from holdspace.store import engine as engine_module

    monkeypatch.setitem(engine_module.SQLITE_PRAGMAS, "synchronous", 3)  # demand EXTRA
    with pytest.raises(StorageError, match="synchronous"):
        check_engine(make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}"))


def test_migrations_build_the_whole_schema_from_an_empty_database(app):
    engine = app.state.engine
    assert migrate.is_current(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), all_tables()) == []


def test_migrations_go_down_and_up_again(app):
    engine = app.state.engine
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert {"users", "checkins", "shares"} <= set(inspect(engine).get_table_names())


def test_deleting_a_user_takes_their_rows_with_them(db, personas):
    from sqlalchemy import func, select

    from holdspace.journey.mood import CheckIn, record_checkin

    record_checkin(db, personas.alice, 5)
    db.commit()
    db.delete(personas.alice)
    db.commit()
    assert db.scalar(select(func.count(CheckIn.id))) == 0


def test_every_earlier_schema_upgrades_to_the_models_exactly(app):
    from alembic.script import ScriptDirectory

    engine = app.state.engine
    script = ScriptDirectory.from_config(migrate.alembic_config(engine))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    for revision in ["base", *revisions[:-1]]:
        migrate.downgrade(engine, revision)
        assert migrate.current_revision(engine) == (None if revision == "base" else revision)
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), all_tables()) == [], revision
