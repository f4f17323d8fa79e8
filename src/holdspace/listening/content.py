"""Choose the part of a client's message that carries the weight, and say it back in their words."""

from __future__ import annotations

import re

from holdspace.language.text import split_sentences, words
from holdspace.listening.pronouns import WELL_VERBS, to_second_person

__all__ = ["MAX_WORDS", "TURNS", "as_clause", "first_clause", "key_part", "reflect_words", "says_little", "sentence_weight", "strip_fillers",
           "units_of"]

#: A reflection longer than this stops sounding like listening and starts sounding like an echo.
MAX_WORDS = 22

_LEADING = re.compile(
    r"^(?:(?:on (?:the|a) (?:plus|bright|brighter|good|positive|lighter|happier|better|different) (?:side|note)|"
    r"on another note|in other news|by the way|btw|other than that|apart from that|aside from that|moving on|dear diary|"
    r"rn|so|actually(?=\s*,)|though|tho|well(?!\s+(?:" + "|".join(sorted(WELL_VERBS)) + r")\b)|and|but|anyway|anyways|like|honestly|basically|um+|uh+|ok|okay|yeah|yes|no(?!\s+one\b)|"
    r"i mean|i guess|idk|tbh|just|whatever|lowkey|highkey|ngl|fr|i dunno|dunno|i (?:don'?t|dont) know(?=\s*,)|also|then|oh|hey|hi|hello|lol|haha|omg|wow|ugh|yay|ngl|welp|right|"
    # texting openers that say how it is said, not what ("deadass my landlord wants us out", "bro im so cooked")
    r"deadass|bro|bruh|ong|istg|real talk|not gonna lie|no cap|"
    # "nah", "ok fine" and "it's whatever" before what they go on to say ("ok fine its my ex lol", "lol its whatever i'm used
    # to it"), and a word taken back ("nah thats a lie i do care"): said back, "you're fine it's your ex", "it's whatever
    # you're used to it", "that's a lie you do care" would garble them
    # (and the edge before what is dreaded, "oh great, another weekend on my own": said back, "great, another weekend")
    r"(?:oh )?(?:great|brilliant|fantastic|perfect|lovely|wonderful|marvellous|joy)(?=[\s,!.]+(?:another|more|just what)\b)|"
    # ...and "oh brilliant, my flight got cancelled": said back, "brilliant, your flight got cancelled" repeats the edge as if meant
    r"(?:oh )?(?:great|brilliant|fantastic|perfect|lovely|wonderful|marvellous|joy|super|amazing)(?=\s*[,!.]+\s*\w)|"
    # "great news, i got the job", "bad news, my car failed": the news is what follows (said back whole, "you have a great
    # news, you got the job", and "you're bad news, your car failed", which wounds)
    r"(?:some |so )?(?:great|good|amazing|brilliant|exciting|big|happy|bad|sad|awful|terrible|horrible|rubbish|shit|crap) news(?: today| tonight| this morning| this week| yesterday| guys| everyone)?(?=\s*[,!.:-]+\s*(?:\w|$))|"
    # ("the thing is, and then on thursday my sister rang...": said back, "It sounds like the thing is, and your sister rang")
    r"(?:the )?thing is|the truth is|the point is|"
    r"nah|nope|yeah nah|fine(?=[\s,]+(?:it'?s|its|i|i'?m|im|my|whatever|he|she|they)\b)|(?:it'?s|its) whatever(?=[\s,]+\w)|"
    r"(?:that'?s|thats|that is|ok that'?s|okay that'?s) (?:a lie|not true|a lie tho|a lie though)(?=[\s,.!]+\w)|"
    # "love that for me" as a sentence of its own: how they take what they told, an idiom with no news in it; said back,
    # "you love that for you" reads as an echo (and after bad news it repeats their sarcasm as if it were meant)
    r"(?:i |just |gotta )?(?:love|luv) (?:that|this) for me(?=\W*(?:lol|lmao|haha|tbh)?\W*$)|"
    # ...and "happy birthday to me (i guess)": said back, "you're happy birthday to you"
    r"happy (?:birthday|bday) to me(?=\W*(?:i guess|i suppose|lol|haha)?\W*$)|"
    # "yeah cos that went well": the "cos" of a retort, said back, "you're saying cos that went well"
    r"(?:cos|cause|coz|bc)(?=\s+(?:that|this|it)\s+(?:went|worked|turned|is going|was going)\b))\b[\s,.!-]*)+", re.I)
# What closes a sentence without adding to it: laughter, hedges, "honestly", and the "too" or "as well"
# that points back at something said before ("I'm tired too honestly": said back, "you're tired too
# honestly" keeps the filler as if it were content).
_TRAILING = re.compile(r"(?:[\s,]+(?:lol|lmao|haha+|idk|tbh|ngl|fr|you know|i guess|or something|or whatever|"
                       r"and stuff|and everything|honestly|actually|to be honest|if i'?m honest|if i'?m being honest|"
                       r"to be fair|tho|though|too|as well|also|either|lowkey|tbf|rn|but|and|or|because|cos|cause|deadass|bro|bruh|ong|istg|"
                       r"no cap|fml|"
                       # "passed my driving test, love that for me": how they take it, an idiom; said back, "you love that
                       # for you" reads as an echo (and of bad news, it repeats their sarcasm as if meant)
                       r"(?:i )?(?:love|luv) (?:that|this) for me)(?<!\bnot too)"
                       r"(?<!\bme too)(?<!\bme as well)"
                       # ("...and i do too", "...and i want to as well": agreement, said back whole)
                       r"(?<!\bi do too)(?<!\bi do as well)(?<!\bi am too)(?<!\bi'm too)(?<!\bim too))+[\s.!?\-–—]*$", re.I)
_FILLERS = re.compile(r",?\s*\b(?:(?:you know|i mean)\b|like,)\s*,?|\s+(?:tbh|ngl|lol|lmao|honestly|actually)(?=\s*,)|"
                      # "it was like so embarrassing": a "like" before an intensifier says nothing ("i feel like a failure" stays)
                      r"(?:(?<=\bwas)|(?<=\bis)|(?<=\bam)|(?<=\bare)|(?<=\bwere)|(?<='m)|(?<='s)|(?<=\bim)|(?<=\bits))\s+like"
                      r"(?=\s+(?:so|really|super|totally|literally|very|such)\b)|"
                      # spoken hesitations inside a sentence, as transcripts keep them ("moved out, um, from home")
                      r",?\s*\b(?:um+|uh+|uhm+|erm+|er)\b,?\s*(?=\w)|"
                      # a spoken false start, the words before a dash taken back ("i find it- found it hard", "so- you")
                      r"\b[\w']+(?: [\w']+){0,2}-\s+(?=\w)|"
                      # "work is fine i guess but...": the hedge before a turn, said back, reads "fine you guess"
                      r"\s+(?:i guess|i suppose)(?=\s*(?:,|\bbut\b|\band\b))|"
                      # "it was weird but good i think": a hedge at the end ("what i think" is no hedge)
                      r"(?<!what)(?<!how)(?<!who)(?<!why)(?<!where)(?<!when)(?<!which)(?<!whether)(?<!if)(?<!that)"
                      r"\s+i think\s*(?=[.!?]*\s*$)", re.I)
# (never at the "so" of "i was so nervous": only a "so" that starts a clause of its own)
_CLAUSE = re.compile(r"\s*(?:[;:]|,\s*(?:but|and|so|because|cause|cos)?|\s-\s|\bbut\b|\bbecause\b|"
                     r"\bso\b(?=\s+(?:i|i'?m|im|i'?ve|ive|we|he|she|they|it|it'?s|its|my|the|you|now|then|that|there)\b))\s*", re.I)
_FIRST_PERSON = {"i", "i'm", "im", "me", "my", "myself", "i've", "i'd", "i'll", "mine", "we", "we're", "we've", "we'd", "our", "us"}
# A reflection starts mid-sentence, so its first word loses a sentence-initial capital — except
# "I" forms, titles before a name ("Dr Patel said"), days, months and holidays. (A bare name at the start is
# lower-cased too, "maya asked you": nothing here tells it from an ordinary word.)
_KEEP_CAPITAL = {"i", "i'm", "i've", "i'd", "i'll", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof",
                 "prof.", "monday", "tuesday", "wednesday", "thursday",
                 "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
                 "july", "august", "september", "october", "november", "december", "christmas",
                 "easter", "eid", "diwali", "hanukkah", "thanksgiving", "god"}


# "idk why they hate me": the not knowing is what they said, not a filler before it.
_DONT_KNOW_WHAT = re.compile(r"^(\W*)(?:idk|dunno|i dunno)\s+(?=(?:why|what|how|who|where|when|if|whether)\b)", re.I)
# "work is fine i guess": the hedge is part of what they said; dropped, "work is fine" says more than they did
_FINE_HEDGED = re.compile(r"\b(fine|ok|okay|alright|all right)\s+(?:i guess|i suppose)(?=[\s.!?]*$)", re.I)


def strip_fillers(text: str) -> str:
    """Drop discourse markers and fillers at the edges ("so", "honestly", "lol") and inside ("you know")."""
    text = _DONT_KNOW_WHAT.sub(r"\1i don't know ", text)
    text = _FINE_HEDGED.sub(r"\1, more or less", text)
    text = _FILLERS.sub(" ", text)
    text = _TRAILING.sub("", text)
    text = _LEADING.sub("", text.strip())
    return re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,;:-")


# Words about saying rather than what is said ("I don't know how to say this"): the next sentence
# carries the weight.
_PREAMBLE = re.compile(r"\b(?:(?:don'?t|dont|do not) (?:really |even )?know (?:how to (?:say|put|start|explain)|where to (?:start|begin))|"
                       r"(?:hard|difficult|weird|strange) to (?:say|talk about|explain|put into words)|"
                       r"not sure how to (?:say|put|start|explain)|here goes|long story)\b", re.I)


# A sentence that only hedges ("I don't know.", "Not sure.") before the one that says something.
_ONLY_HEDGING = re.compile(r"^\W*(?:i\s+)?(?:(?:just\s+|really\s+)?(?:don'?t|do not)\s+(?:really\s+)?know|dunno|idk|"
                           r"(?:i'?m\s+)?not\s+sure|no idea)(?:\s+(?:really|anymore|honestly))?\W*$", re.I)


# "I love her, I do. I just feel like I'm watching my life through glass": after a concession, the
# sentence that turns ("but", "I just", "the thing is") is the one that carries the weight.
TURNS = re.compile(r"^\W*(?:but|yet|though|still|i just|it'?s just|the thing is|the truth is|except|only)\b", re.I)


def says_little(sentence: str) -> bool:
    """Whether a sentence only hedges or announces ("I don't know.", "Long story.")."""
    return bool(_PREAMBLE.search(sentence) or _ONLY_HEDGING.match(sentence))


def sentence_weight(sentence: str, emotional: float) -> float:
    """How much a sentence seems to carry: its strongest emotion, more when it speaks of oneself or turns."""
    tokens = [w.lower() for w in words(sentence)]
    personal = any(t in _FIRST_PERSON for t in tokens)
    size = len(tokens)
    return emotional + (0.2 if personal else 0.0) + (0.3 if TURNS.match(sentence) else 0.0) + (0.1 if 4 <= size <= 30 else 0.0) - (0.3 if size < 3 else 0.0) \
        - (0.6 if _PREAMBLE.search(sentence) or _ONLY_HEDGING.match(sentence) else 0.0)


def key_part(sentence: str) -> str:
    """Return the sentence, or for a long one its weightiest clause, without fillers."""
    sentence = strip_fillers(sentence)
    if len(words(sentence)) <= MAX_WORDS or len(words(sentence)) <= MAX_WORDS + 6 and not _CLAUSE.search(sentence):
        return sentence  # (a sentence a little long, with nowhere to cut it, whole: "...the same job as" would be cut short)
    clauses = [strip_fillers(c) for c in _CLAUSE.split(sentence) if c and len(words(c)) >= 3]
    if not clauses:
        return " ".join(sentence.split()[:MAX_WORDS])
    def score(clause: str) -> tuple:
        tokens = [w.lower() for w in words(clause)]
        return (any(t in _FIRST_PERSON for t in tokens), min(len(tokens), MAX_WORDS))
    best = max(clauses, key=score)
    return " ".join(best.split()[:MAX_WORDS])


def first_clause(part: str) -> str:
    """The first clause of a piece that has several ("you had a lovely day at the beach with the kids, they were
    laughing..." -> "you had a lovely day at the beach with the kids"), else the piece."""
    clauses = [c for c in _CLAUSE.split(part) if c and len(words(c)) >= 3]
    return clauses[0].strip(" ,") if clauses else part


def reflect_words(part: str) -> str:
    """Shift a piece of the client's text to "you" and make it fit mid-sentence."""
    shifted = to_second_person(part).strip().rstrip(".!?,;: ")
    first = shifted.split(" ", 1)[0]
    if first.lower() not in _KEEP_CAPITAL and first[1:] == first[1:].lower():
        shifted = first.lower() + shifted[len(first):]
    return shifted


_PAUSE = re.compile(r"(\w)\s*(?:\.{2,}|…)\s*(?=[a-z])")


# "and" between two clauses, each with its own subject: where a run-on message with no commas can be cut.
_AND_THEN = re.compile(r"\s+and\s+(?=(?:i|i'?m|im|i'?ve|ive|my|the|she|he|they|we|it|it'?s|its|now|then)\b)", re.I)


def _run_on(clause: str) -> list[str]:
    """A clause too long to say back, cut at each "and" that starts a new clause ("...the landlord is being a
    nightmare and i have uni deadlines and i just cant cope with all of it at once"); else the clause itself."""
    if len(words(clause)) <= MAX_WORDS:
        return [clause]
    pieces = [p for p in _AND_THEN.split(clause) if p.strip()]
    return pieces if len(pieces) > 1 and all(len(words(p)) >= 3 for p in pieces) else [clause]


# A thing named in a list, with no clause of its own ("..., the garden she loved, the kitchen where she taught me to
# bake, ..."): it belongs with the piece before it. Said back alone, or glued on after "and", it reads as a fragment
# ("she's moving into a care home, and the garden she loved").
_NAMED_THING = re.compile(r"^\W*(?:the|a|an|her|his|my|our|their|your|this|that|those|these)\s+"
                          r"(?!(?:day|night|morning|evening|afternoon|week|weekend|month|year|time|moment|next|last|first)\b)"
                          r"\w+\s+(?:where|that|which|who|whom|she|he|i|they|we|you)\b", re.I)


def _with_named_things(clauses: list[str]) -> list[str]:
    """Clauses, each thing named in a list joined to the clause before it."""
    joined: list[str] = []
    for clause in clauses:
        if joined and _NAMED_THING.match(clause):
            joined[-1] = f"{joined[-1].rstrip(' ,')}, {clause.strip()}"
        else:
            joined.append(clause)
    return joined


def units_of(text: str, limit: int = 16) -> list[str]:
    """The pieces a reflection may choose from: sentences, and the clauses of long ones.

    A very long message keeps its first and last pieces: that is where people tend to say
    what brought them and what they are left with.
    """
    found: list[str] = []
    # "i just feel... flat": a pause before a lower-case word goes on with the sentence
    text = _PAUSE.sub(r"\1 ", text)
    for sentence in split_sentences(text):
        if len(words(sentence)) <= MAX_WORDS:
            found.append(sentence)
            continue
        clauses = _with_named_things([c for c in _CLAUSE.split(sentence) if c and len(words(c)) >= 3])
        found.extend(piece for c in clauses or [sentence] for piece in _run_on(c))
    if len(found) <= limit:
        return found
    return found[: limit // 2] + found[-(limit - limit // 2):]


# A fragment ("tired of everything", "can't sleep again", "lost my job today") said back after
# "You're saying" or "It sounds like" needs a subject. Words that start a fragment, by the
# subject they need; anything else (a pronoun, "the", "my", a noun) is left as it is.
_BE_FRAGMENT = {
    "feeling", "tired", "exhausted", "sick", "done", "fed", "sad", "lonely", "alone", "scared", "afraid",
    "angry", "mad", "upset", "hurt", "worried", "stressed", "overwhelmed", "anxious", "nervous", "numb",
    "empty", "stuck", "broken", "drained", "burnt", "burned", "ashamed", "embarrassed", "guilty",
    "jealous", "bored", "confused", "happy", "excited", "proud", "relieved", "grateful", "glad", "fine",
    "okay", "ok", "not", "struggling", "missing", "trying", "going", "getting", "dealing", "thinking",
    "waiting", "worrying", "crying", "hoping", "starting", "losing", "falling", "over", "behind",
    "terrified", "frustrated", "annoyed", "furious", "disappointed", "heartbroken", "devastated",
    "miserable", "hopeless", "useless", "worthless", "desperate", "unsure", "better", "worse", "good",
    "bad", "such", "sorry", "scared", "freaking", "panicking", "shaking", "failing", "lost",
}
_DO_FRAGMENT = {
    "can't", "cant", "cannot", "couldn't", "don't", "dont", "didn't", "didnt", "won't", "wont", "keep",
    "need", "want", "hate", "love", "miss", "wish", "feel", "felt", "got", "had", "went", "failed",
    "found", "made", "did", "messed", "screwed", "ruined", "forgot", "broke", "haven't", "hadn't",
    "wasn't", "have", "think", "thought", "know", "knew", "wanna", "gotta", "passed", "quit", "left",
    "snapped", "cried", "said", "told", "hope", "guess", "spent", "let", "lied", "yelled", "keeps",
    "slept", "woke", "ate", "spoke", "saw", "met", "took", "gave", "came", "ran", "sat", "stayed", "started", "stopped",
}
# Verbs whose missing subject is "it": "still stings", "hurts so much", "sucks".
_TIME_AFTER_BEEN = {"a", "an", "the", "ages", "forever", "years", "months", "weeks", "days", "such", "one"}
_IT_FRAGMENT = {"feels", "seems", "stings", "hurts", "sucks", "matters", "helps", "burns", "aches", "happens", "kills", "scares",
                "terrifies", "haunts", "bothers", "annoys", "upsets"}
# Adverbs that can open either kind: the word after them decides ("still can't sleep", "so tired").
_ADVERBS = {"so", "too", "very", "really", "just", "kinda", "pretty", "completely", "totally", "absolutely",
            "super", "still", "always", "never", "literally", "constantly", "barely", "hardly", "almost",
            "finally", "actually", "honestly", "seriously", "also", "only", "even", "sometimes"}
_DEGREE = {"so", "too", "very", "really", "kinda", "pretty", "completely", "totally", "absolutely", "super"}
_CAUSED = {"it", "things", "everything", "that", "this"}
# Verbs whose missing subject is "it" when "me" follows: "took me 4 goes", "cost me a fortune".
_TAKES = {"took", "takes", "take", "cost", "costs"}
# Softeners a fragment may open with ("a bit stressed", "kind of nervous"): what follows them decides its subject.
_SOFTENED = re.compile(r"^(?:a (?:little )?bit|a little|kind of|sort of|kinda|a tad) ", re.I)
# What "lost" is followed by when something was lost ("lost a patient at 4am", "lost it"), not the client lost.
_LOST_WHAT = {"my", "your", "the", "his", "her", "our", "their", "a", "an", "another", "it", "him", "them", "everything",
              "all", "track", "count", "touch", "weight", "sleep", "interest", "hope", "one", "two", "both", "someone"}
_SUBJECTS = ("you", "you're", "you've", "you'd", "you'll", "your")
# Words that praise what a list names ("good job, nice flat, lovely kids").
_GOOD_THINGS = {"good", "nice", "great", "decent", "lovely", "stable", "steady", "amazing", "big", "new"}


def as_clause(reflected: str) -> str:
    """Give a reflected fragment the subject it lacks: "tired of everything" -> "you're tired of everything"."""
    tokens = [t.lower().strip(",.") for t in reflected.split()]
    if not tokens or tokens[0] in _SUBJECTS:
        return reflected
    if tokens[0] == "bit" and len(tokens) > 1 and tokens[1] in _BE_FRAGMENT:
        return "you're a " + reflected  # "(a) bit sad today": "you're a bit sad today", not "bit sad today"
    if (soft := _SOFTENED.match(reflected)) and as_clause(reflected[soft.end():]).startswith("you're "):
        return "you're " + reflected  # "a bit stressed about work", never "It sounds like a bit stressed about work."
    if tokens[0] == "not" and len(tokens) > 1 and tokens[1] in ("even", "a", "an", "one", "once", "any", "a", "single"):
        return reflected  # "not even an interview" is no "you're not even an interview"
    if len(tokens) > 2 and tokens[0] in _GOOD_THINGS and reflected.split()[1].endswith(","):
        return "you have a " + reflected  # "good job, nice flat": what they have, never "you're good job"
    if tokens[:3] == ["one", "of", "those"]:
        return "it's " + reflected  # "just one of those days"
    if tokens[0] == "back" and len(tokens) > 1 and tokens[1] in ("from", "home", "at", "in", "on", "to"):
        return "you're " + reflected  # "(just) back from a night shift", never "You're saying back from a night shift"
    if tokens[0] == "another" and len(tokens) > 1 and not any(t in ("i", "you", "he", "she", "they", "we") for t in tokens[1:3]):
        return "it's " + reflected  # "(oh great,) another weekend on your own", never "I'm hearing that another weekend"
    for n, word in enumerate(tokens):
        if word in _ADVERBS and n + 1 < len(tokens):
            continue
        if word in _BE_FRAGMENT and not (word == "lost" and n + 1 < len(tokens) and tokens[n + 1] in _LOST_WHAT):
            return "you're " + reflected
        if word in ("made", "makes") and n + 1 < len(tokens) and tokens[n + 1] in _CAUSED:
            return "that " + reflected  # "(moving out) just made it worse": the client didn't make it worse
        if word == "been":
            if n + 1 < len(tokens) and tokens[n + 1] in _TIME_AFTER_BEEN:
                return "it's " + reflected  # "been a weird week", "been ages": the time has been, not the client
            return "you've " + reflected  # "been crying every day this week"
        if word in _IT_FRAGMENT:
            return "it " + reflected  # "(I know it's the illness talking.) Still stings."
        if word in _TAKES and n + 1 < len(tokens) and tokens[n + 1] == "you":
            return "it " + reflected  # "took me 4 goes": it took you 4 goes, never "you took you"
        if n + 1 < len(tokens) and tokens[n + 1] in ("you", "yourself") and word in _DO_FRAGMENT | _TAKES:
            return reflected  # "told me to leave": whoever did it is not the client; no "you told you"
        # (after adverbs too: "finally finished my essay" is "you finally finished your essay")
        if word in _DO_FRAGMENT or word == "lost" or (word.endswith("ed") and len(word) > 4):
            return "you " + reflected
        if n > 0 and tokens[0] in _DEGREE:
            return "you're " + reflected  # "so over it", "really not okay"
        return reflected
    return reflected
