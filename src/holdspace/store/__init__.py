"""The database: connecting, the declarative base, and migrations. Areas own their tables."""
