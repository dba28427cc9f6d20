"""Trial 27 item 12: "Went well" listed the same sentence at 02:36 twice, once as "Numbers and
units" and once as "Evaluation metrics". Findings quoting the same moment are one item naming
both kinds (ten_seconds builds the list once for the review and every export)."""
from types import SimpleNamespace

from interviewer.core.analysis.ten_seconds import highlights, ten_seconds

QUOTE = ('"Traffic, time on day and career supply, and evaluate with me absolute error and the share of '
         'orders late by more than five minutes."')


def _finding(kind, answer_id, start, end, message, severity="good"):
    return SimpleNamespace(kind=kind, message=message, answer_id=answer_id, start=start, end=end,
                           details={"severity": severity})


def _session():
    answers = [SimpleNamespace(id=i, question_id=q, answer_start=at, transcript=None, analysis={})
               for i, q, at in ((2, "design_eta", 38.6), (3, "framing", 105.6), (6, "design_eta", 234.5))]
    findings = [_finding("metrics", 3, 50.32, 58.42, QUOTE),
                _finding("numbers", 3, 50.32, 58.42, QUOTE),
                _finding("numbers", 6, 4.54, 9.38, '"Because late costs three times more, I would train with '
                                                   'an asymmetric loss."')]
    return SimpleNamespace(answers=answers, findings=findings)


def test_one_moment_is_one_item_naming_both_kinds():
    good, _ = ten_seconds(_session())
    quoted = [h for h in good.items if h.message == QUOTE]
    assert len(quoted) == 1
    assert quoted[0].text == f"Evaluation metrics, Numbers and units: {QUOTE}"
    # The other number, in another answer, is still its own line, and nothing says it twice.
    assert [h.answer_id for h in good.items] == [3, 6]
    assert all("also in" not in h.text for h in good.items)


def test_the_kinds_other_answers_are_still_counted():
    """Listed alone, the merged line says the number heard in another answer is more of its kind."""
    [merged] = highlights(_session(), "good", limit=1)
    assert merged.text == f"Evaluation metrics, Numbers and units: {QUOTE} (also in 1 more answer)"
