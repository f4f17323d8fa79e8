import re
from pathlib import Path

import pytest

from holdspace.errors import InvalidInput
from holdspace.settings import SETTINGS, Settings, settings_table_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_a_field_and_documented():
    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)
    for setting in SETTINGS:
        assert setting.env.startswith("HOLDSPACE_")
        assert len(setting.help) > 20, f"{setting.env} needs a real explanation"


def test_the_readme_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text()
    assert settings_table_markdown() in readme, "run `holdspace settings --markdown` into the README"


def test_defaults_put_sqlite_in_the_data_dir(tmp_path):
    settings = Settings.from_env({"HOLDSPACE_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'holdspace.sqlite3'}"
    assert settings.country == "US" and settings.debug is False


def test_yes_is_not_a_boolean():
    with pytest.raises(InvalidInput) as caught:
        Settings.from_env({"HOLDSPACE_DEBUG": "yes"})
    assert "HOLDSPACE_DEBUG" in caught.value.message and "true or false" in caught.value.message


@pytest.mark.parametrize("name,value", [("HOLDSPACE_SESSION_IDLE_MINUTES", "0"),
                                        ("HOLDSPACE_SESSION_MAX_HOURS", "twelve"),
                                        ("HOLDSPACE_COUNTRY", "Narnia"),
                                        ("HOLDSPACE_TIME_ZONE", "Europe/Atlantis")])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(InvalidInput, match=re.escape(name)):
        Settings.from_env({name: value})


def test_uk_means_great_britain():
    assert Settings.from_env({"HOLDSPACE_COUNTRY": "uk"}).country == "GB"


def test_secrets_can_come_from_files(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-a-file\n")
    settings = Settings.from_env({"HOLDSPACE_SECRET_KEY_FILE": str(secret)})
    assert settings.secret_key == "from-a-file"


def test_a_missing_secret_file_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInput, match="HOLDSPACE_SECRET_KEY_FILE"):
        Settings.from_env({"HOLDSPACE_SECRET_KEY_FILE": str(tmp_path / "nope")})


def test_only_secrets_have_file_variants(tmp_path):
    (tmp_path / "c").write_text("NZ")
    assert Settings.from_env({"HOLDSPACE_COUNTRY_FILE": str(tmp_path / "c")}).country == "US"


def test_with_nothing_set_data_and_key_live_in_the_users_own_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = Settings.from_env({})
    assert settings.data_dir == tmp_path / "share" / "holdspace"
    assert settings.key_file == tmp_path / "config" / "holdspace" / "holdspace.key"
