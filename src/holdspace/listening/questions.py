"""The open question that ends a reply: about the topic at hand, else one fitting the feeling."""

from __future__ import annotations

import re
from functools import cache

from holdspace.language.emotions import family_of
from holdspace.language.text import words
from holdspace.listening.feelings import Feeling, feeling_cues, negated, someone_elses
from holdspace.listening.memory import Conversation
from holdspace.listening.signals import without_independence
from holdspace.listening.templates import pick, responses

__all__ = ["ENDINGS", "MOVING_ON", "PARTING", "just_bereaved", "mourned", "family_for", "owner", "pronoun", "question",
           "asked_about", "remembered_love", "topic_of", "topic_for"]

# Which validations and questions fit a feeling: by its family, except where the family would
# mislead (caring is "joy" in GoEmotions, but "concerned" is a worry; guilt and shame get their own).
_RESPONSE_GROUP = {"caring": "fear", "confusion": "unsure", "realization": "unsure", "desire": "neutral",
                   "remorse": "shame", "embarrassment": "shame",
                   # "unhappy about it" is an opinion, not anger: "how does that anger show up for you?" would mishear it
                   "disapproval": "neutral",
                   # "irritated" is asked about as irritation: "how does that anger show up?" makes more of it than they did
                   "annoyance": "irritation"}
_SHE = re.compile(r"\b(?:she|her|hers|herself|mum|mom|mother|mam|sister|wife|girlfriend|grandma|grandmother|nan|"
                  r"nana|nanna|nanny|gran|granny|grandmom|grandmum|grammy|daughter|aunt|auntie|niece|"
                  # ("my mums funeral": the apostrophe left out)
                  r"mums|moms|mams|nans|grans|grandmas|nannas)\b")
_HE = re.compile(r"\b(?:he|him|his|himself|dad|father|brother|husband|boyfriend|grandpa|grandfather|grandad|"
                 r"granddad|gramps|grandpop|son|uncle|nephew|dads|grandads|grandpas)\b")
# A pregnancy lost: the questions that ask memories of "them" do not fit it.
_PREGNANCY_LOST = re.compile(r"\b(?:miscarriage|miscarried|stillborn|stillbirth|lost (?:the|our|my|their|her|his) baby|we lost ours)\b",
                             re.I)
_A_DEATH = re.compile(r"\b(?:died|dies|passed|death|funeral|lost my|lost (?:the|our|their|her|his) baby|miscarr\w+|put down|put (?:our|my|the) (?:dog|cat) (?:down|to sleep)|put to sleep|"
                      r"would(?: have|'ve) been (?:our|his|her|(?:so |really )?proud)|"
                      r"killed|first [\w']+(?: [\w']+)? without)\b",
                      re.I)
# A goodbye still to come ("i have to put my cat down tomorrow", "my dad has weeks left", "my best friend is moving away next
# month"): dread and sadness ahead of it, never a death to ask memories of. Someone close, or a pet, by who they are.
_CLOSE = (r"(?:best )?(?:friend|mate|bestie|bff|sister|brother|mum|mom|mam|mother|dad|father|son|daughter|partner|boyfriend|"
          r"girlfriend|husband|wife|grandma|grandmother|grandad|granddad|grandpa|grandfather|nan|nana|gran|granny|aunt|auntie|"
          r"uncle|twin|cousin|flatmate|roommate|dog|cat|pet|puppy|kitten|rabbit|horse|pony)s?")
_PET = r"(?:him|her|them|(?:my|our|the|his|her|their) (?:\w+ )?(?:dog|cat|pet|puppy|pup|kitten|rabbit|bunny|horse|pony|hamster|guinea pig|boy|girl))"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_SOON = (r"(?:next|tomorrow|soon|this (?:week|month|summer|year|weekend)|in (?:a|two|three|four|\d+|a few|a couple of) "
         r"(?:days?|weeks?|months?)|in (?:" + _MONTHS + r"))\b")
# Someone close moving away soon ("my best friend is moving to another country next month"): a goodbye to come, told mildly.
_PARTING = (r"\b(?:he|she|they|(?:my|our) " + _CLOSE + r")(?:'s|'re|\s+(?:is|are|will be|'ll be))\s+(?:\w+\s+)?(?:moving|emigrating|"
            r"relocating)\b(?!\s+(?:in|back|home|closer|nearer)\b)[^.!?]{0,40}?\b" + _SOON)  # (moving in with them is no goodbye)
PARTING = re.compile(_PARTING, re.I)
_AHEAD = re.compile(
    # a pet to be put to sleep ("i have to put my cat down tomorrow", "we're having our dog put to sleep on friday")
    r"\b(?:(?:have|has|need|needs|got|going|decided|deciding|booked(?: in)?)\s+to|gonna|having|will|'ll|ll)\s+(?:(?:have|get)\s+)?"
    r"(?:put\s+" + _PET + r"|" + _PET + r"\s+put)\s+(?:down|to sleep)\b|"
    r"(?<!\bhad to )(?<!\bhad )\b(?:be|being|getting)\s+put\s+(?:down|to sleep)\b|"  # ("had to be put down": done)
    # the vet's word that the time has come ("the vet says it's time")
    r"\bvets?(?:'s)?\s+(?:says?|said|thinks?|thought|told (?:us|me))\s+(?:that\s+)?(?:it'?s|its|it is)\s+(?:nearly |almost )?time\b|"
    r"\bputting\s+" + _PET + r"\s+(?:down|to sleep)\s+(?:tomorrow|today|tonight|this|next|on|in|soon)\b|"
    # a life near its end ("my dad has weeks left", "they've given her months", "my nan is dying")
    r"(?<!\bi )(?<!\bwe )\b(?:has|have|'s got|s got|has got|got)\s+(?:only\s+|just\s+|maybe\s+)?(?:a (?:few|couple of)\s+|\w+\s+)?"
    r"(?:days|weeks|months)\s+(?:left|to live)\b(?!\s+(?:of|until|till|before|to go|at|on|in|for)\b)|"
    r"\bgiven (?:him|her|them) (?:only |just )?(?:a (?:few|couple of) |\w+ )?(?:days|weeks|months)\b|"
    r"\bnot (?:got |have )?(?:very )?long (?:left|to live)\b|\b(?:doesn'?t|hasn'?t|dont|don't|hasnt) (?:have|got) (?:very )?long\b|"
    r"\b(?:he|she|they|(?:my|our) " + _CLOSE + r")(?:'s|'re|\s+(?:is|are))\s+dying\b|"
    # someone close going away soon ("my best friend is moving away next month")
    + _PARTING + r"|\b(?:he|she|they|(?:my|our) " + _CLOSE + r")(?:'s|'re|\s+(?:is|are|will be|'ll be))\s+(?:\w+\s+)?(?:leaving|going)\b"
    r"[^.!?]{0,40}?\b" + _SOON + r"|"
    # ...told in the plain present ("he leaves tomorrow", a partner deploying; "she goes in september"): the time is what
    # makes it a goodbye ("he leaves for work at six" is none)
    r"\b(?:he|she|they|(?:my|our) " + _CLOSE + r")\s+(?:leaves|goes|flies|deploys|ships out|emigrates|moves)"
    r"(?:\s+(?:away|abroad|overseas|out|back))?\s+(?:(?:for|to)\s+\w+\s+)?" + _SOON, re.I)
# How a reflected piece about someone else begins.
_THIRD_PERSON = ("he ", "she ", "they ", "his ", "her ", "their ", "he's ", "she's ", "they're ")
# Moving on from what was said before ("anyway", "on the plus side", "in other news"): the earlier topic stays behind.
MOVING_ON = re.compile(r"^\W*(?:(?:ok(?:ay)?|well|but|and|oh|so)\W+)?(?:anyway|anyways|anyhow|on (?:the|a) (?:plus|bright|"
                       r"brighter|good|positive|other|lighter|happier|better|different) (?:side|note)|on another note|"
                       r"in other news|btw|by the way|changing the subject|to change the subject|other than that|"
                       r"apart from that|aside from that|besides that|moving on|whatever|enough about (?:that|me|work|it))\b",
                       re.I)
# Topics named by who is in the story: a worry told with them in it is asked about as a worry.
_PEOPLE = {"family", "relationship", "friends"}
# Topics whose questions ask about the client's own situation ("How has work been affecting...").
_ABOUT_THE_CLIENT = {"work", "study", "health", "money"}


@cache
def _any_word(topic: str) -> re.Pattern:
    """Whether any of a topic's words is in a text (spaced as topic_of spaces it)."""
    return re.compile(" (?:" + "|".join(re.escape(w) for w in responses()["topics"][topic]["words"]) + ") ")


def topic_of(text: str) -> str | None:
    """The topic of highest priority, then with most of its words in the text, then mentioned first."""
    # ("my driving test", "a blood test": no studies)
    text = _FEARED_JOB_LOSS.sub(" work ", _OUT_FOR_THE_DAY.sub(r"\1 went", text))
    lower = " " + " ".join(w.lower() for w in words(_not_their_studies(_NOT_STUDIES.sub(" ", without_independence(text))))) + " "
    best, rank = None, (0, 0, 0)
    for name, topic in responses()["topics"].items():
        if not _any_word(name).search(lower):
            continue  # (one search per topic first: most topics have none of their words in a message)
        places = [p for w in topic["words"] if (p := lower.find(f" {w} ")) >= 0
                  # "I don't feel lonely now": not loneliness; "i dont really have anyone to talk to" is
                  and (not negated(lower, p + 1) or w.startswith(_STILL_SO_WHEN_DENIED))
                  # ("she can't manage alone anymore": her being alone, not the client's loneliness)
                  and not (name == "loneliness" and someone_elses(lower, p + 1))
                  and not _FINE_AFTER.match(lower, p + len(w) + 1)  # "work is fine i guess. its everything else"
                  and not _PRAISED.search(lower, 0, p + 1)]  # "i have a good job and a nice flat but i feel nothing"
        if places and (topic.get("priority", 1), len(places), -min(places)) > rank:
            best, rank = name, (topic.get("priority", 1), len(places), -min(places))
    return best


# Topic words that still tell the topic when denied ("i dont really have anyone to talk to", "i'll never find another job").
_STILL_SO_WHEN_DENIED = ("anyone", "anybody", "have any", "got any", "find ", "get a job", "getting a job")


# A child's school ("my kid has been refusing to go to school", "my son keeps getting detention"): a parent's worry, not
# the client's own studies; the school words after the child are blanked, the child stays ("your kid": the key, said back).
_CHILDS_SCHOOL = re.compile(r"(\b(?:my|our|your) (?:\w+ )?(?:kid|kids|son|sons|daughter|daughters|child|children|boy|boys|girl|"
                            r"girls|stepson|stepdaughter|youngest|eldest|oldest|twins|toddler|little one|little ones|stepkids)\b[^.!?]*?)\b(?:school|exams?|teachers?|homework|class|classes|grades?|"
                            r"detention|college|uni|university|tests?|revision|coursework)\b", re.I)


def _not_their_studies(text: str) -> str:
    """The text with the school words of a child of theirs blanked."""
    while (plain := _CHILDS_SCHOOL.sub(lambda m: m.group(1) + " ", text)) != text:
        text = plain
    return text


# Tests that are no part of anyone's studies, and "broke" that is no lack of money: blanked before topics are read.
_NOT_STUDIES = re.compile(r"\b(?:driving|theory|blood|covid|pregnancy|eye|hearing|mot|drug|dna|smear|allergy) tests?\b|"
                          # results waited for ("i get my test results on friday"): a worry about what they'll say, medical or not
                          r"\btest results?\b|"
                          # a result told ("my test came back positive", "i tested negative"): medical, not an exam marked
                          r"\btests? (?:has |have |just )?(?:came|come) back (?:positive|negative)\b|"
                          r"\btests? (?:was|were|is|are|'s) (?:positive|negative)\b|\btested (?:positive|negative)\b|"
                          r"\b(?:positive|negative) tests?\b|\b(?:get|getting|gets|waiting (?:for|on)|wait for|awaiting|expecting) (?:my |your |the |"
                          r"our |his |her |their )?exam results?\b|"
                          # ("my girlfriend keeps texting her ex": someone else's ex, no break-up of the client's)
                          r"\b(?:her|his|their) ex\b(?:-\w+)?|"
                          # ("this one was young and his mum got there too late", of a patient: his family, not the client's)
                          r"\b(?:his|their) (?:mum|mom|mother|dad|father|parents|family)\b|"
                          # ("my dad got made redundant": his job lost, lived by the client as family; "fired me" stays)
                          r"\b(?:he|she|they|(?:my|your|his|her|our) (?:\w+ )?\w+) (?:got |was |were |has been |have been |had been |"
                          r"'s been |is being |just got )?(?:made redundant|laid off|fired|sacked)\b(?! me\b)|"
                          # ("my car broke down", "it broke my heart", "i broke my wrist": no money worry)
                          r"\bbroke (?=(?:down|into|out|off|through|in|me|my|you|your|his|her|our|their|the|a|it|us|him|them|"
                          r"everything)\b)|"  # ("broke up" stays: a break-up)
                          # ("my dog bit someone and now they want him put down": alive, and at risk; no death, nor a goodbye)
                          r"\b(?:want|wants|wanted|trying|threatening)\s+(?:to\s+)?(?:have\s+)?(?:him|her|it|them|(?:my|our|the)\s+\w+)\s+"
                          r"(?:put\s+(?:down|to sleep)|destroyed)\b|"
                          # ("the school rang again about my son's behaviour": a parent's worry, not their own studies)
                          r"\b(?:the )?(?:school|college|nursery)(?= (?:has |have )?(?:rang|rung|called|phoned|emailed|wrote|sent|keeps? "
                          r"(?:ringing|calling|phoning))\b)|"
                          # ("im scared ill never find another job": "ill" typed for "I'll", no illness)
                          r"\bill (?=(?:never|ever|be|have|get|go|do|lose|find|mess|fail|make|end up|just|probably|always|need|"
                          r"try|see|cope|manage|ever|really|let|say|tell|ask|call|miss|still)\b)|"
                          # ("leaving my mum alone": her being alone, not the client's loneliness)
                          r"\b(?:leave|leaves|leaving|left) (?:my|our|her|him|them|his|your) (?:\w+ )?(?:alone|on (?:her|his|their) own|"
                          r"by (?:herself|himself|themselves))\b|"
                          # ("my laptop died this morning": no death)
                          r"\b(?:laptop|phone|battery|computer|pc|tv|telly|printer|charger|headphones|kindle|ipad|tablet|"
                          r"console|xbox|playstation|fridge|freezer|boiler|engine|car|van)(?:'s)? (?:just |has |had |then |"
                          r"finally |completely )?(?:died|dies|dying)\b|"
                          # ("i have a job interview tomorrow": a job still to be had, no weight at work; "late for work": the journey)
                          r"\bjob interviews?\b|\blate for (?:work|school|uni|college|class)\b|"
                          # ("the vet says its kidney failure": an illness, no harsh word about themselves)
                          r"\b(?:kidney|heart|liver|renal|organ|lung|respiratory|multi-organ) failure\b|"
                          # ("it's a shame really": a pity, no shame of theirs)
                          r"\b(?:it'?s|its|it is|what|such|that'?s|thats|a real|a crying|bit of) a (?:real )?shame\b|"
                          # ("it was over something so stupid": the row was silly, no harsh word about themselves)
                          r"\b(?:something|anything|nothing|over) (?:so |really |very |totally |super )?(?:stupid|dumb|silly|petty)\b",
                          re.I)


# A partner out for the day ("my wife left for work early", "he left the house at 6"): no ending. "Left for someone else",
# "left for my best friend" stay one.
_OUT_FOR_THE_DAY = re.compile(
    r"\b((?:wife|husband|partner|girlfriend|boyfriend|gf|bf|fiance|fiancee|fiancé|fiancée)(?:'s| has| had| just| already)*) left"
    r"(?= (?:for (?:work|school|uni|college|the (?!other)\w+|(?:his|their)(?! (?:mistress|lover|girlfriend|boyfriend|ex|affair|secretary|new)\b)|an?(?! (?:younger|older|new|other|woman|man|guy|girl|"
    r"colleague|coworker|co-worker|friend|work friend)\b))\b|early|late|at (?:\d|six|seven|eight|nine|ten|five|half|quarter)|"
    r"the (?:house|flat|door|lights|oven|heating|car|dishes|tap)\b|the (?:kids|children|baby|dog) with (?:me|us|you|my \w+|your \w+)\b(?! for good)|home (?:at|early|late|for)\b|"
    r"to (?:go|get|pick|collect|take|drop|visit|see|catch|work|do|start)\b))", re.I)
# A job loss feared, not yet come ("i think im going to get made redundant"): a worry at work, no "since it happened?".
_FEARED_JOB_LOSS = re.compile(r"\b(?:going to|gonna|about to|might|may|could|will|i'?ll|likely to|probably)(?: \w+)?(?: be| get)? "
                              r"(?:made redundant|laid off|fired|sacked|let go)\b|\b(?:rumou?rs?|talk) (?:of|about) (?:redundanc\w*|"
                              r"layoffs|lay-offs|job cuts)\b", re.I)
# A topic named as what is good in their life ("a good job, a nice flat"): said to set it aside, not as the weight.
_PRAISED = re.compile(r" (?:good|nice|great|decent|lovely|stable|steady|dream|amazing) $")
# A topic set aside as fine ("work is fine i guess", "school's ok"): what they go on to is what weighs.
_FINE_AFTER = re.compile(r" (?:is|was|s|has been|'s) (?:(?:fine|ok|okay|alright|good|great|actually|honestly|"
                         r"all|right)(?: |$))+(?:i guess |i suppose |more or less |tbh |honestly |really |actually )*(?:and |so )?(?:(?:its|it's|it s) )?"
                         # (or nothing after: "work is ok", said of one part of life to set it aside)
                         r"(?:just |but |$)")


def _priority(topic: str) -> int:
    return responses()["topics"][topic].get("priority", 1)


def topic_for(clean: str, key: str, feeling: Feeling | None, conversation: Conversation) -> str | None:
    """The topic of this message, staying with the story told so far where it goes on."""
    topic, whole = topic_of(key), topic_of(clean)
    if whole and (topic is None or _priority(whole) > _priority(topic)):
        # the reflected piece is shifted to "you" ("a group chat about you"): a weightier topic in the
        # client's own words still decides
        topic = whole
    grieving = feeling is not None and (feeling.label == "grief" or "grief" in feeling_cues(clean))
    if grieving and topic in (None, "family", "health", "relationship", "friends") and (
            _A_DEATH.search(_NOT_STUDIES.sub(" ", clean)) or any(t.topic == "loss" for t in conversation.turns[-6:])):
        # "my dad died" is about losing him before it is about the family ("since my wife passed" before the marriage);
        # "I miss them" with no death told (old friends left behind) is missing, not a bereavement to ask memories of
        topic = "loss"
    if topic in (None, "loss", "family", "friends", "relationship", "illness", "health", "loneliness") and _AHEAD.search(clean):
        topic = "ahead"
    before = conversation.turns[-1].topic if conversation.turns else None
    if MOVING_ON.match(clean):
        return topic  # "anyway, i watched a film last night": they have moved on, and so does the question
    if before and before not in ("loss", "ahead", "workloss") and not any(topic_of(t.text) == before or topic_of(t.key) == before
                                               for t in conversation.turns[-2:]):
        # a topic carries a turn or two past the words that told it, not for ever: "my new trainers are comfy"
        # two messages after "my boss yelled at me" is not about work
        before = None
    if topic is None and feeling is None and any(t.topic == "loss" for t in conversation.turns[-3:]):
        before = "loss"  # a death told a few turns ago is still the story ("I keep picking up the phone")
    if before == "betrayal" and topic in (None, "relationship"):
        topic = before  # "i found the messages on his phone" after "my partner cheated on me": the same story
    if before == "workloss" and topic in ("loss", "study"):
        # "she died with no one there" after "a patient died on my shift": still the nurse's night, not a bereavement;
        # "i have to stand in front of his class tomorrow" after "one of my pupils died": the teacher's loss, not studies
        topic = before
    if before == "joblost" and topic in (None, "work", "relationship", "family", "money"):
        topic = before  # "they called me into a meeting", "how do i tell my wife" after "i lost my job today"
    if before and (topic is None and feeling is None or key.startswith(_THIRD_PERSON) and topic != "ahead"
                   or before in ("loss", "ahead", "workloss") and topic in (None, "health", "family", "relationship", "work", "friends")
                   or before in ("health", "illness") and topic == "work" or before == "illness" and topic in ("family", "relationship")
                   or before in ("breakup", "separating") and topic == "work"):
        # still the same story: "I keep picking up the phone to call her" after "my mum died";
        # "he went straight back to work" is about the brother, not the client's work; "we were married
        # 51 years" after "my wife passed away" asks about losing her, not about "this relationship"; "people at work
        # don't get it" after "my dog died" is about the loss, "he laughed when i said i can't work" about the pain;
        # "i said i'm your daughter and she just looked at me" after "mum has dementia" is the illness, no family quarrel;
        # "I go to work, I come home, I watch telly" after "my wife left" is the days since, not work
        topic = before
    elif key.startswith(_THIRD_PERSON) and topic in _ABOUT_THE_CLIENT:
        topic = None
    if topic in ("breakup", "family") and _TELLING_THE_CHILDREN.search(clean):
        topic = "separating"  # "we have to tell the kids we're splitting up": under way, not "since it ended?"
    if topic in ("breakup", "separating") and _PARENTS_PARTING.search(clean):
        topic = "family"  # "my parents are getting divorced": their ending, lived by the client as family
    if topic == "relationship" and (told := next((t.topic for t in reversed(conversation.turns[-6:])
                                                  if t.topic in ("breakup", "betrayal", "separating")), None)):
        # "she was my girlfriend for three years" after "we broke up", "we've been together six years" after
        # "he cheated on me": still the ending, still the betrayal (and the separation under way)
        topic = told
    if before == "loneliness" and topic in ("family", "friends") and _FAR_AWAY.search(clean):
        topic = before  # "my family is 300 miles away" after "i've got nobody to talk to since i moved here": still lonely
    if topic in (None, "study", "friends") and any(t.topic == "bullying" for t in conversation.turns[-6:]):
        topic = "bullying"  # "i dont want to go to school tomorrow" after the group chat: still that story
    return topic


_FAR_AWAY = re.compile(r"\b(?:miles|far away|so far|abroad|overseas|back home|another country|the other side of|"
                       r"hours away|a long way)\b", re.I)
_TELLING_THE_CHILDREN = re.compile(r"\b(?:tell|telling|told|break it to|explain(?:ing)? (?:it )?to) (?:the|our|my) (?:kids|children|"
                                  r"son|daughter|boys|girls|little ones|youngest|eldest)\b[^.!?]*\b(?:separat\w*|split\w*|"
                                  r"divorc\w*|break(?:ing)? up)\b", re.I)
_PARENTS_PARTING = re.compile(r"\b(?:parents|mum and dad|mom and dad|dad and mum|dad and mom|folks)\b[^.!?]{0,30}"
                              r"\b(?:divorc\w*|split\w*|separat\w*|broke up|breaking up)", re.I)
# Stories of something that ended: a death, a break-up.
ENDINGS = ("loss", "breakup")
# Warm feelings that, told after an ending, are most often love remembered ("I loved her so much").
_REMEMBERED = {"love", "admiration", "joy", "gratitude", "approval", "caring"}
_HELPING = re.compile(r"\b(?:help|support|be there for|look after|comfort|reach|get through to|talk to)\b", re.I)
_SOMEONE = re.compile(r"\b(?:we|us|our|together|she|her|he|him|his|they|them)\b", re.I)


def remembered_love(clean: str, feeling: Feeling | None, topic: str | None, conversation: Conversation) -> str | None:
    """The ending ("breakup" or "loss") a warm feeling looks back on, told within the last three turns; else None.

    "I loved her so much" after "we split up after ten years" is not joy to build on: named as a
    happy feeling ("full of love", "What part of it has felt best?") it would be badly misheard.
    Good news of another kind ("I got the job!") names no one from the story and is left as it is.
    """
    if feeling is None or feeling.label not in _REMEMBERED or topic not in (None, "relationship", "family", *ENDINGS):
        return None
    if not _SOMEONE.search(clean) or feeling.label == "caring" and _HELPING.search(clean):
        return None  # ("i dont know how to help him", of a grieving son: care for the living, no love remembered)
    return next((t.topic for t in reversed(conversation.turns[-3:]) if t.topic in ENDINGS), None)


# Feelings the model hears in words of missing someone who died ("i dont know what to do without her" is heard as
# confusion, "she was everything" as surprise): the loss is the feeling. A guilt, an anger, a fear or a warm memory
# after a death is its own, and stays.
_MISHEARD_IN_MOURNING = {"confusion", "sadness", "disappointment", "surprise", "realization", "curiosity", "desire",
                         "nervousness", "caring"}
# Days with no shape after a death ("i don't know what to do with myself"): lost without them.
_ADRIFT = re.compile(r"\b(?:don'?t|dont|do not|didn'?t|didnt) (?:really |even )?know what to do with (?:myself|my days|my time|"
                     r"my evenings|my weekends)\b|\b(?:feel|feeling|felt|i'?m|im|i am) (?:so |completely |totally |a bit |really |just )?"
                     r"(?:lost|adrift|rudderless|aimless)\b(?! (?:my|the|a|an|it|him|her|them)\b)")
_MISSING = re.compile(r"\b(?:without|miss\w*|gone|anymore|any more|never again|raised me|brought me up)\b", re.I)


# The body and mind in shock ("i can't stop shaking", "it doesn't feel real"), heard as nerves or puzzlement by the model.
_SHOCK = re.compile(r"\b(?:shaking|shaky|trembling|can'?t (?:take it in|process (?:it|this))|(?:doesn'?t|does not|don'?t|dont) "
                    r"(?:feel|seem) real|feels? (?:so )?unreal|(?:hasn'?t|hasnt|has not) (?:sunk in|hit me))\b", re.I)


def mourned(clean: str, feeling: Feeling | None, topic: str | None, them: str, just_now: bool = False) -> Feeling | None:
    """In a story of a death still told (topic "loss"), a message about the one who died or about missing them,
    with no feeling word of the client's own: the loss of them, not what the model hears in the words. Just after
    the death (`just_now`, see just_bereaved), shaking or disbelief is the shock of it."""
    if topic != "loss" or feeling is not None and feeling.intensity in ("theirs", "mixed"):
        return None
    lower = clean.lower()
    if _ADRIFT.search(lower):
        # "i dont know what to do with myself": adrift without them, not "confused" (nor a plain "sad")
        return Feeling(f"lost without {them}" if them else "lost and adrift", "grief", "moderate")
    if feeling is not None and (feeling.label == "grief" or feeling.label not in _MISHEARD_IN_MOURNING):
        return None
    if just_now and _SHOCK.search(lower):
        return Feeling("in shock", "grief", "moderate")  # "i can't stop shaking" after "my dad died this morning": not nerves
    speaks_of_them = {"her": _SHE, "him": _HE}.get(them, re.compile(r"\b(?:they|them|their)\b")).search(lower)
    if not speaks_of_them and not _MISSING.search(lower):
        return None
    return Feeling(f"lost without {them}" if them else "heartbroken", "grief", "moderate")


_LONELY = re.compile(r"\b(?:lonely|loneliness|so alone|all alone|on my own|by myself|nobody to talk to|no one to talk to)\b", re.I)


def asked_about(topic: str | None, clean: str, just_now: bool) -> str | None:
    """The topic to ask about: loneliness told in a loss not just now ("im so lonely since my wife died, the evenings are
    the worst") is asked about as loneliness, not memories of her; else the topic itself."""
    return "loneliness" if topic == "loss" and not just_now and _LONELY.search(clean) else topic


def family_for(feeling: Feeling | None) -> str:
    """The group of validations and questions that fit a feeling ("neutral" for none)."""
    if feeling is None:
        return "neutral"
    if feeling.intensity == "mixed":
        return "mixed"
    return _RESPONSE_GROUP.get(feeling.label) or family_of(feeling.label)


def pronoun(conversation: Conversation, clean: str) -> str:
    """Her, him or them: who died, from the latest message telling of a death, if only one is clear; "" for a
    pregnancy lost, where there is no one to be asked memories of by a pronoun.

    Only that message counts: "my brother went back to work" after "my dad died" must never
    turn into a question about the brother as if he had died. When it names no one ("my dog died last week"),
    the messages after it may, by the pronoun they begin with ("he was 14").
    """
    texts = [clean] + [t.text for t in reversed(conversation.turns[-6:])]
    if any(_PREGNANCY_LOST.search(t) for t in texts):
        return ""
    # the latest telling that names someone: "the funeral is on friday" names no one, "my mum died" does
    told = [t.lower() for t in texts if _A_DEATH.search(t)]
    told = next((t for t in told if (_SHE.search(t) or _HE.search(t)) and not _ONLY_THE_FUNERAL.match(t)),
                told[0] if told else "")
    # ("im so angry at my sister she didnt come to the funeral": the sister is alive; the funeral names no one)
    she, he = (0, 0) if _ONLY_THE_FUNERAL.match(told) else (len(_SHE.findall(told)), len(_HE.findall(told)))
    if told and not she and not he:
        since = texts[:[t.lower() for t in texts].index(told)]
        she, he = (sum(bool(re.match(rf"\W*{word}\b", t, re.I)) for t in since) for word in ("she", "he"))
    if told and (owned := _OWNED_LOSS.search(told)) and (pet := _OWNED_PET.match(owned["lost"])):
        return f"{_owner(owned)}'s {pet[1]}"  # "my son's hamster died": the hamster, never "him"
    # a pet with no "he" or "she" yet ("my dog died this morning") is "your dog", never "them"
    pet = None if she or he else re.search(r"\b(?:my|our) (?:\w+ )?(dog|cat|puppy|kitten|rabbit|bunny|horse|pony|hamster|"
                                           r"guinea pig|budgie|parrot|tortoise)\b", told)
    return "her" if she and not he else "him" if he and not she else f"your {pet[1]}" if pet else "them"


# A message whose only word of a death is "the funeral" or "a funeral": the people in it are not who died.
_ONLY_THE_FUNERAL = re.compile(r"^(?!.*\b(?:died|dies|passed|death|lost my|put down|put to sleep|killed|without)\b)"
                               r"(?!.*\b(?:his|her|their|\w+'s|mums|dads|nans|grans) funeral\b).*\b(?:the|a) funeral\b", re.I)
# A death in the life of someone close ("my son's hamster died", "my friend's dad passed away"): theirs to grieve first,
# and the client's beside them.
_OWNED_LOSS = re.compile(r"\b(?:my|our) (?P<who>(?:(?:best|little|big|older|younger|eldest|youngest|oldest|twin|step) )?"
                         r"(?:son|daughter|mum|mom|mam|mother|dad|father|sister|brother|friend|mate|bestie|partner|husband|wife|"
                         r"boyfriend|girlfriend|nan|gran|grandma|grandad|grandpa|aunt|auntie|uncle|cousin|neighbour|neighbor|"
                         r"flatmate|housemate|kid|child|parent|niece|nephew|colleague|boss))(?:'s|s'|s|'|’s) "
                         r"(?P<lost>(?:[\w-]+ ){1,2}?)(?:just |sadly |suddenly )?(?:died|passed|was put down|had to be put down|"
                         r"got put down|was put to sleep|had to be put to sleep|was killed|got run over|was run over|"
                         r"lost (?:the|their|her|his) baby|had a miscarriage|miscarried)\b", re.I)
_OWNED_PET = re.compile(r"(?:\w+ )?(dog|cat|puppy|kitten|rabbit|bunny|horse|pony|hamster|guinea pig|budgie|parrot|tortoise|"
                        r"fish|goldfish|gerbil|rat|mouse|bird|pet)\s*$", re.I)


def _owner(found: re.Match) -> str:
    return "your " + found["who"].lower()


def owner(conversation: Conversation, clean: str) -> str:
    """Whose loss it is first ("your son" for "my son's hamster died"), from the latest message telling of a death;
    "" when it is the client's own."""
    told = next((t for t in [clean] + [t.text for t in reversed(conversation.turns[-6:])] if _A_DEATH.search(t)), "")
    return _owner(found) if (found := _OWNED_LOSS.search(told)) else ""


# A death told as just now ("my mum died last night", "mum passed an hour ago", "lost my dad this morning", "my dad just
# passed"): too soon to ask how it has been since, or for memories. ("i passed my test this morning" is no death.)
_DEATH_NOW = (r"(?:died|passed(?: away| on)?(?! (?:my|the|an?(?! (?:hour|few|couple|half)\b)|it|all|with|out|him|her|"
              r"them|by|through|over|his|our|their|your)\b)|was killed|lost (?:my|our) (?:\w+ )?" + _CLOSE + r")")
_JUST_NOW = re.compile(r"\b" + _DEATH_NOW + r"\b[^.!?]{0,25}?\b(?:last night|this morning|this afternoon|this evening|today|"
                       r"tonight|yesterday|(?:an|half an|an? \w+|\w+|a few|a couple of) hours? ago|(?:a few |\d+ |\w+ )?minutes ago|"
                       r"earlier|just now)\b|\bjust " + _DEATH_NOW + r"\b", re.I)


def just_bereaved(conversation: Conversation, clean: str) -> bool:
    """Whether this message or one of the last few tells of a death just now."""
    return any(_JUST_NOW.search(t) for t in [clean] + [t.text for t in conversation.turns[-6:]])


def question(topic: str | None, family: str, conversation: Conversation, used: list[str], them: str = "them",
             plain: bool = False, just_now: bool = False, small: bool = False, whose: str = "") -> str:
    """A question about the topic when it carries a weight, else one for the feeling's family.

    `plain`: the topic is only named ("just work"), with no feeling or pain told: no question that takes a weight as
    told (`weight` in topics.toml); else none of those kept for that (`plain`). `just_now`: a death was told as just
    now (just_bereaved), and no question asks how it has been since (`since`). `small`: a small pleasure, asked only
    the questions kept for it (`small`); other glad news never is. `whose`: the loss is someone else's first ("your
    son", see owner): asked about them and the client first (`{whose}`), and never otherwise.
    """
    if topic in _PEOPLE and family in ("fear", "shame"):
        # "my partner goes back to work on monday and I'm dreading it": the dread, not "this relationship"; "i snapped at
        # my daughter": the guilt, not "things in your family as they are"
        topic = None
    if topic == "loss" and family == "anger":
        topic = None  # "im so angry at my sister she didnt come to the funeral": the anger, not memories of the one who died
    # topic questions ask about a weight, unless the topic is glad too ("how has it been going since you stopped?")
    if topic and (family not in ("joy", "surprise", "mixed") or responses()["topics"][topic].get("glad")):
        recent = conversation.recent_templates()
        fresh = [q for q in responses()["topics"][topic]["questions"] if q["id"] not in recent
                 and (them or "{them}" not in q["text"]) and not (just_now and q.get("since")) and (just_now or not q.get("now"))
                 and (whose or "{whose}" not in q["text"])]
        fresh = [q for q in fresh if not q.get("weight" if plain else "plain")] or fresh
        # someone else's loss first: how they and the client are; hours after a death of their own: how they are and
        # who is with them first (`now`); memories once those have been asked
        fresh = [q for q in fresh if "{whose}" in q["text"]] or [q for q in fresh if q.get("now")] or fresh
        if fresh:
            return pick(fresh, conversation, used)["text"].format(them=them, whose=whose)
    # "Where would you like to start?" fits only a conversation's start
    neutral = [q for q in responses()["questions"]["neutral"] if not (conversation.turns and q.get("opening"))]
    options = [q for q in responses()["questions"].get(family, ()) if not (just_now and q.get("since"))
               and (family != "joy" or bool(q.get("small")) == small)]
    return pick(neutral if family == "neutral" else options, conversation, used, neutral)["text"]
