"""Trial 26, item 12a: the coding round's "Introduction: 2 min" and the ML depth round's "3 min"
opened with words that asked nothing: no turn for the candidate, the round went straight on to the
problem after a beat, and the plan showed minutes for a part nobody spoke in. Every bundled coding
and ML depth opening now ends by handing the turn over (what `asks_to_talk` reads: the controller
then waits for the candidate's answer instead of going on, SilenceRules._answers_opening_words)."""
import pytest

from interviewer.core.conversation_cues import asks_to_talk
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = [s for s in discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "none").scripts
           if s.kind in ("coding", "ml_depth")]


def test_there_are_coding_and_ml_depth_rounds():
    assert {s.kind for s in SCRIPTS} == {"coding", "ml_depth"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.id)
def test_the_opening_hands_the_turn_to_the_candidate(script):
    intro = script.phases[0]
    assert not script.questions_in(intro.id), "the opening part's own words are its only ask"
    assert asks_to_talk(intro.prompt), intro.prompt
