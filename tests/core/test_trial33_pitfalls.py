"""Trial 33 defect 1: a confidently wrong answer ("Gradient boosted trees are the best choice for
images and raw text ... neural networks work best on small tabular data sets ... L1
regularization, which makes the weights smaller but never exactly zero") got "Thank you.", a
"Went well: Tradeoffs" quoting the L1 sentence, and both talking points ticked covered with the
backwards sentence as their evidence.

Now a question's `[[questions.pitfalls]]` (core.pitfalls) make the interviewer push back once per
pitfall, the review quote the sentence as "Check this" with the correction, and no talking point
or depth signal count it. Precision first: no correct text of any bundled script fires a pitfall
of its own question."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.coverage import COVERED, PITFALLS_KEY, part_pitfalls, round_coverage
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, question_findings, summarize
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.pitfalls import pitfall_hits, push_back_text, states
from interviewer.core.scripts.loader import discover_scripts, load_script
from interviewer.core.scripts.model import Phase, RoundScript
from interviewer.resources import bundled_scripts_dir
from tests.core.analysis.speech import spoken

TREES_WRONG = ("Gradient boosted trees are the best choice for images and raw text. Neural networks work best "
               "on small tabular data sets. That's it.")
L1_WRONG = "Also I would add L1 regularization, which makes the weights smaller but never exactly zero."
TREES_RIGHT = ("For images, text and audio I'd pick a neural network, since it learns the representation. "
               "On tabular data with a few thousand rows, gradient boosted trees are usually the stronger baseline.")


def _bundled(script_id: str) -> RoundScript:
    return next(s for s in discover_scripts(bundled_scripts_dir()).scripts if s.id == script_id)


def _one_question_round(script_id: str, question_id: str) -> RoundScript:
    question = _bundled(script_id).question(question_id)
    phase = Phase(question.phase, "Questions", 40, "Let's start.")
    return RoundScript("t33", "Trial 33", "ml_breadth", 45, (phase, Phase("wrap", "Wrap", 5, "Questions?")),
                       (question,))


def _asks(script: RoundScript, *answers: str) -> list[AskQuestion]:
    clock = FakeClock()
    engine = RoundEngine(script, clock, ask_for_more_below_words=12)
    engine.start()
    asked = []
    for answer in answers:
        clock.advance(30)
        asked += [e for e in engine.answer_finished(answer) if isinstance(e, AskQuestion)]
    return asked


def test_the_backwards_trees_answer_gets_one_push_back_per_pitfall_and_no_thanks_first():
    script = _one_question_round("ml_breadth_applied", "trees_vs_nets")
    pitfalls = script.questions[0].pitfalls
    asked = _asks(script, TREES_WRONG, TREES_WRONG, TREES_WRONG, TREES_WRONG)
    ids = [a.follow_up_id for a in asked]
    # The first pitfall said gets its probe; said again, the second pitfall's; then never again.
    assert ids[:2] == ["pitfall-0", "pitfall-1"]
    assert asked[0].text == push_back_text(pitfalls[0].probe) and asked[1].text == push_back_text(pitfalls[1].probe)
    assert not any(i and i.startswith("pitfall") for i in ids[2:])


def test_the_l1_claim_gets_the_interviewers_push_back():
    script = _one_question_round("ml_breadth_fundamentals", "regularization")
    first = _asks(script, L1_WRONG + " And L2 adds the squared weights and shrinks them smoothly.")[0]
    assert first.follow_up_id == "pitfall-0"
    assert first.text == "Are you sure about that? What does an L1 penalty do to a small weight?"


def test_a_correct_answer_is_never_pushed_back_on():
    for script_id, question_id, answer in [
            ("ml_breadth_applied", "trees_vs_nets", TREES_RIGHT),
            # Both sides of the comparison in one sentence, joined by ", and" (held-out set).
            ("ml_breadth_applied", "trees_vs_nets", "So basically on tabular stuff I'd go with XGBoost, and if it's "
                                                    "images or text then a neural net makes more sense."),
            ("ml_breadth_applied", "trees_vs_nets", "Neural networks need a lot of data, so on small tabular data "
                                                    "sets trees tend to win."),
            ("ml_breadth_fundamentals", "regularization",
             "L1 adds the absolute values, so it pushes small weights to exactly zero and gives sparse models, "
             "while L2 adds the squares and only shrinks them; L2 never makes them exactly zero.")]:
        asked = _asks(_one_question_round(script_id, question_id), answer)
        assert not any((a.follow_up_id or "").startswith("pitfall") for a in asked), (question_id, asked)


def _all_bundled_questions():
    for script in discover_scripts(bundled_scripts_dir()).scripts:
        for q in script.questions:
            if q.pitfalls:
                yield script.id, q


def test_no_correct_text_of_a_bundled_script_fires_a_pitfall_of_its_own_question():
    """Precision, measured on what the scripts themselves say is right: every expected point,
    outline line and follow-up (benchmarks/pitfalls_bench.py prints the same counts)."""
    fired = []
    checked = 0
    for script_id, q in _all_bundled_questions():
        for text in [p.text for p in q.expected_points] + list(q.outline) + [f.text for f in q.follow_ups]:
            checked += 1
            fired += [(script_id, q.id, text, p.claim) for p in q.pitfalls if states(p, text)]
    assert checked > 400 and fired == []


def test_the_breadth_and_depth_scripts_have_three_to_five_pitfalls_per_question():
    for script in discover_scripts(bundled_scripts_dir()).scripts:
        if script.kind in ("ml_breadth", "ml_depth"):
            assert all(3 <= len(q.pitfalls) <= 5 for q in script.questions), script.id


def test_every_bundled_pitfall_claim_fires_on_itself():
    """A pitfall whose own claim does not fire (keywords it does not say, a polarity it does not
    have) could never fire: a writing mistake."""
    for script_id, q in _all_bundled_questions():
        for p in q.pitfalls:
            assert states(p, p.claim), (script_id, q.id, p.claim)
            assert not states(p, p.correction), (script_id, q.id, p.correction)


def _parts(script: RoundScript, qid: str, text: str) -> list[Part]:
    transcript = spoken(text)
    analysis = analyze_answer(transcript, round_kind="ml_breadth", question_findings=False).to_dict()
    analysis[PITFALLS_KEY] = part_pitfalls(analysis, script.question(qid))
    return [Part(1, qid, None, script.question(qid).text, 0.0, 2.0, 2.0 + transcript.duration, analysis,
                 phase_id=script.question(qid).phase)]


def test_the_wrong_sentences_cover_no_point_and_are_a_check_this_finding():
    script = _bundled("ml_breadth_applied")
    parts = _parts(script, "trees_vs_nets", TREES_WRONG)
    coverage = round_coverage(parts, script)[0]
    assert [p.status for p in coverage.points] != [COVERED, COVERED]
    assert all(p.status != COVERED for p in coverage.points), coverage.points
    assert {w.index for w in coverage.pitfalls} == {0, 1}
    for numbers in (summarize(parts, script=script), summarize(parts)):  # with the script, and as stored
        found = [(part, f) for part, f in question_findings(numbers) if f.kind == "pitfall"]
        assert len(found) == 2 and all(f.severity == "problem" for _, f in found)
        assert found[0][1].message.startswith('"Gradient boosted trees are the best choice for images')
        assert "In fact: Neural networks are the better choice" in found[0][1].message
        assert found[0][1].start is not None and found[0][1].start < found[1][1].start


def test_a_tradeoff_heard_only_in_the_wrong_l1_sentence_is_not_praised():
    script = _bundled("ml_breadth_fundamentals")
    parts = _parts(script, "regularization", L1_WRONG)
    numbers = summarize(parts)
    heard = [f for _, f in question_findings(numbers) if f.severity == "good"]
    assert not any("never exactly zero" in f.message for f in heard), heard
    assert [f.kind for _, f in question_findings(numbers) if f.kind == "pitfall"] == ["pitfall"]


def test_the_right_answer_still_covers_its_points():
    script = _bundled("ml_breadth_applied")
    coverage = round_coverage(_parts(script, "trees_vs_nets", TREES_RIGHT), script)[0]
    assert coverage.pitfalls == () and all(p.status != "missed" for p in coverage.points)


def test_pitfall_hits_once_per_pitfall_with_the_first_sentence():
    question = _bundled("ml_breadth_applied").question("trees_vs_nets")
    hits = pitfall_hits(question.pitfalls, TREES_WRONG + " " + TREES_WRONG)
    assert [(h.index, h.sentence[:21]) for h in hits] == [(0, "Gradient boosted tree"), (1, "Neural networks work ")]


BAD = '''
id = "p"
title = "P"
kind = "ml_breadth"
minutes = 45
[[phases]]
id = "a"
name = "A"
minutes = 45
prompt = "Go."
[[questions]]
id = "q"
text = "Compare L1 and L2."
expected_points = ["L1 gives zeros"]
[[questions.pitfalls]]
claim = "L1 never gives zeros."
keywords = ["l1|", "never"]
probe = "Are you sure?"
colour = "red"
'''


def test_scripts_validate_checks_pitfalls(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(BAD)
    with pytest.raises(Exception) as raised:
        load_script(path)
    text = str(raised.value)
    assert "correction" in text and "colour" in text and "empty alternative" in text
    path.write_text(BAD.replace('colour = "red"', 'correction = "L1 gives exact zeros."')
                    .replace('"l1|"', '"l1|lasso"'))
    q = load_script(path).question("q")
    assert q.pitfalls[0].keywords == ("l1|lasso", "never") and q.pitfalls[0].correction == "L1 gives exact zeros."


def test_the_round_says_the_push_back_without_thanks_before_it(tmp_path):
    """Through the round controller with its fakes: "Thank you." was the interviewer's whole reply
    to the wrong answer; now the probe is said, and no acknowledgement before it."""
    import sys
    from dataclasses import replace
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from engine_scripts import design_round
    from test_round_controller import step
    from test_round_turns import at_feed_question

    from interviewer.core.round_settings import ACKNOWLEDGEMENTS
    from interviewer.core.scripts.model import Pitfall

    pitfall = Pitfall("Accuracy is the best metric to optimize for a ranked feed.",
                      "A ranked feed is judged on the order of its top items: NDCG or recall at k, then engagement online.",
                      "Are you sure accuracy is the right measure for a ranked feed?", ("accuracy",))
    script = design_round()
    feed = replace(script.questions[0], pitfalls=(pitfall,))
    script = replace(script, kind="ml_breadth", questions=(feed, *script.questions[1:]))
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, script=script,
                                                                            speech_seconds=3)
    said_before = len(speaker.said)
    controller.on_silence(0)
    recorder.speak("I would optimize accuracy, it is the best metric for the feed ranking.")
    step(clock, speaker, controller)
    controller.on_silence(9)
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if speaker.said and pitfall.probe in speaker.said[-1]:
            break
    new = speaker.said[said_before:]
    assert new and new[-1] == push_back_text(pitfall.probe), new
    assert not any(s in ACKNOWLEDGEMENTS for s in new), new
