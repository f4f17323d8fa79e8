"""Creativity in a real browser: the journal's prompt picker, the art gallery and its upload errors.

Every page is checked by axe-core (WCAG A/AA) in light, dark and on a phone, and saved as a
screenshot in tests/screenshots/creativity-*.png.
"""

from __future__ import annotations

import http.client
import io
import re
import tracemalloc
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from holdspace.creativity import art, prompts
from holdspace.privacy import consent, sessions
from holdspace.privacy.accounts import Role, User

from ..creativity.pictures import painting
from .people import made_directly, sign_in
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser


def _file(name: str, data: bytes, mime: str = "image/png") -> dict:
    return {"name": name, "mimeType": mime, "buffer": data}


def test_a_client_picks_a_prompt_by_feeling_and_writes_from_it(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    page.goto("/journal/new")
    page.get_by_label("How are you feeling?").select_option("lonely")
    page.get_by_role("button", name="Show prompts").click()
    page.get_by_role("link", name=re.compile("Write from this prompt.*What kind of company")).click()
    chosen = page.locator(".chosen-prompt blockquote")
    expect(chosen).to_contain_text("What kind of company would you like tonight?")
    page.get_by_label("Your entry").fill("A friend on the sofa and a film, honestly.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("status")).to_have_text("Your entry is saved.")
    expect(page.get_by_text("From the prompt: What kind of company")).to_be_visible()


def test_a_text_file_named_like_a_picture_is_refused_and_the_words_stay(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    page.goto("/art/new")
    page.get_by_label("Your picture").set_input_files(_file("tree.png", b"this is only text\n"))
    page.get_by_label("A title (optional)").fill("The tree")
    page.get_by_label("What it means to you (optional)").fill("Roots for the people who hold me up.")
    page.get_by_role("button", name="Add to my gallery").click()
    expect(page.get_by_role("alert")).to_contain_text("This file isn't a picture holdspace can show")
    expect(page.get_by_label("A title (optional)")).to_have_value("The tree")
    expect(page.get_by_label("What it means to you (optional)")).to_have_value("Roots for the people who hold me up.")
    page.get_by_label("Your picture").set_input_files(_file("tree.png", painting(1280, 960)))
    page.get_by_role("button", name="Add to my gallery").click()
    expect(page.get_by_role("status")).to_have_text("Your picture is in your gallery.")
    picture = page.get_by_role("img", name="The tree")
    expect(picture).to_be_visible()
    page.wait_for_function("() => { const i = document.querySelector('.gallery img'); return i && i.complete; }")
    # The gallery loads the small copy through its authorised route; the piece's page, the picture itself.
    assert picture.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [640, 480]
    page.get_by_role("link", name=re.compile("The tree")).click()
    full = page.get_by_role("img", name="The tree")
    page.wait_for_function("() => { const i = document.querySelector('img.full'); return i && i.complete; }")
    assert full.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1280, 960]


def test_a_fifty_megabyte_upload_is_refused_without_the_server_holding_it_in_memory(live_server):
    """Sent in chunks, as a browser would; Starlette keeps the file on disk, and we read at most 10 MB."""
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    with live_server.db() as db:
        token = sessions.start_session(db, db.get(User, ada.id))
        db.commit()
    address = urlparse(live_server.url)
    cookie = f"hs_session={token}"

    def request(method: str, path: str, body=None, headers=None):
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        conn.request(method, path, body=body, headers={"Cookie": cookie, **(headers or {})})
        response = conn.getresponse()
        text = response.read().decode()
        conn.close()
        return response.status, text

    _, form = request("GET", "/art/new")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    boundary = "holdspace-test-boundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBig sky\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"sky.png\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = 50 * 1024 * 1024
    chunk = b"\x00" * (1024 * 1024)

    def body():
        yield head + painting(8, 8)
        for _ in range(size // len(chunk)):
            yield chunk
        yield tail

    length = len(head) + len(painting(8, 8)) + size + len(tail)
    tracemalloc.start()
    try:
        status, text = request("POST", "/art", body=body(), headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Content-Length": str(length)})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"50 MB upload refused; peak traced memory during the request {peak / 1024 / 1024:.1f} MB")
    assert status == 400
    assert "Pictures can be up to 10 MB. This one is 50 MB." in text and 'value="Big sky"' in text
    # The whole upload is 50 MB; the server (in this process) never held more than a fraction of it.
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MB"


def _portrait_photo() -> bytes:
    """A phone photo as phones store it: the pixels lying on their side, EXIF saying turn it upright,
    plus where it was taken; the gallery should show it upright and keep nothing of the rest."""
    from PIL import Image

    upright = Image.open(io.BytesIO(painting(540, 720, sky=(200, 170, 120), sun=(255, 240, 200),
                                             ground=(110, 80, 60)))).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate a quarter clockwise to show
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}
    buffer = io.BytesIO()
    upright.transpose(Image.Transpose.ROTATE_90).save(buffer, "JPEG", exif=exif, quality=88)
    return buffer.getvalue()


def _story(live_server):
    june = made_directly(live_server, "June", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        owner = db.get(User, june.id)
        for title, notes, colours, key in (
                ("Evening hills", "I painted this after a long walk. The sun felt like company.",
                 {}, "art-weather-inside"),
                ("Storm, then calm", "The left side was the morning. The right side is now.",
                 {"sky": (90, 90, 120), "sun": (230, 230, 240), "ground": (60, 70, 90)}, "art-two-halves"),
                ("", "", {"sky": (230, 180, 150), "sun": (250, 240, 200), "ground": (150, 90, 70)}, "")):
            art.save_piece(db, owner, painting(720, 540, **colours), title, notes,
                           prompt=prompts.prompt(key) if key else None)
        art.save_piece(db, owner, _portrait_photo(), "Window light", "Taken on my phone, held upright.")
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "June")
        consent.accept_invitation(db, owner, code, ["art", "journal"])
        db.commit()
    return june, rowan


def test_creativity_pages_pass_axe_and_are_saved_as_screenshots(live_server, new_context, screenshots):
    june, rowan = _story(live_server)
    album = Album(screenshots, prefix="creativity-")
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot

        sign_in(page, june.email)
        page.goto("/journal/new?feeling=anxious&strategy=mindfulness")
        expect(page.get_by_role("link", name=re.compile("Write from this prompt")).first).to_be_visible()
        shot("prompt-picker")
        page.goto("/journal/new?feeling=low&suggest=1")
        expect(page.locator(".chosen-prompt blockquote")).to_be_visible()
        shot("prompt-chosen")
        page.goto("/art")
        tall = page.get_by_role("img", name="Window light")
        expect(tall).to_have_js_property("complete", True)
        assert tall.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [480, 640]  # upright
        shot("gallery")
        page.get_by_role("link", name=re.compile("Window light")).click()
        expect(page.get_by_role("heading", name="Window light")).to_be_visible()
        page.wait_for_function("() => { const i = document.querySelector('img.full'); return i && i.complete; }")
        assert page.locator("img.full").evaluate("img => [img.naturalWidth, img.naturalHeight]") == [540, 720]
        shot("piece-portrait")
        page.goto("/art")
        page.get_by_role("link", name=re.compile("Evening hills")).click()
        expect(page.get_by_role("heading", name="Evening hills")).to_be_visible()
        shot("piece")
        page.goto("/art/new?medium=collage")
        shot("art-prompts")
        page.get_by_label("Your picture").set_input_files(_file("notes.png", b"not a picture"))
        page.get_by_label("A title (optional)").fill("Kitchen table")
        page.get_by_role("button", name="Add to my gallery").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("upload-error")
        page.goto("/practices")
        expect(page.get_by_role("heading", name="Music and movement")).to_be_visible()
        shot("practices-hub")
        page.get_by_role("link", name="More music and movement").click()
        page.get_by_label("How are you feeling?").select_option("anxious")
        page.get_by_role("button", name="Show what may help").click()
        shot("music-and-movement")
        page.get_by_role("link", name=re.compile("Note how it went.*Hum a long, low note")).click()
        expect(page.locator("blockquote.tried")).to_contain_text("Hum a long, low note")
        page.get_by_label("Minutes").fill("4")
        page.get_by_label("Before").fill("3")
        page.get_by_label("After").fill("6")
        page.get_by_role("button", name="Save to my log").click()
        expect(page.get_by_role("status")).to_be_visible()
        expect(page.get_by_role("cell", name=re.compile("Music \\(Hum a long, low note")).first).to_be_visible()
        shot("music-logged")
        page.get_by_role("button", name="Sign out").click()

        sign_in(page, rowan.email)
        page.goto("/caseload")
        page.get_by_role("link", name="June").click()
        page.get_by_role("link", name="June's gallery").click()
        expect(page.get_by_role("heading", name="June's art")).to_be_visible()
        shot("therapist-gallery")
    assert_no_axe_problems(album.problems)
