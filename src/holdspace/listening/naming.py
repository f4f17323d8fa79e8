"""Which feeling to name for a message: the client's own word, else the model's likeliest, checked by cues.

Naming a feeling wrongly stings more than naming none, so judging labels, glad labels in words
of pain, and labels the client has turned down are held back unless the evidence is strong.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from holdspace.language.emotions import Emotions, family_of
from holdspace.listening.feelings import (CUE_WEIGHT, GLAD_LABELS, Feeling, denied_cues, feeling_cues, feeling_for,
                                         intensity_cues)
from holdspace.listening.memory import Conversation
from holdspace.listening.own_words import denied_labels, others_labels, own_words
from holdspace.listening.questions import ENDINGS
from holdspace.listening.strain import AT_THE_END, DISTRESS
from holdspace.listening.signals import (FEAR_TOLD_AS_PAST, GLAD_TEARS, MINIMISING, NO_REASON, NOT_GRAVE, RHETORICAL,
                                        RULED_OUT, SELF_CRITICAL, SELF_HATE, SMALL_SETBACK)

__all__ = ["AFTER_GOOD_NEWS_FLOOR", "FEELING_FLOOR", "NOT_FELT", "OPINIONS", "STORY_PIECES", "choose_feeling", "ends_glad_after_fear",
           "said_lightly", "turns_from_good_news", "sounds_painful", "story_ending", "story_glad", "story_hurts"]

#: Below every threshold, a feeling is still offered (mildly) when its score reaches this.
FEELING_FLOOR = 0.08
#: Labels that judge rather than feel, or that sting when wrong ("repulsed"): said back only when
#: the model is sure of them or the client's words point to them.
OPINIONS = {"disapproval", "admiration", "amusement", "disgust"}
#: Labels that are not feelings to say back to someone ("you seem to feel approval").
NOT_FELT = {"neutral", "approval", "realization", "curiosity"}
_NEGATIVE = {"anger", "annoyance", "disappointment", "disapproval", "disgust", "embarrassment", "fear", "grief",
             "nervousness", "remorse", "sadness"}
_AFTER_A_DEATH = {"grief", "sadness", "remorse", "anger", "fear", "nervousness", "confusion", "love", "caring"}


# The turn in "I love her so much but some days I don't feel like myself": what follows it carries the weight.
_TURN = re.compile(r"\b(?:but|though|although|yet|except)\b", re.I)
# Not feeling like oneself, in words the cues leave out.
_NOT_ONESELF = re.compile(r"\b(?:(?:don'?t|dont|do not|didn'?t) (?:really )?feel like (?:myself|me)|not (?:feeling )?(?:like )?myself)\b", re.I)
# Someone's verdict on the client, told ("she told me I'm a terrible daughter", "he called me a loser").
_VERDICT = re.compile(r"\b(?:told|tells|called|calls|said|says)(?: to)? me (?:i'?m|i was|i am|im|(?:a|an|such a) \w+)|"
                      r"\b(?:said|says) (?:i'?m|i was|i am|im) (?:a |an |such a |the )?\w+", re.I)
# Wondering ("I wonder if anyone notices"), which the model hears as surprise.
_WONDERING = re.compile(r"\bwonder(?:ing)? (?:if|whether|why|how|what|who)\b", re.I)
# Not knowing how long it has been: a way of saying "for ages".
_FOR_EVER = re.compile(r"\b(?:i )?(?:don'?t|dont|do not) (?:even )?know how (?:long|many|much)\b|\bwho knows how long\b", re.I)
# Hate aimed at the client ("they hate me", "everyone hates me").
_HATED = re.compile(r"\b(?:they|he|she|everyone|everybody|people|ppl|all|\w+s|(?:my|the|our|his|her) \w+) "
                    r"(?:all |really |just |must |still |actually |probably |definitely |secretly )?"
                    r"hate[sd]? me\b", re.I)
# What amuses, in words: without any, "lol" or "haha" alone is no amusement to name.
_AMUSING = re.compile(r"\b(?:funny|hilarious|hysterical|laugh\w*|cracking up|cracked up|crack me up|joke\w*|"
                      r"amus\w*|comedy|ridiculous|lmfao|rofl|dying of laughter|in stitches)\b", re.I)
# Being laughed at or mocked: their laughter, never the client's amusement.
_LAUGHED_AT = re.compile(r"\blaugh(?:s|ed|ing)? (?:at|about) (?:me|my|them|it|us|what)\b|\b(?:made|make|makes|making) fun of\b|"
                         r"\b(?:joke|jokes|joked|joking|comment|comments|remark|remarks) (?:about|on) (?:me|my)\b|"
                         r"\bmock(?:s|ed|ing)? (?:me|my)\b|\bjok(?:e|es|ed|ing) about me\b", re.I)

# Someone else judged by the client ("my sister is SO selfish", "he was so rude to me"): anger or hurt at them; the
# model hears "down" in it, which would tell them they are sad about a judgement they are angry about.
_JUDGES_SOMEONE = re.compile(
    r"\b(?:he|she|they|(?:my|his|her|their|our|the)\s+\w+)(?:'s|\s+(?:is|are|was|were|is being|was being|are being|"
    r"has been|have been|can be|gets|got))\s+(?:(?:so|really|such|super|very|incredibly|just|always|literally|"
    r"being|a|an|completely|totally|unbelievably)\s+)*(?:selfish|rude|inconsiderate|unfair|ungrateful|entitled|"
    r"two-faced|manipulative|controlling|disrespectful|hypocritical|petty|spiteful|nasty|mean)\b", re.I)

# A worry that is over ("i was nervous before the interview but it went fine"): what is left is relief. Named
# as the nerves, with "what worries you most?", it would tell them of a worry they have just said is past.
_RESOLVED = re.compile(
    r"\b(?:but|and|though|luckily|thankfully|in the end)\b[^.!?]{0,40}?\b(?:it|that|everything|things|all|the \w+|"
    r"she|he|they|we|i)\s+(?:went|turned out|was|were|worked out|ended up|came back|did)\s+(?:(?:really|totally|"
    r"absolutely|actually|pretty|all|so|just|completely|totally)\s+)*(?:fine|ok|okay|alright|all right|well|great|"
    r"good|better than (?:i|expected)|clear|amazing|brilliant|perfect|lovely)\b|"
    r"\b(?:turned|worked) out (?:fine|ok|okay|well|alright|all right|great)\b|" + RULED_OUT, re.I)
# The feeling before it, told as past ("i was nervous", "we were dreading it", "i'd been so scared").
_PAST_FEELING = re.compile(r"\b(?:i|we)\s+(?:was|were|felt|had been|'d been|got)\b", re.I)
# ...and nothing that says it goes on ("but now i'm worried they won't call").
_GOES_ON = re.compile(r"\b(?:still|now|but then|except|although|though|i'?m|im|am|worried|scared|nervous|anxious|"
                      r"worry|dread\w*|what if)\b", re.I)

# Glad news in the cues, and the occasions it often comes with (which are cues of nerves on their own).
_GOOD_NEWS = {"pride", "relief", "joy", "excitement"}
_OCCASIONS = {"exam", "exams", "interview", "presentation", "deadline", "deadlines", "test results", "scan results",
              "results come back", "waiting", "test tomorrow", "test today", "test on",
              # the body's side of good news ("i'm still shaking" after "i said yes")
              "shaking", "racing", "races", "heart was racing", "heart was pounding"}
_GOES_ON_WORRYING = re.compile(r"\b(?:but|still|now)\b[^.!?]{0,40}\b(?:worr\w*|nervous|anxious|scared|stress\w*|dread\w*|"
                               r"panic\w*|what if)\b", re.I)

# Measured against others and coming off worse ("she's so much prettier than me", "everyone's doing better than me").
_COMPARED = re.compile(r"\b(?:\w+er|better|more \w+)\s+than\s+(?:me|i am|i'?ll ever be|i could ever be|i was)\b", re.I)

# The word for what a glad message turns to, by its family ("happy for him but i'll miss him": happy and sad).
_TURNED_TO = {"sadness": "sad", "fear": "worried", "anger": "frustrated", "disgust": "uneasy"}

# The word for good news, by the label of its cue ("promotion": excitement), where it comes before its cost.
_NEWS_WORD = {"excitement": "excited", "pride": "proud", "joy": "happy", "relief": "relieved"}

# Being cheated on, told by the one it was done to.
_BETRAYED = re.compile(r"\b(?:cheated|cheating|been cheating|was cheating|is cheating) on me\b|"
                       r"\b(?:he|she|they|(?:my|his|her) (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee))"
                       r"\s+(?:has been |had been |was |is |'s been |has )?(?:cheating|cheated|having an affair|had an affair)\b",
                       re.I)

# Something hard done and glad of it ("felt scary but good", "terrifying but worth it").
_SCARY_BUT_GOOD = re.compile(r"\b(?:scary|scared|terrifying|terrified|nerve-?wracking|nervous|frightening)\s+(?:but|and)\s+"
                             r"(?:(?:so|really|also|actually|kind of|kinda)\s+)?(?:good|great|worth it|amazing|freeing|"
                             r"exciting|empowering|right|proud|brilliant)\b", re.I)


def _worry_resolved(text: str) -> bool:
    """Whether a worry is told as past and over: "i was nervous before the interview but it went fine"."""
    found = _RESOLVED.search(text)
    if found is None or not _PAST_FEELING.search(text[:found.start()]) or _GOES_ON.search(text[found.end():]):
        return False
    before = feeling_cues(text[:found.start()])
    # only a worry or a fear ("i was heartbroken when my dog died but the vet was lovely" is no relief)
    return bool({"nervousness", "fear"} & set(before)) and not {"grief", "sadness", "anger", "remorse"} & set(before)

# Someone else's love or care for the client, reported ("he says its because he loves me"): theirs, and often given
# as the reason for something that hurts; never named back as the client's own warm feeling.
_LOVED_BY = re.compile(r"\b(?:he|she|they|(?:my|his|her|their) \w+)(?:\s+(?:says|said|claims|claimed|thinks|swears|keeps "
                       r"saying|tells me|told me)(?: (?:it'?s|its|that'?s|thats) (?:because|cause|cos|bc))?)?\s+(?:\w+\s+)?"
                       r"(?:loves?|cares? about|adores?|worries about|is (?:just )?(?:looking out|protecting))\s+(?:me|for me)\b",
                       re.I)
# A hope told as past, and so as not met ("i was hoping for an A", "i'd hoped he would come").
_HOPE_GONE = re.compile(r"\b(?:i was|i'?d|i had|we were|we'?d|we had) (?:really |so |kind of |kinda )?hop(?:ing|ed)\b", re.I)
# Shying from conflict ("i hate confrontation") or from eyes on them ("i hate being looked at"): dread, not anger.
_SHIES_FROM_CONFLICT = re.compile(r"\b(?:hate|avoid|dread|can'?t (?:do|handle|deal with|stand)|cant (?:do|handle|stand)|"
                                  r"scared of|afraid of|terrified of|bad at|struggle with)\s+(?:any\s+)?(?:confrontation|"
                                  r"conflict|arguments|arguing|rocking the boat|making a fuss|causing a fuss|causing drama|"
                                  r"upsetting people|being (?:looked|stared) at|people (?:looking|staring) at me)\b", re.I)


def _last_turn(text: str) -> int:
    """Where the words after the last "but" begin (0 when there is no turn)."""
    turns = list(_TURN.finditer(text))
    return turns[-1].end() if turns else 0


def _turns_to_pain(text: str) -> bool:
    """Whether the part after the last "but" tells of pain: someone's worry, distress, not feeling like oneself."""
    if not _TURN.search(text):
        return False
    after = text[_last_turn(text):]
    cues = feeling_cues(after)
    return any(label in _NEGATIVE for label in cues) or bool(DISTRESS.search(after) or _NOT_ONESELF.search(after)) \
        or bool(others_labels(after) & _NEGATIVE)


# Two sides at once, in words that name neither feeling ("part of me wants to go", "on the one hand").
_TORN = re.compile(r"\b(?:(?:a |one |some )?part of me|half of me|a side of me|on (?:the )?one hand)\b", re.I)


# The client's own wish: the only time "wishful" or "longing" may be named.
_OWN_WISH = re.compile(r"\b(?:i|i'?m|i am|i'?ve|ive|i have)\s+(?:just\s+|really\s+|only\s+|still\s+|so\s+|never\s+|"
                       r"always\s+)?(?:wish|long|hope|wished|longing|miss|missing|want(?:ed)?\b(?! to (?:talk|tell|say|ask|"
                       r"mention|share|chat|bring|update|let you|vent|speak|check)))\b|\bif only\b", re.I)


def sounds_painful(text: str, found: list[Emotions]) -> bool:
    """Whether a message tells of pain: a painful cue or word of distress, or the model fairly sure of a painful label."""
    return any(label in _NEGATIVE for label in feeling_cues(text)) or bool(DISTRESS.search(text)) \
        or any(e.scores.get(label, 0.0) >= 0.3 for e in found for label in _NEGATIVE)


_HURTING_TOPICS = {"betrayal", "bullying", "self", "workloss"}


def story_hurts(conversation: Conversation) -> bool:
    """Whether the last few messages told of a death, a break-up or a painful feeling: then a plain
    message ("work gave me 3 days off lol", "I'm fine most of the time") is read in that light."""
    # (and a betrayal, bullying or a harsh thought about oneself: "everyone at the gym looks better than me" after
    # "i hate my body" is no admiration)
    return any(turn.topic in ENDINGS or turn.topic in _HURTING_TOPICS
               or turn.reply.feeling is not None and turn.reply.feeling.label in _NEGATIVE
               or bool(AT_THE_END.search(turn.text))
               for turn in conversation.turns[-3:])


# "bit sad today": a softener with its "a" dropped, at the start of a message.
_BIT = re.compile(r"^\W*(?:(?:just|feeling|feel|im|i'?m)\s+)?(?:a\s+)?(?:bit|lil|little)\b", re.I)
#: A low feeling the model only half hears is taken as told lightly in a message of at most this many words.
LIGHT_WORDS = 8
# Stories heavier than their words: a death, an ending, a betrayal, loneliness, a harsh view of oneself, caring for someone.
_HEAVY_TOPICS = {"loss", "ahead", "breakup", "separating", "caring", "betrayal", "loneliness", "self", "bullying", "workloss"}


def said_lightly(text: str, feeling: Feeling | None, topic: str | None) -> bool:
    """Whether a low or uneasy feeling is told lightly ("bit sad today", "a bit nervous"): said softly or
    only half heard by the model, with no word of pain beside it. "That's a lot to carry" or "that sounds really
    heavy" would make more of it than they did; plainer words fit."""
    if feeling is None or family_of(feeling.label) not in ("sadness", "fear") or topic in _HEAVY_TOPICS \
            or DISTRESS.search(text) or SELF_CRITICAL.search(text) or SELF_HATE.search(text):
        return False
    softened = intensity_cues(text)[0] < 0 or bool(_BIT.match(text))
    # a mild reading alone is the model unsure: only a few words count ("my best friend is pregnant and i've been trying")
    setback = SMALL_SETBACK.search(text)  # (whose own words, "failed", are no word of pain beside it)
    if not (setback or softened and feeling.intensity in ("mild", "theirs")
            or feeling.intensity == "mild" and len(text.split()) <= LIGHT_WORDS and family_of(feeling.label) == "sadness"):
        return False
    said = {word for label, found in feeling_cues(text).items() if label in _NEGATIVE for word in found}
    return not said - set(feeling.word.split()) - set(setback.group(0).lower().split() if setback else ())


def story_glad(conversation: Conversation) -> bool:
    """Whether the last message was good news ("i passed my driving test!!") and nothing before it hurts: then a
    plain message after it ("took me 4 goes lol", "i nearly gave up") is read in that light."""
    # the last feeling named in the last two messages ("took me 4 goes lol" names none, and goes on with the pass)
    felt = next((t.reply.feeling for t in reversed(conversation.turns[-2:]) if t.reply.feeling is not None), None)
    # ("concerned" is caring in the model, and a worry: "im a carer for my mum, she has parkinsons" is no good news)
    return felt is not None and felt.label in GLAD_LABELS - {"desire", "caring"} and felt.intensity != "mixed" \
        and not story_hurts(conversation)  # a wish is no good news ("he moved away" after "i wish i saw him more")


# Laughing along: "mum cried haha" after good news is happy tears.
_LAUGHING = re.compile(r"\b(?:haha\w*|lol|lmao|lmfao)\b|😂|🥲", re.I)
# Grave news about health: never named with a feeling's mildest word.
_GRAVE = re.compile(r"\b(?:cancer|tumou?r|stroke|heart attack|icu|intensive care|dementia|alzheimer'?s|terminal|"
                    r"hospice|palliative|life support|brain injury|in a coma|miscarriage)\b", re.I)
# Someone else's tears ("my mum hugged me and cried"), not the client's own.
_THEY_CRIED = re.compile(r"^(?!.*\bi (?:\w+ )?(?:cried|was crying|started crying)\b).*\b(?:she|he|they|everyone|(?:my|our) \w+)\b"
                         r"[^.!?]{0,30}\b(?:cried|was crying|were crying|started crying|in tears|teared up)\b", re.I)
# The client's own tears.
_I_CRIED = re.compile(r"\bi (?:\w+ )?(?:cried|was crying|started crying|teared up|burst into tears|was in tears)\b", re.I)
# Someone else's apology, told ("she just says sorry", "he apologised again").
_THEIR_APOLOGY = re.compile(r"\b(?:he|she|they|(?:my|his|her|the) \w+) (?:just |always |only |keeps |then )?(?:says|said|"
                            r"saying|apologi[sz]es|apologi[sz]ed)(?: sorry)?\b", re.I)
#: A message told in at least this many pieces is a story: its feeling is where it ends, not where it began.
STORY_PIECES = 3
_TEARS = {"cried", "crying", "cry", "tears"}


@lru_cache(maxsize=256)
def _feeling_in(piece: str) -> tuple[frozenset[str], frozenset[str]]:
    """The glad and the painful labels a piece of a message holds, in its cues and the client's own words."""
    cues = feeling_cues(piece)
    # (a cue inside another's is no cue of its own: the "gone" of "a massive weight is gone" is no loss)
    labels = {label for label, found in cues.items()
              if not all(any(c in d and c != d for other, ds in cues.items() if other != label for d in ds) for c in found)}
    labels |= {label for _, label in own_words(piece)}
    if GLAD_TEARS.search(piece) and set(cues.get("sadness", ())) <= _TEARS:
        labels = (labels - {"sadness"}) | {"joy"}  # "i could have cried with happiness"
    pained = labels & _NEGATIVE | ({"sadness"} if DISTRESS.search(piece) or _GOES_ON_WORRYING.search(piece) else set())
    return frozenset(labels & GLAD_LABELS), frozenset(pained)


def story_ending(sentences: list[str]) -> int | None:
    """In a story (STORY_PIECES or more pieces), the last piece that holds a feeling; else None."""
    last = next((i for i in range(len(sentences) - 1, -1, -1) if any(_feeling_in(sentences[i]))), None) \
        if len(sentences) >= STORY_PIECES else None
    # (after their own word for it, a coda with none: "...i just felt empty again. i don't know why it keeps happening")
    return last - 1 if last and not own_words(sentences[last]) and own_words(sentences[last - 1]) else last


def _fears_gone_by(sentences: list[str], last: int | None) -> set[str]:
    """Fear told as past, in a story that ends in a pain of its own ("i was nervous about raising it ... i'm livid")."""
    pained = _feeling_in(sentences[last])[1] if last else set()
    past = pained and not {"fear", "nervousness"} & pained and any(FEAR_TOLD_AS_PAST.search(p) for p in sentences[:last])
    return {"fear", "nervousness"} if past else set()


def ends_glad_after_fear(sentences: list[str], rejected: frozenset[str] | set[str] = frozenset()) -> Feeling | None:
    """A story that ends glad after the fear it began with ("i was scared everyone would stare at me ... i walked home
    feeling lighter"): the feeling it ends in, in their word, else relief; never the fear, nor "what worries you most?"."""
    last = story_ending(sentences)
    if last is None or last < len(sentences) // 2 or "relief" in rejected:
        return None
    glad, pained = _feeling_in(sentences[last])
    if not glad and pained == {"sadness"} and not _THEY_CRIED.search(sentences[last]) and last > 0 \
            and set(feeling_cues(sentences[last]).get("sadness", ())) <= _TEARS and not DISTRESS.search(sentences[last]):
        # "it's benign. i sat in the car park and just cried for ten minutes": tears after good news are relief
        glad, pained = _feeling_in(sentences[last - 1])[0], set()
    before = " ".join(sentences[:last])
    cues = feeling_cues(before)  # (an interview or an exam alone is where good news happens, not a fear)
    feared = "fear" in cues or set(cues.get("nervousness", ())) - _OCCASIONS \
        or {"fear", "nervousness"} & {label for _, label in own_words(before)}
    # ("i was so scared of the results. they came back and it's cancer. my family have been so lovely": no relief)
    grave = any("grief" in feeling_cues(p) or _GRAVE.search(p) and not NOT_GRAVE.search(p) for p in sentences[1:last])
    if not glad or pained or not feared or grave:
        return None
    theirs = [(w, l) for w, l in own_words(sentences[last]) if l in GLAD_LABELS and l not in rejected]
    return Feeling(theirs[-1][0], theirs[-1][1], "theirs") if theirs else Feeling("relieved", "relief", "moderate")


def _tears_after_relief(sentences: list[str]) -> bool:
    """Tears straight after a fear ruled out ("the biopsy came back and it isn't cancer. i cried in the car"): relief."""
    cues = feeling_cues(sentences[-1]) if len(sentences) >= 2 else {}
    return set(cues) == {"sadness"} and set(cues["sadness"]) <= _TEARS and not DISTRESS.search(sentences[-1]) \
        and not _THEY_CRIED.search(sentences[-1]) and "relief" in _feeling_in(sentences[-2])[0]


#: After good news, a painful label the model only half hears (below this, and with no cue) is not named.
AFTER_GOOD_NEWS_FLOOR = 0.3


def turns_from_good_news(text: str, conversation: Conversation) -> bool:
    """Whether a message turns ("but i finally trusted someone") from good news conceded just before it ("i know its
    good news for her"): what follows the turn is the weight, whatever glad word it holds."""
    if not conversation.turns or not _OPENS_WITH_TURN.match(text):
        return False
    before = conversation.turns[-1].text
    return bool(_CONCEDED.search(before)) or any(label in GLAD_LABELS for label in feeling_cues(before)) or story_glad(conversation)


# A message that opens by turning from what came before, or closes on it ("its a lot of money though").
_OPENS_WITH_TURN = re.compile(r"^\W*(?:but|though|still|except|it'?s just|its just|the thing is)\b|.*\bthough\W*$", re.I)
# Good news granted, for someone else or in principle ("i know its good news for her", "i'm happy for him").
_CONCEDED = re.compile(r"\b(?:good news|a good thing|great news|happy for|pleased for|glad for|the right thing|"
                       r"good for (?:her|him|them))\b", re.I)


def choose_feeling(overall: Emotions, per_sentence: list[Emotions], sentences: list[str],
                 rejected: set[str], in_pain: bool = False, after_good_news: bool = False,
                 after_concession: bool = False) -> Feeling | None:
    """The client's own feeling word, else the likeliest feeling from the model and the cues.

    A label's score is its best score over the whole message and each piece of it, plus
    CUE_WEIGHT when a cue word for it is there. Labels the model is sure of count in full;
    others only once the score reaches FEELING_FLOOR, and they are then offered mildly.
    Labels in `rejected` (the client said they were wrong) are never named. `in_pain` says the
    conversation so far tells of pain (see story_hurts): glad and judging labels then need more.
    `after_good_news` (see story_glad): painful labels then need a cue or the model fairly sure.
    `after_concession` (see turns_from_good_news): glad labels are not named from the model or cues.
    """
    text = " ".join(sentences)
    if "relief" not in rejected and (_worry_resolved(text) or _tears_after_relief(sentences)):
        return Feeling("relieved", "relief", "moderate")
    if (ended := ends_glad_after_fear(sentences, rejected)) is not None:
        return ended
    if _SCARY_BUT_GOOD.search(text) and not {"fear", "relief"} & rejected:
        # "felt scary but good": both, not a worry to ask about
        return Feeling("scared and glad at the same time", "relief", "mixed")
    # a story is felt where it ends: "i can't stop cringing" at the end of a wedding told, not the "nobody" at its start
    # (and a feeling it ends in is theirs, whoever else felt it: "she can't manage alone ... i just fall apart")
    end = story_ending(sentences)
    ending = set(feeling_cues(sentences[end])) if end is not None else set()
    gone_by = _fears_gone_by(sentences, end)  # ("i was so nervous about raising it ... i'm livid": livid)
    skip = NOT_FELT | rejected | (others_labels(text) - ending) | gone_by
    harsh = bool(SELF_CRITICAL.search(text) or SELF_HATE.search(text))
    # "I feel so stupid for being excited about it": the excitement is what they turn on themselves for, not a joy
    unglad = rejected | (GLAD_LABELS if harsh else set()) | gone_by
    theirs = [(w, l) for w, l in own_words(text) if l not in unglad]
    if len(theirs) > 1 and any(w == "bored" for w, _ in theirs):
        # "im bored of being sad all the time": the sadness is what they are bored of, and what to hear
        other = next((w, l) for w, l in theirs if w != "bored")
        return Feeling(other[0], other[1], "theirs")
    glad = [w for w, l in theirs if l in GLAD_LABELS]
    hurting = [(w, l) for w, l in theirs if l in _NEGATIVE]
    if glad and hurting:
        # "happy for her but jealous": both at once is the reflection, not either one alone
        return Feeling(f"{glad[0]} and {hurting[0][0]} at the same time", hurting[0][1], "mixed")
    if glad and not hurting and _turns_to_pain(text) and "mixed" not in rejected:
        after = text[_last_turn(text):]
        pained = [label for label in feeling_cues(after) if label in _NEGATIVE and label not in rejected]
        if pained and glad[0] not in {w for w, _ in own_words(after)}:
            # "i'm happy for him but i'll miss him loads": the gladness conceded, and the missing after the turn;
            # named as the gladness alone ("a moment worth holding on to") the missing goes unheard
            word = _TURNED_TO.get(family_of(pained[0]), "sad")
            return Feeling(f"{glad[0]} and {word} at the same time", pained[0], "mixed")
    if not theirs and "mixed" not in rejected and (turn := _TURN.search(text)) and turn.start() > 0:
        # "i got the promotion but it means moving away from everyone": good news, and its cost after the turn; heard
        # as the cost alone ("down ... that's a lot to carry") the news goes unheard, and as the news alone the cost
        news = [label for label in feeling_cues(text[:turn.start()]) if label in _GOOD_NEWS]
        after = feeling_cues(text[turn.end():])
        pained = [label for label in after if label in _NEGATIVE and label not in rejected]
        if news and pained and not any(label in GLAD_LABELS for label in after):
            word = _TURNED_TO.get(family_of(pained[0]), "sad")
            return Feeling(f"{_NEWS_WORD[news[0]]} and {word} at the same time", pained[0], "mixed")
    kinds = list(dict.fromkeys(l for _, l in hurting))
    if len(kinds) >= 2:
        # "so angry all the time and then I feel guilty for being angry": both, in their words; the
        # later one leads the response (it is where they ended up)
        first, last = (next(w for w, l in hurting if l == kind) for kind in kinds[:2])
        return Feeling(f"{first} and {last}", kinds[1], "theirs")
    closing = [(w, l) for w, l in own_words(sentences[end]) if l not in unglad] if end is not None else []
    if closing and closing[-1][1] not in denied_labels(text):  # their word where the story ends, not the first in it
        return Feeling(closing[-1][0], closing[-1][1], "theirs")  # ("...confused ... i'm scared of what they'll say")
    theirs = feeling_for(replace(overall, labels=()), text, unglad)
    if theirs:
        return theirs
    if _BETRAYED.search(text) and "sadness" not in rejected:
        # "my partner cheated on me": not "sad" alone, nor "guilty" (the model and the cue "cheated on" hear guilt)
        return Feeling("hurt and betrayed", "sadness", "moderate")
    if _TORN.search(text) and "confusion" not in rejected:
        # "part of me really wants to go though": one side of two, not a glad feeling to build on
        return Feeling("torn", "confusion", "mixed")
    cues = feeling_cues(text)
    # Naming a happy feeling to someone describing pain is worse than naming none: where the
    # words carry distress and nothing glad, a glad label needs the model to be very sure.
    distress = any(label in _NEGATIVE for label in cues) or bool(DISTRESS.search(text))
    gloomy = (distress or in_pain) and not any(label in GLAD_LABELS for label in cues)
    if after_concession:
        # "but i finally trusted someone" after "i know its good news for her": the turn is the weight
        skip = skip | (GLAD_LABELS - {"caring"})
        gloomy = True
    if _turns_to_pain(text) and not any(label in GLAD_LABELS for label in feeling_cues(text[_last_turn(text):])):
        # "I love her so much but some days I don't feel like myself", "my wife has been great about it but
        # she's worried about money": the glad part is conceded; naming it ("good news") would miss the turn
        skip = skip | (GLAD_LABELS - {"caring"})
        gloomy = True
    if not _AMUSING.search(text):
        # "i passed my driving test after 4 tries lol": the "lol" laughs along; the feeling is the pass
        skip = skip | {"amusement"}
    if _LAUGHED_AT.search(text):
        skip = skip | {"amusement", "joy"}  # "they laugh at my posts": their laughter, at the client's cost
    # "I used to love this job. Now I dread going in": the love is what was lost, not a joy to build on
    skip = skip | (denied_cues(text) & GLAD_LABELS)
    if "grief" in cues:
        # someone telling of a death is not "disappointed" or "annoyed" about it, nor merely "down"
        skip = skip | (set(overall.scores) - _AFTER_A_DEATH) | {"sadness"}
    if SELF_CRITICAL.search(text) or SELF_HATE.search(text):
        # turned against oneself, anger reads as shame or sadness, not fury at someone; and it is never glad,
        # nor a puzzle ("maybe there's something wrong with me" is no "not knowing where to start")
        skip = skip | {"anger", "annoyance", "disapproval", "disgust", "confusion"} | GLAD_LABELS
        if not {"fear", "nervousness"} & set(cues):
            skip = skip | {"fear", "nervousness"}  # "i feel like a terrible mum": "terrible" is no fear
    if _VERDICT.search(text) and not {"fear", "nervousness"} & set(cues):
        # "she told me I'm a terrible daughter": words that wound; the model hears "terrible" as fear
        skip = skip | {"fear", "nervousness"}
    if _JUDGES_SOMEONE.search(text) and "sadness" not in cues:
        skip = skip | {"sadness", "caring", "grief"}
    if _LOVED_BY.search(text) and "love" not in cues:
        skip = skip | {"love", "caring", "joy", "admiration", "gratitude", "approval", "optimism"}
    if "relief" in cues and not {"fear", "nervousness"} & set(cues):
        # "not having it hanging over me": the worry is what has gone; "he was really nice about it" is relief at
        # being met kindly, not awe of him
        skip = skip | {"fear", "nervousness", "admiration", "caring"}
    if _COMPARED.search(text):
        # "everyone at the gym looks better than me": measured against others and found short, not admiring them
        skip = skip | GLAD_LABELS
    if _HOPE_GONE.search(text):
        skip = skip | {"optimism", "joy", "excitement", "desire"}  # "i was hoping for an A": the hope is what fell short
    if (any(label in _GOOD_NEWS for label in cues) or after_good_news) and "fear" not in cues \
            and set(cues.get("nervousness", ())) <= _OCCASIONS and not _GOES_ON_WORRYING.search(text):
        # "got my exam results and i PASSED", "finally finished my essay": the exam is where the good news
        # happened, not a worry to name ("nervous", "what part of your studies is weighing on you?")
        skip = skip | {"nervousness", "fear"}
    if "surprise" in cues:
        skip = skip | {"disapproval"}  # "didnt think id get it": disbelief, which the model hears as disapproval
    if _SHIES_FROM_CONFLICT.search(text):
        skip = skip | {"anger", "annoyance", "disgust", "disapproval"}
    if _WONDERING.search(text):
        skip = skip | {"surprise"}  # "I wonder if anyone even notices": wondering, not surprise
    if _FOR_EVER.search(text):
        skip = skip | {"confusion"}  # "no day off in I don't know how long": how long it's been, not a puzzle
    if _HATED.search(text):
        # "idk why they hate me": hate aimed at the client hurts; it is not the client's fury
        skip = skip | {"anger", "annoyance", "disapproval", "disgust"}
    if re.search(NO_REASON, text, re.I):
        # "nothing's even wrong really": puzzled by their own low mood, not annoyed at anything
        skip = skip | {"anger", "annoyance", "disapproval", "disgust"}
    if MINIMISING.search(text):
        # "it's probably not a big deal" plays it down: never glad about it, nor "unhappy about it"
        skip = skip | OPINIONS | GLAD_LABELS
    if any(RHETORICAL.search(s) for s in sentences):
        # "what's the point of even trying?" asks nothing it wants answered: the model hears a puzzle in the form
        skip = skip | {"confusion"}
    if any(label != "confusion" for label in cues):
        skip = skip | {"confusion"}  # "I don't know anyone here" is lonely before it is confused
    if after_good_news and _I_CRIED.search(text) and not DISTRESS.search(text) and "sadness" not in rejected \
            and not any(label in _NEGATIVE for _, label in own_words(text)):
        # "i cried so much" after "they were actually really supportive": tears of relief, not grief
        return Feeling("moved", "relief", "moderate")
    if _THEIR_APOLOGY.search(text) and set(cues.get("remorse", ())) <= {"sorry", "apologise", "apologize"}:
        skip = skip | {"remorse"}  # "she just says sorry and does it again": her apology, not the client's guilt
    if after_good_news and (_LAUGHING.search(text) or _THEY_CRIED.search(text)) and not DISTRESS.search(text):
        # "mum cried haha", "my mum hugged me and cried", after "i passed my driving test!!": happy tears
        skip = skip | {"sadness", "grief"}
    # good news going on, in glad words and none of pain: the mirror of `gloomy`
    # (a cue of pain alone does not stop it: the "gone" of "the longest i've ever gone" is no loss)
    # (nor does a plain message with no word of pain at all: "the sun is out and i had a lie in" after "really happy")
    glad_story = after_good_news and not DISTRESS.search(text) \
        and not any(label in _NEGATIVE for _, label in own_words(text)) \
        and (any(label in GLAD_LABELS for label in cues) or not any(label in _NEGATIVE for label in cues))
    best_label, best = None, FEELING_FLOOR
    for label in overall.scores:
        if label in skip:
            continue
        model = max([overall.scores[label]] + [e.scores[label] for e in per_sentence])
        if after_good_news and label in _NEGATIVE and label not in cues and model < AFTER_GOOD_NEWS_FLOOR:
            continue  # "it took me three weeks and i nearly gave up", after "i finally finished my essay"
        if glad_story and label in _NEGATIVE and model < 0.8:
            continue  # "it's the longest i've ever gone" after "clean for six months": its "gone" is no loss
        sure = any(label in e.labels for e in [overall] + per_sentence)
        if label in OPINIONS and label not in cues and (not sure or gloomy):
            continue  # "I don't feel anything anymore" is numbness, not disapproval of something
        if gloomy and label in GLAD_LABELS and (model < 0.8 or label == "amusement"):
            continue  # ("lol my life is a mess" laughs at pain; it is not amusement)
        if label in ("disgust", "admiration") and label not in cues:
            continue  # (see feelings.toml: "theyre quite religious" is no admiration)
        if label == "disapproval" and model < 0.5 and label not in cues:
            continue  # "unconvinced" is almost never what someone telling their trouble feels
        if label == "desire" and not _OWN_WISH.search(text):
            continue  # "she wants me to be safe" is her wish; "wishful" is named only for the client's own
        # each distinct cue counts, up to two: "snapped at my kids... feel terrible" is guilt
        score = model + CUE_WEIGHT * min(2, len(set(cues.get(label, ())))) + (CUE_WEIGHT / 2 if label in ending else 0.0)
        if score > best:
            best_label, best = label, score
    if best_label is None:
        return None
    scores = dict(overall.scores)
    if _GRAVE.search(text) and best_label in _NEGATIVE:
        # "mum's cancer is back": the model's half-hearing (sadness 0.4) names "down", which undersells it
        best = max(best, 0.5 + CUE_WEIGHT / 2)
    # a cue word helps choose the feeling and may lift it to its middle word, never to its strongest ("i cried in
    # the toilets at work" is not "devastated"): only the model's own certainty names a feeling at its strongest
    scores[best_label] = min(1.0, max(overall.scores[best_label], min(best - CUE_WEIGHT / 2, 0.79)))
    found = feeling_for(Emotions(scores, (best_label,), overall.family), text, unglad)
    if found and best_label in cues:
        found = replace(found, cues=found.cues + tuple(cues[best_label]))
    return found
