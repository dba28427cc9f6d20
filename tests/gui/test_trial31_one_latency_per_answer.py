"""Trial 31 defect 10: the model question's answer, paused and resumed (the question said again
after it), read "04:27 Slow start: Took 10.5 s to start answering." in the summary, "Response
latency: 6.4 s" in its row and the export, and carried two Slow start findings (10.5 s and 6.4 s).
One latency per answer (core summary.answer_latency: from the end of the question to the first
word, the first time it was answered), one slow start, the same in every view of one stored round."""
from __future__ import annotations

import html
import re
from dataclasses import replace

from interviewer.core.analysis.ten_seconds import ten_seconds
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store

QUESTION = "Which model would you train, with which loss, and how do you turn it into the window?"


def _analysis(latency: float, text: str, question_end: float) -> dict:
    start = question_end + latency
    words = [{"text": w, "start": start + 0.3 * i, "end": start + 0.3 * i + 0.25} for i, w in enumerate(text.split())]
    return {"response_latency": latency, "words": words, "fillers": [], "pauses": [], "word_count": len(words),
            "findings": [{"kind": "response_latency", "start": question_end, "end": start,
                          "message": f"Took {latency:.1f} s to start answering.", "severity": "note"}]}


def _round(store: Store) -> int:
    sid = store.create_session("sd", "Delivery time estimates", "ml_system_design", 55, started_at=1_700_000_000)
    store.add_phase(sid, "model", "Model and loss", 9, 0.0)
    first = store.add_answer(sid, "model_loss", QUESTION, asked_at=260.0, answer_start=267.0, with_audio=False)
    store.finish_answer(first, answer_end=293.0)
    store.attach_analysis(first, _analysis(10.5, "I would start with gradient boosted trees on the tabular "
                                                  "features and a pinball loss for the window", 0.0))
    # Pause, resume: "Welcome back." and the question said again; the answer goes on.
    second = store.add_answer(sid, "model_loss", QUESTION, asked_at=260.0, answer_start=298.0, with_audio=False)
    store.finish_answer(second, answer_end=320.0)
    store.attach_analysis(second, _analysis(6.4, "As I said gradient boosted trees with a pinball loss "
                                                  "compared against the current heuristic", 0.0))
    store.finish_session(sid, ended_at=1_700_000_330)
    return sid


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_one_latency_and_one_slow_start_in_every_view(isolated_dirs):
    with Store.open() as store:
        session = store.get_session(_round(store))
    slow = [f for f in session.findings if f.kind == "response_latency"]
    assert [f.message for f in slow] == ["Took 10.5 s to start answering."]
    report = build_report(session, script=None)
    [answer] = report.answers
    assert answer.numbers["Response latency"] == "10.5 s"
    report = replace(report, ten_seconds=ten_seconds(session))
    assert any("Took 10.5 s" in h.message for h in report.ten_seconds[1].items)
    for text in (render_markdown(report, escape=False), _plain(render_html(report))):
        assert "6.4 s" not in text
        assert text.count("Took 10.5 s to start answering.") == 2  # the summary and the answer's findings
        assert re.search(r"Response latency:? 10\.5 s", text), text
        assert re.search(r"Mean response latency:?\W* 10\.5 s", text), text
