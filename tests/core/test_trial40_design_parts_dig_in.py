"""Trials 38 and 40: an ML system design round of short answers lasted a fifth of its plan, and
the interviewer neither asked about a missed point nor for a tradeoff (the core's engine, a fake
clock, keyword matching):
(a) trial 40's own script (tests/data/trial40/fraud.toml): the point "Shadow mode, then a canary,
    with rollback" (area monitoring and rollback) was left by the design part to Monitoring,
    whose question asks about that area; Monitoring's own two points were made, so it closed
    after a minute and no part ever asked about it. The part a point is left to digs into it;
(b) no part asked for a tradeoff (review: "Tradeoffs 0/5"): a design part in which the candidate
    named none gets one request, built on the choice they named;
(c) "How would you train and validate it so the offline numbers hold up live?" in Data and
    features, then "How would you know it works? Which numbers would you look at, offline and
    live?" in Model and loss: no probe says one said in the round again in other words."""
from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.probes import PROBES, TRADEOFF_ID, named_choices, tradeoff_probe
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

FRAUD = Path(__file__).resolve().parents[1] / "data" / "trial40" / "fraud.toml"
# Trial 40's answers (d1.wav as meant; the label-delay and monitoring answers in one sentence each).
CLARIFY = "How fast must the score come back? What is the fraud rate? That's all my questions."
DESIGN = ("So I will frame this as a binary classification. The main model would be gradient boosted trees, "
          "like xgboost, on velocity features, such as the number of payments on the card in the last hour, "
          "and device features. Because fraud is so rare, I will use class weights to handle the imbalance, and "
          "tune the threshold on the cost of a missed fraud against a declined good payment. That's it.")
LABEL_DELAY = "I would train on data older than sixty days, where the chargebacks have arrived. That's it."
NEW_ATTACK = "I would retrain quickly with the new examples and add rules to block the pattern. That's it."
MONITOR = "I would watch for drift in the score distribution and track the approval rate. That's it."
THIN = "I am not sure there is much more to it. That's it."


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _fraud_round(design_answer: str = DESIGN):
    """Trial 40's round, answered as in the trial and then thinly: every ask, with its part."""
    clock = FakeClock()
    engine = RoundEngine(load_script(FRAUD), clock, phase_warning_minutes=None, round_warning_minutes=None)
    events = engine.start()
    answers = {("fraud", None): CLARIFY, ("fraud", "label_delay"): LABEL_DELAY,
               ("fraud", "new_attack"): NEW_ATTACK, ("monitor", None): MONITOR}
    asked, design_said = [], False
    for _ in range(40):
        if engine.is_over or engine.current_phase.id == "wrap_up":
            break
        ask = (_asks(events) or [None])[-1]
        key = (ask.question_id, ask.follow_up_id) if ask else None
        if ask is not None:
            asked.append((engine.current_phase.id, ask))
        if engine.current_phase.id == "design" and not design_said:
            answer, design_said = design_answer, True
        else:
            answer = answers.get(key, THIN)
        clock.advance(40)
        events = engine.answer_finished(answer)
    return asked


def test_a_point_left_to_a_later_part_is_probed_there():
    asked = _fraud_round()
    probes = [(part, a) for part, a in asked if a.question_id == "fraud" and a.follow_up_id == "probe-4"]
    # Point 4 of the main question: shadow mode, canary, rollback; asked in its area's part, on its area.
    assert [part for part, _ in probes] == ["monitoring"], [(p, a.text) for p, a in asked]
    assert probes[0][1].text == PROBES["monitoring and rollback"]
    # Not in the design part, which left it to Monitoring.
    assert not any(part == "design" and (a.follow_up_id or "").startswith("probe-4") for part, a in asked)


def test_a_design_part_with_no_tradeoff_asks_for_one_on_the_choice_named():
    asked = _fraud_round()
    design = [a for part, a in asked if part == "design" and a.follow_up_id == TRADEOFF_ID]
    assert len(design) == 1, [(p, a.text) for p, a in asked]
    assert "gradient boosted trees" in design[0].text and "cost you" in design[0].text


def test_a_tradeoff_named_gets_no_request_for_one():
    named = DESIGN.replace("That's it.", "Batch scoring is cheaper but slower to react to new fraud. That's it.")
    asked = _fraud_round(named)
    assert not [a for part, a in asked if part == "design" and a.follow_up_id == TRADEOFF_ID], \
        [(p, a.text) for p, a in asked]


def test_named_choice_is_the_candidates_own_words():
    assert named_choices(DESIGN)[0] == "gradient boosted trees"
    assert named_choices("I'd use a two-tower model for retrieval.") == ["a two-tower model"]
    assert named_choices("I would go with something basic and iterate on it.") == []
    assert named_choices("I would start simple and improve it later on.") == []
    plain = tradeoff_probe("I would keep it simple first.")
    assert plain is not None and "choice" in plain.text and "{" not in plain.text
    # Each frame once in a round: with every frame used, no request.
    used: set[str] = set()
    from interviewer.core.probes import tradeoff_frame_of
    for _ in range(10):
        probe = tradeoff_probe(DESIGN, used)
        if probe is None:
            break
        frame = tradeoff_frame_of(probe.text)
        assert frame is not None and frame not in used
        used.add(frame)
    assert tradeoff_probe(DESIGN, used) is None


def test_no_probe_says_an_earlier_one_again_in_other_words():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    probes = []
    for _ in range(120):
        if engine.is_over or engine.current_phase.id == "wrap_up":
            break
        clock.advance(25)
        probes += [(engine.current_phase.id, a.text) for a in _asks(engine.answer_finished(THIN))
                   if (a.follow_up_id or "").startswith("probe")]
    texts = [t for _, t in probes]
    # Trial 38's pair: the data part asks the first; the model part must not ask the second.
    assert PROBES["training and validation"] in texts, probes
    assert PROBES["evaluation metrics"] not in texts, probes


def test_same_ask_finds_trial_38s_pair_and_not_different_subjects():
    matcher = Matcher(LexicalEncoder())
    assert matcher.same_ask(PROBES["evaluation metrics"], [PROBES["training and validation"]])
    assert matcher.same_ask("How would you test it?", ["How would you test it?"])
    assert not matcher.same_ask(PROBES["monitoring and rollback"], [PROBES["training and validation"],
                                                                    PROBES["feature engineering"]])


def test_the_engine_hears_a_tradeoff_as_the_review_does():
    import re

    from interviewer.core.analysis.depth import TRADEOFFS, heard_in_text
    for example in TRADEOFFS.counts:
        for text in (example, re.sub(r"[.,;:!?\"]", "", example).lower()):
            assert heard_in_text(TRADEOFFS, text), text
    for example in TRADEOFFS.does_not:
        assert not heard_in_text(TRADEOFFS, example), example
