"""Barge-in on the virtual devices (its own null sinks, see benchmarks/barge_in.py): the
interviewer speaks through the real Speaker, the candidate's espeak-ng question is played into
the microphone sink while it talks; the VoiceDetector hears it in the Microphone's round
recording and the interviewer stops within 300 ms of the voice reaching the microphone stream. The round recording holds the question.
With loudspeakers (a relay plays the speaker into the microphone through a simulated room) the
interviewer's own voice does not stop it, while a plain level detector takes it for the candidate."""
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import barge_in  # noqa: E402


@pytest.fixture
def speaker():
    from interviewer.adapters.speaker import Speaker

    speaker = Speaker()
    assert speaker.available, speaker.unavailable_reason
    yield speaker
    speaker.close()


@pytest.mark.audio
def test_the_candidate_talking_over_the_interviewer_stops_it_within_300_ms(pulse, tmp_path, speaker):
    candidate = tmp_path / "candidate.wav"
    subprocess.run(["espeak-ng", "-s", "160", "-w", str(candidate), barge_in.CANDIDATE], check=True, timeout=30)
    alone = barge_in.trial(speaker, None, tmp_path, room=None)
    result = barge_in.trial(speaker, candidate, tmp_path, room=None)
    assert alone["onsets"]["aware"] == []  # the interviewer alone, into headphones: no barge-in
    assert len(result["onsets"]["aware"]) == 1
    # Timed from the candidate's voice in the microphone stream, not from launching paplay: its
    # start-up and PulseAudio's transport are the test rig's, and a busy CI machine stretched
    # them to 0.69 s once (barge_in.trial explains both measures; the benchmark prints both).
    heard, wall = result["heard_latency"], result["latency"]
    assert heard is not None and 0 < heard <= 0.3, (heard, wall)
    assert 0 < wall < 3.0, (heard, wall)  # stopped after the candidate began, while still talking
    # Nothing said is lost: the round recording holds the candidate's whole question.
    info = soundfile.info(result["recording"])
    assert info.samplerate == 16000 and info.duration > soundfile.info(candidate).duration


@pytest.mark.audio
def test_through_loudspeakers_the_interviewers_own_voice_is_rarely_taken_for_the_candidate(pulse, tmp_path, speaker):
    # The simulated room is a relay process; on a busy machine it can starve and leave gaps in the
    # echo (seen: the plain detector heard 23 % of it). Such a trial says nothing about the detector,
    # so up to three are run and the first whose echo arrived whole is judged.
    for _ in range(3):
        result = barge_in.trial(speaker, None, tmp_path, room=barge_in.Room(0.3, 0.4, 3.0, 1), stopper=None)
        if result["voiced"]["plain"] > 0.4:
            break
    assert result["onsets"]["plain"], "the echo did not reach the microphone"
    # The plain detector takes most of the interviewer's voice for the candidate; the echo-aware
    # one almost none of it. It can still be fooled once in a while (measured: 1 run in 4 at
    # this echo level, docs/analysis.md), so one onset is tolerated, not two.
    assert result["voiced"]["plain"] > 0.4, result["voiced"]
    assert result["voiced"]["aware"] < result["voiced"]["plain"] / 5, result["voiced"]
    assert len(result["onsets"]["aware"]) <= 1, result["onsets"]


@pytest.mark.audio
@pytest.mark.parametrize("room", [None, barge_in.Room(0.3, 0.4, 3.0, 1)], ids=["headphones", "loudspeakers"])
def test_the_device_check_tells_loudspeakers_from_headphones(pulse, tmp_path, speaker, room):
    from interviewer.adapters.microphone import Microphone
    from interviewer.app.echo_test import run_echo_test

    with barge_in.virtual_room(room):
        microphone = Microphone()
        try:
            result = run_echo_test(speaker, microphone, tmp_path / "echo-test.wav")
        finally:
            microphone.close()
    assert result.heard == (room is not None), (result.correlation, result.echo_db)
    assert ("loudspeakers" if room else "fine") in result.advice()
    assert not (tmp_path / "echo-test.wav").exists()
