"""A round stores the audio setup it ran with (headphones: barge-in on; loudspeakers: off), and
the setup found during it (the interviewer heard through loudspeakers): answers transcribed
after the round take out the interviewer's echo only with loudspeakers, as the live ones
(app/backfill.transcribe_missing, core.echo_filter.may_echo)."""
from __future__ import annotations

import pytest

from interviewer.app.round_session import RoundSession, RoundSessionConfig
from interviewer.core.analysis.version import ANALYSIS_VERSION
from interviewer.core.clock import FakeClock
from interviewer.core.echo_filter import HEADPHONES, LOUDSPEAKERS
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import discover_scripts
from interviewer.storage import Store

from gui_fakes import FakeRecorder, FakeSpeaker


@pytest.mark.parametrize(("barge_in", "setup"), [(True, HEADPHONES), (False, LOUDSPEAKERS)])
def test_a_round_stores_its_audio_setup_and_the_current_analysis_version(tmp_path, script_dirs, isolated_dirs,
                                                                          barge_in, setup):
    script = discover_scripts(*script_dirs).by_id("test-design")
    with Store.open(tmp_path / "data") as store:
        config = RoundSessionConfig(controller=ControllerSettings(barge_in=barge_in, speakers_checked=True))
        session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=FakeRecorder(),
                               store=store, config=config)
        try:
            stored = store.get_session(session.session_id)
            assert stored.audio_setup == setup
            assert stored.analysis_version == ANALYSIS_VERSION
        finally:
            session.stop()
            session.close()


def test_loudspeakers_found_during_the_round_are_stored(tmp_path, script_dirs, isolated_dirs):
    script = discover_scripts(*script_dirs).by_id("test-design")
    with Store.open(tmp_path / "data") as store:
        config = RoundSessionConfig(controller=ControllerSettings(barge_in=True, speakers_checked=False))
        session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=FakeRecorder(),
                               store=store, config=config)
        try:
            assert store.get_session(session.session_id).audio_setup == HEADPHONES
            session._loudspeakers_heard()  # the round's own echo check heard the interviewer
            assert store.get_session(session.session_id).audio_setup == LOUDSPEAKERS
        finally:
            session.stop()
            session.close()
