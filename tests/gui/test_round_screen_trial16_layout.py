"""Trial 16 (item 15): the round screen's listening hint ran into "Mic" and squeezed the mic meter
to a sliver; the serving twist ("Before we get into serving, a new constraint from the client
team: ...") had no label while the Monitoring one had "New constraint:"; the Monitoring incident
was shown under the design question; the plan bar's first start time went from 00:00 to 00:15
and back."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import Speaking
from interviewer.gui.live_transcript import LiveTranscriptView
from interviewer.gui.round_screen import METER_MIN_WIDTH
from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

from test_round import make_window

ASKING = ("Listening: ask whatever you need. Say \"That's all my questions\" or press Space (or Enter) "
          "when you are done asking; N moves to the next part.")


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_the_status_line_wraps_and_the_mic_meter_keeps_its_width(qtbot, isolated_dirs, script_dirs, tmp_path, size):
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.resize(*size)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    screen.status.setText(ASKING)
    for _ in range(5):
        QApplication.processEvents()
    assert screen.meter.width() >= METER_MIN_WIDTH
    status_right = screen.status.mapTo(screen, screen.status.rect().topRight()).x()
    assert status_right < screen.meter.mapTo(screen, screen.meter.rect().topLeft()).x()
    # The whole hint shows: wrapped onto the lines it needs, not cut at the label's edge.
    assert screen.status.wordWrap()
    assert screen.status.height() >= screen.status.heightForWidth(screen.status.width())
    screen.stop_button.click()


def test_every_changed_constraint_line_is_labelled(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.add_heading("Before we get into serving, a new constraint from the client team: fifty milliseconds.",
                     label="New constraint:")
    view.add_heading("It's two weeks after launch, and watch time dropped six percent.", label="New constraint:")
    view.add_heading("Twist: the test shows clicks up three percent.", label="New constraint:")
    html = view.view.toHtml()
    assert html.count("font-weight:700") >= 3 or html.count("<b>") >= 3
    text = view.view.toPlainText()
    # Its lead-in is its label, set in bold like the others; a second label doubled the words
    # ("New constraint: Before serving, a new constraint: ...", trial 31).
    assert "New constraint: Before we get into serving" not in text
    assert "Before we get into serving, a new constraint from the client team: fifty" in text
    assert "New constraint: It's two weeks" in text
    assert "Twist: the test shows" in text and "New constraint: Twist" not in text


def test_a_design_parts_incident_is_shown_under_that_parts_question(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    qtbot.keyClick(screen, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: screen.session.engine.current_phase.id == "design", timeout=3000)
    # Once the part's question was asked (trial 32: never one not asked yet, see
    # test_trial32_header_and_question_shown).
    qtbot.waitUntil(lambda: "How do you serve the model?" in screen._questions.values(), timeout=3000)
    # An incident that follows up the first question ("feed"), said in the design part.
    shown = screen._question_box_text(Speaking("Watch time dropped six percent overnight.",
                                               UtteranceKind.CHANGED_CONSTRAINT, 0.0, question_id="feed"))
    assert shown.endswith("The question: How do you serve the model?"), shown
    screen.stop_button.click()


def test_the_round_start_keeps_its_label_when_the_first_part_is_left_at_once(qtbot):
    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(1100, 46)
    metrics = QFontMetrics(bar.font())
    rect = QRectF(1, 16, 1098, 30)
    bar.set_plan([PlannedPhase("intro", "Introduction", 0.0, 15.0), PlannedPhase("req", "Requirements", 15.0, 500.0),
                  PlannedPhase("design", "Design", 500.0, 3600.0)], 3600.0)
    first = bar.tick_labels(rect, metrics)[0][1]
    bar.set_plan([PlannedPhase("intro", "Introduction", 0.0, 15.0), PlannedPhase("req", "Requirements", 15.0, 126.0),
                  PlannedPhase("design", "Design", 126.0, 3600.0)], 3600.0)
    assert first == bar.tick_labels(rect, metrics)[0][1] == "00:00"
