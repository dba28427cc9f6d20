"""Depth signals (issue 13 item 2) reach every view through the summary and the findings: a
stored design round shows, in the review and in the Markdown, HTML and JSON exports, the same
per-question depth line, the signals heard with their sentence, and the ones missed, once per
question."""
from __future__ import annotations

import json

from interviewer.core.analysis.report import analyze_answer, finding_label
from interviewer.core.analysis.summary import DEPTH_HEADING, depth_line, question_findings
from interviewer.storage import SessionStatus, Store
from interviewer.storage.progress import round_summary
from tests.core.analysis.speech import spoken

DEEP = ("Let's assume two thousand payments per second at peak. [1.0] I'd use gradient boosted trees instead "
        "of a deep net because the budget is fifty milliseconds. [1.0] If the feature store goes down we fall "
        "back to simple rules.")
THIN = ("I would build a model that looks at the payment and the user and decides if it is fraud. Then I "
        "would put it behind a service and call it from the payment flow. The service reads features from a "
        "store and returns a score and the payment system blocks the high scores. We would also log everything "
        "so that we can train the next model on it later on and keep improving it with new data every day.")


def _stored(store: Store) -> int:
    sid = store.create_session("fraud", "Fraud design", "ml_system_design", 45)
    store.add_phase(sid, "requirements", "Requirements", 10, 0.0)
    for n, (qid, text, clarifying) in enumerate([("design", DEEP, True), ("serving", THIN, False)]):
        aid = store.add_answer(sid, qid, f"Question {qid}", asked_at=100.0 * n, answer_start=100.0 * n + 2,
                               answer_end=100.0 * n + 60)
        transcript = spoken(text)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, round_kind="ml_system_design",
                                                  expects_clarifying=clarifying, question_findings=False).to_dict())
    for aid, f in question_findings(round_summary(store.get_session(sid))):
        store.add_finding(sid, f.kind, f.message, answer_id=aid, start=f.start, end=f.end,
                          details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_depth_signals_show_the_same_in_the_review_and_every_export(qapp, isolated_dirs, tmp_path):
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = _stored(store)
        session = store.get_session(sid)
        for fmt in ("md", "html", "json"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
    truth = round_summary(session)
    line = depth_line(truth)
    assert "Tradeoffs 1/2" in line and "Stated assumptions 1/1" in line and "Evaluation metrics 0/2" in line

    kinds = [(f.answer_id, f.kind) for f in session.findings]
    design_id, serving_id = (a.id for a in session.answers)
    assert (design_id, "tradeoffs") in kinds and (design_id, "assumptions") in kinds
    # The design answer is too short to be told what it lacked (no metric); the serving one is not.
    missing = {f.answer_id: f.message for f in session.findings if f.kind == "depth_missing"}
    assert list(missing) == [serving_id]
    assert missing[serving_id] == ("Not heard: a tradeoff, an edge case or failure mode, a metric and a number "
                                   "with its unit. Say what a choice costs, what happens when an input is odd or "
                                   "a part fails, which metric shows it works and sizes with units.")
    tradeoff = next(f for f in session.findings if f.kind == "tradeoffs")
    assert "instead of a deep net because" in tradeoff.message and tradeoff.start > 1.0

    screen = ReviewScreen()
    screen.show_session(session)
    assert f"{DEPTH_HEADING}:</b> {line}" in screen.summary.text()
    shown = [screen.findings.item(i).text() for i in range(screen.findings.count())]
    assert any(finding_label("tradeoffs") in t and "instead of a deep net" in t for t in shown)
    # "Not heard: ..." says its label ("Depth not heard"): shown without it, not twice
    assert any(t.endswith(missing[serving_id]) and finding_label("depth_missing") not in t for t in shown)

    md = (tmp_path / "round.md").read_text()
    html = (tmp_path / "round.html").read_text()
    for text in (md, html):
        assert DEPTH_HEADING in text and line in text
        assert finding_label("tradeoffs") in text and "instead of a deep net because" in text
        assert "Not heard: a tradeoff, an edge case" in text and f'{finding_label("depth_missing")}: Not heard' not in text
    data = json.loads((tmp_path / "round.json").read_text())
    depth = data["session"]["numbers"]["depth"]
    assert depth["tradeoffs"] == {"label": "Tradeoffs", "area": "tradeoffs", "heard": 1, "questions": 2}
