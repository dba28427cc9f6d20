"""Trial 28: the round ended (End round) 5 s after "What evidence did you bring to the
discussion?". The review's transcript showed "Follow-up: What evidence...", the Markdown a plain
interviewer line. One label, decided once (export.interviewer_lines), in the review and every
export. A stored round (real SQLite)."""
from __future__ import annotations

from interviewer.export.html_report import render_html
from interviewer.export.interviewer_lines import label_of, place_lines
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store

from tests.storage.test_skipped_follow_up_and_heading import SCRIPT, _store

LAST = "What evidence did you bring to the discussion?"
LABEL = "Follow-up (the round ended before an answer):"


def _session(tmp_path):
    with Store.open(tmp_path) as store:
        sid = _store(store)
        store.add_interviewer_line(sid, 175.0, "acknowledgement", "Okay.")
        store.add_interviewer_line(sid, 177.0, "follow_up", LAST)
        return store.get_session(sid)


def test_the_follow_up_the_round_ended_on_is_labelled_the_same_in_the_review_and_the_exports(tmp_path):
    session = _session(tmp_path)
    placed = place_lines(session)
    review = {line.text: label_of(line) for line in [*placed.after, *(x for v in placed.before.values() for x in v),
                                                     *(x for v in placed.during.values() for x in v)]}
    assert review[LAST] == LABEL
    report = build_report(session, script=SCRIPT)
    assert f"{LABEL} {LAST}" in render_markdown(report)
    assert f"{LABEL} {LAST}" in render_html(report)
    # The follow-up skipped with Next earlier keeps its own label.
    assert review["What's the time complexity?"] == "Follow-up (skipped with Next):"
