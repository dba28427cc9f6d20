"""Trial 35 D11: a round started with no microphone (banner "Nothing is recorded in this round")
and ended at once was kept as "ended after 0.2 of 45 min (1 answer)" with "No transcript.", while
the same round with a working microphone was not kept ("Nothing was said or typed"). One rule: an
answer with nothing recorded and no transcript is nothing said (round_records.said_something)."""
from __future__ import annotations

import time
from pathlib import Path

from interviewer.app.round_session import RoundSession, RoundSessionConfig
from interviewer.core.clock import FakeClock
from interviewer.core.round_records import NOTHING_SAID_NOTE, AnswerRecord, round_worth_keeping
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import discover_scripts
from interviewer.storage import Store

from gui_fakes import FakeSpeaker


class NoMicrophone:
    """As the sounddevice recorder without an input device: every start fails."""

    def start_round(self, path, on_block=None):
        raise RuntimeError("No microphone was found.")

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        raise RuntimeError("No microphone was found.")

    def stop(self):
        return None

    def close(self):
        pass


def test_a_round_with_no_microphone_ended_at_once_is_not_kept(tmp_path, script_dirs, isolated_dirs):
    store = Store.open(tmp_path / "data")
    saved = []
    script = discover_scripts(*script_dirs).by_id("test-design")
    config = RoundSessionConfig(controller=ControllerSettings(barge_in=False, speakers_checked=True))
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=NoMicrophone(), store=store,
                           config=config, on_saved=saved.append, post=lambda fn: fn())
    try:
        session.start()
        for _ in range(200):  # the opening is said on another thread; then the first answer starts
            session.poll()
            if session.controller.answers:
                break
            time.sleep(0.01)
        assert session.controller.answers and session.controller.answers[0].wav_path is None
        session.stop()  # Ctrl+E, E
        session.close()
        assert store.list_sessions() == []
        assert saved == [None] and session.not_kept == NOTHING_SAID_NOTE
    finally:
        store.close()


def _record(wav_path):
    return AnswerRecord(index=0, question_id=None, follow_up_id=None, question_text="Tell me about yourself.",
                        phase="intro", asked_at=0.0, started_at=1.0, wav_path=wav_path)


def test_nothing_recorded_is_nothing_said_but_a_recording_not_yet_transcribed_is_kept():
    assert not round_worth_keeping([_record(None)], False, "")
    assert round_worth_keeping([_record(Path("answer-1.wav"))], False, "")
