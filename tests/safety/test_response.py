"""The crisis response: fixed, versioned, localised; call and text routes in its first two sentences."""

import pytest

from holdspace.safety import crisis_lines
from holdspace.safety.output_filter import check_output
from holdspace.safety.response import VARIANTS, crisis_response, variant_for, version

COUNTRIES = ["US", "GB", "IE", "CA", "AU", "NZ"]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_first_two_sentences_give_a_call_and_a_text_route_for_the_country(country, variant):
    response = crisis_response(country, has_safety_plan=False, variant=variant)
    first, second = response.sentences[0], response.sentences[1]
    assert response.call is not None and response.call.call in first
    assert response.text is not None and response.text.text in second
    assert "call" in first.lower() and "text" in second.lower()
    # someone else being hurt by a person may be happening now: those two give the emergency number first
    emergency_first = variant in ("someone_else_hurt", "child_hurt")
    assert crisis_lines.lines_for(country).emergency in (first if emergency_first else second)


@pytest.mark.parametrize("country", COUNTRIES + ["INT", "FR"])
def test_it_acknowledges_asks_directly_offers_the_plan_and_stays_present(country):
    response = crisis_response(country, has_safety_plan=True)
    assert response.sentences[0].startswith("Thank you for telling me")
    assert any("are you safe right now" in s.lower() and s.endswith("?") for s in response.sentences)
    assert any("your own safety plan" in s.lower() for s in response.sentences)
    assert "I'm software, not a person" in response.message and "I'm still here" in response.message


def test_without_a_plan_it_offers_to_make_one():
    response = crisis_response("GB", has_safety_plan=False)
    assert not response.safety_plan_offered
    assert "make a safety plan together" in response.message


def test_an_unlisted_country_gets_the_international_fallback():
    response = crisis_response("FR", has_safety_plan=False)
    assert response.country == "INT" and response.call is None
    assert "findahelpline.com" in response.sentences[0]
    assert "your local emergency number" in response.sentences[1]


def test_it_is_versioned_and_fixed():
    a = crisis_response("US", has_safety_plan=True)
    b = crisis_response("US", has_safety_plan=True)
    assert a == b and a.version == version() and version()


def test_its_own_words_pass_the_output_filter():
    for country in COUNTRIES + ["INT"]:
        for variant in VARIANTS:
            for plan in (True, False):
                assert check_output(crisis_response(country, has_safety_plan=plan, variant=variant).message, ours=True) == []


def test_someone_else_variant_speaks_about_the_other_person():
    response = crisis_response("NZ", has_safety_plan=False, variant="someone_else")
    assert "worried about someone" in response.sentences[0]


def test_an_unknown_variant_is_refused():
    with pytest.raises(ValueError):
        crisis_response("US", has_safety_plan=False, variant="casual")


def test_the_variant_follows_the_assessment():
    from holdspace.safety.response import variant_for
    from holdspace.safety.risk import assess

    assert variant_for(assess("I'm going to kill myself tonight")) == "urgent"
    assert variant_for(assess("I wish I wasn't alive")) == "concern"
    assert variant_for(assess("my friend says she wants to die")) == "someone_else"
    assert variant_for(assess("lovely walk today")) is None
    # hurt or threatened by someone: asked about their safety from that person, not about suicide
    assert variant_for(assess("last week he pushed me into the wall")) == "hurt_by_someone"
    assert variant_for(assess("He has a knife and he's coming up the stairs.")) == "hurt_by_someone"
    assert variant_for(assess("I'm scared for my life, he says he'll kill me tonight.")) == "hurt_by_someone"
    assert variant_for(assess("he hits me and I want to die")) == "concern"
    assert variant_for(assess("my sister's boyfriend hits her")) == "someone_else_hurt"
    # thoughts of hurting someone else: asked whether they might act, not about ending their own life
    assert variant_for(assess("i keep having thoughts of hurting my son")) == "harm_to_others"
    assert variant_for(assess("im going to hurt him tonight")) == "harm_to_others"


def test_thoughts_of_hurting_someone_are_met_without_judgement_and_asked_about_acting_on_them():
    response = crisis_response("AU", has_safety_plan=False, variant="harm_to_others")
    assert "13 11 14" in response.sentences[0] and "000" in response.sentences[1]
    assert any("might act on these thoughts" in s and s.endswith("?") for s in response.sentences)
    assert "ending your life" not in response.message and "judging you" in response.message


def test_someone_hurt_by_another_person_is_asked_about_their_safety_from_them():
    response = crisis_response("IE", has_safety_plan=False, variant="hurt_by_someone")
    assert "no one has the right to hurt" in response.sentences[0]
    assert any("is the person who hurt you near you?" in s for s in response.sentences)
    assert "ending your life" not in response.message and "safe people and places" in response.message


# --- reads as English in every country, and says truthfully who is told -------------------------

def _every_rendering():
    for country in COUNTRIES + ["INT"]:
        for variant in VARIANTS:
            for plan in (True, False):
                for told in (None, (), ("Dr Rowan Ellis",), ("Dr Ellis", "Dr Sato")):
                    yield country, crisis_response(country, has_safety_plan=plan, variant=variant, told=told)


def test_no_rendering_names_a_line_by_its_number_and_then_gives_the_number_again():
    import re

    for country, response in _every_rendering():
        message = response.message
        assert "on 988" not in message and "Lifeline on" not in message, (country, message)
        assert not re.search(r"\b(\w+) \1\b", message, re.IGNORECASE), (country, message)  # "the the"
        assert "  " not in message and " ," not in message and " ." not in message, (country, message)
        assert "{" not in message and "}" not in message, (country, message)
        assert "()" not in message and "(, " not in message, (country, message)
        for sentence in response.sentences:
            assert sentence[0].isupper() or sentence.startswith("holdspace"), (country, sentence)
            assert sentence.endswith((".", "?")), (country, sentence)


def test_the_us_and_uk_openings_read_naturally():
    us = crisis_response("US", has_safety_plan=False, told=())
    assert us.sentences[0].endswith("so please call 988 to reach the Suicide & Crisis Lifeline (24/7, free).")
    assert us.sentences[1].startswith("If speaking feels like too much, you can instead text 988, and if")
    gb = crisis_response("GB", has_safety_plan=False, told=())
    assert gb.sentences[0].endswith("so please call 116 123 to reach Samaritans (24/7, free).")
    assert "text SHOUT to 85258 to reach a Shout volunteer (24/7, free)" in gb.sentences[1]


def test_it_names_the_therapists_the_client_asked_to_be_told():
    one = crisis_response("GB", has_safety_plan=False, told=("Dr Rowan Ellis",))
    assert "Because you asked for this, Dr Rowan Ellis will get a note" in one.message
    two = crisis_response("GB", has_safety_plan=False, told=("Dr Ellis", "Dr Sato"))
    assert "Dr Ellis and Dr Sato will get a note" in two.message


def test_it_never_says_nobody_is_told_unless_that_is_known():
    assert "Nobody else is told" in crisis_response("US", has_safety_plan=False, told=()).message
    unknown = crisis_response("US", has_safety_plan=False).message
    assert "Nobody" not in unknown and "will get a note" not in unknown


def test_every_rendering_says_holdspace_is_not_watched_around_the_clock():
    for country, response in _every_rendering():
        assert "isn't watched around the clock" in response.message, country


@pytest.mark.parametrize("country, number", [("US", "1-800-799-7233"), ("GB", "0808 2000 247"), ("IE", "1800 341 900"),
                                             ("AU", "1800 737 732"), ("NZ", "0800 733 843")])
def test_someone_being_hurt_is_offered_the_country_s_domestic_abuse_line_first(country, number):
    response = crisis_response(country, has_safety_plan=False, variant="hurt_by_someone")
    assert response.call.for_abuse and f"call {number}" in response.sentences[0]
    # everyone else keeps the general crisis line, and a new safety plan doesn't start with it
    assert not crisis_response(country, has_safety_plan=False, variant="urgent").call.for_abuse
    from holdspace.safety.plan import starting_lines

    assert not any(number in line for line in starting_lines(country))


def test_canada_without_a_national_abuse_line_keeps_its_crisis_line():
    response = crisis_response("CA", has_safety_plan=False, variant="hurt_by_someone")
    assert "call 988" in response.sentences[0]


def test_a_concern_only_the_classifier_heard_is_classifier_only_and_nothing_else_is():
    from holdspace.safety.classifier import REASON
    from holdspace.safety.risk import COULD_NOT_CHECK, Assessment, classifier_only

    assert classifier_only(Assessment("concern", [REASON]))
    assert not classifier_only(Assessment("concern", [REASON, COULD_NOT_CHECK]))
    assert not classifier_only(Assessment("concern", [COULD_NOT_CHECK]))
    assert not classifier_only(Assessment("urgent", [REASON]))
    assert not classifier_only(Assessment("none"))


def test_a_concern_only_the_classifier_heard_calls_for_the_gentle_check_in():
    from holdspace.safety.classifier import REASON
    from holdspace.safety.response import GENTLE, variant_for
    from holdspace.safety.risk import Assessment, assess

    assert variant_for(Assessment("concern", [REASON])) == GENTLE
    assert variant_for(assess("I wish I wasn't alive")) == "concern"


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_gentle_check_in_asks_first_then_gives_a_call_and_a_text_route_for_the_country(country):
    from holdspace.safety.response import GENTLE

    response = crisis_response(country, has_safety_plan=False, variant=GENTLE)
    assert "we may be reading too much into it" in response.sentences[0]
    assert response.sentences[1].endswith("?") and "ending your life" in response.sentences[1]
    routes = response.sentences[2]
    assert response.call.call in routes and response.text.text in routes and "text" in routes
    assert crisis_lines.lines_for(country).emergency in routes
    assert "start a safety plan" in response.message


def test_the_gentle_check_in_says_who_is_told_and_passes_the_output_filter():
    from holdspace.safety.response import GENTLE

    for country in COUNTRIES + ["INT"]:
        for plan in (True, False):
            for told in ((), ("Carol",), None):
                response = crisis_response(country, has_safety_plan=plan, variant=GENTLE, told=told)
                assert check_output(response.message, ours=True) == [] and all(response.sentences)
    assert "Carol will get a note" in crisis_response("GB", has_safety_plan=True, variant=GENTLE, told=("Carol",)).message
    assert "Nobody else is told" in crisis_response("GB", has_safety_plan=True, variant=GENTLE, told=()).message


@pytest.mark.parametrize("text", ["my mate says his stepdad is coming after him with a knife right now",
                                  "my friend just took 40 paracetamol"])
def test_someone_else_in_danger_now_gets_help_to_help_them_not_questions_about_the_writers_own_life(text):
    from holdspace.safety.response import variant_for
    from holdspace.safety.risk import assess

    assessment = assess(text)
    assert assessment.level == "urgent" and variant_for(assessment) == "someone_else_urgent"
    response = crisis_response("GB", has_safety_plan=False, variant=variant_for(assessment))
    assert "someone you care about may be in danger right now" in response.sentences[0]
    assert "call 999 now" in response.sentences[1]
    assert "ending your life" not in response.message


def test_an_urgent_only_the_risk_model_heard_gets_the_gentle_check_in_and_stays_urgent():
    from holdspace.safety.classifier import URGENT_REASON
    from holdspace.safety.levels import SENTENCES
    from holdspace.safety.risk import Assessment, classifier_only

    heard = Assessment("urgent", [URGENT_REASON])
    assert classifier_only(heard) and variant_for(heard) == "unsure" and heard.level == "urgent"
    ruled = Assessment("urgent", [SENTENCES["thoughts"], URGENT_REASON])
    assert not classifier_only(ruled) and variant_for(ruled) == "urgent"
