"""Answers recorded without a transcript are transcribed from their recordings when the review
opens, or as soon as the speech model is ready; the review then shows them."""
from __future__ import annotations

import threading

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber, transcript_of
from test_round import run_round


class DyingTranscriber(FakeTranscriber):
    """The transcription process died during the answer."""

    def finish(self):
        raise RuntimeError("the transcription process ended")


def _window(qtbot, script_dirs, data_dir, clock, model_gate: threading.Event, heard: list):
    bundled, user = script_dirs

    def load_model(_settings):
        model_gate.wait(30)
        return "fake-model"

    def transcribe_file(path, model):
        assert model == "fake-model"
        heard.append(path)
        return transcript_of("um so what is the latency target I would uh start simple")

    services = AppServices(
        load_scripts=lambda: ScriptList(discover_scripts(bundled, user).scripts),
        clock=clock, make_speaker=lambda _s: FakeSpeaker(), make_recorder=lambda _s: FakeRecorder(),
        make_live_transcriber=lambda _model, _s: DyingTranscriber(),
        load_model=load_model, transcribe_file=transcribe_file, open_store=lambda: Store.open(data_dir))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.start_background_loading()
    return window


def _finish_a_round(qtbot, window, clock):
    assert window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    assert window.current_screen_key() == "review"
    return window.store().get_session(window.last_session_id)


def test_answers_whose_live_transcript_failed_are_transcribed_when_the_review_opens(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    gate, heard = threading.Event(), []
    gate.set()  # the model is ready from the start; the live transcripts fail
    window = _window(qtbot, script_dirs, tmp_path / "data", FakeClock(), gate, heard)
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    clock = window.services.clock
    session = _finish_a_round(qtbot, window, clock)
    recorded = [a for a in session.answers if a.audio_path]
    assert recorded

    qtbot.waitUntil(lambda: len(heard) == len(recorded) and not window.review.transcribing, timeout=10000)
    wait_for_background_work()
    after = window.store().get_session(session.id)
    assert all(a.transcript is not None and a.analysis for a in after.answers if a.audio_path)
    assert {p.name for p in heard} == {f"answer-{a.id}.wav" for a in recorded}
    assert any(a.analysis["fillers"] for a in after.answers if a.analysis)
    # The review on screen was refreshed with the new transcripts.
    shown = window.review_screen.session
    assert shown.id == session.id and all(a.transcript is not None for a in shown.answers if a.audio_path)
    assert "from their recording" in window.banner.history[-1][1] or "from its recording" in window.banner.history[-1][1]
    # Opening the review again has nothing left to do.
    heard.clear()
    window.review.open(session.id)
    wait_for_background_work()
    assert heard == []


def test_a_review_waits_for_the_model_then_transcribes(qtbot, isolated_dirs, script_dirs, tmp_path):
    gate, heard = threading.Event(), []  # the model is still loading through the whole round
    clock = FakeClock()
    window = _window(qtbot, script_dirs, tmp_path / "data", clock, gate, heard)
    session = _finish_a_round(qtbot, window, clock)
    assert not window.model_status.ready
    assert all(a.transcript is None for a in session.answers)
    assert "when the speech model is ready" in window.banner.history[-1][1]
    assert heard == []

    gate.set()
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    recorded = [a for a in session.answers if a.audio_path]
    qtbot.waitUntil(lambda: len(heard) == len(recorded) and not window.review.transcribing, timeout=10000)
    wait_for_background_work()
    after = window.store().get_session(session.id)
    assert all(a.transcript is not None for a in after.answers if a.audio_path)


def test_a_spoken_debrief_answer_saved_before_the_model_was_ready_gets_its_text(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    gate, heard = threading.Event(), []
    clock = FakeClock()
    window = _window(qtbot, script_dirs, tmp_path / "data", clock, gate, heard)
    session = _finish_a_round(qtbot, window, clock)
    window.review_screen.debrief_button.click()
    debrief = window.debrief_screen
    debrief.items[1].text.setPlainText("Typed while waiting.")
    made = []
    window.services.make_recorder = lambda _s: made.append(FakeRecorder()) or made[-1]
    debrief.items[0].record_button.click()
    assert made and made[0].paths and not made[0].closed
    debrief.items[0].record_button.click()  # stop: saved, not transcribed (no model yet)
    assert made[0].closed  # the microphone is let go after the answer
    assert "transcribed once the speech model is ready" in window.banner.history[-1][1]
    assert debrief.items[0].text.toPlainText() == ""

    gate.set()  # the model is ready: the round's answers and the spoken debrief answer get text
    qtbot.waitUntil(lambda: "latency target" in debrief.items[0].text.toPlainText(), timeout=10000)
    wait_for_background_work()
    assert debrief.items[1].text.toPlainText() == "Typed while waiting."  # what was typed stays
    after = window.store().get_session(session.id)
    spoken = next(d for d in after.debrief if d.prompt == debrief.items[0].prompt.text)
    assert "latency target" in spoken.text
    assert all(a.transcript is not None for a in after.answers if a.audio_path)
    assert "spoken debrief answer" in window.banner.history[-1][1]


def test_transcription_that_stopped_for_good_is_shown_and_the_round_still_records(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    from interviewer.app.transcription_process import TranscriptionStopped

    gate, heard = threading.Event(), []
    gate.set()
    clock = FakeClock()
    window = _window(qtbot, script_dirs, tmp_path / "data", clock, gate, heard)
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)

    def stopped(_model, _settings):
        raise TranscriptionStopped("transcription stopped: the transcription process ended 4 times")

    window.services.make_live_transcriber = stopped
    states = []
    window.model_status.changed.connect(lambda state, message: states.append((state, message)))
    session = _finish_a_round(qtbot, window, clock)
    assert states and states[0][0] == "failed"
    assert "Transcription stopped" in states[0][1] and "Settings" in states[0][1]
    assert not window.model_status.ready
    # Every answer was still recorded; the review waits for a working model to transcribe them.
    assert session.answers and all(window.store().audio_file(a.audio_path) for a in session.answers)
    assert heard == []
    # Saving Settings, even with the same model, starts it again; the waiting review catches up.
    window.apply_settings(window.services.settings)
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    qtbot.waitUntil(lambda: len(heard) == len(session.answers) and not window.review.transcribing, timeout=10000)


def test_the_transcribing_message_counts_in_words():
    """'Transcribing 1 recording that have no transcript yet...' at a trial's restart after a crash."""
    from interviewer.gui.review_controller import transcribing_message

    assert transcribing_message(1) == "Transcribing 1 recording that has no transcript yet..."
    assert transcribing_message(3) == "Transcribing 3 recordings that have no transcript yet..."


def test_an_answer_dropped_while_the_review_catches_it_up_leaves_the_review(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    """A trial's phone screen ended while the interviewer asked a follow-up: the second of
    recording after it had no transcript yet when the review opened, and the round dropped it
    as empty while the review was transcribing it. The banner said 'Recordings without a
    transcript could not be transcribed: no answer with id 19' and the review kept a row
    '0 words, No transcript' for an answer that no longer existed."""
    gate, heard = threading.Event(), []
    gate.set()
    window = _window(qtbot, script_dirs, tmp_path / "data", FakeClock(), gate, heard)
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    session = _finish_a_round(qtbot, window, window.services.clock)
    recorded = [a for a in session.answers if a.audio_path]
    assert len(recorded) >= 2
    qtbot.waitUntil(lambda: not window.review.transcribing, timeout=10000)
    wait_for_background_work()
    # Back to a round whose last answer has no transcript yet, as when it was saved.
    store = window.store()
    last = recorded[-1]
    with store._write("test") as db:
        db.execute("UPDATE answers SET transcript_json = NULL, analysis_json = NULL WHERE id = ?", (last.id,))
    plain = window.services.transcribe_file

    def transcribe_file(path, model):
        if path.name == f"answer-{last.id}.wav":
            store.drop_answer(last.id)  # what the round's writer thread did meanwhile
        return plain(path, model)

    window.services.transcribe_file = transcribe_file
    window.banner.history.clear()
    window.review.open(session.id)
    qtbot.waitUntil(lambda: not window.review.transcribing, timeout=10000)
    wait_for_background_work()
    qtbot.wait(50)
    said = " ".join(text for _level, text in window.banner.history)
    assert "no answer with id" not in said and "could not be transcribed" not in said, said
    assert window.banner.label.text().strip() or window.banner.isHidden()
    assert last.id not in [a.id for a in window.review_screen.session.answers]
    # Home counts the answers again (a trial's Home said '(8 answers)' beside a review and
    # `sessions list` of 7: it had counted them when the round was saved).
    from interviewer.app.labels import count_text

    count = next(s.answer_count for s in store.list_sessions() if s.id == session.id)
    assert f"({count_text(count, 'answer')})" in window.home.recent_list.item(0).text(), \
        (count, window.home.recent_list.item(0).text())
