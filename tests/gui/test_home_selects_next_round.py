"""Home selects the round the practice plan proposes (new-user trial: "Next step" said "Next
round: Coding, e.g. "Coding: merging user sessions"" while the first card, a phone screen, was
the one selected, and Start round started that). A card the user picked stays picked."""
from __future__ import annotations

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.gui.workers import wait_for_background_work
from interviewer.resources import bundled_scripts_dir
from interviewer.storage import Store
from tests.gui.test_app_paths import _completed_round


def _window(qtbot, data, tmp_path):
    scripts = discover_scripts(bundled_scripts_dir(), tmp_path / "none").scripts
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(scripts), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    return window


def _proposed_title(window) -> str:
    proposal = window.progress_screen.proposal
    assert proposal is not None and proposal.script is not None
    return proposal.script.title


def test_the_proposed_round_is_selected(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "ml_breadth_fundamentals", "ml_breadth")
    window = _window(qtbot, data, tmp_path)
    first = window.home.selected_script()
    window.refresh_sessions()
    wait_for_background_work()
    qtbot.waitUntil(lambda: "1 round completed." in window.home.progress_label.text(), timeout=5000)
    title = _proposed_title(window)
    assert title != first.title, "the test needs a proposal other than the first card"
    assert title in window.home.progress_label.text()
    assert window.home.selected_script().title == title


def test_a_card_the_user_picked_stays_picked(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "ml_breadth_fundamentals", "ml_breadth")
    window = _window(qtbot, data, tmp_path)
    home = window.home
    picked = next(home.round_list.item(i).data(0x0100) for i in range(3, home.round_list.count())
                  if home.round_list.item(i).data(0x0100) is not None)
    home.round_list.setCurrentRow(next(i for i in range(home.round_list.count())
                                       if home.round_list.item(i).data(0x0100) is picked))  # as a click does
    window.refresh_sessions()
    wait_for_background_work()
    qtbot.waitUntil(lambda: "1 round completed." in home.progress_label.text(), timeout=5000)
    assert _proposed_title(window) != picked.title
    assert home.selected_script().id == picked.id


def test_the_proposal_does_not_move_the_selection_the_user_sees(qtbot, isolated_dirs, tmp_path):
    """Trial 39 item 1: seconds after start, when the past rounds were read, the highlight left
    the card shown to a proposed card scrolled out of view, and Start round started a round the
    user could not see. The selection stays; the Next step's link selects the proposal, in view."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "ml_breadth_fundamentals", "ml_breadth")
    window = _window(qtbot, data, tmp_path)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    home = window.home
    seen = home.selected_script()
    assert seen is not None
    window.refresh_sessions()
    wait_for_background_work()
    qtbot.waitUntil(lambda: "1 round completed." in home.progress_label.text(), timeout=5000)
    title = _proposed_title(window)
    assert title != seen.title, "the test needs a proposal other than the first card"
    assert home.selected_script().id == seen.id, "the selection the user saw was changed under them"
    assert not home.user_picked
    text = home.progress_label.text()
    assert "Select this round" in text
    link = text.split("href='", 1)[1].split("'", 1)[0]
    home.progress_label.linkActivated.emit(link)
    assert home.selected_script().title == title and home.user_picked
    view = home.round_list
    assert view.viewport().rect().intersects(view.visualItemRect(view.currentItem())), "the picked card is in view"
    started = []
    home.start_requested.connect(started.append)
    home.start_button.click()
    assert [s.title for s in started] == [title]
