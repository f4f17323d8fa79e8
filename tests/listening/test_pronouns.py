import pytest

from holdspace.listening.pronouns import to_second_person


@pytest.mark.parametrize("said, heard", [
    ("I am tired of my job", "You are tired of your job"),
    ("I'm scared my boss will fire me", "You're scared your boss will fire you"),
    ("I was hoping he'd call me", "You were hoping he'd call you"),
    ("I've been crying by myself", "You've been crying by yourself"),
    ("it was mine", "it was yours"),
    ("i feel like nobody cares about me", "you feel like nobody cares about you"),
    ("You don't understand me", "I don't understand you"),
    ("I told you I hate myself", "You told me you hate yourself"),
    ("I thought you were on my side", "You thought I was on your side"),
    ("Am I wrong?", "Are you wrong?"),
])
def test_first_person_becomes_second_person(said, heard):
    assert to_second_person(said) == heard


def test_i_should_never_becomes_you_should():
    assert to_second_person("I should exercise more") == "You're meant to exercise more"
    assert to_second_person("my mate says I should get over it") == "your mate says you're meant to get over it"
    assert to_second_person("I should have visited more") == "You wish you had visited more"
    assert to_second_person("i shouldn't have said it") == "you wish you hadn't said it"


def test_other_words_and_punctuation_stay_as_they_were():
    assert to_second_person("Mum said: it's fine, really!") == "Mum said: it's fine, really!"


def test_should_of_typed_for_should_have_reads_as_a_wish_not_garbled():
    assert to_second_person("i keep thinking i should of visited more") == "you keep thinking you wish you had visited more"
    assert to_second_person("I should've called her") == "You wish you had called her"
    assert to_second_person("i shouldnt of said it") == "you wish you hadn't said it"


def test_ill_typed_for_i_will_is_shifted_and_being_ill_is_left_alone():
    assert to_second_person("im scared ill mess it up") == "you're scared you'll mess it up"
    assert to_second_person("i've been ill for weeks") == "you've been ill for weeks"
    assert to_second_person("i feel ill today") == "you feel ill today"
    assert to_second_person("my mum is ill and i'm scared") == "your mum is ill and you're scared"


def test_its_after_if_or_hope_is_it_is_and_the_possessive_stays():
    assert to_second_person("i cant stop thinking about what if its cancer") == \
        "you can't stop thinking about what if it's cancer"
    assert to_second_person("i hope its nothing") == "you hope it's nothing"
    assert to_second_person("the dog hurt its paw") == "the dog hurt its paw"


def test_two_people_opening_a_sentence_are_said_back_with_you_first():
    assert to_second_person("my partner and i had a huge fight") == "you and your partner had a huge fight"
    assert to_second_person("My mum and I argued.") == "You and your mum argued."
    assert to_second_person("i hate my job and i want to quit") == "you hate your job and you want to quit"


def test_well_typed_for_we_will_is_said_back_as_we_will_and_well_as_a_word_stays():
    assert to_second_person("well see how she is tomorrow") == "we'll see how she is tomorrow"
    assert to_second_person("i guess well manage somehow") == "you guess we'll manage somehow"
    assert to_second_person("i might as well go") == "you might as well go"
    assert to_second_person("i didnt sleep well see") == "you didn't sleep well see"
    assert to_second_person("Well, i think so") == "Well, you think so"


@pytest.mark.parametrize("said, heard", [
    ("i dont know what to do without her", "you don't know what to do without her"),
    ("i cant stop crying", "you can't stop crying"),
    ("im tired and ive had enough of it", "you're tired and you've had enough of it"),
    ("she wont talk to me and it didnt help", "she won't talk to you and it didn't help"),
    ("it isnt fair and theyre not listening", "it isn't fair and they're not listening"),
    ("i wasnt ready, thats all", "you weren't ready, that's all"),
    ("he doesnt care and we havent spoken", "he doesn't care and you haven't spoken"),
    ("Dont know why", "Don't know why"),
    ("but itd mean leaving my family", "but it'd mean leaving your family"),
])
def test_contractions_typed_without_an_apostrophe_are_said_back_with_one(said, heard):
    assert to_second_person(said) == heard


@pytest.mark.parametrize("said, heard", [
    ("cant sleep again, its 3am", "can't sleep again, it's 3am"),
    ("its so quiet without her", "it's so quiet without her"),
    ("the dog wagged its tail", "the dog wagged its tail"),
    ("its embarrassing when people ask", "it's embarrassing when people ask"),
    ("its called burnout apparently", "it's called burnout apparently"),
    ("the company lost its funding", "the company lost its funding"),
    ("honestly didnt think id get it", "honestly didn't think you'd get it"),
    ("i lost my id card", "you lost your id card"),
])
def test_its_and_id_get_their_apostrophe_only_where_they_stand_for_it_is_and_i_would(said, heard):
    assert to_second_person(said) == heard


@pytest.mark.parametrize("said, back", [
    ("he called me by my mums name", "your mum's name"),
    ("i stayed at my dads house", "your dad's house"),
    ("my sisters are coming", "your sisters are coming"),
])
def test_whose_it_is_gets_the_apostrophe_a_quick_typist_left_out(said, back):
    assert back in to_second_person(said)


def test_someone_who_did_something_before_we_did_is_not_made_one_of_the_two_of_us():
    # "my sister called and we got into it": she called; "you and your sister called" would garble it
    assert to_second_person("my sister called and we got into it again") == "your sister called and you got into it again"
    assert to_second_person("my partner and i had a huge fight") == "you and your partner had a huge fight"


@pytest.mark.parametrize("said, heard", [
    # "I said I'm your daughter and she just looked at me" was said back "you said you're my daughter"
    ("I told her I'm your granddaughter and she shook her head", 'You told her "I\'m your granddaughter" and she shook her head'),
    ("i said it's me, your son and he turned away", 'you said "It\'s me, your son" and he turned away'),
    ("i told him youre my best mate and he laughed", 'you told him "You\'re my best mate" and he laughed'),
    ('I said "you never listen to me" and walked out', 'You said "You never listen to me" and walked out'),
])
def test_words_said_to_someone_else_keep_their_you_and_your(said, heard):
    assert to_second_person(said) == heard


@pytest.mark.parametrize("said, heard", [
    ("I said I was tired", "You said you were tired"),
    ("like I said, you don't get it", "like you said, I don't get it"),
    ("I told her I was leaving", "You told her you were leaving"),
])
def test_words_that_speak_to_no_one_else_shift_as_before(said, heard):
    assert to_second_person(said) == heard
