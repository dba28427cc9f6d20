"""A question the script gives no expected points or outline (a user's minimal script) is not an
empty heading in the Markdown and HTML exports: the talking points section says there are none,
as the review does (the export's 'Talking points' ended on a bare '### Tell me how a hash table
works.')."""
from html import escape

from interviewer.core.analysis.coverage import PointCoverage, QuestionCoverage
from interviewer.export import coverage_section


def _question(qid, points=(), outline=()):
    return QuestionCoverage(qid, f"Question {qid}?", "main", points, outline)


def test_a_round_with_no_points_at_all_says_so_once():
    coverage = [_question("a"), _question("b")]
    md = "\n".join(coverage_section.markdown(coverage, [], {}, escape=str))
    html = coverage_section.html_section(coverage, [], {})
    assert coverage_section.NO_POINTS_IN_ROUND in md and "Question a?" not in md
    assert escape(coverage_section.NO_POINTS_IN_ROUND) in html and "Question a?" not in html


def test_a_question_without_points_among_others_says_it_has_none():
    point = PointCoverage(0, "Uses a hash map", None, "covered", 0.9)
    coverage = [_question("a", points=(point,)), _question("b")]
    md = coverage_section.markdown(coverage, [], {}, escape=str)
    after_b = md[md.index("### Question b?") + 1:]
    assert [line for line in after_b if line][0] == f"_{coverage_section.NO_POINTS}_"
    html = coverage_section.html_section(coverage, [], {})
    assert html.index(coverage_section.NO_POINTS) > html.index("Question b?")
