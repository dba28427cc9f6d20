"""Leaving the debrief with answers not saved asks first (they were lost without a word)."""
from __future__ import annotations

from test_round import play_to_review


def _debrief(qtbot, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path, step=40.0)
    window.review_screen.debrief_button.click()
    assert window.current_screen_key() == "debrief"
    return window, window.debrief_screen


def test_leaving_the_debrief_with_unsaved_answers_asks_and_yes_saves(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                      confirmations):
    window, debrief = _debrief(qtbot, script_dirs, tmp_path)
    window.go_to("home")  # nothing typed: no question
    assert confirmations.asked == [] and window.current_screen_key() == "home"
    window.debrief.open(window.last_session_id)
    debrief.items[0].text.setPlainText("I hesitated on the latency question.")
    debrief.items[0].ratings.button(3).click()
    confirmations.answer_yes = True
    window.go_to("home")
    assert confirmations.asked == ["Save the debrief?"] and window.current_screen_key() == "home"
    (entry,) = window.store().get_session(window.last_session_id).debrief
    assert entry.text == "I hesitated on the latency question." and entry.self_rating == 3


def test_no_leaves_without_saving_and_cancel_stays(qtbot, isolated_dirs, script_dirs, tmp_path, confirmations,
                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window, debrief = _debrief(qtbot, script_dirs, tmp_path)
    debrief.items[1].text.setPlainText("Too long on serving.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.go_to("progress")
    assert window.current_screen_key() == "debrief" and debrief.items[1].text.toPlainText() == "Too long on serving."
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.go_to("progress")
    assert window.current_screen_key() == "progress"
    assert window.store().get_session(window.last_session_id).debrief == []


def test_the_rating_scale_says_which_end_is_which(qtbot):
    """New-user trial 6: 'Self-rating: 1 2 3 4 5' under 'Where did you hesitate?' did not say
    whether 5 meant 'hesitated a lot' or 'went well' (the meaning was only in tooltips)."""
    from PySide6.QtWidgets import QLabel

    from interviewer.core.debrief import DEBRIEF_PROMPTS, RATING_LABELS
    from interviewer.gui.debrief_screen import DebriefItem

    item = DebriefItem(DEBRIEF_PROMPTS[0])
    qtbot.addWidget(item)
    shown = " ".join(label.text() for label in item.findChildren(QLabel))
    assert "how well" in shown and RATING_LABELS[1] in shown and RATING_LABELS[5] in shown
