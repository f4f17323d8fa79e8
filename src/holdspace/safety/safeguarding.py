"""Whether the person someone else is hurting is a child, so the reply can offer a child-protection line.

Read only when the rules found someone else hurt by a person. A child is named in the text ("one of my pupils",
"my niece", "a boy in year 4", "my 12 year old neighbour", "my little brother"), or the one hurting them is their
parent or step-parent ("her dad hits her", "her stepdad touches her") and the one hurt is not an adult named in the
same words ("my dad hits my mum"). When it is unclear, the reply for an adult is given: it still names the
emergency number first and a line that talks with worried friends and family.
"""

from __future__ import annotations

import re

__all__ = ["about_a_child"]

_AGE = r"(?:[1-9]|1[0-7])"
_CHILD = re.compile(
    r"\b(?:child|children|kids?|pupils?|toddlers?|bab(?:y|ies)|infants?|nieces?|nephews?|grand(?:son|daughter)s?|"
    r"step(?:son|daughter)s?|sons?|daughters?|school ?(?:girl|boy)s?|teens?|teenagers?|teenage|minors?|underage|"
    r"under 18|(?:little|baby|younger|kid|wee) (?:brother|sister|bro|sis|cousin|boy|girl|one|ones)|"
    r"(?:boy|girl|lad|lass|kid)s? (?:in|at|from) (?:my|our|the|her|his) (?:class|school|group|club|team|nursery)|"
    r"year " + _AGE + r"|" + _AGE + r"[- ](?:years?|yrs?)[- ]old|aged " + _AGE + r"|"
    r"(?:he|she|they)(?:'s| is| are|'re) (?:only |just )?" + _AGE +
    r"(?! ?(?:years? (?:older|younger)|stone|st|kg|lbs?|pounds|weeks|months|minutes|mins|hours|foot|feet|ft|miles|"
    r"[:.]\d))|(?:primary|secondary|high) school|at school|in (?:my|her|his|their) class)\b")
_PARENT = re.compile(r"\b(?:dad|daddy|father|step-?dad|step-?father|mum|mummy|mom|mommy|mother|step-?mum|step-?mom|"
                     r"step-?mother|parents?|foster (?:carer|parent|mum|mom|dad))\b")
_ADULT_HURT = re.compile(r"\b(?:mum|mom|mother|dad|father|wife|husband|partner|girlfriend|boyfriend|gf|bf|nan|gran|"
                         r"grandma|grandad|grandpa|friend)$")


def about_a_child(text: str, hurt: list[str]) -> bool:
    """Whether `text` (normalised, lower case) names a child as the one hurt; `hurt`: the words of each finding of
    someone else being hurt ("dad hits her")."""
    if _CHILD.search(text):
        return True
    return any(_PARENT.search(words) and not _ADULT_HURT.search(words.strip()) for words in hurt)
