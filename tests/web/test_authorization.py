"""Every route × every persona: who gets in, who is turned away, and how.

The matrix must name every route the app serves; a new route without a row fails the test.
Someone else's object answers 404, exactly like a missing one; a role that can't use a page
gets 403; anonymous visitors are sent to sign in (pages) or get 401 (API).
"""

import itertools
from datetime import date, timedelta

import pytest

from sqlalchemy import select

from holdspace import clock
from holdspace.homework import assignments as homework
from holdspace.creativity import art
from holdspace.journey import mood, questionnaires
from holdspace.listening import chat
from holdspace.resilience import toolbox
from holdspace.selfcompassion import records
from holdspace.practice import records as transcripts
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert

LOGIN = "login"  # a 303 to the sign-in page
ORDER = ("anon", "bob", "dave", "erin", "carol", "alice")  # owners last: their requests may change data
SECRET_NOTE = "canary-note-only-alice-and-carol-may-read"
NEXT_WEEK = (date.today() + timedelta(days=7)).isoformat()
PICTURE = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
           b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
           b"\x00\x00\x00\x00IEND\xaeB`\x82")  # a 1 × 1 PNG


def everyone(code):
    return dict.fromkeys(ORDER, code)


def clients_only(ok, *, anon=LOGIN):
    return {"alice": ok, "bob": ok, "carol": 403, "dave": 403, "erin": 403, "anon": anon}


def therapists_only(ok, *, anon=LOGIN):
    return {"alice": 403, "bob": 403, "carol": ok, "dave": ok, "erin": 403, "anon": anon}


def owner_client(ok, *, anon=LOGIN):
    """Alice's own object: Bob can't find it, staff roles can't use the route."""
    return {"alice": ok, "bob": 404, "carol": 403, "dave": 403, "erin": 403, "anon": anon}


def owner_therapist(ok, *, anon=LOGIN):
    """Carol's own object: Dave can't find it, other roles can't use the route."""
    return {"alice": 403, "bob": 403, "carol": ok, "dave": 404, "erin": 403, "anon": anon}


NOT_SHARED = {"alice": 403, "bob": 403, "carol": 404, "dave": 404, "erin": 403, "anon": LOGIN}
SIGNED_IN = {"alice": 303, "bob": 303, "carol": 303, "dave": 303, "erin": 303, "anon": 200}

# (method, path) -> (request to send, expected status per persona)
MATRIX = {
    ("GET", "/"): ({}, {"alice": 200, "bob": 200, "carol": 303, "dave": 303, "erin": 303, "anon": 200}),
    ("GET", "/healthz"): ({}, everyone(200)),
    ("GET", "/crisis"): ({}, everyone(200)),
    ("GET", "/signup"): ({}, SIGNED_IN),
    ("POST", "/signup"): ({"form": {"email": "{persona}-new@example.org", "display_name": "New",
                                    "password": "a calm long passphrase"}}, everyone(303)),
    ("GET", "/login"): ({}, SIGNED_IN),
    ("POST", "/login"): ({"form": {"email": "alice@example.org", "password": "correct horse battery"}},
                         everyone(303)),
    ("POST", "/logout"): ({"form": {}}, everyone(303)),
    ("GET", "/login/code"): ({}, everyone(LOGIN)),
    ("POST", "/login/code"): ({"form": {"code": "123456"}}, everyone(LOGIN)),
    ("GET", "/account/second-factor"): ({}, {**everyone(200), "anon": LOGIN}),
    ("POST", "/account/second-factor"): ({"form": {"code": "000000"}}, {**everyone(400), "anon": LOGIN}),
    ("POST", "/account/second-factor/recovery-codes"): (
        {"form": {}}, {"alice": 303, "bob": 303, "carol": 200, "dave": 200, "erin": 200, "anon": LOGIN}),
    ("POST", "/account/second-factor/off"): (
        {"form": {}}, {"alice": 303, "bob": 303, "carol": 400, "dave": 400, "erin": 400, "anon": LOGIN}),
    ("GET", "/account/password"): ({}, {**everyone(200), "anon": LOGIN}),
    ("POST", "/account/password"): ({"form": {"current": "wrong", "new": "a new long passphrase"}},
                                    {**everyone(400), "anon": LOGIN}),
    ("GET", "/checkins"): ({}, clients_only(200)),
    ("GET", "/checkins/new"): ({}, clients_only(200)),
    ("POST", "/checkins"): ({"form": {"mood": "5", "feelings": ["calm"]}}, clients_only(303)),
    ("GET", "/journal"): ({}, clients_only(200)),
    ("GET", "/journal/new"): ({}, clients_only(200)),
    ("POST", "/journal"): ({"form": {"body": "a line"}}, clients_only(303)),
    ("GET", "/journal/{entry_id}"): ({}, owner_client(200)),
    ("POST", "/journal/{entry_id}/unlock"): ({"form": {"passphrase": "wrong one"}}, owner_client(400)),
    ("GET", "/api/v1/journal"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/journal/prompts"): ({}, everyone(200)),
    ("POST", "/api/v1/journal"): ({"json": {"body": "a line"}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/journal"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/art"): ({}, clients_only(200)),
    ("GET", "/art/new"): ({}, clients_only(200)),
    ("POST", "/art"): ({"form": {"title": "A sky"}, "files": {"image": ("sky.png", PICTURE, "image/png")}},
                       clients_only(303)),
    ("GET", "/art/{piece_id}"): ({}, owner_client(200)),
    # Alice shares mood with Carol, not art; the picture answers its owner (or a sharing therapist) only.
    ("GET", "/art/{piece_id}/image"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": LOGIN}),
    ("GET", "/art/{piece_id}/thumbnail"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": LOGIN}),
    ("POST", "/art/{piece_id}/delete"): ({"form": {}}, owner_client(303)),
    ("GET", "/clients/{client_id}/art"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": LOGIN}),
    ("GET", "/api/v1/art/prompts"): ({}, everyone(200)),
    ("GET", "/api/v1/art"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/art"): ({"form": {"title": "A sky"}, "files": {"image": ("sky.png", PICTURE, "image/png")}},
                              clients_only(201, anon=401)),
    ("DELETE", "/api/v1/art/{piece_id}"): ({}, owner_client(204, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/art"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/talk"): ({}, clients_only(200)),
    ("POST", "/talk"): ({"form": {}}, clients_only(303)),
    ("GET", "/talk/{conversation_id}"): ({}, owner_client(200)),
    ("POST", "/talk/{conversation_id}"): ({"form": {"text": "a line"}}, owner_client(303)),
    ("POST", "/talk/{conversation_id}/delete"): ({"form": {}}, owner_client(303)),
    ("GET", "/api/v1/conversations"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/conversations"): ({}, clients_only(201, anon=401)),
    ("GET", "/api/v1/conversations/{conversation_id}"): ({}, owner_client(200, anon=401)),
    ("POST", "/api/v1/conversations/{conversation_id}/messages"): ({"json": {"text": "a line"}},
                                                                   owner_client(201, anon=401)),
    ("DELETE", "/api/v1/conversations/{conversation_id}"): ({}, owner_client(204, anon=401)),
    # Alice shares mood with Carol, not conversations.
    ("GET", "/clients/{client_id}/conversations/{conversation_id}"): (
        {}, {"alice": 403, "bob": 403, "carol": 404, "dave": 404, "erin": 403, "anon": LOGIN}),
    ("GET", "/api/v1/clients/{client_id}/conversations"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/api/v1/clients/{client_id}/conversations/{conversation_id}"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/measures"): ({}, clients_only(200)),
    ("GET", "/measures/{key}"): ({}, clients_only(200)),
    ("POST", "/measures/{key}"): ({"form": {"item-1": "1", "action": "draft"}}, clients_only(303)),
    ("GET", "/measures/results/{adm_id}"): ({}, owner_client(200)),
    ("GET", "/clients/{client_id}/measures"): ({}, owner_therapist(200)),
    ("POST", "/clients/{client_id}/assignments"): ({"form": {"instrument": "gad7", "every_days": "7"}},
                                                   owner_therapist(303)),
    ("POST", "/clients/{client_id}/assignments/{assignment_id}/stop"): ({"form": {}}, owner_therapist(303)),
    ("GET", "/clients/{client_id}/homework"): ({}, owner_therapist(200)),
    ("POST", "/clients/{client_id}/homework"): ({"form": {"practice": "journal", "repeat": "once", "by": NEXT_WEEK}},
                                                owner_therapist(303)),
    ("POST", "/clients/{client_id}/homework/{homework_id}/stop"): ({"form": {}}, owner_therapist(303)),
    ("POST", "/homework/{homework_id}/aside"): ({"form": {}}, owner_client(303)),
    ("POST", "/api/v1/homework/{homework_id}/aside"): ({}, owner_client(200, anon=401)),
    ("GET", "/api/v1/homework"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/homework/practices"): ({}, everyone(200)),
    ("GET", "/api/v1/due"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/homework"): ({}, owner_therapist(200, anon=401)),
    ("POST", "/api/v1/clients/{client_id}/homework"): (
        {"json": {"practice": "grounding", "repeat": "days", "days": ["mon"]}}, owner_therapist(201, anon=401)),
    ("POST", "/api/v1/clients/{client_id}/homework/{homework_id}/stop"): ({}, owner_therapist(200, anon=401)),
    ("GET", "/journey"): ({}, clients_only(200)),
    ("GET", "/api/v1/journey"): ({}, clients_only(200, anon=401)),
    ("GET", "/clients/{client_id}/report"): ({}, owner_therapist(200)),
    ("GET", "/clients/{client_id}/report.pdf"): ({}, owner_therapist(200)),
    ("GET", "/api/v1/clients/{client_id}/report"): ({}, owner_therapist(200, anon=401)),
    ("GET", "/api/v1/instruments"): ({}, everyone(200)),
    ("GET", "/api/v1/measures"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/measures/due"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/measures/fhir"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/measures/{key}"): ({"json": {"answers": {"1": 1}}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/measures"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/api/v1/clients/{client_id}/measures/fhir"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("POST", "/api/v1/clients/{client_id}/assignments"): ({"json": {"instrument": "who5", "every_days": 30}},
                                                          owner_therapist(201, anon=401)),
    ("GET", "/sharing"): ({}, clients_only(200)),
    ("POST", "/sharing/accept"): ({"form": {"code": "ZZZZ-ZZZZ"}}, clients_only(400)),
    ("POST", "/sharing/{link_id}"): ({"form": {"categories": ["mood"]}}, owner_client(303)),
    ("POST", "/sharing/{link_id}/end"): ({"form": {}}, owner_client(303)),
    ("GET", "/caseload"): ({}, therapists_only(200)),
    ("POST", "/invitations"): ({"form": {"label": "New client"}}, therapists_only(200)),
    ("POST", "/invitations/{invitation_id}/cancel"): ({"form": {}}, owner_therapist(303)),
    ("GET", "/clients/{client_id}"): ({}, owner_therapist(200)),
    ("GET", "/privacy/activity"): ({}, {**everyone(200), "anon": LOGIN}),
    ("GET", "/api/v1/activity"): ({}, {**everyone(200), "anon": 401}),
    ("GET", "/account/export"): ({}, clients_only(200)),
    ("GET", "/api/v1/export"): ({}, clients_only(200, anon=401)),
    ("GET", "/account/delete"): ({}, clients_only(200)),
    ("POST", "/account/delete"): ({"form": {"password": "x", "confirm": "no"}}, clients_only(400)),
    ("GET", "/clients/{client_id}/export"): ({}, owner_therapist(200)),
    ("GET", "/safety-plan"): ({}, clients_only(200)),
    ("GET", "/safety-plan/edit"): ({}, clients_only(200)),
    ("POST", "/safety-plan"): ({"form": {"coping": "a cup of tea"}}, clients_only(303)),
    ("GET", "/safety-plan/print"): ({}, clients_only(200)),
    # Alice doesn't share her safety plan with Carol, so Carol finds nothing (shared: test_safety_plan_web)
    ("GET", "/clients/{client_id}/safety-plan"): ({}, NOT_SHARED),
    ("GET", "/clients/{client_id}/safety-plan/edit"): ({}, NOT_SHARED),
    ("POST", "/clients/{client_id}/safety-plan"): ({"form": {"coping": "a walk"}}, NOT_SHARED),
    ("POST", "/sharing/{link_id}/alerts"): ({"form": {"alerts": "yes"}}, owner_client(303)),
    ("POST", "/alerts/{alert_id}/seen"): ({"form": {}}, owner_therapist(303)),
    ("GET", "/admin/users"): ({}, {"alice": 403, "bob": 403, "carol": 403, "dave": 403, "erin": 200,
                                   "anon": LOGIN}),
    ("GET", "/practices"): ({}, clients_only(200)),
    ("GET", "/practices/breathing"): ({}, clients_only(200)),
    ("GET", "/practices/body-scan"): ({}, clients_only(200)),
    ("GET", "/practices/grounding"): ({}, clients_only(200)),
    ("GET", "/practices/log"): ({}, clients_only(200)),
    ("GET", "/practices/music-and-movement"): ({}, clients_only(200)),
    ("GET", "/api/v1/practices/music-and-movement"): ({}, everyone(200)),
    ("POST", "/practices/log"): ({"form": {"kind": "breathing", "minutes": "5"}}, clients_only(303)),
    ("GET", "/clients/{client_id}/practices"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": LOGIN}),
    ("GET", "/practices/challenger"): ({}, clients_only(200)),
    ("POST", "/practices/challenger/look"): ({"form": {"thought": "I always fail."}}, clients_only(200)),
    ("POST", "/practices/challenger"): ({"form": {"thought": "I always fail.", "kinder": "Sometimes I struggle."}},
                                        clients_only(303)),
    ("GET", "/practices/challenger/{challenge_id}"): ({}, owner_client(200)),
    ("GET", "/practices/thought-records"): ({}, clients_only(200)),
    ("GET", "/practices/thought-records/new"): ({}, clients_only(200)),
    ("POST", "/practices/thought-records"): ({"form": {"situation": "At work.", "thought": "I'll fail."}},
                                             clients_only(303)),
    ("GET", "/practices/thought-records/{thought_record_id}"): ({}, owner_client(200)),
    ("GET", "/practices/letters"): ({}, clients_only(200)),
    ("GET", "/practices/letters/new"): ({}, clients_only(200)),
    ("POST", "/practices/letters"): ({"form": {"text": "A hard day.", "action": "next"}}, clients_only(303)),
    ("GET", "/practices/letters/{letter_id}"): ({}, owner_client(200)),
    ("GET", "/practices/letters/{letter_id}/steps/{number}"): ({}, owner_client(200)),
    ("POST", "/practices/letters/{letter_id}/steps/{number}"): ({"form": {"text": "Rest.", "action": "later"}},
                                                                owner_client(303)),
    ("POST", "/practices/letters/{letter_id}/sharing"): ({"form": {"shared": "yes"}}, owner_client(303)),
    ("POST", "/practices/letters/{letter_id}/delete"): ({"form": {}}, owner_client(303)),
    ("GET", "/resilience"): ({}, clients_only(200)),
    ("POST", "/resilience/strengths"): ({"form": {"name": "Patience"}}, clients_only(303)),
    ("POST", "/resilience/skills"): ({"form": {"name": "A walk", "situations": ["low"]}}, clients_only(303)),
    ("POST", "/resilience/people"): ({"form": {"name": "Ana"}}, clients_only(303)),
    ("POST", "/resilience/skills/{skill_id}/ratings"): ({"form": {"rating": "4"}}, owner_client(303)),
    ("POST", "/resilience/{item_id}/delete"): ({"form": {}}, owner_client(303)),
    ("GET", "/clients/{client_id}/resilience"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": LOGIN}),
    ("GET", "/practice"): ({}, therapists_only(200)),
    ("POST", "/practice/transcripts"): ({"form": {"text": "T: Hello.\nC: Hi."}}, therapists_only(303)),
    ("GET", "/practice/transcripts/{transcript_id}"): ({}, owner_therapist(200)),
    ("GET", "/practice/transcripts/{transcript_id}/report.pdf"): ({}, owner_therapist(200)),
    ("POST", "/practice/transcripts/{transcript_id}/delete"): ({"form": {}}, owner_therapist(303)),
    ("GET", "/practice/exercise"): ({}, therapists_only(200)),
    ("POST", "/practice/exercise"): ({"form": {"statement": "s001", "response": "You feel swamped."}},
                                     therapists_only(200)),
    ("GET", "/goals"): ({}, clients_only(200)),
    ("GET", "/goals/new"): ({}, clients_only(200)),
    ("POST", "/goals/new"): ({"form": {"step": "wish", "wish": "be happier"}}, clients_only(200)),
    ("POST", "/goals"): ({"form": {"text": "Walk every day", "days": ["daily"]}}, clients_only(303)),
    ("GET", "/goals/calendar"): ({}, clients_only(200)),
    ("POST", "/goals/calendar/reset"): ({"form": {}}, clients_only(303)),
    ("GET", "/calendar/{token}.ics"): ({}, everyone(200)),
    ("GET", "/goals/{goal_id}"): ({}, owner_client(200)),
    ("GET", "/goals/{goal_id}/edit"): ({}, owner_client(200)),
    ("POST", "/goals/{goal_id}"): ({"form": {"text": "Walk for 20 minutes on Mondays", "days": ["mon"]}},
                                   owner_client(303)),
    ("POST", "/goals/{goal_id}/checkins"): ({"form": {"outcome": "done"}}, owner_client(303)),
    ("POST", "/goals/{goal_id}/status"): ({"form": {"status": "active"}}, owner_client(303)),
    ("POST", "/goals/proposals/{proposal_id}/accept"): ({"form": {}}, owner_client(303)),
    ("POST", "/goals/proposals/{proposal_id}/decline"): ({"form": {}}, owner_client(303)),
    ("GET", "/clients/{client_id}/goals"): ({}, {**owner_therapist(404), "carol": 404}),
    ("POST", "/clients/{client_id}/goals/proposals"): (
        {"form": {"text": "Walk on Sundays", "days": ["sun"]}}, {**owner_therapist(404), "carol": 404}),
    # --- API (bearer tokens) ---
    ("GET", "/api/v1/openapi.json"): ({}, everyone(200)),
    ("GET", "/api/v1/crisis-lines"): ({}, everyone(200)),
    ("GET", "/api/v1/feelings"): ({}, everyone(200)),
    ("POST", "/api/v1/session"): ({"json": {"email": "alice@example.org", "password": "correct horse battery"}},
                                  everyone(201)),
    ("DELETE", "/api/v1/session"): ({}, {**everyone(204), "anon": 401}),
    ("POST", "/api/v1/users"): ({"json": {"email": "{persona}-api@example.org", "display_name": "New",
                                          "password": "a calm long passphrase"}}, everyone(201)),
    ("GET", "/api/v1/me"): ({}, {**everyone(200), "anon": 401}),
    ("GET", "/api/v1/checkins"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/checkins"): ({"json": {"mood": 4}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/checkins"): (
        {}, {"alice": 200, "bob": 404, "carol": 200, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/api/v1/links"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/links"): ({"json": {"code": "ZZZZ-ZZZZ", "categories": []}}, clients_only(400, anon=401)),
    ("PUT", "/api/v1/links/{link_id}/shares"): ({"json": {"categories": ["mood", "goals"]}},
                                                owner_client(200, anon=401)),
    ("DELETE", "/api/v1/links/{link_id}"): ({}, owner_client(204, anon=401)),
    ("GET", "/api/v1/caseload"): ({}, therapists_only(200, anon=401)),
    ("GET", "/api/v1/invitations"): ({}, therapists_only(200, anon=401)),
    ("POST", "/api/v1/invitations"): ({"json": {"label": "x"}}, therapists_only(201, anon=401)),
    ("DELETE", "/api/v1/invitations/{invitation_id}"): ({}, owner_therapist(204, anon=401)),
    ("GET", "/api/v1/resilience"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/resilience"): ({"json": {"kind": "strength", "name": "Patience"}}, clients_only(201, anon=401)),
    ("POST", "/api/v1/resilience/{item_id}/ratings"): ({"json": {"rating": 4}}, owner_client(201, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/resilience"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("GET", "/api/v1/breathing/presets"): ({}, everyone(200)),
    ("GET", "/api/v1/breathing/timeline"): ({}, everyone(200)),
    ("GET", "/api/v1/practice-log"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/practice-log"): ({"json": {"kind": "breathing", "minutes": 5}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/practices"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("POST", "/api/v1/distortion"): ({"json": {"text": "I always fail."}}, clients_only(200, anon=401)),
    ("GET", "/api/v1/challenges"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/challenges"): ({"json": {"thought": "I always fail.", "kinder": "I sometimes struggle."}},
                                     clients_only(201, anon=401)),
    ("GET", "/api/v1/thought-records"): ({}, clients_only(200, anon=401)),
    ("GET", "/api/v1/letters"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/letters"): ({"json": {"happened": "A hard day."}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/letters/{letter_id}"): ({}, owner_client(200, anon=401)),
    ("PATCH", "/api/v1/letters/{letter_id}"): ({"json": {"hope": "Rest."}}, owner_client(200, anon=401)),
    ("DELETE", "/api/v1/letters/{letter_id}"): ({}, owner_client(204, anon=401)),
    ("POST", "/api/v1/thought-records"): ({"json": {"situation": "At work.", "thought": "I'll fail."}},
                                          clients_only(201, anon=401)),
    ("POST", "/api/v1/practice/transcripts"): ({"json": {"text": "T: Hello.\nC: Hi."}},
                                               therapists_only(201, anon=401)),
    ("GET", "/api/v1/practice/transcripts"): ({}, therapists_only(200, anon=401)),
    ("GET", "/api/v1/practice/transcripts/{transcript_id}"): ({}, owner_therapist(200, anon=401)),
    ("GET", "/api/v1/practice/statement"): ({}, therapists_only(200, anon=401)),
    ("POST", "/api/v1/practice/responses"): ({"json": {"statement": "s001", "response": "You feel swamped."}},
                                             therapists_only(201, anon=401)),
    ("GET", "/api/v1/goals"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/goals"): ({"json": {"text": "Walk every day", "days": ["daily"]}}, clients_only(201, anon=401)),
    ("GET", "/api/v1/goals/{goal_id}"): ({}, owner_client(200, anon=401)),
    ("GET", "/api/v1/goals/{goal_id}/checkins"): ({}, owner_client(200, anon=401)),
    ("POST", "/api/v1/goals/{goal_id}/checkins"): ({"json": {"outcome": "partly"}}, owner_client(201, anon=401)),
    ("POST", "/api/v1/smart"): ({"json": {"text": "Walk daily"}}, {**everyone(200), "anon": 401}),
    ("GET", "/api/v1/goal-proposals"): ({}, clients_only(200, anon=401)),
    ("POST", "/api/v1/goal-proposals/{proposal_id}/accept"): ({}, owner_client(200, anon=401)),
    ("POST", "/api/v1/goal-proposals/{proposal_id}/decline"): ({}, owner_client(200, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/goals"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("POST", "/api/v1/clients/{client_id}/goal-proposals"): (
        {"json": {"text": "Walk on Sundays", "days": ["sun"]}},
        {"alice": 403, "bob": 403, "carol": 404, "dave": 404, "erin": 403, "anon": 401}),
    ("GET", "/api/v1/safety-plan"): ({}, clients_only(200, anon=401)),
    ("PUT", "/api/v1/safety-plan"): ({"json": {"steps": {"coping": ["a cup of tea"]}}}, clients_only(200, anon=401)),
    ("GET", "/api/v1/clients/{client_id}/safety-plan"): (
        {}, {"alice": 200, "bob": 404, "carol": 404, "dave": 404, "erin": 404, "anon": 401}),
    ("PUT", "/api/v1/links/{link_id}/alerts"): ({"json": {"alerts": True}}, owner_client(200, anon=401)),
    ("GET", "/api/v1/alerts"): ({}, therapists_only(200, anon=401)),
    ("POST", "/api/v1/alerts/{alert_id}/seen"): ({}, owner_therapist(200, anon=401)),
}


def served_routes(app) -> set[tuple[str, str]]:
    from fastapi.routing import iter_route_contexts  # sees through included routers

    found = set()
    for route in iter_route_contexts(app.routes):
        methods = getattr(route, "methods", None)
        if methods:
            found.update((m, route.path) for m in methods if m != "HEAD")
    return found


def test_the_matrix_names_every_route_the_app_serves(app):
    assert served_routes(app) == set(MATRIX), "add the new route to MATRIX with who may use it"


@pytest.mark.parametrize("route", sorted(MATRIX), ids=lambda r: f"{r[0]} {r[1]}")
def test_each_persona_gets_exactly_the_access_the_policy_allows(route, personas, sign_in, db, api_token):
    method, template = route
    request, expected = MATRIX[route]
    mood.record_checkin(db, personas.alice, 3, ["tired"], SECRET_NOTE)
    conversation = chat.restore_chat(db, personas.alice, clock.now(), [
        (clock.now(), SECRET_NOTE, {"reply": "It sounds like a lot.", "level": "none"}, "none")])
    adm = questionnaires.save(db, personas.alice, "gad7", {str(n): 1 for n in range(1, 8)}).administration
    assignment = questionnaires.assign(db, personas.carol, personas.alice.id, "phq9", 14)
    suggested = homework.assign(db, personas.carol, personas.alice.id, "grounding", "once", by=NEXT_WEEK,
                                note=SECRET_NOTE)
    challenge = records.save_challenge(db, personas.alice, SECRET_NOTE, "kinder words")
    thought_record = records.save_thought_record(db, personas.alice, situation=SECRET_NOTE, thought="a thought",
                                                 feelings=[])
    letter_id = records.start_letter(db, personas.alice, {"happened": SECRET_NOTE}).record.id
    records.save_letter(db, personas.alice, letter_id, {"letter": SECRET_NOTE}, finish=True, shared=True)
    skill = toolbox.add_item(db, personas.alice, "skill", {"name": "A walk"})
    doomed = toolbox.add_item(db, personas.alice, "strength", {"name": "Patience"})
    piece = art.save_piece(db, personas.alice, PICTURE, "A harbour", SECRET_NOTE)
    alert_id = 0
    if "{alert_id}" in template:  # an alert to Carol, whom Alice lets know
        alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
        alert_id = mood.record_checkin(db, personas.alice, 1, [], "I want to die").id
        alert_id = db.scalar(select(Alert.id).where(Alert.item_id == alert_id))
    db.commit()
    users = personas.all()
    transcript = transcripts.save_transcript(db, personas.carol, "Carol's session", "T: Hi.\nC: Hello.",
                                         {"measures": [], "utterances": [], "done_well": [], "try_differently": [],
                                          "problems": [], "thresholds": {"fair": "", "good": ""}})
    db.commit()
    path = template.format(client_id=personas.alice.id, link_id=personas.link_id,
                           invitation_id=personas.invitation_id, entry_id=personas.entry_id,
                           conversation_id=conversation.id, key="phq9", adm_id=adm.id,
                           assignment_id=assignment.id, homework_id=suggested.id, challenge_id=challenge.id,
                           thought_record_id=thought_record.id, letter_id=letter_id, number=2, skill_id=skill.id,
                           item_id=doomed.id if method == "POST" and template.endswith("/delete") else skill.id,
                           transcript_id=transcript.id, goal_id=personas.goal_id,
                           proposal_id=personas.proposal_id, token=personas.feed_token, alert_id=alert_id,
                           piece_id=piece.id)
    for name in ORDER:
        user = users[name]
        web = sign_in(user)
        kwargs = {"follow_redirects": False}
        if "form" in request:
            form = {k: v.format(persona=name) if isinstance(v, str) else v for k, v in request["form"].items()}
            form["csrf_token"] = web.form_token()
            kwargs["data"] = form
        if "files" in request:
            kwargs["files"] = request["files"]
        if "json" in request:
            kwargs["json"] = {k: v.format(persona=name) if isinstance(v, str) else v
                              for k, v in request["json"].items()}
        if path.startswith("/api/") and user is not None:
            web.cookies.clear()
            kwargs["headers"] = api_token(user)
        response = web.request(method, path, **kwargs)
        want = expected[name]
        if want == LOGIN:
            assert response.status_code == 303, (name, response.status_code)
            assert response.headers["location"].startswith("/login"), name
        else:
            assert response.status_code == want, (name, response.status_code, response.text[:300])
        if name not in ("alice", "carol") or want not in (200, 201):
            assert SECRET_NOTE not in response.text, f"{name} saw Alice's note on {method} {path}"


def test_other_peoples_objects_look_exactly_like_missing_ones(personas, sign_in):
    dave = sign_in(personas.dave)
    theirs = dave.get(f"/clients/{personas.alice.id}")
    missing = dave.get("/clients/999999")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.text == missing.text


def test_personas_cover_every_role_and_anonymous(personas):
    roles = {u.role if u else "anon" for u in personas.all().values()}
    assert roles == {"client", "therapist", "admin", "anon"}
    assert len(list(itertools.combinations(personas.all(), 2))) == 15
