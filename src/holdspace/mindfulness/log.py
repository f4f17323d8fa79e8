"""The practice log: what was practised, for how long, and how the client felt before and after (0–10).

Nothing here is free text, so nothing needs sealing (the detail is only ever a breathing pattern's
label, or the key of one of our music or movement prompts); a note, if ever added, must be sealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.creativity import prompts
from holdspace.errors import InvalidInput, NotAllowed
from holdspace.mindfulness import breathing
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

KINDS = {"breathing": "Breathing", "body-scan": "Body scan", "grounding": "5-4-3-2-1 grounding",
         "music": "Music", "movement": "Movement"}
PROMPTED = ("music", "movement")  # kinds whose detail is the key of the prompt that was tried
MAX_MINUTES = 240


class PracticeSession(Base):
    __tablename__ = "practice_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(64), default="")  # e.g. the breathing pattern "4-6"
    seconds: Mapped[int] = mapped_column(Integer)
    before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    after: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    @property
    def name(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def detail_label(self) -> str:
        """The detail as a person reads it: the pattern, or the start of the prompt that was tried."""
        if self.kind in PROMPTED and self.detail:
            found = prompts.find(self.detail)
            return _short(found.text) if found else ""
        if self.kind == "breathing":
            # A preset by the name the practices page gives it ("In 4, out 6"), not its key.
            named = next((p.name for p in breathing.presets() if p.pattern.label == self.detail), None)
            return named or self.detail
        return self.detail

    @property
    def minutes(self) -> float:
        return round(self.seconds / 60, 1)


def _short(text: str, limit: int = 36) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _detail(kind: str, detail: str) -> str:
    if not detail:
        return ""
    if kind == "breathing":
        try:
            return breathing.parse_pattern(detail).label
        except InvalidInput:
            return ""
    if kind in PROMPTED:
        found = prompts.find(detail)
        return found.key if found is not None and found.kind == kind else ""
    return ""


def _score(raw: object, field: str, problems: dict[str, str]) -> int | None:
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if isinstance(raw, bool) or not text.isdigit() or not 0 <= int(text) <= 10:
        # Named, so "before" and "after" read differently wherever the message is shown alone.
        problems[field] = (f"How calm you felt {field}: please choose a number from 0 (not at all calm) "
                           f"to 10 (completely calm), or leave it empty.")
        return None
    return int(text)


def check_session(kind: str, minutes: object, before: object = None, after: object = None,
                  detail: str = "") -> tuple[str, int, int | None, int | None, str]:
    """Validate a log entry; return (kind, seconds, before, after, detail) or raise with every problem."""
    problems: dict[str, str] = {}
    if kind not in KINDS:
        problems["kind"] = "Please choose one of the practices: " + ", ".join(KINDS.values()) + "."
    seconds = 0
    try:
        value = float(str(minutes).strip().replace(",", "."))
        if not 0 < value <= MAX_MINUTES:
            raise ValueError
        seconds = max(1, round(value * 60))
    except (TypeError, ValueError):
        problems["minutes"] = f"How many minutes did you practise? A number from 0.5 to {MAX_MINUTES}."
    b = _score(before, "before", problems)
    a = _score(after, "after", problems)
    # Never free text (it is stored unsealed): a breathing pattern's label, a prompt's key, or nothing.
    detail = _detail(kind, str(detail or "")[:64])
    if problems:
        raise InvalidInput(fields=problems)
    return kind, seconds, b, a, detail


def record_session(db: Session, client: User, kind: str, minutes: object, before: object = None,
                   after: object = None, detail: str = "", at: datetime | None = None) -> PracticeSession:
    if not client.is_client:
        raise NotAllowed("The practice log is for client accounts.")
    kind, seconds, before, after, detail = check_session(kind, minutes, before, after, detail)
    row = PracticeSession(owner_id=client.id, kind=kind, detail=detail, seconds=seconds, before=before,
                          after=after, created_at=at or clock.now())
    db.add(row)
    db.flush()
    return row


def sessions(db: Session, owner_id: int, *, days: int | None = None, limit: int = 500) -> list[PracticeSession]:
    """Newest first; owner_id must already have passed the access policy."""
    query = select(PracticeSession).where(PracticeSession.owner_id == owner_id)
    if days is not None:
        query = query.where(PracticeSession.created_at >= clock.now() - timedelta(days=days))
    return list(db.scalars(query.order_by(PracticeSession.created_at.desc(), PracticeSession.id.desc()).limit(limit)))


@dataclass(frozen=True)
class LogSummary:
    count: int
    minutes: float
    rated: int  # sessions with both before and after
    average_change: float | None  # after minus before, on average


def summarise(rows: list[PracticeSession]) -> LogSummary:
    rated = [r for r in rows if r.before is not None and r.after is not None]
    change = round(sum(r.after - r.before for r in rated) / len(rated), 1) if rated else None
    return LogSummary(len(rows), round(sum(r.seconds for r in rows) / 60, 1), len(rated), change)


def export_rows(db: Session, owner_id: int) -> list[dict]:
    """The log in plain JSON terms, oldest first, for the client's export."""
    return [{"kind": r.kind, "detail": r.detail, "minutes": r.seconds / 60, "before": r.before, "after": r.after,
             "created_at": r.created_at.isoformat()}
            for r in sorted(sessions(db, owner_id, limit=10**6), key=lambda r: (r.created_at, r.id))]


def check_export_row(item: dict) -> None:
    """Raise InvalidInput if an exported log row can't be brought back."""
    check_session(item.get("kind", ""), item.get("minutes"), item.get("before"), item.get("after"),
                  item.get("detail", ""))
