"""Trial 38 item 3: the design review said "Clarifying questions: Asked 4 clarifying questions."
under Went well and "Topic areas missed: Clarifying requirements, Edge cases and Tradeoffs." under
To work on (the reason only in the long talking-points line); an edge case praised in one answer
sat beside "Edge cases" missed. A missed area of which part was done now says so, and what is
missing, in the line itself (core.weak_spots.missed_reason, one source for the review and every
export): the requirements point pinned down only partly, edge cases heard in 2 of 5 questions."""
from __future__ import annotations

import sys
from pathlib import Path

from interviewer.core.analysis.ten_seconds import TOPIC_AREAS_MISSED, ten_seconds
from interviewer.core.weak_spots import POINTS, SIGNAL, AreaResult, merge, missed_reason, round_content
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402

POINT = "Scale and freshness pinned down: orders per second, update frequency, latency of each estimate"


def _areas() -> dict[str, AreaResult]:
    # As the trial's round measured them: 4 questions asked in the one part that called for them,
    # its requirements point partly made; edge cases heard in 2 of 5 questions, tradeoffs in none.
    return merge([AreaResult("clarifying requirements", 1, 0.5, POINTS, partly=1, partly_points=(POINT,)),
                  AreaResult("clarifying requirements", 1, 1, SIGNAL),
                  AreaResult("edge cases", 5, 2, SIGNAL), AreaResult("tradeoffs", 5, 0, SIGNAL),
                  AreaResult("evaluation metrics", 4, 4, SIGNAL)])


def test_the_reason_names_what_was_done_and_what_is_missing():
    areas = _areas()
    assert round_content(areas).missed == ("clarifying requirements", "edge cases", "tradeoffs")
    clarifying = missed_reason(areas["clarifying requirements"])
    assert clarifying.startswith("you asked clarifying questions, but pinned down only partly: ")
    assert f'"{POINT}"' in clarifying
    assert missed_reason(areas["edge cases"]) == "heard in 2 of 5 questions that called for it"
    assert missed_reason(areas["tradeoffs"]) == ""  # nothing of it done: the name says it


def test_the_summary_line_says_why_an_area_is_missed(isolated_dirs):
    with Store.open() as store:
        session = store.get_session(full_round(store))
    areas = _areas()
    missed = round_content(areas).missed
    [line] = [h for h in ten_seconds(session, (), missed, areas)[1].items if h.label == TOPIC_AREAS_MISSED]
    assert line.message.startswith("Clarifying requirements (you asked clarifying questions, but pinned down "
                                   "only partly: "), line.message
    assert "; Edge cases (heard in 2 of 5 questions that called for it); Tradeoffs." in line.message
    # Without the area results (a caller that has none), the names alone, as before.
    [plain] = [h for h in ten_seconds(session, (), missed)[1].items if h.label == TOPIC_AREAS_MISSED]
    assert plain.message == "Clarifying requirements, Edge cases and Tradeoffs."
