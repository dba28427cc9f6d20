"""The round's "Five minutes left in the round." is not said right before a phase prompt that says
the time left itself ("About five minutes left. Summarize your design ...", as eight bundled rounds'
last phases do); before a prompt that does not ("Let's wrap up. Do you have questions for me?") it
still is.

Before: a round that ran to plan, or whose earlier phases ended early and whose later ones then ran
to their new plan, said "Five minutes left in the round." and at once "About five minutes left. ..."."""
from dataclasses import replace

import pytest

from engine_scripts import design_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseStarted, RoundEndingSoon, RoundEngine
from test_engine import simulate

SAYS_TIME_LEFT = "About five minutes left. Summarize your design, then it's your turn to ask me."


def _round(wrap_prompt):
    script = design_round()
    phases = script.phases[:-1] + (replace(script.phases[-1], prompt=wrap_prompt),)
    return replace(script, phases=phases)


@pytest.mark.parametrize("move_on_early", [False, True])
def test_no_round_warning_right_before_a_prompt_that_says_the_time_left(move_on_early):
    clock = FakeClock(1000.0)
    events = simulate(RoundEngine(_round(SAYS_TIME_LEFT), clock, move_on_early=move_on_early), clock,
                      answer_after=600.0)
    wrap = next(e for e in events if isinstance(e, PhaseStarted) and e.phase == "wrap")
    assert SAYS_TIME_LEFT.split(".")[0] in wrap.prompt
    assert not [e for e in events if isinstance(e, RoundEndingSoon) and abs(e.at - wrap.at) < 1.0], events


def test_the_round_warning_stays_before_a_prompt_that_does_not_say_the_time():
    clock = FakeClock(1000.0)
    events = simulate(RoundEngine(_round("Let's wrap up. Do you have questions for me?"), clock,
                                  move_on_early=False), clock)
    assert RoundEndingSoon(300.0, 3300.0) in events
