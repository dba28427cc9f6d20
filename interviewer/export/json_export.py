"""A round as JSON with everything stored about it (transcripts, analyses, findings, debrief)."""
from __future__ import annotations

import dataclasses
import json

from interviewer.storage.models import Session

FORMAT_VERSION = 1


def session_to_dict(session: Session, audio: dict[str, dict] | None = None) -> dict:
    """`audio` maps a stored audio path to facts about the file (exists, seconds)."""
    audio = audio or {}
    data = dataclasses.asdict(session)
    for answer, raw in zip(session.answers, data["answers"]):
        raw["transcript"] = answer.transcript.to_dict() if answer.transcript is not None else None
        raw["audio"] = audio.get(answer.audio_path) if answer.audio_path else None
    for entry, raw in zip(session.debrief, data["debrief"]):
        raw["audio"] = audio.get(entry.audio_path) if entry.audio_path else None
    return {"interviewer_export": FORMAT_VERSION, "session": data}


def render_json(session: Session, audio: dict[str, dict] | None = None) -> str:
    return json.dumps(session_to_dict(session, audio), indent=1, ensure_ascii=False) + "\n"
