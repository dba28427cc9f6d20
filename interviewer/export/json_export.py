"""A round as JSON with everything stored about it (transcripts, analyses, findings, debrief)."""
from __future__ import annotations

import dataclasses
import json

from interviewer.storage.models import Session, exported_status
from interviewer.storage.progress import round_summary

FORMAT_VERSION = 1


def _shallow(obj, skip: tuple[str, ...] = ()) -> dict:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.name not in skip}


def session_to_dict(session: Session, audio: dict[str, dict] | None = None, script=None,
                    text_encoder=None) -> dict:
    """`audio` maps a stored audio path to facts about the file (exists, seconds). Builds the
    dict without deep copies: an hour-long round's analyses are large. `script` and
    `text_encoder` as for report.build_report (the talking points in numbers.coverage)."""
    from interviewer.export.coverage_section import coverage_matcher, script_of

    script = script if script is not None else script_of(session)
    audio = audio or {}
    data = _shallow(session, ("answers", "phases", "debrief", "findings", "lines", "pauses"))
    # "status" says what status_text says (a round ended well before its plan is "ended_early",
    # trial 19; trial 18 had "completed" there). The stored one says whether the recording ran
    # to its end (in_progress, completed, interrupted): "stored_status": "completed" beside
    # "status": "ended_early" read as a contradiction (trial 21), so it is "recording_status".
    data["recording_status"] = str(session.status)
    data["status"] = exported_status(session.status, session.ended_early)
    data["ended_early"] = session.ended_early
    data["status_text"] = session.status_text
    data["answers"] = [
        {**_shallow(a, ("transcript", "clarifications")),
         "transcript": a.transcript.to_dict() if a.transcript is not None else None,
         "clarifications": [_shallow(c) for c in a.clarifications],
         "audio": audio.get(a.audio_path) if a.audio_path else None}
        for a in session.answers]
    data["phases"] = [_shallow(p) for p in session.phases]
    data["debrief"] = [{**_shallow(d), "audio": audio.get(d.audio_path) if d.audio_path else None}
                       for d in session.debrief]
    data["findings"] = [_shallow(f) for f in session.findings]
    data["lines"] = [_shallow(line) for line in session.lines]  # everything the interviewer said
    data["pauses"] = [_shallow(p) for p in getattr(session, "pauses", None) or []]  # the P key's, and the End question's (why)
    # The numbers the review and the other exports show (answers joined from their parts).
    data["numbers"] = dataclasses.asdict(round_summary(
        session, script, coverage_matcher(text_encoder) if script is not None else None))
    data["numbers"]["coverage_script_found"] = script is not None
    return {"interviewer_export": FORMAT_VERSION, "session": data}


def render_json(session: Session, audio: dict[str, dict] | None = None, script=None, text_encoder=None) -> str:
    return json.dumps(session_to_dict(session, audio, script, text_encoder), indent=1, ensure_ascii=False) + "\n"
