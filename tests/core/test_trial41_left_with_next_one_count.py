"""Trial 41 defect 4: in one ML breadth round the candidate left three extra questions with N,
one N in each: on a probe (after 10 s of silence) and on two follow-ups. The banner said "3 of
them left with N"; "Round finished" said "2 questions skipped with Next; Extra question: Training
deep networks left with Next" (one part named of three); the status "completed, 2 questions
skipped"; and the probe got "No speech was heard in this answer (10.4 s). Check the microphone".

One count, made once: what Next skipped in each part is the lines it left unasked plus the
follow-up or probe it left open with nothing said to it (engine PhaseSpan.left_open, judged by
round_records.left_open_unanswered); "Round finished" names every part left with Next (the
banner's parts) with that count, which is also the round's status. A follow-up or probe left
with Next in silence is "Skipped with Next", not a microphone warning."""
from types import SimpleNamespace

from interviewer.core.analysis.phases import skipped_text
from interviewer.core.analysis.report import analyze_answer, analyze_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseEnd, RoundEngine
from interviewer.core.round_records import EndedBy, left_open_unanswered, skipped_follow_up
from interviewer.core.transcript import Transcript
from interviewer.storage.models import status_text

from test_next_skips_said_in_findings_and_status import SCRIPT

NAMES = {"intro": "Introduction", "training": "Training and models",
         "extra1-training_deep": "Extra question: Training deep networks",
         "extra2-generalization": "Extra question: Generalization",
         "extra3-recommenders": "Extra question: Recommenders", "wrap_up": "Twist and your questions"}
PLAN = [("intro", 2), ("training", 38), ("wrap_up", 5)]
# The trial's round 1, trimmed: the parts, their lengths (s), how they ended, and what Next left.
TIMELINE = [("intro", 2, 28.5), ("training", 38, 313.6), ("extra1-training_deep", 12, 153.4),
            ("extra2-generalization", 13, 70.9), ("extra3-recommenders", 12, 34.7), ("wrap_up", 5, 37.3)]
ENDED_BY = {"intro": "agenda", "training": "agenda", "extra1-training_deep": "next",
            "extra2-generalization": "next", "extra3-recommenders": "next", "wrap_up": "agenda"}
# Lines never asked (the engine's count) plus the follow-up or probe left open and unanswered (1 each).
SKIPPED = {"extra1-training_deep": (0, 0 + 1), "extra2-generalization": (1, 0 + 1),
           "extra3-recommenders": (1, 0 + 1)}


def _findings():
    result = analyze_round([], TIMELINE, phase_names=NAMES, plan=PLAN, ended_by=ENDED_BY, skipped=SKIPPED)
    return {f.kind: f for f in result.findings}


def test_round_finished_names_every_part_left_with_next_with_one_count():
    done = _findings()["round_questions_done"]
    assert done.message.endswith(
        "after its last part, with 3 extra questions before it; Extra question: Training deep networks, "
        "Extra question: Generalization and Extra question: Recommenders left with Next "
        "(2 questions and 3 follow-ups skipped).")
    # The round's status says the same count (sessions list, Status, Home).
    assert done.skipped == skipped_text(2, 3) == "2 questions and 3 follow-ups"
    assert status_text("completed", False, done.skipped) == "completed, 2 questions and 3 follow-ups skipped"


def test_moved_on_says_each_parts_share_of_the_same_count():
    moved = _findings()["moved_on_early"]
    assert "Training deep networks after 2 min 33 s of 12 min (1 follow-up skipped)" in moved.message
    assert "Generalization after 1 min 11 s of 13 min (1 question and 1 follow-up skipped)" in moved.message
    assert "Recommenders after 35 s of 12 min (1 question and 1 follow-up skipped)" in moved.message


def test_the_engine_keeps_the_follow_up_next_left_open():
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    engine.start()
    clock.advance(14.0)
    engine.answer_finished("Thanks for having me, I'm ready to start.")
    clock.advance(60.0)
    # No cross validation: its follow-up on the regularization strength is asked ...
    engine.answer_finished("It overfits: high variance. I would add regularization.")
    assert engine.timeline.asks[-1].follow_up_id == "strength"
    clock.advance(10.0)
    engine.next_phase()  # ... and left with N
    questions = engine.timeline.phases[1]
    assert questions.ended_by == PhaseEnd.NEXT
    assert questions.left_open == ("overfitting", "strength")
    assert (questions.skipped_questions, questions.skipped_follow_ups) == (1, 0)  # imbalance, never asked
    assert engine.timeline.phases[0].left_open is None


def _record(question_id, follow_up_id, text, ended_by=EndedBy.NEXT):
    return SimpleNamespace(question_id=question_id, follow_up_id=follow_up_id, ended_by=ended_by,
                           continuation=False, said_something=lambda: bool(text.strip()))


def test_an_open_follow_up_counts_as_skipped_only_when_nothing_was_said_to_it():
    probe = ("extra1-normalization_layers", "probe-0")
    assert left_open_unanswered(probe, [_record(*probe, "")]) == 1  # the trial's 10 s of silence
    assert left_open_unanswered(probe, []) == 1  # N before the candidate's turn: no answer kept
    assert left_open_unanswered(probe, [_record(*probe, "It normalizes per feature.")]) == 0  # answered, then N
    assert left_open_unanswered(None, [_record(*probe, "")]) == 0


def test_a_probe_left_with_next_in_silence_is_skipped_not_a_microphone_problem():
    record = _record("extra1-normalization_layers", "probe-0", "")
    assert skipped_follow_up(record)
    assert not skipped_follow_up(_record("extra1-normalization_layers", None, ""))  # a question: the mic note stays
    assert not skipped_follow_up(_record("q", "probe-0", "", ended_by=EndedBy.STOPPED))
    silence = Transcript([], 10.4, None)
    analysis = analyze_answer(silence, question_text="How does that work under the hood?", question_findings=False,
                              skipped_with_next=skipped_follow_up(record))
    kinds = [f.kind for f in analysis.findings]
    assert "no_speech" not in kinds
    [skip] = [f for f in analysis.findings if f.kind == "skipped_with_next"]
    assert skip.message == "Skipped with Next after 10 s with nothing said."
    assert skip.severity == "note"
    assert "microphone" not in " ".join(f.message for f in analysis.findings)
    # Without the flag (a question met with silence), the microphone note is still worth saying.
    plain = analyze_answer(silence, question_text="How does that work under the hood?", question_findings=False)
    assert [f.kind for f in plain.findings] == ["no_speech"]
