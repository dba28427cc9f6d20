"""Trial 25 item 9: "Talking points: 5 of 6 covered" was listed under Went well in an ads round
ended at 3.8 of 55 minutes. A round ended early is not praised for coverage over its first few
minutes: the line is a note saying what it counts ("in the 2 questions reached (ended early)"),
the same words in the review and every export (core/analysis/ten_seconds.py computes it once)."""
from __future__ import annotations

import html
import re
import sys
from dataclasses import replace
from pathlib import Path

from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.core.analysis.ten_seconds import TALKING_POINTS, ten_seconds
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report, highlight_line
from interviewer.storage import Store
from interviewer.storage.models import ENDED_EARLY_KIND

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402


def _coverage(first: tuple[str, ...], second: tuple[str, ...]) -> list[QuestionCoverage]:
    return [QuestionCoverage(qid, f"Question {n}?", "clarify",
                             tuple(PointCoverage(i, f"point {i}", None, s, 0.5) for i, s in enumerate(statuses)), ())
            for n, (qid, statuses) in enumerate((("q0", first), ("q1", second)))]


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split()).replace(" :", ":")


def test_points_of_a_round_ended_early_are_a_note_not_praise(qapp, isolated_dirs):
    from interviewer.gui.review_summary import TenSecondSummary

    coverage = _coverage((COVERED, COVERED, COVERED), (COVERED, COVERED, MISSED))
    with Store.open() as store:
        early = full_round(store)
        store.add_finding(early, ENDED_EARLY_KIND, "Ended early at 3.8 of 55 min.")
        full = full_round(store, "full")
        session, finished = store.get_session(early), store.get_session(full)
    assert session.ended_early and not finished.ended_early

    went_well, _ = ten_seconds(session, coverage)
    assert TALKING_POINTS not in [h.label for h in went_well.items]
    assert [h.text for h in went_well.notes] == [
        "Talking points covered: 5 of 6 points, in the 2 questions reached (ended early)."]
    # A round that ran its course still lists it under Went well, as before.
    kept, _ = ten_seconds(finished, coverage)
    assert kept.items[0].text == "Talking points covered: 5 of 6 points." and not kept.notes

    line = highlight_line(went_well.notes[0])
    review = TenSecondSummary()
    review.show_session(session, coverage)
    assert went_well.notes[0].text in _plain(review.strengths.text())
    report = replace(build_report(session), ten_seconds=ten_seconds(session, coverage))
    assert line in render_markdown(report, escape=False)
    assert line in _plain(render_html(report))


def test_a_round_ended_early_with_few_points_covered_still_says_its_count():
    from types import SimpleNamespace

    answer = SimpleNamespace(id=1, question_id="q0", answer_start=5.0, transcript=None, analysis={})
    session = SimpleNamespace(answers=[answer], findings=[], ended_early=True)
    went_well, _ = ten_seconds(session, _coverage((MISSED, COVERED), ())[:1])
    assert not went_well.items
    assert [h.text for h in went_well.notes] == [
        "Talking points covered: 1 of 2 points, in the 1 question reached (ended early)."]
