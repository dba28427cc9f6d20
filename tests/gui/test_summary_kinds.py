"""The review's "The round in ten seconds" listed the round's first problems in time order:
three moments of one habit could take every slot of "To work on" before a worse one, and the
strongest moment of a kind lost to its first. Different kinds first, strongest evidence first."""
from __future__ import annotations

import html

from interviewer.core.analysis.ten_seconds import highlights
from interviewer.gui.review_summary import TenSecondSummary
from interviewer.storage.models import Answer, Finding, Session


def _session() -> Session:
    answers = [Answer(i, 1, f"q{i}", None, f"Question {i}", None, 100.0 * i, 100.0 * i + 60, None) for i in (1, 2, 3)]
    problem = {"severity": "problem"}
    findings = [
        Finding(1, 1, "went_silent", 5.0, 9.0, "Went silent for 4.0 s.", problem),
        Finding(2, 2, "went_silent", 5.0, 17.0, "Went silent for 12.0 s.", problem),
        Finding(3, 3, "went_silent", 5.0, 11.0, "Went silent for 6.0 s.", problem),
        Finding(4, 1, "response_latency", 0.0, 6.0, "Took 6.0 s to start answering.", problem),
        Finding(5, 2, "fillers", 1.0, None, "9 filler words.", problem),
        Finding(6, 3, "fillers", 1.0, None, "7 filler words.", problem),
        Finding(7, 1, "long_pause", 20.0, 22.5, "Paused 2.5 s.", {"severity": "note"}),
    ]
    return Session(1, "f", "s", "Round", "ml_system_design", 45, 0.0, 400.0, "completed",
                   answers=answers, findings=findings)


def test_to_work_on_names_each_kind_once_the_most_seen_and_its_strongest_moment_first(qtbot):
    session = _session()
    bad = highlights(session, "problem")
    assert [(h.label, h.message) for h in bad] == [
        ("Went silent", "Went silent for 12.0 s."), ("Fillers", "9 filler words."),
        ("Slow start", "Took 6.0 s to start answering.")]
    summary = TenSecondSummary()
    qtbot.addWidget(summary)
    summary.show_session(session)
    text = summary.fixes.text()
    # each kind once; a message that says its label is not headed by it again ("Went silent: Went silent ...")
    assert text.count("Went silent") == 1 and "12.0 s" in text and "Paused" not in text
    assert text.index("Went silent for 12.0 s") < text.index("9 filler words") < text.index("<b>Slow start</b>")
    assert "<b>Fillers</b>" not in text


def test_a_line_says_when_other_answers_showed_the_same(qtbot):
    """'Clarifying questions: Asked 1 clarifying question.' stood for a round that asked 3 (2 more
    in another answer): read as the round's count, it was wrong (new-user trial)."""
    session = _session()
    good = {"severity": "good"}
    session.findings += [Finding(8, 1, "clarifying_questions", 1.0, None, "Asked 1 clarifying question.", good),
                         Finding(9, 2, "clarifying_questions", 2.0, None, "Asked 2 clarifying questions.", good),
                         Finding(10, 3, "depth_numbers", 3.0, None, "Sixty days.", good),
                         Finding(11, 3, "depth_edge_cases", 4.0, None, "Fail open.", good)]
    summary = TenSecondSummary()
    qtbot.addWidget(summary)
    summary.show_session(session)
    # One line with the round's count (trial13), no "(also in ...)" after it.
    assert "Asked 3 clarifying questions in the round (on 2 of the interviewer's questions).</li>" in html.unescape(summary.strengths.text())
    fixes = summary.fixes.text()  # silences in 3 answers, fillers in 2, one slow start
    assert "Went silent for 12.0 s.</b>" not in fixes
    assert "Went silent for 12.0 s. <i>(also in 2 more answers)</i>" in fixes
    assert "9 filler words. <i>(also in 1 more answer)</i>" in fixes
    assert "Took 6.0 s to start answering.</li>" in fixes


def test_went_well_praises_clarifying_questions_once_per_question(qtbot):
    """Trial: a question with two follow-ups listed 'Asked 2 clarifying questions.' and 'Asked 1
    clarifying question.' under "Went well", the same praise per answer. Once per question,
    at its first answer that asked, with the count of all its answers."""
    from dataclasses import replace

    good = {"severity": "good"}
    asked = lambda n: {"clarifying_questions": [{"text": "How many?"}] * n}  # noqa: E731
    answers = [Answer(1, 1, "feed", None, "Design a feed.", 10.0, 12.0, 60.0, None, analysis=asked(2)),
               Answer(2, 1, "feed", "metric", "Which metric?", 70.0, 72.0, 100.0, None, analysis=asked(1)),
               Answer(3, 1, "feed", "fresh", "New users?", 110.0, 112.0, 150.0, None, analysis=asked(0)),
               Answer(4, 1, "serve", None, "Serve it.", 200.0, 202.0, 260.0, None, analysis=asked(1))]
    findings = [Finding(1, 1, "clarifying_questions", 1.0, None, "Asked 2 clarifying questions.", good),
                Finding(2, 2, "clarifying_questions", 2.0, None, "Asked 1 clarifying question.", good),
                Finding(3, 4, "clarifying_questions", 3.0, None, "Asked 1 clarifying question.", good),
                Finding(4, 3, "depth_numbers", 3.0, None, "Sixty days.", good)]
    session = Session(1, "f", "s", "Round", "ml_system_design", 45, 0.0, 400.0, "completed",
                      answers=answers, findings=findings)
    good_lines = [(h.answer_id, h.message, h.elsewhere) for h in highlights(session, "good")]
    # Two questions asked: one line for the round (trial13), at the first question asked.
    assert good_lines == [(1, "Asked 4 clarifying questions in the round (on 2 of the interviewer's questions).", 0), (3, "Sixty days.", 0)]
    assert [h.elsewhere for h in highlights(session, "good", limit=2)] == [0, 0]  # the line says the total
    summary = TenSecondSummary()
    qtbot.addWidget(summary)
    summary.show_session(session)
    text = summary.strengths.text()
    assert text.count("Clarifying questions") == 1 and "play:2:" not in text and "play:4:" not in text
    # Stored without its analysis: the counts come from the messages.
    session = replace(session, answers=[replace(a, analysis=None) for a in answers])
    assert highlights(session, "good")[0].message == "Asked 4 clarifying questions in the round (on 2 of the interviewer's questions)."


def test_the_clarifying_line_agrees_with_the_rounds_total(qtbot):
    """Trial13: 'Clarifying questions: Asked 3 clarifying questions. (also in 2 more questions)'
    under a round line of 7, where no answer asked 3: 1+1+1 over a question and its two
    follow-ups, then 2 and 2. One line says the round's count, as the round line does."""
    from interviewer.app.review_model import round_numbers

    good = {"severity": "good"}
    asked = lambda n: {"clarifying_questions": [{"text": "How many?"}] * n}  # noqa: E731
    rows = [("nan", None, "Your loss jumps to NaN. Walk me through it.", 1), ("nan", "lr", "Learning rate?", 1),
            ("nan", "norm", "Batch or layer norm?", 1), ("gbt", None, "Trees or a network?", 2),
            ("boost", None, "Boosting or forests?", 0), ("merchant", None, "Two million merchant ids?", 2)]
    answers = [Answer(i, 1, q, f, text, 60.0 * i, 60.0 * i + 2, 60.0 * i + 50, None, analysis=asked(n))
               for i, (q, f, text, n) in enumerate(rows, start=1)]
    findings = [Finding(i, a.id, "clarifying_questions", 1.0, None,
                        f"Asked {n} clarifying question{'s' if n > 1 else ''}.", good)
                for i, (a, (*_, n)) in enumerate(zip(answers, rows), start=1) if n]
    session = Session(1, "f", "s", "Round", "ml_breadth", 45, 0.0, 400.0, "completed",
                      answers=answers, findings=findings)
    total = round_numbers(session).clarifying_asked
    assert total == 7
    summary = TenSecondSummary()
    qtbot.addWidget(summary)
    summary.show_session(session)
    text = html.unescape(summary.strengths.text())
    assert f"Clarifying questions</b>: Asked {total} clarifying questions in the round (on 3 of the interviewer's questions)." in text
    assert "also in" not in text


def test_a_round_with_nothing_heard_does_not_read_as_one_with_nothing_to_fix(qtbot):
    """Trial 10: a round ended 24 s in, before any answer, read 'To work on: Nothing to fix was
    flagged in this round.'"""
    from interviewer.core.transcript import Segment, Transcript, Word

    summary = TenSecondSummary()
    qtbot.addWidget(summary)
    empty = Session(2, "f", "s", "Round", "phone_screen", 45, 0.0, 24.0, "completed", answers=[], findings=[])
    summary.show_session(empty)
    assert "Nothing to fix was flagged" not in summary.fixes.text()
    assert "Nothing was heard" in summary.fixes.text() and "Nothing was heard" in summary.strengths.text()
    # Answers with words, and no finding: nothing was flagged, as before.
    said = _session()
    said.findings = []
    said.answers[0].transcript = Transcript([Segment("Hello", 0.0, 0.4, (Word("Hello", 0.0, 0.4),))])
    summary.show_session(said)
    assert "Nothing to fix was flagged in this round." in summary.fixes.text()
