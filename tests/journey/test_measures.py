"""Questionnaire scoring against the published rules, over every answer vector where that is feasible."""

from __future__ import annotations

import itertools
import math

import pytest

from holdspace.errors import InvalidInput
from holdspace.journey import measures
from holdspace.journey.measures import check_answers, compare, instrument, score

# The published rules, written out independently of the data files.
PHQ9_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 19, "moderately-severe"),
              (20, 27, "severe")]  # Kroenke et al. 2001
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]  # Spitzer 2006


def published_band(bands, total):
    return next(key for low, high, key in bands if low <= total <= high)


def published_prorated(answers, n_items):
    """Kroenke et al. 2010: up to two missing, mean of the answered items times n, rounded half up."""
    given = [a for a in answers if a is not None]
    if len(answers) - len(given) > 2:
        return None
    if len(given) == n_items:
        return sum(given)
    return math.floor(sum(given) * n_items / len(given) + 0.5)


def as_answers(vector):
    return {n: v for n, v in enumerate(vector, start=1)}


@pytest.mark.parametrize("key, n_items, bands", [("phq9", 9, PHQ9_BANDS), ("gad7", 7, GAD7_BANDS)])
def test_every_complete_answer_vector_scores_as_published(key, n_items, bands):
    inst = instrument(key)
    for vector in itertools.product(range(4), repeat=n_items):
        result = score(inst, as_answers(vector))
        total = sum(vector)
        assert result.total == total and not result.prorated
        assert result.band.key == published_band(bands, total), vector


def test_every_gad7_vector_with_unanswered_items_follows_the_proration_rule():
    inst = instrument("gad7")
    for vector in itertools.product((None, 0, 1, 2, 3), repeat=7):
        result = score(inst, as_answers(vector))
        expected = published_prorated(vector, 7)
        assert result.total == expected, vector
        if expected is not None:
            assert result.band.key == published_band(GAD7_BANDS, expected)
            assert result.prorated == (None in vector)
        else:
            assert "At least 5 of the 7" in result.reason


def test_every_phq9_pattern_of_unanswered_items_follows_the_proration_rule():
    # Every way of leaving out 1-3 items, with every answer vector for the rest on the two
    # smallest and largest values (all 5^9 vectors would take minutes; the rule is per pattern).
    inst = instrument("phq9")
    for n_missing in (1, 2, 3):
        for holes in itertools.combinations(range(9), n_missing):
            for rest in itertools.product((0, 1, 2, 3), repeat=min(9 - n_missing, 5)):
                filled = iter(rest + (3,) * (9 - n_missing - len(rest)))
                vector = tuple(None if i in holes else next(filled) for i in range(9))
                result = score(inst, as_answers(vector))
                expected = published_prorated(vector, 9)
                assert result.total == expected, vector
                if expected is not None:
                    assert result.band.key == published_band(PHQ9_BANDS, expected)


def test_proration_rounds_half_up_as_the_manual_shows():
    inst = instrument("phq9")
    # Eight items answered summing to 4: 4 * 9 / 8 = 4.5, reported as 5 (mild, not minimal).
    vector = (1, 1, 1, 1, 0, 0, 0, 0, None)
    result = score(inst, as_answers(vector))
    assert result.total == 5 and result.band.key == "mild" and result.prorated


def test_who5_is_the_raw_sum_times_four_and_needs_every_statement():
    inst = instrument("who5")
    for vector in itertools.product(range(6), repeat=5):
        result = score(inst, as_answers(vector))
        percent = sum(vector) * 4
        assert result.total == percent
        expected = "very-low" if percent <= 28 else "low" if percent < 50 else "good"
        assert result.band.key == expected, vector
    missing_one = score(inst, as_answers((5, 5, 5, 5, None)))
    assert missing_one.total is None and "Every one of the 5" in missing_one.reason


def test_scssf_reverses_the_six_negative_items_and_takes_the_mean():
    inst = instrument("scssf")
    assert [i.number for i in inst.items if i.reverse] == [1, 4, 8, 9, 11, 12]  # Raes et al. 2011
    # Worked example: "almost always" (5) to everything. The six positive items stay 5, the six
    # negative ones become 1: (6 * 5 + 6 * 1) / 12 = 3.0, moderate.
    result = score(inst, as_answers((5,) * 12))
    assert result.total == 3.0 and result.band.key == "moderate"
    assert result.subscales == {"over-identification": 1.0, "self-kindness": 5.0, "mindfulness": 5.0,
                                "isolation": 1.0, "common-humanity": 5.0, "self-judgment": 1.0}
    # The most self-compassionate answers: 5 on the positive items, 1 on the negative ones = 5.0.
    kindest = tuple(1 if n in (1, 4, 8, 9, 11, 12) else 5 for n in range(1, 13))
    assert score(inst, as_answers(kindest)).total == 5.0
    # A mixed example: positive items 4, negative items 2 -> (6*4 + 6*(6-2)) / 12 = 4.0, high.
    mixed = tuple(2 if n in (1, 4, 8, 9, 11, 12) else 4 for n in range(1, 13))
    assert score(inst, as_answers(mixed)).band.key == "high"
    assert score(inst, as_answers((3,) * 11 + (None,))).total is None


def test_brs_reverses_items_two_four_and_six_and_averages_what_was_answered():
    inst = instrument("brs")
    assert [i.number for i in inst.items if i.reverse] == [2, 4, 6]  # Smith et al. 2008
    # Worked example: "agree" (4) to all six -> 4, 2, 4, 2, 4, 2 -> mean 3.0, normal.
    result = score(inst, as_answers((4,) * 6))
    assert result.total == 3.0 and result.band.key == "normal"
    # Bouncing back well: 5 on 1, 3, 5 and 1 on 2, 4, 6 -> all 5 after reversing: 5.0, high.
    assert score(inst, as_answers((5, 1, 5, 1, 5, 1))).band.key == "high"
    # Struggling: 1 on 1, 3, 5 and 5 on 2, 4, 6 -> all 1: 1.0, low.
    assert score(inst, as_answers((1, 5, 1, 5, 1, 5))).total == 1.0
    # Smith's instructions divide by the number answered: 5, (6-1), 5, (6-2) over four = 4.75.
    partial = score(inst, as_answers((5, 1, 5, 2, None, None)))
    assert partial.total == 4.75 and partial.prorated
    assert score(inst, as_answers((5, 1, 5, None, None, None))).total is None


def test_an_answer_out_of_range_is_a_kind_error_naming_the_question():
    with pytest.raises(InvalidInput) as caught:
        check_answers(instrument("phq9"), {"item-3": "7", "item-1": "2"})
    assert "Question 3 needs one of the answers listed" in caught.value.fields["item-3"]
    with pytest.raises(InvalidInput):
        check_answers(instrument("gad7"), {"item-8": "1"})
    assert check_answers(instrument("gad7"), {"item-1": "2", "item-2": ""}) == {
        1: 2, 2: None, 3: None, 4: None, 5: None, 6: None, 7: None}


def test_reliable_change_follows_jacobson_and_truax_with_the_cited_figures():
    phq = instrument("phq9")
    sdiff = math.sqrt(2) * 3.52 * math.sqrt(1 - 0.87)  # Kocalevent et al. 2013
    assert phq.reliable_change.sdiff == pytest.approx(sdiff)
    three = compare(phq, 14, 11)
    assert three.rci == round(-3 / sdiff, 2) and not three.reliable and three.direction == "better"
    four = compare(phq, 14, 10)
    assert four.reliable and four.category == "improved" and not four.clinically_significant
    recovered = compare(phq, 16, 8)
    assert recovered.category == "recovered" and recovered.clinically_significant
    assert "out of the clinical range" in recovered.words
    worse = compare(phq, 6, 12)
    assert worse.category == "deteriorated" and worse.clinically_significant and worse.direction == "worse"


def test_every_pair_of_phq9_totals_is_judged_by_the_same_rule():
    phq = instrument("phq9")
    limit = 1.96 * math.sqrt(2) * 3.52 * math.sqrt(1 - 0.87)
    for before, after in itertools.product(range(28), repeat=2):
        change = compare(phq, before, after)
        assert change.reliable == (abs(after - before) > limit)
        crossed = (before >= 10) != (after >= 10)
        assert change.clinically_significant == (change.reliable and crossed)


def test_higher_is_better_instruments_call_a_rise_an_improvement():
    who = instrument("who5")
    change = compare(who, 32, 60)  # 28 points > 1.96 * sqrt(2) * 8.51 = 23.6
    assert change.direction == "better" and change.category == "recovered"
    assert compare(who, 60, 48).category == "no reliable change"


def test_instruments_without_published_figures_say_so_instead_of_guessing():
    change = compare(instrument("brs"), 2.5, 3.5)
    assert change.rci is None and change.reliable is None and change.category == "difference only"
    assert "no published figures" in change.words


def test_every_instrument_has_cited_wording_bands_covering_its_range_and_loinc_where_it_exists():
    keys = [i.key for i in measures.all_instruments()]
    assert keys == ["phq9", "gad7", "who5", "scssf", "brs"]
    for inst in measures.all_instruments():
        assert inst.citation and inst.attribution and inst.wording in ("published", "own words")
        assert inst.bands[0].low <= min(inst.values)
        assert len(inst.items) == {"phq9": 9, "gad7": 7, "who5": 5, "scssf": 12, "brs": 6}[inst.key]
    assert instrument("phq9").loinc_total == "44261-6" and instrument("gad7").loinc_total == "70274-6"
    assert all(i.loinc for i in instrument("phq9").items + instrument("gad7").items)
    assert instrument("phq9").safety_item == 9
