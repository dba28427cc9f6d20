"""Stored rounds analysed again with the current rules from the app (J1): the review's menu
analyses the round shown, File > Analyse all rounds again every round, off the GUI thread with
the status bar's bar; the review, Home and Progress show the new analyses."""
from __future__ import annotations

import json
import sqlite3

from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.main_window import MainWindow
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.storage.storage_helpers import make_transcript

OLD_ANALYSIS = {"word_count": 6, "filler_count": 0, "fillers": [], "old_rule_only": True,
                "findings": [{"kind": "old_rule_finding", "start": 0.0, "end": 1.0, "message": "Said by an old rule."}]}


def _old_round(store) -> int:
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45, started_at=1_700_000_000)
    aid = store.add_answer(sid, "q0", "How would you rank the feed?", asked_at=5.0, answer_start=7.0, with_audio=False)
    store.finish_answer(aid, answer_end=13.0)
    store.attach_transcript(aid, make_transcript("um I would uh rank by recency"))
    store.add_debrief(sid, "Where did you hesitate?", "At the start", self_rating=2)
    store.finish_session(sid, ended_at=1_700_002_700)
    with sqlite3.connect(store.db_path) as db:  # as an older version left it
        db.execute("UPDATE answers SET analysis_json = ? WHERE id = ?", (json.dumps(OLD_ANALYSIS), aid))
    return sid


def _window(qtbot, data):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()
    wait_for_background_work()
    return window


def _analyses(data, sid):
    with Store.open(data) as store:
        return [a.analysis for a in store.get_session(sid).answers]


def test_the_review_menu_analyses_the_round_shown_again(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        shown, other = _old_round(store), _old_round(store)
    window = _window(qtbot, data)
    window.review.open(shown)
    action = window.review_screen.reanalyse_action
    assert action in window.review_screen.export_button.menu().actions()
    action.trigger()
    qtbot.waitUntil(lambda: "Analysed 1 answer again" in window.banner.text, timeout=10000)
    (fresh,) = _analyses(data, shown)
    assert "old_rule_only" not in fresh and {f["text"] for f in fresh["fillers"]} == {"um", "uh"}
    assert all(a["old_rule_only"] for a in _analyses(data, other))  # only the round shown
    # The review shows the new analysis, the debrief is kept.
    review = window.review_screen.session
    assert review.id == shown and "old_rule_only" not in review.answers[0].analysis
    assert [(d.text, d.self_rating) for d in review.debrief] == [("At the start", 2)]
    assert not window.review.reanalyse_progress.running


def test_file_menu_analyses_every_round_again(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        ids = [_old_round(store), _old_round(store)]
    window = _window(qtbot, data)
    window.actions["reanalyse-all"].trigger()
    qtbot.waitUntil(lambda: "in 2 rounds" in window.banner.text, timeout=10000)
    for sid in ids:
        assert all("old_rule_only" not in a for a in _analyses(data, sid))


def _analysed_by_an_older_version(data, sid) -> None:
    with Store.open(data) as store, sqlite3.connect(store.db_path) as db:  # as an older version left it
        db.execute("UPDATE sessions SET analysis_version = 0 WHERE id = ?", (sid,))


def _versions(data):
    with Store.open(data) as store:
        return {s.id: s.analysis_version for s in store.list_sessions()}


def test_the_review_of_a_round_analysed_by_an_older_version_says_so_and_analyses_it_again(qtbot, isolated_dirs,
                                                                                          tmp_path):
    """One calm line, with the action: the round's findings follow the older rules until then.
    A round of the current version has no such line."""
    from interviewer.core.analysis.version import ANALYSIS_VERSION, OLDER_ANALYSIS_TEXT

    data = tmp_path / "data"
    with Store.open(data) as store:
        old, current = _old_round(store), _old_round(store)
    _analysed_by_an_older_version(data, old)
    window = _window(qtbot, data)
    line = window.review_screen.older_analysis
    window.review.open(current)
    assert line.isHidden()
    window.review.open(old)
    assert not line.isHidden() and OLDER_ANALYSIS_TEXT in line.text() and "Analyse again</a>" in line.text()
    line.linkActivated.emit("again")
    assert window.review.reanalyse_progress.running  # in the background: the GUI thread runs on
    qtbot.waitUntil(lambda: "Analysed 1 answer again" in window.banner.text, timeout=10000)
    qtbot.waitUntil(lambda: line.isHidden(), timeout=10000)
    assert _versions(data)[old] == ANALYSIS_VERSION
    review = window.review_screen.session
    assert review.id == old and "old_rule_only" not in review.answers[0].analysis
    # Nothing the user made or said is lost.
    assert [(d.text, d.self_rating) for d in review.debrief] == [("At the start", 2)]
    assert review.answers[0].transcript.text == "um I would uh rank by recency"


def test_progress_offers_to_analyse_the_older_rounds_again(qtbot, isolated_dirs, tmp_path):
    """Several rounds analysed by an older version: Progress says so, once, with "Analyse 3 older
    rounds again", which runs in the background with the status bar's bar; then the line goes."""
    from interviewer.core.analysis.version import ANALYSIS_VERSION

    data = tmp_path / "data"
    with Store.open(data) as store:
        older = [_old_round(store) for _ in range(3)]
        current = _old_round(store)
    for sid in older:
        _analysed_by_an_older_version(data, sid)
    window = _window(qtbot, data)
    screen = window.progress_screen
    offer = screen.older_rounds
    qtbot.waitUntil(lambda: not offer.isHidden(), timeout=10000)
    assert "Analyse 3 older rounds again</a>" in offer.text()
    assert sorted(screen.older_round_ids()) == sorted(older)
    offer.linkActivated.emit("again")
    assert window.review.reanalyse_progress.running  # in the background: the GUI thread runs on
    qtbot.waitUntil(lambda: "in 3 rounds" in window.banner.text, timeout=10000)
    qtbot.waitUntil(lambda: offer.isHidden(), timeout=10000)
    assert set(_versions(data).values()) == {ANALYSIS_VERSION}
    for sid in older:
        assert all("old_rule_only" not in a for a in _analyses(data, sid))
        with Store.open(data) as store:
            session = store.get_session(sid)
            assert [(d.text, d.self_rating) for d in session.debrief] == [("At the start", 2)]
            assert session.answers[0].transcript.text == "um I would uh rank by recency"
    assert all(a["old_rule_only"] for a in _analyses(data, current))  # left as it was: not an older round


def test_progress_leaves_a_single_older_round_to_its_review(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = _old_round(store)
    _analysed_by_an_older_version(data, sid)
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: window.progress_screen.rows != [], timeout=10000)
    assert window.progress_screen.older_round_ids() == [sid] and window.progress_screen.older_rounds.isHidden()
