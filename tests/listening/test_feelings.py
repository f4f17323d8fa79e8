from holdspace.language.emotions import LABELS, Emotions
from holdspace.listening.feelings import feeling_for, intensity_cues


def emotions(**scores) -> Emotions:
    full = {label: 0.01 for label in LABELS} | scores
    above = tuple(sorted((l for l, s in scores.items() if s >= 0.3), key=lambda l: -scores[l]))
    return Emotions(full, above, "neutral")


def test_mild_anger_is_frustration_and_strong_anger_is_fury():
    assert feeling_for(emotions(anger=0.4), "it didn't go to plan").word == "frustrated"
    assert feeling_for(emotions(anger=0.65), "he lied to me").word == "angry"
    # the model's certainty says it is anger; the strongest word needs the words to say so too
    assert feeling_for(emotions(anger=0.9), "he lied to me").word == "angry"
    assert feeling_for(emotions(anger=0.9), "he lied to me!!").word == "furious"


def test_wording_moves_the_intensity_a_step_but_an_intensifier_alone_never_reaches_the_strongest_word():
    assert feeling_for(emotions(sadness=0.65), "I'm a bit low today").word == "down"
    assert feeling_for(emotions(sadness=0.4), "I'm so low today").word == "sad"
    assert feeling_for(emotions(sadness=0.65), "I'm so low today").word == "sad"  # not "devastated"
    assert feeling_for(emotions(sadness=0.4), "im soooo low today").word == "sad"
    assert feeling_for(emotions(sadness=0.9), "I'm so low today").word == "devastated"  # the model is sure of it
    assert feeling_for(emotions(sadness=0.9), "I'm a bit low today").word == "down"  # softened, as they said it
    assert intensity_cues("THIS IS AWFUL!!")[0] == 1
    assert intensity_cues("So I went home")[0] == 0


def test_neutral_text_has_no_feeling_word():
    assert feeling_for(emotions(neutral=0.9), "The bus comes at six.") is None


def test_every_label_but_neutral_has_three_words():
    for label in LABELS:
        if label != "neutral":
            feeling = feeling_for(emotions(**{label: 0.9}), "")
            assert feeling and feeling.label == label and feeling.intensity == "strong"


def test_the_client_s_own_feeling_word_comes_first_unless_negated():
    assert feeling_for(emotions(sadness=0.9), "I feel so lonely since the move").word == "lonely"
    assert feeling_for(emotions(sadness=0.9), "I'm all alone").word == "lonely"
    said = feeling_for(emotions(sadness=0.9), "I'm not angry, just really tired")
    assert said.word == "tired" and said.intensity == "theirs"
    # a feeling the client denies is never named back to them, however sure the model is
    assert feeling_for(emotions(anger=0.9), "I'm not angry at all") is None


def test_someone_else_s_feeling_is_not_named_as_the_client_s():
    # "everyone is so happy and I feel nothing" is numbness; the happiness is theirs
    said = feeling_for(emotions(joy=0.9), "My sister had a baby and everyone is so happy and I feel nothing")
    assert said.word == "numb"
    assert feeling_for(emotions(sadness=0.7), "he never said he was proud of me").word != "proud"
    assert feeling_for(emotions(joy=0.9), "I'm so happy for her").word == "happy"


def test_feeling_cut_off_is_said_back_in_a_plain_word():
    assert feeling_for(emotions(love=0.9), "I just feel like I'm watching my life through glass").word == "disconnected"
    assert feeling_for(emotions(sadness=0.5), "I don't feel anything anymore").word == "numb"
    assert feeling_for(emotions(sadness=0.5), "I feel so empty lately").word == "empty"
    assert feeling_for(emotions(sadness=0.5), "the house is empty since she left").word != "empty"


def test_a_hedged_really_does_not_make_a_feeling_stronger():
    assert intensity_cues("I don't really know why I'm here")[0] == -1
    assert intensity_cues("I'm really scared")[0] == 1


def test_a_feeling_wished_on_someone_else_is_theirs():
    assert feeling_for(emotions(sadness=0.6), "i just want her to be proud of me for once").word != "proud"
    assert feeling_for(emotions(sadness=0.6), "my dad would be so angry if he knew").word != "angry"
    assert feeling_for(emotions(joy=0.6), "I'm proud of myself for going").word == "proud"

