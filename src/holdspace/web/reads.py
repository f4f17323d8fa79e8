"""Pages that only read don't queue for SQLite's write lock.

Every SQLite transaction begins IMMEDIATE, holding the one write lock from its first statement, so
a write never fails half-way. For GET and HEAD requests that is costly: twenty people reading
their pages would wait for each other in turn. So a GET begins DEFERRED, reading beside everyone
else. A few GETs also write a little (the audit entry of a therapist's read, an older picture's
first thumbnail); if someone else wrote in between, SQLite refuses that write at once, and the
request is simply run again from the start, this time IMMEDIATE, before anything was sent to the
browser. (A sign-in's "last seen" is written in a transaction of its own: privacy/sessions.py.)
PostgreSQL is unaffected.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError

from holdspace.store.engine import BEGIN_MODE, is_stale_read

log = logging.getLogger("holdspace.web")

READING = frozenset({"GET", "HEAD"})


class ReadsBeginDeferred:
    """ASGI middleware: GET and HEAD begin DEFERRED; a stale read that needs to write runs once more."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in READING:
            await self.app(scope, receive, send)
            return
        started = False
        fresh_state = dict(scope.get("state", {}))  # what the request knew before it ran

        async def watch(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        mode = BEGIN_MODE.set("DEFERRED")
        try:
            await self.app(scope, receive, watch)
            return
        except OperationalError as exc:
            if started or not is_stale_read(exc):
                raise
            log.info("a read had to write after another write; running %s again", scope["path"])
        finally:
            BEGIN_MODE.reset(mode)
        # Again from the start: nothing the first run found (the signed-in person) is carried over.
        await self.app({**scope, "state": fresh_state}, receive, send)
