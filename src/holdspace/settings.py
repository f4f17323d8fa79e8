"""Every setting holdspace reads, in one table; read once from the environment.

Each setting is `HOLDSPACE_<NAME>`. Secrets may instead be given as `HOLDSPACE_<NAME>_FILE`,
the path of a file holding the value. Parsing is strict: a value that can't be understood
stops start-up with a message naming the variable, rather than being quietly ignored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from holdspace.errors import InvalidInput

PREFIX = "HOLDSPACE_"

# Countries whose crisis lines ship with holdspace (see safety/crisis_lines.toml);
# INT means "show the international fallback only".
COUNTRIES = ("US", "GB", "IE", "CA", "AU", "NZ", "INT")


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ValueError("use true or false")


def _positive_int(raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError("use a whole number, such as 30") from None
    if value <= 0:
        raise ValueError("use a number above 0")
    return value


def _country(raw: str) -> str:
    value = raw.strip().upper()
    if value == "UK":
        value = "GB"
    if value not in COUNTRIES:
        raise ValueError(f"use one of {', '.join(COUNTRIES)}")
    return value


def _time_zone(raw: str) -> str:
    value = raw.strip()
    if value:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("use an IANA time zone name such as Europe/London or America/Chicago") from None
    return value


def _text(raw: str) -> str:
    return raw.strip()


def _http_url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    if value and not value.lower().startswith(("http://", "https://")):
        raise ValueError("use an http:// or https:// address, such as http://127.0.0.1:11434, or leave it empty")
    return value


def _path(raw: str) -> Path | str:
    # Empty stays empty (Path("") would quietly mean the current folder).
    return Path(raw.strip()).expanduser() if raw.strip() else ""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    parse: Callable[[str], object] = _text
    secret: bool = False

    @property
    def env(self) -> str:
        return PREFIX + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "", "Folder for the database and key files. Empty: the user's data "
            "folder (on Linux `~/.local/share/holdspace`).", _path),
    Setting("database_url", "", "SQLAlchemy URL of the database. Empty: SQLite at "
            "`<data_dir>/holdspace.sqlite3`. For PostgreSQL: "
            "`postgresql+psycopg://user:pass@host/db`.", _text, secret=True),
    Setting("secret_key", "", "Key that signs form tokens. Empty: one is made on first run and "
            "kept in `<data_dir>/secret_key`. Set it when several workers share a database.",
            _text, secret=True),
    Setting("key_file", "", "The key file that protects everything people write. Empty: "
            "`holdspace.key` in the user's config folder (on Linux `~/.config/holdspace`), made on "
            "first run. Keep it outside the data dir and out of backups, and keep a safe copy: "
            "without it the text can't be read.", _path),
    Setting("country", "US", "Country whose crisis lines are shown: "
            + ", ".join(COUNTRIES) + " (INT: international fallback only).", _country),
    Setting("time_zone", "", "Time zone for the times shown on pages, as an IANA name such as "
            "`Europe/London`. Empty: this computer's own time zone. Set it on a server kept on UTC.",
            _time_zone),
    Setting("demo", "false", "Demo mode, for `holdspace demo` only: a banner on every page, and "
            "staff sign in without a second step. Never turn it on with real data.", _bool),
    Setting("debug", "false", "Show detailed errors in the terminal (never to visitors).", _bool),
    Setting("session_idle_minutes", "60", "Sign a person out after this many minutes "
            "without a request.", _positive_int),
    Setting("session_max_hours", "12", "Sign a person out this many hours after they signed "
            "in, active or not.", _positive_int),
    Setting("secure_cookies", "false", "Mark cookies Secure; turn on when served over HTTPS "
            "behind a proxy.", _bool),
    Setting("llm_url", "", "Address of an OpenAI-compatible server on your own machine or network "
            "(llama.cpp, Ollama, vLLM), such as `http://127.0.0.1:11434`; `/v1/chat/completions` is "
            "added. Empty: off, and the listener built into holdspace answers alone. When set, what "
            "people write to the listener is sent to that server, and its replies are shown when they "
            "pass a check that stopped 84 of 100 harmful replies written blind (the built-in listener "
            "answers in the team's own wording).", _http_url),
    Setting("llm_model", "", "Model name to ask the local LLM server for, such as `llama3.2:3b`.", _text),
    Setting("llm_timeout_seconds", "10", "Seconds to wait for the local LLM before the built-in "
            "listener answers instead.", _positive_int),
    Setting("llm_api_key", "", "Key for a local LLM server that asks for one (vLLM `--api-key`, "
            "llama.cpp `--api-key`). Empty: none sent.", _text, secret=True),
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    key_file: Path
    secret_key: str
    country: str
    time_zone: str
    demo: bool
    debug: bool
    session_idle_minutes: int
    session_max_hours: int
    secure_cookies: bool
    llm_url: str = ""
    llm_model: str = ""
    llm_timeout_seconds: int = 10
    llm_api_key: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Read every setting from the environment; overrides win (tests, the CLI)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        problems: dict[str, str] = {}
        for setting in SETTINGS:
            raw = _raw_value(setting, environ, problems)
            try:
                values[setting.name] = setting.parse(raw)
            except ValueError as exc:
                problems[setting.env] = f"{setting.env}={raw!r} can't be used: {exc}."
        if problems:
            raise InvalidInput(" ".join(problems.values()), fields=problems)
        values.update(overrides)
        if not str(values["data_dir"]):
            values["data_dir"] = Path(platformdirs.user_data_dir("holdspace", appauthor=False))
        values["data_dir"] = Path(values["data_dir"])
        if not str(values["key_file"]):
            values["key_file"] = Path(platformdirs.user_config_dir("holdspace", appauthor=False)) / "holdspace.key"
        values["key_file"] = Path(values["key_file"])
        if not values["database_url"]:
            values["database_url"] = f"sqlite:///{values['data_dir'] / 'holdspace.sqlite3'}"
        return cls(**values)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _raw_value(setting: Setting, environ: Mapping[str, str], problems: dict[str, str]) -> str:
    file_var = setting.env + "_FILE"
    if setting.secret and environ.get(file_var):
        try:
            return Path(environ[file_var]).expanduser().read_text().strip()
        except OSError as exc:
            problems[file_var] = f"{file_var} points to a file that can't be read ({exc.strerror})."
            return setting.default
    return environ.get(setting.env, setting.default)


def settings_table_markdown() -> str:
    """Render the settings table for the README (checked by a test, so it can't drift)."""
    lines = ["| variable | default | what it does |", "|---|---|---|"]
    for setting in SETTINGS:
        name = f"`{setting.env}`" + (f" or `{setting.env}_FILE`" if setting.secret else "")
        default = f"`{setting.default}`" if setting.default else "(empty)"
        lines.append(f"| {name} | {default} | {setting.help} |")
    return "\n".join(lines)

