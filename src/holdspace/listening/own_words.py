"""The client's own feeling words: the words they use about themselves ("i'm so lonely", "i feel like nothing"),
typed as people type them ("lonley", "im stresd"), and the words they deny ("i'm not sad") or say only of someone else
("he gets angry"). A feeling word of their own is the most accurate there is, and the listener says it back rather
than its own (feelings.feeling_for).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from holdspace.language.emotions import LABELS, family_of
from holdspace.listening.feelings import feeling_cues, feelings_table, negated, someone_elses, unfelt
from holdspace.listening.strain import PHRASE_LABELS, STRAIN_PHRASES, TURNS_GLAD

__all__ = ["denied_labels", "others_labels", "own_word", "own_words"]


# Ways of saying numb or cut off without a feeling word: said back in one plain word.
_OWN_PHRASES = (
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling) (?:like )?(?:nothing|numb)\b|"
                r"\bi (?:don'?t|can'?t|didn'?t|couldn'?t) (?:really )?feel (?:anything|a thing)\b"), "numb"),
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling) (?:so |really |completely |kind of )?"
                r"(?:empty|hollow)\b"), "empty"),
    (re.compile(r"\b(?:so |really )?(?:far away|far|distant|cut off) from (?:everyone|everybody|everything|people)\b|"
                r"\bwatching (?:my|our) (?:own )?life\b|\bthrough (?:a )?glass\b|"
                r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling|i'?m) (?:so |really |kind of )?"
                r"(?:disconnected|detached)\b"), "disconnected"),
    # "I haven't slept more than 2 hours in a row", "running on no sleep": exhausted, in other words
    (re.compile(r"\b(?:i (?:have|haven'?t|havent|hadn'?t)(?: really)? (?:not )?slept|(?:haven'?t|havent) "
                r"(?:had )?(?:any )?(?:slept|sleep)|running on (?:no|zero|empty)(?: sleep)?|no sleep|(?:can'?t|cant) "
                r"remember the last time i slept|running on fumes)\b|"
                # "i've been sleeping really badly", "3 hours a night"
                r"\b(?:sleeping|slept|sleep) (?:so |really |very |super |terribly |awfully )?(?:badly|terribly|awfully|horribly|"
                r"rubbish|like crap|like shit)\b|\b(?:barely|hardly|(?:haven'?t|havent|not) been) sleeping\b|"
                r"^\W*(?:only |maybe |like |about |barely )?(?:\d+|one|two|three|four|a couple of|a few) hours? (?:of sleep )?"
                r"(?:a|per|each) night\b"), "exhausted"),
    # "my car broke down" told on its own: a setback, which the model hears as a low ("sad ... a lot to carry")
    (re.compile(r"^\W*(?:my|our|the) (?:car|van|boiler|bike|washing machine) (?:just |has |had |completely )?(?:broke down|broken down|"
                r"died|won'?t start|wouldn'?t start|packed in)(?: (?:again|today|this morning|last night|yesterday|on the way to "
                r"work|on the motorway|on the way home))*\W*$"), "frustrated"),
    # "i can't believe how fast it went" (a child starting school), "where did the time go": glad and sad at once
    *((re.compile(r"\bhow (?:fast|quickly|quick) (?:it|it all|the time|time|the years|(?:they|he|she)(?:'ve| have| has)?) "
                  r"(?:has |have |all )?(?:went|goes|gone|flew|flies|flown|grew up|grow up|grown(?: up)?|went by|goes by|gone by)\b"
                  r"(?! (?:downhill|down|wrong|bad|badly|south|off the rails))|"
                  r"\bwhere (?:did|has|have) (?:the|all the) (?:time|years) (?:go|gone)\b|"
                  r"\b(?:grown|growing|grew|grow) up (?:so |too )?(?:fast|quickly)\b|"
                  # a child leaving for university ("my daughter is going off to uni next week"): a milestone, not a loss
                  r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|youngest|eldest|oldest|baby)(?:'s| is)? (?:\w+ )?(?:going|off|leaving|"
                  r"leaves|heading|moving|starting|starts)(?: off| away)? (?:to |for )?(?:university|uni|college)\b|"
                  # ...or starting school ("my son starts school next week")
                  r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|youngest|eldest|oldest|baby)(?:'s| is)? (?:starting|starts) "
                  r"(?:big |primary |secondary |high )?(?:school|nursery|reception|kindergarten|preschool)\b"
                  r"(?![^.!?]*\b(?:dread|scared|worried|nervous|anxious|terrified|afraid))"), word)
      for word in ("proud", "a little sad")),
    # "i don't even want to go anymore" (to the gym, to school), "i just want to give up": worn down, pulling back;
    # never "irritated"
    (re.compile(r"\bi (?:don'?t|dont|do not) (?:even |really )?(?:want|wanna) to (?:go|try|bother|do (?:it|anything))"
                r"(?: \w+){0,3}? (?:anymore|any more)\b|\bi (?:just |really |kind of |kinda )?(?:want to|wanna|feel like)"
                r" giv(?:e|ing) up\b(?! on (?:life|living|everything))"), "discouraged"),
    # "i walked home feeling lighter than i have in ages", "i can breathe again", "felt free": a weight gone
    (re.compile(r"\b(?:feel|felt|feeling) (?:so |so much |much |a lot |a bit |really |actually |way )?lighter\b"), "lighter"),
    (re.compile(r"\b(?:i (?:feel|felt) like )?i can (?:finally |actually )?breathe again\b|\b(?:a |the |this )?(?:massive |huge |"
                r"big )?weight (?:is|has) (?:gone|lifted)\b|\bweight (?:off|lifted off) my shoulders\b"), "relieved"),
    (re.compile(r"\b(?:feel|felt|feeling) (?:so |really |finally )?free\b(?! to\b)"), "free"),
    # "ive just been feeling off lately": not right, without a name for it
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?ve (?:just )?been feeling|been feeling|i'?m feeling|feeling) "
                r"(?:a (?:bit|little) |kind of |kinda |so |really |just )?off\b(?! (?:to|work|sick|school|the)\b)"),
     "off"),
    # "i feel weirdly flat about it", "feeling a bit meh": flat, even about good news
    (re.compile(r"(?:\bi (?:just )?(?:feel|felt)|^\W*(?:just )?(?:feel|felt)|\bi'?m feeling|\bfeeling|\bi'?m|\bim) (?:\w+ly |so |really |kind of |kinda |a bit |"
                r"just )?(?:flat|meh|blah|bleh)\b"), "flat"),
    # "i am SO sick of it", "im fed up with her": their own word for it
    (re.compile(r"\b(?:i'?m|im|i am) (?:so |really |completely |totally |just |getting |sick and )?(?:sick of|fed up)\b"),
     "fed up"),
    # "he said i'm too much", "she told me i was too needy": a verdict from someone close, and it wounds
    (re.compile(r"\b(?:said|says|told me|tells me|called me) (?:that )?(?:i'?m|im|i am|i was) (?:way |just |always )?"
                r"(?:too much|too needy|too sensitive|too clingy|too emotional|a lot to deal with|hard to love)\b|"
                # "my boss said my work wasn't good enough": a verdict on what they made or did
                r"\b(?:said|says|told me) (?:that )?my \w+ (?:was|is|wasn'?t|isn'?t|was not|is not) (?:\w+ )?(?:good enough|"
                r"rubbish|terrible|awful|crap|useless|a mess|sloppy)\b"), "hurt"),
    # "nobody gets it, they think im being lazy": not believed, not understood
    (re.compile(r"\b(?:nobody|no one|noone|no-one) (?:\w+ )?(?:gets it|understands|believes me|gets what)\b|"
                r"\b(?:think|thinks|say|says) (?:i'?m|im|i am) (?:just )?(?:being lazy|faking|making it up|exaggerating)\b"),
     "misunderstood"),
    # "i keep cancelling plans because i just dont have the energy": worn out, not irritated
    (re.compile(r"\b(?:i )?(?:just )?(?:don'?t|dont|do not|never) have (?:the|any) energy\b|\b(?:i have|i've got|ive got) "
                r"(?:no|zero) energy\b"), "drained"),
    # "i dont know how to tell my parents", "how im going to tell my wife": news still to be told, and dreaded
    (re.compile(r"\b(?:don'?t|dont|do not) (?:even |really )?know how (?:to|i'?m (?:going to|gonna)|im (?:going to|gonna)|i'?ll|i will|i can) "
                r"(?:ever )?(?:tell|break it to) (?:my|him|her|them|anyone|everyone|people|mum|mom|dad|the)\b|"
                # "i dont know how to bring it up without a fight"
                r"\b(?:don'?t|dont|do not) know how to (?:bring (?:it|this|that) up|raise (?:it|this|that)|ask (?:him|her|them)|"
                r"talk to (?:him|her|them|my \w+) about)\b"), "worried"),
    # "everything feels pointless lately": no point or meaning left in anything
    (re.compile(r"\b(?:everything|it all|life|nothing|anything) (?:\w+ )?(?:feels|seems|is|feel) (?:so |just |kind of |kinda |"
                r"completely |totally )?(?:pointless|meaningless)\b|\bnothing (?:really )?matters (?:anymore|any more)\b"),
     "hopeless"),
    # "i honestly thought i failed" (and passed): a fear that was, and was not borne out
    (re.compile(r"\bi (?:honestly |really |genuinely |actually |seriously )?(?:thought|was sure|was convinced) "
                r"(?:i'?d|id|i|i had) (?:completely |totally )?(?:failed|bombed|flunked|messed (?:it|them|that) up)\b"),
     "relieved"),
    # "im actually buzzing": glad, in British English (a phone buzzing is no feeling)
    (re.compile(r"\b(?:i'?m|im|i am|i was|we'?re|we are|feeling|still) (?:\w+ )?buzzing\b"), "buzzing"),
    # "i'm just falling apart", "im a wreck": more than they can hold
    (re.compile(r"\b(?:i'?m|im|i am|i feel like i'?m|i feel like im) (?:just |completely |totally |kind of |kinda |"
                r"literally |honestly )?(?:falling apart|breaking down|a wreck|an absolute wreck|a mess)\b|"
                # "i don't think i can keep this up much longer"
                r"\b(?:i (?:don'?t|dont) think i can|i can'?t|i cant|i cannot) keep (?:this|it|going like this) up\b"), "overwhelmed"),
    # "i havent had a day off in weeks": worn down by going on without a break, not let down
    (re.compile(r"\b(?:haven'?t|havent|have not|not|hasn'?t been|never) (?:had )?(?:a|one|a single) (?:day|weekend|night|minute|break)"
                r"(?: off| to myself| for myself)? (?:in|for) (?:weeks|months|ages|forever|a long time)\b"), "worn out"),
    # "everything feels like too much", "it's all too much": more than they can hold
    (re.compile(r"\b(?:everything|it all|all of it|it'?s all|its all|life|things)(?:'s| is| feels| felt| seems| has been)?"
                r"(?: (?:like|just|all|getting|becoming|so))* (?:way |far |a bit |kind of )?too much\b"), "overwhelmed"),
    # "i just want to sleep" (after "everything feels like too much"): worn out, not a longing; a wish never to wake
    # is the risk check's, and never said back as tiredness
    (re.compile(r"\bi (?:just |really |only )?(?:want|wanna|need) to (?:sleep|go to bed|stay in bed|crawl into bed|lie down)\b"
                r"(?! (?:forever|for ever|for good|and (?:never|not)|with|over|on)\b)"), "worn out"),
    # "i keep comparing myself to everyone on instagram": measured against others and coming off worse
    (re.compile(r"\bcompar(?:e|es|ed|ing) myself (?:to|with|against)\b|\b(?:don'?t|dont|never|not) measur(?:e|ing) up\b"),
     "not good enough"),
    # "im 29 and still living with my parents": where they are in life, not yet where they hoped to be
    (re.compile(r"\bstill (?:living|live|at home) with (?:my )?(?:parents|mum|mom|dad|folks)\b|"
                r"\b(?:behind (?:everyone|in life)|(?:everyone|people) my age)\b|"
                # "i just feel stuck", "going nowhere", "in a rut" (not "stuck in traffic": only said of life or of them)
                r"\b(?:(?:i (?:just )?(?:feel|felt)|feeling) (?:like i'?m )?|(?:i'?m|im|i am) (?:\w+ )?)(?:so |really |just |kinda |a bit )?"
                r"stuck(?= *(?:$|[.,!?;]|and\b|but\b| in (?:life|a rut|my life|a loop)))|\bgoing nowhere\b|\bin a rut\b"),
     "stuck"),
    # "i can't believe she's gone": the shock of a death, and the grief in it
    (re.compile(r"\b(?:can'?t|cannot|cant) (?:believe|accept)(?: that)? (?:she|he|they|my (?:mum|mom|dad|nan|gran|grandma|grandad|"
                r"grandpa|brother|sister|wife|husband|partner|son|daughter|friend|best friend|dog|cat|baby))(?:'s|s|'re| is| are| has| have)? "
                r"(?:really |actually |just )?(?:gone|dead|died|passed(?: away)?)\b"), "shocked and heartbroken"),
    # "what's the point of even trying", "why do I even bother": worn down by trying, said in a question
    (re.compile(r"\b(?:what'?s|whats|what is) the (?:point|use)(?: (?:of|in) (?:\w+ ){0,2}(?:trying|bother\w*|applying|"
                r"going|doing|caring|studying|revising))?\b(?! of (?:talking|writing|speaking|typing))|"
                r"\bwhy (?:do|should|would|even) (?:i )?(?:even )?(?:bother|try)\b|\bwhy bother\b"), "discouraged"),
)


# Good news, in which the same words are the trouble left behind ("finally paid off my debt", "i passed!!").
_GLAD = frozenset({"relief", "pride", "joy", "excitement"})


def _glad(text: str) -> bool:
    """Whether a message is glad news, or glad of what it tells with no turn from it ("she relies on me and i love
    that"; "i love my kids but it's all on me" still turns)."""
    cues = set(feeling_cues(text))
    return bool(_GLAD & cues) or "love" in cues and not re.search(r"\b(?:but|though|except)\b", text.lower())


# Slips too far from the word for _slips ("im stresd out").
_FAR_SLIPS = {"stresd": "stressed", "stresssed": "stressed", "overwelmd": "overwhelmed", "overwhelmd": "overwhelmed"}


# Real words one slip away from a feeling word: never read as that feeling ("I tried", "a sacred place").
_NOT_SLIPS = frozenset({"tried", "sacred", "lovely", "tires", "hired", "wired", "fired", "trade", "sadder", "angel",
                        "anger", "upsets", "relived", "relieve", "confuse", "devastate", "frustrate", "irritate",
                        "tankful", "scare", "exited", "numbe", "lone", "hopful", "cuffed", "stoke", "excite"})


@cache
def _slips() -> dict[str, str]:
    """Common slips of the client's feeling words -> the word: two neighbouring letters swapped ("lonley")
    in words of five letters or more, one letter dropped ("exausted", "anxous") in words of six or more."""
    found: dict[str, str] = {}
    for word in feelings_table()["own"]:
        if len(word) >= 5:
            for i in range(1, len(word) - 1):  # the first letter is rarely the slip
                found.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2:], word)
        if len(word) >= 6:  # ("anxous", "woried", "lonly": six letters is long enough to be sure)
            for i in range(1, len(word)):
                found.setdefault(word[:i] + word[i + 1:], word)
    return {slip: word for slip, word in found.items() if slip != word and slip not in feelings_table()["own"]
            and slip not in _NOT_SLIPS}


# Own words said back in the form that follows "feeling": "alone" -> "lonely", "worry" -> "worried".
_SAID_AS = {"alone": "lonely", "worry": "worried", "scary": "scared", "exciting": "excited", "anxiety": "anxious",
            "fuming": "furious", "seething": "furious",  # ("feeling fuming" reads badly)
            "humiliating": "humiliated", "embarrassing": "embarrassed", "mortifying": "mortified",
            "terrifying": "terrified", "frightening": "frightened", "frustrating": "frustrated",
            "infuriating": "furious", "upsetting": "upset", "heartbreaking": "heartbroken", "exhausting": "exhausted",
            "overwhelming": "overwhelmed", "stressful": "stressed", "disappointing": "disappointed",
            "stressing": "stressed", "worrying": "worried", "panicking": "panicked"}


# Feeling words that are nouns, and whose they are when typed without an apostrophe ("my mums anxiety", "his worry").
_NOUNS = frozenset({"anxiety", "worry", "worrying"})
_THEIR_NOUN = re.compile(r"\b(?:his|her|their|(?:my|his|her|their|our|the)\s+\w+(?:'s|s'|s))\s+$")


def own_words(text: str) -> list[tuple[str, str]]:
    """Every feeling word the client uses about themselves, not negated, in order: [(word, label)]."""
    return list(_own_words(text))


# A greeting, which names no feeling of theirs ("nobody at work even said happy birthday"): blanked before own words are read.
_GREETING = re.compile(r"\bhappy (?:birthday|bday|b-day|new year|christmas|xmas|easter|anniversary|holidays|hanukkah|diwali|eid|"
                       r"mother'?s day|father'?s day|valentine'?s(?: day)?|hour)\b")


# Someone else left on their own ("leaving my mum alone"): her being alone, not the client's loneliness.
_LEFT_ALONE = re.compile(r"\b(?:leave|leaves|leaving|left) (?:my|our|her|him|them|his|the) (?:\w+ )?alone\b")


@lru_cache(maxsize=256)
def _own_words(text: str) -> tuple[tuple[str, str], ...]:
    """own_words, once per text: a reply asks about the same message and its pieces many times."""
    own = feelings_table()["own"]
    lower = _LEFT_ALONE.sub(lambda m: " " * len(m.group(0)), _GREETING.sub(lambda m: " " * len(m.group(0)), text.lower()))
    found: list[tuple[int, str, str]] = []
    for match in re.finditer(r"[a-z]+", lower):
        word = _FAR_SLIPS.get(match.group(0)) or _slips().get(match.group(0), match.group(0))
        if word in own and not unfelt(lower, match.start()) and not someone_elses(lower, match.start()) \
                and not (word in _NOUNS and _THEIR_NOUN.search(lower[max(0, match.start() - 40):match.start()])):
            found.append((match.start(), _SAID_AS.get(word, word), own[word]))
    for pattern, word in _OWN_PHRASES:
        match = pattern.search(lower)
        if match and not (word == "exhausted" and "grief" in feeling_cues(text)):  # ("...since my wife died": grief)
            found.append((match.start(), word, PHRASE_LABELS.get(word, "sadness")))
    if not found and not _glad(text):  # their own feeling word, where there is one, says it better
        for pattern, word in STRAIN_PHRASES:
            match = next((m for m in pattern.finditer(lower) if not negated(lower, m.start())
                          and not TURNS_GLAD.search(lower, m.end())), None)
            if match:
                found.append((match.start(), word, PHRASE_LABELS.get(word, "sadness")))
    return tuple(dict.fromkeys((word, label) for _, word, label in sorted(found)))


def denied_labels(text: str) -> set[str]:
    """Feelings the client says they don't have ("I'm not sad", "I don't feel lonely"), with their
    family ("not angry" is not "irritated" either), unless they use a word of that family for
    themselves elsewhere: never to be named back to them."""
    return _families_where(text, unfelt)


def _families_where(text: str, test) -> set[str]:
    """Every label in the family of a feeling word for which `test(lower, start)` holds, unless the
    client uses a word of that family for themselves elsewhere."""
    own = feelings_table()["own"]
    lower = text.lower()
    families = {family_of(own[m.group(0)]) for m in re.finditer(r"[a-z]+", lower)
                if m.group(0) in own and test(lower, m.start())}
    families -= {family_of(label) for _, label in own_words(text)}
    return {label for label in LABELS if family_of(label) in families}


def own_word(text: str) -> tuple[str, str] | None:
    """The first feeling word the client uses about themselves, not negated: (word, label)."""
    found = own_words(text)
    return found[0] if found else None


def others_labels(text: str) -> set[str]:
    """Labels of feeling words said only of someone else ("he gets angry if I talk to my friends"):
    the model hears them too, but they are not the client's to be named."""
    return _families_where(text, someone_elses)
