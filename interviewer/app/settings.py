"""The app's settings, kept between runs as a JSON file in the config folder.

Qt-free so that the command line and tests can read them too. A missing or damaged file gives
the defaults (and a message saying so) rather than a crash; unknown keys are ignored so that a
settings file written by a newer version still loads.
"""
from __future__ import annotations

import json
import math
import os
import re
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
    end_answer_after_silence: float = 8.0  # seconds; see core.round_settings.DEFAULT_SILENCE_ENDS_ANSWER
    nudge_after_silence: float = 12.0  # a long silence mid-answer: "think aloud" nudge; 0 = off
    long_pause_seconds: float = 2.0
    warning_minutes: float = 2.0  # spoken warning this long before a phase and the round end
    data_dir: str = ""  # "" = the platform's data folder
    recent_kind_filter: str = ""  # the Home screen's last kind filter
    last_export_dir: str = ""  # the folder last exported to or imported from: both dialogs open there
    plan_weeks: int = 8  # the practice plan's length (Progress), 6 to 8 weeks
    theme: str = "system"  # system | light | dark (gui/theme.py)
    text_size: int = 100  # per cent of the desktop's font size, app-wide (gui/theme.TEXT_SIZES)
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
        return checked_settings(data)[0]

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
    """Return the saved settings and a message for the user when the file, or some of its
    values, could not be used (those get their defaults; the message names each key and line)."""
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return AppSettings(), None
    except OSError as exc:
        return AppSettings(), f"Could not read the settings file {path} ({exc.strerror}); using defaults."
    damaged = (f"The settings file {path} is damaged ({{}}); using defaults. "
               "Saving settings will replace it.")
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as some Windows editors write, is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return AppSettings(), damaged.format(f"line {line}: not UTF-8 text")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return AppSettings(), damaged.format(f"line {exc.lineno}: {exc.msg}")
    except RecursionError:
        return AppSettings(), damaged.format("lists or objects nested too deeply")
    except ValueError:  # a number over Python's 4300-digit conversion limit
        return AppSettings(), damaged.format("a number with thousands of digits")
    if not isinstance(data, dict):
        return AppSettings(), f"The settings file {path} does not hold settings; using defaults."
    settings, problems = checked_settings(data, text)
    if not problems:
        return settings, None
    return settings, (f"The settings file {path} has values the app cannot use: " + "; ".join(problems)
                      + ". Saving settings will replace them.")


# Allowed ranges, also the Settings screen's boxes (gui/settings_screen.py reads them).
RANGES: dict[str, tuple[float, float]] = {
    "speech_rate": (80, 350),  # words per minute
    "end_answer_after_silence": (0.0, 60.0),  # seconds; 0 = off
    "nudge_after_silence": (0.0, 120.0),  # seconds; 0 = off
    "long_pause_seconds": (0.5, 10.0),
    "warning_minutes": (0.0, 15.0),
    "plan_weeks": (6, 8),  # core.practice_plan.build_plan
    "text_size": (100, 150),  # per cent; the Settings screen offers gui/theme.TEXT_SIZES
}
CHOICES: dict[str, tuple[str, ...]] = {
    "theme": ("system", "light", "dark"),  # gui/theme.py MODES
    "output_setup": ("unknown", "headphones", "loudspeakers"),  # OUTPUT_SETUPS
}
_GEOMETRY = re.compile(r"^-?\d{1,6},-?\d{1,6},\d{1,6},\d{1,6}(,maximized)?$")


def checked_settings(data: dict, text: str = "") -> tuple[AppSettings, list[str]]:
    """Settings from a dict read from the file, and one problem per value that was not used
    ("line 3: speech_rate must be ..., not 'fast'; using 170"). Unknown keys are ignored
    silently (a newer version may have written them)."""
    known = {f.name for f in fields(AppSettings)}
    defaults = AppSettings()
    values: dict = {}
    problems: list[str] = []
    for name, value in data.items():
        if name not in known:
            continue
        default = getattr(defaults, name)
        why = _why_unusable(name, value, default)
        if why is None:
            values[name] = float(value) if isinstance(default, float) else value
        else:
            line = _line_of_key(text, name)
            shown = "none" if default is None else json.dumps(default)
            problems.append(f"{f'line {line}: ' if line else ''}{name} must be {why}, not "
                            f"{_short_json(value)}; using {shown}")
    return AppSettings(**values), problems


def _why_unusable(name: str, value, default) -> str | None:
    """What `value` should be for the key `name` (None when it is fine)."""
    if default is None:
        return None if value is None or isinstance(value, str) else "text or null"
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "true or false"
    if isinstance(default, (int, float)):
        low, high = RANGES.get(name, (-math.inf, math.inf))
        whole = isinstance(default, int)
        kind = "a whole number" if whole else "a number"
        usable = (isinstance(value, int) or (isinstance(value, float) and not whole)) and not isinstance(value, bool)
        if usable and math.isfinite(value) and low <= value <= high:
            return None
        return f"{kind} from {low:g} to {high:g}" if name in RANGES else kind
    if not isinstance(value, str):
        return "text"
    if name in CHOICES and value not in CHOICES[name]:
        return "one of " + ", ".join(CHOICES[name])
    if name == "window_geometry" and value and not _GEOMETRY.match(value):
        return "x,y,width,height[,maximized] (whole numbers)"
    if name == "data_dir" and value and not Path(value).expanduser().is_absolute():
        return "a full folder path"
    return None


def _line_of_key(text: str, name: str) -> int | None:
    match = re.search(rf'"{re.escape(name)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _short_json(value) -> str:
    shown = json.dumps(value, allow_nan=True)
    return shown if len(shown) <= 40 else shown[:37] + "..."


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


def data_dir_change_note(old: AppSettings, new: AppSettings) -> str:
    """What saving a new data folder does, said when it is saved: nothing is moved, so without
    this the next start showed no rounds and none of the user's own scripts, with no word why."""
    if old.data_dir.strip() == new.data_dir.strip():
        return ""
    from interviewer import paths

    current = paths.data_dir()
    chosen = Path(new.data_dir).expanduser() if new.data_dir.strip() else paths.default_data_dir()
    if chosen == current:
        return ""
    if (chosen / "interviewer.sqlite3").exists():
        return f"From the next start the app uses the rounds already in {chosen}; {current} is left as it is."
    return (f"From the next start the app uses {chosen}. Nothing is moved: your rounds, recordings and "
            f"question scripts stay in {current}; copy its contents there first to keep them in the app.")


def apply_data_dir(settings: AppSettings) -> None:
    """Point interviewer.paths at the chosen data folder, unless the environment already does."""
    if settings.data_dir and not os.environ.get("INTERVIEWER_DATA_DIR"):
        from interviewer import paths

        os.environ["INTERVIEWER_DATA_DIR"] = settings.data_dir
        paths.data_dir_from_settings = settings.data_dir  # the default is still the platform's
