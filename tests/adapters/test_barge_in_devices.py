"""Barge-in on the virtual devices (its own null sinks, see benchmarks/barge_in.py): the
interviewer speaks through the real Speaker, the candidate's espeak-ng question is played into
the microphone sink while it talks, from its first words or mid-sentence; the VoiceDetector
hears it in the Microphone's round recording within 300 ms of the voice in the microphone
stream, and the interviewer stops. The round recording holds the question.
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
    assert alone["onsets"]["aware"] == []  # the interviewer alone, into headphones: no barge-in
    # From the interviewer's first words (before anything could be learned about the echo) and
    # mid-sentence.
    for talk_after in (0.3, 2.0):
        result = barge_in.trial(speaker, candidate, tmp_path, room=None, talk_after=talk_after)
        assert len(result["onsets"]["aware"]) == 1, talk_after
        # The 300 ms is the detector's, counted in the microphone stream's samples from the
        # candidate's first sound to the block it fired on: no scheduling in it. The wall time
        # from that block to the aborted stream is the machine's (a starved CI machine once took
        # 1.1 s in all); it is only bounded here, and the benchmark prints both parts.
        parts = {key: result[key] for key in ("detected_after", "stop_took", "heard_latency", "latency",
                                              "calibrated_when_stopped")}
        parts["talk_after"] = talk_after
        assert result["detected_after"] is not None and 0 < result["detected_after"] <= 0.3, parts
        assert 0 <= result["stop_took"] < 1.0, parts
        assert 0 < result["latency"] < 3.0, parts  # stopped after the candidate began, while still talking
        # Nothing said is lost: the round recording holds the candidate's whole question.
        info = soundfile.info(result["recording"])
        assert info.samplerate == 16000 and info.duration > soundfile.info(candidate).duration


@pytest.mark.audio
def test_through_loudspeakers_the_interviewers_own_voice_is_rarely_taken_for_the_candidate(pulse, tmp_path, speaker):
    # The simulated room is a relay process; on a busy machine it can starve and leave gaps in the
    # echo (seen: the plain detector heard 23 % of it; and with 3 starved blocks the shifted echo
    # fooled the echo-aware detector four times, load average 12). Such a trial says nothing about
    # the detector, so up to five are run and the first whose echo arrived whole and on time is judged.
    # The relay (parec | room | pacat) keeps its echo on time through a starved stretch: a gap, not
    # a shift. Its PortAudio predecessor underran at every start (a new null sink's monitor is
    # silent for 2 s), so no try was ever whole and under load the fifth, shifted one was judged.
    for _ in range(5):
        result = barge_in.trial(speaker, None, tmp_path, room=barge_in.Room(0.3, 0.4, 3.0, 1), stopper=None)
        if result["voiced"]["plain"] > 0.4 and not result["relay_xruns"]:
            break
    assert result["onsets"]["plain"], "the echo did not reach the microphone"
    # The plain detector takes most of the interviewer's voice for the candidate; the echo-aware
    # one almost none of it. It can still be fooled once in a while (measured: 1 run in 4 at
    # this echo level, docs/analysis.md), so one onset is tolerated, not two.
    # A failure says how often the relay was starved meanwhile (each starved block shifts the echo).
    seen = (result["voiced"], result["onsets"], f"relay starved {result['relay_xruns']} blocks")
    assert result["voiced"]["plain"] > 0.4, seen
    assert result["voiced"]["aware"] < result["voiced"]["plain"] / 5, seen
    assert len(result["onsets"]["aware"]) <= 1, seen


@pytest.mark.audio
@pytest.mark.parametrize("room", [None, barge_in.Room(0.3, 0.4, 3.0, 1)], ids=["headphones", "loudspeakers"])
def test_the_device_check_tells_loudspeakers_from_headphones(pulse, tmp_path, speaker, room):
    from interviewer.adapters.microphone import Microphone
    from interviewer.app.echo_test import run_echo_test

    with barge_in.virtual_room(room) as health:
        microphone = Microphone()
        try:
            result = run_echo_test(speaker, microphone, tmp_path / "echo-test.wav")
        finally:
            microphone.close()
    assert result.heard == (room is not None), (result.correlation, result.echo_db, f"relay starved {health.xruns} blocks")
    assert ("loudspeakers" if room else "fine") in result.advice()
    assert not (tmp_path / "echo-test.wav").exists()
