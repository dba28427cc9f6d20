"""The Check screen's echo check (issue 12): with loudspeakers the microphone hears the
interviewer and the screen recommends headphones; with headphones it says all is fine. Real
speaker and microphone on the virtual devices (benchmarks/barge_in.py's own null sinks, with a
simulated room for loudspeakers); the window stays responsive while it runs."""
import sys
from pathlib import Path

import pytest

from interviewer.core.clock import FakeClock

from test_round import make_window

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import barge_in  # noqa: E402


@pytest.mark.audio
@pytest.mark.parametrize("room, expected", [(barge_in.Room(0.3, 0.4, 3.0, 1), "headphones are better"),
                                            (None, "fine")], ids=["loudspeakers", "headphones"])
def test_the_echo_check_recommends_headphones_only_with_loudspeakers(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                    room, expected):
    from interviewer.adapters.microphone import Microphone
    from interviewer.adapters.speaker import Speaker

    speaker = Speaker()
    try:
        with barge_in.virtual_room(room):
            window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=speaker)
            window.services.make_recorder = lambda _settings: Microphone()
            window.check.open(None)
            check = window.check_screen
            check.echo_button.click()
            assert "stay quiet" in check.echo_status.text() and not check.echo_button.isEnabled()
            qtbot.waitUntil(check.echo_button.isEnabled, timeout=60000)
        assert expected in check.echo_status.text().lower(), check.echo_status.text()
        assert not list((tmp_path / "data").glob("echo-test*"))  # the test recording is not kept
    finally:
        speaker.close()
