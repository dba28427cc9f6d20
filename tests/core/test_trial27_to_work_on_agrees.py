"""Trial 27 item 6: an ML breadth round's review said "Nothing to fix was flagged in this round"
while its summary, exports and Home card said "Missed: Evaluation metrics; Tradeoffs". The areas
a round missed (weak_spots.RoundContent.missed, the one verdict) are to work on in the review too.
Item 5: "Missed: Quantified results (talking points: 1 of 1 covered, but not heard in any of the 2
questions that called for it)" contradicted itself: it now names what was not heard."""
from types import SimpleNamespace

from interviewer.core.analysis.ten_seconds import ten_seconds
from interviewer.core.weak_spots import AREAS_MEANING, POINTS, SIGNAL, AreaResult, areas_line, merge


def _session(*findings):
    answer = SimpleNamespace(id=21, question_id="batch_norm", answer_start=29.0, transcript=None, analysis={})
    return SimpleNamespace(answers=[answer], findings=list(findings))


def test_missed_areas_are_to_work_on_not_nothing_flagged():
    _, bad = ten_seconds(_session(), (), ["evaluation metrics", "tradeoffs"])
    assert [h.text for h in bad.items] == ["Topic areas missed: Evaluation metrics and Tradeoffs."]
    assert bad.items[0].answer_id == 21 and bad.items[0].round_time == 29.0
    # No area missed: as before.
    assert ten_seconds(_session())[1].items == [] and ten_seconds(_session())[1].empty.startswith("Nothing to fix")


def test_missed_areas_come_first_and_leave_room_for_two_problems():
    problems = [SimpleNamespace(kind=k, message=m, answer_id=21, start=s, end=None, details={"severity": "problem"})
                for k, m, s in [("went_silent", "Went silent for 9 s.", 1.0), ("slow_start", "Took 9 s to start.", 2.0),
                                ("hedging", "3 hedges.", 3.0)]]
    _, bad = ten_seconds(_session(*problems), (), ["tradeoffs"])
    assert len(bad.items) == 3 and bad.items[0].text == "Topic areas missed: Tradeoffs."


def test_points_covered_but_signal_not_heard_names_what_was_not_heard():
    areas = merge([AreaResult("quantified results", 1, 1, POINTS), AreaResult("quantified results", 2, 0, SIGNAL)])
    line = areas_line(areas)
    assert line.endswith("Missed: Quantified results (talking points: 1 of 1 covered, but a number in the result "
                         "was not heard in any of the 2 questions that called for it). " + AREAS_MEANING)
    areas = merge([AreaResult("clarifying requirements", 1, 1, POINTS),
                   AreaResult("clarifying requirements", 1, 0, SIGNAL)])
    assert "but a clarifying question was not asked in the 1 question that called for it" in areas_line(areas)
    areas = merge([AreaResult("tradeoffs", 2, 2, POINTS), AreaResult("tradeoffs", 3, 1, SIGNAL)])
    assert "but a tradeoff was heard in 1 of 3 questions that called for it" in areas_line(areas)
