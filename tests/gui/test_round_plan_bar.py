"""The round screen's plan bar agrees with the phase clock after a part is left early."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock

from test_round import make_window


def test_next_part_redraws_the_plan_as_the_clock_counts_it(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Next part 60 s into a 10-minute first part: the phase clock counted the design part's new
    share of the round (about thirty-five minutes), while the bar kept the first plan (30 minutes from
    10:00) with the cursor still inside Clarify."""
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    clock.advance(60.0)
    screen._tick()
    qtbot.keyClick(screen, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: screen.session.engine.current_phase.id == "design", timeout=3000)
    clock.advance(1.0)
    screen._tick()
    bar = {p.id: (p.start, p.end) for p in screen.plan.phases}
    engine = screen.session.engine
    assert bar["clarify"] == (0.0, 60.0)
    assert bar["design"][0] == 60.0
    # as the phase clock counts it: the part's planned minutes from its start (trial 37: the
    # running part drawn to the end of the round, 35 minutes for a part planned at 5)
    assert abs(bar["design"][1] - engine.elapsed() - engine.phase_clock()) < 0.01
    assert bar["design"][1] < engine.elapsed() + engine.time_left_in_phase()
    # The wrap-up right after it, for its own minutes; what Next saved is hatched after it, not
    # left as a blank stretch between the parts (trial 42).
    wrap = engine.script.phase("wrap").minutes * 60.0
    assert bar["wrap"] == (bar["design"][1], bar["design"][1] + wrap)
    assert screen.plan.saved_from() == bar["wrap"][1] < engine.round_seconds
    assert screen.plan.current_phase == "design"
    assert bar["design"][0] <= screen.plan.elapsed < bar["design"][1]  # the cursor is in the current part
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)


def test_start_times_of_parts_left_early_do_not_overlap(qtbot):
    """Two parts left after 28 s and 100 s of a 45-minute round: their start times were drawn
    on top of each other ("0000:28 01:40")."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetrics

    from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(1150, 46)
    bar.set_plan([PlannedPhase("intro", "Introduction", 0.0, 28.0), PlannedPhase("conflict", "Conflict", 28.0, 100.0),
                  PlannedPhase("trust", "Earning trust", 100.0, 913.0), PlannedPhase("wrap", "Questions", 913.0, 2700.0)],
                 2700.0)
    metrics = QFontMetrics(bar.font())
    labels = bar.tick_labels(QRectF(1, 16, 1148, 30), metrics)
    texts = [text for _, text in labels]
    # Round minutes (trial 32), not the parts' starts: their times are the blocks' tooltips.
    assert texts[0] == "00:00" and "01:40" not in texts and "15:13" not in texts, texts
    assert bar.phase_tip(1 + 1148 * 60 / 2700).startswith("Conflict: 00:28 to 01:40")
    for (x0, text), (x1, _) in zip(labels, labels[1:]):
        assert x0 + metrics.horizontalAdvance(text) < x1, labels


def test_next_part_in_the_last_part_asks_before_ending_the_round(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                 confirmations):
    """N in the last part ended the whole round at once; End round asks first."""
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    engine = screen.session.engine
    for phase in ("design", "wrap"):
        qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
        qtbot.keyClick(screen, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: engine.current_phase.id == phase, timeout=3000)
    assert confirmations.asked == []  # moving on between parts does not ask
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    confirmations.answer_yes = False
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert confirmations.asked == ["End the round?"] and screen.running and not engine.is_over
    confirmations.answer_yes = True
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert confirmations.asked == ["End the round?"] * 2
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)


def test_the_minutes_a_round_no_longer_uses_are_hatched_and_said(qtbot):
    """Trial 10, a phone screen whose parts were done in 7 minutes: only the candidate's questions
    were left, the round's end moved to 11:38, and three quarters of the bar were left blank with
    nothing said about them. They are hatched, with when the round ends."""
    from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(1000, 46)
    phases = [PlannedPhase("intro", "Introduction", 0.0, 76.0), PlannedPhase("code", "Coding", 76.0, 398.0),
              PlannedPhase("wrap", "Your questions", 398.0, 698.0)]
    bar.set_plan(phases, 2700.0)
    bar.set_position(400.0, "wrap")
    assert bar.ends_early_at() == 698.0
    # Said as a point of the round, not as a time of day ("ends early, at 11:38": session 35).
    assert "The round ends early, 11:38 into the round." in bar.accessibleDescription()
    assert "Now: Your questions, 6 min of 45 min used." in bar.accessibleDescription()
    tip = bar.phase_tip(bar.bar_rect().left() + bar.bar_rect().width() * 0.9)
    assert tip.startswith("Parts done early: the round ends early, 11:38 into the round\n"), tip
    assert "at 11:38" not in tip and "at 11:38" not in bar.accessibleDescription()
    image = bar.grab().toImage()
    rest = {image.pixelColor(x, y).name() for x in range(700, 990, 3) for y in (24, 30, 36)}
    assert len(rest) > 1, "the rest of the bar is blank"  # hatched: lines on the background
    # A round that runs its planned length has nothing of the kind.
    bar.set_plan([*phases[:2], PlannedPhase("wrap", "Your questions", 398.0, 2700.0)], 2700.0)
    assert bar.ends_early_at() is None and "ends early" not in bar.accessibleDescription()
