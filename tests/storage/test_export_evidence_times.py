"""Talking-point quotes in the exports say when they were said in round time, as the answers'
labels do ('answer from 2:20.3'). They gave seconds into the quote's recording, so an answer
said in two recordings (a mic pause in the middle) quoted its later sentence as 'answer 5,
0:06.5' under an earlier one at 'answer 5, 0:15.6' (new-user trial)."""
from types import SimpleNamespace

from interviewer.core.analysis.coverage import COVERED, Evidence, PointCoverage, QuestionCoverage
from interviewer.export import coverage_section
from interviewer.export.report import AnswerReport, SessionReport


def test_quotes_are_placed_in_round_time_across_an_answers_recordings():
    first = SimpleNamespace(id=6, answer_start=140.3)
    after_pause = SimpleNamespace(id=7, answer_start=170.0)
    report = SessionReport(session=None, heading="", facts={}, phases=[])
    report.answers = [AnswerReport(5, first, [], {}, [], False, [first, after_pause])]
    point = PointCoverage(0, "Label delay", None, COVERED, 0.9, evidence=(
        Evidence(6, "Labels come from chargebacks.", 15.6, 18.0, 0.8),
        Evidence(7, "We train on data at least sixty days old.", 6.5, 9.0, 0.7)))
    coverage = [QuestionCoverage("labels", "Where do labels come from?", "data", (point,), ())]
    md = "\n".join(coverage_section.markdown(coverage, [], report.answer_numbers(), str, True,
                                             report.part_starts()))
    assert '"Labels come from chargebacks." (answer 5, 02:36)' in md
    assert '"We train on data at least sixty days old." (answer 5, 02:56)' in md
    html = coverage_section.html_section(coverage, [], report.answer_numbers(), True, report.part_starts())
    assert "(answer 5, 02:36)" in html and "(answer 5, 02:56)" in html
