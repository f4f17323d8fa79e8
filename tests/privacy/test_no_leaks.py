"""Canary test: words people write never reach logs, URLs, response headers or error pages."""

import logging


from holdspace.journey import mood



CANARIES = {
    "note": "canary-note-4f1d",
    "bad_note": "canary-bad-note-9a2e",
    "api_note": "canary-api-note-77c3",
    "label": "canary-label-1b8f",
    "password": "canary-password-6d0a long",
    "boom": "canary-crash-3e5c",
}


def test_written_words_stay_out_of_logs_urls_headers_and_error_pages(personas, sign_in, web, api_token,
                                                                      caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    seen = []  # (where, text) for everything that must stay clean

    def keep(response, error_page=False):
        seen.append(("url", str(response.url)))
        seen.append(("headers", repr(dict(response.headers))))
        for hop in response.history:
            seen.append(("redirect", hop.headers.get("location", "")))
        if error_page:
            seen.append(("error page", response.text))
        return response

    alice = sign_in(personas.alice)
    keep(alice.post("/checkins", data={"mood": "5", "note": CANARIES["note"],
                                       "csrf_token": alice.form_token()}))
    keep(alice.post("/checkins", data={"mood": "99", "note": CANARIES["bad_note"],
                                       "csrf_token": alice.form_token()}))
    keep(alice.post("/checkins", data={"mood": "5", "note": CANARIES["bad_note"]}), error_page=True)  # no token
    keep(web.post("/api/v1/checkins", json={"mood": 5, "note": CANARIES["api_note"]},
                  headers=api_token(personas.alice)))
    keep(web.post("/api/v1/checkins", json={"mood": "x", "note": CANARIES["api_note"]},
                  headers=api_token(personas.alice)))
    carol = sign_in(personas.carol)
    keep(carol.post("/invitations", data={"label": CANARIES["label"], "csrf_token": carol.form_token()}))
    keep(web.post("/login", data={"email": "alice@example.org", "password": CANARIES["password"],
                                  "csrf_token": web.form_token()}))
    keep(web.post("/api/v1/session", json={"email": "alice@example.org", "password": CANARIES["password"]}))
    keep(alice.get("/no/such/page"), error_page=True)

    def explode(*args, **kwargs):
        raise RuntimeError(f"something broke while saving {CANARIES['boom']}")

    monkeypatch.setattr(mood, "record_checkin", explode)
    crashed = keep(alice.post("/checkins", data={"mood": "5", "note": CANARIES["boom"],
                                                 "csrf_token": alice.form_token()}), error_page=True)
    assert crashed.status_code == 500 and "Nothing you entered was lost" in crashed.text

    logs = "\n".join(r.getMessage() + " " + str(r.exc_info or "") for r in caplog.records)
    seen.append(("logs", logs))
    for where, text in seen:
        for name, canary in CANARIES.items():
            assert canary not in text, f"the {name} canary leaked into {where}"
