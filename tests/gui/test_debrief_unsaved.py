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

    from interviewer.core.debrief import DEBRIEF_PROMPTS
    from interviewer.gui.debrief_screen import DebriefItem

    for prompt in DEBRIEF_PROMPTS:
        item = DebriefItem(prompt)
        qtbot.addWidget(item)
        shown = " ".join(label.text() for label in item.findChildren(QLabel))
        assert prompt.scale.measures in shown and prompt.scale.label(1) in shown and prompt.scale.label(5) in shown


def test_each_prompt_is_rated_on_a_scale_that_fits_it(qtbot):
    """New-user trial 13: "Where did you overexplain?" was rated "how well it went: not at all
    ... fully". A "Where did you...?" prompt is rated by how often it happened (never is the good
    end, as "fully" is for "Could you...?"), live in the debrief as in the core's prompts."""
    from PySide6.QtWidgets import QLabel

    from interviewer.core.debrief import DEBRIEF_PROMPTS
    from interviewer.gui.debrief_screen import DebriefItem

    by_id = {p.id: p for p in DEBRIEF_PROMPTS}
    item = DebriefItem(by_id["overexplained"])
    qtbot.addWidget(item)
    shown = " ".join(label.text() for label in item.findChildren(QLabel))
    assert "how often you overexplained:" in shown and "how well" not in shown
    assert item.ratings.button(1).toolTip() == "a lot" and item.ratings.button(5).toolTip() == "never"
    for prompt in DEBRIEF_PROMPTS:
        if prompt.text.startswith("Where did you"):
            assert prompt.scale.measures.startswith("how often") and prompt.scale.label(5) == "never"
        else:  # "Could you...?", "Did you...?"
            assert prompt.scale.measures == "how well it went" and prompt.scale.label(5) == "fully"


def test_the_side_bar_stays_on_the_debrief_while_it_asks(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    """Trial 39 item 9: while "Save the debrief?" was open the side bar already showed Home."""
    from PySide6.QtWidgets import QMessageBox

    window, debrief = _debrief(qtbot, script_dirs, tmp_path)
    debrief.items[1].text.setPlainText("Too long on serving.")
    debrief_row, rows = window.nav.currentRow(), []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: rows.append(window.nav.currentRow()) or QMessageBox.StandardButton.Discard)
    window.go_to("home")
    assert rows == [debrief_row] and window.current_screen_key() == "home"
