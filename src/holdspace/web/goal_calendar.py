"""The calendar of goal check-in reminders: the client's secret address, and the feed behind it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from holdspace.goals.reminders import feed_for_token, feed_token
from holdspace.web.deps import CheckCsrf, Client, Db, redirect, render

pages = APIRouter()


@pages.get("/goals/calendar")
def calendar_page(request: Request, db: Db, user: Client, said: str = ""):
    token = feed_token(db, user)
    db.commit()
    return render(request, "goals/calendar.html", url=f"{request.base_url}calendar/{token}.ics",
                  reset=said == "reset")


@pages.post("/goals/calendar/reset", dependencies=[CheckCsrf])
def reset_calendar(request: Request, db: Db, user: Client):
    feed_token(db, user, reset=True)
    db.commit()
    return redirect("/goals/calendar?said=reset")


@pages.get("/calendar/{token}.ics")
def calendar_feed(db: Db, token: str):
    """The calendar of check-in reminders for whoever holds this secret address; no goal words in it."""
    return Response(feed_for_token(db, token), media_type="text/calendar; charset=utf-8")
