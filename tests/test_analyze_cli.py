"""End to end: speech generated with espeak-ng at test time, analyzed by `interviewer analyze`.

The answer is built piece by piece with exact silences, so the truth is known: where the
hesitations are, where the 2.5 s pause is, and which phrase is a clarifying question.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

RATE = 16000
TOLERANCE_S = 0.35

# espeak-ng is a system requirement of the app (bootstrap.sh installs it): without it these fail.


def speak(text: str, tmp: Path, voice: str = "en-us", wpm: int = 160) -> np.ndarray:
    from faster_whisper import decode_audio

    wav = tmp / "piece.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(wav), text], check=True)
    audio = decode_audio(str(wav), sampling_rate=RATE)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0]: loud[-1] + 1]


def build_answer(pieces, tmp: Path) -> tuple[np.ndarray, dict]:
    """pieces: ("say", text) | ("ask", text) | ("hes", sound) | ("pause", seconds)."""
    parts, t = [np.zeros(RATE // 2, np.float32)], 0.5
    truth = {"hesitations": [], "pauses": [], "questions": []}
    after_pause = True
    for kind, value in pieces:
        if kind == "pause":
            truth["pauses"].append((t, t + value))
            parts.append(np.zeros(int(value * RATE), np.float32))
            t += value
            after_pause = True
            continue
        if not after_pause:
            parts.append(np.zeros(int(0.12 * RATE), np.float32))
            t += 0.12
        audio = speak(value, tmp)
        span = (t, t + len(audio) / RATE)
        if kind == "hes":
            truth["hesitations"].append(span)
        elif kind == "ask":
            truth["questions"].append(span)
        parts.append(audio)
        t = span[1]
        after_pause = False
    parts.append(np.zeros(int(0.8 * RATE), np.float32))
    audio = np.concatenate(parts)
    truth["duration"] = len(audio) / RATE
    return audio, truth


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", "analyze", *args],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def near(span, item) -> bool:
    return item["start"] <= span[1] + TOLERANCE_S and item["end"] >= span[0] - TOLERANCE_S


@pytest.fixture(scope="module")
def answer_wav(tmp_path_factory):
    import soundfile as sf

    tmp = tmp_path_factory.mktemp("answer")
    audio, truth = build_answer([
        ("hes", "um"),
        ("ask", "How many requests per second do we expect?"),
        ("pause", 3.0),  # clearly long after a finished sentence (PauseSettings.sentence_break_s)
        ("hes", "uh"),
        ("say", "I would start with a simple baseline model."),
    ], tmp)
    path = tmp / "answer.wav"
    sf.write(path, audio, RATE, subtype="PCM_16")
    return path, truth


def test_analyze_audio_finds_hesitations_pause_and_question(answer_wav, tmp_path):
    path, truth = answer_wav
    run = run_cli(str(path), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)

    hesitations = [f for f in result["fillers"] if f["kind"] == "hesitation"]
    assert len(hesitations) == 2, result["fillers"]
    for span, found in zip(truth["hesitations"], hesitations):
        assert near(span, found), (span, found)
    assert [f for f in result["fillers"] if f["kind"] == "lexical"] == []

    [pause] = result["pauses"]
    (start, end), = truth["pauses"]
    assert abs(pause["start"] - start) < 0.25 and abs(pause["end"] - end) < 0.25, pause

    [question] = result["clarifying_questions"]
    assert near(truth["questions"][0], question)
    assert "scale" in question["topics"]

    assert result["duration"] == pytest.approx(truth["duration"], abs=0.01)
    assert 0.3 < result["response_latency"] < 0.8
    assert result["pace_wpm"] > 0 and result["words"]
    assert any(f["kind"] == "long_pause" for f in result["findings"])


def test_transcript_json_is_reused_with_script_topics(answer_wav, tmp_path):
    """A transcript from `interviewer transcribe --json` (here built from the same audio) gives
    the same analysis, without the model, and --script/--question mark topics as missed."""
    from interviewer.adapters.transcription import load_model, transcribe

    path, _truth = answer_wav
    transcript = transcribe(path, load_model())
    saved = tmp_path / "answer.json"
    saved.write_text(transcript.to_json())
    script = tmp_path / "round.toml"
    script.write_text(SCRIPT)
    run = run_cli(str(saved), "--script", str(script), "--question", "fraud", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert len(result["clarifying_questions"]) == 1
    assert result["topics_covered"] == ["traffic"]
    assert result["topics_missed"] == ["latency"]
    assert len(result["pauses"]) == 1


@pytest.mark.parametrize("args, message", [
    (["missing.wav"], "no such file"),
    (["{bad}"], "not valid JSON"),
    (["{ok}", "--script", "x.toml"], "--script and --question go together"),
])
def test_clear_errors_without_traceback(tmp_path, args, message):
    (tmp_path / "bad.json").write_text('{"segments": [')
    (tmp_path / "ok.json").write_text('{"segments": [], "duration": 1.0}')
    args = [a.replace("{bad}", str(tmp_path / "bad.json")).replace("{ok}", str(tmp_path / "ok.json"))
            .replace("missing.wav", str(tmp_path / "missing.wav")) for a in args]
    run = run_cli(*args, "--json")
    assert run.returncode == 1
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_unreadable_audio_is_a_clear_error(tmp_path):
    fake = tmp_path / "noise.wav"
    fake.write_bytes(b"this is not audio at all" * 10)
    run = run_cli(str(fake), "--json")
    assert run.returncode == 1 and "cannot read as audio" in run.stderr and "Traceback" not in run.stderr


SCRIPT = '''
id = "tiny_design"
title = "Tiny design round"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 45
prompt = "Ask what you need."
expects_clarifying = true

[[questions]]
id = "fraud"
phase = "clarify"
text = "Design a fraud detector for card payments."
clarifying_topics = ["traffic", "latency"]
'''
