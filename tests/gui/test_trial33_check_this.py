"""Trial 33 defect 1 in the review: the backwards answer "Gradient boosted trees are the best
choice for images and raw text. Neural networks work best on small tabular data sets." ticked both
talking points covered, with that sentence as the evidence of both. Now the review (offscreen, pytest-qt) lists each wrong claim as
"Check this" with its correction under "To work on", never under "Went well", and the Markdown
export says the same."""
from __future__ import annotations

from interviewer.core.analysis.coverage import PITFALLS_KEY, part_pitfalls
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import question_findings
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir
from interviewer.storage import SessionStatus, Store
from interviewer.storage.progress import round_summary
from tests.core.analysis.speech import spoken

# The trial's L1 sentence was said to this question too; its pitfall belongs to the question that asks
# about regularization (ml_breadth_fundamentals), where tests/core/test_trial33_pitfalls.py checks it.
WRONG = ("Gradient boosted trees are the best choice for images and raw text. Neural networks work best on small "
         "tabular data sets. That's it.")


def _stored(store: Store) -> int:
    script = next(s for s in discover_scripts(bundled_scripts_dir()).scripts if s.id == "ml_breadth_applied")
    question = script.question("trees_vs_nets")
    sid = store.create_session(script.id, script.title, script.kind, 45)
    store.add_phase(sid, question.phase, "Training", 10, 0.0)
    aid = store.add_answer(sid, question.id, question.text, asked_at=160.0, answer_start=163.0, answer_end=190.0)
    transcript = spoken(WRONG)
    analysis = analyze_answer(transcript, round_kind=script.kind, question_findings=False).to_dict()
    analysis[PITFALLS_KEY] = part_pitfalls(analysis, question)  # as the round stores it (app/round_session.py)
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analysis)
    for answer_id, f in question_findings(round_summary(store.get_session(sid))):
        store.add_finding(sid, f.kind, f.message, answer_id=answer_id, start=f.start, end=f.end,
                          details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_the_review_says_check_this_with_the_correction_never_went_well(qtbot, isolated_dirs, tmp_path):
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = _stored(store)
        session = store.get_session(sid)
        export_session(store, sid, "md", tmp_path / "round.md")
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    shown = [screen.findings.item(i).text() for i in range(screen.findings.count())]
    checks = [t for t in shown if "Check this" in t]
    assert len(checks) == 2, shown
    assert any("best choice for images" in t and "In fact: Neural networks are the better choice" in t for t in checks)
    assert any("small tabular data" in t and "gradient-boosted trees usually beat" in t for t in checks)
    good, bad = screen.ten_seconds.strengths.text(), screen.ten_seconds.fixes.text()
    assert "Check this" in bad and "best choice for images" in bad
    assert "Check this" not in good and "images" not in good and "tabular" not in good
    assert "4 of 4" not in screen.summary.text() and "Talking points covered: 2 of 2 points" not in screen.summary.text()
    md = (tmp_path / "round.md").read_text()
    assert "Check this" in md and "In fact: Neural networks are the better choice" in md
