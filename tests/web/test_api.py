"""The JSON API: the same features as the pages, with clear 4xx answers."""


def test_openapi_describes_the_api_and_not_the_pages(web):
    spec = web.get("/api/v1/openapi.json").json()
    assert "/api/v1/checkins" in spec["paths"] and "/checkins" not in spec["paths"]


def test_a_client_signs_up_checks_in_and_reads_it_back(web):
    created = web.post("/api/v1/users", json={"email": "kim@example.org", "display_name": "Kim",
                                              "password": "a calm long passphrase"})
    assert created.status_code == 201
    headers = {"Authorization": f"Bearer {created.json()['token']}"}
    saved = web.post("/api/v1/checkins", json={"mood": 6, "feelings": ["calm"], "note": "ok day"},
                     headers=headers)
    assert saved.status_code == 201 and saved.json()["mood_word"] == "okay"
    listed = web.get("/api/v1/checkins", headers=headers).json()
    assert [(c["mood"], c["note"]) for c in listed] == [(6, "ok day")]


def test_bad_input_is_a_4xx_with_a_message_per_field(personas, api_token, web):
    headers = api_token(personas.alice)
    response = web.post("/api/v1/checkins", json={"mood": 12, "feelings": ["sad", "zzz"]}, headers=headers)
    assert response.status_code == 400
    body = response.json()
    assert set(body["fields"]) == {"mood", "feelings"} and body["error"]
    wrong_type = web.post("/api/v1/checkins", json={"mood": "high"}, headers=headers)
    assert wrong_type.status_code == 422 and "mood" in wrong_type.json()["fields"]
    not_json = web.post("/api/v1/checkins", content=b"{oops", headers={**headers, "content-type": "application/json"})
    assert not_json.status_code == 422 and not_json.json()["error"]


def test_signing_in_by_api_gives_a_token_and_signing_out_ends_it(personas, web):
    token = web.post("/api/v1/session", json={"email": "alice@example.org",
                                              "password": "correct horse battery"}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert web.get("/api/v1/me", headers=headers).json()["role"] == "client"
    assert web.delete("/api/v1/session", headers=headers).status_code == 204
    assert web.get("/api/v1/me", headers=headers).status_code == 401


def test_a_wrong_password_by_api_gets_the_same_answer_as_an_unknown_email(personas, web):
    wrong = web.post("/api/v1/session", json={"email": "alice@example.org", "password": "nope"})
    unknown = web.post("/api/v1/session", json={"email": "who@example.org", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json() == unknown.json()


def test_cookie_sessions_need_the_form_token_for_api_writes(personas, sign_in):
    alice = sign_in(personas.alice)
    refused = alice.post("/api/v1/checkins", json={"mood": 5})
    assert refused.status_code == 400
    accepted = alice.post("/api/v1/checkins", json={"mood": 5},
                          headers={"x-csrf-token": alice.form_token()})
    assert accepted.status_code == 201


def test_a_client_shares_and_revokes_through_the_api(personas, api_token, web):
    alice, carol = api_token(personas.alice), api_token(personas.carol)
    web.post("/api/v1/checkins", json={"mood": 3}, headers=alice)
    url = f"/api/v1/clients/{personas.alice.id}/checkins"
    assert web.get(url, headers=carol).status_code == 200
    web.put(f"/api/v1/links/{personas.link_id}/shares", json={"categories": []}, headers=alice)
    assert web.get(url, headers=carol).status_code == 404
    assert web.get("/api/v1/caseload", headers=carol).json()[0]["shared"] == []


def test_a_therapist_invites_by_api_and_the_code_links_a_client(personas, api_token, web):
    created = web.post("/api/v1/invitations", json={"label": "Bob"}, headers=api_token(personas.dave))
    code = created.json()["code"]
    linked = web.post("/api/v1/links", json={"code": code, "categories": ["mood"]},
                      headers=api_token(personas.bob))
    assert linked.status_code == 201 and linked.json()["shared"] == ["mood"]
    assert all(i["code"] is None for i in web.get("/api/v1/invitations", headers=api_token(personas.dave)).json())


def test_the_crisis_lines_need_no_sign_in(web):
    lines = web.get("/api/v1/crisis-lines").json()
    assert lines["country"] == "US" and lines["emergency"] == "911"
    assert any(line["call"] == "988" and line["text"] == "988" for line in lines["lines"])


def test_a_hidden_nul_character_gets_a_kind_error_on_every_database(personas, web, api_token):
    login = web.post("/api/v1/session", json={"email": "alice\u0000@example.org", "password": "x"})
    assert login.status_code == 400 and "NUL" in login.json()["error"]
    invite = web.post("/api/v1/invitations", json={"label": "Sam\u0000"}, headers=api_token(personas.carol))
    assert invite.status_code == 400
