"""Trial 41: in an ML breadth round, thin answers to the NaN-loss question ("Probably my learning
rate is too high. I would lower it and add gradient clipping.", 16 words, then "I don't know." to
the follow-up) got no probe, and the 14-minute Training part ended after 1.9 minutes: the keywords
"learning rate" and "clipping" made both talking points. In a breadth round a question
answered in under 20 words per talking point made its points only partly by keyword, so they get
their probes, within the probes' limits (core engine, fake clock, keyword matching)."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.probes import PROBES, PROBES_PER_POINT
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

# Trial 41's answers in the Training part (as meant; the speech model misheard some words).
ANSWERS = {
    ("intro", None): "Hi. I'm an ML engineer at a payment company. I work on fraud models. That's it.",
    ("nan_loss", None): "Probably my learning rate is too high. I would lower it and add gradient clipping.",
    ("nan_loss", "normalization"): "I don't know.",
    ("trees_vs_nets", None): "Trees for tabular data, neural networks for images and text. That's it.",
    ("trees_vs_nets", "forest_vs_boosting"): "Boosting fits the errors one tree at a time. Forests average independent trees.",
}
FULL_NAN = ("The usual causes are exploding gradients from a learning rate that is too high, a log of zero or a "
            "division by zero in the loss, bad input rows, or fp16 overflow under mixed precision. To debug it I would "
            "reproduce it with a fixed seed, log the gradient norm every step, find the bad batch where it first "
            "breaks, then lower the learning rate with warmup and clip the gradients.")


def _round(answers, default="I am not sure.", seconds=20, parts=("intro", "training")):
    """The breadth round answered from `answers` (else `default`): every ask in `parts`, with its part."""
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    events = engine.start()
    asked = []
    for _ in range(200):
        if engine.is_over or engine.current_phase.id not in parts:
            break
        ask = ([e for e in events if isinstance(e, AskQuestion)] or [None])[-1]
        key = (ask.question_id, ask.follow_up_id) if ask else ("intro", None)
        if ask is not None:
            asked.append((engine.current_phase.id, ask, clock.now()))
        clock.advance(seconds)
        events = engine.answer_finished(answers.get(key, default))
    return engine, clock, asked


def test_trial41_thin_answers_to_the_nan_loss_question_get_their_probes():
    engine, clock, asked = _round(ANSWERS)
    probes = [(a.question_id, a.follow_up_id, a.text) for part, a, _ in asked
              if part == "training" and (a.follow_up_id or "").startswith("probe")]
    nan = [(f, t) for q, f, t in probes if q == "nan_loss"]
    assert ("probe-0", PROBES["optimization"]) in nan, probes
    assert ("probe-1", PROBES["failure analysis"]) in nan, probes
    # "I am not sure." gives up on each: no second probe on a point, and the part then moves on.
    assert not [f for f, _ in nan if f.endswith("-again")], probes
    assert engine.current_phase.id == "features"
    assert clock.now() < 14 * 60 + 30


def test_a_full_answer_to_the_nan_loss_question_gets_no_probe():
    engine, _, asked = _round({**ANSWERS, ("nan_loss", None): FULL_NAN})
    assert not [a.text for part, a, _ in asked if a.question_id == "nan_loss"
                and (a.follow_up_id or "").startswith("probe")], [(p, a.text) for p, a, _ in asked]


def test_thin_answers_throughout_probe_each_point_at_most_twice_and_keep_to_the_round():
    # Thin answers that never give up ("Maybe the data."): probes end, parts and round keep to time.
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    parts = tuple(p.id for p in script.phases)
    engine, clock, asked = _round({}, default="Maybe the learning rate, the data and the encoding.", seconds=30,
                                  parts=parts)
    per_point: dict = {}
    for _, a, _ in asked:
        if (a.follow_up_id or "").startswith("probe-") and a.follow_up_id != "probe-tradeoff":
            key = (a.question_id, a.follow_up_id.removesuffix("-again"))
            per_point[key] = per_point.get(key, 0) + 1
    assert per_point and max(per_point.values()) <= PROBES_PER_POINT, per_point
    assert clock.now() <= script.minutes * 60
    for index, (phase, start, end) in enumerate(engine._phase_bounds):
        within = [at for part, _, at in asked if part == phase.id]
        assert all(at <= end for at in within), (phase.id, within, end)
