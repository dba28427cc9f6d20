"""Trial 46 suggestion: a 30 s pause of the round (P key, Pause round) was shown nowhere in the
review or the exports; the "Welcome back..." line after it had no note. It is now in the review's
timeline (a marked moment, with its words as tooltip and in the accessible description), in the
transcript where it happened and in the Markdown, HTML and JSON exports: "Round paused for 30 s"
(core.clock.paused_text, the length as length_text writes it)."""
from __future__ import annotations

import json

from test_one_source_of_truth import _transcript

QUESTION = "How does gradient boosting reduce error differently from a random forest?"
WELCOME = "Welcome back. We were on training and models; you have up to about ten minutes left for it."
PAUSED_AT, PAUSED_FOR = 255.0, 30.0  # 04:15, 30 s


def _stored_round():
    from interviewer.storage import Store

    with Store.open() as store:
        sid = store.create_session("test-breadth", "ML breadth", "ml_breadth", 45)
        answer = store.add_answer(sid, "gbt", QUESTION, asked_at=240.0, answer_start=244.0, answer_end=300.0,
                                  with_audio=False)
        store.attach_transcript(answer, _transcript("Boosting fits [3.0] the residuals of the trees before.",
                                                    start=0.0))
        store.add_interviewer_line(sid, 240.0, "question", QUESTION)
        store.add_interviewer_line(sid, 258.0, "nudge", WELCOME)
        store.add_pause(sid, PAUSED_AT, PAUSED_FOR)
        return store.get_session(sid)


def test_a_round_pause_is_in_the_review_timeline_transcript_and_the_exports(qtbot, isolated_dirs):
    from interviewer.export.html_report import render_html
    from interviewer.export.json_export import session_to_dict
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report
    from interviewer.gui.review_screen import ReviewScreen

    said = "Round paused for 30 s"  # core.clock.paused_text(30.0)
    session = _stored_round()
    review = ReviewScreen()
    qtbot.addWidget(review)
    review.resize(1280, 800)
    review.show_session(session)

    text = review.transcript.toPlainText()
    assert f"[04:15] {said}" in text, text
    assert text.count(said) == 1 and text.index(said) < text.index(WELCOME)

    plot = review.timeline
    assert plot.data.round_pauses == [(PAUSED_AT, PAUSED_FOR, "")]
    assert f"{said} at 04:15" in plot.accessibleDescription()
    assert plot.round_pause_tip(plot._x(PAUSED_AT)) == f"{said} at 04:15"
    assert plot.round_pause_tip(plot._x(PAUSED_AT) + 40) == ""

    report = build_report(session)
    md = render_markdown(report)
    assert f"> **At 04:15:** _{said}_" in md, md
    assert md.index(said) < md.index(WELCOME) and f"Interviewer at 04:15:** {said}" not in md
    page = render_html(report)
    assert f"<b>At 04:15:</b> <i>{said}</i>" in page and page.index(said) < page.index(WELCOME)
    exported = json.loads(json.dumps(session_to_dict(session), default=str))
    assert exported["session"]["pauses"] == [{"at": PAUSED_AT, "seconds": PAUSED_FOR, "why": ""}]
