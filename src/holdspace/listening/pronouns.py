"""Shift a client's words from their point of view to the listener's: I -> you, my -> your.

"I'm", "I've", "me", "my", "mine", "myself" become "you're", "you've", "you", "your", "yours",
"yourself"; "am" becomes "are", and "was" after I becomes "were". Words aimed at the listener
shift the other way ("you don't get me" -> "I don't get you"). "I should" becomes "you're meant
to" (which also reads right in "she says I should...") and "I should have" "you wish you had", so the listener never tells anyone what they
should do, even in their own words.
"""

from __future__ import annotations

import re

__all__ = ["mend_apostrophes", "to_second_person"]

# Two-word forms first: they decide verb agreement ("I was" -> "you were", "you are" -> "I am").
_PAIRS = {
    ("i", "was"): "you were", ("i", "am"): "you are", ("i", "should"): "you're meant to",
    ("you", "are"): "I am", ("you", "were"): "I was", ("i", "wasn't"): "you weren't",
    ("you", "weren't"): "I wasn't", ("you", "aren't"): "I'm not", ("i", "shouldn't"): "you're not meant to",
    ("i", "should've"): "you wish you had", ("i", "shouldve"): "you wish you had", ("i", "shoulda"): "you wish you had",
    ("i", "shouldnt"): "you're not meant to", ("i", "wasnt"): "you weren't", ("you", "werent"): "I wasn't",
    ("you", "arent"): "I'm not", ("i", "aint"): "you're not",
    ("was", "i"): "were you", ("am", "i"): "are you", ("are", "you"): "am I", ("were", "you"): "was I",
}
# Three-word forms, checked before pairs.
# ("should of" is how "should've" sounds, and how many people type it.)
_TRIPLES = {("i", "should", "have"): "you wish you had", ("i", "shouldn't", "have"): "you wish you hadn't",
            ("i", "should've", "been"): "you wish you had been", ("i", "should", "of"): "you wish you had",
            ("i", "shouldn't", "of"): "you wish you hadn't", ("i", "shouldnt", "have"): "you wish you hadn't",
            ("i", "shouldnt", "of"): "you wish you hadn't"}
_WORDS = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "im": "you're", "i've": "you've", "ive": "you've", "i'd": "you'd",
    "i'll": "you'll",
    # "we" and "our" include the client: "how we'll manage" -> "how you'll manage"
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves", "we're": "you're",
    "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "you": "I", "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm",
    "idk": "you don't know",  # mid-sentence ("i want to say sorry but idk how"); at the edges it is a filler, gone
    "youre": "I'm", "youve": "I've", "youll": "I'll", "you've": "I've", "you'd": "I'd", "you'll": "I'll", "u": "I", "ur": "my",
}
# Contractions typed without their apostrophe ("i dont", "cant", "theyre"), said back with it: "you dont"
# reads as a typo of the listener's own. (Not "its", "id", "well", "were", "hell", "shell", "wed", "lets":
# each is a word of its own too.)
_MENDED = {"dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
           "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "havent": "haven't",
           "hasnt": "hasn't", "hadnt": "hadn't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
           "mustnt": "mustn't", "neednt": "needn't", "aint": "ain't", "theyre": "they're", "theyve": "they've",
           "theyll": "they'll", "theyd": "they'd", "thats": "that's", "whats": "what's", "theres": "there's",
           "heres": "here's", "wheres": "where's", "whos": "who's", "hows": "how's", "hes": "he's", "shes": "she's",
           "wouldve": "would've", "couldve": "could've", "mightve": "might've", "mustve": "must've",
           "everyones": "everyone's", "nobodys": "nobody's", "noones": "no one's", "somethings": "something's",
           "everythings": "everything's", "yall": "y'all", "itd": "it'd", "itll": "it'll", "thatd": "that'd",
           "thatll": "that'll", "wholl": "who'll", "youre": "you're",
           # quick typing of "what" ("wat if nobody likes me")
           "wat": "what", "wut": "what"}
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|[^A-Za-z0-9]+")


def _match_case(original: str, new: str, first: bool) -> str:
    if new.startswith("I ") or new in ("I", "I'm", "I've", "I'd", "I'll"):
        return new
    if first and original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


# Words the client said to someone, told as they said them ("I said I'm your daughter and she just looked at me"): their
# "your" is the one they spoke to, never the listener; shifted, it would read "you said you're my daughter". Said back
# in quotes, as they are. (Only when the words speak to someone: "I said I was tired" shifts as any other clause; and
# "like I said, you don't get it" speaks to the listener.)
_UNTIL = r"(?!\s+(?:and|but|then|so) (?:she|he|they|then|it|i|we|just)\b)[^.!?;\"\u201d]"
_REPORTED = re.compile(r"(?<!\blike )(?<!\bas )\b(i (?:just |then |even |literally |finally |even )?(?:said|say|told (?:her|him|them)|"
                       r"tell (?:her|him|them)|asked (?:her|him|them)|kept (?:saying|telling (?:her|him|them))|"
                       r"said to (?:her|him|them))(?: that)?[,:]?\s+)[\"'\u201c]?(?!(?:if|whether|why|what|how|when|where|who)\b)((?:" + _UNTIL + r")*?\b(?:you|your|yours|"
                       r"you're|youre|u|ur)\b(?:" + _UNTIL + r")*)", re.I)


# "Me I am very tired": "me" said before "I" to open a sentence, as some first languages do; said back "you you are".
_ME_I = re.compile(r"(?:^|(?<=[.!?]\s))\s*[Mm]e,?\s+(?=[Ii]\b)")


def to_second_person(text: str) -> str:
    """Return the text as the listener would say it back to its writer."""
    text = _ME_I.sub("", text)
    parts, last = [], 0
    for said in _REPORTED.finditer(text):
        words = mend_apostrophes(said[2].strip().strip("'\u201d\u2019"))
        parts += [_shifted(text[last:said.end(1)]), f'"{words[:1].upper()}{words[1:]}"']
        last = said.end() + (text[said.end():said.end() + 1] in ('"', "\u201d"))
    return "".join(parts) + _shifted(text[last:]) if parts else _shifted(text)


def _shifted(text: str) -> str:
    tokens = _TOKEN.findall(text)
    words = [i for i, t in enumerate(tokens) if t[:1].isalnum()]
    out = list(tokens)
    skip: set[int] = set()
    for n, i in enumerate(words):
        if i in skip:
            continue
        low = tokens[i].lower()
        nxt = words[n + 1] if n + 1 < len(words) else None
        third = words[n + 2] if n + 2 < len(words) else None
        if third is not None and tokens[i + 1: nxt] == [" "] and tokens[nxt + 1: third] == [" "] \
                and (low, tokens[nxt].lower(), tokens[third].lower()) in _TRIPLES:
            out[i] = _match_case(tokens[i], _TRIPLES[(low, tokens[nxt].lower(), tokens[third].lower())], n == 0)
            for k in range(i + 1, third + 1):
                out[k] = ""
            skip.update((nxt, third))
            continue
        # a pair only when nothing but a space separates the two words
        if nxt is not None and tokens[i + 1: nxt] == [" "] and (low, tokens[nxt].lower()) in _PAIRS:
            new = _PAIRS[(low, tokens[nxt].lower())]
            # "you" as an object ("I told you") stays a plain swap; only subject pairs move verbs
            out[i] = _match_case(tokens[i], new, n == 0)
            out[nxt] = ""
            out[i + 1] = ""
            skip.add(nxt)
            continue
        if low == "ill" and nxt is not None and tokens[i + 1: nxt] == [" "] and _is_ill_for_i_will(tokens, words, n):
            out[i] = "you'll"  # "scared ill mess it up": "I'll" typed without its apostrophe
            continue
        if low == "id" and nxt is not None and tokens[i + 1: nxt] == [" "] and _is_id_for_i_would(tokens, words, n):
            out[i] = "you'd"  # "didnt think id get it": "I'd" typed without its apostrophe
            continue
        if low == "its" and nxt is not None and tokens[i + 1: nxt] == [" "] and (
                _is_its_for_it_is(tokens[nxt], n == 0 or tokens[i - 1].strip() != "")
                or n > 0 and tokens[words[n - 1]].lower() in _ITS_IS_AFTER):
            out[i] = _match_case(tokens[i], "it's", True)  # "its 3am", "its so quiet": "it's"; "its own" stays
            continue
        if low == "well" and nxt is not None and tokens[i + 1: nxt] == [" "] and _is_well_for_we_will(tokens, words, n):
            out[i] = _match_case(tokens[i], "we'll", n == 0)  # "well see how she is tomorrow": "we'll see"
            continue
        if low in _KIN_OWNING and n > 0 and nxt is not None and tokens[words[n - 1]].lower() in _POSSESSIVES \
                and tokens[nxt].lower() in _OWNED:
            out[i] = tokens[i][:-1] + "'s"  # "he called me by my mums name": "your mum's name"
            continue
        if low in ("am", "was") and n >= 2 and tokens[words[n - 2]].lower() == "i" \
                and tokens[words[n - 1]].lower() in _BETWEEN_I_AND_VERB:
            out[i] = "are" if low == "am" else "were"  # "i really am" -> "you really are", never "you really am"
            continue
        if low == "you" and n > 1 and tokens[words[n - 1]].lower() == "thank" \
                and tokens[words[n - 2]].lower() in _THANKS_SAID:
            continue  # "nobody ever says thank you": their thanks, a set phrase, never "says thank me"
        if low in _WORDS:
            new = _WORDS[low]
            if low == "you" and n > 0 and (tokens[words[n - 1]].lower() in _OBJECT_BEFORE or _ends_clause(tokens, i)) \
                    and not _subject_after_like(tokens, words, n):
                new = "me"
            out[i] = _match_case(tokens[i], new, n == 0)
        elif low in _MENDED:
            out[i] = _match_case(tokens[i], _MENDED[low], True)
    return _YOU_FIRST.sub(_you_first, "".join(out))


# Before "thank you", words that make it a thanks someone says (or does not): "nobody even says thank you".
_THANKS_SAID = {"say", "says", "said", "saying", "sayin", "even", "a", "single", "no", "never", "one", "hear", "heard", "get",
                "got", "bother", "bothers", "bothered", "just"}


# Whose it is, typed without the apostrophe ("my mums name", "at my dads house").
_KIN_OWNING = {"mums", "moms", "dads", "nans", "grans", "grandads", "grandmas", "sisters", "brothers", "wifes",
               "husbands", "partners", "boyfriends", "girlfriends", "sons", "daughters", "aunties", "uncles", "exs"}
_POSSESSIVES = {"my", "your", "his", "her", "our", "their"}
_OWNED = {"name", "house", "place", "flat", "car", "birthday", "funeral", "room", "phone", "side", "fault", "friend",
          "friends", "wedding", "garden", "dog", "cat", "grave", "ashes", "anniversary", "number", "job", "kitchen",
          "stuff", "things", "voice", "face", "death", "illness", "cancer", "dementia", "new"}


# "my partner and i had a fight" opens with the two of them as subject: "you and your partner", not "your partner and you"
_YOU_FIRST = re.compile(r"(^|[.!?;]\s+)([Yy]our) ((?:\w+ ){0,2}?\w+) and you\b(?!')")
_NOT_A_NAME = {"is", "was", "are", "were", "has", "had", "have", "does", "did", "do", "can", "will", "would", "just",
               "keeps", "said", "says", "got", "gets", "went", "seems", "looks", "feels", "not", "always", "never",
               "came", "rang", "told", "left", "made", "took", "saw", "met",
               # ("my nan died and i haven't cried": she died, and they have not cried; no "you and your nan died")
               "died", "dies", "lied", "cried", "lost", "fell", "ran", "won", "broke", "quit", "hit",
               # ("my husband snores and i haven't slept": what he does, not the two of them)
               "snores", "smokes", "drinks", "works", "sleeps", "shouts", "yells", "swears", "gambles", "cheats", "lies",
               "snaps", "moans", "nags", "complains", "plays", "cooks", "travels", "sulks", "drives", "texts", "calls"}


# Who can be one of the two ("my partner and i"): "my exams start monday and i feel sick" names no one.
_PEOPLE = {"partner", "wife", "husband", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancee", "ex", "friend", "friends",
           "mate", "mates", "bestie", "sister", "brother", "mum", "mom", "mam", "mother", "dad", "father", "parents", "son",
           "daughter", "kids", "children", "family", "nan", "gran", "grandma", "grandad", "grandpa", "aunt", "auntie", "uncle",
           "cousin", "flatmate", "roommate", "housemate", "boss", "manager", "colleague", "coworker", "neighbour", "neighbor",
           "twin", "sibling", "siblings", "stepmum", "stepdad", "daughters", "sons", "sisters", "brothers", "team", "class"}


def _you_first(match: re.Match) -> str:
    words = match.group(3).lower().split()
    if not _PEOPLE & set(words) and len(words) > 1 or words[-1] in ("exams", "exam", "results", "plans", "things"):
        return match.group(0)  # "your exams start Monday and you feel sick": no one to pair with them
    if _NOT_A_NAME & set(words) or any(w.endswith("ed") and len(w) > 4 for w in words):
        # a clause, not two people: "your mum is ill and you ...", "your sister called and you got into it"
        return match.group(0)
    return f"{match.group(1)}{'Y' if match.group(2)[0] == 'Y' else 'y'}ou and your {match.group(3)}"


# "ill" is "I'll" when a verb follows, and being unwell after these ("I feel ill", "been ill for weeks").
_UNWELL_BEFORE = {"feel", "felt", "feeling", "feels", "got", "get", "getting", "gets", "been", "am", "was", "so", "very",
                  "really", "quite", "fell", "falling", "fall", "seriously", "mentally", "terminally", "chronically",
                  "is", "are", "were", "became", "become", "look", "looks", "looked", "seem", "seems", "seemed", "too",
                  "be", "being", "im", "i'm", "an", "the", "critically", "bit", "little", "pretty", "super", "properly"}
_NOT_A_VERB_AFTER = {"and", "with", "for", "again", "today", "now", "at", "since", "all", "in", "after", "from", "or",
                     "but", "so", "too", "as", "because", "lately", "recently", "this", "last", "the", "health",
                     "people", "person", "effects", "will", "feeling", "to", "of", "tonight", "yesterday"}


def _is_ill_for_i_will(tokens: list[str], words: list[int], n: int) -> bool:
    before = tokens[words[n - 1]].lower() if n > 0 else ""
    after = tokens[words[n + 1]].lower()
    return before not in _UNWELL_BEFORE and after not in _NOT_A_VERB_AFTER and after.isalpha()


def mend_apostrophes(text: str) -> str:
    """The client's words as they are (still "I"), with the apostrophes a quick typist left out put back."""
    def mended(word: str) -> str:
        low = word.lower()
        return _I_FORMS[low] if low in _I_FORMS else _match_case(word, _MENDED[low], True) if low in _MENDED else word

    return re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)?", lambda m: mended(m.group(0)), text)


_I_FORMS = {"i": "I", "im": "I'm", "i'm": "I'm", "ive": "I've", "i've": "I've", "i'll": "I'll", "i'd": "I'd"}


# "id" is "I'd" before a verb or an adverb, and an ID after these or before these ("my id expired").
_ID_BEFORE = {"my", "your", "the", "an", "a", "his", "her", "their", "our", "photo", "student", "staff", "user", "caller",
              "fake", "valid", "no", "of", "with", "without", "show", "showed", "lost", "forgot", "need", "needed"}
_ID_AFTER = {"card", "cards", "number", "badge", "photo", "check", "checks", "theft", "document", "documents",
             "expired", "is", "was", "and", "or", "to", "for", "please", "at", "in", "on"}


# "well" is "we'll" before these, where a clause starts ("well see", "but well manage"); "as well", "sleep well" stay.
# (Not "all", "never", "look": "well all i know is", "well never mind", "well look" open with the word itself.)
WELL_VERBS = {"see", "be", "have", "get", "go", "talk", "find", "figure", "sort", "try", "know", "work", "make", "wait",
              "need", "probably", "just", "deal", "manage", "cope", "survive", "start", "meet", "muddle", "miss"}
_WELL_AFTER = {"and", "but", "so", "then", "maybe", "hopefully", "think", "guess", "reckon", "hope", "suppose",
               "probably", "now", "tomorrow", "tmrw", "tonight", "later", "said", "says"}


def _is_well_for_we_will(tokens: list[str], words: list[int], n: int) -> bool:
    before = tokens[words[n - 1]].lower() if n > 0 else ""
    starts = n == 0 or before in _WELL_AFTER or any(c in ".,!?;:" for c in "".join(tokens[words[n - 1] + 1: words[n]]))
    return starts and tokens[words[n + 1]].lower() in WELL_VERBS


def _is_id_for_i_would(tokens: list[str], words: list[int], n: int) -> bool:
    before = tokens[words[n - 1]].lower() if n > 0 else ""
    after = tokens[words[n + 1]].lower()
    return before not in _ID_BEFORE and after not in _ID_AFTER and after.isalpha()


# "its" is "it's" before these (and before a number: "its 3am"); before anything else it is the possessive
# ("its own", "its fur").
_ITS_IS_BEFORE = {"so", "really", "not", "just", "been", "a", "an", "the", "all", "like", "too", "very", "gonna",
                  "going", "getting", "always", "never", "only", "still", "ok", "okay", "fine", "hard", "over", "late",
                  "true", "weird", "nice", "awful", "horrible", "bad", "good", "great", "crazy", "impossible", "scary",
                  "easy", "literally", "honestly", "kinda", "almost", "already", "making", "killing", "helping",
                  "driving", "taking", "happening", "got", "because", "cause", "bc", "about", "what", "that", "this",
                  "no", "nothing", "everything", "my", "your", "her", "his", "their", "our", "me", "him", "them",
                  "quiet", "lonely", "hell", "rough", "tough", "exhausting", "pointless", "fine", "different",
                  "worse", "better", "been", "probably", "definitely", "actually", "gotten", "funny", "stupid",
                  "silly", "dumb", "sad", "unfair", "normal", "getting", "coming", "becoming", "one", "time", "on",
                  "every", "whatever", "fine", "such", "nearly", "half", "gone", "done", "still", "mostly", "way"}


# ... and after these, whatever follows ("what if its cancer", "i hope its nothing")
_ITS_IS_AFTER = {"if", "because", "cause", "cos", "bc", "maybe", "hope", "think", "thought", "guess", "sure", "unless"}


def _is_its_for_it_is(after: str, opens: bool = False) -> bool:
    # and, opening a clause, before a word in -ing or -ed ("its embarrassing", "its called"; "lost its funding" stays)
    low = after.lower()
    return low in _ITS_IS_BEFORE or after[:1].isdigit() or opens and len(low) > 5 and low.endswith(("ing", "ed"))


def _ends_clause(tokens: list[str], i: int) -> bool:
    """Whether nothing but punctuation follows token i in its clause ("...dumping this on you.")."""
    rest = tokens[i + 1:]
    return not rest or not rest[0].isspace() or rest[0].isspace() and (len(rest) == 1 or not rest[1][:1].isalnum()) \
        or (len(rest) > 1 and rest[1].lower() in {"and", "but", "so", "or", "because", "too", "again", "anymore", "either"})


# Words that come between "I" and "am" or "was" ("i really am", "i honestly was").
_BETWEEN_I_AND_VERB = {"really", "honestly", "actually", "truly", "genuinely", "definitely", "still", "just", "never",
                       "always", "literally", "seriously", "totally", "so", "sure", "probably"}
# After "like" or "as", "you" before a verb of saying is the subject: "like you said" -> "like I said".
_SAYING = {"said", "say", "says", "suggested", "suggest", "told", "mentioned", "asked", "did", "do", "kinda", "kind",
           "sort", "sorta", "just", "once", "always", "don't", "dont", "didn't", "didnt", "can't", "cant", "won't",
           "wont", "never", "get", "got", "understand", "know", "think", "care", "wouldn't", "wouldnt", "couldn't",
           "couldnt", "would", "could", "might", "probably", "really", "actually", "even"}


def _subject_after_like(tokens: list[str], words: list[int], n: int) -> bool:
    """Whether "you" after "like" or "as" is the subject of a verb ("like you kinda suggested", "like you don't get me")."""
    return tokens[words[n - 1]].lower() in ("like", "as") and n + 1 < len(words) \
        and tokens[words[n + 1]].lower() in _SAYING


# After these words "you" is an object and becomes "me" ("I told you" -> "you told me").
_OBJECT_BEFORE = {"told", "tell", "telling", "asked", "ask", "thank", "thanks", "to", "for", "with",
                  "at", "about", "love", "hate", "need", "trust", "help", "helped", "see", "understand",
                  "hear", "bother", "bothering", "miss", "from", "like", "know", "want", "give", "show",
                  "on", "of", "into", "onto", "by", "than", "around", "without", "against", "upon", "towards",
                  "toward", "after", "behind", "beside", "near", "call", "called", "text", "texted", "meet",
                  "met", "burden", "burdening", "annoy", "annoying", "bore", "boring", "blame", "let", "make",
                  "made", "leave", "left", "upset", "hurt", "disappoint"}
