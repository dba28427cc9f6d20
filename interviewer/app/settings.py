"""The app's settings, kept between runs as a JSON file in the config folder.

Qt-free so that the command line and tests can read them too. A missing or damaged file gives
the defaults (and a message saying so) rather than a crash; unknown keys are ignored so that a
settings file written by a newer version still loads.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path

from interviewer import paths

SETTINGS_FILE_NAME = "settings.json"


@dataclass
class AppSettings:
    input_device: str | None = None  # device name; None = the system default
    output_device: str | None = None
    voice: str | None = None  # speech voice id; None = the engine's default
    speech_rate: int = 170  # words per minute for the interviewer's voice
    # "" = the default model (tiny.en, bundled); a name from the catalog (adapters/models.py:
    # base, base.en, small.en, distil-...) or a CTranslate2 model folder.
    model: str = ""
    # Turn-taking: 0 disables ending an answer on silence (the key always works).
    end_answer_after_silence: float = 8.0  # seconds; see core.round_controller.DEFAULT_SILENCE_ENDS_ANSWER
    nudge_after_silence: float = 12.0  # a long silence mid-answer: "think aloud" nudge; 0 = off
    long_pause_seconds: float = 2.0
    warning_minutes: float = 2.0  # spoken warning this long before a phase and the round end
    data_dir: str = ""  # "" = the platform's data folder
    recent_kind_filter: str = ""  # the Home screen's last kind filter
    theme: str = "system"  # system | light | dark (gui/theme.py)
    window_geometry: str = ""  # the main window: "x,y,width,height[,maximized]"
    first_run_done: bool = False  # the guided start was finished or skipped
    # Headphones or loudspeakers (OUTPUT_SETUPS), from the Check screen's echo check or set by
    # hand; it holds only for the devices it was found on (output_setup_for).
    output_setup: str = "unknown"
    output_setup_source: str = ""  # "echo check" | "set by hand"
    output_setup_at: str = ""  # when, ISO 8601 UTC
    output_setup_output_device: str | None = None  # the speaker it was found on (None = default)
    output_setup_input_device: str | None = None  # the microphone the echo check listened with

    @classmethod
    def from_dict(cls, data: dict) -> "AppSettings":
        known = {f.name: f for f in fields(cls)}
        defaults = cls()
        values = {}
        for name, value in data.items():
            if name not in known:
                continue
            expected = type(getattr(defaults, name))
            if getattr(defaults, name) is None:
                if value is None or isinstance(value, str):
                    values[name] = value
                continue
            if expected is float and isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name] = float(value)
            elif expected is int and isinstance(value, int) and not isinstance(value, bool):
                values[name] = value
            elif isinstance(value, expected):
                values[name] = value
        return cls(**values)

    def to_dict(self) -> dict:
        return asdict(self)


OUTPUT_SETUPS = ("unknown", "headphones", "loudspeakers")


def with_output_setup(settings: AppSettings, setup: str, source: str) -> AppSettings:
    """`settings` recording `setup` for the current devices, found now by `source`."""
    if setup not in OUTPUT_SETUPS:
        raise ValueError(f"output setup {setup!r} is not one of {', '.join(OUTPUT_SETUPS)}")
    return replace(settings, output_setup=setup, output_setup_source=source,
                   output_setup_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   output_setup_output_device=settings.output_device,
                   output_setup_input_device=settings.input_device)


def output_setup_for(settings: AppSettings) -> str:
    """Headphones, loudspeakers or unknown for the speaker in use: a setup found on another
    speaker says nothing about this one (a file edited by hand with another word: unknown)."""
    if settings.output_setup not in OUTPUT_SETUPS or settings.output_device != settings.output_setup_output_device:
        return "unknown"
    return settings.output_setup


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> tuple[AppSettings, str | None]:
    """Return the saved settings and a message for the user when the file could not be used."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return AppSettings(), None
    except OSError as exc:
        return AppSettings(), f"Could not read the settings file {path} ({exc.strerror}); using defaults."
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return AppSettings(), (f"The settings file {path} is damaged (line {exc.lineno}: {exc.msg}); "
                               "using defaults. Saving settings will replace it.")
    if not isinstance(data, dict):
        return AppSettings(), f"The settings file {path} does not hold settings; using defaults."
    return AppSettings.from_dict(data), None


def save_settings(settings: AppSettings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a settings file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(settings.to_dict(), f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def apply_data_dir(settings: AppSettings) -> None:
    """Point interviewer.paths at the chosen data folder, unless the environment already does."""
    if settings.data_dir and not os.environ.get("INTERVIEWER_DATA_DIR"):
        os.environ["INTERVIEWER_DATA_DIR"] = settings.data_dir
