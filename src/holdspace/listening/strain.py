"""Everyday strain and slang, in words that name no feeling, and the feeling a listener would guess from them;
words of distress that the feeling cues leave out (naming.py reads pain by them).

own_words.own_words says each back as if it were the client's own word, unless it is denied, the message is glad
news, or the client named a feeling of their own.
"""

from __future__ import annotations

import re

__all__ = ["AT_THE_END", "DISTRESS", "PHRASE_LABELS", "STRAIN_PHRASES", "TURNS_GLAD"]

# Worn down to the end of what one can take ("im so done w everything", "i cant keep doing this"): distress, and read
# so in the messages after it too (story_hurts).
_END_OF_IT = (r"(?:i'?m|im) (?:so |just |completely |totally |honestly )?done|falling apart|fall apart|breaking down|"
              r"can'?t (?:keep (?:doing|going)|go on|do this|cope|take (?:it|this|any ?more))")
AT_THE_END = re.compile(rf"\b(?:{_END_OF_IT})\b", re.I)
# Words of distress that the feeling cues leave out.
DISTRESS = re.compile(r"\b(?:depress\w*|anxiety|panic\w*|trauma\w*|ptsd|ocd|bipolar|diagnos\w*|meds|medication|"
                      r"therapy|therapist|mess|messed|worse|worst|awful|terrible|horrible|hate|heaviness|struggl\w*|"
                      r"hard|difficult|hurt\w*|pain\w*|inconclusive|scary|crap|shit\w*|sucks?|rough|nightmare|drowning|"
                      rf"stuck|{_END_OF_IT}|burn(?:ing|t|ed) out|burnout|"
                      r"exhausted|knackered|drained|went (?:under|bust)|bankrupt\w*|laid off|made redundant|"
                      r"lost (?:my job|everything|the business|the house)|dumped|broke up|split up|left me|ghosted|"
                      r"cheated|divorc\w*|relapsed?|rejected|bad news|hospital|icu|intensive care|cancer|stroke|"
                      r"heart attack|ambulance|a&e|emergency room)\b", re.I)

# Everyday strain and slang, in words that name no feeling ("my inbox is overflowing", "rent went up again and i
# don't know how we'll manage", "everyone at skool hates me", "uni is kicking my ass"): the feeling a listener
# would guess, said back tentatively. Without these the model hears "keeps" and "again" as irritation, "hates" as
# anger and "struggling" as disappointment. Skipped when denied, or in good news (own_words._glad); labels in PHRASE_LABELS.
_A_LOT_ENDS = r"(?=\s*(?:$|[.,!?;]|but\b|and\b|rn\b|right now|atm\b|at the moment|lately|tbh|ngl|honestly|to (?:deal with|handle|cope)))"
# Words reported ("he said", "my mum thinks that"), as brushed off by them.
_SAID_SO = r"\b(?:says?|said|tells? me|told me|thinks|thought|acts like|acted like) (?:that )?"
# Someone close, as a death is told of them ("my mum", "our best friend", "my little brother").
_CLOSE_ONE = (r"(?:my|our) (?:\w+ )?(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|baby|brother|"
              r"sister|nan|nana|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|uncle|aunt|auntie|cousin|friend|"
              r"boyfriend|girlfriend|fiance|fiancee)")

STRAIN_PHRASES = (
    (re.compile(r"\btoo much (?:going on|on my plate|to do|at once)\b|\b(?:so much|a million things|loads|so many things) to (?:do|sort(?: out)?|"
                r"pack|organise|organize)(?! (?:in|here|there|around)\b)\b|"
                r"\b(?:so much|too much|way too much|loads|a lot) (?:going )?on (?:my plate|rn\b|right now|at the moment|atm\b|"
                r"lately|this week)|\b(?:swamped|snowed under|overloaded|up to my (?:eyes|neck|ears) in)\b|"
                r"\b(?:piling|piles|piled|pile|stacking) up\b|\b(?:can'?t|cant|cannot|never) keep up\b|"
                r"\bkeeps? (?:on )?(?:growing|piling|adding|getting (?:bigger|longer))\b|\boverflowing\b|"
                r"\b(?:head|nose) above water\b|\b(?:i'?m|im|i am|i feel like i'?m|i feel like im) drowning\b|"
                r"\b(?:my life|life|everything|things|it all)(?: is| are|'s|s)? (?:\w+ ){0,2}?(?:a (?:mess|shambles)|"
                r"chaos|falling apart)\b|"
                r"\b(?!that|what)(?:\w+(?:'s| is| are| has been| have been| feels?)|its|everythings) (?:\w+ ){0,2}?a lot"
                + _A_LOT_ENDS + "|"
                r"\bhow much more (?:i|we) can (?:take|handle|cope with)\b|"
                r"\b(?:i'?m|im|i am) (?:\w+ )?(?:losing it|losing my mind)\b|"
                r"\b(?:kicking|kickin) my (?:ass|butt|arse)\b|\bdestroying me\b|"
                r"\b(?:i'?m|im|i am) (?:(?:so|actually|lowkey|highkey|deadass|literally|fully|absolutely|fr) )*cooked\b|"
                r"\bjuggling\b|\bgo go go\b|\bnever (?:get|have) a (?:minute|second|moment|break)\b|"
                r"\bno time (?:for|to) (?:anything|myself|me|breathe)\b|\bnever[- ]?ending\b|\b(?:is|are|feels|seems) (?:just |so )?endless\b|"
                r"\b(?:getting )?on top of me\b|\bi can'?t even(?=\s*(?:$|[.!]|rn\b|right now|anymore|with))|"
                # a stretch of time or a place told as relentless ("this week has been brutal", "work is mad busy rn")
                r"\b(?:week|day|month|year|term|semester|shift|work|uni|school|college|life|today)\b[^.!?]{0,20}?\b(?:brutal|"
                r"relentless|non-?stop|manic|hectic|(?:mad|crazy|insanely|so|really) busy|full on)\b"), "overwhelmed"),
    # "im fried", "my brain is fried": worn out, in slang
    (re.compile(r"\b(?:i'?m|im|i am|i feel|feeling|brain is|brain'?s|head is) (?:so |completely |totally |actually |lowkey )?"
                r"(?:fried|frazzled|mush)\b"), "worn out"),
    # what they fear will come of failing ("my parents will kill me if i fail"): dread, not anger
    (re.compile(r"\b(?:will|would|gonna|going to|are going to|is going to)\s+(?:actually |literally )?kill me if\b"), "scared"),
    # money, and not knowing how it will come right
    (re.compile(r"\b(?:(?:don'?t|dont|do not) (?:even )?know|idk|no idea) how (?:we'?ll|i'?ll|ill|we'?re|i'?m|im|we are|i am|"
                r"we will|i will|we can|i can|to)(?: (?:gonna|going to|ever))? (?:manage|pay|afford|cope|get by|make ends meet|"
                r"pass|make rent|keep up|get through)\b|"
                r"\bhow (?:am i|are we|will i|will we|do i|do we|can i|can we|is \w+) (?:ever )?(?:going to |gonna )?(?:pay|afford|"
                r"make rent|cover (?:the|my|our) (?:rent|bills))\b|"
                r"\b(?:can'?t|cant|cannot|couldn'?t|couldnt) (?:afford|pay)(?! (?:attention|to lose))\b|"
                r"\b(?:card|payment)(?: got| was| has been| keeps getting)? declined\b|\barrears\b|\boverdrawn\b|"
                r"\b(?:in|into) (?:so much |a lot of |loads of |serious |massive |so |more )?debt\b|\bbailiffs\b|\bevict\w*|"
                r"\bwants? us out\b|\b(?:bills|rent|money)\b[^.!?]{0,40}?\b(?:keep coming|(?:keep |keeps )?piling|went up|gone up|going up|"
                r"doesn'?t|doesnt|running out|ran out|is tight|so tight)\b|"
                r"\b\w+ (?:quid|pounds|dollars|bucks|euros) left\b|\bbehind on (?:the |my |our )?(?:bills|rent|payments|mortgage)\b|"
                r"\b(?:i'?m|im|i am|we'?re|we are) (?:so |completely |totally |absolutely |flat |stone )?(?:skint|broke|potless|"
                r"brassic|strapped for cash)\b(?! up)"), "worried"),
    # someone close in hospital ("my dad is in hospital again"): a worry, which the model hears in "again" as irritation
    (re.compile(r"\b(?:my|our) (?:\w+ )?\w+(?:'s| is| was| has been| went| got| ended up) (?:back |still |rushed |taken |admitted )?"
                r"(?:in|into|to) "
                r"(?:the )?(?:hospital|a&e|icu|intensive care)\b"), "worried"),
    # work due and not ready for it
    (re.compile(r"\b(?:essays?|assignments?|dissertation|coursework|homework|deadlines?|projects?|thesis|reports?|exams?|"
                r"tests?|finals|revision)\b[^.!?]{0,40}?\b(?:(?:haven'?t|havent|not|didn'?t|didnt) (?:even )?(?:started|revised|"
                r"studied|begun|prepared|done (?:any|anything|much))|(?:so|really|way|massively|miles|super|soo+) behind|"
                r"know nothing|(?:written|done) (?:\d+|like \d+) words)\b|"
                r"\b(?:haven'?t|havent|didn'?t|didnt) (?:even )?(?:started|revised|studied)\b[^.!?]{0,40}?\b(?:essays?|"
                r"assignments?|exams?|tests?|finals|tomorrow)\b|"
                r"(?<!baby )(?<!baby is )\bdue (?:tomorrow|tonight|today|in the morning|in an hour|in \d+ hours)\b|"
                r"\bputting it off\b"), "stressed"),
    # what others expect of them, or lean on them for
    (re.compile(r"\b(?:expects?|expected|expecting|relies|rely|relying|depends|depending|counting) (?:on )?me\b|"
                r"\b(?:sort|fix|handle) (?:out )?everything\b|\ball on my shoulders\b|\bweight of the world\b|"
                # "my boss keeps piling work on me ... and i cant say no"
                r"\b(?:i )?(?:can'?t|cant|cannot|never|don'?t know how to|dont know how to) (?:ever )?say no\b"),
     "under a lot of pressure"),
    # doing it all, unhelped or unnoticed
    (re.compile(r"\b(?:do|doing) (?:everything|all the \w+)\b[^.!?]{0,40}?\b(?:no ?one|nobody|no1) (?:even )?"
                r"(?:notices|cares|appreciates|says thanks)\b|\btaken for granted\b|"
                # the one who always reaches out ("i'm always the one making plans with my friends"), which the model hears as fondness
                r"\b(?:i'?m|im|i am) always the one (?:who |that |to )?(?:has to |ends up |who has to )?(?:making|makes?|organi[sz]\w*|"
                r"reach\w* out|text\w*|messag\w*|call\w*|invit\w*|plan\w*|arrang\w*|check\w* in|put\w* in the effort|apologi[sz]\w*)\b"),
     "taken for granted"),
    # (someone who never helps; "therapy never helps", "crying doesn't help" are no one's to help)
    (re.compile(r"\b(?:no ?one|nobody|no1)(?: (?:in|at|around) (?:this|the|my) \w+)? (?:else )?(?:ever )?helps?\b|"
                r"\b(?:he|she|they|(?:my|our) (?!meds|medication|therapy|therapist|tablets|pills|doctor|gp)\w+)(?: \w+)? "
                r"(?:never|doesn'?t|doesnt|don'?t|dont|won'?t|wont) (?:ever )?helps?\b|"
                r"\bnot lift(?:ing)? a finger\b|\bthe only one (?:here |at home )?(?:who|that) (?:ever |actually |even |really )?"
                r"(?:does|helps|cleans|cooks|tidies|looks after|pays|does anything)\b|\b(?:have to|gotta|got to|i) do (?:it all|everything) (?:by )?myself\b|"
                r"\b(?:it'?s|its|it is|everything is|everything'?s) (?:all )?on me\b"), "alone with it all"),
    # hated, ignored, left out by others
    (re.compile(r"\b(?:everyone|everybody|they|people|ppl|all of them|the others|my (?:friends|class|classmates|mates))"
                r"(?: (?:at|in|from) (?:my |the )?\w+)? (?:all |just |literally |actually |lowkey |really )?hates? me\b|"
                r"\bignor(?:e|es|ing|ed) me\b|\bleft me on read\b|\bleaves me on read\b|\bleft (?:me )?on (?:read|delivered)\b|"
                r"\b(?:gc|group chat|groupchat) without me\b"), "hurt and left out"),
    (re.compile(r"\b(?:no ?one|nobody|no1)(?: (?:at|in|from) (?:my |the )?\w+)? (?:ever |evr |even |really )?"
                r"(?:talks|speaks|texts|txts|messages|msgs|replies|rings|calls|invites|sits with|hangs out with) (?:to |with )?me\b"),
     "lonely"),
    # a professional's reassurance ("the doctor said it's nothing to worry about", "the vet said he'll be fine"): relief, where
    # the same words from someone close may brush them off (below); not when they doubt it ("...but i know something's wrong")
    (re.compile(r"\b(?:doctors?|drs?|gps?|vets?|nurses?|consultants?|surgeons?|specialists?|dentists?|midwife|midwives|paramedics?|"
                r"oncologists?)(?: \w+)? (?:said|says|told (?:me|us)|thinks|reckons|reassured (?:me|us))(?: that)? (?:it|he|she|they|i|we|"
                r"everything|the \w+|(?:my|his|her|our) \w+)(?:'s|'re|'ll|s|ll| is| are| was| will| should| looks?| (?:is |are )?going to| gonna)?"
                r" (?:be |look )?(?:fine|ok|okay|alright|all right|nothing(?: to worry about| serious| sinister)?|not serious|benign|healthy|"
                r"normal|clear|not (?:a |that )?(?:big|serious) (?:deal|thing)|no (?:big )?deal|doing (?:well|fine|great|ok))\b"
                r"(?! to\b)(?![^.!?]*\b(?:but|though|yet|still)\b)"), "relieved"),
    # "he said it's not a big deal", "my mum says i'm overreacting": their words, and the client brushed off by them
    # (never their own: "i said i was being silly"; a doctor's "it's not a big deal" is the reassurance above)
    (re.compile(r"(?<!\bi )(?:(?<!doctor )(?<!doctors )(?<!gp )(?<!vet )(?<!nurse )" + _SAID_SO + r"(?:it'?s|its|it is|it was)|"
                + _SAID_SO + r"(?:i'?m|im|i am|i was)) (?:just |only |probably |being )*(?:not (?:a |that )?big (?:deal|thing)|no (?:big )?deal|"
                r"overreacting|dramatic|silly|(?:over|too )?sensitive|making a (?:big )?(?:deal|fuss))\b"), "hurt and brushed off"),
    # hurtful words about them reported ("she said i always make everything about me", "he says i'm selfish"): hurt, where the
    # model hears worry or nothing (never their own words: "i said i was selfish")
    (re.compile(r"(?<!\bi )" + _SAID_SO + r"(?:i (?:always |only ever |just )?(?:make|makes|made) (?:everything|it all) about (?:me|myself)|"
                r"(?:i'?m|im|i am|i was) (?:always |so |too |just |such |being )*(?:selfish|needy|clingy|self-?cent(?:red|ered)|"
                r"a burden|a disappointment|an embarrassment|hard work|exhausting|attention[- ]seeking|a drama queen|"
                r"too much)|i (?:never|don'?t|dont) (?:listen|care about anyone|think about anyone)|i (?:always )?(?:ruin|spoil) "
                r"everything)\b"), "hurt"),
    # going over what they said or did ("i can't stop thinking about what i said at the party"), or made a fool of themselves:
    # embarrassed, where the model hears nerves or irritation
    (re.compile(r"\b(?:(?:can'?t|cant|cannot|couldn'?t) stop |(?:keep|kept|keeps) (?:on )?)(?:thinking about|replaying|going over|"
                r"cringing (?:at|about)) (?:what i (?:said|did|wrote|posted|sent|texted)|the (?:thing|stuff|things) i (?:said|did)|how i "
                r"(?:acted|behaved|came across|sounded))\b(?![^.!?]*\b(?:died|passed|funeral))|"
                r"\b(?:made|make|making) (?:a |such a )?(?:complete |total |right |massive )?fool of myself\b"), "embarrassed"),
    # a death told as sudden ("my dad died suddenly", "my friend died out of nowhere on saturday"): the shock of it, and the
    # heartbreak
    (re.compile(r"\b(?:he|she|" + _CLOSE_ONE + r") (?:(?:just |)(?:suddenly|unexpectedly) (?:died|passed away)|"
                r"(?:died|passed away|was killed)(?: [\w ]{0,30}?)? (?:suddenly|unexpectedly|out of nowhere|out of the blue|"
                r"without (?:any )?warning|with no warning))\b"), "shocked and heartbroken"),
    # a death just now, told plainly ("my mum died last night", "my dad passed away on sunday"): the heartbreak; a shock
    # only where their words tell of one (above, and "i can't believe she's gone" in feelings.py)
    (re.compile(r"\b(?:he|she|" + _CLOSE_ONE + r") (?:just (?:died|passed away)|(?:died|passed away|was killed)"
                r"(?: in (?:his|her) sleep| at home| in hospital)? (?:last night|this morning|this afternoon|"
                r"today|tonight|yesterday|earlier(?: today)?|an hour ago|a few hours ago|just now|at the weekend|over the weekend|"
                r"(?:on |this |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning)?))\b"),
     "heartbroken"),
    # waking in the night ("i keep waking up at 3am and can't get back to sleep"): worn out, unless a worry is named
    # (not "i keep waking up crying": the tears, not the tiredness)
    (re.compile(r"\b(?:(?:keep|kept|keeps) waking up(?= *(?:$|[.,!]|at\b|in the\b|during\b|every\b|around\b|early\b|and\b))|"
                r"(?:can'?t|cant|couldn'?t|never) (?:get|go|fall) back to sleep)\b(?![^.!?]*\b(?:worr\w*|anxious|anxiety|panic\w*|"
                r"racing|dread\w*|scared|nervous|overthinking|thinking about|stress\w*|cry\w*|cried|tears|nightmares?|sobbing))"),
     "exhausted"),
    # getting anywhere ("i got stuck in traffic for two hours", "my train was cancelled again"), told as all there is to it:
    # an everyday hassle, which the model hears as a let-down to carry
    (re.compile(r"^\W*(?:(?:(?:i|we) (?:got |was |were |'ve been |ve been |have been |been )?|got |been )?(?:stuck|sat|sitting) in "
                r"(?:the |a |this |rush hour )?(?:traffic(?: jam)?|queue)|(?:the )?traffic (?:was|is|has been) (?:so |really )?(?:awful|"
                r"terrible|horrendous|horrible|a nightmare|mental|insane)|"
                r"(?:my|our|the) (?:train|bus|flight|tram|connection)s? (?:was |were |got |has been |have been |is |just )?"
                r"(?:cancelled|canceled|delayed|late)|the (?:bus|train) (?:never (?:came|turned up|showed up)|didn'?t (?:come|turn up|show up)))"
                r"(?: (?:again|today|tonight|this morning|this evening|last night|yesterday|on the (?:way|motorway)(?: (?:to|home)(?: from)?"
                r"(?: work| school| uni)?)?|(?:for|by) (?:an? |half an |over an? |nearly an? |\d+ |two |three |four |five |six )?(?:hour|hours|"
                r"minutes|mins|hrs|ages)|and (?:i was |we were |was )?late(?: for (?:work|school|uni|class|my \w+|the \w+))?|"
                r"and (?:i |we )?missed (?:my|the|our) \w+))*\W*$"), "frustrated"),
    (re.compile(r"\b(?:nobody|no one|noone|no-one) (?:ever |really |even |actually )*listens\b"), "unheard"),
    # "i had a panic attack on the bus and everyone was looking at me": the fear, and being seen in it
    (re.compile(r"\bpanic(?:ked)? attack\b[^.!?]*\b(?:everyone|everybody|people|the whole \w+)\b(?: \w+){0,2} "
                r"(?:looking|staring|stared|looked|watching|watched|saw)\b"), "frightened and embarrassed"),
    # worn down, struggling, burnt out, the mind not in a good place
    (re.compile(r"\b(?:i'?m|im|i am|i feel|feeling|i'?ve been|ive been) (?:so |really |completely |totally )?worn out\b"),
     "worn out"),
    (re.compile(r"\b(?:wearing|wears|wore) me (?:down|out)\b|\b(?:i'?m|im|i am|i feel|feeling|i'?ve been|ive been) "
                r"(?:so |really |completely |totally )?worn down\b|\b(?:i'?m|im|i am|been|i'?ve been|ive been) "
                r"(?:(?:lowkey|highkey|really|so|kinda|kind of|honestly|actually|just|deadass|lowk|fr) )*struggling\b"
                r"(?! to (?:choose|decide|pick))"), "worn down"),
    (re.compile(r"\bburn(?:ing|t|ed)? ?out\b|\bburnout\b"), "burnt out"),
    (re.compile(r"\bmy mental(?: health)?(?: is|'s|s| has been| been)? (?:\w+ )?(?:not it|not great|not good|bad|shot|in the bin|"
                r"terrible|awful|rough|gone)\b"), "low"),
    # a child bullied ("my daughter got bullied at school today"): a parent's hurt, worry and anger for them, never "irritated"
    *((re.compile(r"\b(?:my|our) (?:\w+ )?(?:" + child + r")(?:'s|s)? (?:(?:is|was|has been|'s been|got|gets|keeps getting|is getting|"
                  r"been) )?(?:being )?(?:bullied|picked on)\b|\b(?:bullying|bullied|picking on|picked on) (?:my|our) (?:\w+ )?(?:"
                  + child + r")\b"), f"hurt and worried for {them}, and angry on {their} behalf")
      for child, them, their in (("daughter|girl|stepdaughter", "her", "her"), ("son|boy|stepson", "him", "his"),
                                 ("kids?|child|children", "them", "their"))),
    # someone close losing their job ("my partner lost his job"): a worry for them, and for what it means at home
    *((re.compile(r"\b(?:lost|losing|has lost|just lost) " + their + r" (?:job|jobs|contract)\b"), f"worried for {them}")
      for their, them in (("his", "him"), ("her", "her"), ("their", "them"))),
    # someone close, or a pet, unwell ("my cat is really sick"): a worry, which the model hears as a low to carry
    (re.compile(r"\b(?:my|our) (?:\w+ )?\w+(?:'s| is| has been|'s been| was| got) (?:(?:really|so|very|quite|seriously|"
                r"still|pretty) )*(?:sick|ill|poorly|unwell)\b(?! (?:of|with laughter)\b)"), "worried"),
    # not mattering to someone close ("i just feel like i don't matter to him"): a hurt, not a plain low
    *((re.compile(r"\b(?:i )?(?:don'?t|dont|do not|never) (?:really |even |actually )?matter(?:ed)? to " + them + r"\b"),
       f"hurt and unimportant to {them}") for them in ("him", "her", "them")),
    # time off with stress ("i've been off work with stress for a month", "i got signed off"): worn down, and often the
    # going back is the worry ahead
    (re.compile(r"\b(?:off (?:work |sick )?(?:with|because of|due to|for) (?:stress|anxiety|burnout|my mental health|depression)|"
                r"signed off(?: work| sick)?)\b"), "worn down, and maybe worried about going back"),
    # a doctor, or anyone, waving the client's pain away ("the last one laughed when i said i can't work", "he said it's all
    # in my head", "she blamed stress and suggested yoga"): brushed off, where the model hears worry or a let-down
    (re.compile(r"\b(?:laughed|smirked|sniggered|rolled (?:his|her|their) eyes)\b[^.!?]{0,20}\bwhen i (?:said|told|mentioned|explained)\b|"
                r"(?<!\bi )\b(?:said|says|told me|tells me|thinks|think|reckons?) (?:that )?(?:it'?s|its|it is|it was|the pain is|"
                r"the pain'?s) (?:all |just |only )?in my head\b(?![^.!?]*\bbut (?:i|i'?m|im) (?:just |really |still )?(?:know|think|feel))|"
                r"\b(?:suggested|told me to try|said to try|said i should try|said i should do) (?:i try |doing |some )?(?:yoga|mindfulness|meditation|"
                r"a bath|losing weight|relaxing)\b"), "brushed off"),
    # a doctor's reassurance not believed ("they said it's nothing to worry about but i know something is wrong")
    (re.compile(r"\b(?:said|says|told me|tells me|keeps saying|keep saying) (?:that )?(?:it'?s|its|it is|there'?s|i'?m|im) "
                r"(?:nothing|fine|ok|okay|all in my head|just [\w ]{1,20}?)[^.!?]*\bbut (?:i|i'?m|im) (?:just |really |still )?"
                r"(?:know|think|feel|can tell|am sure|'m sure|m sure|am convinced|'m convinced)\b"), "worried and not listened to"),
)

# The label of each phrase's word (here and in own_words._OWN_PHRASES), where it is not sadness.
PHRASE_LABELS = {"scared": "fear", "discouraged": "disappointment", "fed up": "annoyance", "overwhelmed": "nervousness",
                 "proud": "pride", "frustrated": "annoyance", "buzzing": "excitement", "lighter": "relief", "relieved": "relief",
                 "free": "relief", "worried": "nervousness", "not good enough": "embarrassment", "embarrassed": "embarrassment",
                 "hurt and brushed off": "annoyance", "shocked and heartbroken": "grief", "heartbroken": "grief",
                 "frightened and embarrassed": "embarrassment", "stressed": "nervousness", "under a lot of pressure": "nervousness",
                 "worried for him": "nervousness", "worried for her": "nervousness", "worried for them": "nervousness",
                 "worried and not listened to": "nervousness", "brushed off": "disappointment"}

# A turn to gladness after the strain ("today was so busy but so much fun"): the busyness is not the weight.
TURNS_GLAD = re.compile(r"\b(?:but|though)\b[^.!?]{0,30}?(?<!not )(?<!n't )(?<!nt )\b(?:fun|good|great|worth it|amazing|lovely|enjoy\w*|"
                         r"loved? it|happy|brilliant|fine|okay|ok)\b(?! (?:at all|anymore))")
