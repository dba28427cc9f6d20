"""Pressing N (the candidate is done) before saying anything stored an empty ~2.3 s "answer"
that was then scored ("No speech was heard..."): after a question that came right after an
answer, and after Space started adding to an answer in the last part (now: after the interviewer
handed the floor to the candidate's questions). Real engine, controller,
session, store, analysis and screen; fake speech and microphone; a transcriber that hears
words, or none when the candidate says nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from gui_fakes import ANSWER_TEXT, FakeTranscriber
from test_round import make_window
from test_round_screen_turns import past_the_beat, start, tick_until


class Candidate:
    """What the next recording will hold: words, or nothing."""

    def __init__(self) -> None:
        self.silent = False

    def transcriber(self, _model, _settings):
        return FakeTranscriber("" if self.silent else ANSWER_TEXT)


def test_n_before_saying_anything_stores_and_scores_no_empty_answer(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    candidate = Candidate()
    window.services.make_live_transcriber = candidate.transcriber
    screen = start(qtbot, window)
    controller, engine = screen.session.controller, screen.session.engine
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    clock.advance(20)
    candidate.silent = True  # the follow-up's recording will hear nothing
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and controller.current_answer.follow_up_id == "metric")
    clock.advance(2.3)
    candidate.silent = False
    qtbot.keyClick(screen, Qt.Key.Key_N)  # done with this part, without a word
    tick_until(qtbot, screen, lambda: engine.current_phase.id == "design" and controller.status == "listening")
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_N)
    tick_until(qtbot, screen, lambda: engine.current_phase.id == "wrap" and controller.status == "listening")
    clock.advance(20)
    candidate.silent = True  # nothing to ask when the floor is handed over
    qtbot.keyClick(screen, Qt.Key.Key_Space)  # the changed constraint answered
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and controller.current_answer.question_id is None)
    assert speaker.said[-1] == controller.settings.your_turn_text
    clock.advance(2.3)
    qtbot.keyClick(screen, Qt.Key.Key_N)  # "I'm done": the round ends, as the key says
    tick_until(qtbot, screen, lambda: controller.finished)
    assert speaker.said[-1] == controller.settings.early_closing_text
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()

    dropped = [r for r in controller.answers if r.dropped]
    assert [(r.follow_up_id, r.ended_by, r.continuation) for r in dropped] == [
        ("metric", "next", False), (None, "next", False)]
    stored = window.store().get_session(window.last_session_id)
    assert len(stored.answers) == len(controller.answers) - 2
    assert all(a.transcript is not None and a.transcript.text for a in stored.answers)
    assert all(a.analysis is not None for a in stored.answers)
    assert not [f for f in stored.findings if f.kind == "no_speech" or "No speech" in f.message]
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    qtbot.wait(50)
    review = window.review_screen
    shown = review.transcript.toPlainText() + " ".join(
        review.findings.item(i).text() for i in range(review.findings.count()))
    assert "No speech was heard" not in shown and "latency target" in shown
    window.shutdown()


def test_the_answer_to_the_wrap_up_prompt_is_reviewed_under_that_prompt(qtbot, isolated_dirs, script_dirs, tmp_path):
    """A new-user run: the closing summary the wrap-up prompt asked for was stored and reviewed
    as more of the previous question ("It's two weeks after launch..." above "To summarize...")."""
    from gui_scripts import SYSTEM_DESIGN_TOML

    bundled, _ = script_dirs
    changed_constraint = ('[[questions.follow_ups]]\nid = "latency-change"\n'
                          'text = "Latency must now be 50 milliseconds. What changes?"\nat_phase = "wrap"\n')
    assert changed_constraint in SYSTEM_DESIGN_TOML
    without_changed_constraint = SYSTEM_DESIGN_TOML.replace('"test-design"', '"test-design-2"').replace(
        changed_constraint, "")
    (bundled / "design2.toml").write_text(without_changed_constraint)
    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    screen = start(qtbot, window, "test-design-2")
    controller, engine = screen.session.controller, screen.session.engine
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    for phase in ("design", "wrap"):
        clock.advance(20)
        qtbot.keyClick(screen, Qt.Key.Key_N)
        tick_until(qtbot, screen, lambda: engine.current_phase.id == phase and controller.status == "listening")
    prompt = controller.current_answer.question_text
    assert "Any questions for me?" in prompt and controller.current_answer.question_id is None
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    tick_until(qtbot, screen, lambda: controller.status == "waiting")
    qtbot.keyClick(screen, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    last = window.store().get_session(window.last_session_id).answers[-1]
    assert (last.question_id, last.follow_up_id, last.question_text) == ("", None, prompt)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    reviewed = window.review_screen.transcript.toPlainText()
    assert reviewed.rindex(prompt) > reviewed.rindex("How do you serve the model?")
    window.shutdown()


def test_a_dropped_part_takes_its_own_recording_with_it(qtbot, isolated_dirs, script_dirs, tmp_path):
    """A new-user trial: after N before saying anything, the session folder held an
    answer-<id>.wav that no row and no screen referred to (the part was dropped, its file was
    left). Every file in the folder is now the round recording or a kept part's recording; the
    round recording is untouched, and deleting the round still removes the folder."""
    clock, window, candidate, screen = _at_the_metric_follow_up_without_a_word(qtbot, script_dirs, tmp_path)
    controller, engine = screen.session.controller, screen.session.engine
    clock.advance(2.3)
    candidate.silent = False
    qtbot.keyClick(screen, Qt.Key.Key_N)  # done with this part, without a word: dropped
    tick_until(qtbot, screen, lambda: engine.current_phase.id == "design" and controller.status == "listening")
    clock.advance(20)
    screen.session.stop()
    tick_until(qtbot, screen, lambda: controller.finished)
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()

    assert [r.follow_up_id for r in controller.answers if r.dropped] == ["metric"]
    store = window.store()
    stored = store.get_session(window.last_session_id)
    folder = store.session_dir(window.last_session_id)
    kept = {store.resolve_audio_path(a.audio_path).name for a in stored.answers}
    assert len(kept) == len(stored.answers) == len(controller.answers) - 1
    round_audio = store.round_audio(window.last_session_id)
    expected = kept | ({store.resolve_audio_path(round_audio).name} if round_audio else set())
    on_disk = {p.name for p in folder.iterdir() if p.suffix == ".wav"}
    assert on_disk == expected, f"files no row refers to: {sorted(on_disk - expected)}"
    assert all((folder / name).stat().st_size > 44 for name in kept)
    store.delete_session(window.last_session_id)
    assert not folder.exists()
    window.shutdown()


def test_ending_the_round_before_a_word_opens_a_review_without_that_empty_answer(qtbot, isolated_dirs,
                                                                                  script_dirs, tmp_path):
    """A new-user run: End round a second after a follow-up was asked, nothing said. The review
    opened with the follow-up as a 0-word answer and "Missing recordings: 1", and the row was
    dropped only after it (the drop was queued behind the round's finishing). A slow disk makes
    the order certain here."""
    import time

    clock, window, candidate, screen = _at_the_metric_follow_up_without_a_word(qtbot, script_dirs, tmp_path)
    controller = screen.session.controller
    store = window.store()
    drop = store.drop_answer
    store.drop_answer = lambda answer_id: (time.sleep(0.3), drop(answer_id))
    opened = []
    open_review = window.review.open
    window.review.open = lambda session_id: (opened.append(store.get_session(session_id)), open_review(session_id))
    clock.advance(1)
    screen.stop_round()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)

    assert [r.follow_up_id for r in controller.answers if r.dropped] == ["metric"]
    assert [a.follow_up_id for a in opened[0].answers] == [None]
    assert not store.missing_audio(opened[0])
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    summary = window.review_screen.summary.text()
    assert "Missing recordings" not in summary
    # Why the round is so short is said first (the timeline draws the plan beside it).
    assert "<b>Ended early:</b> You ended the round at 22 s of 45 min planned, in Clarify. Not reached: Design, Wrap up." in summary
    assert "round_ended_early" in [f.kind for f in window.store().get_session(opened[0].id).findings]
    wait_for_background_work()
    window.shutdown()


def _at_the_metric_follow_up_without_a_word(qtbot, script_dirs, tmp_path):
    """A round in which the first answer ended and the "metric" follow-up is being listened to,
    the candidate silent."""
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    candidate = Candidate()
    window.services.make_live_transcriber = candidate.transcriber
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    clock.advance(20)
    candidate.silent = True
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and controller.current_answer.follow_up_id == "metric")
    return clock, window, candidate, screen
