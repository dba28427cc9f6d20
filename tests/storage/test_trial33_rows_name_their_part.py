"""Trial 33 suggestion 12: the per-answer table and the export labelled three answers the same way
("2. You're given a list ...", "3. You're given a list ...", "4. You're given a list ...") though
they were the Clarify, Approach and Code parts of one problem. Answers listed under the same
question name their part (summary.repeated_ask_parts, read by the review's table and the exports);
an answer whose question is its own keeps its plain label."""
from pathlib import Path

from interviewer.app.review_model import round_numbers
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import repeated_ask_parts, with_part
from interviewer.core.scripts.loader import load_script
from interviewer.export import export_session
from tests.core.analysis.speech import spoken

SCRIPT = load_script(Path(__file__).resolve().parents[2] / "question_scripts"
                     / "phone_screen_first_bad_version_and_ranking.toml")

PROBLEM = ("We've shipped model versions one to n. Some version broke an evaluation, and every version after "
           "it is broken too. Find the first broken version with as few calls as possible.")
PROMPT = "Let's move from clarifying to solving. Tell me your approach, then code it in the scratchpad while you talk."
FLOOR = "That's everything from me. What would you like to ask?"


def _round(store):
    sid = store.create_session("first_bad_version", "Phone screen", "phone_screen", 45, started_at=1_700_000_000)
    store.add_phase(sid, "clarify", "Clarify", 4, 0.0)
    store.add_phase(sid, "coding", "Solve and test", 15, 60.0)
    store.add_phase(sid, "wrap_up", "Your questions", 5, 120.0)
    rows = [("first_bad_version", PROBLEM, 10.0, "clarify", "How many versions are there in total?"),
            ("", PROMPT, 60.0, "coding", "I'd binary search over the versions, checking the middle one each step."),
            ("", FLOOR, 120.0, "wrap_up", "What does the team work on next?")]
    for qid, text, at, phase, said in rows:
        aid = store.add_answer(sid, qid, text, asked_at=at, answer_start=at + 5, phase_id=phase)
        store.add_interviewer_line(sid, at, "prompt" if not qid else "question", text)
        store.finish_answer(aid, answer_end=at + 20)
        store.attach_transcript(aid, spoken(said))
        store.attach_analysis(aid, analyze_answer(spoken(said), question_text=text).to_dict())
    store.finish_session(sid, ended_at=1_700_000_200)
    return sid


def test_answers_on_one_question_name_their_part_in_the_table_and_the_exports(store, tmp_path):
    sid = _round(store)
    session = store.get_session(sid)
    answers = round_numbers(session, SCRIPT).answers
    parts = repeated_ask_parts(answers, {p.phase_id: p.name for p in session.phases})
    # The review's per-answer table reads these labels (its Question column).
    labels = [with_part(part, a.asked) for part, a in zip(parts, answers)]
    assert labels == [f"Clarify · {PROBLEM}", f"Solve and test · {PROBLEM}", FLOOR]
    assert len(set(labels)) == len(labels)
    export_session(store, sid, "markdown", tmp_path / "round.md", script=SCRIPT)
    md = (tmp_path / "round.md").read_text()
    assert "### 1. Clarify · We've shipped model versions" in md
    assert "### 2. Solve and test · We've shipped model versions" in md
    assert "### 3. That's everything from me" in md.replace("\\", "")
