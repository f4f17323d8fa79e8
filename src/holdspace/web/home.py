"""The front door: a welcome for visitors, each person's own home once signed in."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from sqlalchemy import text

from holdspace import clock

from holdspace.journey import mood
from holdspace.privacy import consent
from holdspace.web.charts import mood_chart
from holdspace.web.deps import Db, OptionalUser, redirect, render
from holdspace.web.homework import homework_context

pages = APIRouter()


@pages.get("/")
def home(request: Request, db: Db, user: OptionalUser, done: str = ""):
    if user is None:
        return render(request, "home/welcome.html")
    if user.is_therapist:
        return redirect("/caseload" + (f"?done={done}" if done else ""))
    if user.is_admin:
        return redirect("/admin/users")
    recent = mood.list_checkins(db, user.id, days=28)
    return render(request, "home/client.html", done=done, latest=recent[0] if recent else None,
                  summary=mood.summarise([c for c in recent if _within_days(c, 7)]),
                  chart=mood_chart(recent, zone=clock.zone(db), days=28), links=consent.links_of_client(db, user),
                  **homework_context(db, user))


def _within_days(checkin, days: int) -> bool:
    return checkin.created_at >= clock.now() - timedelta(days=days)


@pages.get("/healthz")
def healthz(db: Db):
    """For proxies and monitors: the app answers and the database responds."""
    db.execute(text("SELECT 1"))
    return {"status": "ok"}
