"""A noisy room is not a voice: the end of a real recording (tests/data/human/mfa_cold_corpus3_end,
a man with a cold saying "...alright thanks" in a room at about -43 dBFS), then that room. With
the fixed thresholds (-45 dBFS silence, -42 voice) the room counted as speech: the answer never
ended on silence, and the voice detector took a third of the room's frames for the candidate
(each onset, with the interviewer talking, a false barge-in). benchmarks/human_live.py measures
the same on the human speech set."""
from pathlib import Path

import numpy as np
import soundfile

from interviewer.adapters.resample import rms_dbfs
from interviewer.adapters.voice import VoiceDetector
from interviewer.app.silence_tracker import SilenceTracker
from interviewer.core.noise_floor import NoiseFloor
from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER

CLIP = Path(__file__).resolve().parents[1] / "data" / "human" / "mfa_cold_corpus3_end.flac"
BLOCK = 1600  # the microphone's 0.1 s


def _speech_and_room() -> tuple[np.ndarray, np.ndarray]:
    audio, rate = soundfile.read(str(CLIP), dtype="float32")
    assert rate == 16000
    blocks = [audio[b:b + BLOCK] for b in range(0, audio.size - BLOCK + 1, BLOCK)]
    levels = np.array([rms_dbfs(b) for b in blocks])
    quiet = np.concatenate([b for b, level in zip(blocks, levels) if level <= np.percentile(levels, 10)])
    return audio, np.resize(quiet, 10 * 16000).astype(np.float32)  # 10 s of the recording's room


def _blocks(audio):
    return (audio[b:b + BLOCK] for b in range(0, audio.size - BLOCK + 1, BLOCK))


def test_silence_in_a_noisy_room_ends_the_answer():
    speech, room = _speech_and_room()
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    for block in _blocks(speech):
        clock[0] += 0.1
        tracker.level(rms_dbfs(block))
    assert 0.0 in reports  # the words were speech
    reports.clear()
    for block in _blocks(room):
        clock[0] += 0.1
        tracker.level(rms_dbfs(block))
    assert reports and max(reports) >= DEFAULT_SILENCE_ENDS_ANSWER, reports[-5:]


def test_a_noisy_room_is_not_taken_for_a_voice_and_speech_still_is():
    speech, room = _speech_and_room()
    clock, onsets = [0.0], []
    detector = VoiceDetector(lambda: onsets.append(clock[0]), None, headphones=True, now=lambda: clock[0])
    for audio in (room, speech, room):
        for block in _blocks(audio):
            clock[0] += 0.1
            before = detector.voiced_frames
            detector.process(block)
            if audio is room and clock[0] > 11.0:  # the room after the words (and the release)
                assert detector.voiced_frames == before, f"room taken for a voice at {clock[0]:.1f} s"
    # The candidate starting to talk in that room is still heard at once (barge-in).
    assert onsets and 10.0 < onsets[0] <= 10.6, onsets


def test_the_floor_follows_the_quietest_recent_level():
    room = NoiseFloor(window_s=5.0, margin_db=9.0)
    assert room.threshold(-45.0, 0.0) == -45.0  # nothing heard yet
    room.add(-80.0, 0.0)
    assert room.threshold(-45.0, 6.0) == -45.0  # gone from the window: nothing known
    for k in range(30):  # 3 s of a room at -40 with a voice every other block
        room.add(-40.0 if k % 2 else -20.0, k * 0.1)
    assert room.floor(2.9) == -40.0 and room.threshold(-45.0, 2.9) == -31.0
    for k in range(30, 100):  # the fan stops: a quiet room
        room.add(-80.0, k * 0.1)
    assert room.threshold(-45.0, 9.9) == -45.0  # never below the fixed threshold


def _quiet_room(seconds: float) -> np.ndarray:
    return (np.random.default_rng(0).standard_normal(int(seconds * 16000)) * 1e-4).astype(np.float32)  # -80 dBFS


def _silence_reports(audio: np.ndarray) -> list[float]:
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    for block in _blocks(audio):
        clock[0] += 0.1
        tracker.level(rms_dbfs(block))
        tracker.sound(block)  # the microphone hands the block over after its level
    return reports


def test_a_quiet_creaky_voice_is_speech_not_silence():
    """The MFA speaker's creaky voice (tests/data/human/mfa_creaky_quiet.flac) sits at -49 to
    -61 dBFS, under the -45 threshold: 10 s of it counted as 10 s of silence, and the answer
    was ended while he talked."""
    voice, _ = soundfile.read(str(CLIP.with_name("mfa_creaky_quiet.flac")), dtype="float32")
    talking = np.concatenate([_quiet_room(1.0)] + [voice] * 9)
    reports = _silence_reports(talking)
    assert 0.0 in reports and max(reports) < DEFAULT_SILENCE_ENDS_ANSWER, max(reports)


def test_audible_breaths_between_silences_are_not_speech():
    """A real breath (tests/data/human/mfa_breath.flac, -51 to -56 dBFS, as loud as the quiet
    voice) every 3 s: the candidate stopped talking, and the silence still ends the answer."""
    breath, _ = soundfile.read(str(CLIP.with_name("mfa_breath.flac")), dtype="float32")
    breathing = np.concatenate([_quiet_room(1.0)] + [np.concatenate([breath, _quiet_room(2.2)])] * 4)
    assert max(_silence_reports(breathing)) >= DEFAULT_SILENCE_ENDS_ANSWER
