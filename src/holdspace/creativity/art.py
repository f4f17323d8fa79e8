"""The art gallery: pictures a client makes from our prompts (or not), sealed with their data key.

A piece's picture, its thumbnail and its words (title, reflection, the prompt it answers) are sealed
separately, each bound to its row and owner; only the kind of picture and its upright size in pixels
stay readable, so the gallery can lay itself out. The words are checked for risk before anything is
sealed; the picture is kept without the details a camera hides in it (hidden_details.py).

A piece saved before thumbnails existed has none (thumb_sealed NULL): the first time it is asked for,
its picture is cleaned again with today's rules and its thumbnail made, and both are kept. A picture
no thumbnail can be made of keeps an empty thumb_sealed, and the gallery shows the picture itself.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.creativity import hidden_details, images, prompts, thumbnails
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety import alerts
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

__all__ = ["ArtPiece", "TABLE", "check_export_row", "check_words", "chosen_prompt", "delete_piece",
           "export_rows", "import_row", "open_image", "open_thumbnail", "own_piece", "pieces", "save_piece",
           "visible_piece"]

TABLE = "art_pieces"
TITLE_LIMIT = 120
NOTES_LIMIT = 5000


class ArtPiece(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(8))  # png, jpeg or webp
    width: Mapped[int] = mapped_column(Integer)  # as shown: a photo turned by its EXIF counts turned
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)  # bytes of the picture before sealing
    words_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # {"title", "notes", "prompt"}
    image_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    # WebP, sealed; b"" when none could be made (the picture itself is shown), NULL when not yet made.
    thumb_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    title = ""  # the opened words, filled in by the functions below
    notes = ""
    prompt = None  # a prompts.Prompt, if the piece answers one
    assessment: Assessment = NO_RISK

    @property
    def mime(self) -> str:
        return images.KINDS[self.kind]

    @property
    def thumbnail_size(self) -> tuple[int, int]:
        """The thumbnail's width and height (the picture itself, scaled, when it has none)."""
        return thumbnails.size_for(self.width, self.height)

    @property
    def label(self) -> str:
        """What a screen reader says for the picture: its title, or when it was added."""
        return self.title or f"A picture added on {self.created_at:%-d %B %Y}"


def chosen_prompt(key: str) -> prompts.Prompt | None:
    key = (key or "").strip()
    if not key:
        return None
    try:
        return prompts.prompt(key, "art")
    except NotFound:
        raise InvalidInput(fields={"prompt": "That art prompt isn't in holdspace's library. Choose another, "
                                             "or add your picture without one."}) from None


def check_words(title: str, notes: str) -> tuple[str, str]:
    """Tidy a title and reflection, or raise InvalidInput naming each problem."""
    title, notes = " ".join((title or "").split()), (notes or "").strip()
    problems = {}
    if len(title) > TITLE_LIMIT:
        problems["title"] = f"Please keep the title under {TITLE_LIMIT} characters (it has {len(title)})."
    if len(notes) > NOTES_LIMIT:
        problems["notes"] = (f"Your reflection can hold up to {NOTES_LIMIT:,} characters; this one has "
                             f"{len(notes):,}. Your words are still here: perhaps keep the rest in your journal.")
    if problems:
        raise InvalidInput(fields=problems)
    return title, notes


def _seal_words(db: Session, piece: ArtPiece, title: str, notes: str, prompt: prompts.Prompt | None) -> None:
    words = {"title": title, "notes": notes,
             "prompt": {"key": prompt.key, "text": prompt.text} if prompt else None}
    piece.words_sealed = keys.seal_bytes(db, piece.owner_id, TABLE, "words", piece.id, json.dumps(words).encode())
    piece.title, piece.notes, piece.prompt = title, notes, prompt


def save_piece(db: Session, client: User, data: bytes, title: str = "", notes: str = "", *,
               prompt: prompts.Prompt | None = None, at: datetime | None = None) -> ArtPiece:
    """Check the picture and the words, then keep them sealed; risky words alert as the journal's do."""
    if not client.is_client:
        raise NotAllowed("The gallery is for client accounts.")
    problems: dict[str, str] = {}
    picture = None
    try:
        title, notes = check_words(title, notes)
    except InvalidInput as exc:
        problems.update(exc.fields)
    try:
        picture = images.inspect(data)
    except InvalidInput as exc:
        problems.update(exc.fields)
    if problems:
        raise InvalidInput(fields=problems)
    data = hidden_details.without_hidden_details(data)  # where a photo was taken is nobody's business
    width, height = _upright(picture, data)
    piece = ArtPiece(owner_id=client.id, created_at=at or clock.now(), kind=picture.kind, width=width,
                     height=height, size=len(data), words_sealed=b"", image_sealed=b"")
    words = "\n".join(w for w in (title, notes) if w)
    piece.assessment = assess(words) if words else NO_RISK
    db.add(piece)
    db.flush()  # the id is part of what everything is sealed to
    _seal_words(db, piece, title, notes, prompt)
    piece.image_sealed = keys.seal_bytes(db, client.id, TABLE, "image", piece.id, data)
    _seal_thumbnail(db, piece, thumbnails.make(data, width, height))
    alerts.notice(db, client, piece.assessment, where="art", item_id=piece.id, text=words,
                  path=f"/clients/{client.id}/art#art-{piece.id}")
    return piece


def _upright(picture: images.Picture, data: bytes) -> tuple[int, int]:
    if hidden_details.orientation(data) in (5, 6, 7, 8):  # shown turned a quarter
        return picture.height, picture.width
    return picture.width, picture.height


def _seal_thumbnail(db: Session, piece: ArtPiece, thumb: bytes | None) -> None:
    piece.thumb_sealed = keys.seal_bytes(db, piece.owner_id, TABLE, "thumb", piece.id, thumb) if thumb else b""


def _bring_up_to_date(db: Session, piece: ArtPiece) -> None:
    """Clean a piece saved before today's rules again and make its thumbnail (in the caller's transaction)."""
    data = open_image(db, piece)
    try:
        cleaned = hidden_details.without_hidden_details(data)
        piece.width, piece.height = _upright(images.inspect(cleaned), cleaned)
    except InvalidInput:  # it was accepted once; keep it as it is rather than lose it
        cleaned = data
    if cleaned != data:
        piece.image_sealed = keys.seal_bytes(db, piece.owner_id, TABLE, "image", piece.id, cleaned)
        piece.size = len(cleaned)
    _seal_thumbnail(db, piece, thumbnails.make(cleaned, piece.width, piece.height))
    db.flush()


def open_thumbnail(db: Session, piece: ArtPiece) -> tuple[bytes, str]:
    """The thumbnail and its type, made now if the piece is older than thumbnails; else the picture."""
    if piece.thumb_sealed is None:
        _bring_up_to_date(db, piece)
    if not piece.thumb_sealed:
        return open_image(db, piece), piece.mime
    return keys.open_bytes(db, piece.owner_id, TABLE, "thumb", piece.id, piece.thumb_sealed), thumbnails.MIME


def _open(db: Session, piece: ArtPiece) -> ArtPiece:
    words = json.loads(keys.open_bytes(db, piece.owner_id, TABLE, "words", piece.id, piece.words_sealed))
    piece.title, piece.notes = words["title"], words["notes"]
    saved = words.get("prompt")
    piece.prompt = prompts.Prompt(saved["key"], "art", saved["text"], ()) if saved else None
    return piece


def pieces(db: Session, owner_id: int, *, limit: int = 500) -> list[ArtPiece]:
    """Newest first, words opened (pictures stay sealed until asked for); owner_id already allowed."""
    rows = db.scalars(select(ArtPiece).where(ArtPiece.owner_id == owner_id)
                      .order_by(ArtPiece.created_at.desc(), ArtPiece.id.desc()).limit(limit))
    return [_open(db, p) for p in rows]


def own_piece(db: Session, client: User, piece_id: int) -> ArtPiece:
    piece = db.get(ArtPiece, piece_id)
    if piece is None or piece.owner_id != client.id:
        raise NotFound()
    return _open(db, piece)


def visible_piece(db: Session, owner_id: int, piece_id: int) -> ArtPiece:
    """A piece of this owner's (who already passed the access policy), or NotFound."""
    piece = db.get(ArtPiece, piece_id)
    if piece is None or piece.owner_id != owner_id:
        raise NotFound()
    return _open(db, piece)


def open_image(db: Session, piece: ArtPiece) -> bytes:
    return keys.open_bytes(db, piece.owner_id, TABLE, "image", piece.id, piece.image_sealed)


def delete_piece(db: Session, client: User, piece_id: int) -> None:
    piece = db.get(ArtPiece, piece_id)
    if piece is None or piece.owner_id != client.id:
        raise NotFound()
    db.delete(piece)
    db.flush()


# --- export and import ----------------------------------------------------------------------------

def export_rows(db: Session, owner_id: int) -> list[dict]:
    """The gallery in plain JSON terms, oldest first; each picture and its thumbnail as base64.

    An import makes the thumbnail again from the picture rather than trusting the file's copy.
    """
    rows = sorted(pieces(db, owner_id, limit=10**6), key=lambda p: (p.created_at, p.id))
    exported = []
    for p in rows:
        thumb, thumb_type = open_thumbnail(db, p)  # also brings an older piece up to date first
        exported.append({
            "created_at": p.created_at.isoformat(), "title": p.title, "notes": p.notes,
            "prompt": {"key": p.prompt.key, "text": p.prompt.text} if p.prompt else None,
            "type": p.mime, "image": base64.b64encode(open_image(db, p)).decode(),
            "thumbnail": ({"type": thumb_type, "width": p.thumbnail_size[0], "height": p.thumbnail_size[1],
                           "image": base64.b64encode(thumb).decode()} if p.thumb_sealed else None)})
    return exported


def _exported(item: dict) -> tuple[bytes, prompts.Prompt | None]:
    try:
        data = base64.b64decode(item.get("image") or "", validate=True)
    except (TypeError, ValueError):
        raise InvalidInput(fields={"image": "its picture is damaged"}) from None
    saved = item.get("prompt")
    if saved is not None and not (isinstance(saved, dict) and isinstance(saved.get("key"), str)
                                  and isinstance(saved.get("text"), str) and saved["text"]):
        raise InvalidInput(fields={"prompt": "its prompt is damaged"})
    return data, prompts.Prompt(saved["key"], "art", saved["text"], ()) if saved else None


def check_export_row(item: dict) -> None:
    """Raise InvalidInput if an exported piece can't be brought back."""
    data, _ = _exported(item)
    if not isinstance(item.get("title", ""), str) or not isinstance(item.get("notes", ""), str):
        raise InvalidInput(fields={"title": "its words are damaged"})
    check_words(item.get("title", ""), item.get("notes", ""))
    images.inspect(data)


def import_row(db: Session, client: User, item: dict) -> ArtPiece:
    data, prompt = _exported(item)
    return save_piece(db, client, data, item.get("title", ""), item.get("notes", ""), prompt=prompt,
                      at=datetime.fromisoformat(item["created_at"]))
