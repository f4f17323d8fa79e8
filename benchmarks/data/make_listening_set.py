"""Write listening.jsonl: the team's own client statements, with the feeling words that would be
a fair thing to say back and the content words a good reflection keeps. Written by hand; the word
groups below only save typing the same acceptable words again and again.

    python benchmarks/data/make_listening_set.py
"""

import json
from pathlib import Path

ANGER = "frustrated angry furious irritated annoyed fed up indignant unhappy about it upset"
SAD = "down sad devastated let down disappointed crushed heartbroken upset hurt"
GRIEF = "sad grieving full of grief heartbroken devastated down"
FEAR = "uneasy scared terrified nervous anxious overwhelmed worried stressed afraid frightened"
SHAME = "awkward embarrassed humiliated sorry regretful guilty ashamed"
LONELY = "lonely down sad let down"
JOY = "pleased happy overjoyed excited thrilled delighted"
PROUD = "proud really proud pleased with yourself pleased happy"
RELIEF = "relieved hugely relieved pleased happy thankful grateful"
GRATEFUL = "thankful grateful deeply grateful pleased happy"
HOPE = "hopeful optimistic eager excited"
CONFUSED = "unsure confused lost"
TIRED = SAD + " " + FEAR + " exhausted tired drained"


def item(kind, text, feelings, content):
    # multi-word feeling words ("fed up") are kept whole; the scorer matches them as phrases
    phrases = [p for p in ("fed up", "let down", "in awe", "deeply grateful", "really proud",
                           "pleased with yourself", "unhappy about it", "hugely relieved", "full of love", "full of grief")
               if f" {p} " in f" {feelings} "]
    rest = f" {feelings} "
    for p in phrases:
        rest = rest.replace(f" {p} ", " ")
    singles = [w for w in rest.split(" ") if w]
    return {"kind": kind, "text": text, "feelings": sorted(set(singles + phrases)), "content": content.split()}


ITEMS = [
    # everyday stress
    item("stress", "I have three deadlines this week and I can't see how I'll get through them.", FEAR + " " + ANGER, "deadlines week"),
    item("stress", "My inbox is overflowing and every time I clear it there's more.", FEAR + " " + ANGER, "inbox"),
    item("stress", "The kids were screaming all morning and I still had to finish a report.", ANGER + " " + FEAR, "kids report"),
    item("stress", "I'm so stressed about the move, nothing is packed and we leave on Friday.", FEAR, "move packed Friday"),
    item("stress", "Rent went up again and I don't know how we'll manage.", FEAR + " " + SAD, "rent manage"),
    item("stress", "I keep forgetting things at work and I'm worried people are noticing.", FEAR + " " + SHAME, "forgetting work noticing"),
    item("stress", "My manager added another project to my plate without asking.", ANGER, "manager project"),
    item("stress", "Traffic made me late for the third time this week and I got a warning.", ANGER + " " + FEAR + " " + SAD, "late warning"),
    item("stress", "I barely slept because my neighbours were partying until 4am.", ANGER + " " + SAD, "slept neighbours"),
    item("stress", "Exams start Monday and I haven't revised half of it.", FEAR, "exams Monday revised"),
    item("stress", "I feel like I'm juggling too many things and about to drop all of them.", FEAR, "juggling things"),
    item("stress", "My car broke down on the way to my interview.", ANGER + " " + FEAR + " " + SAD, "car interview"),
    item("stress", "Everyone at home expects me to sort everything out.", ANGER + " " + FEAR + " " + SAD, "home everything"),
    item("stress", "The washing machine flooded the kitchen and the landlord won't answer.", ANGER + " " + FEAR, "kitchen landlord"),
    item("stress", "I have to give a presentation tomorrow and my hands are already shaking.", FEAR, "presentation tomorrow"),
    item("stress", "I'm behind on every bill and the letters keep coming.", FEAR + " " + SAD, "bill letters"),
    item("stress", "My phone won't stop buzzing with work messages even on my day off.", ANGER + " " + FEAR, "work messages day"),
    item("stress", "I'm worried I won't pass my driving test again.", FEAR + " " + SAD, "driving test"),
    item("stress", "The hospital moved my mum's operation and nobody told us why.", FEAR + " " + ANGER, "operation"),
    item("stress", "My thesis supervisor hasn't replied in three weeks and the deadline is close.", FEAR + " " + ANGER, "supervisor deadline"),
    # grief and loss
    item("grief", "My dad died last spring and I still can't believe he's gone.", GRIEF + " " + CONFUSED, "dad died spring"),
    item("grief", "It's been a year since my best friend passed and today is her birthday.", GRIEF, "friend birthday"),
    item("grief", "We had to put our dog down yesterday.", GRIEF, "dog yesterday"),
    item("grief", "My grandmother passed away this morning.", GRIEF, "grandmother morning"),
    item("grief", "I miss my brother so much it physically hurts.", GRIEF + " " + LONELY, "miss brother"),
    item("grief", "We lost the baby at twelve weeks.", GRIEF, "baby weeks"),
    item("grief", "Going through mum's things is harder than I expected.", GRIEF, "mum's things"),
    item("grief", "My uncle died suddenly and the funeral is on Thursday.", GRIEF + " " + "shocked surprised", "uncle funeral Thursday"),
    item("grief", "Every time the phone rings I think it's her, but she's gone.", GRIEF, "phone gone"),
    item("grief", "I never got to say goodbye to him before he died.", GRIEF + " " + SHAME, "goodbye died"),
    item("grief", "The house feels so empty since my wife died.", GRIEF + " " + LONELY, "house empty wife"),
    item("grief", "My cat of fifteen years died in my arms last night.", GRIEF, "cat years night"),
    item("grief", "I lost my job of twenty years and it feels like grieving.", GRIEF + " " + SAD, "job years"),
    item("grief", "Grandpa's memorial was today and I couldn't stop crying.", GRIEF, "memorial crying"),
    item("grief", "It's the anniversary of my son's death and nobody remembered.", GRIEF + " " + LONELY + " " + ANGER, "anniversary son's"),
    # anger
    item("anger", "My boss yelled at me in front of the whole team.", ANGER + " " + SHAME, "boss yelled team"),
    item("anger", "My roommate ate my food again after I asked him not to.", ANGER, "roommate food"),
    item("anger", "I'm furious that they cancelled my appointment for the second time.", ANGER, "cancelled appointment"),
    item("anger", "My sister lied to my parents about me and they believed her.", ANGER + " " + SAD, "sister lied parents"),
    item("anger", "Someone keyed my car in the parking lot.", ANGER + " " + SAD, "car parking"),
    item("anger", "My partner forgot my birthday and acted like it was no big deal.", ANGER + " " + SAD, "partner birthday"),
    item("anger", "The insurance company refused my claim after months of waiting.", ANGER + " " + SAD, "insurance claim"),
    item("anger", "My coworker took credit for my idea in the meeting.", ANGER, "coworker credit idea meeting"),
    item("anger", "I'm sick of being the only one who cleans this house.", ANGER, "cleans house"),
    item("anger", "He keeps interrupting me every time I try to speak.", ANGER, "interrupting speak"),
    item("anger", "My landlord entered my flat without telling me.", ANGER + " " + FEAR, "landlord flat"),
    item("anger", "My ex is telling everyone lies about me.", ANGER + " " + SHAME + " " + SAD, "ex lies"),
    item("anger", "It drives me mad when people don't listen.", ANGER, "people listen"),
    item("anger", "I got blamed for something my manager did.", ANGER + " " + SAD, "blamed manager"),
    item("anger", "My friend cancelled on me last minute, again.", ANGER + " " + SAD, "friend cancelled minute"),
    item("anger", "They promoted the guy who does nothing instead of me.", ANGER + " " + SAD, "promoted"),
    item("anger", "My dad still criticises everything I do.", ANGER + " " + SAD, "dad criticises"),
    item("anger", "The bank charged me fees for their own mistake.", ANGER, "bank fees mistake"),
    # shame and guilt
    item("shame", "I snapped at my kids tonight and I feel terrible about it.", SHAME + " " + SAD, "snapped kids"),
    item("shame", "I forgot my friend's wedding and I'm so embarrassed.", SHAME, "friend's wedding"),
    item("shame", "I said something stupid in the meeting and everyone went quiet.", SHAME, "meeting quiet"),
    item("shame", "I failed the exam everyone else passed.", SHAME + " " + SAD, "failed exam"),
    item("shame", "I cheated on my partner and I can't live with myself.", SHAME + " " + SAD, "cheated partner"),
    item("shame", "I feel guilty for leaving my mum alone at Christmas.", SHAME + " " + SAD, "mum alone Christmas"),
    item("shame", "I tripped on stage in front of the whole school.", SHAME, "tripped stage school"),
    item("shame", "I'm ashamed that I still live with my parents at thirty.", SHAME + " " + SAD, "parents thirty"),
    item("shame", "I yelled at a waiter today and I regret it.", SHAME, "yelled waiter"),
    item("shame", "I should have visited grandad more before he died.", SHAME + " " + GRIEF, "visited grandad"),
    item("shame", "I hate how I look in every photo.", SHAME + " " + SAD + " put off disgusted", "photo"),
    item("shame", "I ruined my best friend's birthday by getting drunk.", SHAME, "friend's birthday drunk"),
    item("shame", "I feel like such a failure compared to my siblings.", SHAME + " " + SAD, "failure siblings"),
    item("shame", "I lied to my therapist last week and I feel awful.", SHAME, "lied therapist"),
    item("shame", "I got caught crying at my desk.", SHAME + " " + SAD, "crying desk"),
    # loneliness
    item("lonely", "I moved to a new city and I don't know anyone here.", LONELY + " " + FEAR, "city anyone"),
    item("lonely", "Nobody texted me on my birthday.", LONELY, "birthday"),
    item("lonely", "I eat dinner alone every night.", LONELY, "dinner alone night"),
    item("lonely", "All my friends have partners and I feel left behind.", LONELY + " " + SHAME, "friends partners"),
    item("lonely", "I feel invisible at work, like nobody would notice if I left.", LONELY, "invisible work"),
    item("lonely", "Since the kids moved out the house is so quiet.", LONELY + " " + GRIEF, "kids house quiet"),
    item("lonely", "I have hundreds of followers but no one to call.", LONELY, "followers call"),
    item("lonely", "Weekends are the worst because I don't see a single person.", LONELY, "weekends person"),
    item("lonely", "My friends made plans without me again.", LONELY + " " + ANGER, "friends plans"),
    item("lonely", "I feel so alone even when I'm with my family.", LONELY, "alone family"),
    item("lonely", "Working from home means I go days without talking to anyone.", LONELY, "home days talking"),
    item("lonely", "I don't think anyone really knows me.", LONELY, "anyone knows"),
    item("lonely", "Everyone at uni seems to have found their group except me.", LONELY + " " + SHAME, "uni group"),
    item("lonely", "I miss having someone to share the small things with.", LONELY + " longing yearning wishful", "share small things"),
    item("lonely", "My husband works nights so I barely see him.", LONELY, "husband nights"),
    # joy and pride
    item("joy", "I got the job!!! I start next month.", JOY + " " + PROUD, "job month"),
    item("joy", "My daughter took her first steps today.", JOY + " " + PROUD, "daughter steps"),
    item("joy", "I finally finished my first marathon.", JOY + " " + PROUD + " " + RELIEF, "marathon"),
    item("joy", "We're having a baby and I can't stop smiling.", JOY + " " + HOPE, "baby smiling"),
    item("joy", "I went a whole week without a panic attack.", JOY + " " + PROUD + " " + RELIEF, "week panic attack"),
    item("joy", "My test results came back clear.", RELIEF + " " + JOY, "results clear"),
    item("joy", "I passed my driving test on the first try!", JOY + " " + PROUD + " " + RELIEF, "driving test"),
    item("joy", "I'm really proud of how I handled that conversation with my mum.", PROUD, "conversation mum"),
    item("joy", "My friends threw me a surprise party and I felt so loved.", JOY + " " + GRATEFUL + " loving fond full of love surprised", "friends party"),
    item("joy", "I'm so grateful for my sister, she's always there.", GRATEFUL + " loving fond", "sister"),
    item("joy", "The sun came out and I actually enjoyed my walk.", JOY, "walk"),
    item("joy", "I got accepted into the nursing program!", JOY + " " + PROUD, "nursing program"),
    item("joy", "I finally told my parents I'm gay and they hugged me.", JOY + " " + RELIEF + " " + GRATEFUL, "parents hugged"),
    item("joy", "We paid off the last of the debt today.", RELIEF + " " + JOY + " " + PROUD, "debt today"),
    item("joy", "I'm excited about the trip next week.", JOY + " " + HOPE, "trip week"),
    # fear and anxiety
    item("fear", "I'm scared the cancer has come back.", FEAR, "cancer back"),
    item("fear", "My heart races every time I have to leave the house.", FEAR, "heart house"),
    item("fear", "I'm terrified of flying and the wedding is abroad.", FEAR, "flying wedding abroad"),
    item("fear", "I keep worrying that something bad will happen to my kids.", FEAR, "kids"),
    item("fear", "I'm anxious about the results of my scan on Friday.", FEAR, "results scan Friday"),
    item("fear", "What if I lose my job in the layoffs?", FEAR, "job layoffs"),
    item("fear", "I can't sleep because I keep thinking about the court date.", FEAR, "sleep court date"),
    item("fear", "I'm nervous about meeting his parents this weekend.", FEAR, "parents weekend"),
    item("fear", "There's been someone following me home from the bus stop.", FEAR, "following bus stop"),
    item("fear", "I'm worried my drinking is getting out of hand.", FEAR + " " + SHAME, "drinking hand"),
    item("fear", "I dread Monday mornings so much I feel sick on Sundays.", FEAR, "Monday Sundays"),
    item("fear", "My mum's memory is getting worse and I'm frightened for her.", FEAR + " " + SAD, "mum's memory"),
    item("fear", "I'm afraid I'll never feel normal again.", FEAR + " " + SAD, "normal"),
    item("fear", "I panic whenever my phone rings with an unknown number.", FEAR, "phone number"),
    item("fear", "I'm scared to tell my boss I need time off.", FEAR, "boss time off"),
    # mixed feelings
    item("mixed", "I'm happy for my sister's engagement but I also feel left behind.", JOY + " " + LONELY + " " + SAD, "sister's engagement"),
    item("mixed", "I'm relieved the divorce is final but I'm sad it ended this way.", RELIEF + " " + SAD, "divorce final"),
    item("mixed", "I got the promotion but I'm terrified I'm not good enough for it.", FEAR + " " + JOY + " " + PROUD, "promotion"),
    item("mixed", "Leaving home for university is exciting and scary at the same time.", FEAR + " " + JOY + " " + HOPE, "home university"),
    item("mixed", "I love my mum but she drives me crazy.", ANGER + " loving fond", "mum crazy"),
    item("mixed", "I'm glad I quit but I miss my old colleagues.", RELIEF + " " + JOY + " " + SAD + " " + LONELY, "quit colleagues"),
    item("mixed", "Part of me wants to forgive him and part of me is still furious.", ANGER + " " + CONFUSED, "forgive"),
    item("mixed", "The baby is healthy but I feel numb and I don't understand why.", CONFUSED + " " + SAD + " numb", "baby healthy numb"),
    item("mixed", "I'm proud I spoke up but now I'm worried about what they think.", FEAR + " " + PROUD, "spoke"),
    item("mixed", "Moving in together is a big step and I don't know how I feel.", CONFUSED + " " + FEAR + " " + HOPE, "moving together step"),
    item("mixed", "I'm angry at him for leaving but I still miss him.", ANGER + " " + SAD + " " + LONELY, "leaving miss"),
    item("mixed", "Retirement should feel like freedom but mostly I feel lost.", CONFUSED + " " + SAD, "retirement freedom lost"),
    # long, rambling
    item("long", "So this morning started fine, I made coffee and fed the cat, and then my sister called and we got into it again about mum's care, and honestly I just feel like I'm the only one who ever does anything for her, and by the time I got to work I was already exhausted and then my manager wanted the report early.",
         ANGER + " " + SAD + " " + FEAR, "sister mum's care"),
    item("long", "I don't even know where to start. Things with my partner have been weird for weeks. He's distant, always on his phone, and when I ask what's wrong he says nothing. I keep wondering if I did something. Last night he didn't come home until 2am and didn't say where he'd been. I'm scared of what it might mean.",
         FEAR + " " + SAD + " " + CONFUSED + " " + ANGER, "partner"),
    item("long", "Work is fine I guess, the usual. The weather has been grey. I've been watching a lot of TV. My brother visited on Sunday which was nice. But I can't shake this heaviness, like I'm carrying something around all day and I don't know what it is.",
         SAD + " " + CONFUSED + " " + FEAR, "heaviness carrying"),
    item("long", "I had my first session at the new gym today, which I'd been putting off for months because I was scared everyone would stare at me, and actually nobody did, and the trainer was kind, and I walked home feeling lighter than I have in ages.",
         JOY + " " + PROUD + " " + RELIEF, "gym trainer"),
    item("long", "My grandmother raised me, and she's moving into a care home next week because she can't manage alone anymore. I know it's the right thing. I visited the place and it's nice. But when I think of her house being sold, the garden she loved, the kitchen where she taught me to bake, I just fall apart.",
         GRIEF + " " + SAD, "grandmother care home"),
    item("long", "Okay so long story but basically my friend group has been planning this trip for months, and I found out yesterday that they changed the dates to a weekend they KNEW I couldn't do, and nobody said anything to me, I found out from a photo. I feel so stupid for being excited about it.",
         ANGER + " " + SAD + " " + SHAME + " " + LONELY, "trip dates"),
    item("long", "I've been trying to keep it together for the kids since the divorce. I make breakfast, I do the school run, I go to work, I make dinner, I do bedtime, and then I sit on the kitchen floor and cry because there's nobody to talk to about any of it.",
         SAD + " " + LONELY + " " + FEAR, "kids divorce"),
    item("long", "The doctor said the tests were inconclusive and they want to do more, and I'm trying not to google things but I keep googling things, and every result is worse than the last, and I have to wait two more weeks before I know anything.",
         FEAR, "tests weeks"),
    # one word or nearly
    item("short", "exhausted", TIRED + " " + "exhausted", "exhausted"),
    item("short", "ugh", ANGER + " " + SAD, "ugh"),
    item("short", "sad", SAD, "sad"),
    item("short", "angry.", ANGER, "angry"),
    item("short", "so tired", TIRED + " tired", "tired"),
    item("short", "scared", FEAR, "scared"),
    item("short", "lonely", LONELY, "lonely"),
    item("short", "happy today!", JOY, "happy"),
    item("short", "overwhelmed", FEAR + " " + SAD, "overwhelmed"),
    item("short", "numb", SAD + " " + CONFUSED + " numb", "numb"),
    # typos and slang
    item("slang", "im so done with everything rn", ANGER + " " + SAD, "everything"),
    item("slang", "my bf ghosted me after 2 yrs wtf", ANGER + " " + SAD + " " + CONFUSED + " shocked", "ghosted"),
    item("slang", "ngl i feel lowkey depressed this week", SAD, "week"),
    item("slang", "my boss is such a jerk omg", ANGER, "boss jerk"),
    item("slang", "cant stop crying idk whats wrong w me", SAD + " " + CONFUSED + " " + FEAR, "crying"),
    item("slang", "got my exam results and i PASSED", JOY + " " + RELIEF + " " + PROUD, "exam results"),
    item("slang", "feelin rly anxious abt tmrw", FEAR, "anxious"),
    item("slang", "my mum keeps naggin me about uni its so annoyin", ANGER, "mum uni"),
    item("slang", "lol my life is a mess rn", SAD + " " + FEAR + " " + CONFUSED + " " + ANGER, "life mess"),
    item("slang", "tbh i miss my ex so much it hurts", SAD + " " + LONELY + " longing yearning", "miss ex"),
    item("slang", "everyone at skool hates me", SAD + " " + LONELY + " " + SHAME, "skool"),
    item("slang", "im lowkey proud of myself for going to the party", PROUD + " " + JOY, "party"),
]

if __name__ == "__main__":
    out = Path(__file__).with_name("listening.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for record in ITEMS:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(ITEMS)} statements -> {out}")
