"""Issue 14 item 5: Home shows the rounds as cards grouped by kind (title, minutes, phases, last
score), the recent sessions with their headline numbers and the practice plan's next step; the
review leads with a ten-second summary whose items play their moment."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.gui.home_screen import ROLE
from interviewer.core.analysis.ten_seconds import highlights
from interviewer.gui.workers import wait_for_background_work

from test_round import RecordingPlayer, make_window, run_round


def _texts(view):
    return [view.item(i).text() for i in range(view.count())]


def test_home_cards_grouped_by_kind_with_last_scores_and_recent_numbers(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    home = window.home
    texts = _texts(home.round_list)
    headers = [home.round_list.item(i).text() for i in range(home.round_list.count())
               if home.round_list.item(i).data(ROLE) is None]
    assert headers == ["ML system design", "Behavioral"]  # grouped, in the kinds' order
    design = next(t for t in texts if t.startswith("Design a feed ranker"))
    assert "45 min · 3 parts · 2 questions" in design and "Not practised yet" in design
    # Arrow keys skip the headings; Enter on a card starts that round.
    home.round_list.setFocus()
    home.select_script("test-design")
    qtbot.keyClick(home.round_list, Qt.Key.Key_Down)
    qtbot.keyClick(home.round_list, Qt.Key.Key_Down)
    assert home.selected_script() is not None  # never a heading
    home.select_script("test-design")
    with qtbot.waitSignal(home.start_requested) as started:
        qtbot.keyClick(home.round_list, Qt.Key.Key_Return)
    assert started.args[0].id == "test-design"
    assert window.current_screen_key() == "round"
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    wait_for_background_work()
    qtbot.waitUntil(lambda: any("Last:" in t for t in _texts(home.round_list)), timeout=5000)
    design = next(t for t in _texts(home.round_list) if t.startswith("Design a feed ranker"))
    assert "fillers/100 words" in design and "wpm" in design
    recent = _texts(home.recent_list)
    assert len(recent) == 1 and "Design a feed ranker" in recent[0] and "fillers/100 words" in recent[0]
    assert "Practice plan" in home.progress_label.text() and home.next_step_title.text() == "Next step"


def test_review_leads_with_three_strengths_and_three_fixes_that_play(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    player = window.services.play_audio = RecordingPlayer()
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    review = window.review_screen
    summary = review.ten_seconds
    assert review.summary_area.widget().isAncestorOf(summary)  # its pane, above the transcript (trial 16)
    # The round's numbers over the timeline, on a tab beside the per-answer table (trial 19).
    layout = review.numbers_area.widget().layout()
    assert 0 <= layout.indexOf(review.summary) < layout.indexOf(review.timeline)
    good, bad = highlights(review.session, "good"), highlights(review.session, "problem")
    assert 1 <= len(good) <= 3 and 1 <= len(bad) <= 3
    assert len({h.label for h in bad}) == min(len(bad), len({f.kind for f in review.session.findings
                                                             if (f.details or {}).get("severity") == "problem"}))
    assert "Went well" in summary.strengths.text() and "To work on" in summary.fixes.text()
    for h in good + bad:
        assert h.link() in (summary.strengths.text() + summary.fixes.text())
    first = bad[0]
    summary.fixes.linkActivated.emit(first.link())
    qtbot.waitUntil(lambda: bool(player.calls), timeout=3000)
    path, start = player.calls[-1]
    assert path.name == f"answer-{first.answer_id}.wav" and abs(start - max(0.0, first.start - 0.3)) < 1e-6
