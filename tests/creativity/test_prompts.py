"""Our prompt libraries, and journal entries written from a prompt: picked, kept, carried along."""

import html
import random
import re
from dataclasses import replace

import pytest
from sqlalchemy import text

from holdspace.creativity import journal, prompts
from holdspace.database import open_database
from holdspace.errors import InvalidInput, NotFound
from holdspace.privacy import consent, export

SEED_STRATEGIES = {"heard", "empathy", "mindfulness", "self-compassion", "creativity", "resilience", "goals",
                   "journey"}


def test_the_journal_library_has_at_least_sixty_prompts_across_every_strategy_and_feeling():
    library = prompts.journal_prompts()
    assert len(library) >= 60
    assert SEED_STRATEGIES <= set(prompts.strategies())
    for strategy in prompts.strategies():
        assert len(prompts.journal_prompts(strategy=strategy)) >= 5, strategy
    for feeling in prompts.feelings():
        assert len(prompts.journal_prompts(feeling=feeling)) >= 5, feeling


def test_every_prompt_has_a_unique_key_known_tags_and_ends_like_a_sentence():
    everything = prompts.journal_prompts() + prompts.art_prompts() + prompts.moving_prompts()
    keys = [p.key for p in everything]
    assert len(keys) == len(set(keys))
    for p in everything:
        assert re.fullmatch(r"[a-z0-9-]{3,48}", p.key), p.key
        assert p.feelings and set(p.feelings) <= set(prompts.feelings()), p.key
        assert set(p.strategies) <= set(prompts.strategies()) and set(p.media) <= set(prompts.art_media())
        assert p.text[-1] in ".?!\"" and 20 < len(p.text) < 300, p.key


def test_art_music_and_movement_libraries_are_big_enough():
    assert len(prompts.art_prompts()) >= 20
    assert set(prompts.art_media()) == {m for p in prompts.art_prompts() for m in p.media}
    assert len(prompts.moving_prompts("music")) >= 15
    assert len(prompts.moving_prompts("movement")) >= 15


def test_filtering_by_feeling_and_strategy_returns_only_prompts_with_both_tags():
    found = prompts.journal_prompts(feeling="lonely", strategy="resilience")
    assert found and all("lonely" in p.feelings and "resilience" in p.strategies for p in found)
    assert prompts.journal_prompts(feeling="no-such-feeling") == ()


def test_a_gentle_suggestion_comes_from_the_choices_and_avoids_the_one_just_shown():
    choices = prompts.journal_prompts(feeling="angry")
    rng = random.Random(7)
    picked = {prompts.suggest(choices, rng=rng, avoid=choices[0].key).key for _ in range(200)}
    assert picked <= {p.key for p in choices} and choices[0].key not in picked and len(picked) > 1
    only = choices[:1]
    assert prompts.suggest(only, avoid=only[0].key) == only[0]  # nothing else to offer
    with pytest.raises(NotFound):
        prompts.suggest(())


def test_an_entry_keeps_its_prompt_sealed_and_shows_it_when_read(db, personas):
    chosen = prompts.prompt("compassion-friend-letter")
    entry = journal.write_entry(db, personas.alice, "Dear me, go easy.", prompt=chosen)
    db.commit()
    raw = db.execute(text("SELECT prompt_sealed FROM journal_entries WHERE id = :i"), {"i": entry.id}).scalar()
    assert raw and b"friend" not in bytes(raw)
    read = journal.entries(db, personas.alice.id)[0]
    assert read.prompt.key == "compassion-friend-letter" and read.prompt.text == chosen.text


def test_a_private_entry_shows_its_prompt_to_its_writer_without_the_passphrase(db, personas):
    journal.write_entry(db, personas.alice, "locked words", private=True, passphrase="long passphrase",
                        confirm="long passphrase", prompt=prompts.prompt("mindful-right-now"))
    db.commit()
    listed = next(e for e in journal.entries(db, personas.alice.id) if e.prompt)
    assert listed.body == "" and listed.prompt.key == "mindful-right-now"


def test_an_unknown_prompt_key_is_refused_kindly():
    with pytest.raises(InvalidInput) as caught:
        journal.chosen_prompt("made-up-prompt")
    assert "still here" in caught.value.fields["prompt"]
    with pytest.raises(InvalidInput):
        journal.chosen_prompt("art-safe-place")  # an art prompt is not a journal prompt
    assert journal.chosen_prompt("") is None


def test_the_new_entry_page_lists_prompts_for_a_feeling_and_shows_the_chosen_one(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.get("/journal/new?feeling=lonely&strategy=resilience").text
    assert "Who are the people, animals or places that steady you?" in page
    assert "Write from this prompt" in page
    chosen = alice.get("/journal/new?prompt=resilience-people&feeling=lonely").text
    assert 'name="prompt" value="resilience-people"' in chosen
    assert "<blockquote>Who are the people, animals or places that steady you?" in chosen


def test_asking_for_a_suggestion_offers_one_prompt_that_fits_the_feeling(personas, sign_in):
    alice = sign_in(personas.alice)
    angry = {p.key for p in prompts.journal_prompts(feeling="angry")}
    for _ in range(5):
        page = alice.get("/journal/new?feeling=angry&suggest=1").text
        key = re.search(r'name="prompt" value="([^"]+)"', page).group(1)
        assert key in angry


def test_an_entry_written_from_a_prompt_is_listed_with_it(personas, sign_in):
    alice = sign_in(personas.alice)
    saved = alice.submit("/journal", {"body": "Three good things: tea, sun, a call.",
                                      "prompt": "meaning-three-good-things"}, page="/journal/new")
    assert saved.status_code == 303
    listing = alice.get("/journal").text
    assert "From the prompt: Write down three things from today" in listing


def test_a_mistake_brings_the_form_back_with_the_prompt_and_the_words(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/journal", {"body": "my words so far", "prompt": "goals-tiny-step", "private": "yes",
                                     "passphrase": "short", "confirm": "short", "feeling": "low"},
                        page="/journal/new")
    assert page.status_code == 400
    assert "my words so far" in page.text and 'name="prompt" value="goals-tiny-step"' in page.text
    unknown = alice.submit("/journal", {"body": "still mine", "prompt": "gone-prompt"}, page="/journal/new")
    assert unknown.status_code == 400 and "still mine" in unknown.text and "isn't in holdspace's library" in html.unescape(unknown.text)


def test_the_api_lists_prompts_and_saves_an_entry_with_one(personas, sign_in, api_token):
    web = sign_in(None)
    listed = web.get("/api/v1/journal/prompts", params={"feeling": "numb"}).json()
    assert listed and all("numb" in p["feelings"] for p in listed)
    headers = api_token(personas.alice)
    saved = web.post("/api/v1/journal", json={"body": "flat today", "prompt": "meaning-nothing-to-feel"},
                     headers=headers)
    assert saved.status_code == 201 and saved.json()["prompt_key"] == "meaning-nothing-to-feel"
    wrong = web.post("/api/v1/journal", json={"body": "flat today", "prompt": "nope"}, headers=headers)
    assert wrong.status_code == 400


def test_the_therapist_sees_the_prompt_with_a_shared_entry(db, personas, sign_in):
    consent.set_shares(db, personas.alice, personas.link_id, ["journal"])
    journal.write_entry(db, personas.alice, "I'd like them to know I'm tired.",
                        prompt=prompts.prompt("heard-wish-they-knew"))
    db.commit()
    page = sign_in(personas.carol).get(f"/clients/{personas.alice.id}").text
    assert "From the prompt: What do you wish the people around you understood" in page


def test_prompts_travel_in_an_export_and_come_back_on_import(db, personas, settings, tmp_path):
    journal.write_entry(db, personas.alice, "open, from a prompt", prompt=prompts.prompt("creative-colour"))
    journal.write_entry(db, personas.alice, "private, from a prompt", private=True, passphrase="river stones",
                        confirm="river stones", prompt=prompts.prompt("journey-then-and-now"))
    db.commit()
    data = export.export_data(db, personas.alice)
    assert {e["prompt"]["key"] for e in data["journal"] if "prompt" in e} == {"creative-colour",
                                                                              "journey-then-and-now"}
    archive = export.export_archive(db, personas.alice)
    db.commit()
    other = open_database(replace(settings, data_dir=tmp_path / "o", key_file=tmp_path / "o.key",
                                  database_url=f"sqlite:///{tmp_path / 'o' / 'h.sqlite3'}"))
    with other.sessionmaker() as session:
        user = export.import_data(session, export.read_archive(archive))
        session.commit()
        again = export.export_data(session, user)
    other.dispose()
    assert [e.get("prompt") for e in again["journal"]] == [e.get("prompt") for e in data["journal"]]


def test_an_export_with_a_damaged_prompt_is_refused_by_name():
    data = {"format": "holdspace-export", "version": 1,
            "account": {"email": "kim@example.org", "display_name": "Kim", "role": "client",
                        "created_at": "2026-10-01T10:00:00+00:00", "password_hash": "$argon2id$v=19$x"},
            "checkins": [], "journal": [{"created_at": "2026-10-02T10:00:00+00:00", "private": False,
                                         "body": "words", "prompt": {"key": "x"}}]}
    with pytest.raises(InvalidInput, match="journal entry 1's prompt is damaged"):
        export._check(data)


def test_the_cli_lists_prompts_for_a_feeling_and_refuses_an_unknown_one(cli):
    result = cli("journal", "prompts", "--feeling", "lonely")
    assert result.exit_code == 0
    assert "meaning-lonely-company" in result.output and "anger-values" not in result.output
    unknown = cli("journal", "prompts", "--feeling", "sadd")
    assert unknown.exit_code == 2 and "anxious, low" in unknown.output


@pytest.mark.parametrize("name", ["holdspace.creativity.prompts", "holdspace.creativity.images",
                                  "holdspace.creativity.art", "holdspace.creativity.hidden_details",
                                  "holdspace.creativity.thumbnails"])
def test_every_public_name_of_the_creativity_modules_exists(name):
    import importlib

    module = importlib.import_module(name)
    assert module.__all__ and all(hasattr(module, n) for n in module.__all__)
