"""Trial 46 suggestion: the interviewer's own request for more ("Could you say a bit more? Walk
me through your thinking.") read "Follow-up:" live and in the exports, while the README keeps
"Follow-up:" for the script's follow-ups. The round screen, the review and the exports took the
label by three routes (a follow-up id, a line's kind, the text); one rule in the core now names
an interviewer line from its kind (core.ask_labels.line_label), and a follow-up the interviewer
adds on its own is a "Probe:" everywhere, as the probes were."""
from __future__ import annotations

import re

from interviewer.core.engine import ASK_FOR_MORE
from interviewer.core.probes import PROBES
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import Speaking

import test_trial38_round_screen_skipped_follow_up as t38

from test_one_source_of_truth import _transcript

QUESTION = "How would you rank posts in a news feed?"
ASK_MORE = ASK_FOR_MORE["default"].text
PROBE = PROBES["evaluation metrics"]
SCRIPTED = "Why discount by position at all?"
# (said at, kind, follow-up id, text): one stored round
ASKED = [(10.0, "question", None, QUESTION), (40.0, "follow_up", "ask-for-more", ASK_MORE),
         (80.0, "follow_up", "probe-0", PROBE), (120.0, "follow_up", "position", SCRIPTED)]


def _stored_round():
    from interviewer.storage import Store

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        for at, kind, follow_up_id, text in ASKED:
            answer = store.add_answer(sid, "feed", text, follow_up_id=follow_up_id, asked_at=at,
                                      answer_start=at + 3, answer_end=at + 20, with_audio=False)
            store.attach_transcript(answer, _transcript("I would rank by predicted clicks and dwell time.",
                                                        start=0.0))
            store.add_interviewer_line(sid, at, kind, text)
        return store.get_session(sid)


def _label_before(text: str, said: str, pattern: str) -> str:
    match = re.search(pattern + re.escape(said), text)
    assert match, (said, text)
    return match.group(1)


def test_one_round_has_the_same_labels_live_in_the_review_and_in_the_markdown(qtbot, isolated_dirs):
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report
    from interviewer.gui.review_screen import ReviewScreen

    session = _stored_round()
    screen, engine, _ = t38._screen(qtbot)
    for _, kind, follow_up_id, text in ASKED:
        screen.on_update(Speaking(text, UtteranceKind(kind), engine.elapsed(), "feed", follow_up_id=follow_up_id))
    live_text = screen.transcript.plain_text()
    review = ReviewScreen()
    qtbot.addWidget(review)
    review.show_session(session)
    review_text = review.transcript.toPlainText()
    md = render_markdown(build_report(session))

    live = [_label_before(live_text, text, r"(Q|Follow-up|Probe):\s*") for *_, text in ASKED]
    shown = [_label_before(review_text, text, r"\] (Q|Follow-up|Probe):\s*") for *_, text in ASKED]
    # The Markdown: each answer's heading, then "_Probe, asked at 00:40, ..._"
    exported = re.findall(r"^_(Question|Follow-up|Probe), asked at", md, re.MULTILINE)
    assert live == shown == ["Q", "Probe", "Probe", "Follow-up"], (live, shown)
    assert exported == ["Question", "Probe", "Probe", "Follow-up"], md
