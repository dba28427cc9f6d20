"""Text written on several paragraphs in a script (docs: a blank line in \"\"\"...\"\"\" starts a new
paragraph) keeps its place in the Markdown export: a question's heading holds the whole question
and a prompt or fact of two paragraphs stays inside its quote. A user's design question ending in a
second paragraph, 'Where would you like to start?', was cut from its '### 2.' heading and left as
loose text under it, and a two-paragraph prompt's second paragraph fell out of the '> Interviewer:'
quote."""
from interviewer.export import export_session
from storage_helpers import make_transcript, record_tone

QUESTION = "Design a system that recommends short videos.\n\nWhere would you like to start?"
PROMPT = "Hi, thanks for joining.\n\nThis is a forty-five minute design round."
FACT = "About two hundred million daily users.\n\nPeak traffic is fifty thousand requests per second."


def test_paragraphs_stay_in_their_heading_and_quote(store, tmp_path):
    sid = store.create_session("reco", "Video recommendations", "ml_system_design", 45, started_at=1_700_000_000)
    store.add_interviewer_line(sid, 0.0, "prompt", PROMPT)
    one = store.add_answer(sid, "reco", QUESTION, asked_at=10.0, answer_start=14.0)
    record_tone(store.audio_path_for(sid, one))
    store.finish_answer(one, answer_end=24.0)
    store.attach_transcript(one, make_transcript("how many users are there then I would start", seconds=9.0))
    store.add_clarification(one, 14.0 + 4.5, "how many users are there", "scale", FACT)
    store.finish_session(sid, ended_at=1_700_003_600)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    lines = md.splitlines()
    heading = next(line for line in lines if line.startswith("### 1. "))
    assert heading == "### 1. Design a system that recommends short videos. Where would you like to start?", heading
    for said in (PROMPT, FACT):
        first, second = said.split("\n\n")
        quote = next(i for i, line in enumerate(lines) if line.endswith(first))
        assert lines[quote].startswith("> **Interviewer")
        assert lines[quote + 1:quote + 3] == [">", f"> {second}"], lines[quote:quote + 3]


def test_the_talking_points_heading_holds_the_whole_question():
    from interviewer.core.analysis.coverage import PointCoverage, QuestionCoverage
    from interviewer.export import coverage_section

    point = PointCoverage(0, "Two stages: candidate generation, then ranking", None, "covered", 0.9)
    md = coverage_section.markdown([QuestionCoverage("reco", QUESTION, "main", (point,), ())], [], {}, escape=str)
    assert "### Design a system that recommends short videos. Where would you like to start?" in md, md
