"""A recorded mock interview (any length; WAV, FLAC, MP3, Ogg) brought in for review. Qt-free.

The file is transcribed first: that is nearly all the time it takes, in bounded memory, with
progress, and it can be stopped before its next chunk. Only then is a session made, holding a
16 kHz WAV copy of the recording as one answer with its transcript and analysis, so it is
reviewed, played and exported like a round. A cancel or a failure at any point leaves nothing
behind (no session, no copied audio); the original file is only read.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from interviewer.core.scripts.model import IMPORTED_KIND
from interviewer.core.transcript import Transcript
from interviewer.errors import Cancelled, UserError

__all__ = ["IMPORTED_KIND", "import_recording"]
IMPORTED_SCRIPT = "imported"
MIN_SECONDS = 0.1  # shorter than this, a recording holds nothing to review
Progress = Callable[[float, float], None]
# (path, progress(done_seconds, total_seconds), cancel) -> Transcript, raising Cancelled.
TranscribeInSteps = Callable[[Path, Progress, "threading.Event | None"], Transcript]


def import_recording(store: Any, path: str | Path, transcribe: TranscribeInSteps, *,
                     progress: Progress | None = None, cancel: threading.Event | None = None) -> int:
    """Transcribe, store and analyse the recording at `path`; returns the new session's id.
    `progress(done_seconds, total_seconds)` while transcribing, then (0, 0) while saving."""
    from interviewer.adapters.audio_files import copy_as_wav
    from interviewer.core.analysis.report import analyze_answer
    from interviewer.storage import SessionStatus

    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such audio file" if not path.exists() else f"{path}: is not a file")
    report = progress or (lambda done, total: None)
    transcript = transcribe(path, report, cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    if transcript.duration < MIN_SECONDS:  # a file with a header and no sound made an empty round
        raise UserError(f"{path}: the recording is empty ({transcript.duration:.1f} s of audio); nothing to review")
    report(0, 0)  # saving: a busy bar
    session_id = store.create_session(IMPORTED_SCRIPT, f"Imported recording: {path.name}", IMPORTED_KIND,
                                      round(transcript.duration / 60.0, 1), started_at=path.stat().st_mtime)
    try:
        question = f"Recording {path.name}"
        answer_id = store.add_answer(session_id, "", question, asked_at=0.0, answer_start=0.0)
        seconds = copy_as_wav(path, store.audio_path_for(session_id, answer_id), cancel=cancel)
        store.finish_answer(answer_id, answer_end=seconds)
        store.attach_transcript(answer_id, transcript)
        # No interviewer was heard in the file: no response latency, no clarifying expectations.
        store.attach_analysis(answer_id, analyze_answer(transcript, question_text=question,
                                                        after_interviewer=False).to_dict())
        store.finish_session(session_id, SessionStatus.COMPLETED, ended_at=path.stat().st_mtime + seconds)
    except BaseException:
        store.delete_session(session_id)  # rows and the copied audio: nothing half-imported stays
        raise
    return session_id
