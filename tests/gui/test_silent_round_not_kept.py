"""A round left during its opening without a word (trial25: Ctrl+Q, "Quit and end the round")
was kept as "ended early · 0 answers" in the history, Progress and the plan. Nothing said, typed
or answered: it is not kept. Anything the candidate did, and every recording of it, is."""
from __future__ import annotations

import numpy as np
import pytest

from interviewer.app.round_session import RoundSession, RoundSessionConfig
from interviewer.core.clock import FakeClock
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_records import NOTHING_SAID_NOTE, round_worth_keeping
from interviewer.core.scripts.loader import discover_scripts
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter

from gui_fakes import FakeRecorder, FakeSpeaker


class HeldSpeaker(FakeSpeaker):
    """The opening is still being said when the candidate quits."""

    def say(self, text, on_done=None):
        self.said.append(text)


class RoundRecorder(FakeRecorder):
    """Writes the round recording as a real WAV; `block` is what the microphone hears."""

    def __init__(self, block: np.ndarray) -> None:
        super().__init__()
        self.block = block

    def start_round(self, path, on_block=None):
        self.round = CrashSafeWavWriter(path, fsync=False)
        self.round.write(self.block)
        for start in range(0, self.block.size, 1600):  # 0.1 s blocks, as the microphone gives them
            on_block(self.block[start:start + 1600])

    def stop_round(self):
        self.round.close()


QUIET = np.zeros(16000 * 3, dtype=np.float32)


def _voice() -> np.ndarray:
    """Room quiet, then two seconds of a voice-loud tone."""
    t = np.arange(16000 * 2) / 16000
    return np.concatenate([QUIET, (0.3 * np.sin(2 * np.pi * 180 * t)).astype(np.float32)])


def _quit_during_opening(tmp_path, script_dirs, block, typed=""):
    store = Store.open(tmp_path / "data")
    saved = []
    script = discover_scripts(*script_dirs).by_id("test-design")
    # Loudspeakers: talking over the opening starts no answer, so only the round recording has it.
    config = RoundSessionConfig(controller=ControllerSettings(barge_in=False, speakers_checked=True))
    session = RoundSession(script, FakeClock(), speaker=HeldSpeaker(), recorder=RoundRecorder(block), store=store,
                           config=config, on_saved=saved.append, post=lambda fn: fn())
    session.start()
    session.poll()
    assert session.controller.answers == []  # still in the opening: no question asked, nothing answered
    if typed:
        session.set_scratchpad(typed)
    round_wav = session.round_audio_path
    session.stop()  # Quit and end the round
    session.close()
    return store, session, saved, round_wav


def test_a_round_quit_during_its_opening_without_a_word_is_not_kept(tmp_path, script_dirs, isolated_dirs):
    store, session, saved, round_wav = _quit_during_opening(tmp_path, script_dirs, QUIET)
    try:
        assert store.list_sessions() == []
        assert not round_wav.exists() and not round_wav.parent.exists()
        assert saved == [None] and session.not_kept == NOTHING_SAID_NOTE
    finally:
        store.close()


@pytest.mark.parametrize("heard, typed", [(True, ""), (False, "ask about latency")])
def test_a_round_with_a_voice_heard_or_a_line_typed_is_kept_with_its_recording(tmp_path, script_dirs, isolated_dirs,
                                                                              heard, typed):
    store, session, saved, round_wav = _quit_during_opening(tmp_path, script_dirs, _voice() if heard else QUIET,
                                                           typed)
    try:
        assert bool(session.voice.onsets) is heard
        sessions = store.list_sessions()
        assert [s.id for s in sessions] == saved == [session.session_id]
        assert round_wav.exists() and session.not_kept is None
    finally:
        store.close()


def test_the_rule_keeps_a_voice_or_typing():
    assert not round_worth_keeping([], False, "  \n")
    assert round_worth_keeping([], True, "")
    assert round_worth_keeping([], False, "x")
