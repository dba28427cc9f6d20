"""Trial 44 (D5): "Probe: You'd go with radiant boosted trees. What does that cost you compared
with the other options...?" after the candidate said "gradient boosted trees": the request for a
tradeoff said a mishearing back as the interviewer's own words. A choice is said back only when
its words are the script's (probes.script_vocabulary); otherwise another choice named in the
script's words, or with none the candidate is asked which choice they would defend (TRADEOFF_PLAIN). The engine on trial 40's script, a fake clock, keyword matching."""
from test_trial40_design_parts_dig_in import DESIGN, FRAUD, _fraud_round

from interviewer.core.probes import TRADEOFF_ID, TRADEOFF_PLAIN, known_choice, script_vocabulary
from interviewer.core.scripts.loader import load_script

MISHEARD = DESIGN.replace("gradient boosted trees", "radiant boosted trees")


def _design_tradeoff(answer: str):
    asked = _fraud_round(answer)
    design = [a for part, a in asked if part == "design" and a.follow_up_id == TRADEOFF_ID]
    assert len(design) == 1, [(p, a.text) for p, a in asked]
    return design[0].text


def test_a_misheard_choice_is_not_said_back():
    text = _design_tradeoff(MISHEARD)
    assert "radiant" not in text
    # Another choice named in the script's words is said instead (trial 48: never "that choice").
    assert "class weights" in text and text not in TRADEOFF_PLAIN, text


def test_with_no_choice_to_say_back_the_candidate_is_asked_which_one():
    text = _design_tradeoff(MISHEARD.replace("I will use class weights", "class weights are used"))
    assert "radiant" not in text and text in TRADEOFF_PLAIN, text
    assert "which one" in text and "that choice" not in text


def test_a_choice_in_the_scripts_words_is_still_said_back():
    assert "gradient boosted trees" in _design_tradeoff(DESIGN)


def test_known_choice_needs_every_word_in_the_script():
    vocabulary = script_vocabulary(load_script(FRAUD))
    assert known_choice("gradient boosted trees", vocabulary)
    assert known_choice("a gradient boosted tree", vocabulary)
    assert not known_choice("radiant boosted trees", vocabulary)
