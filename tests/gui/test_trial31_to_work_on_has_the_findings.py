"""Trial 31 defect 14: the behavioral review's To work on said "Nothing to fix was flagged in this
round." beside the findings "STAR parts not heard: task", "Spoke too fast: 197 words per minute"
and "Spent 16 s on the situation and 10 s on your actions": the analysis stored them as notes.
They are problems, for new analyses and for rounds stored before (core finding_severity), and the
ten-second summary (one source for the review and every export) lists them."""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from interviewer.core.analysis.report import finding_severity
from interviewer.core.analysis.ten_seconds import ten_seconds
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402

NOTHING = "Nothing to fix was flagged in this round."
STORED_AS_NOTES = [
    ("pace", "Spoke too fast: 197 words per minute while speaking, 168 with pauses "
             "(fast is over 190 while speaking and also over 160 with pauses)."),
    ("star_missing", "STAR parts not heard: task."),
    ("long_situation", "Spent 16 s on the situation and 10 s on your actions."),
]


def test_the_findings_of_trial_31_are_to_work_on_not_nothing_to_fix(isolated_dirs):
    with Store.open() as store:
        sid = full_round(store)
        session = store.get_session(sid)
        answer = session.answers[1]
        # The round's own findings (full_round's fillers and 2.5 s pause) are notes: nothing to fix.
        assert ten_seconds(session)[1].items == []
        for kind, message in STORED_AS_NOTES:
            store.add_finding(sid, kind, message, answer_id=answer.id, details={"severity": "note"})
        session = store.get_session(sid)
    to_work_on = ten_seconds(session)[1]
    assert [h.message for h in to_work_on.items] and len(to_work_on.items) == 3
    # The pace line says it is one answer's (trial 38: "Spoke too fast in the answer at 00:50: ...").
    assert {re.sub(r" in the answer at [\d:]+:", ":", h.message) for h in to_work_on.items} == {
        m for _, m in STORED_AS_NOTES}
    report = replace(build_report(session), ten_seconds=ten_seconds(session))
    text = render_markdown(report, escape=False)
    assert NOTHING not in text and "STAR parts not heard: task." in text.split("## ")[1]


def test_a_new_analysis_stores_them_as_problems():
    from interviewer.core.analysis.report import pace_finding
    from interviewer.core.analysis.pace import Pace

    for kind, _ in STORED_AS_NOTES:
        assert finding_severity(kind, None, None, {"severity": "note"}) == "problem"
    fast = Pace(words=120, speaking_seconds=43.0, articulation_seconds=36.5)  # 197 / 167 wpm
    assert fast.verdict == "fast"
    assert pace_finding(fast).severity == "problem"
