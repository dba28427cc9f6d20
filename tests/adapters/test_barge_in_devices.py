"""Barge-in on the virtual devices (its own null sinks, see benchmarks/barge_in.py): the
interviewer speaks through the real Speaker, the candidate's espeak-ng question is played into
the microphone sink while it talks; the VoiceDetector hears it in the Microphone's round
recording and the interviewer stops within 300 ms. The round recording holds the question."""
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import barge_in  # noqa: E402


@pytest.mark.audio
def test_the_candidate_talking_over_the_interviewer_stops_it_within_300_ms(pulse, tmp_path):
    from interviewer.adapters.speaker import Speaker

    speaker = Speaker()
    assert speaker.available, speaker.unavailable_reason
    candidate = tmp_path / "candidate.wav"
    subprocess.run(["espeak-ng", "-s", "160", "-w", str(candidate), barge_in.CANDIDATE], check=True, timeout=30)
    try:
        alone = barge_in.trial(speaker, None, tmp_path, echo=False)
        result = barge_in.trial(speaker, candidate, tmp_path, echo=False)
    finally:
        speaker.close()
    assert alone["onsets"] == []  # the interviewer alone, into headphones: no barge-in
    assert len(result["onsets"]) == 1
    assert result["latency"] is not None and 0 < result["latency"] <= 0.3, result["latency"]
    # Nothing said is lost: the round recording holds the candidate's whole question.
    info = soundfile.info(result["recording"])
    assert info.samplerate == 16000 and info.duration > soundfile.info(candidate).duration
