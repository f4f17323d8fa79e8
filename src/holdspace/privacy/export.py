"""Everything a client has, in one archive they can keep or bring to another holdspace.

The archive is a zip holding `export.json` (format below) and `README.txt`. Format version 1:
    {"format": "holdspace-export", "version": 1, "exported_at": ISO time,
     "account": {"email", "display_name", "role", "created_at", "password_hash"},
     "checkins": [{"mood", "feelings": [..], "note", "created_at"}],
     "journal": [{"created_at", "private": false, "body"}
                 or {"created_at", "private": true, "salt", "sealed"}],  (base64; still locked
                                                                         with its passphrase)
                (each may have "prompt": {"key", "text"}: the prompt it was written from)
     "conversations": [{"created_at", "messages": [{"created_at", "text", "reply": {..}, "level"}]}],
     "measures": [{"instrument", "status": "done" or "draft", "answers": {"1": 0, ..},
                   "created_at", "completed_at", "total", "band"}],  (optional; scores are worked
                                                                       out again on import)
     "practice_log": [{"kind", "detail", "minutes", "before", "after", "created_at"}],
     "selfcompassion": [{"kind": "challenge", "thought", "kinder", "traps", "created_at"}
                        or {"kind": "thought_record", "situation", "thought", "feelings": [{"name",
                            "before", "after"}], "evidence_for", "evidence_against", "balanced",
                            "created_at"}
                        or {"kind": "letter", "happened", "friend", "notice", "human", "hope",
                            "letter", "finished": bool, "shared": bool, "created_at"}],
                            (a letter in draft travels too; a therapist's copy holds only
                             letters finished and shared)
     "resilience": [{"kind": "strength", "name", "example"} or {"kind": "skill", "name", "how",
                    "situations", "ratings": [1-5..]} or {"kind": "person", "name", "helps",
                    "last_talked"}, each with "created_at"],
     "goals": [{"text", "why", "wish", "days": "1010100", "starts_on", "ends_on", "remind_at",
                "confidence", "status", "completed_on", "created_at",
                "checkins": [{"day", "outcome", "note", "created_at"}]}],   (optional on import)
     "safety_plan": {"steps": {step key: [lines]}, "updated_at"} or null,   (optional)
     "homework": [{"practice", "from", "note", "repeat": "once", "days" or "every", "days": "1001000",
                   "every_days", "starts_on", "ends_on", "created_at", "ended_at"}],  (optional; practices a
                   therapist suggested; whether each was done is read again from the records above)
     "art": [{"created_at", "title", "notes", "prompt": {"key", "text"} or null, "type": "image/png",
              "image": base64, "thumbnail": {"type": "image/webp", "width", "height", "image": base64}
              or null}],   (optional; an import makes each thumbnail again from its picture)
     "connections": [{"therapist", "since", "shares": [..], "alerts", "alert_words"}],
     "alerts": [{"therapist", "level", "where", "created_at", "seen_at", "words_included"}],
                            (connections and alerts are kept for the record; a new installation
                             can't restore them)
     "transcripts": [{"title", "created_at", "body", "report"}],  (a therapist's uploaded sessions)
     "practice": [{"statement", "created_at", "response", "score", "feedback"}]}  (practice mode)
Importing is all or nothing: the whole archive is checked before anything is written.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from holdspace import __version__, clock
from holdspace.errors import Conflict, InvalidInput, NotFound
from holdspace.creativity import art, journal
from holdspace.goals.checkins import check_outcome, checkins_of, record_checkin
from holdspace.goals.goal import (DEFAULT_REMINDER, STATUSES, GoalFields, check_goal, create_goal, goals_of,
                                  parse_confidence)
from holdspace.homework import assignments as homework
from holdspace.journey import measures, mood, questionnaires
from holdspace.listening import chat
from holdspace.mindfulness import log as practice_log
from holdspace.resilience import toolbox
from holdspace.selfcompassion import records as selfcompassion
from holdspace.practice import records as skill_records
from holdspace.privacy import audit, consent
from holdspace.privacy.accounts import Role, User, check_identity, normalise_email
from holdspace.safety import alerts, plan

FORMAT, VERSION = "holdspace-export", 1
MAX_ARCHIVE = 200 * 1024 * 1024
README = """This is a copy of everything you kept in holdspace, made {when}.

export.json holds it all as plain JSON (format "holdspace-export", version 1): your account,
your mood check-ins with their notes, your journal, your conversations with the listener,
your questionnaires, your goals with their check-ins, your safety plan, your practice log, your
challenged thoughts and thought records, your strengths, coping toolbox and support network, the
practices your therapists suggested with their notes, pictures in your art gallery (as base64, with
their titles and reflections), the therapists you shared with, and any safety alerts they were sent.
Private journal entries stay locked: they open only with their passphrase, after import. Anyone who has this
file can read it, so keep it somewhere only you can open.

To bring it into another holdspace:  holdspace import <this file>
"""


def export_data(db: Session, user: User) -> dict:
    """Everything this person owns, opened and in plain JSON terms."""
    checkins = sorted(mood.list_checkins(db, user.id), key=lambda c: (c.created_at, c.id))
    return {
        "format": FORMAT, "version": VERSION, "exported_at": clock.now().isoformat(),
        "made_by": f"holdspace {__version__}",
        "account": {"email": user.email, "display_name": user.display_name, "role": user.role,
                    "created_at": user.created_at.isoformat(), "password_hash": user.password_hash},
        "checkins": [{"mood": c.mood, "feelings": c.feeling_list, "note": c.note,
                      "created_at": c.created_at.isoformat()} for c in checkins],
        "journal": [_entry_out(db, e) for e in sorted(journal.entries(db, user.id, limit=10**6),
                                                       key=lambda e: (e.created_at, e.id))],
        "conversations": chat.export_chats(db, user.id),
        "measures": measures_out(db, user.id, include_drafts=True),
        "practice_log": practice_log.export_rows(db, user.id),
        "selfcompassion": selfcompassion.export_rows(db, user.id),
        "resilience": toolbox.export_rows(db, user.id),
        "goals": [_goal_out(db, g) for g in sorted(goals_of(db, user.id, statuses=STATUSES),
                                                     key=lambda g: (g.created_at, g.id))],
        "safety_plan": _plan_out(plan.load(db, user.id)),
        "homework": homework.export_rows(db, user.id),
        "art": art.export_rows(db, user.id),
        "connections": [{"therapist": t.display_name, "since": link.created_at.isoformat(),
                         "shares": shared, "alerts": link.alerts, "alert_words": link.alert_words}
                        for link, t, shared in consent.links_of_client(db, user)],
        "alerts": alerts.for_client(db, user),
        "transcripts": [{"title": t.title, "created_at": t.created_at.isoformat(), "body": t.body,
                         "report": t.report} for t in reversed(skill_records.transcripts(db, user, full=True))],
        "practice": [{"statement": a.statement, "created_at": a.created_at.isoformat(), "response": a.response,
                      "score": a.score, "feedback": a.feedback} for a in skill_records.attempts(db, user)],
    }


def measures_out(db: Session, owner_id: int, *, include_drafts: bool) -> list[dict]:
    query = select(questionnaires.Administration).where(questionnaires.Administration.owner_id == owner_id)
    if not include_drafts:
        query = query.where(questionnaires.Administration.status == questionnaires.DONE)
    rows = db.scalars(query.order_by(questionnaires.Administration.created_at, questionnaires.Administration.id))
    return [{"instrument": a.instrument, "status": a.status,
             "answers": {str(k): v for k, v in sorted(questionnaires.open_answers(db, a).answers.items())},
             "created_at": a.created_at.isoformat(),
             "completed_at": a.completed_at.isoformat() if a.completed_at else None,
             "total": a.total, "band": a.band} for a in rows]
def _plan_out(current) -> dict | None:
    if current is None:
        return None
    return {"steps": current.items, "updated_at": current.updated_at.isoformat()}


def _goal_out(db: Session, goal) -> dict:
    def day(value):
        return value.isoformat() if value else None
    return {"text": goal.text, "why": goal.why, "wish": goal.wish, "days": goal.days,
            "starts_on": day(goal.starts_on), "ends_on": day(goal.ends_on), "remind_at": goal.remind_at,
            "confidence": goal.confidence, "status": goal.status, "completed_on": day(goal.completed_on),
            "created_at": goal.created_at.isoformat(),
            "checkins": [{"day": c.day.isoformat(), "outcome": c.outcome, "note": c.note,
                          "created_at": c.created_at.isoformat()}
                         for c in sorted(checkins_of(db, goal), key=lambda c: (c.day, c.id))]}


def _entry_out(db: Session, entry) -> dict:
    prompt = {"prompt": {"key": entry.prompt.key, "text": entry.prompt.text}} if entry.prompt else {}
    if not entry.private:
        return {"created_at": entry.created_at.isoformat(), "private": False, "body": entry.body, **prompt}
    return {"created_at": entry.created_at.isoformat(), "private": True,
            "salt": base64.b64encode(entry.salt).decode(),
            "sealed": base64.b64encode(journal.sealed_private_body(db, entry)).decode(), **prompt}


def export_archive(db: Session, user: User) -> bytes:
    """The zip a client downloads; the export is written to the audit trail."""
    data = export_data(db, user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.json", json.dumps(data, ensure_ascii=False, indent=1))
        archive.writestr("README.txt", README.format(when=data["exported_at"][:10]))
    audit.record(db, "export", actor_id=user.id, subject_id=user.id, detail="everything")
    return buffer.getvalue()


def read_archive(blob: bytes) -> dict:
    """Open and check an archive completely, or raise InvalidInput naming what is wrong."""
    if len(blob) > MAX_ARCHIVE:
        raise InvalidInput("This file is larger than any holdspace export could be.")
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            raw = archive.read("export.json")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise InvalidInput("This isn't a holdspace export: expected a zip file with export.json "
                           "inside. Nothing was imported.") from None
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InvalidInput("export.json in this archive is damaged (not valid JSON). Nothing was imported.") from None
    _check(data)
    return data


def _check(data) -> None:
    def bad(where: str) -> InvalidInput:
        return InvalidInput(f"This export can't be imported: {where}. Nothing was imported.")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad("it wasn't made by holdspace")
    if data.get("version") != VERSION:
        raise bad(f"it is format version {data.get('version')!r}, and this holdspace reads version {VERSION}")
    account = data.get("account")
    if not isinstance(account, dict) or account.get("role") != Role.CLIENT:
        raise bad("only client accounts can be imported")
    for key in ("email", "display_name", "password_hash", "created_at"):
        if not isinstance(account.get(key), str):
            raise bad(f"the account's {key} is missing")
    if not account["password_hash"].startswith("$argon2"):
        raise bad("the account's password isn't in a form holdspace knows")
    _time(account["created_at"], bad, "the account's creation time")
    checkins = data.get("checkins")
    if not isinstance(checkins, list):
        raise bad("the check-ins are missing")
    for number, item in enumerate(checkins, start=1):
        if not isinstance(item, dict):
            raise bad(f"check-in {number} isn't an object")
        try:
            mood.check_checkin(item.get("mood"), item.get("feelings") or [], item.get("note") or "")
        except InvalidInput as exc:
            raise bad(f"check-in {number}: {' '.join(exc.fields.values()) or exc.message}") from None
        _time(item.get("created_at"), bad, f"check-in {number}'s time")
    taken = data.get("measures", [])
    if not isinstance(taken, list):
        raise bad("the questionnaires aren't a list")
    for number, item in enumerate(taken, start=1):
        if not isinstance(item, dict) or item.get("status") not in ("done", "draft"):
            raise bad(f"questionnaire {number} isn't one holdspace wrote")
        try:
            measures.check_answers(measures.instrument(str(item.get("instrument"))), item.get("answers") or {})
        except (InvalidInput, NotFound) as exc:
            raise bad(f"questionnaire {number}: {' '.join(getattr(exc, 'fields', {}).values()) or exc.message}") from None
        _time(item.get("created_at"), bad, f"questionnaire {number}'s time")
        if item["status"] == "done":
            _time(item.get("completed_at"), bad, f"questionnaire {number}'s completion time")
    entries = data.get("journal", [])
    if not isinstance(entries, list):
        raise bad("the journal isn't a list")
    for number, item in enumerate(entries, start=1):
        if not isinstance(item, dict):
            raise bad(f"journal entry {number} isn't an object")
        _time(item.get("created_at"), bad, f"journal entry {number}'s time")
        if journal.exported_prompt(item) is False:
            raise bad(f"journal entry {number}'s prompt is damaged")
        if item.get("private") is True:
            try:
                base64.b64decode(item.get("salt", ""), validate=True)
                base64.b64decode(item.get("sealed", ""), validate=True)
            except (TypeError, ValueError):
                raise bad(f"private journal entry {number} is damaged") from None
        else:
            try:
                journal.check_entry(item.get("body") or "", False, "", "")
            except InvalidInput as exc:
                raise bad(f"journal entry {number}: {' '.join(exc.fields.values())}") from None
    conversations = data.get("conversations", [])
    if not isinstance(conversations, list):
        raise bad("the conversations aren't a list")
    for number, item in enumerate(conversations, start=1):
        if problem := chat.check_exported(item):
            raise bad(f"conversation {number}: {problem}")
        _time(item.get("created_at"), bad, f"conversation {number}'s time")
        for turn, message in enumerate(item["messages"], start=1):
            _time(message.get("created_at"), bad, f"conversation {number}, message {turn}'s time")
    for key, what, check in (("practice_log", "practice log entry", practice_log.check_export_row),
                             ("selfcompassion", "self-compassion record", selfcompassion.check_export_row),
                             ("resilience", "resilience item", toolbox.check_export_row),
                             ("homework", "suggested practice", homework.check_export_row),
                             ("art", "picture", art.check_export_row)):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise bad(f"the {what}s aren't a list")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise bad(f"{what} {number} isn't an object")
            _time(item.get("created_at"), bad, f"{what} {number}'s time")
            try:
                check(item)
            except InvalidInput as exc:
                raise bad(f"{what} {number}: {' '.join(exc.fields.values()) or exc.message}") from None
    safety_plan = data.get("safety_plan")
    if safety_plan is not None:
        steps = safety_plan.get("steps") if isinstance(safety_plan, dict) else None
        if not isinstance(steps, dict) or not all(
                isinstance(v, list) and all(isinstance(i, str) for i in v) for v in steps.values()):
            raise bad("the safety plan is damaged")
        try:
            plan.check_steps(steps)
        except InvalidInput as exc:
            raise bad(f"the safety plan: {' '.join(exc.fields.values())}") from None
        _time(safety_plan.get("updated_at"), bad, "the safety plan's time")
    _check_goals(data.get("goals", []), bad)


def _check_goals(items, bad) -> None:
    if not isinstance(items, list):
        raise bad("the goals aren't a list")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise bad(f"goal {number} isn't an object")
        try:
            check_goal(item.get("text") or "", item.get("days") or "", None,
                       confidence=item.get("confidence"), why=item.get("why") or "",
                       wish=item.get("wish") or "", remind_at=item.get("remind_at") or "19:00")
            for field_name in ("starts_on", "ends_on", "completed_on"):
                if item.get(field_name) is not None:
                    date.fromisoformat(item[field_name])
            if item.get("starts_on") is None:
                raise ValueError
        except InvalidInput as exc:
            raise bad(f"goal {number}: {' '.join(exc.fields.values()) or exc.message}") from None
        except (TypeError, ValueError):
            raise bad(f"goal {number} has a date that isn't a date") from None
        if item.get("status") not in STATUSES:
            raise bad(f"goal {number} has an unknown status")
        _time(item.get("created_at"), bad, f"goal {number}'s time")
        checkins = item.get("checkins", [])
        if not isinstance(checkins, list):
            raise bad(f"goal {number}'s check-ins aren't a list")
        for c_number, checkin in enumerate(checkins, start=1):
            where = f"goal {number}, check-in {c_number}"
            if not isinstance(checkin, dict):
                raise bad(f"{where} isn't an object")
            try:
                check_outcome(checkin.get("outcome"), checkin.get("note") or "")
                date.fromisoformat(checkin.get("day"))
            except InvalidInput as exc:
                raise bad(f"{where}: {' '.join(exc.fields.values())}") from None
            except (TypeError, ValueError):
                raise bad(f"{where} has no day") from None
            _time(checkin.get("created_at"), bad, f"{where}'s time")


def _time(value, bad, what: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise bad(f"{what} isn't a date and time") from None
    if parsed.tzinfo is None:
        raise bad(f"{what} has no time zone")
    return parsed


def import_data(db: Session, data: dict) -> User:
    """Recreate a client from a checked export, in the caller's transaction (all or nothing)."""
    account = data["account"]
    email = normalise_email(account["email"])
    if db.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"An account for {email} already exists here. Nothing was imported.")
    email, name = check_identity(email, account["display_name"])
    user = User(email=email, display_name=name, role=Role.CLIENT.value,
                password_hash=account["password_hash"],
                created_at=datetime.fromisoformat(account["created_at"]))
    db.add(user)
    db.flush()
    for item in data["checkins"]:
        mood.record_checkin(db, user, item["mood"], item.get("feelings") or [], item.get("note") or "",
                            at=datetime.fromisoformat(item["created_at"]))
    for item in data.get("journal", []):
        at = datetime.fromisoformat(item["created_at"])
        if item.get("private") is True:
            journal.restore_private(db, user, base64.b64decode(item["sealed"]),
                                    base64.b64decode(item["salt"]), at, prompt=journal.exported_prompt(item))
        else:
            journal.write_entry(db, user, item["body"], at=at, prompt=journal.exported_prompt(item))
    for item in data.get("conversations", []):
        chat.restore_chat(db, user, datetime.fromisoformat(item["created_at"]), [
            (datetime.fromisoformat(m["created_at"]), m["text"], m["reply"], m["level"])
            for m in item["messages"]])
    for item in data.get("measures", []):
        done = item["status"] == "done"
        at = datetime.fromisoformat(item["completed_at"] if done else item["created_at"])
        saved = questionnaires.save(db, user, item["instrument"], item["answers"], finish=done,
                                    accept_missing=True, at=at)
        saved.administration.created_at = datetime.fromisoformat(item["created_at"])
    for item in data.get("practice_log", []):
        practice_log.record_session(db, user, item["kind"], item["minutes"], item.get("before"), item.get("after"),
                                    item.get("detail", ""), at=datetime.fromisoformat(item["created_at"]))
    for item in data.get("selfcompassion", []):
        selfcompassion.save(db, user, item["kind"], selfcompassion.check_export_row(item),
                            at=datetime.fromisoformat(item["created_at"]))
    for item in data.get("resilience", []):
        toolbox.import_row(db, user, item)
    for item in data.get("goals", []):
        _import_goal(db, user, item)
    for item in data.get("homework", []):
        homework.import_row(db, user, item)
    for item in data.get("art", []):
        art.import_row(db, user, item)
    if data.get("safety_plan") is not None:
        plan.save(db, user, data["safety_plan"]["steps"],
                  at=datetime.fromisoformat(data["safety_plan"]["updated_at"]))
    audit.record(db, "import", actor_id=user.id, subject_id=user.id,
                 detail=f"checkins={len(data['checkins'])} journal={len(data.get('journal', []))} "
                        f"conversations={len(data.get('conversations', []))} "
                        f"measures={len(data.get('measures', []))} goals={len(data.get('goals', []))} "
                        f"art={len(data.get('art', []))}")
    return user


def _import_goal(db: Session, user: User, item: dict) -> None:
    def day(value):
        return date.fromisoformat(value) if value else None
    fields = GoalFields(" ".join(item["text"].split()), item["days"], day(item.get("ends_on")),
                        parse_confidence(item.get("confidence")), item.get("why") or "",
                        item.get("wish") or "", item.get("remind_at") or DEFAULT_REMINDER)
    goal = create_goal(db, user, fields, at=datetime.fromisoformat(item["created_at"]),
                       starts_on=day(item["starts_on"]), status=item["status"],
                       completed_on=day(item.get("completed_on")))
    for checkin in item.get("checkins", []):
        record_checkin(db, user, goal, checkin["outcome"], checkin.get("note") or "",
                       day=day(checkin["day"]), at=datetime.fromisoformat(checkin["created_at"]))


def shared_record(db: Session, therapist: User, client: User, shared: list[str]) -> dict:
    """What a therapist may keep for their own files: only the categories shared with them."""
    record = {"format": "holdspace-shared-record", "version": 1, "exported_at": clock.now().isoformat(),
              "client": client.display_name, "shared": shared}
    if "mood" in shared:
        record["checkins"] = [{"mood": c.mood, "feelings": c.feeling_list, "note": c.note,
                               "created_at": c.created_at.isoformat()}
                              for c in sorted(mood.list_checkins(db, client.id), key=lambda c: c.created_at)]
    if "exercises" in shared:
        record["practice_log"] = practice_log.export_rows(db, client.id)
        record["selfcompassion"] = selfcompassion.export_rows(db, client.id, shared_only=True)
        record["resilience"] = toolbox.export_rows(db, client.id)
        record["homework"] = homework.export_rows(db, client.id, therapist_id=therapist.id)
    if "art" in shared:
        record["art"] = art.export_rows(db, client.id)
    if "goals" in shared:
        record["goals"] = [_goal_out(db, g) for g in goals_of(db, client.id)]
    if "journal" in shared:
        record["journal"] = [{"created_at": e.created_at.isoformat(), "body": e.body,
                              **({"prompt": e.prompt.text} if e.prompt else {})} for e in sorted(
            journal.entries(db, client.id, include_private=False, limit=10**6), key=lambda e: e.created_at)]
    if "conversations" in shared:
        record["conversations"] = chat.export_chats(db, client.id)
    if "measures" in shared:
        record["measures"] = measures_out(db, client.id, include_drafts=False)
    if "safety_plan" in shared:
        record["safety_plan"] = _plan_out(plan.load(db, client.id))
    audit.record(db, "export", actor_id=therapist.id, subject_id=client.id, detail=",".join(shared) or "none")
    return record
