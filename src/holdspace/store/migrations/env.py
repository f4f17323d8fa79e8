"""Alembic's entry point: run migrations on the engine holdspace hands over."""

from alembic import context

from holdspace.store.tables import all_tables

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=all_tables(),
                      render_as_batch=engine.dialect.name == "sqlite", transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
