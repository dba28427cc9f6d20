"""Where the user's data lives. INTERVIEWER_DATA_DIR overrides it (tests, portable installs)."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interviewer"


def data_dir() -> Path:
    """The user's data folder: database, recordings, own question scripts. Not created here."""
    override = os.environ.get("INTERVIEWER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return platform_data_dir()


# The folder the Settings field chose, once apply_data_dir (app/settings.py) has put it in
# INTERVIEWER_DATA_DIR: then the variable says the current folder, not the default one.
data_dir_from_settings: str | None = None


def default_data_dir() -> Path:
    """The data folder when the Settings field is empty: INTERVIEWER_DATA_DIR when set outside
    the app (tests, portable installs), else the platform's."""
    override = os.environ.get("INTERVIEWER_DATA_DIR")
    if override and override != data_dir_from_settings:
        return Path(override).expanduser()
    return platform_data_dir()


def platform_data_dir() -> Path:
    """The data folder when neither the setting nor INTERVIEWER_DATA_DIR names one."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_scripts_dir() -> Path:
    """Folder for the user's own question scripts, loaded beside the bundled ones."""
    return data_dir() / "question_scripts"


def config_dir() -> Path:
    override = os.environ.get("INTERVIEWER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Folder for the app's log files and crash reports. INTERVIEWER_LOG_DIR overrides it. Not
    created here."""
    override = os.environ.get("INTERVIEWER_LOG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))
