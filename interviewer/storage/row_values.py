"""Values to and from the database's columns: JSON written from dicts or dataclasses, findings
inserted, ratings checked, and stored values read back defensively (a wrong type reads as none).
"""
from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from interviewer.core.analysis.version import UNKNOWN_ANALYSIS_VERSION
from interviewer.core.transcript import Transcript, TranscriptFormatError, parse_json
from interviewer.storage.errors import StorageError


def _as_dict(value: Any) -> dict:
    if isinstance(value, dict):
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    import dataclasses

    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    raise TypeError(f"expected a dict or an object with to_dict(), got {type(value).__name__}")


def _dumps(data: Any) -> str:
    return json.dumps(data, default=lambda o: _as_dict(o) if not isinstance(o, (set, tuple)) else list(o))


def _insert_finding(db: sqlite3.Connection, session_id: int, answer_id: int | None, f: dict) -> int:
    kind = str(f.get("kind") or f.get("type") or "note")
    start = f.get("start", f.get("time"))
    end = f.get("end")
    message = str(f.get("message") or f.get("text") or f.get("label") or kind)
    details = {k: v for k, v in f.items() if k not in ("kind", "type", "start", "time", "end", "message")}
    cur = db.execute(
        "INSERT INTO findings (session_id, answer_id, kind, start, end, message, details_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (session_id, answer_id, kind, None if start is None else float(start),
         None if end is None else float(end), message, _dumps(details) if details else None))
    return int(cur.lastrowid)


def _check_rating(rating: int | None) -> None:
    if rating is not None and (not isinstance(rating, int) or not 1 <= rating <= 5):
        raise StorageError(f"self-rating must be a whole number from 1 to 5, got {rating!r}")


# Stored values of the wrong type (a database edited by another program: SQLite keeps whatever
# is written into a column) are read as "none" rather than stopping every command that shows
# the round: text as text, numbers as finite numbers, clock times within what a date can show.
_MAX_CLOCK_TIME = 253_402_300_799.0  # 9999-12-31: past it time.localtime fails


def _text(value: Any, default: str | None = "") -> str | None:
    if value is None:
        return default
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def _number(value: Any, default: float | None = None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    try:
        value = float(value)
    except OverflowError:  # an integer past the float range
        return default
    return value if math.isfinite(value) else default


def _version(value: Any) -> int:
    """A stored analysis version (core.analysis.version); anything but a whole number reads as not known."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else UNKNOWN_ANALYSIS_VERSION


def _clock_time(value: Any, default: float | None = None) -> float | None:
    """A UNIX time that can be shown as a date (else `default`)."""
    value = _number(value)
    return value if value is not None and 0.0 <= value <= _MAX_CLOCK_TIME else default


def _load_json(text: str | None) -> dict | None:
    """A stored JSON object, or None when there is none or it is unreadable (never raises)."""
    if not text:
        return None
    try:
        data = parse_json(text, "stored JSON")
    except TranscriptFormatError:
        return None
    return data if isinstance(data, dict) else None


def _read_transcript(text: str | None) -> tuple[Transcript | None, str | None]:
    """(transcript, None), (None, None) when there is none, or (None, why it is unreadable)."""
    if not text:
        return None, None
    try:
        return Transcript.from_dict(parse_json(text, "transcript"), "transcript", repair_order=True), None
    except TranscriptFormatError as exc:
        return None, str(exc)


def _load_transcript(text: str | None, answer_id: int) -> Transcript | None:
    return _read_transcript(text)[0]
