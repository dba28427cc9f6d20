"""Response latency is one number (core/analysis/pauses.py `response_latency`): from the end of
the interviewer's speech (the recording starts when its voice stops) to the candidate's first
word. Trial 15 read "asked at 3:33.3, answer from 3:41.2, latency 6.0 s" as a contradiction:
"asked at" is when the question began, "answer from" (now "listening from") when it ended; the 6.0 s were real (the
trial's turns were played by hand about 6 s after the voice stopped: its turns.log and the
interviewer's recorded audio agree with the stored answers to within 0.3 s)."""
from __future__ import annotations

from interviewer.cli import main
from interviewer.core.analysis.report import analyze_answer
from interviewer.storage import Store
from tests.core.analysis.speech import spoken


def test_a_seven_second_question_answered_two_and_a_half_seconds_after_it_ended(data_dir, capsys):
    with Store.open() as store:
        sid = store.create_session("ml_breadth_applied", "ML breadth", "ml_breadth", 45, started_at=1_700_000_000)
        store.add_phase(sid, "training", "Training", 14, 0.0)
        question = "When would you choose gradient-boosted trees over a neural network, and why?"
        store.add_interviewer_line(sid, 100.0, "question", question)
        # Said from 100.0 to 107.0; the recording starts as the voice stops, the first word 2.5 s later.
        aid = store.add_answer(sid, "trees_vs_nets", question, asked_at=100.0, answer_start=107.0,
                               answer_end=120.0, with_audio=False)
        transcript = spoken("For tabular data I would start with boosted trees because they train fast.", start=2.5)
        store.attach_transcript(aid, transcript)
        analysis = analyze_answer(transcript, question_text=question, round_kind="ml_breadth", question_findings=False)
        store.attach_analysis(aid, analysis)
        store.finish_session(sid, ended_at=1_700_000_130)
    assert analysis.response_latency == 2.5
    assert not [f for f in analysis.findings if f.kind == "response_latency"]  # no "Slow start"
    assert main(["sessions", "show", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "asked at 01:40, listening from 01:47" in out
    assert "Response latency: 2.5 s" in out and "Mean response latency:** 2.5 s" in out
    assert "Slow start" not in out
