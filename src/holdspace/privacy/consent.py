"""Therapist and client together: one-time invitations, the link, and what the client shares."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint, delete, false, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import Conflict, InvalidInput, NotAllowed, NotFound
from holdspace.privacy import audit
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

INVITATION_LIFETIME = timedelta(days=7)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
BAD_CODE = ("That code doesn't match an open invitation. Codes work once and for seven days; "
            "please check it with your therapist.")


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    means: str


# What a client can choose to show their therapist, in the words the sharing page uses.
CATEGORIES: tuple[Category, ...] = (
    Category("mood", "Mood check-ins", "your mood scores, the feelings you picked, and your notes"),
    Category("journal", "Journal", "journal entries you have not marked private"),
    Category("measures", "Questionnaires", "your answers and scores on questionnaires"),
    Category("goals", "Goals", "your goals, check-ins on them and milestones"),
    Category("exercises", "Exercises", "practices you did, such as breathing and letters"),
    Category("conversations", "Conversations", "what you wrote to the listener and its replies"),
    Category("safety_plan", "Safety plan", "your safety plan, which they may also help you write"),
    Category("art", "Art", "pictures in your gallery, with their titles and reflections"),
)
CATEGORY_KEYS = tuple(c.key for c in CATEGORIES)


class Invitation(Base):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CareLink(Base):
    """A client working with a therapist. The client can end it at any time."""

    __tablename__ = "care_links"
    __table_args__ = (UniqueConstraint("client_id", "therapist_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Safety alerts (safety/alerts.py): off unless the client says yes, in plain words.
    alerts: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    alert_words: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Share(Base):
    """One category a client lets one therapist see; deleting the row revokes it at once."""

    __tablename__ = "shares"

    link_id: Mapped[int] = mapped_column(ForeignKey("care_links.id", ondelete="CASCADE"),
                                         primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _code_hash(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(cleaned.encode()).hexdigest()


def check_categories(categories: list[str] | tuple[str, ...]) -> list[str]:
    unknown = [c for c in categories if c not in CATEGORY_KEYS]
    if unknown:
        raise InvalidInput(fields={"categories": "These aren't categories holdspace knows: "
                                                 + ", ".join(unknown)})
    return [c for c in CATEGORY_KEYS if c in categories]


def create_invitation(db: Session, therapist: User, label: str = "") -> tuple[Invitation, str]:
    """Make a one-time code a therapist gives a client; only its hash is kept."""
    if not therapist.is_therapist:
        raise NotAllowed("Only therapists can invite clients.")
    label = " ".join(label.split())
    if len(label) > 80:
        raise InvalidInput(fields={"label": "Please keep the reminder under 80 characters."})
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    code = f"{raw[:4]}-{raw[4:]}"
    now = clock.now()
    invitation = Invitation(therapist_id=therapist.id, code_hash=_code_hash(code), label=label,
                            created_at=now, expires_at=now + INVITATION_LIFETIME)
    db.add(invitation)
    db.flush()
    return invitation, code


def open_invitations(db: Session, therapist: User) -> list[Invitation]:
    return list(db.scalars(select(Invitation).where(
        Invitation.therapist_id == therapist.id, Invitation.used_at.is_(None),
        Invitation.expires_at > clock.now()).order_by(Invitation.created_at.desc())))


def cancel_invitation(db: Session, therapist: User, invitation_id: int) -> None:
    invitation = db.get(Invitation, invitation_id)
    if invitation is None or invitation.therapist_id != therapist.id:
        raise NotFound()
    db.delete(invitation)


def accept_invitation(db: Session, client: User, code: str, categories: list[str], *,
                      alerts: bool = False, alert_words: bool = False) -> CareLink:
    """Link a client to the inviting therapist, sharing exactly the chosen categories.

    `alerts`: tell this therapist when something the client writes suggests they may not be safe;
    `alert_words`: include the words that raised it (only with `alerts`).
    """
    if not client.is_client:
        raise NotAllowed("Only clients can accept an invitation.")
    chosen = check_categories(categories)
    invitation = db.scalar(select(Invitation).where(Invitation.code_hash == _code_hash(code)))
    now = clock.now()
    if invitation is None or invitation.used_at is not None or invitation.expires_at <= now:
        raise InvalidInput(fields={"code": BAD_CODE})
    existing = db.scalar(select(CareLink).where(CareLink.client_id == client.id,
                                                CareLink.therapist_id == invitation.therapist_id))
    if existing is not None:
        raise Conflict("You are already working with this therapist. "
                       "You can change what you share on the sharing page.")
    invitation.used_at = now
    link = CareLink(client_id=client.id, therapist_id=invitation.therapist_id, created_at=now,
                    alerts=bool(alerts), alert_words=bool(alerts and alert_words))
    db.add(link)
    db.flush()
    db.add_all(Share(link_id=link.id, category=c, created_at=now) for c in chosen)
    db.flush()
    audit.record(db, "link_created", actor_id=client.id, subject_id=client.id,
                 detail=f"therapist={invitation.therapist_id} shares={','.join(chosen) or 'none'} "
                        f"{alert_detail(link)}")
    return link


def alert_detail(link: CareLink) -> str:
    """How the audit names a link's alert choice (changing it is `safety.alerts.set_alerts`)."""
    return "alerts=" + ("with-words" if link.alert_words else "yes" if link.alerts else "no")


def client_link(db: Session, client: User, link_id: int) -> CareLink:
    link = db.get(CareLink, link_id)
    if link is None or link.client_id != client.id:
        raise NotFound()
    return link


def set_shares(db: Session, client: User, link_id: int, categories: list[str]) -> list[str]:
    """Replace what this client shares with this therapist; takes effect on the next request."""
    link = client_link(db, client, link_id)
    chosen = check_categories(categories)
    db.execute(delete(Share).where(Share.link_id == link.id, Share.category.not_in(chosen)))
    have = set(db.scalars(select(Share.category).where(Share.link_id == link.id)))
    now = clock.now()
    db.add_all(Share(link_id=link.id, category=c, created_at=now) for c in chosen if c not in have)
    db.flush()
    audit.record(db, "shares_changed", actor_id=client.id, subject_id=client.id,
                 detail=f"therapist={link.therapist_id} shares={','.join(chosen) or 'none'}")
    return chosen


def end_link(db: Session, client: User, link_id: int) -> None:
    link = client_link(db, client, link_id)
    audit.record(db, "link_ended", actor_id=client.id, subject_id=client.id,
                 detail=f"therapist={link.therapist_id}")
    db.delete(link)


def shared_categories(db: Session, link_id: int) -> list[str]:
    have = set(db.scalars(select(Share.category).where(Share.link_id == link_id)))
    return [c for c in CATEGORY_KEYS if c in have]


def links_of_client(db: Session, client: User) -> list[tuple[CareLink, User, list[str]]]:
    rows = db.execute(select(CareLink, User).join(User, User.id == CareLink.therapist_id)
                      .where(CareLink.client_id == client.id).order_by(CareLink.created_at))
    return [(link, therapist, shared_categories(db, link.id)) for link, therapist in rows]


def caseload(db: Session, therapist: User) -> list[tuple[CareLink, User, list[str]]]:
    rows = db.execute(select(CareLink, User).join(User, User.id == CareLink.client_id)
                      .where(CareLink.therapist_id == therapist.id).order_by(User.display_name))
    return [(link, client, shared_categories(db, link.id)) for link, client in rows]
