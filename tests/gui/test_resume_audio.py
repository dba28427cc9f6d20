"""The candidate goes on over the interviewer's acknowledgement, with the real parts: espeak-ng
through PulseAudio's virtual devices (tools/virtual-audio.sh), the real voice detector,
microphone, Whisper tiny.en and store. A human trial found the follow-up shown unsaid and the
candidate's further words scored as its answer. Here the acknowledgement stops as a barge-in
does, the follow-up is not said until the answer really ends, and the words are stored as more
of the same answer."""
from __future__ import annotations

import os
import textwrap
import time

import pytest

from interviewer.app import real_adapters
from interviewer.app.services import AppServices, ScriptList
from interviewer.app.settings import AppSettings, save_settings
from interviewer.core import round_controller
from interviewer.core.clock import MonotonicClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store

from test_whole_round import clip_player, open_real_window, own_virtual_devices, speak_to_file, whisper_model  # noqa: F401

pytestmark = pytest.mark.audio

SCRIPT = textwrap.dedent('''
    id = "resume-round"
    title = "Rank a feed"
    kind = "ml_system_design"
    minutes = 45
    description = "One question and its follow-up."

    [[phases]]
    id = "design"
    name = "Design"
    minutes = 45
    prompt = "Let's design."

    [[questions]]
    id = "feed"
    phase = "design"
    text = "How would you rank the posts in a news feed?"

    [[questions.follow_ups]]
    id = "scale"
    text = "How many users would the system serve?"
''')

FIRST = "I would rank the posts with a model trained on clicks."
GOES_ON = "And then I would re-rank the top results for diversity."
# Long enough to talk over on purpose (the app's "Okay, thanks." is under a second); the path
# that stops it is the same.
ACKNOWLEDGEMENT = "Okay, thank you, that gives me a clear picture of the first step."


def test_going_on_over_the_acknowledgement_with_the_real_parts(qtbot, isolated_dirs, tmp_path, whisper_model,
                                                               confirmations, monkeypatch):
    monkeypatch.setattr(round_controller, "ACKNOWLEDGEMENTS", (ACKNOWLEDGEMENT,))
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "resume.toml").write_text(SCRIPT)
    first_clip, goes_on_clip = (speak_to_file(text, tmp_path / f"candidate-{i}.wav")
                                for i, text in enumerate((FIRST, GOES_ON)))
    settings = AppSettings(end_answer_after_silence=30.0)  # the keys end answers here
    save_settings(settings)
    with own_virtual_devices(f"resume{os.getpid()}") as (spk, mic):
        services = AppServices(
            settings=settings,
            load_scripts=lambda: ScriptList(discover_scripts(folder, tmp_path / "none").scripts),
            clock=MonotonicClock(),
            make_speaker=real_adapters.make_speaker,
            make_recorder=real_adapters.make_recorder,
            make_live_transcriber=real_adapters.make_live_transcriber,
            load_model=lambda _s: whisper_model,
            open_store=lambda: Store.open(tmp_path / "data"),
        )
        window = open_real_window(qtbot, services)
        play = clip_player(qtbot, mic)

        from PySide6.QtCore import Qt

        try:
            window.home.select_script("resume-round")
            window.home.start_button.click()
            screen = window.round_screen
            controller = screen.session.controller
            real_speaker = window.speaker.speaker
            qtbot.waitUntil(lambda: controller.status == "listening"
                            and controller.current_answer.question_id == "feed", timeout=60000)
            play(first_clip)
            qtbot.wait(300)
            qtbot.keyClick(screen, Qt.Key.Key_Space)

            def acknowledging():  # audibly: its voice is being handed to the device
                u, end = controller.utterances[-1], real_speaker.playback.last_end()
                return (u.kind == "acknowledgement" and u.ended_at is None and end is not None
                        and end > time.monotonic())
            qtbot.waitUntil(acknowledging, timeout=30000)
            qtbot.wait(300)
            ack = controller.utterances[-1]
            real_speaker.stopped_at = None
            first_word = play(goes_on_clip)
            assert ack.interrupted, "the interviewer went on talking over the candidate"
            stopped_after = real_speaker.stopped_at - first_word
            # Wall time from launching paplay (see test_whole_round.py; the 300 ms is timed in
            # the microphone stream's samples by tests/adapters/test_barge_in_devices.py).
            assert stopped_after <= 1.0, f"the acknowledgement stopped {stopped_after:.2f} s after the candidate spoke"
            said = [(u.kind, u.text) for u in controller.utterances]
            assert not any(kind == "follow_up" for kind, _ in said), said
            going_on = controller.current_answer
            assert going_on is not None and going_on.resumed and going_on.question_id == "feed"
            assert controller.status == "listening" and screen.status.text().startswith("Listening")
            assert "How many users" not in screen.question.text()

            qtbot.wait(300)
            qtbot.keyClick(screen, Qt.Key.Key_Space)  # now the answer is over: the follow-up comes
            qtbot.waitUntil(lambda: controller.status == "listening"
                            and controller.current_answer.follow_up_id == "scale", timeout=60000)
            follow_ups = [u for u in controller.utterances if u.kind == "follow_up"]
            assert len(follow_ups) == 1 and not follow_ups[0].interrupted and follow_ups[0].spoken
            screen.confirm_stop_round()
            qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=30000)
            wait_for_background_work()
            stored = window.store().get_session(window.last_session_id)
            # (the follow-up's stretch, ended before a word, is dropped)
            assert [(a.question_id, a.follow_up_id) for a in stored.answers] == [("feed", None), ("feed", None)]
            went_on = stored.answers[1]
            assert "diversity" in went_on.transcript.text.lower(), went_on.transcript.text
            assert went_on.analysis["response_latency"] is None
            print(f"acknowledgement stopped {stopped_after * 1000:.0f} ms after the candidate's first word "
                  f"(wall time from paplay); pause before going on {went_on.analysis.get('pause_before')} s")
        finally:
            window.shutdown()
