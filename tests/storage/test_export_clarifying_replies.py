"""The interviewer's answers to the candidate's clarifying questions are in every export and in
`interviewer sessions show`, where they were said, as the review shows them. A trial's exported
round had 'what is the latency budget for a decision?' and nothing after it: the fact the
interviewer gave ('The card network gives us a hundred milliseconds...') was only in the review
and the JSON. Each reply has its round time, as every other interviewer line (trial 18: the answers
to clarifying questions alone had none)."""
from interviewer.export import export_session
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from storage_helpers import make_transcript, record_tone

REPLY = "The card network gives us a hundred milliseconds at p99 for the whole decision."
SILENT_REPLY = "About one payment in a thousand is fraud."


def _round(store) -> int:
    sid = store.create_session("fraud", "Fraud scoring", "ml_system_design", 60, started_at=1_700_000_000)
    one = store.add_answer(sid, "design", "Design a fraud scorer.", asked_at=30.0, answer_start=32.0)
    record_tone(store.audio_path_for(sid, one))
    store.finish_answer(one, answer_end=44.0)
    # One word a second; the reply starts 4.5 s in, after 'budget' and before 'then'.
    store.attach_transcript(one, make_transcript("what is the latency budget then I would start", seconds=9.0))
    store.add_clarification(one, 32.0 + 4.5, "what is the latency budget", "latency", REPLY)
    two = store.add_answer(sid, "design", "Design a fraud scorer.", asked_at=30.0, answer_start=50.0)
    record_tone(store.audio_path_for(sid, two))
    store.finish_answer(two, answer_end=55.0)
    store.add_clarification(two, 51.0, "how many are fraud?", "class balance", SILENT_REPLY)
    store.finish_session(sid, ended_at=1_700_003_600)
    return sid


def test_replies_are_in_the_markdown_html_and_sessions_show(store, tmp_path):
    sid = _round(store)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    assert f"> **Interviewer at 00:36:** {REPLY}" in md
    before, after = md.split(REPLY)
    assert "budget" in before.split("### ")[-1] and "start" in after.split("###")[0]  # said between them
    # An answer without a transcript: the question as heard live, then the reply.
    assert f"how many are fraud?\n\n> **Interviewer at 00:51:** {SILENT_REPLY}" in md
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    assert f'<p class="reply"><b>Interviewer at 00:36:</b> {REPLY}</p>' in html
    assert f'<p class="reply"><b>Interviewer at 00:51:</b> {SILENT_REPLY}</p>' in html
    shown = render_markdown(build_report(store.get_session(sid), script=None), escape=False)
    assert f"> **Interviewer at 00:36:** {REPLY}" in shown
