"""Trial 20 item 1: the review's Depth line, drawn before the talking points are matched, said
"Tradeoffs 0/2" beside the Talking points tab's "7 of 7"; it is drawn again with the matched
counts (a covered point counts for its area), the ones Home and the exports give."""
from __future__ import annotations

from interviewer.core.analysis.summary import DEPTH_HEADING, SignalCount

from test_review_short_window import _on_review


def test_the_depth_line_shows_the_matched_counts(qtbot, script_dirs, tmp_path):
    window, review = _on_review(qtbot, script_dirs, tmp_path)
    review.show_matched_depth({"tradeoffs": SignalCount("Tradeoffs", "tradeoffs", 1, 2)})
    assert f"{DEPTH_HEADING}:</b> Tradeoffs 1/2" in review.summary.text()
    assert review.numbers.depth["tradeoffs"].heard == 1
