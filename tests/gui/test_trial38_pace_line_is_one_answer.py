"""Trial 38 item 3: "The round in ten seconds" listed "Pace: Spoke too fast: 199 words per minute
while speaking, 189 with pauses" (one answer's pace) while the round line, Home and Progress gave
the round's 186 / 167 for the same round. The line now says it is one answer's, with its time,
in the review and every export (one source: core/analysis/ten_seconds.py)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from interviewer.core.analysis.ten_seconds import ten_seconds
from interviewer.core.clock import clock_text
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402

FAST = ("Spoke too fast: 199 words per minute while speaking, 189 with pauses "
        "(fast is over 190 while speaking and also over 160 with pauses).")


def test_an_answers_pace_in_the_round_summary_says_which_answer(isolated_dirs):
    with Store.open() as store:
        sid = full_round(store)
        answer = store.get_session(sid).answers[1]
        store.add_finding(sid, "pace", FAST, answer_id=answer.id, start=0.0)
        session = store.get_session(sid)
    [line] = [h for h in ten_seconds(session)[1].items if h.label == "Pace"]
    at = clock_text(line.round_time)
    assert line.message.startswith(f"Spoke too fast in the answer at {at}: 199 words per minute"), line.message
    report = replace(build_report(session), ten_seconds=ten_seconds(session))
    summary = render_markdown(report, escape=False).split("## ")[1]
    assert f"in the answer at {at}: 199" in summary
    # The findings list of that answer keeps its own wording: it is shown beside the answer.
    assert any(f.message == FAST for f in session.findings)
