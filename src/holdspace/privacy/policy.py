"""The one access policy: deny by default; a client's data is hers, and her therapist's by share.

Every route that loads someone's data goes through `visible_owner`. An object that isn't yours
to see raises NotFound, exactly as a missing one does, so its existence isn't revealed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from holdspace.errors import NotAllowed, NotFound, NotSignedIn
from holdspace.privacy import audit
from holdspace.privacy.accounts import Role, User
from holdspace.privacy.consent import CATEGORY_KEYS, CareLink, Share


def require_role(user: User | None, *roles: Role) -> User:
    """Return the signed-in user if their role is one of these; otherwise refuse."""
    if user is None:
        raise NotSignedIn()
    if user.role not in roles:
        raise NotAllowed()
    return user


def can_see(db: Session, viewer: User | None, owner_id: int, category: str) -> bool:
    """May `viewer` read `owner_id`'s data of this category? Only the owner, or a shared therapist."""
    if category not in CATEGORY_KEYS:
        return False
    if viewer is None:
        return False
    if viewer.id == owner_id:
        return True
    if not viewer.is_therapist:
        return False
    found = db.scalar(select(Share.category).join(CareLink, CareLink.id == Share.link_id).where(
        CareLink.client_id == owner_id, CareLink.therapist_id == viewer.id,
        Share.category == category))
    return found is not None


def visible_owner(db: Session, viewer: User | None, owner_id: int, category: str) -> User:
    """Return the owner whose data of this category the viewer may read, or raise NotFound."""
    if viewer is None:
        raise NotSignedIn()
    owner = db.get(User, owner_id)
    if owner is None or not owner.is_client or not can_see(db, viewer, owner_id, category):
        raise NotFound()
    if viewer.id != owner_id:
        audit.record(db, "read", actor_id=viewer.id, subject_id=owner_id, detail=category)
    return owner


def linked_client(db: Session, therapist: User, client_id: int) -> tuple[CareLink, User]:
    """Return the link and client for a therapist's own client, or raise NotFound."""
    row = db.execute(select(CareLink, User).join(User, User.id == CareLink.client_id).where(
        CareLink.therapist_id == therapist.id, CareLink.client_id == client_id)).first()
    if row is None:
        raise NotFound()
    return row[0], row[1]
