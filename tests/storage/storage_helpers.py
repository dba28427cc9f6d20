"""Shared helpers for the storage tests: a full round, tones, a tmpfs mount."""
import contextlib
import os
import subprocess
import uuid

import numpy as np
import pytest

from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter


def make_transcript(text: str = "um so I would uh check the latency budget first", seconds: float = 6.0) -> Transcript:
    words = text.split()
    step = seconds / len(words)
    ws = tuple(Word(w, round(i * step, 3), round((i + 0.8) * step, 3), 0.9) for i, w in enumerate(words))
    return Transcript([Segment(text, 0.0, seconds, ws)], seconds,
                      [SpeechRegion(0.0, 2.0), SpeechRegion(4.5, seconds)], "test")


def record_tone(path, seconds: float = 1.0) -> None:
    t = np.arange(int(seconds * 16000)) / 16000
    with CrashSafeWavWriter(path, fsync=False) as w:
        w.write((0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32))


def full_round(store: Store, marker: str = "", answers: int = 2) -> int:
    """A finished round with everything a round stores; returns its id."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45, started_at=1_700_000_000)
    phase = store.add_phase(sid, "clarify", "Clarify", 5, 0.0)
    for n in range(answers):
        aid = store.add_answer(sid, f"q{n}", f"Question {n}?", asked_at=10.0 * n, answer_start=10.0 * n + 1)
        record_tone(store.audio_path_for(sid, aid))
        store.finish_answer(aid, answer_end=10.0 * n + 7)
        store.attach_transcript(aid, make_transcript(f"um so I would uh check the latency {marker}"))
        store.attach_analysis(aid, {"word_count": 9, "filler_count": 2, "speaking_seconds": 4.5,
                                    "long_pause_count": 1, "clarifying_question_count": 1,
                                    "findings": [{"kind": "filler", "start": 0.0, "end": 0.4, "message": "filler 'um'"},
                                                 {"kind": "long_pause", "start": 2.0, "end": 4.5,
                                                  "message": "2.5 s silence", "seconds": 2.5}]})
    store.end_phase(phase, 5 * 60.0)
    store.save_scratchpad(sid, f"def rank(items):\n    return sorted(items)  # {marker}")
    d = store.add_debrief(sid, "Where did you hesitate?", f"At the latency part {marker}", self_rating=3,
                          with_audio=True)
    record_tone(store.debrief_audio_path(sid, d), 0.5)
    store.finish_session(sid, ended_at=1_700_002_700)
    return sid


@contextlib.contextmanager
def tmpfs(path, options: str):
    """Mount a small tmpfs (root only). Yields False where mounting is not possible."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or os.geteuid() != 0:
        yield False
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, f"interviewer-test-{uuid.uuid4().hex[:6]}",
                           str(path)], capture_output=True)
    if done.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def spoken_answer(tmp_path, text: str):
    """`text` spoken by espeak-ng into tmp_path/answer.wav; None when espeak-ng is missing."""
    import shutil

    if shutil.which("espeak-ng") is None:
        return None
    wav = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-s", "160", "-w", str(wav), text], check=True)
    return wav
