"""Trial 27: a question met with silence, then End round, vanished from the review, the exports
and "questions reached". Real engine, controller, session, store, analysis, review screen and
Markdown export; fake speech and microphone; a transcriber that hears nothing on that question."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from gui_fakes import ANSWER_TEXT, FakeTranscriber
from test_round import make_window
from test_round_screen_turns import past_the_beat, start, tick_until


class Candidate:
    def __init__(self) -> None:
        self.silent = False

    def transcriber(self, _model, _settings):
        return FakeTranscriber("" if self.silent else ANSWER_TEXT)


def test_a_question_met_with_silence_then_end_round_is_shown_as_asked_everywhere(qtbot, isolated_dirs, script_dirs,
                                                                                 tmp_path):
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report

    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    candidate = Candidate()
    window.services.make_live_transcriber = candidate.transcriber
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    clock.advance(20)
    candidate.silent = True  # the next question's recording will hear nothing
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: controller.status == "listening" and len(controller.answers) == 2)
    silent = controller.current_answer
    clock.advance(30)  # silent on it, then End round
    assert screen.ask_to_end_round() is True  # "End the round?" - End the round
    screen.stop_round()
    tick_until(qtbot, screen, lambda: controller.finished)
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()

    assert not silent.dropped and silent.ended_by == "stopped"
    stored = window.store().get_session(window.last_session_id)
    assert len(stored.answers) == 2
    kept = stored.answers[-1]
    assert kept.question_text == silent.question_text and not kept.transcript.text
    assert [f.kind for f in stored.findings if f.answer_id == kept.id] == ["no_speech"]
    script = discover_scripts(*script_dirs).by_id("test-design")
    md = render_markdown(build_report(stored, script=script))
    assert f"### 2. {silent.question_text}" in md and "No speech was heard in this answer" in md
    assert "**Answers:** 2" in md
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    qtbot.wait(50)
    review = window.review_screen
    shown = review.transcript.toPlainText() + " ".join(
        review.findings.item(i).text() for i in range(review.findings.count()))
    assert silent.question_text in shown and "No speech was heard in this answer" in shown
    window.shutdown()
