from pathlib import Path

from holdspace.practice.coding import BEHAVIOURS, CODES, code_info, code_utterances
from holdspace.practice.report import analyse
from holdspace.practice.transcripts import parse

SESSION = Path(__file__).with_name("data") / "session.txt"


def coded(text: str, client: str = ""):
    return code_utterances([text], [client])[0]


def test_every_code_has_a_name_and_a_meaning():
    for code in CODES:
        info = code_info(code)
        assert info["name"] and info["means"] and info["behaviour"] in BEHAVIOURS


def test_plain_questions_are_coded_open_or_closed_with_the_words_that_show_it():
    c = coded("What brings you in today?", "")
    assert (c.behaviour, c.code) == ("question", "open_question")
    assert c.evidence
    c = coded("Do you drink every day?", "I drink quite a lot.")
    assert (c.behaviour, c.code) == ("question", "closed_question")


def test_a_reflection_that_echoes_the_client_shows_the_echoed_words():
    c = coded("So you've been drinking more since you lost your job.",
              "I've been drinking more since I lost my job.")
    assert c.behaviour == "reflection"
    assert any("drinking" in e or "job" in e for e in c.evidence)


def test_markers_give_codes_annomi_does_not_have():
    assert coded("It's really up to you what you decide.").code == "emphasising_autonomy"
    assert coded("When I was your age I went through the same thing.").code == "self_disclosure"
    # noticing the client's own courage or honesty, in the past tense too, affirms it
    assert coded("That took some honesty to notice.", "Even though nobody has said I can't.").code == "affirmation"
    assert coded("It took real courage to tell her.", "I finally told my sister.").code == "affirmation"


def test_a_roadblock_is_flagged_whatever_the_behaviour():
    c = coded("Don't worry, it'll all be fine.", "I'm scared I'll lose the house.")
    assert [r.kind for r in c.roadblocks] == ["reassuring"]
    assert c.roadblocks[0].words.lower() == "don't worry"


def test_the_session_report_measures_and_picks_moments_from_the_exact_lines():
    report = analyse(parse(SESSION.read_text()), alternatives=False)
    by_key = {m.key: m for m in report.measures}
    assert set(by_key) == {"reflection_to_question", "complex_reflections", "open_questions",
                           "without_roadblocks", "client_talk", "empathy"}
    assert by_key["without_roadblocks"].value < 0.9 and by_key["without_roadblocks"].band == "below"
    tries = {m.said for m in report.try_differently}
    assert "Don't worry, it'll all be fine. At least you have your wife." in tries
    assert "Why do you drink so much then?" in tries or "You should stop buying wine." in tries
    why = next((m for m in report.try_differently if m.said.startswith("Why")), None)
    if why:
        assert why.alternative == "What makes you drink so much then?"
    assert len(report.done_well) >= 1 and len(report.try_differently) == 3
    assert all(m.said in SESSION.read_text() for m in report.done_well + report.try_differently)


def test_a_question_after_a_fact_is_never_held_up_as_done_well():
    text = ("T: What gym do you belong to?\nC: The one on the high street.\n"
            "T: How far away is it from your house?\nC: A couple of miles.")
    report = analyse(parse(text), alternatives=False)
    assert report.done_well == []


def test_the_clients_reply_is_read_as_context_in_a_whole_transcript():
    from holdspace.practice.cues import CUE_NAMES, cue_vector

    cues = dict(zip(CUE_NAMES, cue_vector("You drink most days?", "I drink.", "Yeah.")))
    assert cues["next_yes_no"] == 1.0 and cues["next_short"] == 1.0 and cues["next_missing"] == 0.0
    assert dict(zip(CUE_NAMES, cue_vector("You drink most days?", "I drink.")))["next_missing"] == 1.0


def test_a_line_said_twice_is_held_up_once():
    # session 13, AnnoMI dev transcript 126 (a pharmacist repeats a scene): "done well" showed "What other questions do
    # you have for me?" and "What questions do you still have for me?" as two of its moments
    text = ("C: Sure. I'll take one tablet before bed with my other medications and switch to orange juice.\n"
            "T: Great, Kaylie. I know we went over a lot today. What other questions do you have for me?\n"
            "C: None, I think.\nT: Okay.\nC: Okay.\nT: Right.\nC: Yes.\nT: Good.\n"
            "C: Sure. I'm going to take one tablet in the evening with my other medications, and I'll switch to orange juice.\n"
            "T: That's great, Kaylie. I know we went over a lot today. What questions do you still have for me?\n")
    report = analyse(parse(text), alternatives=False)
    said = [m.said for m in report.done_well]
    assert len(said) == 1, said
