"""The SMART analyser reads a goal's wording the way a kind, careful person would."""

import importlib

import pytest

from holdspace.goals.smart import CRITERIA, analyse


def judged(text, **kw):
    d = analyse(text, **kw).as_dict()
    return d["specific"], d["measurable"], d["time_bound"]


def test_a_vague_wish_meets_none_of_the_three_and_gets_concrete_questions():
    result = analyse("Be happier.")
    assert (result.specific.met, result.measurable.met, result.time_bound.met) == (False, False, False)
    assert any("By when?" in s for s in result.suggestions)
    assert any("How will you know" in s for s in result.suggestions)
    assert "feeling or a state" in result.specific.reason


def test_the_issues_example_is_specific_measurable_and_time_bound_and_quotes_its_words():
    result = analyse("Walk 20 minutes three times a week until the end of March.")
    assert (result.specific.met, result.measurable.met, result.time_bound.met) == (True, True, True)
    assert "three times a week" in result.measurable.reason
    assert "until the end of March" in result.time_bound.reason  # the client's own capitals


@pytest.mark.parametrize("text", [
    "Meditate three times a week.", "Meditate every other day.", "Meditate daily.",
    "Meditate twice a month.", "Meditate on alternate days.", "Meditate 5 days out of 7.",
    "Meditate every weekday morning.", "Meditate on Sunday evenings.", "Meditate once a fortnight.",
])
def test_many_phrasings_of_how_often_are_measurable_but_not_a_time_frame(text):
    assert judged(text) == (True, True, False)


@pytest.mark.parametrize("text", [
    "Call my sister by March.", "Call my sister until the end of the month.",
    "Call my sister before my birthday.", "Call my sister in six weeks.",
    "Call my sister within a fortnight.", "Call my sister this weekend.", "Call my sister on Sunday.",
    "Call my sister before Christmas.", "Call my sister by the 3rd.", "Call my sister tomorrow.",
    "Call my sister before our next session.", "Call my sister in May.", "Call my sister by 2027.",
])
def test_many_phrasings_of_a_deadline_are_time_bound(text):
    assert judged(text)[2] is True


@pytest.mark.parametrize("text", [
    "Go to bed by 11pm every night.", "Read before bed.", "Eat breakfast before work.",
    "Stop scrolling in bed, starting tonight.", "Apply to five jobs a week until I get an offer.",
    "I may try painting again.", "Train for a 10k by doing three runs a week.",
])
def test_a_time_of_day_a_start_date_or_an_open_until_is_not_a_deadline(text):
    assert judged(text)[2] is False


@pytest.mark.parametrize("text", ["Exercise more.", "Sleep better.", "Drink more water.",
                                  "Improve my mental health.", "Be kinder to myself."])
def test_more_better_and_directions_are_neither_specific_nor_measurable(text):
    assert judged(text)[:2] == (False, False)


def test_a_single_act_can_be_ticked_off_but_an_ongoing_activity_needs_an_amount():
    assert judged("Book an appointment with my GP.") == (True, True, False)
    assert judged("Go to the dentist.") == (True, True, False)
    assert judged("Go to the gym.")[:2] == (True, False)
    assert judged("Go running.")[:2] == (True, False)


def test_a_broad_activity_becomes_specific_with_an_amount_or_a_place():
    assert judged("Exercise.")[0] is False
    assert judged("Exercise regularly.")[0] is False
    assert judged("Exercise for 30 minutes three days a week.")[0] is True
    assert judged("Volunteer at the animal shelter every other Sunday.")[0] is True
    assert judged("Learn Spanish.")[0] is False
    assert judged("Learn three new recipes.")[0] is True


def test_a_reason_makes_it_relevant_without_its_comparative_counting_against_the_goal():
    result = analyse("Walk for 20 minutes every day so that I sleep better.")
    assert result.relevant.met is True and result.specific.met is True and result.measurable.met is True
    assert analyse("Walk for 20 minutes every day.").relevant.met is None
    assert analyse("Walk for 20 minutes every day.", why="I'd feel less stuck").relevant.met is True


def test_achievable_is_unknown_from_words_alone_but_all_or_nothing_words_count_against_it():
    assert analyse("Walk every day.").achievable.met is None
    assert analyse("Never eat chocolate ever again.").achievable.met is False
    assert analyse("Walk every day.", confidence=8).achievable.met is True
    low = analyse("Walk every day.", confidence=4)
    assert low.achievable.met is False and "smaller step" in low.achievable.suggestion
    with pytest.raises(ValueError):
        analyse("Walk every day.", confidence=11)


def test_every_criterion_has_a_reason_and_unmet_ones_a_question():
    for text in ("Journal.", "Be happier", "Read 20 pages every night before bed until June."):
        result = analyse(text)
        for name, criterion in result.criteria():
            assert criterion.reason, name
            if criterion.met is False:
                assert criterion.suggestion.endswith("?") or "?" in criterion.suggestion, name
    assert list(analyse("x y").as_dict())[:5] == list(CRITERIA)


def test_a_smart_goal_is_recognised_as_a_whole():
    assert analyse("Walk 20 minutes three times a week until the end of March.").is_smart
    assert not analyse("Walk more.").is_smart
    assert not analyse("Walk every single day until June.").is_smart  # all-or-nothing


def test_the_core_is_pure_and_its_public_names_exist():
    module = importlib.import_module("holdspace.goals.smart")
    assert module.__all__ and all(hasattr(module, n) for n in module.__all__)
    source = open(module.__file__).read()
    assert "sqlalchemy" not in source and "holdspace.web" not in source and "settings" not in source


def test_analyze_smart_follows_the_batch_contract(analyze):
    out = analyze("smart", [{"text": "Walk 20 minutes three times a week until the end of March."},
                            {"text": ""}, {"text": 3}, {"text": "Walk daily", "confidence": 12},
                            {"text": "Walk daily", "confidence": 9, "why": "more energy"},
                            "not json", {"text": "Be happier"}])
    assert len(out) == 7
    assert out[0]["specific"] and out[0]["measurable"] and out[0]["time_bound"]
    assert out[0]["achievable"] is None and out[0]["relevant"] is None
    assert isinstance(out[0]["suggestions"], list)
    assert "empty" in out[1]["error"] and "string" in out[2]["error"]
    assert "0 to 10" in out[3]["error"]
    assert out[4]["achievable"] is True and out[4]["relevant"] is True
    assert "valid JSON" in out[5]["error"]
    assert out[6]["specific"] is False and out[6]["suggestions"]
