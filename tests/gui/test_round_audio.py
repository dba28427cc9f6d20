"""A round with the real parts: pyttsx3 speaks into the PulseAudio sink `spk`, an espeak-ng answer
is played into the sink `mic`, the Microphone records `mic.monitor`, tiny.en transcribes it live,
and the review shows it. The round clock is a fake one, so the test ends the round at once."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.app import real_adapters
from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from speech_oracle import MIN_RECALL, recall_of
from test_whole_round import open_real_window

pytestmark = pytest.mark.audio

ANSWER = "Um, so what is the latency target? <break time=\"700ms\"/> Uh, I would start with a simple baseline model."


@pytest.fixture(scope="module")
def whisper_model():
    from interviewer.adapters.transcription import load_model

    return load_model()


def _require_pulse() -> None:
    how = "run the tests with ./bootstrap.sh test (it starts PulseAudio with tools/virtual-audio.sh)"
    for tool in ("pactl", "paplay", "espeak-ng"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed; {how}", pytrace=False)
    info = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=10)
    if info.returncode != 0 or "Default Source: mic.monitor" not in info.stdout:
        pytest.fail(f"PulseAudio with the virtual microphone is not running; {how}", pytrace=False)


def test_round_with_real_speech_microphone_and_transcription(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                             whisper_model):
    _require_pulse()
    answer_wav = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-m", "-s", "150", "-w", str(answer_wav), f"<speak>{ANSWER}</speak>"],
                   check=True, timeout=60)
    bundled, user = script_dirs
    clock = FakeClock()
    services = AppServices(
        load_scripts=lambda: ScriptList(discover_scripts(bundled, user).scripts),
        clock=clock,
        make_speaker=real_adapters.make_speaker,
        make_recorder=real_adapters.make_recorder,
        make_live_transcriber=real_adapters.make_live_transcriber,
        load_model=lambda _s: whisper_model,
        open_store=lambda: Store.open(tmp_path / "data"),
    )
    window = open_real_window(qtbot, services, timeout=30000)
    try:
        window.home.select_script("test-design")
        window.home.start_button.click()
        screen = window.round_screen
        # The interviewer speaks the prompt and the question for real; listening starts after.
        qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=60000)
        spoken = [u for u in screen.session.controller.utterances if u.ended_at is not None]
        assert [u.kind for u in spoken][:2] == ["prompt", "question"]
        player = subprocess.Popen(["paplay", "--device=mic", str(answer_wav)])
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
        qtbot.wait(600)
        qtbot.keyClick(screen, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: 1 in screen.session.answers and screen.session.answers[1].analysis is not None,
                        timeout=30000)
        text = screen.transcript.plain_text()
        assert recall_of(ANSWER, text) >= MIN_RECALL, text
        clock.advance(45 * 60)
        qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=60000)
        wait_for_background_work()
        review = window.review_screen
        assert window.current_screen_key() == "review"
        reviewed = review.transcript.toPlainText()
        assert recall_of(ANSWER, reviewed) >= MIN_RECALL, reviewed
        session = window.store().get_session(window.last_session_id)
        first = session.answers[0]
        assert first.question_id == "feed"
        assert window.store().audio_file(first.audio_path) is not None
        assert first.analysis["clarifying_questions"], "the question about latency was recognised"
    finally:
        window.shutdown()
