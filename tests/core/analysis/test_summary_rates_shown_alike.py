"""One number, one text: a new-user trial's review said "fillers 3 (4.0 per 100 words)" where
Home's recent sessions said "4.1 fillers/100 words" for the same round (3 fillers in 74 words is
4.054: the summary rounded it to 4.05 first, which one decimal shows as 4.0)."""
from interviewer.core.analysis.summary import Part, summarize


def test_the_round_and_answer_filler_rates_show_as_the_exact_rate_does():
    analysis = {"word_count": 74, "filler_count": 3, "speaking_seconds": 30.0}
    numbers = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 31.0, analysis)])
    exact = f"{100 * 3 / 74:.1f}"  # what Home and Progress show, from the stored counts
    assert exact == "4.1"
    assert f"{numbers.filler_rate:.1f}" == exact
    assert f"{numbers.answers[0].filler_rate:.1f}" == exact
