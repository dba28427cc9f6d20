"""Trial 41, follow-ups asked after the answer had said them (defects 6 and 10):
- "How long was it between the problem starting and someone noticing? Why that long?" after
  "the approval rate alert caught it after two days", said twice: a duration said answers a
  follow-up that asks only how long (`Matcher.follow_up_needed`, `covered_plainly`);
- "How would you test it on live traffic?" after "I will run on a meet-test on live traffic
  first." (an A/B test, misheard): the regression had skipped it, but only as a guess, and the
  last chance asked it with time left. An answer that says the follow-up's own content words in
  one sentence (`Matcher.restates`) has covered it for the last chance and the dig-in
  (`RoundEngine._is_covered`)."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.core.scripts.model import FollowUp
from interviewer.resources import bundled_scripts_dir

DETECTION_DELAY = FollowUp("detection_delay", "How long was it between the problem starting and someone noticing? Why that long?",
                           if_missing=("hours later", "days later", "took days", "nobody noticed"))
RUN_THE_TEST = FollowUp("significance", "How long would you run the test, and how would you know the result isn't noise?",
                        if_missing=("significance", "power", "sample size"))


@pytest.fixture(scope="module", params=["model", "lexical"])
def matcher(request):
    if request.param == "lexical":
        return Matcher(None)
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


@pytest.mark.parametrize("said", ["The amount field changed units upstream, and the approval rate alert caught it after two days.",
                                  "Two days. The alert used a daily window with a loose threshold.",
                                  "It took about 36 hours, because the labels arrive late."])
def test_a_duration_answers_a_follow_up_that_asks_only_how_long(matcher, said):
    assert not matcher.follow_up_needed(said, DETECTION_DELAY, "What happened, and how did you find out?")
    assert matcher.covered_plainly(said, DETECTION_DELAY)


@pytest.mark.parametrize("said", ["We retrained it once a day and checked the dashboards every two weeks.",
                                  "The approval rate alert fired and I compared the feature distributions."])
def test_how_often_or_no_time_at_all_does_not(matcher, said):
    assert not matcher.covered_plainly(said, DETECTION_DELAY)


def test_a_duration_does_not_answer_a_follow_up_that_asks_something_else_too(matcher):
    said = "Two weeks."
    assert matcher.follow_up_needed(said, RUN_THE_TEST)
    assert not matcher.covered_plainly(said, RUN_THE_TEST)


def test_restating_the_follow_up_covers_it_only_with_all_its_content_words_in_one_sentence(matcher):
    live = FollowUp("online_test", "How would you test it on live traffic?", if_missing=("a/b", "experiment"))
    assert matcher.restates("I will run on a meet-test on live traffic first. That's it.", live)
    assert not matcher.restates("I would test it offline first. Then live, with a slice of traffic.", live)
    heap = FollowUp("why_heap", "Why a heap?", if_missing=("log k",))
    assert not matcher.restates("I keep a min-heap of size k.", heap)  # one content word names the subject only


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def test_how_would_you_test_it_on_live_traffic_is_not_asked_after_a_test_on_live_traffic():
    from interviewer.adapters.embeddings import OnnxTextEncoder
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None,
                         matcher=Matcher(OnnxTextEncoder()))
    engine.start()
    while engine.current_phase.id != "experiments":
        engine.next_phase()
    asked = []
    for said in ["I will run on a meet-test on live traffic first. That's it.",
                 "Two weeks, we'll have significant stress. That's it.",
                 "With a 50-50 user split. That's it.", "I don't know."]:
        clock.advance(15)
        events = _asks(engine.answer_finished(said))
        if not events or engine.current_phase.id != "experiments":
            break
        asked.append(events[-1].follow_up_id)
    assert "online_test" not in asked, asked
