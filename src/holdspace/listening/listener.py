"""The reflective listener: reflect the content and the feeling, validate, ask one open question.

Every message passes risk detection first; a message at risk gets the fixed crisis response and
nothing generated. Otherwise the reply is built from the client's own words (shifted to "you")
and the templates in responses.toml, never repeating a template within five turns. It remembers
the conversation: it links back to something said earlier, offers a short summary every few
turns, and steps back when told "that's not it".

The parts live by concept: fixed_replies (greetings, thanks, corrections…), naming (the feeling),
reflecting (the reflection), recall (links back and summaries), questions (topic and question), check_in (answers to
its questions about risk), staying (what follows a crisis response in the same conversation).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from holdspace.language.emotions import Emotions
from holdspace.language.text import is_readable, normalize
from holdspace.listening.check_in import (CARRIED_ON, answered_no, asked_about_ending_life, asked_only_about_thoughts,
                                          said_no_to_check_in)
from holdspace.listening.content import units_of
from holdspace.listening.edge import reflect_without_the_edge, said_with_an_edge
from holdspace.listening.feelings import GLAD_LABELS, Feeling, feeling_cues, feeling_for
from holdspace.listening.fixed_replies import fixed_reply
from holdspace.listening.memory import Conversation, Reply, Turn
from holdspace.listening.names import names_in, with_capitals
from holdspace.listening.naming import (choose_feeling, said_lightly, sounds_painful, story_glad, story_hurts,
                                        turns_from_good_news)
from holdspace.listening.questions import (MOVING_ON, PARTING, asked_about, family_for, just_bereaved, mourned, owner, pronoun, question,
                                           remembered_love, topic_for, topic_of)
from holdspace.listening.recall import link_back, summary, summary_due, weighs_heavily
from holdspace.listening.reflecting import reflect
from holdspace.listening.signals import (DISMISS, FEELING_RULE, MINIMISING, NO_TO_CHECK_IN, NOT_BEING_HERE, NOT_SAFE,
                                        MAKES_SENSE, REACHED_OUT, SAFE_NOW, SELF_CRITICAL, SELF_HARM, SELF_HATE, SIGH,
                                        TIRED_OF_THE_LINES,
                                        YES_TO_CHECK_IN, roadblocks_in)
from holdspace.listening.staying import CRISIS_PAGE_NOTE, crisis_reply, reply_to_risk, stay_with
from holdspace.listening.templates import feeling_said, feeling_templates, fixed, pick, responses
from holdspace.listening.told import told_feeling
from holdspace.safety.crisis_lines import lines_for
from holdspace.safety.response import GENTLE
from holdspace.safety.risk import classifier_only

__all__ = ["CRISIS_PAGE_NOTE", "Listener", "REMINDER_EVERY"]

#: Every Nth message, the listener says again that it is software (SAFETY.md, clinical point 9).
REMINDER_EVERY = 30
_YES_REASON = "Asked about thoughts of ending their life, they said yes or could not say no."
_CHECK_IN_REASON = "The message sounds like thoughts of not being here, or of hurting oneself."
_NOT_SAFE_REASON = "Asked whether they were safe right now, they said no or could not say."


# Their own word for being worn out: "that hurts" or "a lot to carry" would make more of it than they did.
_WEARY = {"tired", "exhausted", "drained", "knackered", "worn down", "worn out", "burnt out"}
# More asked of them than they can hold ("my inbox is overflowing", "everyone expects me to sort it"): "so much is
# uncertain" would hear a worry about what may come, not the weight that is already there.
_STRETCHED = {"overwhelmed", "under a lot of pressure", "stressed"}
# "tired of feeling like the disappointment of the family": worn down by something, not a tiredness of the body
_TIRED_OF = re.compile(r"\b(?:tired|exhausted|sick and tired) of\b", re.I)
_BORED = {"bored"}
# Glad feelings of everyday pleasures, told plainly; pride and excitement are what big news is most often told with.
_EVERYDAY_GLAD = {"joy", "love", "amusement"}
# A topic said to be going well ("revision is going ok actually", "work's been good"): no weight to ask about.
_GOING_WELL = re.compile(r"\b(?:is|are|was|were|'s|s|has been|have been|'ve been|been|going|went|gone|turned out)\s+"
                         r"(?:(?:really|actually|pretty|quite|so|surprisingly|honestly|all)\s+)*(?:ok|okay|alright|fine|"
                         r"well|good|great|better|brilliant|amazing|smoothly)\b(?!\s+(?:i guess|but|except|until))", re.I)
# A result told plainly ("i got a B on my essay", "got 62% in the mock"): no weight to ask about, nor a joy, until they say.
_A_RESULT = re.compile(r"\b(?:got|get|scored|received|ended up with)\s+(?:an?\s+|my\s+)?(?:[a-f][+-]?|\d+\s*(?:%|percent|/\s*\d+|"
                       r"out of \d+)|2:1|2:2|pass|merit)(?=\s+(?:on|in|for|at)\b|\s*[,.!]|\s*$)", re.I)
# The day said to be all right, if only just ("today was ok i guess. i went for a walk"): a story's pain is not carried
# onto it ("that sounds really heavy").
_OK_ENOUGH = re.compile(r"\b(?:today|tonight|the day|this morning|it|things|everything|i)\s+(?:is|was|'s|s|has been|been|"
                        r"am|'m|m|feel|felt)\s+(?:(?:really|actually|pretty|quite|kinda|kind of|sort of|mostly|all)\s+)*"
                        r"(?:ok|okay|alright|all right|fine|not bad|good|better|decent|calm|calmer)\b"
                        r"(?!\s+(?:but|except|until|on paper|from the outside)\b)(?![^.!?]*\b(?:but|until|except)\b)", re.I)
# The way to good news told as hard ("it was a tough interview though" after "i got the job!"): what it took, not a let-down.
_HARD_WON = re.compile(r"\b(?:it|that|this|the \w+)\s+(?:was|were|has been)\s+(?:(?:a|really|so|very|pretty|super|quite)\s+)*"
                       r"(?:tough|hard|difficult|rough|brutal|gruell?ing|stressful|nerve-?wracking|intense)\b", re.I)
# A first day told as the news itself ("i started a new job today", "it's my first day at my new job tomorrow"), or a home
# to be shared ("my girlfriend is moving in with me next week"): often nervous and excited at once, and either may be the
# one; "pleased" alone would choose for them (and "down", the model's guess at moving in, would mishear it).
_FIRST_DAY = re.compile(r"^\W*(?:(?:i(?: just)? (?:started|start)|i'?m (?:just )?starting|i am starting) (?:my|a) (?:new|first) (?:job|role|placement)|"
                        r"(?:it'?s|its|today (?:is|was)|tomorrow(?: is|'s|s)) (?:my )?first day (?:at|of|in) (?:my |a |the )?(?:new )?"
                        r"(?:job|work|role|placement)|(?:my|our) (?:girlfriend|boyfriend|partner|fiance|fiancee|gf|bf)(?: is|'s|s) moving in"
                        r"(?: with (?:me|us))?|(?:we'?re|we are) moving in together)"
                        r"(?: (?:today|tomorrow|this morning|next week|next month|on \w+day|\w+day))*\W*$", re.I)
_EITHER_OR_BOTH = Feeling("excited, nervous, or a bit of both", "excitement", "mixed")
# How far back a name typed in lower case is remembered ("my sister jess", then "jess said..."): a long conversation
# is not read again in full for every reply.
_NAMES_KEPT = 50
# A follow-up this short, in a story that hurts, names no feeling unless its words do ("it was really hard").
_FOLLOW_UP_WORDS = 6
# Stories a harsh thought about oneself belongs to rather than replaces ("i feel so stupid" after "she cheated on me").
_OWN_STORIES = {"loss", "breakup", "separating", "betrayal", "bullying", "self"}


# A feeling told in the message itself ("...you feel useless"), said back in the reflection.
_FEEL_SAID = re.compile(r"\byou (?:just |really |honestly |still )?feel\b")
# Missing a place or a time left behind ("i miss my old school", "i miss how work used to be").
_LEFT_BEHIND = re.compile(r"\bmiss(?:ing)? (?:my|our|the) (?:old|last|previous|first)\b|\bmiss(?:ing)? how (?:\w+ )?used to\b",
                          re.I)
# Glad for someone else ("happy for her", "pleased for them").
_GLAD_FOR = re.compile(r"\b(?:happy|pleased|glad|thrilled|excited|proud) for (?:her|him|them|you|my \w+|everyone)\b", re.I)
# Validations that fit a story's pain when a message in it names none of its own.
_STORY_GROUPS = {"sadness", "fear", "anger", "irritation", "shame"}
# What a goodbye still to come is felt as, when a message in its story names nothing of its own: the model's other
# guesses there ("let down" at "her kidneys are failing") are noise.
_AHEAD_FELT = {"grief", "sadness", "fear", "nervousness", "remorse", "love", "caring"}
# Labels the model and the cues guess on plain sentences, which inside a painful story are mostly noise.
_STRAY = {"surprise", "annoyance", "realization", "disapproval"}


def _story_family(conversation: Conversation) -> str | None:
    """The group of the last painful feeling named in a story that still hurts (see story_hurts), joy in a story of
    good news (see story_glad), else None."""
    if story_glad(conversation):
        return "joy"  # "I went to the gym for the first time in months" after "I'm really proud of myself today"
    if not story_hurts(conversation):
        return None
    for turn in reversed(conversation.turns[-3:]):
        if any(t.startswith("v-light-") for t in turn.reply.templates):
            return "light"  # "just one of those days" after "bit sad today": still said lightly, never "really heavy"
        if any(t.startswith("v-weary-") for t in turn.reply.templates):
            return "weary"  # "work stuff" after "i'm fine just tired": worn out, not "it makes sense that this hurts"
        felt = turn.reply.feeling
        if felt is not None and felt.intensity != "mixed" and (group := family_for(felt)) in _STORY_GROUPS:
            return group
        if turn.topic == "self":
            return "shame"  # "everyone at the gym looks better than me" after "i hate my body"
    return None


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase.lower()) + r"(?![\w'])", text.lower()) is not None


def _default_risk(text: str):
    from holdspace.safety.risk import assess

    return assess(text)


def _default_emotions(texts: list[str]) -> list[Emotions]:
    from holdspace.language.emotions import emotion_detector

    return emotion_detector().detect(texts)


def _default_embed(texts: list[str]) -> np.ndarray:
    from holdspace.language.embedding import encoder

    return encoder().embed(texts)


class Listener:
    """Builds replies; holds no conversation state itself (pass a Conversation)."""

    def __init__(self, *, emotions: Callable[[list[str]], list[Emotions]] = _default_emotions,
                 risk: Callable = _default_risk, embed: Callable[[list[str]], np.ndarray] | None = _default_embed,
                 country: str = "INT"):
        self.emotions, self.risk, self.embed, self.country = emotions, risk, embed, country

    def respond(self, conversation: Conversation, text: str, *, has_safety_plan: bool = False) -> Reply:
        """Reply to one client message and remember it in `conversation`.

        `has_safety_plan` says whether the client already has a safety plan; a crisis response
        then points to it rather than offering to make one.
        """
        from holdspace.safety.conversation import ConversationSafety, is_retraction

        if conversation.safety is None:
            conversation.safety = ConversationSafety()
        r = responses()["conversation"]
        clean = normalize(text) if isinstance(text, str) else ""
        used: list[str] = []
        if not clean:
            reply = fixed(r["empty"], conversation, used)
            return self._remember(conversation, clean, reply)
        if not is_readable(clean):
            return self._remember(conversation, clean, Reply(r["unreadable"]))

        assessment = self.risk(clean)
        last = conversation.turns[-1].reply if conversation.turns else None
        # "no" or "idk" to the shorter response's one question, "Are you safe right now?": not safe
        asked_if_safe = last is not None and (last.variant == "again" or last.reply == r["after_flag"])
        not_safe = assessment.level == "none" and asked_if_safe and bool(NOT_SAFE.match(clean))
        if not_safe:
            assessment = replace(assessment, level="urgent", reasons=[_NOT_SAFE_REASON])
        said_yes = assessment.level == "none" and asked_about_ending_life(conversation) \
            and bool(YES_TO_CHECK_IN.match(clean)) and not NO_TO_CHECK_IN.match(clean)
        if said_yes:
            # "yes" (or "sometimes", "idk") to "are you having thoughts of ending your life?": words that mean nothing
            # alone, and everything here
            assessment = replace(assessment, level="concern", reasons=[_YES_REASON])
        check_in = assessment.level == "none" and bool(NOT_BEING_HERE.search(clean) or SELF_HARM.search(clean))
        if check_in:
            # the risk check found nothing, but this is no ordinary feeling to reflect
            assessment = replace(assessment, level="concern", reasons=[_CHECK_IN_REASON])
        flagged_before = conversation.safety.flagged
        conversation.safety = conversation.safety.observe(clean, assessment)
        # the conversation's view: once it is flagged, words that mean little alone can escalate
        level = conversation.safety.last.level
        if check_in and level == "concern":
            said = r["check_in"] if NOT_BEING_HERE.search(clean) else r["check_in_self_harm"]
            return self._remember(conversation, clean, Reply(said, level="concern", crisis=True, variant="concern"))
        if classifier_only(conversation.safety.last) and not flagged_before:
            # only the classifier heard it, and nothing earlier did: ask, without the full crisis response
            return self._remember(conversation, clean, Reply(r["check_in_unsure"], level=level, crisis=True,
                                                                     variant=GENTLE))
        if said_yes:
            # the response that thanks them for telling, with the lines first: the concern response would ask again
            # the very question they have just answered
            return self._remember(conversation, clean, crisis_reply(conversation, "urgent", level, self.country, has_safety_plan))
        if not_safe:
            return self._remember(conversation, clean, crisis_reply(conversation, "not_safe", level, self.country, has_safety_plan))
        if asked_if_safe and SAFE_NOW.match(clean) and (level == "none" or classifier_only(conversation.safety.last)):
            # "yes" to "Are you safe right now?": thanked, not asked again; the flag stays (and a model's reading
            # of "yeah im safe for now" as a concern stays in it, without a second response)
            return self._remember(conversation, clean, replace(fixed(r["safe_after_again"], conversation, used),
                                                               level=conversation.safety.level, crisis=True))
        if level != "none":
            earlier = conversation.safety.reasons[:len(conversation.safety.reasons) - len(conversation.safety.last.reasons)] \
                if conversation.safety.turns > 1 else ()
            return self._remember(conversation, clean,
                                  reply_to_risk(conversation, conversation.safety.last, self.country, has_safety_plan, earlier))
        if last is not None and last.variant == "not_safe" and len(clean.split()) <= 4 and not REACHED_OUT.match(clean):
            # "yes", "ok", "no one": an answer to "is anyone with you...?"; reaching a person stays the next step
            reply = fixed(r["after_not_safe"], conversation, used, emergency=lines_for(self.country).emergency)
            return self._remember(conversation, clean, replace(reply, level=conversation.safety.level, crisis=True))
        if conversation.safety.flagged and last is not None and last.crisis and REACHED_OUT.match(clean):
            # "i called them", "my sister is coming over": glad, and still here
            return self._remember(conversation, clean, replace(fixed(r["reached_out"], conversation, used),
                                                               level=conversation.safety.level, crisis=True))
        if conversation.safety.flagged and last is not None and last.crisis and TIRED_OF_THE_LINES.search(clean):
            # "why do you keep saying that", "i don't want to call anyone": heard, and the lines stay in view
            return self._remember(conversation, clean, replace(fixed(r["tired_of_the_lines"], conversation, used),
                                                               level=conversation.safety.level, crisis=True))
        # "If not, just say so and we'll carry on": after a "no" to the gentle check-in, carry on with what they
        # said before the question or after their "no", rather than asking again
        answered = said_no_to_check_in(conversation, clean)
        # "no, i mean uni": after the gentle check-in we said we'd carry on; after the direct one, a thank-you
        gently_asked = bool(conversation.turns) and conversation.turns[-1].reply.variant == GENTLE
        if answered is None and conversation.turns and conversation.turns[-1].reply.variant \
                and (found := NO_TO_CHECK_IN.match(clean)) and not clean[found.end():].strip():
            # a bare "no" to the crisis response's "are you having thoughts of ending your life?": thanked as the
            # answer it is, with the flag kept and the way to help still in view; to "are you safe right now, and
            # are you thinking about ending your life?" it could mean either, so it is asked about gently again
            reply = replace(fixed(r["no_after_crisis"], conversation, used), level=conversation.safety.level,
                            crisis=True) if asked_only_about_thoughts(conversation) else \
                Reply(r["after_flag"], level=conversation.safety.level, crisis=True)
            return self._remember(conversation, clean, reply)
        if answered is None and conversation.turns and conversation.turns[-1].reply.variant == "hurt_by_someone" \
                and (YES_TO_CHECK_IN.match(clean) or NO_TO_CHECK_IN.match(clean)) and len(clean.split()) <= 3:
            # "yes" to "are you somewhere safe right now, and is the person who hurt you near you?" could mean either:
            # asked about gently again, never reflected as an ordinary message
            return self._remember(conversation, clean, Reply(r["after_flag"], level=conversation.safety.level,
                                                             crisis=True))
        if answered is None and conversation.safety.flagged and (is_retraction(clean) or DISMISS.match(clean)):
            # A bare "I'm fine" after a flag: stay gentle and keep the door to help open. The flag stays either way;
            # if the last thing raised was the gentle check-in and they answered it "no", or "are you safe right now?"
            # was just asked and this is their answer ("no seriously i'm fine"), it is not asked again.
            if answered_no(conversation) or last is not None and last.reply == r["after_flag"]:
                reply = replace(fixed(r["after_flag_answered"], conversation, used), level=conversation.safety.level,
                                crisis=True)
            else:
                reply = Reply(r["after_flag"], level=conversation.safety.level, crisis=True)
            return self._remember(conversation, clean, reply)

        if answered is None and (stay := stay_with(conversation, self.country, used)) is not None:
            return self._remember(conversation, clean, stay)
        reply = fixed_reply(conversation, clean, used) if answered is None else None
        if reply is not None:
            return self._remember(conversation, clean, reply)
        message, clean = clean, answered or clean  # the turn keeps what they wrote; the reply listens to `clean`
        asks_sense = MAKES_SENSE.search(clean)
        if asks_sense and (len(clean[:asks_sense.start()].split()) < 4 or clean[:asks_sense.start()].rstrip().endswith("?")):
            asks_sense = None  # ("does that make sense?" alone asks about what came before; a question stays whole)
        if asks_sense:
            # "...and nobody notices. Does that make sense?": answered, then heard without it
            clean = clean[:asks_sense.start()].rstrip(" ,;:-") + "."

        sentences = units_of(clean) or [clean]
        overall, per_sentence = self._emotions(clean, sentences)
        # risk words the rules read and set aside ("bought a length of rope today. i keep looking up at the
        # banister"): whatever it is, it is no gladness to guess at
        conceded = turns_from_good_news(clean, conversation)
        feeling = choose_feeling(overall, per_sentence, sentences, conversation.rejected, in_pain=assessment.set_aside,
                                 after_good_news=story_glad(conversation), after_concession=conceded)
        if conceded and story_glad(conversation) and feeling is not None and feeling.label not in GLAD_LABELS \
                and feeling.intensity not in ("mixed", "theirs") and (glad := conversation.turns[-1].reply.feeling) is not None:
            # "its a lot of money though" after "we just bought our first house": a worry beside the good news, not instead
            feeling = Feeling(f"{glad.word}, after all it took", glad.label, "moderate") if _HARD_WON.search(clean) \
                else Feeling(f"{glad.word} and {feeling.word} at the same time", feeling.label, "mixed")
        if _FIRST_DAY.match(clean) and "excitement" not in conversation.rejected:
            feeling = _EITHER_OR_BOTH
        # "oh great, another wonderful monday": said back as "another Monday", never "another wonderful Monday"
        reflection, key = reflect_without_the_edge(clean, sentences, per_sentence, conversation, used) \
            if said_with_an_edge(clean, conversation) else reflect(clean, sentences, per_sentence, conversation, used)
        # "my sister jess": said back "your sister Jess", in this reply and in those after it
        names = names_in([clean] + [t.text for t in conversation.turns[-_NAMES_KEPT:]])
        reflection, key = with_capitals(reflection, names), with_capitals(key, names)
        topic = topic_for(clean, key, feeling, conversation)
        harsh = bool(SELF_CRITICAL.search(clean) or SELF_HATE.search(clean))
        if harsh and topic not in _OWN_STORIES:
            # "maybe I'm just not worth talking to", "i always mess these things up": the harsh thought is what to
            # ask about ("what does that inner voice tend to say?"), not the friends or the interview
            topic = "self"
        if harsh and feeling is not None and feeling.intensity != "theirs" and feeling.label not in ("remorse", "embarrassment") \
                and _FEEL_SAID.search(key):
            feeling = None  # "since i retired i feel useless": their word for it said back, not the model's "let down" beside it
        ending = remembered_love(clean, feeling, topic, conversation)
        if ending:
            # "I loved her so much" after "we split up": love remembered, not a joy to build on
            feeling, topic = None, ending
        elif story_hurts(conversation):
            # after a death or a painful feeling, "work gave me 3 days off lol" is no delight to build on
            pained = choose_feeling(overall, per_sentence, sentences, conversation.rejected, in_pain=True,
                                    after_concession=conceded)
            if pained != feeling:
                feeling, topic = pained, topic_for(clean, key, pained, conversation)
        if not ending:
            # "she basically raised me and i dont know what to do without her", after "my nan died": the loss
            feeling = mourned(clean, feeling, topic, pronoun(conversation, clean), just_bereaved(conversation, clean)) or feeling
        if feeling is not None and feeling.intensity != "theirs" and not harsh and story_hurts(conversation) \
                and len(clean.split()) <= _FOLLOW_UP_WORDS and not feeling_cues(clean):
            # "it was really hard" after "my grandad doesn't know who i am anymore": no feeling of its own, and the
            # model's guess at one ("disappointed") would put a new one in their mouth; the story's feeling carries it
            # (and its topic, which a message with no feeling of its own goes on with)
            feeling, topic = None, topic_for(clean, key, None, conversation)
        if feeling is not None and feeling.intensity != "theirs" and SIGH.match(clean):
            feeling = None  # "ughhh" after "work was awful": a sigh names no feeling of its own ("irritated" from one word)
        met = None  # a group of responses a told phrase is met with, naming no feeling ("i had to get off two stops early")
        if feeling != _EITHER_OR_BOTH and (said := told_feeling(clean, conversation)) and said.label not in conversation.rejected:
            feeling = said if said.word else None  # "my baby took her first steps": proud of her; "fine i guess": none
            met = said.label if not said.word and said.label in responses()["validation"] else None
        owned = feeling_cues(clean).get("remorse", ())
        if feeling is not None and feeling.intensity != "theirs" and feeling.label not in GLAD_LABELS | {"remorse"} and owned \
                and (conversation.turns and "remorse" in feeling_cues(conversation.turns[-1].text)
                     or any(cue.startswith("i ") for cue in owned)):
            # "i feel awful" after "i snapped at my kids" (or "i yelled at my mum"), and "i snapped at my mum" itself: guilt
            # at what they did, not the worry, the anger or the low the model hears
            feeling = feeling_for(Emotions({**overall.scores, "remorse": 0.6}, ("remorse",), overall.family), clean)
        if feeling is not None and feeling.intensity != "theirs" and feeling.label == "nervousness" \
                and _A_RESULT.search(clean):
            feeling = None  # "i got a C on my exam": the exam is where the result came from, not a worry now
        if feeling is not None and feeling.intensity != "theirs" and feeling.label in _STRAY \
                and _story_family(conversation) in ("fear", "sadness", "shame"):
            # "i had to go hide in the bathroom for 20 minutes" after a panic attack: the story's fear goes on; a
            # stray guess of irritation or surprise would say they are feeling something else now
            feeling = None
        if feeling is not None and feeling.intensity != "theirs" and topic == "ahead" and conversation.turns \
                and conversation.turns[-1].topic == "ahead" and feeling.label not in _AHEAD_FELT | set(feeling_cues(clean)):
            # "her kidneys are failing", "i don't know how i'll walk out of there without her", after "my mum is dying":
            # the goodbye's sadness goes on; the model's "let down" or "confused" would name a feeling they never told
            feeling = None
        if (said := responses()["topics"].get(topic or "", {}).get("feeling")) \
                and (feeling is None or feeling.intensity not in ("theirs", "mixed")) \
                and not (conversation.turns and conversation.turns[-1].topic == topic):
            feeling = Feeling(said["word"], said["label"], "moderate") if said["word"] else None  # "my dad has weeks left"
        parts = []
        # "anyway, my cousin had her baby": they have moved on, so no link back and no summary of what came before
        moving_on = bool(MOVING_ON.match(clean))
        link, vector = link_back(self.embed, conversation, clean, used) if not moving_on else ("", None)
        link = with_capitals(link, names)
        if link:
            parts.append(link)
        if reflection:
            parts.append(reflection)
        if feeling and not all(_has_phrase(reflection, word) for word in feeling.word.split(" and ")):
            # (when their own feeling word is already in the reflection, naming it again is an echo)
            parts.append(feeling_said(pick(feeling_templates(feeling.word), conversation, used, after=" ".join(parts))["text"],
                                      feeling.word))
        # "im soooo bored": their word, met as boredom, not as pain ("that's a lot to carry", "the hardest part")
        bored = feeling is not None and feeling.word in _BORED
        # "bit sad today", "missed the bus this morning": heard plainly, not as a weight to carry
        light = not bored and (said_lightly(clean, feeling, topic) or topic == "ahead" and feeling is not None
                               and feeling.intensity != "theirs" and bool(PARTING.search(clean)))  # a friend moving away
        family = "neutral" if bored or light else family_for(feeling)
        if feeling is not None and family == "joy" and _GLAD_FOR.search(clean) and story_hurts(conversation):
            # "i'm happy for her i really am", after "my best friend is pregnant and i've been trying for two years":
            # glad for someone else inside a story that hurts is both, not good news to ask "what felt best?" of
            family = "mixed"
        if harsh and family == "neutral":
            family = "shame"  # a harsh thought with no feeling named is still no neutral news ("I'm glad you're telling me")
        # "they found it in her liver" after "mum's cancer is back": no feeling named in it, and still no neutral news
        # ("I'm glad you're telling me about it"); met as the story's feeling is
        told = _story_family(conversation) if feeling is None and not harsh and family == "neutral" \
            and not moving_on and not _OK_ENOUGH.search(clean) and not _GOING_WELL.search(clean) else None
        if told == "joy" and (conceded or sounds_painful(clean, per_sentence)):
            # "but it also reminds me of everything we went through", after "im so happy for her": both, not good news
            # (and "the last month was awful tbh" after "i finally finished my dissertation": the cost of it)
            told = family = "mixed"
        if told == "joy":
            family = told  # and its questions: "mum cried haha" after a pass is not asked what the family should understand
        if family == "joy" and conversation.safety.flagged:
            # risk was raised in this conversation: nothing in it is heard as good news to build on ("that sounds like
            # a moment worth holding on to" after "i cut myself again tonight ... i just needed to feel something")
            family, told = "neutral", None
        # a death, harsh words about oneself, or a feeling at its strongest gets the whole reply to itself: no summary
        heavy = weighs_heavily(clean, feeling, topic)
        # one look back per reply: a link to an earlier message and a summary in the same reply say things twice
        summed = summary(conversation, feeling, used) if not heavy and not link and not moving_on \
            and summary_due(conversation) else ""
        summed = with_capitals(summed, names)
        group = "permission" if FEELING_RULE.search(clean) else "minimising" if MINIMISING.search(clean) else \
            "remembering" if ending else "weary" if feeling and feeling.word in _WEARY and not _TIRED_OF.search(clean) else \
            "stretched" if feeling and (feeling.word in _STRETCHED or feeling.word.startswith("stretched")) else "stuck" if feeling and feeling.word == "stuck" else "starting" if feeling == _EITHER_OR_BOTH else \
            "bored" if bored else met or ("light" if light else told or family)
        # a small pleasure ("i went for a nice walk", a baby's first word) gets small words, not "what does this mean to you?"
        small = group == "joy" and feeling is not None and feeling.label in _EVERYDAY_GLAD and feeling.intensity != "strong"
        validation = "" if summed else pick(
            [v for v in responses()["validation"].get(group, ()) if not (small and v.get("big"))], conversation, used,
            responses()["validation"]["neutral"], after=" ".join(parts))["text"]
        # a topic's questions ask about a weight ("what part of your studies is weighing on you most?"): asked when
        # something weighs, or of the topic told plainly in this message ("the kids were screaming all morning");
        # never of "revision is going ok actually", nor of "took me 4 goes lol" carried on from a pass
        # (nor of "i got a B on my essay", told with no feeling: how it sits with them is theirs to say)
        result = family == "neutral" and bool(_A_RESULT.search(clean))
        painful = family != "neutral" or sounds_painful(clean, per_sentence) or story_hurts(conversation)
        weighs = not result and (painful or topic is not None and topic_of(clean) == topic and not _GOING_WELL.search(clean)
                                 and not story_glad(conversation))
        # "i miss my old school": what is missed is behind them, not a weight of studies now
        # ("my son was born three weeks ago", news: how they feel about it, not "what has this been like with your family?")
        # (overwhelm is asked about as a load already carried, not as a worry about what may come)
        asked = question(asked_about(topic, clean, just_bereaved(conversation, clean)) if weighs and not _LEFT_BEHIND.search(clean)
                         and group not in ("starting", "news", "test_result") else None,
                         group if group in ("stretched", "stuck", "starting", "coping", "step", "news", "test_result") else "result" if result else family, conversation, used,
                         pronoun(conversation, clean), plain=not painful, just_now=just_bereaved(conversation, clean), small=small,
                         whose=owner(conversation, clean) if topic == "loss" else "")
        parts += [p for p in (validation, summed, asked) if p]
        if asks_sense:
            parts.insert(0, r["makes_sense"])
        if answered is not None:
            parts.insert(0, r["carry_on"] if gently_asked else r["thanks_for_answering"])
            used.append(CARRIED_ON if gently_asked else "answered")
        if (len(conversation.turns) + 1) % REMINDER_EVERY == 0:
            parts.insert(0, r["reminder"])
        emotions = tuple((label, overall.scores[label]) for label in overall.labels)
        reply = Reply(" ".join(parts), reflection, validation or summed, asked, feeling, emotions,
                      "none", False, tuple(used), key, topic)
        return self._remember(conversation, message, reply, key=key, topic=topic, vector=vector)

    def name_feeling(self, text: str) -> Feeling | None:
        """The feeling the listener would name for one message, on its own."""
        clean = normalize(text)
        sentences = units_of(clean) or [clean]
        overall, per_sentence = self._emotions(clean, sentences)
        return choose_feeling(overall, per_sentence, sentences, set())

    def _emotions(self, clean: str, sentences: list[str]) -> tuple[Emotions, list[Emotions]]:
        """Emotions of the whole message and of each piece, in one batch; a one-piece message once."""
        if sentences == [clean]:
            found = self.emotions([clean])
            return found[0], found
        found = self.emotions([clean] + sentences)
        return found[0], found[1:]

    def _remember(self, conversation: Conversation, clean: str, reply: Reply, key: str = "",
                  topic: str | None = None, vector: np.ndarray | None = None) -> Reply:
        if roadblocks_in(reply.reply) and not reply.crisis:
            # Never expected from our templates; if the client's words brought one in, drop them.
            reply = replace(reply, reply=" ".join(p for p in (reply.validation, reply.question) if p),
                            reflection="")
        conversation.turns.append(Turn(clean, reply, key, topic, vector))
        return reply

    def warm(self) -> None:
        """Load the models and the risk rules now, so the first replies come as quickly as the rest.

        (A cold risk check can overrun its time budget on a busy machine, and a check that
        overruns counts as a risk: the first message would get the crisis response.) The sentence
        encoder first: loading it briefly takes more memory than it keeps, and with nothing else loaded
        yet that moment is not the process's peak.
        """
        if self.embed is not None:
            self.embed(["warming up"])
        self.emotions(["warming up"])
        self.risk("warming up")

    def opening(self) -> str:
        """What the listener says first in every conversation."""
        return responses()["conversation"]["opening"]
