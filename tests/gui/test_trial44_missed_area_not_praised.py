"""Trial 44 (D3): the review's findings list showed "[01:12] Numbers and units: ..." in green (went
well) while To work on listed "Topic areas missed: Numbers and units (heard in 1 of 3 questions
...)". The ten-second summary already left such a signal out; the findings list was coloured
before the missed areas arrived. One verdict now (core.analysis.report.unpraised_kinds): a depth
signal of an area the round missed is a note, in the list and in the summary alike."""
from __future__ import annotations

from interviewer.app.backfill import add_question_findings
from interviewer.core.clock import FakeClock
from interviewer.gui import theme
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store

from test_round import make_window
from test_topic_area_one_verdict import SCRIPT, SCRIPT_TOML, _store_round


def test_a_signal_of_a_missed_area_is_information_not_praise():
    from interviewer.core.analysis.report import finding_severity, unpraised_kinds

    assert "quantified_result" in unpraised_kinds(["Quantified Results"])
    good = {"severity": "good"}
    assert finding_severity("quantified_result", 1.0, 2.0, good, ["quantified results"]) == "note"
    assert finding_severity("quantified_result", 1.0, 2.0, good, ["tradeoffs"]) == "good"
    assert finding_severity("quantified_result", 1.0, 2.0, good) == "good"


def test_review_findings_do_not_praise_a_signal_of_a_missed_area(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    (bundled / "stories.toml").write_text(SCRIPT_TOML)
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = _store_round(store)
        # The findings about whole questions, as a live round stores them at its end (the depth
        # signals heard: "Quantified results" in the first story).
        add_question_findings(store, store.get_session(sid), SCRIPT)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    wait_for_background_work()
    window.review.open(sid)
    screen = window.review_screen
    qtbot.waitUntil(lambda: "Topic areas covered:" in screen.coverage.status.text(), timeout=10000)
    wait_for_background_work()
    # The summary's To work on names the area missed, and Went well does not praise its signal ...
    qtbot.waitUntil(lambda: any(h.label == "Topic areas missed" for h in screen.ten_seconds.bad), timeout=5000)
    assert "Quantified results" in next(h.message for h in screen.ten_seconds.bad if h.label == "Topic areas missed")
    assert not any("Quantified results" in h.labels for h in screen.ten_seconds.good)
    # ... and the findings list does not colour its signal as went well.
    items = [screen.findings.item(i) for i in range(screen.findings.count())]
    quantified = [i for i in items if "Quantified results" in i.text()]
    assert quantified, [i.text() for i in items]
    good = theme.current().color("good_text")
    assert all(i.foreground().color() != good for i in quantified), [i.text() for i in quantified]
    window.shutdown()
