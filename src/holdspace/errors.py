"""The error vocabulary, mapped once at each edge (web page, JSON API, CLI).

    HoldspaceError            a gentle message a user may read; never a stack trace
    ├── InvalidInput          400: what was entered can't be used; says which field and why
    ├── NotSignedIn           401: sign in first
    ├── NotAllowed            403: your role can't do this (never used to hide others' data)
    ├── NotFound              404: missing, or not yours to see: the two look the same
    ├── Conflict              409: already exists or already used
    └── TooManyAttempts       429: slow down; says when to try again
"""

from __future__ import annotations


class HoldspaceError(Exception):
    """A failure whose message is safe and kind to show the person who caused it."""

    status = 500
    message = "Something went wrong on our side. Nothing you entered was lost; please try again."

    def __init__(self, message: str | None = None):
        if message is not None:
            self.message = message
        super().__init__(self.message)


class InvalidInput(HoldspaceError):
    status = 400
    message = "Some of what was entered can't be used yet."

    def __init__(self, message: str | None = None, fields: dict[str, str] | None = None):
        self.fields = dict(fields or {})
        if message is None and len(self.fields) == 1:
            message = next(iter(self.fields.values()))
        super().__init__(message)


class NotSignedIn(HoldspaceError):
    status = 401
    message = "Please sign in to see this page."


class NotAllowed(HoldspaceError):
    status = 403
    message = "This part of holdspace is for a different kind of account."


class NotFound(HoldspaceError):
    status = 404
    message = "We couldn't find that. It may have moved, or it may not be shared with you."


class Conflict(HoldspaceError):
    status = 409
    message = "That has already been done."


class TooManyAttempts(HoldspaceError):
    status = 429
    message = "Too many attempts in a short time. Please wait a few minutes and try again."
