"""Self-compassion in the terminal: `holdspace challenge`, `holdspace thought-record`, `holdspace letter`.

Each signs the client in first (so what they type can be kept), reads everything typed for risk
as it arrives, and never writes the client's words for them. Ctrl+C or Ctrl+D ends kindly: the
letter keeps what was typed as a draft; the others save nothing, and say so.
"""

from __future__ import annotations

import typer
from rich.markup import escape
from sqlalchemy.orm import Session

from holdspace.cli.asking import Stopped, ask, ask_lines, ask_yes, read_for_risk
from holdspace.cli.common import console, database, run_safely, sign_in
from holdspace.errors import InvalidInput
from holdspace.privacy.accounts import User
from holdspace.selfcompassion import letter as letter_steps
from holdspace.selfcompassion import records

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password from the first line of standard input.")
COUNTRY = typer.Option("", "--country", help="Country whose crisis lines are shown (default: HOLDSPACE_COUNTRY).")
NOTHING_SAVED = "Stopped. Nothing was saved; come back to it whenever you like."


def _say(text: str, style: str = "") -> None:
    console.print(f"[{style}]{escape(text)}[/]" if style else escape(text), highlight=False, soft_wrap=True)


def _carry_on(db: Session, user: User, text: str, country: str) -> bool:
    """Read what was typed for risk; after a crisis response, the client chooses whether to go on."""
    if not read_for_risk(db, user, text, country):
        return True
    return ask_yes("Would you like to carry on with this practice?")


def _ask_checked(prompt: str, check) -> str:
    """Ask until `check(text)` accepts it; each refusal is its kind message, and the question again."""
    while True:
        text = ask(prompt)
        try:
            check(text)
            return text
        except InvalidInput as exc:
            _say(" ".join(exc.fields.values()) or exc.message, "yellow")


# --- the self-talk challenger ------------------------------------------------------------------

def challenge(email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Look at a harsh thought: the thinking traps it may show, gentle questions, then your own kinder version."""
    from holdspace.selfcompassion.traps import detector, trap

    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        _say("Write down something harsh you've been telling yourself, in the words your mind uses. "
             "Nothing is saved until the end. Ctrl+C stops at any time.")
        try:
            thought = _ask_checked("The harsh thought ›", lambda t: records.check_challenge(t, "-"))
            if not _carry_on(db, user, thought, country):
                _say(NOTHING_SAVED)
                return
            with console.status("Looking at it…"):
                finding = detector().detect(thought)
            if finding.hits:
                _say("Here is what it may show. These are guesses by software, not judgements: take what fits.")
                for hit in finding.hits:
                    t = trap(hit.key)
                    console.print()
                    _say(t.name, "bold cyan")
                    _say(t.means)
                    for words in hit.evidence:
                        _say(f"  “{words}”", "italic")
                    _say("Questions you might ask yourself:", "dim")
                    for q in t.questions:
                        _say(f"  • {q}")
            elif finding.distorted:
                _say("This thought sounds heavy, though no particular trap stood out. You might still ask: "
                     "what would I say to a friend who thought this about themselves?")
            else:
                _say("No thinking trap stood out. It may simply be a painful thought about something painful, "
                     "and that deserves kindness too.")
            console.print()
            _say("Now write it again the way a kind friend might say it to you: not pretending things are fine, "
                 "just fairer and gentler. Your words, not ours.")
            kinder = _ask_checked("Your kinder version ›", lambda k: records.check_challenge(thought, k))
            if not _carry_on(db, user, kinder, country):
                _say(NOTHING_SAVED)
                return
        except (Stopped, KeyboardInterrupt):
            _say(NOTHING_SAVED)
            return
        run_safely(records.save_challenge, db, user, thought, kinder, finding.traps)
        db.commit()
    _say("Your kinder words are saved. You can come back to them whenever that harsh thought returns.", "green")


# --- the thought record ------------------------------------------------------------------------

def _intensity(prompt: str) -> int | None:
    while True:
        raw = ask(prompt)
        if not raw:
            return None
        if raw.isdigit() and 0 <= int(raw) <= 100:
            return int(raw)
        _say(f"“{raw}” isn't a number from 0 to 100. Type one, or press Enter to leave it out.", "yellow")


def _text_field(db, user, country, key: str, label: str, prompt: str, *, required: bool) -> str:
    _say(prompt, "dim")
    while True:
        text = ask(f"{label} ›")
        problems: dict[str, str] = {}
        records.checked_text(text, key, label, problems, required=required)
        if not problems:
            break
        _say(problems[key], "yellow")
    if text and not _carry_on(db, user, text, country):
        raise Stopped()
    return text


def thought_record(email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Slow a hard moment down: situation, thought, feelings before and after, evidence, a balanced thought."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        _say("A thought record, one box at a time. Only the situation and the thought are needed; "
             "press Enter to leave any other box empty. Ctrl+C stops at any time.")
        try:
            situation = _text_field(db, user, country, "situation", "1. The situation",
                                    "Where were you, what was happening? Just the facts, as a camera would see them.",
                                    required=True)
            thought = _text_field(db, user, country, "thought", "2. The thought",
                                  "What went through your mind? The words, as your mind said them.", required=True)
            _say("3. Feelings, and how strong each was from 0 to 100. Press Enter with no feeling when done.", "dim")
            feelings: list[dict] = []
            while len(feelings) < records.MAX_FEELINGS:
                name = ask(f"Feeling {len(feelings) + 1} ›")
                if not name:
                    break
                if not _carry_on(db, user, name, country):
                    raise Stopped()
                feelings.append({"name": name[:60], "before": _intensity(f"How strong is “{name[:60]}” now, 0–100 ›"),
                                 "after": None})
            evidence_for = _text_field(db, user, country, "evidence_for", "4. Evidence for the thought",
                                       "What makes it feel true? Facts rather than feelings, if you can.",
                                       required=False)
            evidence_against = _text_field(db, user, country, "evidence_against", "5. Evidence against it",
                                           "What doesn't fit? What would a friend point out?", required=False)
            balanced = _text_field(db, user, country, "balanced", "6. A more balanced thought",
                                   "Taking both sides into account, what might be a fairer way to see it? "
                                   "In your own words.", required=False)
            if feelings:
                _say("Now, having looked at it from both sides, how strong is each feeling?", "dim")
                for f in feelings:
                    f["after"] = _intensity(f"“{f['name']}” now, 0–100 ›")
        except (Stopped, KeyboardInterrupt):
            _say(NOTHING_SAVED)
            return
        run_safely(records.save_thought_record, db, user, situation=situation, thought=thought, feelings=feelings,
                   evidence_for=evidence_for, evidence_against=evidence_against, balanced=balanced)
        db.commit()
    changes = [f"{f['name']} {f['before']} → {f['after']}" for f in feelings
               if f["before"] is not None and f["after"] is not None]
    _say("Your thought record is saved." + (f" {'; '.join(changes)}." if changes else ""), "green")


# --- the letter to yourself as to a friend -----------------------------------------------------

def _keep(db: Session, user: User, draft, key: str, text: str):
    """Keep one step in the draft (beginning it if needed); returns the draft."""
    if draft is None:
        saved = records.start_letter(db, user, {key: text})
    else:
        saved = records.save_letter(db, user, draft.id, {key: text})
    db.commit()
    return saved.record


def _read_letters(db: Session, user: User) -> None:
    rows = records.records(db, user.id, "letter")
    finished = [r for r in rows if r.body.get("finished")]
    drafts = len(rows) - len(finished)
    if not finished:
        _say("No finished letters yet. `holdspace letter` walks you through writing one.")
    else:
        _say(letter_steps.read_back()["text"], "dim")
    for r in finished:
        console.print()
        _say(f"{r.created_at:%A %-d %B %Y}" + (" · shared" if r.body.get("shared") else " · private"), "bold")
        _say(r.body["letter"])
    if drafts:
        console.print()
        _say(f"{drafts} letter{'s' if drafts != 1 else ''} still in draft: `holdspace letter` carries on the newest.")


def letter(email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY,
           new: bool = typer.Option(False, "--new", help="Begin a new letter even if one is in draft."),
           read: bool = typer.Option(False, "--read", help="Read back your finished letters instead.")):
    """Write a letter to yourself as a friend who cares about you would, step by step; a draft is kept as you go."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        if read:
            _read_letters(db, user)
            return
        drafts = [r for r in records.records(db, user.id, "letter") if not r.body.get("finished")]
        draft = None if new or not drafts else drafts[0]
        _say(letter_steps.intro())
        if draft is not None:
            _say(f"Carrying on the letter you began {draft.created_at:%A %-d %B}. Press Enter to keep what a step "
                 "already holds. (`--new` begins another.)", "dim")
        _say("Ctrl+C or Ctrl+D stops at any time; what you've typed is kept as a draft.", "dim")
        steps = letter_steps.steps()
        try:
            for s in steps:
                console.print()
                _say(f"Step {s.number} of {len(steps)}: {s.title}", "bold cyan")
                _say(s.prompt)
                _say(s.hint, "dim")
                before = draft.body.get(s.key, "") if draft is not None else ""
                if before:
                    _say(f"You wrote: {before}", "italic")
                if s.key == "letter":
                    notes = [(e, draft.body.get(e.key)) for e in steps[:-1] if draft is not None and draft.body.get(e.key)]
                    for e, text in notes:
                        _say(f"  {e.title}: {text}", "dim")
                    try:
                        text = "\n".join(ask_lines(s.label)).strip()
                    except Stopped as stop:
                        if stop.args and stop.args[0]:
                            draft = _keep(db, user, draft, s.key, stop.args[0])
                        raise
                else:
                    text = ask(f"{s.label} ›")
                if not text:
                    if s.key == "letter" and not before:
                        _say("The letter is still empty. A few kind lines are enough; let's try again.", "yellow")
                        text = "\n".join(ask_lines(s.label)).strip()
                    if not text:
                        continue
                try:
                    draft = _keep(db, user, draft, s.key, text)
                except InvalidInput as exc:
                    db.rollback()
                    _say(" ".join(exc.fields.values()) or exc.message, "yellow")
                    continue
                if (message := letter_steps.too_long(s, text)) is not None:
                    _say(message, "yellow")
                if not _carry_on(db, user, text, country):
                    raise Stopped()
            if draft is None:
                raise Stopped()
            shared = ask_yes("Share this letter with the therapists you share exercises with? "
                             "(No keeps it private: only you can read it.)")
            saved = records.save_letter(db, user, draft.id, {}, finish=True, shared=shared)
            db.commit()
        except (Stopped, KeyboardInterrupt):
            if draft is not None:
                _say("Your letter is kept as a draft. `holdspace letter` carries on where you left off, "
                     "or open Letters in the web app.", "green")
            else:
                _say(NOTHING_SAVED)
            return
        if saved.problems:
            for message in saved.problems.values():
                _say(message, "yellow")
            _say("Your letter is kept as a draft until then.", "green")
            return
        console.print()
        _say("Your letter is saved" + (", and shared." if shared else ", private to you."), "green")
        _say(letter_steps.read_back()["text"])
        console.print()
        _say(saved.record.body["letter"])
