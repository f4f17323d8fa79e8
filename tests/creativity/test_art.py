"""The art gallery: sealed pictures and words, a private gallery, sharing by consent, export and deletion."""

import html
import re
import struct
import zlib
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from holdspace.creativity import art, images, prompts
from holdspace.database import open_database
from holdspace.errors import InvalidInput
from holdspace.privacy import consent, deletion, export
from holdspace.privacy.audit import AuditEvent
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert

from .pictures import painting, png

PICTURE = png(4, 3, (10, 200, 90))


def _upload(web, picture=PICTURE, name="drawing.png", **fields):
    return web.submit("/art", {"title": "", "notes": "", **fields},
                      page="/art/new", files={"image": (name, picture, "image/png")})


def test_a_piece_is_sealed_picture_and_words_alike_and_opens_for_its_owner(db, personas):
    piece = art.save_piece(db, personas.alice, PICTURE, "Harbour at dusk", "The boats felt calm.",
                           prompt=prompts.prompt("art-safe-place"))
    db.commit()
    row = db.execute(text("SELECT words_sealed, image_sealed FROM art_pieces WHERE id = :i"), {"i": piece.id}).one()
    assert b"Harbour" not in bytes(row[0]) and b"IHDR" not in bytes(row[1])
    opened = art.pieces(db, personas.alice.id)[0]
    assert (opened.title, opened.notes, opened.prompt.key) == ("Harbour at dusk", "The boats felt calm.",
                                                               "art-safe-place")
    assert (opened.kind, opened.width, opened.height) == ("png", 4, 3)
    assert art.open_image(db, opened) == PICTURE


def test_words_that_suggest_risk_alert_a_consenting_therapist_like_the_journal(db, personas):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    piece = art.save_piece(db, personas.alice, PICTURE, "Goodbye", "I want to die, this is my last drawing")
    db.commit()
    assert piece.assessment.level in ("concern", "urgent")
    alert = db.scalar(select(Alert).where(Alert.place == "art"))
    assert alert.item_id == piece.id and alert.therapist_id == personas.carol.id


def test_bad_words_and_a_bad_picture_are_named_together(db, personas):
    with pytest.raises(InvalidInput) as caught:
        art.save_piece(db, personas.alice, b"not a picture", "t" * 200, "")
    assert set(caught.value.fields) == {"title", "image"}


def test_a_therapist_and_other_clients_cant_keep_a_gallery(db, personas):
    from holdspace.errors import NotAllowed

    with pytest.raises(NotAllowed):
        art.save_piece(db, personas.carol, PICTURE)


def test_uploading_in_the_browser_flow_puts_the_picture_in_the_gallery(personas, sign_in):
    alice = sign_in(personas.alice)
    saved = _upload(alice, title="Blue morning", notes="Soft, for once.", prompt="art-weather-inside")
    assert saved.status_code == 303 and saved.headers["location"] == "/art?done=art"
    gallery = alice.get("/art").text
    piece_id = int(re.search(r'href="/art/(\d+)"', gallery).group(1))
    assert "Blue morning" in gallery and f'src="/art/{piece_id}/thumbnail"' in gallery
    page = alice.get(f"/art/{piece_id}").text
    assert "Soft, for once." in page and "Paint the weather inside you" in page
    assert f'src="/art/{piece_id}/image"' in page  # the full picture on its own page
    picture = alice.get(f"/art/{piece_id}/image")
    assert picture.content == PICTURE and picture.headers["content-type"] == "image/png"
    assert picture.headers["cache-control"] == "no-store"
    assert picture.headers["x-content-type-options"] == "nosniff"


def test_a_text_file_renamed_png_is_refused_and_the_title_and_notes_come_back(personas, sign_in, db):
    alice = sign_in(personas.alice)
    page = _upload(alice, b"just some words\n", "sneaky.png", title="My tree", notes="Roots: my sister.",
                   prompt="art-strengths-tree")
    assert page.status_code == 400
    shown = html.unescape(page.text)
    assert "isn't a picture holdspace can show" in shown
    assert 'value="My tree"' in shown and "Roots: my sister." in shown
    assert 'name="prompt" value="art-strengths-tree"' in shown
    assert db.scalar(select(func.count(art.ArtPiece.id))) == 0


def test_a_fifty_megabyte_upload_is_refused_with_the_limit_and_keeps_the_words(personas, sign_in, db):
    alice = sign_in(personas.alice)
    huge = PICTURE + b"\x00" * (50 * 1024 * 1024)
    page = _upload(alice, huge, "huge.png", title="Big sky", notes="Too big to carry.")
    assert page.status_code == 400
    shown = html.unescape(page.text)
    assert "Pictures can be up to 10 MB. This one is 50 MB." in shown
    assert 'value="Big sky"' in shown and "Too big to carry." in shown
    assert db.scalar(select(func.count(art.ArtPiece.id))) == 0


def test_a_request_far_over_any_picture_is_answered_without_being_read(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.post("/art", content=b"x" * 16, headers={
        "content-type": "multipart/form-data; boundary=b", "content-length": str(100 * 1024 * 1024)})
    assert response.status_code == 413 and "far larger than 10 MB" in html.unescape(response.text)


def test_choosing_no_picture_says_so_and_keeps_the_words(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/art", {"title": "Later", "notes": "I'll photograph it tomorrow."}, page="/art/new")
    assert page.status_code == 400
    assert "Please choose a picture" in page.text and 'value="Later"' in page.text


def test_the_picker_lists_prompts_by_medium_and_suggests_one(personas, sign_in):
    alice = sign_in(personas.alice)
    listed = alice.get("/art/new?medium=collage").text
    collage = prompts.art_prompts(medium="collage")
    assert all(html.escape(p.text, quote=False) in listed for p in collage)
    suggested = alice.get("/art/new?medium=photo&suggest=1").text
    key = re.search(r'name="prompt" value="([^"]+)"', suggested).group(1)
    assert key in {p.key for p in prompts.art_prompts(medium="photo")}


def test_the_therapist_sees_the_gallery_only_while_art_is_shared_and_each_look_is_audited(db, personas, sign_in):
    piece = art.save_piece(db, personas.alice, PICTURE, "For Carol", "A quiet one.")
    db.commit()
    carol = sign_in(personas.carol)
    assert carol.get(f"/clients/{personas.alice.id}/art").status_code == 404
    assert carol.get(f"/art/{piece.id}/image").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "art"])
    db.commit()
    gallery = carol.get(f"/clients/{personas.alice.id}/art").text
    assert "For Carol" in gallery and "A quiet one." in gallery
    assert carol.get(f"/art/{piece.id}/image").content == PICTURE
    assert f"/clients/{personas.alice.id}/art" in carol.get(f"/clients/{personas.alice.id}").text
    db.rollback()
    reads = db.scalars(select(AuditEvent.detail).where(AuditEvent.action == "read",
                                                       AuditEvent.actor_id == personas.carol.id)).all()
    assert reads.count("art") >= 2
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    assert carol.get(f"/art/{piece.id}/image").status_code == 404


def test_an_unrelated_therapist_and_another_client_see_nothing_even_with_art_shared(db, personas, sign_in):
    consent.set_shares(db, personas.alice, personas.link_id, ["art"])
    piece = art.save_piece(db, personas.alice, PICTURE, "Mine")
    db.commit()
    for who in (personas.dave, personas.bob):
        web = sign_in(who)
        assert web.get(f"/art/{piece.id}/image").status_code == 404
        assert web.get(f"/art/{piece.id}").status_code in (403, 404)
    assert sign_in(personas.dave).get(f"/clients/{personas.alice.id}/art").status_code == 404
    assert sign_in(None).get(f"/art/{piece.id}/image", follow_redirects=False).status_code == 303


def test_deleting_a_piece_removes_it_for_good(db, personas, sign_in):
    piece = art.save_piece(db, personas.alice, PICTURE, "Draft")
    db.commit()
    alice = sign_in(personas.alice)
    assert sign_in(personas.bob).submit(f"/art/{piece.id}/delete", page="/art").status_code == 404
    assert alice.submit(f"/art/{piece.id}/delete", page="/art").status_code == 303
    assert alice.get(f"/art/{piece.id}/image").status_code == 404
    assert "Draft" not in alice.get("/art").text
    db.rollback()
    assert db.scalar(select(func.count(art.ArtPiece.id))) == 0


def test_deleting_the_account_takes_the_gallery_with_it(db, personas):
    art.save_piece(db, personas.alice, PICTURE, "Gone with me")
    db.commit()
    deletion.delete_account(db, personas.alice)
    db.commit()
    assert db.scalar(select(func.count(art.ArtPiece.id))) == 0


def test_the_gallery_travels_in_an_export_and_comes_back_exactly(db, personas, settings, tmp_path):
    jpeg_like = png(7, 5, (1, 2, 3))
    art.save_piece(db, personas.alice, PICTURE, "One", "First.", prompt=prompts.prompt("art-photo-light"))
    art.save_piece(db, personas.alice, jpeg_like, "", "")
    db.commit()
    data = export.export_data(db, personas.alice)
    assert [p["title"] for p in data["art"]] == ["One", ""] and data["art"][0]["type"] == "image/png"
    archive = export.export_archive(db, personas.alice)
    db.commit()
    other = open_database(replace(settings, data_dir=tmp_path / "o", key_file=tmp_path / "o.key",
                                  database_url=f"sqlite:///{tmp_path / 'o' / 'h.sqlite3'}"))
    with other.sessionmaker() as session:
        user = export.import_data(session, export.read_archive(archive))
        session.commit()
        again = export.export_data(session, user)
        restored = art.pieces(session, user.id)
        assert {art.open_image(session, p) for p in restored} == {PICTURE, jpeg_like}
    other.dispose()
    assert again["art"] == data["art"]


def test_an_export_with_a_picture_that_isnt_one_is_refused_by_name():
    item = {"created_at": "2026-10-02T10:00:00+00:00", "title": "x", "notes": "", "prompt": None,
            "type": "image/png", "image": "bm90IGEgcGljdHVyZQ=="}
    data = {"format": "holdspace-export", "version": 1,
            "account": {"email": "kim@example.org", "display_name": "Kim", "role": "client",
                        "created_at": "2026-10-01T10:00:00+00:00", "password_hash": "$argon2id$v=19$x"},
            "checkins": [], "art": [item]}
    with pytest.raises(InvalidInput, match="picture 1: This file isn't a picture"):
        export._check(data)


def test_the_api_lists_the_gallery_for_its_owner_and_a_sharing_therapist(db, personas, sign_in, api_token):
    art.save_piece(db, personas.alice, PICTURE, "Listed", prompt=prompts.prompt("art-hands"))
    db.commit()
    web = sign_in(None)
    mine = web.get("/api/v1/art", headers=api_token(personas.alice)).json()
    assert mine[0]["title"] == "Listed" and mine[0]["image_url"].endswith("/image") and mine[0]["width"] == 4
    assert mine[0]["thumbnail_url"].endswith("/thumbnail") and mine[0]["thumbnail_width"] == 4
    assert web.get(f"/api/v1/clients/{personas.alice.id}/art", headers=api_token(personas.carol)).status_code == 404
    assert web.get(f"/api/v1/clients/{personas.alice.id}/art", headers=api_token(personas.dave)).status_code == 404
    assert len(web.get("/api/v1/art/prompts", params={"medium": "photo"}).json()) >= 4


def test_the_upload_limit_is_ten_megabytes():
    assert images.MAX_BYTES == 10 * 1024 * 1024


def test_the_api_takes_an_upload_refuses_a_non_picture_and_deletes(db, personas, sign_in, api_token):
    web, headers = sign_in(None), api_token(personas.alice)
    saved = web.post("/api/v1/art", data={"title": "By phone", "prompt": "art-photo-light"},
                     files={"image": ("light.png", PICTURE, "image/png")}, headers=headers)
    assert saved.status_code == 201 and saved.json()["prompt"].startswith("Take a photograph of light")
    assert web.get(saved.json()["image_url"], headers=headers).content == PICTURE
    refused = web.post("/api/v1/art", data={"title": "Not one"},
                       files={"image": ("fake.png", b"plain text", "image/png")}, headers=headers)
    assert refused.status_code == 400 and "isn't a picture" in refused.text
    assert web.delete(f"/api/v1/art/{saved.json()['id']}", headers=api_token(personas.bob)).status_code == 404
    assert web.delete(f"/api/v1/art/{saved.json()['id']}", headers=headers).status_code == 204
    assert web.get("/api/v1/art", headers=headers).json() == []


def test_a_pictures_words_stay_out_of_logs_urls_and_headers(personas, sign_in, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    canary = "canary-art-words-5c2e"
    alice = sign_in(personas.alice)
    responses = [_upload(alice, title=canary, notes=canary),
                 _upload(alice, b"not a picture", "x.png", title=canary, notes=canary)]
    piece_id = int(re.search(r'href="/art/(\d+)"', alice.get("/art").text).group(1))
    responses.append(alice.get(f"/art/{piece_id}/image"))
    for response in responses:
        assert canary not in str(response.url) and canary not in repr(dict(response.headers))
    assert canary not in "\n".join(r.getMessage() for r in caplog.records)


def test_a_phone_photos_location_is_never_stored_and_it_is_laid_out_upright(db, personas):
    from .test_hidden_details import CANARIES, phone_photo

    piece = art.save_piece(db, personas.alice, phone_photo(orientation=6), "From the walk")
    db.commit()
    kept = art.open_image(db, art.own_piece(db, personas.alice, piece.id))
    assert not [canary for canary in CANARIES if canary in kept] and piece.size == len(kept)
    assert images.inspect(kept) == images.Picture("jpeg", 60, 40)
    assert (piece.width, piece.height) == (40, 60)  # shown turned, as the phone held it
    thumb, _ = art.open_thumbnail(db, piece)
    assert _opened(thumb).size == (40, 60) and not [c for c in CANARIES if c in thumb]


# --- thumbnails ------------------------------------------------------------------------------------

def _opened(data: bytes):
    import io

    Image = pytest.importorskip("PIL.Image")
    opened = Image.open(io.BytesIO(data))
    opened.load()
    return opened


def test_a_large_picture_gets_a_small_sealed_thumbnail_in_the_gallery(personas, sign_in, db):
    big = painting(1600, 1200)
    alice = sign_in(personas.alice)
    assert _upload(alice, big, "hills.png", title="Wide hills").status_code == 303
    piece = art.pieces(db, personas.alice.id)[0]
    row = db.execute(text("SELECT thumb_sealed FROM art_pieces WHERE id = :i"), {"i": piece.id}).scalar_one()
    assert row and b"WEBP" not in bytes(row) and b"VP8" not in bytes(row)  # sealed like the picture
    gallery = alice.get("/art").text
    assert f'src="/art/{piece.id}/thumbnail" alt="Wide hills" width="640" height="480"' in gallery
    thumb = alice.get(f"/art/{piece.id}/thumbnail")
    assert thumb.headers["content-type"] == "image/webp" and thumb.headers["cache-control"] == "no-store"
    assert thumb.headers["x-content-type-options"] == "nosniff"
    assert _opened(thumb.content).size == (640, 480) and len(thumb.content) < len(big) / 3
    assert alice.get(f"/art/{piece.id}/image").content == big
    page = alice.get(f"/art/{piece.id}").text
    assert f'src="/art/{piece.id}/image" alt="Wide hills" width="1600" height="1200"' in page


def test_a_small_picture_is_never_enlarged_and_keeps_its_transparency(db, personas):
    import io

    Image = pytest.importorskip("PIL.Image")
    clear = Image.new("RGBA", (120, 90), (0, 0, 0, 0))
    clear.paste((200, 40, 40, 255), (30, 20, 90, 70))
    buffer = io.BytesIO()
    clear.save(buffer, "PNG")
    piece = art.save_piece(db, personas.alice, buffer.getvalue(), "A red square")
    thumb, mime = art.open_thumbnail(db, piece)
    opened = _opened(thumb)
    assert mime == "image/webp" and opened.size == (120, 90) == piece.thumbnail_size
    assert opened.convert("RGBA").getpixel((5, 5))[3] == 0 and opened.convert("RGBA").getpixel((60, 45))[3] == 255


def test_a_picture_no_thumbnail_can_be_made_of_is_shown_whole_in_the_gallery(db, personas, sign_in):
    whole = png(8, 8)
    start = whole.index(b"IDAT") - 4
    (length,) = struct.unpack(">I", whole[start:start + 4])
    garbled = b"\x78\x9c" + b"\xff" * 30  # a zlib header, then nothing zlib can read
    unreadable = (whole[:start] + struct.pack(">I", len(garbled)) + b"IDAT" + garbled
                  + struct.pack(">I", zlib.crc32(b"IDAT" + garbled)) + whole[start + 12 + length:])
    piece = art.save_piece(db, personas.alice, unreadable, "Odd one")
    db.commit()
    assert piece.thumb_sealed == b""
    served = sign_in(personas.alice).get(f"/art/{piece.id}/thumbnail")
    assert served.status_code == 200 and served.content == unreadable
    assert served.headers["content-type"] == "image/png"


def test_a_piece_saved_before_thumbnails_gets_one_when_first_shown_and_loses_old_details(db, personas, sign_in):
    from holdspace.privacy import keys
    from .test_hidden_details import PLACE, PngImagePlugin, _saved, _scene

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", PLACE)
    old = _saved(_scene(), "PNG", pnginfo=info)  # kept whole, as the gallery did before PNGs were cleaned
    piece = art.save_piece(db, personas.alice, PICTURE, "From last year")
    piece.image_sealed = keys.seal_bytes(db, personas.alice.id, art.TABLE, "image", piece.id, old)
    piece.size, piece.width, piece.height, piece.thumb_sealed = len(old), 60, 40, None
    db.commit()
    alice = sign_in(personas.alice)
    assert 'width="60" height="40"' in alice.get("/art").text
    thumb = alice.get(f"/art/{piece.id}/thumbnail")
    assert thumb.headers["content-type"] == "image/webp" and _opened(thumb.content).size == (60, 40)
    db.expire_all()
    stored = db.get(art.ArtPiece, piece.id)
    assert stored.thumb_sealed  # kept, not made again on every visit
    picture = alice.get(f"/art/{piece.id}/image").content
    assert PLACE.encode() not in picture and _opened(picture).size == (60, 40) and stored.size == len(picture)


def test_the_therapist_sees_thumbnails_only_while_art_is_shared_and_each_look_is_audited(db, personas, sign_in):
    piece = art.save_piece(db, personas.alice, painting(800, 400), "For Carol")
    db.commit()
    carol = sign_in(personas.carol)
    assert carol.get(f"/art/{piece.id}/thumbnail").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["art"])
    db.commit()
    gallery = carol.get(f"/clients/{personas.alice.id}/art").text
    assert f'src="/art/{piece.id}/thumbnail" alt="For Carol" width="640" height="320"' in gallery
    assert f'href="/art/{piece.id}/image"' in gallery
    assert _opened(carol.get(f"/art/{piece.id}/thumbnail").content).size == (640, 320)
    db.rollback()
    before = db.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.actor_id == personas.carol.id))
    carol.get(f"/art/{piece.id}/thumbnail")
    db.rollback()
    after = db.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.actor_id == personas.carol.id))
    assert after == before + 1
    for who in (personas.dave, personas.bob):
        assert sign_in(who).get(f"/art/{piece.id}/thumbnail").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    assert carol.get(f"/art/{piece.id}/thumbnail").status_code == 404


def test_thumbnails_travel_in_an_export_and_an_older_export_without_them_still_comes_back(db, personas, settings,
                                                                                        tmp_path):
    art.save_piece(db, personas.alice, painting(900, 300), "Long view")
    db.commit()
    data = export.export_data(db, personas.alice)
    thumb = data["art"][0]["thumbnail"]
    assert (thumb["type"], thumb["width"], thumb["height"]) == ("image/webp", 640, 213)
    older = {**data, "art": [{k: v for k, v in item.items() if k != "thumbnail"} for item in data["art"]]}
    other = open_database(replace(settings, data_dir=tmp_path / "o", key_file=tmp_path / "o.key",
                                  database_url=f"sqlite:///{tmp_path / 'o' / 'h.sqlite3'}"))
    with other.sessionmaker() as session:
        user = export.import_data(session, older)
        session.commit()
        again = export.export_data(session, user)
        restored = art.pieces(session, user.id)[0]
        made, _ = art.open_thumbnail(session, restored)
    other.dispose()
    assert _opened(made).size == (640, 213)
    assert again["art"] == data["art"]


def test_deleting_a_piece_takes_its_thumbnail_with_it(db, personas, sign_in):
    piece = art.save_piece(db, personas.alice, PICTURE, "Draft")
    db.commit()
    alice = sign_in(personas.alice)
    assert alice.get(f"/art/{piece.id}/thumbnail").status_code == 200
    assert alice.submit(f"/art/{piece.id}/delete", page="/art").status_code == 303
    assert alice.get(f"/art/{piece.id}/thumbnail").status_code == 404
    db.rollback()
    assert db.scalar(text("SELECT count(*) FROM art_pieces WHERE thumb_sealed IS NOT NULL")) == 0


@pytest.mark.parametrize("kind", ["png", "webp"])
def test_png_and_webp_uploads_keep_no_location_or_device_details(db, personas, kind):
    from .test_hidden_details import CANARIES, PngImagePlugin, XMP, _exif, _saved, _scene

    if kind == "png":
        info = PngImagePlugin.PngInfo()
        info.add_text("Location", "canary-place-51.5N")
        made = _saved(_scene(), "PNG", pnginfo=info, exif=_exif(1))
    else:
        made = _saved(_scene(), "WEBP", exif=_exif(1), xmp=XMP)
    piece = art.save_piece(db, personas.alice, made, "Walk")
    kept = art.open_image(db, piece)
    assert not [c for c in CANARIES if c in kept] and _opened(kept).size == (60, 40)
