"""A follow-up with at_phase and if_missing: the docs promise 'ask it only if the candidate has
not mentioned any of these words'. The engine asked it whenever its phase started, so the words
silently did nothing (a script author's trial)."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import check_file, load_script

SCRIPT = """\
id = "demo"
title = "Demo"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "design"
name = "Design"
minutes = 40
prompt = "Let's design it."

[[phases]]
id = "monitoring"
name = "Monitoring"
minutes = 5
prompt = "Now monitoring."

[[questions]]
id = "feed"
text = "Design a feed."
expected_points = []

[[questions.follow_ups]]
id = "drift"
at_phase = "monitoring"
text = "How would you detect drift?"
if_missing = ["drift"]

[[questions.follow_ups]]
id = "budget"
at_phase = "monitoring"
text = "The latency budget is now 50 ms: what changes?"
"""


def _asked_in_round(path, answer: str | None, matcher=None) -> list:
    clock = FakeClock()
    engine = RoundEngine(load_script(path), clock, **({"matcher": matcher} if matcher else {}))
    engine.start()
    clock.advance(10)
    asked = [e.follow_up_id for e in engine.answer_finished(answer) if isinstance(e, AskQuestion)]
    while not engine.is_over:
        clock.advance(30)
        asked += [e.follow_up_id for e in engine.poll() if isinstance(e, AskQuestion)]
    return asked


def test_the_combination_is_valid(tmp_path):
    path = tmp_path / "round.toml"
    path.write_text(SCRIPT, encoding="utf-8")
    assert check_file(path) == ([], [])


def test_a_changed_constraint_with_if_missing_is_skipped_once_its_words_were_said(tmp_path):
    path = tmp_path / "round.toml"
    path.write_text(SCRIPT, encoding="utf-8")
    covered = _asked_in_round(path, "Two stages, and I would alert on feature drift every day.")
    assert "drift" not in covered and "budget" in covered
    missed = _asked_in_round(path, "Two stages: candidate generation, then a ranker on watch time.")
    assert missed[-1] == "drift"  # asked when the phase starts ("budget" comes after its answer)
    # Nothing heard: a changed constraint is still asked (nothing said covers it).
    assert "drift" in _asked_in_round(path, "")


def test_a_changed_constraint_is_judged_at_its_phase_start_without_encoding_anything_new(tmp_path):
    """The check runs on the round's (GUI) thread when the phase starts: the follow-up's words
    and what was said are encoded before, when the answer is prepared off that thread."""
    from interviewer.core.matching import Matcher

    class CountingEncoder:
        name = "counting"

        def __init__(self):
            self.texts = []

        def encode(self, texts):  # a vector of its own for every text: nothing is close
            self.texts += list(texts)
            return [[1.0 if i == len(self.texts) - len(texts) + k else 0.0 for i in range(256)]
                    for k, _ in enumerate(texts)]

    path = tmp_path / "round.toml"
    path.write_text(SCRIPT, encoding="utf-8")
    encoder = CountingEncoder()
    clock = FakeClock()
    engine = RoundEngine(load_script(path), clock, matcher=Matcher(encoder))
    engine.start()
    clock.advance(10)
    answer = "Two stages: candidate generation, then a ranker on watch time."
    engine.prepare_answer(answer)  # on the transcript's thread in the app
    encoded = len(encoder.texts)
    # The design phase's questions are done: the next phase starts now, with its check.
    asked = [e.follow_up_id for e in engine.answer_finished(answer) if isinstance(e, AskQuestion)]
    while not engine.is_over:
        clock.advance(30)
        asked += [e.follow_up_id for e in engine.poll() if isinstance(e, AskQuestion)]
    assert "drift" in asked and len(encoder.texts) == encoded


def test_asking_about_the_subject_of_a_changed_constraint_does_not_skip_it(tmp_path):
    """A script author's trial: "New constraint: the latency budget is now twenty milliseconds"
    was never asked once the candidate had asked "What is the latency budget?". Earlier words
    skip a changed constraint through its if_missing words (or a close paraphrase of them),
    not through being close to its text."""
    script = SCRIPT.replace('''text = "The latency budget is now 50 ms: what changes?"''',
                            '''text = "New constraint: the latency budget is now twenty milliseconds. What changes?"
if_missing = ["distill", "smaller model"]''')
    from interviewer.adapters.embeddings import load_text_encoder
    from interviewer.core.matching import Matcher

    path = tmp_path / "round.toml"
    path.write_text(script, encoding="utf-8")
    for matcher in (None, Matcher(load_text_encoder())):  # keywords alone, and the real model
        asked = _asked_in_round(path, "What is the latency budget? Two stages, and I would alert on drift.", matcher)
        assert "budget" in asked
        dealt_with = _asked_in_round(
            path, "Two stages, alerts on drift; if the budget got tight I would distill a smaller model.", matcher)
        assert "budget" not in dealt_with
