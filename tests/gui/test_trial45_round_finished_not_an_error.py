"""Trial 45 defect 7: the review's header showed "Round finished" (the interviewer closed the round,
its questions done) in the same red, underlined style as "Ended early", so a normal finish looked
like an error. Only a round ended early or cut short is in the problem colour."""
from __future__ import annotations

from interviewer.gui import theme
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.gui.test_delete_round import _window
from tests.gui.test_plan_counts_rounds_that_ended_themselves import stored_round
from tests.gui.test_trial44_cut_short_one_rule import _closed_after_next


def test_round_finished_is_not_in_the_problem_style(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        cut = _closed_after_next(store, 4.2)
        done = stored_round(store, "ml_breadth", 7.6, "agenda", 2)
    window = _window(qtbot, data)
    titles = {}
    for sid in (cut, done):
        window.review.open(sid)
        qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
        titles[sid] = window.review_screen.title.text()
    wait_for_background_work()
    problem = theme.current().problem_text
    assert "Round finished</a>" in titles[done] and problem not in titles[done], titles[done]
    assert "text-decoration:none" in titles[done]
    assert "Cut short</a>" in titles[cut] and problem in titles[cut], titles[cut]
    window.shutdown()
