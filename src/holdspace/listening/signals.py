"""What a client's message is, before any reflecting: a greeting, thanks, a brush-off, a correction,
an apology, "I don't know", or words about not being here. And the roadblocks no reply may hold.

Regular expressions over normalised text; each says why it exists where the reason is not obvious.
"""

from __future__ import annotations

import re

__all__ = ["ROADBLOCKS", "roadblocks_in", "APOLOGY", "BARE_OK", "NOTHING_MUCH", "DOING_WELL", "NOT_SO_WELL", "NO_REASON", "ASSENT", "CORRECTION", "DISMISS", "DONT_KNOW", "GREETING",
           "FEELING_RULE", "MINIMISING", "RHETORICAL", "NOT_BEING_HERE", "OWN_FEELING_RULE", "SELF_CRITICAL", "SELF_HARM", "SELF_HATE", "THANKS", "INDEPENDENTLY", "YES_TO_CHECK_IN", "without_independence", "ASKS_ADVICE", "ASKS_JUDGEMENT", "ASKS_MEDICATION", "ASKS_WHAT_IT_IS", "DOUBTS_IT",
           "SAFE_NOW", "NOT_SAFE", "TIRED_OF_THE_LINES", "REACHED_OUT", "looks_english", "GLAD_TEARS",
           "FEAR_TOLD_AS_PAST", "NOT_GRAVE", "SMALL_SETBACK", "RULED_OUT", "MAKES_SENSE", "SIGH", "NOT_HELPING"]

#: Phrases that block listening; none may appear in what the listener says.
ROADBLOCKS = (r"\bat least\b", r"\bcalm down\b", r"\bdon'?t worry\b", r"\byou should\b",
              r"\byou ought to\b", r"\bjust relax\b",
              r"\bcheer up\b", r"\blook on the bright side\b", r"\beverything happens for a reason\b",
              r"\bit could be worse\b", r"\bhave you tried\b", r"\bwhy\b[^.!?]*\?")
_ROADBLOCK = re.compile("|".join(ROADBLOCKS), re.I)

GREETING = re.compile(r"^\W*(?:hi|hello|hey|hiya|heya|yo|good (?:morning|afternoon|evening)|morning|evening)"
                       r"(?: there| again| you)?\W*$", re.I)
DISMISS = re.compile(r"^\W*(?:(?:i'?m|im) (?:fine|ok|okay|alright)|fine|ok|okay|forget it|never ?mind|nvm|"
                      r"whatever|doesn'?t matter|it'?s nothing|it'?s fine|it'?s whatever|leave it|drop it|nah)"
                      r"(?:\W+(?:(?:i'?m|im) (?:fine|ok|okay)|fine|ok|okay|forget it|never ?mind|nvm|whatever|"
                      r"really|honestly|anyway|lol|i guess|it'?s fine|doesn'?t matter))*\W*$", re.I)
# "No" to the gentle check-in ("are you having any thoughts of ending your life?"): "no", "nope, im ok",
# "no not at all". The rest of the message ("no, im just sad") is what they went on to say.
NO_TO_CHECK_IN = re.compile(
    r"^\W*(?:no+|nope|nah|not at all|no way|of course not|definitely not|god no|hell no|not really)\b"
    r"(?:[\s,.!-]*(?:not at all|no+|honestly|really|definitely not|i promise|(?:not|nothing) (?:really )?like that|"
    r"not that|never|i'?d never|i would never|(?:i'?m|im|i am) not suicidal|not suicidal|"
    r"(?:i'?m|im|i am) not(?=[\s,.!-]*$))\b)*"
    r"(?:[\s,.!-]*(?:i'?m|im|i am)\s+(?:fine|ok|okay|alright|all right|good|safe)\b)?[\s,.!-]*", re.I)
# "Yes" to "are you having thoughts of ending your life?", or an answer short of "no" ("sometimes", "idk",
# "kind of"), or a message that starts with one ("yeah, most nights"): a disclosure, never a feeling to reflect.
YES_TO_CHECK_IN = re.compile(
    r"^\W*(?:(?:honestly|tbh|um+|uh+|well|i mean|i guess|i think|ngl)\W+)*(?:yes+|yeah+|yea|yep|yup|ya|yh|ye|mhm+|uh-huh|"
    r"i am|i do|i have|i guess|i think so|i suppose|sometimes|some days|at times|maybe|kind of|kinda|sort of|a bit|a little|"
    r"probably|a lot|all the time|every day|most days|most nights|constantly|lately|"
    # (not "i don't know what to do": that is no answer to the question, and is heard as itself)
    r"(?:i (?:don'?t|dont|do not) know|idk|not sure|i'?m not sure|dunno)(?! (?:what|how|why|where|who|if|whether|when)\b)|"
    r"possibly|on and off|now and then|a few times|more than i'?d like|"
    # ("i already told you", "obviously": the yes was in what they wrote before)
    r"i (?:already |just )?(?:told|said)(?: (?:you|u|so|that|it))?(?: (?:already|before|so))?(?=\W*$)|obviously(?=\W*$)|"
    r"isn'?t it obvious|what do you think(?=\W*$))\b"
    # ("yeah thanks", "yes i'll call them": thanks for the lines, not a yes to the question)
    r"(?!\W*(?:thanks|thank you|ty|thx|ok|okay|i know|will do|i will|i'?ll (?:call|text|try|do that|look|ring))\b)", re.I)
# Answers to "Are you safe right now?" (the shorter crisis response, "again"). Yes, or safe for now:
SAFE_NOW = re.compile(
    r"^\W*(?:(?:yes+|yeah+|yea|yep|yup|ya|yh|ye|mhm+)(?:\W+(?:i am|i'?m safe|im safe|i think so|for now|right now|"
    r"i'?m ok(?:ay)?|im ok(?:ay)?|safe|i promise|honestly))*|(?:i'?m|im|i am) safe(?: (?:for now|right now|now|enough))?|"
    r"safe(?: for now| enough)?|i think so|for now|i am)\W*$", re.I)
# ...and no, not really, or can't say: not being safe (a "no" here never means "no thoughts").
NOT_SAFE = re.compile(
    r"^\W*(?:no+|nope|nah|not really|not sure|i'?m not sure|not at all|i don'?t know|i dont know|i do not know|idk|"
    r"dunno|i don'?t think so|i dont think so|(?:no,? )?(?:i'?m|im|i am) not(?: safe)?|not safe|not (?:right )?now|"
    r"i can'?t (?:say|promise)|i don'?t feel safe|i dont feel safe)(?:\W+(?:(?:i'?m|im|i am) not|not really|really|"
    r"honestly|anymore|idk|no+|not safe))*\W*$", re.I)
# Pushing back on being given the crisis lines ("why do you keep saying that", "i don't want to call anyone"):
# heard, without taking the lines away.
TIRED_OF_THE_LINES = re.compile(
    r"\b(?:why (?:do|are) you (?:keep(?:ing)? |always )?(?:saying|sending|giving|telling|repeating|copy)|"
    r"(?:you (?:keep|already) (?:saying|said|sending|sent|giving|gave|repeating)|stop (?:saying|sending|giving|telling|repeating))"
    r"(?: me)? (?:that|this|the same|those|these|numbers?|lines?|hotlines?|helplines?|yourself|it)|"
    r"(?:i|i'?m) (?:don'?t|dont|do not|won'?t|wont|can'?t|cant|not going to|not gonna) (?:want to |wanna |going to )?"
    r"(?:call|ring|phone|text|talk to|speak to) (?:anyone|anybody|them|a stranger|strangers|those people|a hotline|"
    r"a helpline|a crisis line|that number|those numbers|the number|some random)|"
    r"(?:hotlines?|helplines?|crisis lines?|those numbers) (?:don'?t|dont|never|won'?t) help|"
    r"you sound like a (?:robot|script|machine)|you'?re (?:just )?repeating yourself)", re.I)
# Having reached one of the lines or a person after a crisis reply ("i called them", "texted shout", "on the phone
# with samaritans now", "my sister is coming over").
REACHED_OUT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|well|yeah|i did|done)\W+)*(?:(?:i(?:'?ve| have)? (?:just |finally )?(?:called|rang|phoned|texted|"
    r"messaged|rung|reached|contacted|talked to|spoke to|spoken to)|i'?m (?:on the phone|texting|talking|speaking) (?:to|with))"
    r" (?:them|it|the (?:number|line|helpline|hotline|crisis line)|someone|somebody|a friend|my \w+|\w*line|samaritans|"
    r"shout|\d[\d ]*)(?:\W*$|\W+(?:and|now|just now|already|earlier|back)\b)|"
    r"(?:my \w+|someone|a friend|she|he) (?:is|'s) (?:coming (?:over|round|to (?:be with|see|stay with) me)|"
    r"on (?:the|their|her|his) way|here with me|with me now))", re.I)
THANKS = re.compile(r"^\W*(?:ok(?:ay)?\W+)?"
                    # ("wow, that's really helpful, thank you!", "honestly this helped, thanks": the thanks is what they say)
                    r"(?:(?:(?:wow|honestly|oh|aw+|ah)\W+)*(?:that'?s|thats|that was|this is|this was|it'?s|its|it was|this|that|"
                    r"talking)\s+(?:(?:really|so|very|actually|genuinely|super|kind of|kinda)\s+)*(?:helpful|helped|useful|"
                    r"helps)\W+)?(?:thanks|thank you|thx|ty|cheers)(?: (?:so much|a lot|for (?:listening|"
                    r"your time|this|that|the chat|talking|everything)(?: (?:earlier|before|last time|yesterday|last night|"
                    r"the other day))?))*(?:\W+(?:i guess|anyway|really|bye|x+|"
                    r"(?:it|this|that|talking) (?:really )?(?:helps|helped)(?: (?:a bit|a little|a lot|somehow))?"
                    r"(?: to (?:say|talk about|get|write|put) (?:it|this|that)(?: out| down)?)?|"
                    r"i feel (?:a bit |a little )?better|(?:i think )?i (?:just )?needed (?:to (?:say|hear|get|write) (?:it|that|this)"
                    r"(?: out loud| out| down)?|that)))*\W*$", re.I)
# A bare "yeah", "mm", "right": they are still with it; answer that, don't quote the word back.
ASSENT = re.compile(r"^\W*(?:yeah|yea|yep|yes|yup|ya|yh|k|kk|sure|mm+|mhm+|m-hm|uh-huh|right|true|exactly|i guess|i suppose|"
                    r"kind of|sort of|maybe|probably|guess so|suppose so|i think so|pretty much)"
                    r"(?:\W+(?:yeah|i guess|i suppose|really|maybe|so|lol|haha|exactly|true|right))*\W*$", re.I)
# A short pleasant answer to "how are you" ("good, thanks", "not bad, you?"): met warmly and briefly, not read deeply.
DOING_WELL = re.compile(r"^\W*(?:(?:i'?m|im|i am|i'?ve been|ive been|been|all|doing)\s+)?(?:(?:really|pretty|very|quite|"
                        r"actually|doing|all)\s+)*(?:good|great|well|not bad|grand|brilliant|fab|fantastic|can'?t complain|"
                        r"cant complain)(?:\W+(?:thanks|thank you|thx|ty|cheers|and you|you|how are you|how about you|hbu|wbu|"
                        r"u|actually|today|so far))*\W*$", re.I)
# A bare "ok" or "fine" (said part-way through, an answer to the last question: listener.py keeps to the story).
BARE_OK = re.compile(r"^\W*(?:(?:it'?s|its|it'?s been|its been|been|pretty|actually)\s+)?(?:ok|okay|fine|alright|all right)"
                     r"(?:\W+(?:i guess|so far|actually|thanks|tbh))*\W*$", re.I)
# Nothing much to tell ("not much going on", "the same as usual"): a plain answer to "what's on your mind today?".
NOTHING_MUCH = re.compile(r"^\W*(?:(?:um+|well|eh|erm|honestly|tbh)\W+)?(?:not much|nothing much|not a lot|nothing really|"
                          r"(?:the )?same(?: as (?:usual|always|ever))?|(?:the )?usual(?: stuff)?|same old(?: same old)?)"
                          r"(?:\W+(?:going on|happening|really|tbh|honestly|today|lol|thanks|i guess|new|to be honest))*\W*$", re.I)
# A low, brief answer ("not great tbh", "could be better"): heard plainly, and gently invited on.
NOT_SO_WELL = re.compile(r"^\W*(?:(?:honestly|tbh|um+|well|erm|eh|hmm+)\W+)?(?:(?:i'?m|im|i am|i'?ve been|ive been|been|"
                         r"things are|it'?s|its)\s+)?(?:not (?:so |too |that |very |really |all that )?(?:great|good|well|"
                         r"amazing|brilliant|the best|grand)|(?:have |i'?ve |ive )?been better|could be better|meh|so-so|"
                         r"so so|(?:a )?bit rubbish|(?:pretty )?(?:rubbish|crap|bad))(?:\W+(?:tbh|honestly|to be honest|"
                         r"really|lol|if i'?m honest|today|lately|atm|rn|right now|thanks|ngl))*\W*$", re.I)
# Thanks said with an edge, or plain word that the listener is not helping ("thanks for nothing", "wow, really helpful",
# "this isn't helping"): the listener has missed, and says so; never heard as gratitude.
NOT_HELPING = re.compile(r"\b(?:thanks|thank you|cheers|ta) for nothing\b|"
                         # (said with "!" or "thank you", "wow, really helpful" is mostly meant)
                         r"^\W*(?:(?:oh|wow|yeah|well)\W+)+(?:(?:that'?s|thats|that was|you'?re|youre|you are|very|really|so|super)\s+)*"
                         r"(?:helpful|useful|insightful)\b(?!.*(?:!|thank you|\bty\b))|"
                         r"^\W*(?:honestly |tbh |but |well )?(?:this|you)(?:'re| are| is|'s)? (?:not|isn'?t|isnt|aren'?t|really not) "
                         r"(?:helping|helpful|(?:any|much) help)(?: (?:at all|tbh|honestly|really|me))*\W*$|"
                         r"^\W*(?:you'?re|youre|you are) (?:useless|no help)(?: (?:at all|tbh|honestly))*\W*$", re.I)
# A sigh and nothing else ("ugh", "urgh", "sigh", "*sigh*"): one word can be weariness, annoyance or a low, so no
# feeling is named from it.
SIGH = re.compile(r"^\W*(?:u+g+h+|u+r+g+h+|a+r+g+h+|s+i+g+h+|bleh)(?:\W+(?:u+g+h+|u+r+g+h+|s+i+g+h+))*\W*$", re.I)
# Ways of saying "I might not want to be here" that a listener must never reflect back as an
# ordinary feeling. If the risk check says "none" for one of these, the listener still checks in.
NOT_BEING_HERE = re.compile(
    r"\b(?:disappear(?:ed|ing)?|not (?:be |being )?(?:here|around) anymore|wasn'?t (?:here|around)|"
    r"better off without me|no point (?:in )?(?:living|going on|anything)|can'?t go on|"
    r"end it all|don'?t want to (?:be here|wake up|exist)|wish i (?:was|were) (?:dead|gone|never born)|"
    r"(?:nobody|no one|no-one|anyone|anybody) would (?:even |really |actually )?(?:notice|care|miss me)"
    r"(?! if i (?:left|quit|resigned|moved|changed|skipped|stopped (?:going|coming|posting)))|"
    r"would (?:anyone|anybody) (?:even |really |actually )?(?:notice|care|miss me)|"
    r"can'?t (?:do|take|handle) (?:this|it) (?:anymore|any more)(?=\W*(?:fr|tbh|honestly|seriously|lol|i'?m done)?\W*$))\b", re.I)

# Hurting oneself, in words the risk check may not catch ("I've been cutting again"): the same
# direct check-in as above, never an ordinary reflection.
SELF_HARM = re.compile(
    # (not someone else's: "he's been hitting other kids", "she keeps scratching him")
    r"\b(?<!he's )(?<!she's )(?<!he has )(?<!she has )(?<!they've )(?<!they have )(?<!he )(?<!she )(?<!they )(?<!it )"
    r"(?:(?:been|started|start|keep|kept|was|am|i'?m) (?:cutting|burning|scratching|hitting)"
    # ("i'm burning out", "i've been hitting the gym", "cutting back": not about hurting oneself)
    r"(?!\s+(?:out|up|through|off|down|back|the|a|an|it|into|on|in|at|for|bridges|calories|corners|class|school|work|"
    r"other|others|his|him|her|them|their|people|kids|children|someone|somebody|everyone|everybody|my (?:brother|sister|"
    r"son|daughter|kids?|partner|husband|wife|boyfriend|girlfriend|dad|mum|mom))\b)"
    r"(?: (?:again|myself))?|"
    r"cut(?:ting)? (?:myself|my (?:arms?|legs?|wrists?|thighs?|skin))|relapsed? (?:on|with|into) (?:self[- ]?harm|cutting)|"
    r"self[- ]?harm\w*|hurt(?:ing)? myself|burn(?:ed|t|ing)? myself|scratch(?:ed|ing)? myself)\b", re.I)

CORRECTION = re.compile(
    r"\b(?:that'?s not (?:it|right|true|what i (?:meant|said|mean))|not what i (?:meant|said|mean)|"
    r"you(?:'re| are) not (?:getting|listening|hearing)|you (?:don'?t|do not) get it|"
    r"that'?s not how i feel|i(?:'m| am) not (?:feeling )?(?:that|really)\b|no,? (?:that'?s )?wrong|"
    r"you'?ve got it wrong|that isn'?t it|not quite|^\W*(?:no,?\s+)?not like that)\b", re.I)
APOLOGY = re.compile(
    r"^\W*(?:(?:i'?m|im|i am)\s+)?(?:so\s+|really\s+)?sorry(?:\s+(?:for|about)\s+(?:dumping|rambling|going on|"
    r"venting|offloading|unloading|moaning|complaining|whining|being (?:so )?(?:negative|dramatic|a lot|annoying|"
    r"a burden|a mess)|all (?:this|that)|this|that|the (?:rant|essay|long message|wall of text))[^.!?]{0,60})?"
    r"(?:\W+(?:lol|haha|i know it'?s a lot|it'?s a lot|that was a lot))*\W*$", re.I)
DONT_KNOW = re.compile(
    r"^\W*(?:(?:um+|uh+|hmm+|well|honestly|i mean|idk)\W+)?(?:i (?:don'?t|do not|dont) know|idk|dunno|i'?m not sure|"
    r"not sure|no idea|i have no idea|i can'?t say|hard to say|i don'?t know what to say)"
    r"(?:\W+(?:really|honestly|anymore|tbh|lol|i guess|either|to be honest))*\W*$", re.I)
# Harsh judgements of oneself: said back as what the client tells themselves, never as fact
# ("It sounds like you're worthless" would agree with them).
# Making light of one's own trouble ("it's probably not a big deal", "others have it worse"): the
# reply says it matters anyway, rather than naming an opinion about it.
# A low mood with no reason they can point to ("nothing's even wrong really", "i have no reason to feel like this").
NO_REASON = (r"(?:nothing'?s|nothings|nothing is) (?:even |actually |really )?(?:wrong|bad|going wrong)(?! with (?!me\b))|"
             r"(?:i'?ve|i have|ive) (?:got )?(?:no|nothing to|no reason to) (?:reason to )?(?:be|feel) (?:\w+ )?"
             r"(?:sad|upset|down|depressed|like this|this way|low)|(?:for )?no reason at all")
MINIMISING = re.compile(
    r"\b(?<!says )(?<!said )(?<!saying )(?<!thinks )(?<!told me )(?<!tells me )(?<!says that )(?<!said that )(?<!acted like )(?<!acts like )"
    r"(?:(?:it'?s|its|this is|that'?s|it was|it isn'?t|it is)\s+(?:probably |prob |really |honestly |just )?"
    r"(?:not (?:a |that )?(?:big|huge) (?:deal|thing)|no (?:big )?deal|silly|stupid|nothing really|so small|so minor|dumb)|"
    r"(?:other|some) people have it (?:so much |way |much |far )?worse|"
    # their own verdict on themselves ("i'm probably being dramatic"), not someone else's ("they think im being lazy")
    r"(?<!think )(?<!thinks )(?<!said )(?<!says )(?<!told me )i'?m (?:probably |just )?(?:being (?:silly|dramatic|stupid|"
    r"ridiculous|(?:over ?)?sensitive|a baby|petty|daft|pathetic|soft|a drama queen|precious)|overreacting|"
    r"making a (?:big )?deal)|i shouldn'?t (?:even )?(?:be|feel) (?:this|so) (?:upset|bothered|stressed|sad)|"
    # said after the thing itself: "I still set out two cups. Silly really."
    r"(?:silly|stupid|daft|dumb|pathetic) (?:really|i know|of me|i suppose|i guess)|"
    # "i know shes just a cat but": a loss made small before anyone else can
    r"(?:she'?s|shes|he'?s|hes|it'?s|its|she was|he was|it was|they'?re|theyre) (?:just|only) (?:a|an) (?:cat|dog|pet|hamster|"
    r"rabbit|bird|fish|horse|job|exam|test|game|break-?up|friend)|i know (?:it'?s|its|that'?s) (?:silly|stupid|daft|dumb)|"
    # "its fine im used to it": hurt made ordinary by happening often
    r"(?:i'?m|im|i am|i'?ve got|i got) (?:kind of |kinda |pretty |just |so )?used to it|"
    # "nothing's even wrong really", "i have no reason to be sad": a low mood they don't feel entitled to
    + NO_REASON + r")\b", re.I)
# A rule about how much one may feel ("I'm not even meant to be this upset", "I should be over it by now",
# "everyone says I should have moved on"): the reply makes room for the feeling instead of the rule.
_RULE = (r"(?:(?:i'?m|im|i am) (?:not )?(?:even |really |honestly |still )?(?:meant|supposed|allowed) to (?:be|feel)|"
         r"i (?:should|shouldn'?t|ought to|oughtn'?t to)(?: not)? (?:even |still |really |just )?(?:be|feel)"
         r"(?= (?:\w+ )?(?:over|past|this|so|that|more|less|any|better|fine|okay|ok|upset|sad|bothered|hurt|gutted|"
         r"moved on|done|used to))|i should (?:have|'ve) (?:got|gotten|moved|gotten over|got over|moved on)\b|"
         r"i (?:shouldn'?t|shouldnt) (?:even |still |really )?care\b)")
# (and others' "at least", reported: "everyone keeps saying at least it was early" makes a loss small for them)
FEELING_RULE = re.compile(r"\b(?:" + _RULE + r"|(?:(?:everyone|everybody|people) (?:keeps? |kept )?(?:says?|said|saying|tells? me|"
                          r"told me|telling me)|(?:they|my \w+) (?:keeps?|kept) (?:saying|telling me)) (?:that )?at least\b|"
                          # ("my dog died yesterday and people keep saying its just a dog": a loss made small by others)
                          r"(?:everyone|everybody|people|they|(?:my|his|her) \w+|he|she) (?:keeps? |kept |just )?(?:says?|said|saying|"
                          r"tells? me|told me|telling me) (?:that )?(?:it'?s|its|she'?s|shes|he'?s|hes|it was|she was|he was) "
                          r"(?:just|only) (?:a|an)\b)", re.I)
# The same rule as the client's own, at the start of what they said ("but I'm not meant to be this upset"),
# not someone else's they report ("everyone says I should be over it"): said back as theirs, never as fact.
OWN_FEELING_RULE = re.compile(r"^\W*(?:(?:but|and|so|honestly|like|i know|i guess|i think|i feel like)\W+)*" + _RULE, re.I)
# Someone else's verdict reported ("she acted like I was the problem", "he says I'm useless") is theirs,
# not the client's own harsh thought: the lookbehinds leave it to be said back as what that person did.
_REPORTED = "".join(f"(?<!{w} )" for w in ("acted like", "acts like", "act like", "acting like", "treats me like",
                                            "treated me like", "says", "said", "thinks", "told me", "tells me",
                                            "calls me", "called me", "made out", "makes out", "decided",
                                            # a verdict feared from others ("scared theyll think im not good enough")
                                            "they think", "they'll think", "theyll think", "they'd think", "will think",
                                            "would think", "might think", "people think", "they thought"))
# "...nobody notices. Does that make sense?", "...relieved it's over, if that makes sense?": asked at the end of what they
# told, a question to be answered ("It does.") before the reflection, never said back as part of it.
MAKES_SENSE = re.compile(r"(?:^|[\s,.;:!-]+)(?:(?:does|do|did) (?:that|this|it|any of (?:that|this)) (?:even |actually )?make "
                         r"(?:any )?sense\W*|(?:if|i hope|hope) (?:that|this|it|any of (?:that|this)) (?:even |actually )?makes? "
                         r"(?:any )?sense\W*|(?:(?:that|this|it|does that|does it) )?makes? (?:any )?sense\s*\?+\W*)$", re.I)
SELF_CRITICAL = re.compile(
    r"\b" + _REPORTED + r"(?:i'?m|im|i am|i (?:just |really |honestly |kind of |kinda )?feel|i'?ve always been|i was)\s+"
    r"(?:\w+\s+){0,2}(?:worthless|useless|a failure|not worth (?:it|anything|talking to|knowing|the effort|loving)|"
    r"(?:like )?(?:garbage|trash|rubbish|crap|shit|scum)\b|"
    r"a mess|pathetic|stupid|an idiot|a burden|a doormat|a pushover|disgusting|ugly|a joke|a loser|a disappointment|not good enough|"
    r"never good enough|unlovable|too much|broken|weak|a fraud|the problem|too sensitive|overreacting|"
    r"so dramatic|too dramatic|needy|selfish|crazy|not (?:smart|clever|pretty|thin|strong|brave|interesting|funny|"
    r"attractive|talented|bright|successful|cool|good-looking) enough)\b|"
    r"\b(?:there'?s|there is|theres|is there|something'?s|somethings) (?:\w+ )?(?:something |sth )?(?:really |seriously )?"
    r"wrong with me\b|"
    r"\b" + _REPORTED + r"(?:i'?m|im|i am|i feel like|i'?ve been) (?:such |the |a )?(?:worst|bad|terrible|horrible|awful|useless|rubbish|crap) "
    r"(?:mum|mom|mother|dad|father|parent|friend|partner|wife|husband|daughter|son|sister|brother|person|human)\b|"
    r"\b(?:i )?(?:can'?t|never) do anything right\b|"
    # "i feel like im failing as a mum"
    r"\b(?:i'?m|im|i am) (?:failing|a failure|useless|rubbish|crap|terrible|awful|hopeless|no good|a let-?down) (?:as a|at being a) "
    r"(?:mum|mom|mother|dad|father|parent|wife|husband|partner|daughter|son|friend|sister|brother|carer|teacher|nurse)\b|"
    # "i'm tired of feeling like the disappointment of the family"
    r"\b(?:feel|feeling|felt|feels) like (?:a|the|such a|a total|a complete) (?:disappointment|failure|burden|loser|fraud|"
    r"joke|screw-?up|fuck-?up|mistake|waste of space|let-?down)\b|"
    # "sat in the car feeling like the worst parent alive. they deserve better than me"
    r"\b(?:feel|feeling|felt) like (?:the|a|such a) (?:worst|terrible|horrible|awful|useless|rubbish) (?:mum|mom|mother|dad|"
    r"father|parent|friend|partner|wife|husband|daughter|son|sister|brother|person)\b|"
    r"\b(?:they|he|she|(?:my|the|our) \w+) deserves? (?:so much |much |way |far )?better than me\b|"
    # "i always mess these things up", "i screw everything up"
    r"\bi (?:always|just always|always just|constantly) (?:mess|messing|screw|screwing|muck|mucking|fuck|fucking) "
    r"(?:\w+ ){0,2}up\b|\bi (?:mess|screw|muck|fuck) (?:everything|it all|things) up\b|\bi (?:don'?t|do not|dont) deserve (?:to|anything|good|love|it|them|him|her|help|"
    r"kindness|happiness|better)\b|"
    # ("i dont know whats wrong with me": puzzled by it, no harsh verdict on themselves)
    r"(?<!\bknow )(?<!\bsure )(?<!\bidea )(?<!\bout )(?<!\bfind )\b(?:what'?s|wtf is|what the (?:hell|heck|fuck) is) wrong with me\b|\bi ruin everything\b|"
    # "maybe i just need to toughen up" after a story of being treated badly: the fault turned on themselves
    r"\bi (?:just )?(?:need|have|ought|should) (?:to )?(?:toughen up|man up|grow (?:a )?thicker skin|get (?:a )?thicker skin|"
    r"stop being (?:so )?(?:soft|sensitive|weak))\b|"
    # "what kind of father doesn't love his own baby": a harsh question asked of themselves (its answer, to them, is
    # "a bad one"); the harsh thought is what to ask about, not "what has been going on in your family?"
    r"\bwhat (?:kind|sort) of (?:a )?(?:father|mother|dad|mum|mom|parent|person|friend|daughter|son|wife|husband|partner|"
    r"sister|brother|human|human being|nurse|carer) (?:doesn'?t|does not|doesnt|can'?t|cannot|cant|would|could|feels?|"
    r"hates?|forgets?|resents?|wishes|thinks|snaps|yells|screams|leaves|walks out|lets)\b", re.I)

# Tears of gladness ("i could have cried with happiness", "happy tears", "so happy i could cry").
GLAD_TEARS = re.compile(r"\b(?:cr(?:y|ied|ying)|tears|teared up|in tears)\s+(?:of|with)\s+(?:joy|happiness|relief|pride)\b|"
                        r"\bhappy tears\b|\b(?:happy|relieved|proud|glad)\s+i could (?:cry|have cried)\b", re.I)
# A fear told as past ("i was so nervous about raising it", "i'd been dreading it").
FEAR_TOLD_AS_PAST = re.compile(r"\b(?:i|we)\s+(?:was|were|felt|had been|'d been|got)\s+(?:so |really |very |a bit |quite |"
                               r"pretty |super |absolutely |properly )?(?:nervous|anxious|scared|afraid|terrified|frightened|"
                               r"worried|dreading|petrified|panicking)\b", re.I)

# A feared thing that turned out not to be so, told straight after ("i was so sure it was cancer and its not"): as a
# pattern, for naming.py's _RESOLVED (a worry over, and nothing said to go on).
RULED_OUT = (r"\b(?:and|but)\s+(?:it|he|she|they|that)\s*(?:'s|s|is|was|were|are|did|does)?\s*(?:not|n'?t|isn'?t|isnt|"
             r"wasn'?t|wasnt|weren'?t|werent|aren'?t|arent|didn'?t|didnt|doesn'?t|doesnt)(?=\s*(?:[.!?,]|$))")

# An everyday setback ("i failed my driving test again", "missed the last bus home"): a low moment, not a weight to
# carry; said back plainly, and the story after it too ("third time", "everyone else passed first time").
SMALL_SETBACK = re.compile(r"\b(?:(?:failed|flunked|didn'?t pass|didnt pass) (?:my|the|our) (?:driving|theory|practical|"
                           r"road|mock|practice|spelling|swimming|music|piano|grade \w+) (?:test|exam|assessment)|"
                           r"missed (?:my|the|our) (?:last |first |early )?(?:bus|train|tram|ferry)|"
                           r"(?:lost|locked myself out of|forgot) my (?:keys|wallet|phone|umbrella))(?: (?:yet )?again)?\b", re.I)
# Grave news denied ("it's not cancer, just a cyst").
NOT_GRAVE = re.compile(r"\b(?:not|isn'?t|wasn'?t|no|nothing like)\s+(?:a\s+)?(?:cancer|tumou?r|stroke|heart attack)\b", re.I)

# Questions to the listener itself, answered honestly instead of being reflected back.
ASKS_ADVICE = re.compile(
    r"\b(?:(?:can|could|would|will) you (?:just )?(?:tell|give) me (?:what (?:to|i should) do|some advice|advice)|"
    r"what (?:should|do|would) i (?:do|say)(?: now| next| about (?:it|this|that))?\s*\?|what would you do|"
    r"(?:give|need|want) (?:me )?(?:some )?advice|any (?:advice|tips|suggestions)|tell me what to do|"
    r"what do you think i should do)", re.I)
# Medication questions go to the people who prescribe; the listener never advises on them.
ASKS_MEDICATION = re.compile(
    r"\b(?:should|can|could|do|shall) i (?:take|stop|skip|come off|up|increase|lower|double|quit|keep taking|start)\b"
    r"[^.?!]{0,30}\b(?:meds|medication|medicine|pills?|tablets?|dose|antidepressants?|sertraline|prozac|lithium)\b", re.I)
# Asked to judge them ("do you think i overreacted", "am i being dramatic"): not the listener's to judge, said so.
ASKS_JUDGEMENT = re.compile(
    r"^\W*(?:(?:honestly|be honest|so|ok|okay|like)\W+)*(?:do|did|would) (?:you|u) (?:think|reckon) (?:i|i'?m|im|i was|i've|"
    r"ive|i should have|i shouldn'?t have|it was|that was)\b|"
    r"^\W*(?:(?:honestly|so|ok|okay|like|but)\W+)*(?:am|was) i (?:overreacting|wrong|being (?:dramatic|unreasonable|"
    r"silly|too sensitive|petty|oversensitive)|in the wrong|right to)\b|^\W*did i overreact\b", re.I)
ASKS_WHAT_IT_IS = re.compile(
    r"\b(?:are|r) (?:you|u) (?:a |an )?(?:real|human|person|bot|robot|ai|computer|machine|therapist|a real person|"
    r"actually (?:real|human|a person))\b|\bam i (?:talking|speaking|writing) to (?:a |an )?(?:real |actual )?"
    r"(?:person|human|bot|robot|ai|computer|machine)\b|\bwho (?:am i talking to|are you)\b|\bwhat are you\b", re.I)
DOUBTS_IT = re.compile(
    r"\b(?:what'?s the point (?:of|in) |why (?:am i|would i|do i|bother) (?:even )?)(?:talking|writing|speaking|typing) to "
    r"(?:a |an |this )?(?:computer|bot|robot|machine|ai|app|program|software|you)\b|"
    r"\byou(?:'re| are) (?:just |only )?(?:a |an )?(?:bot|robot|computer|machine|program|ai)\b", re.I)

# A question asked of life rather than of anyone ("what's the point of even trying", "why do I even
# bother", "how am I supposed to keep going like this"), with or without its mark: said back as their
# question, in their words, never as a statement ("why do you even bother." would seem to ask it of them).
RHETORICAL = re.compile(
    r"^\W*(?:(?:but|and|so|like|honestly|seriously|i mean|i just|just|ugh|like)\W+)*(?:"
    r"(?:what'?s|whats|what is|what was) the (?:point|use)\b|why\b|"
    # "idk whats wrong with me": a question asked of oneself; said back as a statement it reads "that what's wrong with you"
    r"(?:(?:idk|dunno|i (?:don'?t|dont|do not) (?:even )?know)\W+)?(?:what'?s|whats|what is|wtf is|what the (?:hell|heck|fuck) is)"
    r" (?:even )?wrong with me\b|"
    r"how (?:am|are|is|can|could|do|would|will) (?:i|we|anyone|anybody|one|things)\b[^?.!]*?"
    r"\b(?:supposed|meant|expected|ever|even|possibly|keep)\b|"
    r"who (?:would|could|cares|even|wants|would ever)\b|what (?:did|have) i (?:ever )?(?:do|done) to deserve\b|"
    # "like wtf did i do": asked of what happened, never said back as a statement ("I'm hearing that wtf did you do")
    r"(?:wtf|what the (?:hell|heck|fuck|f)) (?:did|have|do) (?:i|we)\b|what (?:did|have) i (?:even |ever )?(?:do|done)(?: wrong)?\W*$|"
    # "what kind of father doesn't love his own baby": a harsh question asked of oneself, never said back as a fact
    r"what (?:kind|sort) of (?:a )?(?:father|mother|dad|mum|mom|parent|person|friend|daughter|son|wife|husband|partner|"
    r"sister|brother|human|human being|nurse|carer)\b|"
    r"(?:is|does|will|would|did|can) (?:it|this|that|anything|any of (?:it|this)|anyone|anybody|things|life|i) "
    r"(?:even |ever |really |actually )+\w+|"
    r"when (?:will|does|is|do) (?:it|this|things|i) (?:ever )?(?:end|stop|get better|going to|change|catch a break))", re.I)

# Hating oneself is said back only as their words ("You're saying..."), never as "It sounds like".
SELF_HATE = re.compile(r"\bi (?:really |just |kind of )?(?:hate|loathe|can'?t stand) (?:myself|my ?self|how i|who i|the way i|"
                       r"everything about me|my body|my face)\b", re.I)


# "I did it on my own", "moved out on my own", "fixed the car by myself": done without help, not loneliness.
# (Being, living, sitting or spending time on one's own stays loneliness: "since I moved out I've been on my own
# every night" has "been" between the doing and the "on my own".)
_DOING = (r"did|do|done|doing|made|make|making|built|build|building|moved|move|moving|fixed|fix|fixing|figured|"
          r"managed|manage|learned|learnt|learning|taught|paid|pay|paying|bought|buy|finished|finish|raised|raising|"
          r"handled|handle|cooked|cook|drove|drive|driving|passed|sorted|sort|painted|paint|wrote|write|planned|plan|"
          r"organised|organized|started|start|set|ran|run|travelled|traveled|travel|travelling|traveling|assembled|"
          r"decorated|renovated|saved|afforded|climbed|walked|hiked|booked|applied|solved|worked|"
          r"cleaned|packed|carried|lifted|installed|changed|repaired|designed|launched|founded|opened|created|"
          r"baked|sewed|knitted|grew|trained|studied|revised|taught|"
          # ("i had to get the kids to school on my own": the load of it, not a loneliness)
          r"get|got|getting|take|took|taking|deal|dealt|dealing|juggle|juggled|juggling|feed|fed|bath|bathed|collect|"
          r"collected|drop|dropped|pick|picked|look after|looked after|looking after|care for|cared for|caring for")
_NOT_BETWEEN = r"(?!(?:been|am|i'?m|im|was|were|being|be|live|living|lived|sit|sitting|sat|spend|spending|spent|stay|" \
               r"staying|stayed|alone|eat|eating|ate|feel|feeling|felt|left|and|but|because|cos|so|now|still)\b)"
INDEPENDENTLY = re.compile(r"\b(?:" + _DOING + r")\b(?:\s+" + _NOT_BETWEEN + r"[\w']+){0,5}?\s+(?:all\s+)?"
                           r"(on my own|by myself)\b", re.I)


def without_independence(text: str) -> str:
    """The text with each "on my own" or "by myself" that means "without help" blanked (same length)."""
    return INDEPENDENTLY.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + " " * len(m.group(1)), text)


def roadblocks_in(text: str) -> list[str]:
    """Return the roadblock phrases found in a reply (empty when it is clean)."""
    return [m.group(0) for m in _ROADBLOCK.finditer(text)]


# Everyday English words; a message of several words with almost none of them is most likely in
# another language, and saying it back word for word would only show that it wasn't understood.
_ENGLISH = frozenset("""
i me my myself we our you your he him his she her it its they them their what which who this that
these those am is are was were be been being have has had do does did a an the and but if or because
as until while of at by for with about against between into through during before after above below
to from up down in out on off over under again then once here there when where how all any both each
few more most other some such no nor not only own same so than too very can will just don't should
now im i'm it's can't dont cant feel feeling like get got go going know want think really need one
day today time people life work home still even much never always nothing everything anyone
u ur rn idk tbh lol ngl gonna wanna gotta kinda sorta dunno cuz bc coz pls plz omg smh fr af lowkey
rly abt tmrw tmr feelin nothin somethin thx ty ok okay yeah yes nah sad tired happy angry scared
anxious lonely stressed hurt upset bad good mum mom dad friend friends school job
wife husband partner son daughter kids children mother father brother sister family
passed away died dead gone lost miss missed years year months month weeks week ago since
last two three old back left still got went came said told house alone
every night morning evening afternoon monday tuesday wednesday thursday friday saturday sunday weekend new big
little long whole next loud music dog cat car bus train food dinner lunch breakfast money rent bills boss exam
exams test class neighbour neighbor neighbours flatmate roommate boyfriend girlfriend dishes plays keeps starts
leaves forgot plans birthday anniversary party phone everywhere
another nobody everybody everyone someone somebody anything something hour hours minute minutes shift shifts late early
nice lovely great cool wow oh yay brill brilliant fine sure sorry please thanks thank why yet though thing things way
well right wrong help make made would could reply replied replies text texted message call called wake woke sleep slept
doesnt doesn't didnt didn't isnt isn't wasnt wasn't wont won't havent haven't hasnt hasn't couldnt couldn't wouldnt
wouldn't shouldnt shouldn't arent aren't werent weren't ive i've id i'd youre you're theyre they're thats that's whats
what's hes he's shes she's enough
""".split())


# The small everyday words of the languages a client here most often writes in besides English (German, Polish, Spanish,
# French, Italian, Portuguese, Dutch, Swedish, Danish and Norwegian, Turkish, Romanian): "ich bin so müde heute",
# "jestem bardzo zmęczona". None is also an English word or name ("die", "was", "son", "soy", "ben", "mam" are left out), so a foreign
# name or a loanword in an English sentence ("my oma", "a café au lait with Zoë") does not make it another language.
_FOREIGN = frozenset("""
ich bin bist ist nicht und sehr heute mir mich mein meine habe auch aber nur wirklich immer keine kein müde traurig
jestem jest nie się bardzo dzisiaj mnie mój moja czuję już tylko zawsze nic jestem zmęczona zmęczony smutna smutny
estoy estás está muy hoy tengo pero yo también siempre cansada cansado porque mucho bien gracias hola
je suis très aujourd'hui mais j'ai ne pas tellement toujours rien fatiguée fatigué parce avec
sono molto oggi anche sempre niente stanca stanco perché sento
estou muito hoje não também sempre cansado cansada porque
ik heel erg vandaag niet ook maar altijd niets moe verdrietig
är mycket idag inte också alltid trött ledsen jeg meget idag ikke også altid træt veldig
çok bugün değil yorgun üzgün hiç
sunt foarte astăzi azi obosit obosită
""".split())


def looks_english(text: str) -> bool:
    """Whether a message is likely English (the only language the listener's words are in)."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) < len(letters) / 2:
        return False  # mostly another script
    tokens = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    english = sum(t in _ENGLISH for t in tokens)
    # another language's small words, or its accented letters, outnumbering English's: "ich bin so müde heute" has
    # "so" in it, and "jestem bardzo zmęczona" is three words; at least one of its small words, since accents alone
    # may be a name ("Björn and Søren")
    small = sum(t in _FOREIGN for t in tokens)
    accented = sum(t not in _FOREIGN and not t.isascii() for t in tokens)
    if small and small + accented >= 2 and small + accented > english:
        return False
    if len(tokens) < 4:
        return True
    return english / len(tokens) >= 0.15
