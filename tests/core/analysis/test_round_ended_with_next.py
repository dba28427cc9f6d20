"""The round summary names how the candidate ended the round and every part left with Next.
Trial17's coding round (its stored phase records below): "Moved on early with Next from: Code,
Test" and "You ended the round at 6.1 of 45 min", while the round was ended with N in Your
questions. Scale it up ended when its question was answered (its agenda was done: the answer
ended on silence 3 s after "That's it.", the part 0.2 s later), so it is rightly not in the list."""
from interviewer.core.analysis.report import analyze_round

PLAN = [("intro", 2.0), ("clarify", 5.0), ("approach", 7.0), ("code", 16.0), ("test", 7.0), ("scale", 5.0),
        ("wrap_up", 3.0)]
NAMES = {"intro": "Introduction", "clarify": "Clarify the problem", "approach": "Approach", "code": "Code",
         "test": "Test", "scale": "Scale it up", "wrap_up": "Your questions"}
# phase_timeline of session 1: (phase, start, end) in round seconds
STORED = [("intro", 0.0, 17.007), ("clarify", 17.007, 130.810), ("approach", 130.810, 184.921),
          ("code", 184.921, 223.103), ("test", 223.103, 223.130), ("scale", 223.130, 331.925),
          ("wrap_up", 331.925, 366.358)]
ENDED_BY = {"intro": "agenda", "clarify": "agenda", "approach": "agenda", "code": "next", "test": "next",
            "scale": "agenda"}


def _summary(last_ended_by):
    timeline = [(phase, dict(PLAN)[phase], end - start) for phase, start, end in STORED]
    result = analyze_round([], timeline, phase_names=NAMES, plan=PLAN,
                           ended_by={**ENDED_BY, "wrap_up": last_ended_by})
    return [f.message for f in result.findings if f.kind == "round_ended_early"]


def test_the_summary_says_the_round_was_ended_with_next():
    assert _summary("next") == ["You ended the round with Next at 6 min 6 s of 45 min planned, in Your questions. "
                                "Moved on early with Next from: Code, Test."]


def test_ended_with_end_round_it_says_so_without_next():
    assert _summary("stopped") == ["You ended the round at 6 min 6 s of 45 min planned, in Your questions. "
                                   "Moved on early with Next from: Code, Test."]
