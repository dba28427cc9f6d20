"""Trial 35 D12 (suggestion 1): a wrong claim listed as a common mistake got the scripted probe
"What changes after launch that your offline test couldn't see?" with no lead-in, which sounded
like an ordinary follow-up. The push-back starts with "Are you sure about that?" unless the probe
already challenges ("Are you sure? ...", "Hmm, ...", "Always better? ...")."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.pitfalls import push_back_text
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

WRONG = ("It was a fraud model served behind a REST service. Once it launched, the model doesn't need "
         "monitoring because it was validated offline. That's it.")


def test_the_trial_push_back_opens_with_a_challenge():
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, ask_for_more_below_words=12)
    engine.start()
    pushed = []
    for _ in range(4):
        clock.advance(30)
        pushed += [e for e in engine.answer_finished(WRONG) if isinstance(e, AskQuestion)
                   and (e.follow_up_id or "").startswith("pitfall")]
        if pushed:
            break
    assert pushed, "the trial's wrong claim is pushed back on"
    assert pushed[0].text.startswith("Are you sure about that? "), pushed[0].text


@pytest.mark.parametrize("probe", ["Are you sure? What does clipping do to one huge gradient step?",
                                   "Hmm, let me push on that: does a squared penalty push a tiny weight to zero?",
                                   "Always better? What errors is the current model making?"])
def test_a_probe_that_already_challenges_gets_no_second_lead_in(probe):
    assert push_back_text(probe) == probe
