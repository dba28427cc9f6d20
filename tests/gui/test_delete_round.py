"""A round can be deleted from Home (new-user trial: only an interrupted round could be
discarded; a botched test round stayed in Home, Progress and the practice plan for good, and
`interviewer sessions delete` was the only way)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.main_window import MainWindow
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.gui.test_app_paths import _completed_round


def _window(qtbot, data):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()
    wait_for_background_work()
    return window


def test_a_completed_round_is_deleted_from_home_after_asking(qtbot, isolated_dirs, tmp_path, confirmations):
    data = tmp_path / "data"
    with Store.open(data) as store:
        kept = _completed_round(store, "beh", "behavioral")
        _completed_round(store, "beh", "behavioral")
    window = _window(qtbot, data)
    home = window.home
    qtbot.waitUntil(lambda: "2 rounds completed." in home.progress_label.text(), timeout=5000)
    assert home.recent_list.count() == 2
    assert not home.delete_button.isEnabled()  # nothing selected yet
    home.recent_list.setCurrentRow(0)  # newest first: the doomed one
    assert home.delete_button.isVisibleTo(window) and home.delete_button.isEnabled()

    confirmations.answer_yes = False
    home.delete_button.click()
    assert confirmations.asked == ["Delete this round?"]
    assert home.recent_list.count() == 2

    confirmations.answer_yes = True
    home.recent_list.setFocus()
    qtbot.keyClick(home.recent_list, Qt.Key.Key_Delete)  # the Delete key asks the same
    assert confirmations.asked == ["Delete this round?"] * 2
    wait_for_background_work()
    assert "deleted" in window.banner.text
    assert [home.recent_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(home.recent_list.count())] == [kept]
    qtbot.waitUntil(lambda: "1 round completed." in home.progress_label.text(), timeout=5000)
    with Store.open(data) as store:
        assert [s.id for s in store.list_sessions()] == [kept]


def test_deleting_the_round_under_review_closes_its_review(qtbot, isolated_dirs, tmp_path, confirmations):
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = _completed_round(store, "beh", "behavioral")
    window = _window(qtbot, data)
    window.review.open(sid)
    assert window.current_screen_key() == "review"
    window.show_screen("home")
    window.home.recent_list.setCurrentRow(0)
    window.home.delete_button.click()
    wait_for_background_work()
    review_row = list(window._screens).index("review")
    assert window.nav.item(review_row).isHidden(), "Review still offered the deleted round"
    assert window.nav.item(list(window._screens).index("debrief")).isHidden()


def test_the_delete_question_asks_in_its_text_and_names_what_goes(qtbot, isolated_dirs, tmp_path, monkeypatch):
    """Trial 25: the delete confirmation had no question sentence, only the round's name and Yes/No.
    It asks "Delete this round?" in its text, says what is removed and that it cannot be undone,
    and its buttons say what they do."""
    from interviewer.gui import confirm

    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "beh", "behavioral")
    window = _window(qtbot, data)
    home = window.home
    qtbot.waitUntil(lambda: home.recent_list.count() == 1, timeout=5000)
    home.recent_list.setCurrentRow(0)
    asked = []
    monkeypatch.setattr(confirm, "ask_destructive", lambda _p, title, text, yes, no: asked.append(
        (title, text, yes, no)) or False)
    home.delete_button.click()
    [(title, text, yes, no)] = asked
    assert title == "Delete this round?" and text.startswith("Delete this round?\n\n")
    assert home.session_label(home.recent_list.item(0).data(Qt.ItemDataRole.UserRole)) in text
    assert "recordings" in text and "cannot be undone" in text
    assert (yes, no) == ("&Delete the round", "&Keep it")
    assert home.recent_list.count() == 1  # kept
