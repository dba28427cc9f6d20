"""Trial 20 item 8: the solve part's per-answer row and export heading read "3. Let's move from
clarifying to solving. Tell me your approach..." (the hand-over prompt) instead of the problem
being solved. A prompt's answer that goes on with the question before it is labelled by that
question; the prompt stays a line the interviewer said."""
from pathlib import Path

from interviewer.app.review_model import round_numbers
from interviewer.core.analysis.report import analyze_answer
from interviewer.export import export_session

from interviewer.core.scripts.loader import load_script
from tests.core.analysis.speech import spoken

SCRIPT = load_script(Path(__file__).resolve().parents[2] / "question_scripts"
                     / "phone_screen_first_bad_version_and_ranking.toml")

PROBLEM = ("We've shipped model versions one to n. Some version broke an evaluation, and every version after "
           "it is broken too. Find the first broken version with as few calls as possible.")
PROMPT = "Let's move from clarifying to solving. Tell me your approach, then code it in the scratchpad while you talk."
FLOOR = "That's everything from me. What would you like to ask?"


def test_the_solve_part_is_listed_under_the_problem(store, tmp_path):
    sid = store.create_session("first_bad_version", "Phone screen", "phone_screen", 45, started_at=1_700_000_000)
    store.add_phase(sid, "clarify", "Coding: clarify", 4, 0.0)
    store.add_phase(sid, "coding", "Coding: solve and test", 15, 60.0)
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
    answers = round_numbers(store.get_session(sid), SCRIPT).answers
    # The review's per-answer table (its Question column is `asked`).
    assert [a.asked for a in answers] == [PROBLEM, PROBLEM, FLOOR]  # the floor for their questions stays
    assert answers[1].question == PROMPT  # the line as said (the row's tooltip)
    export_session(store, sid, "markdown", tmp_path / "round.md", script=SCRIPT)
    md = (tmp_path / "round.md").read_text()
    assert "### 2. Coding: solve and test · We've shipped model versions" in md and "### 2. Let's move" not in md
    assert f"Interviewer at 01:00:** {PROMPT}" in md.replace("\\", "")  # the prompt is still shown, once
    assert md.count("Let's move from clarifying to solving") == 1
    export_session(store, sid, "html", tmp_path / "round.html", script=SCRIPT)
    html = (tmp_path / "round.html").read_text()
    assert "<h3>2. Coding: solve and test · We&#x27;ve shipped model versions" in html
