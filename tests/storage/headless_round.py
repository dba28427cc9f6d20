"""A headless round in its own process, as the app runs one: session, answers recorded through
CrashSafeWavWriter, transcripts and analyses committed as each answer ends.

Used by test_kill.py (SIGKILLed while the second answer is being recorded) and test_privacy.py
(the whole round under a socket audit hook). Prints progress lines on stdout, flushed at once:
    SESSION <id>
    ANSWER_COMMITTED <answer id>
    RECORDING <answer id> <seconds written> <seconds flushed>
    DONE <id>
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter

RATE = 16000
CHUNK_SECONDS = 0.1
QUESTIONS = [
    ("q1", "How would you detect data drift in a deployed model?"),
    ("q2", "What metric would you use for a fraud model, and why?"),
]


def say(*parts: object) -> None:
    print(*parts, flush=True)


def synthetic_answer(seconds: float, seed: int) -> np.ndarray:
    """Speech-like bursts with pauses, so the audio is not trivially constant."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = (np.sin(2 * np.pi * 0.7 * t) > -0.3).astype(np.float32)
    return (0.3 * np.sin(2 * np.pi * 180 * t) * envelope + 0.01 * rng.standard_normal(t.size)).astype(np.float32)


def load_answer_audio(path: Path) -> np.ndarray:
    import soundfile as sf

    data, rate = sf.read(path, dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    if rate != RATE:
        positions = np.arange(int(len(mono) * RATE / rate)) * (rate / RATE)
        mono = np.interp(positions, np.arange(len(mono)), mono).astype(np.float32)
    return mono


def fake_transcript(seconds: float) -> Transcript:
    words = ("um", "I", "would", "compare", "the", "feature", "distributions", "uh", "weekly")
    step = seconds / (len(words) + 1)
    ws = tuple(Word(w, round(i * step, 3), round(i * step + step * 0.8, 3), 0.9) for i, w in enumerate(words))
    return Transcript([Segment(" ".join(words), 0.0, seconds, ws)], seconds,
                      [SpeechRegion(0.0, seconds * 0.4), SpeechRegion(seconds * 0.4 + 2.5, seconds)], "fake")


def analyze(transcript: Transcript, question_text: str) -> dict:
    """The analysis the app stores for an answer."""
    from interviewer.core.analysis.report import analyze_answer

    return analyze_answer(transcript, question_text=question_text, round_kind="ml_system_design").to_dict()


def record(store: Store, session_id: int, answer_id: int, audio: np.ndarray, speed: float) -> float:
    """Feed audio in 100 ms chunks, as the microphone does, at `speed` times real time."""
    writer = CrashSafeWavWriter(store.audio_path_for(session_id, answer_id), flush_seconds=1.0)
    chunk = int(CHUNK_SECONDS * RATE)
    start = time.monotonic()
    for i in range(0, len(audio), chunk):
        writer.write(audio[i:i + chunk])
        say("RECORDING", answer_id, f"{writer.seconds_written:.3f}", f"{writer.seconds_flushed:.3f}")
        if speed > 0:
            due = start + (i + chunk) / RATE / speed
            time.sleep(max(0.0, due - time.monotonic()))
    writer.close()
    return len(audio) / RATE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--answers", type=int, default=2, help="answers finished and committed")
    parser.add_argument("--answer-seconds", type=float, default=2.0)
    parser.add_argument("--speed", type=float, default=1.0, help="times real time; 0 = as fast as possible")
    parser.add_argument("--last-answer-seconds", type=float, default=30.0,
                        help="without --finish: the answer still being recorded when the test kills us")
    parser.add_argument("--last-speed", type=float, default=1.0)
    parser.add_argument("--audio", type=Path, help="a spoken answer to record instead of synthetic audio")
    parser.add_argument("--real-transcription", action="store_true")
    parser.add_argument("--finish", action="store_true", help="finish the round (else it runs until killed)")
    parser.add_argument("--export", type=Path, help="also export the finished round to this folder")
    args = parser.parse_args(argv)

    store = Store.open(args.data_dir)
    store.recover_interrupted()
    model = None
    if args.real_transcription:
        from interviewer.adapters.transcription import load_model

        model = load_model(None)
    session_id = store.create_session("headless-drift", "Headless ML system design", "ml_system_design", 45)
    say("SESSION", session_id)
    store.add_phase(session_id, "clarify", "Clarify the problem", 5, 0.0)
    store.save_scratchpad(session_id, "features -> model -> monitor")

    clock = 0.0
    for n in range(args.answers):
        question_id, text = QUESTIONS[n % len(QUESTIONS)]
        if args.audio:
            audio = load_answer_audio(args.audio)
        else:
            audio = synthetic_answer(args.answer_seconds, n)
        answer_id = store.add_answer(session_id, question_id, text, asked_at=clock, answer_start=clock + 1.0)
        seconds = record(store, session_id, answer_id, audio, args.speed)
        store.finish_answer(answer_id, answer_end=clock + 1.0 + seconds)
        if model is not None:
            from interviewer.adapters.transcription import transcribe

            transcript = transcribe(audio, model)
        else:
            transcript = fake_transcript(seconds)
        store.attach_transcript(answer_id, transcript)
        store.attach_analysis(answer_id, analyze(transcript, text))
        say("ANSWER_COMMITTED", answer_id)
        clock += seconds + 5.0

    if not args.finish:
        # One more answer, recorded until the test kills us.
        question_id, text = QUESTIONS[args.answers % len(QUESTIONS)]
        answer_id = store.add_answer(session_id, question_id, text, asked_at=clock, answer_start=clock + 1.0)
        record(store, session_id, answer_id, synthetic_answer(args.last_answer_seconds, 99), args.last_speed)
        say("NOT_KILLED")
        return 1

    store.add_debrief(session_id, "Where did you hesitate?", "On the drift metric.", self_rating=3)
    store.finish_session(session_id)
    if args.export:
        from interviewer.export import export_session

        args.export.mkdir(parents=True, exist_ok=True)
        for fmt in ("md", "html", "json", "flac"):
            export_session(store, session_id, fmt, args.export / f"round.{fmt}")
    store.close()
    say("DONE", session_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
