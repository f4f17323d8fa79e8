"""Someone else being hurt by another person: the danger is that person, so the reply is about getting help to them.

A teacher, a friend or a sibling tells of someone hit, beaten or touched by another person. The reply gives the
country's lines for that (a child-protection line for a child, the domestic abuse line for an adult), says to call
the emergency number if they are in danger now, asks whether they and the writer are safe, and never asks whether
anyone is thinking about suicide. A friend who wants to die, and the writer's own abuse, keep their own replies.
"""

import re

import pytest

from holdspace.safety import crisis_lines
from holdspace.safety.levels import SENTENCES
from holdspace.safety.output_filter import check_output
from holdspace.safety.response import crisis_response, variant_for
from holdspace.safety.risk import assess

COUNTRIES = ["US", "GB", "IE", "CA", "AU", "NZ"]
CHILD = [
    "one of my pupils told me her dad hits her with a belt",
    "my friend says her stepdad touches her and she made me promise not to tell",
    "my niece told me her stepdad hits her",
    "my 12 year old neighbour says her dad beats her",
    "a boy in year 4 told me his dad punches him",
    "a girl in my class says her mum burns her with cigarettes",
    "my little brother's dad hits him",
]
ADULT = [
    "my sister's boyfriend hits her and she won't leave",
    "my friend's husband hits her",
    "my colleague's husband beats her",
    "i think my mum's partner hits her",
    "he hit my mum",
    "my dad hits my mum",  # a parent hurting an adult: the one hurt is not a child
]
# (Canada's fallback line is named the Suicide Crisis Helpline: naming a line is not asking about suicide.)
SUICIDE = re.compile(r"about suicide|thinking of suicide|ending (?:your|their) life|end (?:your|their) life|"
                     r"kill (?:yourself|themselves)|(?:want|wants|wanting) to die", re.I)


@pytest.mark.parametrize("text", CHILD)
def test_a_child_hurt_by_someone_gets_the_child_reply(text):
    assessment = assess(text)
    assert assessment.level in ("concern", "urgent")
    assert variant_for(assessment) == "child_hurt", assessment.reasons


@pytest.mark.parametrize("text", ADULT)
def test_an_adult_hurt_by_someone_gets_the_someone_else_hurt_reply(text):
    assessment = assess(text)
    assert assessment.level in ("concern", "urgent")
    assert variant_for(assessment) == "someone_else_hurt", assessment.reasons


def test_the_reasons_say_plainly_that_someone_else_is_being_hurt_by_a_person():
    adult = assess("my sister's boyfriend hits her and she won't leave").reasons
    assert adult == [SENTENCES["third_party_hurt"]]
    child = assess("one of my pupils told me her dad hits her with a belt").reasons
    assert child == [SENTENCES["third_party_hurt"], SENTENCES["third_party_child"]]
    for reason in adult + child:
        assert reason[0].isupper() and reason.endswith(".") and "may be at risk" not in reason


def test_someone_being_beaten_right_now_is_urgent_and_the_emergency_number_comes_first():
    assessment = assess("my neighbour's husband is beating her right now, i can hear her screaming")
    assert assessment.level == "urgent" and SENTENCES["third_party_hurt_urgent"] in assessment.reasons
    assert variant_for(assessment) == "someone_else_hurt"
    first = crisis_response("GB", has_safety_plan=False, variant="someone_else_hurt").sentences[0]
    assert "call 999" in first and first.index("999") < first.index("0808 2000 247")


def test_a_friend_who_wants_to_die_still_gets_the_someone_else_reply():
    assert variant_for(assess("my friend wants to die")) == "someone_else"
    assert variant_for(assess("my best friend told me she wants to kill herself")) == "someone_else"
    # hurt by someone and wanting to die: whether she is thinking of suicide is still the question to ask
    assert variant_for(assess("my friend wants to die because her boyfriend hits her")) == "someone_else"


def test_the_writers_own_abuse_keeps_hurt_by_someone():
    assert variant_for(assess("he hits me")) == "hurt_by_someone"
    assert variant_for(assess("my dad hits me with a belt")) == "hurt_by_someone"


@pytest.mark.parametrize("country, call, text", [("GB", "0808 800 5000", "85258"),
                                                 ("US", "1-800-422-4453", "1-800-422-4453"),
                                                 ("NZ", "0508 326 459", "1737")])
def test_a_child_case_names_the_country_s_child_protection_line_first(country, call, text):
    response = crisis_response(country, has_safety_plan=False, variant="child_hurt")
    assert response.call.for_child and f"call {call}" in response.sentences[0]
    assert f"{text}" in response.sentences[1] and "text" in response.sentences[1]


@pytest.mark.parametrize("country, call", [("GB", "0808 2000 247"), ("US", "1-800-799-7233"), ("IE", "1800 341 900"),
                                           ("AU", "1800 737 732"), ("NZ", "0800 733 843")])
def test_an_adult_case_names_the_country_s_domestic_abuse_line_first(country, call):
    response = crisis_response(country, has_safety_plan=False, variant="someone_else_hurt")
    assert response.call.for_abuse and f"call {call}" in response.sentences[0]


@pytest.mark.parametrize("country", ["IE", "CA", "AU"])
def test_a_country_without_a_national_child_line_falls_back_to_its_abuse_or_crisis_line(country):
    here = crisis_lines.lines_for(country)
    assert not any(line.for_child for line in here.lines)
    response = crisis_response(country, has_safety_plan=False, variant="child_hurt")
    assert response.call is here.abuse_call_line and f"call {here.emergency.split()[0]}" in response.sentences[0]


@pytest.mark.parametrize("variant", ["someone_else_hurt", "child_hurt"])
@pytest.mark.parametrize("country", COUNTRIES + ["INT"])
def test_the_reply_never_asks_about_suicide_and_asks_who_is_safe_now(country, variant):
    for plan in (True, False):
        for told in (None, (), ("Dr Ellis",)):
            response = crisis_response(country, has_safety_plan=plan, variant=variant, told=told)
            message = response.message
            assert not SUICIDE.search(message), message
            assert not any("suicid" in s.lower() for s in response.sentences if s.endswith("?")), message
            assert any("safe right now" in s and "are you?" in s for s in response.sentences), message
            assert "I'm software, not a person" in message and "can't contact anyone" in message
            assert check_output(message, ours=True) == [], message


def test_the_child_reply_says_no_certainty_is_needed_follow_safeguarding_and_promise_no_secrecy():
    message = crisis_response("GB", has_safety_plan=False, variant="child_hurt").message
    assert "don't have to be certain" in message
    assert "safeguarding procedure" in message and "safeguarding lead" in message
    assert "don't promise secrecy" in message and "still right to pass it on" in message
    adult = crisis_response("GB", has_safety_plan=False, variant="someone_else_hurt").message
    assert "safeguarding lead" not in adult and "child" not in adult


def test_child_lines_are_data_with_a_source_and_stay_out_of_the_general_routes_and_a_new_plan():
    from holdspace.safety.plan import starting_lines

    found = 0
    for code, here in crisis_lines.all_countries().items():
        assert here.reviewed
        for line in (line for line in here.lines if line.for_child):
            found += 1
            assert line.source.startswith("https://") and line.call and not line.for_abuse, (code, line)
            assert here.call_line is not line and here.text_line is not line
            assert not any(line.call in step for step in starting_lines(code))
    assert found >= 3  # US, GB, NZ
    assert crisis_response("GB", has_safety_plan=False, variant="urgent").call.name.startswith("Samaritans")


def test_the_conversation_gives_the_same_replies_and_stays_with_the_worry_when_told_more():
    from holdspace.listening.listener import Listener
    from tests.listening.stand_ins import bag_of_words, rules_only, stand_in, talk

    uk = Listener(emotions=stand_in, embed=bag_of_words, risk=rules_only, country="GB")
    first, again = talk(uk, "one of my pupils told me her dad hits her with a belt", "he hits her brother too")
    assert first.variant == "child_hurt" and "0808 800 5000" in first.reply and first.crisis
    assert again.crisis and again.reply != first.reply and "999" in again.reply
    assert not SUICIDE.search(first.reply + again.reply)
    adult, = talk(uk, "my sister's boyfriend hits her and she won't leave")
    assert adult.variant == "someone_else_hurt" and "0808 2000 247" in adult.reply
