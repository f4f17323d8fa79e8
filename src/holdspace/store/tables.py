"""Import every area's tables so migrations and tests see the whole schema."""

from __future__ import annotations

from sqlalchemy import MetaData


def all_tables() -> MetaData:
    """Return the metadata with every area's tables registered."""
    from holdspace.creativity import art, journal  # noqa: F401
    from holdspace.goals import checkins, goal, proposals, reminders  # noqa: F401
    from holdspace.homework import assignments  # noqa: F401
    from holdspace.listening import chat  # noqa: F401
    from holdspace.journey import mood, questionnaires  # noqa: F401
    from holdspace.mindfulness import log  # noqa: F401
    from holdspace.practice import records  # noqa: F401
    from holdspace.privacy import accounts, audit, consent, keys, second_factor, sessions  # noqa: F401
    from holdspace.resilience import toolbox  # noqa: F401
    from holdspace.selfcompassion import records  # noqa: F401
    from holdspace.safety import alerts, plan  # noqa: F401
    from holdspace.store.base import Base

    return Base.metadata
