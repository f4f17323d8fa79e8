"""Safety alerts to a therapist: only with the client's recorded consent, shown on the caseload.

Every area that saves something a client wrote calls one function after the risk check:

    notice(db, client, assessment, *, where, item_id=None, text="", path=None) -> list[Alert]

    db          the caller's session; the alert joins the caller's transaction (commit as usual)
    client      the User who wrote it
    assessment  what holdspace.safety.risk.assess (or assess_phq9_item9) returned for it
    where       one of PLACES: "checkin", "journal", "private_journal", "conversation",
                "questionnaire", "goal", "exercise", "safety_plan", "art"
    item_id     the saved row's id, so the therapist can open it (if that category is shared)
    text        the client's words; kept (sealed) only for a therapist the client allowed to see them
    path        the therapist's page for the item, when the area has one; otherwise the client's
                page, at #<anchor>-<item_id>

It does nothing for `none`. For `concern` or `urgent` it records one alert per linked therapist
the client said yes to, audits each, and returns them. An unseen alert about the same item is
raised (level, time, words) rather than repeated, so a long conversation doesn't flood the list.
Nobody is paged: holdspace is not watched around the clock, and the wording everywhere says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import NotFound
from holdspace.privacy import audit, keys
from holdspace.privacy.accounts import User
from holdspace.privacy.consent import CareLink, alert_detail, client_link, shared_categories
from holdspace.store.base import Base, UTCDateTime

__all__ = ["Alert", "AlertView", "PLACES", "Place", "alerted_therapists", "for_client",
           "for_therapist", "forget_words", "mark_seen", "notice", "set_alerts"]

TABLE = "safety_alerts"
LEVELS = ("concern", "urgent")
WORDS_LIMIT = 600  # longer texts are quoted around what raised the alert
SEEN_KEPT = timedelta(days=30)  # seen alerts stay on the caseload this long


@dataclass(frozen=True)
class Place:
    label: str              # "a journal entry"
    category: str | None    # the sharing category that lets the therapist open it; None: never
    anchor: str = ""        # id prefix of the item on the therapist's client page


PLACES: dict[str, Place] = {
    "checkin": Place("a check-in note", "mood", "checkin"),
    "journal": Place("a journal entry", "journal", "entry"),
    "private_journal": Place("a private journal entry", None),
    "conversation": Place("a conversation with the listener", "conversations", "conversation"),
    "questionnaire": Place("a questionnaire", "measures", "questionnaire"),
    "goal": Place("a goal", "goals", "goal"),
    "exercise": Place("an exercise", "exercises", "exercise"),
    "art": Place("a picture's title or reflection", "art", "art"),
    "safety_plan": Place("the safety plan", "safety_plan"),
}


class Alert(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("care_links.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(16))
    place: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    path: Mapped[str] = mapped_column(String(200), default="")
    words_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


def excerpt(text: str, assessment) -> str:
    """The words to quote: all of a short text, else the part around what raised the alert."""
    text = " ".join(text.split())
    if len(text) <= WORDS_LIMIT:
        return text
    spans = getattr(assessment, "spans", None) or []
    original = spans[0].text if spans else ""
    at = text.find(" ".join(original.split())) if original else -1
    start = max(0, at - WORDS_LIMIT // 3) if at >= 0 else 0
    cut = text[start:start + WORDS_LIMIT]
    return ("…" if start else "") + cut + ("…" if start + WORDS_LIMIT < len(text) else "")


def notice(db: Session, client: User, assessment, *, where: str, item_id: int | None = None,
           text: str = "", path: str | None = None) -> list[Alert]:
    """Record an alert for each consenting therapist when `assessment` is concern or urgent."""
    if where not in PLACES:
        raise ValueError(f"where must be one of {sorted(PLACES)}")
    level = getattr(assessment, "level", "concern")
    if level not in LEVELS:
        return []
    place = PLACES[where]
    links = db.scalars(select(CareLink).where(CareLink.client_id == client.id,
                                              CareLink.alerts.is_(True)).order_by(CareLink.id))
    now, made = clock.now(), []
    for link in links:
        alert = None
        if item_id is not None:
            alert = db.scalar(select(Alert).where(
                Alert.link_id == link.id, Alert.place == where, Alert.item_id == item_id,
                Alert.seen_at.is_(None)))
        raised = alert is not None
        if alert is None:
            alert = Alert(link_id=link.id, client_id=client.id, therapist_id=link.therapist_id,
                          level=level, place=where, item_id=item_id, created_at=now,
                          path=path or _default_path(client.id, place, item_id))
            db.add(alert)
            db.flush()
        else:
            alert.level = "urgent" if "urgent" in (alert.level, level) else level
            alert.created_at = now
        if link.alert_words and text.strip() and place.category is not None:
            alert.words_sealed = keys.seal_text(db, client.id, TABLE, "words", alert.id,
                                                excerpt(text, assessment))
        db.flush()
        audit.record(db, "alert_sent", actor_id=client.id, subject_id=client.id,
                     detail=f"therapist={link.therapist_id} alert={alert.id} level={alert.level} "
                            f"where={where}{' again' if raised else ''}"
                            f"{' words' if alert.words_sealed else ''}")
        made.append(alert)
    return made


def _default_path(client_id: int, place: Place, item_id: int | None) -> str:
    if place.category == "safety_plan":
        return f"/clients/{client_id}/safety-plan"
    if place.category is None:
        return ""
    return f"/clients/{client_id}" + (f"#{place.anchor}-{item_id}" if item_id and place.anchor else "")


@dataclass(frozen=True)
class AlertView:
    """One alert as its therapist sees it, with today's sharing applied."""

    id: int
    client_id: int
    client_name: str
    level: str
    where: str            # "a journal entry"
    href: str | None      # None when the client doesn't share that category (or never can)
    not_shared: str       # what to say instead of a link
    words: str | None
    created_at: datetime
    seen_at: datetime | None


def for_therapist(db: Session, therapist: User, *, client_id: int | None = None) -> list[AlertView]:
    """This therapist's unseen alerts, then those seen in the last 30 days; newest first."""
    query = (select(Alert, User.display_name).join(User, User.id == Alert.client_id)
             .where(Alert.therapist_id == therapist.id)
             .where(Alert.seen_at.is_(None) | (Alert.seen_at >= clock.now() - SEEN_KEPT)))
    if client_id is not None:
        query = query.where(Alert.client_id == client_id)
    rows = db.execute(query.order_by(Alert.seen_at.is_not(None), Alert.created_at.desc(),
                                     Alert.id.desc())).all()
    shared_by_link: dict[int, list[str]] = {}
    words_allowed = {link.id: link.alert_words for link in db.scalars(
        select(CareLink).where(CareLink.therapist_id == therapist.id))}
    views, quoted = [], set()
    for alert, name in rows:
        place = PLACES.get(alert.place, Place("something they wrote", None))
        shared = shared_by_link.setdefault(alert.link_id, shared_categories(db, alert.link_id))
        visible = place.category is not None and place.category in shared and alert.path
        if place.category is None:
            not_shared = f"{place.label}, which only {name} can open"
        else:
            not_shared = f"{place.label} {name} has not shared with you"
        words = None
        if alert.words_sealed is not None and words_allowed.get(alert.link_id):
            words = keys.open_text(db, alert.client_id, TABLE, "words", alert.id, alert.words_sealed)
            quoted.add(alert.client_id)
        views.append(AlertView(alert.id, alert.client_id, name, alert.level, place.label,
                               alert.path if visible else None, not_shared, words,
                               alert.created_at, alert.seen_at))
    for owner in sorted(quoted):  # reading a client's words is a read like any other
        audit.record(db, "read", actor_id=therapist.id, subject_id=owner, detail="alert words")
    return views


def mark_seen(db: Session, therapist: User, alert_id: int) -> Alert:
    alert = db.get(Alert, alert_id)
    if alert is None or alert.therapist_id != therapist.id:
        raise NotFound()
    if alert.seen_at is None:
        alert.seen_at = clock.now()
        audit.record(db, "alert_seen", actor_id=therapist.id, subject_id=alert.client_id,
                     detail=f"alert={alert.id} level={alert.level} where={alert.place}")
    db.flush()
    return alert


def set_alerts(db: Session, client: User, link_id: int, alerts: bool, alert_words: bool) -> CareLink:
    """The client's choice: whether this therapist hears of risk in what they write, and with which words.

    Taking the words back also withdraws the words already sent.
    """
    link = client_link(db, client, link_id)
    link.alerts, link.alert_words = bool(alerts), bool(alerts and alert_words)
    db.flush()
    if not link.alert_words:
        forget_words(db, link)
    audit.record(db, "alerts_changed", actor_id=client.id, subject_id=client.id,
                 detail=f"therapist={link.therapist_id} {alert_detail(link)}")
    return link


def forget_words(db: Session, link: CareLink) -> None:
    """Withdraw the words already sent to this therapist (the client took that back)."""
    db.execute(update(Alert).where(Alert.link_id == link.id).values(words_sealed=None))
    db.flush()


def alerted_therapists(db: Session, client: User) -> list[str]:
    """Names of the therapists this client asked to be told, in the order they linked."""
    return list(db.scalars(select(User.display_name).join(CareLink, CareLink.therapist_id == User.id)
                           .where(CareLink.client_id == client.id, CareLink.alerts.is_(True))
                           .order_by(CareLink.id)))


def for_client(db: Session, client: User) -> list[dict]:
    """Alerts sent about this client, for their export (kept for the record, not re-imported)."""
    rows = db.execute(select(Alert, User.display_name).join(User, User.id == Alert.therapist_id)
                      .where(Alert.client_id == client.id).order_by(Alert.created_at, Alert.id))
    return [{"therapist": name, "level": a.level, "where": PLACES.get(a.place, Place(a.place, None)).label,
             "created_at": a.created_at.isoformat(),
             "seen_at": a.seen_at.isoformat() if a.seen_at else None,
             "words_included": a.words_sealed is not None} for a, name in rows]
