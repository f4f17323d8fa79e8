"""The reflection: the weightiest piece of a message said back in the client's words, shifted to "you"."""

from __future__ import annotations

import re

from holdspace.language.emotions import Emotions
from holdspace.language.text import split_sentences, words
from holdspace.listening.content import (TURNS, as_clause, first_clause, key_part, reflect_words, says_little,
                                        sentence_weight)
from holdspace.listening.feelings import CUE_WEIGHT, feeling_cues
from holdspace.listening.memory import Conversation
from holdspace.listening.own_words import own_words
from holdspace.listening.naming import NOT_FELT, OPINIONS, ends_glad_after_fear, sounds_painful, story_ending, story_hurts
from holdspace.listening.content import strip_fillers
from holdspace.listening.pronouns import mend_apostrophes
from holdspace.listening.signals import FEELING_RULE, MINIMISING, OWN_FEELING_RULE, RHETORICAL, SELF_CRITICAL, SELF_HATE, roadblocks_in
from holdspace.listening.templates import pick, responses

__all__ = ["LONG_MESSAGE", "is_question", "reflect"]

# What comes before a rule about feelings ("honestly, I know I should be over it"): not said back.
_RULE_LEAD = re.compile(r"^(?:(?:but|and|so|honestly|like|you know|you guess|you think|you feel like),?\s+)+", re.I)

# The client's own rule after "and", "but", "so" or a comma, once shifted to "you" ("and you're not even meant to be").
_RULE_AFTER = re.compile(r"(\band|\bbut|\bso|,),? (you're (?:not )?(?:even )?(?:meant|supposed|allowed) to (?:be|feel|care))\b")



def _theirs(rule: re.Match[str]) -> str:
    """ "and you're not even meant to be this upset" -> "and you feel you're not meant to be this upset". """
    said = rule[2].replace("not even ", "not ")
    return f"{rule[1]} {'you tell yourself' if said.endswith('feel') else 'you feel'} {said}"


# A hedge before a harsh thought ("maybe", "I think"), shifted to "you".
_HEDGE = re.compile(r"^(?:(?:maybe|perhaps|probably|you think|you guess|you feel like|honestly),?\s+(?:that\s+)?)+"
                   r"(?=(?:you|you're|you've|there|there's|there is)\b)", re.I)

# Words that open a piece with no clause in it ("at work, in the car, everywhere", "all day every day").
_NO_CLAUSE = re.compile(r"(?:at|in|on|with|from|during|around|everywhere|all|both|every|always|even|not (?:even|a|an|one|once|any)|"
                        r"only|barely|nearly|almost|roughly|"
                        r"\d+|one|two|three|four|"
                        r"five|six|seven|eight|nine|ten|twenty|thirty)\b(?![^,]*\b(?:i|you|"
                        r"he|she|they|we|it|is|was|are|were|had|has|have|did)\b)", re.I)

# How something went, told in a few words after it ("It did not go well.", "it went badly", "it was a disaster").
_VERDICT = re.compile(r"^\W*(?:and |but |so )?(?:it|that|things|the whole thing)\s+(?:did not|didn'?t|didnt|went|has not|hasn'?t|"
                      r"was|wasn'?t|wasnt)\s+(?:(?:really|very|so|too|at all|quite|exactly)\s+)*(?:go(?:ne)? )?"
                      r"(?:well|badly|great|good|ok|okay|terribly|horribly|awfully|to plan|a disaster|awful|horrible|a mess|"
                      r"fine|brilliant|amazing|better|worse)\b[^.!?]{0,20}[.!]*\s*$", re.I)

# A sentence that opens with "but" ("but it means moving away from everyone"): it turns from the one before.
_BUT = re.compile(r"^\W*but\b", re.I)

#: A message longer than this (in words) is reflected with its opening as well as its weightiest part.
LONG_MESSAGE = 35
#: A message longer than this (in words), in several pieces, is a story: the last sentence that holds a feeling is
#: where it has brought them, and weighs this much more ("It's the not knowing that's the worst."; and "...and I walked
#: home feeling lighter than I have in ages", not the fear in its middle).
STORY_WORDS, ENDING_WEIGHT = 30, 0.8
#: An opening and a weightiest part longer than this together keep only the opening's first clause.
LONG_REFLECTION = 28


def is_question(sentence: str) -> bool:
    """A question, with or without its mark: "what if I fail" said back as "So what if you fail" would scoff (and "how am
    I going to pay rent" as "You're saying how are you going to pay rent" would not have heard it asked)."""
    return sentence.rstrip().endswith("?") or bool(re.match(r"\W*(?:but |and |so )?(?:(?:what|wat|wut) if|how (?:am|are|will|"
                                                            r"do|can) (?:i|we))\b", sentence, re.I)) \
        or bool(RHETORICAL.search(sentence))


def _quoted(sentence: str) -> str:
    """A question the client asked of life, as they said it, for quoting: "why do I even bother"."""
    said = mend_apostrophes(strip_fillers(sentence).rstrip("?!.,;: "))
    said = re.sub(r"\bi\b", "I", re.sub(r"\bim\b", "I'm", re.sub(r"\bive\b", "I've", said)))
    return said[:1].upper() + said[1:]


def reflect(clean: str, sentences: list[str], per_sentence: list[Emotions], conversation: Conversation,
            used: list[str], *, quote: bool = True) -> tuple[str, str]:
    """The reflection and its key (the reflected words, kept for summaries and links); empty when none fits.

    `quote`: a message of a few words may be quoted as it is; False when `clean` is not quite their words (edge.py).
    """
    templates = responses()["reflection"]
    if len(words(clean)) <= (3 if quote else 1):
        said = clean.rstrip(".!?, ")
        key = as_clause(reflect_words(said)) if len(words(said)) > 1 else said
        if SELF_CRITICAL.search(said) or SELF_HATE.search(said):
            key = f"you said {key}"
        felt = bool(own_words(said) or feeling_cues(said)) \
            or any(label not in NOT_FELT | OPINIONS for label in per_sentence[0].labels)
        fitting = [t for t in templates["short"] if (not t.get("one_word") or len(words(said)) == 1)
                   and (not t.get("bare") or len(words(said)) <= 2)
                   and (felt or not t.get("felt"))]
        return pick(fitting, conversation, used)["text"].format(content=mend_apostrophes(said)), key
    def felt(i: int) -> float:
        scores = per_sentence[i].scores
        model = max((s for l, s in scores.items() if l not in NOT_FELT | OPINIONS), default=0.0)
        return model + (CUE_WEIGHT if feeling_cues(sentences[i]) else 0.0)

    ending = story_ending(sentences) if len(words(clean)) > STORY_WORDS else None
    if ending is not None and sentences[ending] not in split_sentences(clean) and ends_glad_after_fear(sentences) is None:
        # a last clause carved from a run-on ("...and by the time I got to work I was already exhausted") is where a
        # day went on, not always where it landed: it counts for more only when the story turns there
        ending = None

    def weight(i: int) -> float:
        # a sentence the next one turns from ("I love her, I do. I just ...") is a concession
        conceded = i + 1 < len(sentences) and TURNS.match(sentences[i + 1])
        return sentence_weight(sentences[i], felt(i)) - (0.5 if conceded else 0.0) + (ENDING_WEIGHT if i == ending else 0.0)

    ranked = sorted(range(len(sentences)), key=lambda i: -weight(i))
    # "So your mum died on tuesday." reads as a shrug: pain is said back with the gentler openings
    # (and so is the next message in a story that hurts: "So she basically raised you" a message after "my nan died")
    painful = sounds_painful(clean, per_sentence) or story_hurts(conversation)
    plain = [t for t in templates["templates"] if not (t.get("brisk") and painful)]
    # statements first; a message that only asks gets its question said back as a wondering
    for asked in (False, True):
        for i in ranked:
            if is_question(sentences[i]) != asked:
                continue
            part = key_part(sentences[i])
            if len(words(part)) < 2:
                continue
            if asked and RHETORICAL.search(sentences[i]):
                # their question, quoted in their words: shifted to "you" it would read as the listener's
                quote = _quoted(sentences[i])
                said = pick(templates["rhetorical"], conversation, used)["text"].format(quote=quote)
                return said, f'you found yourself asking "{quote}"'
            key = reflect_words(part) if asked else as_clause(reflect_words(part))
            if roadblocks_in(key + ("?" if asked else "")):
                continue
            if not asked and len(sentences) == 1 and _NO_CLAUSE.match(key) and len(words(part)) <= 8:
                # "at work, in the car, everywhere": no clause to say back after "I'm hearing that"; quoted instead
                fitting = [t for t in templates["short"] if not t.get("one_word")]
                return pick(fitting, conversation, used)["text"].format(content=mend_apostrophes(part)), key
            harsh = SELF_CRITICAL.search(sentences[i]) or SELF_HATE.search(sentences[i])
            story = ""
            # (the first piece that says something: "okay so long story" only announces it)
            first = next((n for n, s in enumerate(sentences) if not says_little(s)), 0)
            if not asked and len(words(clean)) > LONG_MESSAGE and i > first and len(sentences) > 2:
                # In a long message, what brought them is usually said first: keep it too.
                opening = as_clause(reflect_words(key_part(sentences[first])))
                if len(words(opening)) + len(words(key)) > LONG_REFLECTION:
                    opening = first_clause(opening)  # (read aloud, forty words stop sounding like listening)
                if len(words(opening)) >= 3 and not roadblocks_in(opening) and not is_question(sentences[first]):
                    if harsh:
                        # a sentence of its own before the harsh thought: joined, it would read "part of you
                        # believes your friend group has been planning this trip"
                        # (in words of its own, so the wordings that attribute are all left for the harsh part)
                        story = templates["story"].format(content=opening) + " "
                    else:
                        key = f"{opening}, and {key}"
            elif not asked and i > 0 and (len(words(part)) <= 5 and len(words(sentences[i - 1])) <= 12
                                          or bool(_BUT.match(sentences[i])) and len(words(sentences[i - 1])) <= 6) \
                    and not is_question(sentences[i - 1]) and not says_little(sentences[i - 1]) \
                    and not SELF_CRITICAL.search(sentences[i]):
                # "The business went under last month. 12 years of my life.": the few words after an event
                # say what it meant; said back alone ("12 years of your life") the event is lost (and "I got the
                # promotion!! but it means moving away from everyone": the turn said back alone loses the news it turns from)
                event = as_clause(reflect_words(key_part(sentences[i - 1])))
                if len(words(event)) >= 3 and not roadblocks_in(event):
                    key = as_clause(key)
                    joined = ", but" if _BUT.match(sentences[i]) else \
                        ", and" if re.match(r"(?:you|you're|you've|he|she|they|it|it's|I)\b", key) else ","
                    key = f"{event}{joined} {key}"
            elif not asked and i + 1 < len(sentences) and i + 2 >= len(sentences) and len(words(key)) <= 14 \
                    and _VERDICT.match(sentences[i + 1]) and not harsh:
                # "I came out to my parents on Sunday. It did not go well.": how it went is the news; said back without
                # it, "you came out to your parents on Sunday" drops what hurt
                verdict = reflect_words(key_part(sentences[i + 1]))
                if not roadblocks_in(verdict):
                    key = f"{as_clause(key)}, and {verdict}"
            rule = _RULE_LEAD.sub("", key).replace("not even ", "not ")
            if not asked and OWN_FEELING_RULE.search(sentences[i]) and rule.startswith("you're "):
                # "I'm not even meant to be this upset": their rule, said back as what they tell themselves
                # ("you're not even meant to be this upset" on its own would read as the listener agreeing)
                said = pick(templates["own_rule"], conversation, used)["text"].format(content=rule)
                return said, f"you feel {rule}"
            if not asked and FEELING_RULE.search(sentences[i]):
                # "we broke up and I'm not meant to be this upset": the rule, after "and", said back as theirs
                key = _RULE_AFTER.sub(_theirs, key)
            # ("you feel so stupid for..." is already theirs in their words: "part of you believes you feel so stupid"
            # would hold it at two removes)
            # (anywhere in it: "part of you believes you yelled at your mom today and you feel like garbage" would hold
            # the yelling itself as a belief)
            # ("...again and now you feel worthless": "part of you believes you failed" would make the failing a belief)
            # ("you're 67 and since you retired you feel useless": after any clause, "part of you believes you're 67")
            felt_so = re.search(r"(?:^|\band |\bbut |, |\b(?:since|when|because|cos|now that|after|so) (?:\w+ ){1,4}?)(?:now |then |still )?"
                                r"you (?:just |really |honestly )?feel (?:like )?(?:so |such |really |completely )?", key)
            options = templates["wondering"] if asked else \
                templates["self_critical"] if SELF_CRITICAL.search(sentences[i]) and not felt_so else \
                [t for t in templates["templates"] if t.get("theirs")] if harsh or MINIMISING.search(sentences[i]) \
                else plain  # ("It sounds like she's just a cat" would agree with making it small)
            if options is templates["self_critical"]:
                # "part of you believes maybe you're useless" hedges twice: the template already holds it lightly
                key = _HEDGE.sub("", key)
            said = story + pick(options, conversation, used, after=story)["text"].format(content=key)
            # said back later (a summary, a link) it stays theirs: never "you're useless" as a fact
            return said, f"you said {key}" if harsh and not asked else key
    return "", ""
