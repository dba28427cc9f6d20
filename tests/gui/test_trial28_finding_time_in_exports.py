"""A finding about a whole answer ("No numbers in the result; quantify the impact.") is at the
answer's start: the review listed it at [04:50], the Markdown and HTML exports with no time
(trial 28). One formatter (core finding_round_time) gives the review and every export the time."""
from __future__ import annotations

import sys
from pathlib import Path

from interviewer.core.analysis.report import finding_round_time
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report, fmt_clock
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402

MESSAGE = "No numbers in the result; quantify the impact."


def test_a_finding_about_the_whole_answer_has_its_time_in_every_export(isolated_dirs):
    with Store.open() as store:
        sid = full_round(store)
        session = store.get_session(sid)
        answer = session.answers[1]
        store.add_finding(sid, "unquantified_result", MESSAGE, answer_id=answer.id)
        session = store.get_session(sid)
    at = finding_round_time(None, answer.answer_start)
    assert at == answer.answer_start == 11.0
    line = f"{fmt_clock(at)} {MESSAGE}"
    report = build_report(session)
    assert line in render_markdown(report, escape=False)
    assert line in render_html(report)
    # A round's own finding with no moment stays without one.
    assert finding_round_time(None, None) is None and finding_round_time(3.0, None) == 3.0
