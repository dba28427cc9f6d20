"""Trial 24: "Spoke too fast: 190 words per minute while speaking, 169 with pauses (fast is over
190 while speaking and 160 with pauses)": the rate was 190.3, shown 190, and 190 is not over 190.
The verdict compares the whole numbers every view shows, and the wording says both limits apply."""
from interviewer.app.review_model import fmt_wpm
from interviewer.core.analysis.pace import Pace
from interviewer.core.analysis.report import pace_finding


def _pace(articulation_wpm: float, wpm: float, words: int = 126) -> Pace:
    return Pace(words, 60 * words / wpm, 60 * words / articulation_wpm)


def test_a_rate_shown_at_the_limit_is_not_too_fast():
    pace = _pace(190.3, 169.0)
    assert fmt_wpm(pace.articulation_wpm) == "190"
    assert pace.verdict == "normal"
    assert pace_finding(pace) is None


def test_a_rate_shown_over_the_limit_is_too_fast_and_names_the_shown_numbers():
    pace = _pace(190.6, 169.0)
    assert pace.verdict == "fast"
    finding = pace_finding(pace)
    assert finding.message == ("Spoke too fast: 191 words per minute while speaking, 169 with pauses "
                               "(fast is over 190 while speaking and also over 160 with pauses).")


def test_with_pauses_shown_at_its_limit_is_not_too_fast():
    # 160.4 with pauses shows as 160: not over 160, so not fast however quick the speech.
    assert _pace(230.0, 160.4).verdict == "normal"
