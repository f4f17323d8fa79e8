"""Long messages with the real emotion model: heard where the story ends (a fear in the middle of a story that
ends well is relief), their own word there, and someone else's feelings in it not named as theirs."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener

# --- a long message is heard where it ends ------------------------------------------------------------

# Stories that end well after a fear: the fear is in their middle, the relief or gladness is where they end.
ENDED_WELL = [
    "I finally rang the bank about the overdraft today. I'd been avoiding it for weeks because I was sure they'd shout "
    "at me or cut me off. The woman on the phone was so patient and we set up a plan I can actually afford. I feel like "
    "I can breathe again.",
    "we had the scan today and i was terrified after last time. but there was the heartbeat, strong and fast, and the "
    "midwife said everything looks perfect. i keep looking at the picture and smiling",
    "After three months of silence my sister finally called me back tonight. I'd been so scared I'd lost her for good "
    "after the argument at Christmas. We talked for two hours and both said sorry. I feel so much lighter.",
    "Took my daughter to A&E last night with a really high temperature and a rash, and I was terrified it was "
    "meningitis. They did loads of tests and it's just a virus. We're home now and she's asleep on the sofa and I can "
    "finally breathe.",
    "i was so nervous about telling my parents i'm dropping out of my course, like i genuinely thought my dad would stop "
    "talking to me. but they just listened and my mum said she only wants me to be happy. honestly i feel like a massive "
    "weight is gone",
    "My son had his first day at the new school today. He's been bullied at the last one and I was dreading the phone "
    "call to come and get him. He came out smiling and said he'd made a friend called Sam. I could have cried with "
    "happiness.",
    "So the biopsy results came back this morning. I've been a mess all week, barely sleeping, convinced it was the "
    "worst. It's benign. I sat in the car park and just cried for ten minutes.",
    "my mum had her operation today and i was so scared something would go wrong, i couldnt eat or think all morning. "
    "the surgeon just rang and said it went really well and she's awake and asking for tea. i'm so happy i could cry",
    "I was terrified it was cancer. The consultant said it's not cancer, just a cyst. I cried with relief in the car "
    "park.",
]


@pytest.mark.parametrize("text", ENDED_WELL)
def test_a_long_story_that_ends_well_after_a_fear_is_heard_as_relief_not_the_fear(listener, text):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.label in {"relief", "joy", "pride", "excitement"}, said.reply
    assert said.feeling.intensity != "mixed", said.reply  # not "relieved and nervous at the same time"
    assert "worr" not in said.question and "uncertain" not in said.reply and "carry" not in said.reply, said.reply


def test_a_party_that_went_well_despite_the_nerves_is_pride_not_pride_and_anxiety(listener):
    said = talk(listener, "Went to the party on Saturday even though my anxiety was through the roof beforehand and I "
                          "nearly turned round at the door. Ended up talking to loads of people and someone asked for my "
                          "number. I'm actually really proud of myself.")[-1]
    assert said.feeling is not None and said.feeling.word == "proud", said.reply
    assert "both of those" not in said.reply


@pytest.mark.parametrize("text, felt", [
    # a long worry, told in plain words: worried, never "sad" or "irritated"
    ("My landlord emailed to say he's selling the flat and we have two months to find somewhere. Rents round here have "
     "gone up so much since we moved in. I've been looking every night and everything is either too far from the kids' "
     "school or way out of budget. I don't know what we'll do if nothing turns up.", {"nervousness", "fear"}),
    ("work has been insane, three people quit and their jobs got split between the rest of us. i'm doing twelve hour "
     "days and still behind, and my manager just keeps adding things. i lie awake going over my to do list. i don't "
     "think i can keep this up much longer", {"nervousness"}),
    ("My dad's been getting more and more confused lately, forgetting names and leaving the cooker on. Mum keeps saying "
     "it's just age but I'm not so sure. We've got a memory clinic appointment next month. I'm really scared of what "
     "they'll say.", {"fear"}),
    # where it ends: the cringing, not the "nobody" of its start; the guilt, not the child's tears
    ("I got really drunk at my friend's wedding and made a speech nobody asked me to make. People were laughing but not "
     "in a good way. I woke up to messages from her asking if I was ok. I can't stop cringing and I don't know how to "
     "face her.", {"embarrassment"}),
    ("I snapped at my kids this morning because we were late again. My youngest started crying and I just kept "
     "shouting. I dropped them at school and sat in the car feeling like the worst parent alive. They deserve better "
     "than me.", {"remorse", "embarrassment"}),
    ("so my manager took credit for my whole project in the meeting today. i spent three months on that, weekends "
     "included. he didn't even mention my name once and everyone congratulated him. i'm absolutely fuming",
     {"anger", "annoyance"}),
    # a fear told as past is where the story began, not where it ended
    ("I was nervous about raising the pay gap with my manager, so I prepared for days. She listened, nodded, and then "
     "told me I should be grateful to have a job at all. I'm livid.", {"anger"}),
    ("I was anxious about the interview so I had a drink beforehand to calm down. I ended up slurring a bit and I "
     "could see them exchange looks. I'm so ashamed of myself.", {"embarrassment"}),
    ("I was scared to go back to the village after Dad's funeral. Everyone was kind and the vicar remembered him so "
     "fondly. But walking past his allotment, seeing it all overgrown, I just broke down. I miss him so much.",
     {"grief", "sadness"}),
    ("honestly i was dreading christmas with the in-laws after last year's row. but everyone was on their best "
     "behaviour, we played board games and actually laughed a lot. drove home feeling so much better about everything",
     {"relief"}),
])
def test_a_long_story_is_named_by_the_feeling_it_ends_in(listener, text, felt):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.label in felt, said.reply
    assert " and " not in said.feeling.word, said.reply  # not "anxious and ashamed": the nerves were before


@pytest.mark.parametrize("text", [
    # his being alone, her love of the piano: theirs; what the client feels is where the story ends
    "Dad is going into sheltered housing next month because he can't live alone anymore. It's the right call. But when "
    "I think of him packing up the house, the shed he built, the garden where he taught me to ride a bike, I just fall "
    "apart.",
    "Mum is going into a nursing home next month because she can't cope on her own anymore. It's the right call. But "
    "when I think of her flat being cleared, the piano she loved, the window where she used to wave me off, I just fall "
    "apart.",
])
def test_what_someone_else_feels_in_a_story_is_not_named_as_the_clients(listener, text):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.label in {"sadness", "grief"}, said.reply
    assert not any(words in said.reply for words in ("lonel", "loving", "love")), said.reply


@pytest.mark.parametrize("text, felt", [
    # (guards: a fear that goes on, or comes after the good news, is still the fear)
    ("I was so nervous about the scan and the first one came back fine, which was a relief. But now they want to do a "
     "second one because something looked unclear. I'm back to not sleeping. I'm so worried.", {"nervousness"}),
    ("Got the job I'd been dreaming about and everyone is so happy for me. But I start on Monday and I'm terrified "
     "I'll be found out as not good enough. I keep lying awake going over everything.", {"fear", "nervousness"}),
    # grave news between the fear and a kind ending is no relief
    ("I was so scared of the results. They came back and it's cancer. My family have been so lovely about it though, "
     "everyone is being really kind.", {"fear", "nervousness", "sadness", "grief"}),
])
def test_a_fear_that_goes_on_after_good_news_is_still_heard_as_fear(listener, text, felt):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.label in felt, said.reply


def test_a_long_health_worry_is_asked_about_as_one_not_about_work_mentioned_in_passing(listener):
    said = talk(listener, "The results from my MRI aren't back yet and the consultant's secretary keeps saying next "
                          "week. I've read every forum there is and now I'm convinced it's something serious. I can't "
                          "concentrate at work and I snap at everyone. It's the not knowing that's the worst.")[-1]
    assert said.topic == "health" and "work" not in said.question, said.reply


def test_a_pet_put_down_is_a_loss_not_a_family_matter(listener):
    said = talk(listener, "We had to put our dog down this morning. She was fourteen and had been with us since before "
                          "the kids were born. The house is so quiet without her clicking about on the kitchen floor. I "
                          "keep expecting her at the door.")[-1]
    assert said.topic == "loss" and "family" not in said.question, said.reply


def test_a_laptop_that_died_is_no_death_to_ask_memories_of(listener):
    said = talk(listener, "Deadline on Friday, my laptop died this morning, the IT desk says three days minimum for a "
                          "replacement. I've been borrowing my flatmate's but she needs it back tonight. My manager just "
                          "says 'figure it out'. I'm so stressed I could scream.")[-1]
    assert said.topic != "loss" and "remembering" not in said.question, said.reply
    assert said.feeling is not None and said.feeling.label not in {"grief", "sadness"}, said.reply


def test_a_day_kept_for_someone_gone_is_a_loss(listener):
    said = talk(listener, "Today would have been our 40th wedding anniversary. I set the table for two out of habit and "
                          "then just sat there. The kids rang, which was kind of them. It's the silence in the evenings I "
                          "can't get used to.")[-1]
    assert said.topic == "loss" and "let down" not in said.reply and "family" not in said.question, said.reply


def test_fuming_is_said_back_in_a_word_that_reads_after_feeling(listener):
    said = talk(listener, "so my manager took credit for my whole project in the meeting today. i spent three months on "
                          "that, weekends included. he didn't even mention my name once and everyone congratulated him. "
                          "i'm absolutely fuming")[-1]
    assert said.feeling is not None and said.feeling.word == "furious", said.reply

