"""The art gallery: prompts, uploading a picture, the private gallery, and a sharing therapist's view.

Pictures are only ever served through /art/{id}/image and their thumbnails through
/art/{id}/thumbnail, which ask the access policy every time (a therapist's look is audited) and tell
every cache not to keep a copy; there is no public path to them.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from holdspace.creativity import art, images, prompts
from holdspace.errors import HoldspaceError, InvalidInput
from holdspace.privacy.policy import visible_owner
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, check_csrf, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["art"])

# Past this the request isn't even read: nothing a person typed beside a 10 MB picture comes near it.
REQUEST_CEILING = 64 * 1024 * 1024
TOO_LARGE_TO_READ = ("That file is far larger than {limit} MB, so holdspace didn't take it in, and the title "
                     "and reflection you typed with it couldn't be kept. Please add them again with a smaller "
                     "picture.")


class RequestTooLarge(HoldspaceError):
    status = 413
    message = TOO_LARGE_TO_READ.format(limit=images.MAX_BYTES // 1024 // 1024)


def _picker(feeling: str, medium: str, prompt_key: str, suggest: str) -> dict:
    feeling = feeling if feeling in prompts.feelings() else ""
    medium = medium if medium in prompts.art_media() else ""
    matching = prompts.art_prompts(feeling=feeling, medium=medium)
    chosen = prompts.find(prompt_key)
    chosen = chosen if chosen is not None and chosen.kind == "art" else None
    if suggest:
        chosen = prompts.suggest(matching or prompts.art_prompts(), avoid=prompt_key)
    return {"feelings": prompts.feelings(), "media": prompts.art_media(), "feeling": feeling, "medium": medium,
            "matching": matching if not chosen else (), "chosen": chosen,
            "limit_mb": images.MAX_BYTES // 1024 // 1024}


@pages.get("/art")
def gallery(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "art/gallery.html", pieces=art.pieces(db, user.id), done=done)


@pages.get("/art/new")
def new_piece_page(request: Request, user: Client, feeling: str = Query("", max_length=32),
                   medium: str = Query("", max_length=32), prompt: str = Query("", max_length=64),
                   suggest: str = Query("", max_length=8)):
    return render(request, "art/new.html", **_picker(feeling, medium, prompt, suggest))


async def _read_upload(request: Request) -> tuple[dict, bytes | None, int | None]:
    """The form's words, the picture's bytes (at most one byte past the limit) and its full size."""
    form = await request.form(max_files=1, max_fields=20)
    await check_csrf(request)
    values = {k: str(form.get(k, ""))[:10_000] for k in ("title", "notes", "prompt", "feeling", "medium")}
    upload = form.get("image")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return values, None, None
    # Starlette keeps a large upload in a temporary file, not in memory; read no more than we'd keep.
    data = await upload.read(images.MAX_BYTES + 1)
    return values, data, upload.size


@pages.post("/art")
async def upload(request: Request, db: Db, user: Client):
    size = request.headers.get("content-length", "")
    if size.isdigit() and int(size) > REQUEST_CEILING:
        # Nothing is read or saved, so this answer needs no form token.
        return render(request, "art/new.html", status_code=413,
                      errors={"image": TOO_LARGE_TO_READ.format(limit=images.MAX_BYTES // 1024 // 1024)},
                      **_picker("", "", "", ""))
    values, data, full_size = await _read_upload(request)
    try:
        prompt = art.chosen_prompt(values["prompt"])
        if data is None:
            art.check_words(values["title"], values["notes"])
            raise InvalidInput(fields={"image": "Please choose a picture to upload: a PNG, JPEG or WebP image."})
        if len(data) > images.MAX_BYTES:
            raise InvalidInput(fields={"image": images.too_big_message(full_size)})
        piece = art.save_piece(db, user, data, values["title"], values["notes"], prompt=prompt)
    except InvalidInput as exc:
        db.rollback()
        return render(request, "art/new.html", status_code=400, errors=exc.fields, values=values,
                      **_picker(values["feeling"][:32], values["medium"][:32], values["prompt"][:64], ""))
    db.commit()
    return (crisis.response_page(request, piece.assessment, db=db, client=user,
                                 saved="Your picture is in your gallery.", continue_url="/art")
            or redirect(done_url("/art", "art")))


@pages.get("/art/{piece_id}")
def piece_page(request: Request, db: Db, user: Client, piece_id: Id):
    return render(request, "art/piece.html", piece=art.own_piece(db, user, piece_id))


def _image_response(data: bytes, mime: str) -> Response:
    return Response(data, media_type=mime, headers={
        "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox"})


def _allowed_piece(db, user, piece_id: int) -> art.ArtPiece:
    piece = db.get(art.ArtPiece, piece_id)
    owner = visible_owner(db, user, piece.owner_id if piece else 0, "art")
    return art.visible_piece(db, owner.id, piece_id)


@pages.get("/art/{piece_id}/image")
def piece_image(db: Db, user: SignedIn, piece_id: Id):
    """The picture itself, for its owner or a therapist she shares her art with; never cached."""
    piece = _allowed_piece(db, user, piece_id)
    response = _image_response(art.open_image(db, piece), piece.mime)
    db.commit()  # a therapist's read is audited
    return response


@pages.get("/art/{piece_id}/thumbnail")
def piece_thumbnail(db: Db, user: SignedIn, piece_id: Id):
    """The gallery's small copy, on the same terms as the picture (made now for an older piece)."""
    piece = _allowed_piece(db, user, piece_id)
    response = _image_response(*art.open_thumbnail(db, piece))
    db.commit()  # a therapist's read is audited; an older piece's new thumbnail is kept
    return response


@pages.post("/art/{piece_id}/delete", dependencies=[CheckCsrf])
def delete(db: Db, user: Client, piece_id: Id):
    art.delete_piece(db, user, piece_id)
    db.commit()
    return redirect(done_url("/art", "art-deleted"))


@pages.get("/clients/{client_id}/art")
def client_gallery(request: Request, db: Db, user: SignedIn, client_id: Id):
    """A client's gallery, for a therapist the client shares art with."""
    owner = visible_owner(db, user, client_id, "art")
    page = render(request, "art/client.html", client=owner, pieces=art.pieces(db, owner.id))
    db.commit()  # the read is audited
    return page


# --- API --------------------------------------------------------------------------------------

class ArtPromptOut(BaseModel):
    key: str
    text: str
    media: list[str]
    feelings: list[str]


class PieceOut(BaseModel):
    id: int
    created_at: datetime
    title: str
    notes: str
    prompt: str | None = Field(None, description="The words of the art prompt it answers, if any")
    type: str = Field(description="image/png, image/jpeg or image/webp")
    width: int
    height: int
    image_url: str = Field(description="Where the picture itself is served (signed in; never cached)")
    thumbnail_url: str = Field(description="A small upright copy (WebP, or the picture itself if none could "
                                           "be made), on the same terms")
    thumbnail_width: int
    thumbnail_height: int


def _out(piece: art.ArtPiece) -> PieceOut:
    return PieceOut(id=piece.id, created_at=piece.created_at, title=piece.title, notes=piece.notes,
                    prompt=piece.prompt.text if piece.prompt else None, type=piece.mime, width=piece.width,
                    height=piece.height, image_url=f"/art/{piece.id}/image",
                    thumbnail_url=f"/art/{piece.id}/thumbnail", thumbnail_width=piece.thumbnail_size[0],
                    thumbnail_height=piece.thumbnail_size[1])


@api.get("/art/prompts", response_model=list[ArtPromptOut])
def api_prompts(feeling: str = Query("", max_length=32), medium: str = Query("", max_length=32,
                description="drawing, painting, collage or photo")):
    """holdspace's art prompts, by medium and the feeling they suit."""
    return [ArtPromptOut(key=p.key, text=p.text, media=list(p.media), feelings=list(p.feelings))
            for p in prompts.art_prompts(feeling=feeling, medium=medium)]


@api.get("/art", response_model=list[PieceOut])
def api_gallery(db: Db, user: Client):
    """Your gallery, newest first (the pictures themselves are at each image_url)."""
    return [_out(p) for p in art.pieces(db, user.id)]


@api.post("/art", response_model=PieceOut, status_code=201,
          responses={400: {"description": "Not a PNG, JPEG or WebP picture, over 10 MB, or words too long"},
                     413: {"description": "A request far larger than any picture; it wasn't read"}},
          openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
              "type": "object", "required": ["image"], "properties": {
                  "image": {"type": "string", "format": "binary"}, "title": {"type": "string"},
                  "notes": {"type": "string"}, "prompt": {"type": "string"}}}}}}})
async def api_upload(request: Request, db: Db, user: Client):
    """Add a picture (multipart: image, and optionally title, notes and the art prompt's key)."""
    size = request.headers.get("content-length", "")
    if size.isdigit() and int(size) > REQUEST_CEILING:
        raise RequestTooLarge()
    values, data, full_size = await _read_upload(request)
    if data is not None and len(data) > images.MAX_BYTES:
        raise InvalidInput(fields={"image": images.too_big_message(full_size)})
    piece = art.save_piece(db, user, data or b"", values["title"], values["notes"],
                           prompt=art.chosen_prompt(values["prompt"]))
    db.commit()
    return _out(piece)


@api.delete("/art/{piece_id}", status_code=204, dependencies=[CheckCsrf],
            responses={404: {"description": "No such picture of yours"}})
def api_delete(piece_id: Id, db: Db, user: Client):
    """Delete a picture from your gallery, for good."""
    art.delete_piece(db, user, piece_id)
    db.commit()
    return Response(status_code=204)


@api.get("/clients/{client_id}/art", response_model=list[PieceOut],
         responses={404: {"description": "Not your client, or art isn't shared"}})
def api_client_gallery(client_id: Id, db: Db, user: SignedIn):
    """A client's gallery, for a therapist the client shares art with."""
    owner = visible_owner(db, user, client_id, "art")
    rows = [_out(p) for p in art.pieces(db, owner.id)]
    db.commit()
    return rows
