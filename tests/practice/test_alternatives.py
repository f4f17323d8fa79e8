"""The stronger alternative practice mode offers: written by hand for every statement, and read by practice mode
itself as what it asks of a trainee (the real coder and encoder)."""

from holdspace.language.text import split_sentences
from holdspace.practice.exercise import bank, give_feedback, statement


def test_every_statement_in_the_bank_has_a_hand_written_alternative():
    missing = [s.id for s in bank() if not s.alternative]
    assert missing == []
    # its own words, not the client's said back
    assert all(s.alternative.lower() != s.text.lower() and not s.alternative.startswith("You're saying")
               for s in bank())


def test_the_alternative_shown_is_the_hand_written_one():
    for sid in ("s053", "s078", "s088", "s094"):
        assert give_feedback(sid, "Okay.").alternative == statement(sid).alternative, sid
    # s053 "My father died last month and I haven't cried once, and I don't know what's wrong with me."
    grief = give_feedback("s053", "Okay.").alternative
    assert "part of you believes" not in grief and "It sounds like you're feeling" not in grief
    # s078 "Honestly, he deserved what he got. You'd have hit him too." — the client's "you" is not the therapist's "I"
    hit = give_feedback("s078", "Okay.").alternative
    assert "I'd have hit him" not in hit and "I would have hit him" not in hit


def _read_as_reflection(sid: str, text: str, code: str, behaviour: str) -> bool:
    """A reflection, or a reflection then one open question (the turn as a whole then reads as the question)."""
    if behaviour == "reflection":
        return True
    sentences = split_sentences(text)
    questions = [s for s in sentences if s.strip().endswith("?")]
    if code != "open_question" or len(questions) != 1 or not sentences[-1].strip().endswith("?"):
        return False
    said = " ".join(s for s in sentences if s not in questions)
    return give_feedback(sid, said, alternative=False).behaviour == "reflection"


def test_every_alternative_reads_as_a_strong_reflection_in_practice_mode():
    weak = []
    for s in bank():
        f = give_feedback(s.id, s.alternative, alternative=False)
        problems = [p for p, bad in (("not a reflection", not _read_as_reflection(s.id, s.alternative, f.code,
                                                                                 f.behaviour)),
                                     ("no content", not f.content), ("no feeling", not f.feeling),
                                     ("roadblock", bool(f.roadblocks)), (f"score {f.score}", f.score < 80))
                    if bad]
        if problems:
            weak.append((s.id, f.kind, problems, s.alternative))
    assert weak == []


def test_the_alternatives_ask_at_most_one_question_and_stay_short():
    for s in bank():
        assert s.alternative.count("?") <= 1, s.id
        assert len(split_sentences(s.alternative)) <= 3, s.id  # one or two sentences, and perhaps a question


def test_the_misreadings_the_alternatives_showed_are_fixed():
    # "wondering if anyone would notice" is no validation ("anyone would feel the same" still is)
    f = give_feedback("s042", "You hold the group together, and you're starting to feel taken for granted, "
                              "wondering if anyone would notice if you stopped.", alternative=False)
    assert f.code != "affirmation"
    assert give_feedback("s042", "Anyone would feel taken for granted after all that.",
                         alternative=False).code == "affirmation"
    # "wary" names a feeling
    assert give_feedback("s097", "You've learned to stay wary of kindness, waiting for the catch.",
                         alternative=False).feeling
    # "What's it like for you…?" explores as "What is it like for you…?" does
    f = give_feedback("s085", "What's it like for you, having said it out loud?", alternative=False)
    assert f.empathy["explorations"]["level"] == 2
