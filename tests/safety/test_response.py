"""The crisis response: fixed, versioned, localised; call and text routes in its first two sentences."""

import pytest

from holdspace.safety import crisis_lines
from holdspace.safety.output_filter import check_output
from holdspace.safety.response import VARIANTS, crisis_response, version

COUNTRIES = ["US", "GB", "IE", "CA", "AU", "NZ"]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_first_two_sentences_give_a_call_and_a_text_route_for_the_country(country, variant):
    response = crisis_response(country, has_safety_plan=False, variant=variant)
    first, second = response.sentences[0], response.sentences[1]
    assert response.call is not None and response.call.call in first
    assert response.text is not None and response.text.text in second
    assert "call" in first.lower() and "text" in second.lower()
    assert crisis_lines.lines_for(country).emergency in second


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
                assert check_output(crisis_response(country, has_safety_plan=plan, variant=variant).message) == []


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
