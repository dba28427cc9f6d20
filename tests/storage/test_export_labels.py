"""Issue 14, item 7: the introduction (an answer to the phase's opening prompt, no question id)
is named in exports, and the self-debrief keeps the order the debrief asks in."""
from interviewer.core.debrief import DEBRIEF_PROMPTS
from interviewer.export import export_session
from storage_helpers import make_transcript, record_tone


def _round_with_intro_and_debrief(store) -> int:
    sid = store.create_session("beh", "Ownership stories", "behavioral", 60, started_at=1_700_000_000)
    intro = store.add_answer(sid, "", "Tell me a little about yourself.", asked_at=0.0, answer_start=1.0)
    record_tone(store.audio_path_for(sid, intro))
    store.finish_answer(intro, answer_end=5.0)
    store.attach_transcript(intro, make_transcript("I build ranking systems"))
    story = store.add_answer(sid, "ownership", "Tell me about a time you took ownership.", asked_at=60.0,
                             answer_start=61.0)
    record_tone(store.audio_path_for(sid, story))
    store.finish_answer(story, answer_end=70.0)
    # Saved out of order: the last prompt was answered (spoken) before the first ones were typed.
    first, second, last = DEBRIEF_PROMPTS[0].text, DEBRIEF_PROMPTS[1].text, DEBRIEF_PROMPTS[-1].text
    store.add_debrief(sid, last, "LAST answer", self_rating=2)
    store.add_debrief(sid, second, "SECOND answer", self_rating=3)
    store.add_debrief(sid, first, "FIRST answer", self_rating=4)
    store.finish_session(sid, ended_at=1_700_003_600)
    return sid


def test_split_audio_names_the_intro_file(store, tmp_path):
    sid = _round_with_intro_and_debrief(store)
    result = export_session(store, sid, "wav", tmp_path / "parts", split=True)
    names = sorted(p.name for p in result.files)
    assert names == ["01-opening-prompt.wav", "02-ownership.wav"]


def test_intro_header_says_what_was_asked(store, tmp_path):
    sid = _round_with_intro_and_debrief(store)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    assert "_, asked at" not in md and ">, asked at" not in html
    assert "_Opening prompt, asked at 00:00, listening from 00:01_" in md
    assert "Opening prompt, asked at 00:00, listening from 00:01" in html


def test_a_prompt_later_in_the_round_is_no_opening_prompt(store, tmp_path):
    """trial12, real app: the hand-over "Thanks. What questions do you have for me?" at 9:10.8
    was exported as "_Opening prompt, asked at 9:10.8_"."""
    sid = _round_with_intro_and_debrief(store)
    floor = store.add_answer(sid, "", "Thanks. What questions do you have for me?", asked_at=550.8,
                             answer_start=553.9)
    store.finish_answer(floor, answer_end=560.0)
    store.attach_transcript(floor, make_transcript("What does the team work on"))
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    assert "_Opening prompt, asked at 00:00, listening from 00:01_" in md
    assert "_Prompt, asked at 09:11, listening from 09:14_" in md and "Opening prompt, asked at 09:11" not in md
    assert "Prompt, asked at 09:11, listening from 09:14" in html and "Opening prompt, asked at 09:11" not in html


def test_answers_are_labelled_without_script_ids_and_findings_at_round_time(store, tmp_path):
    """The exports named answers by the script's ids ("_ownership, asked at 1:00.0_", "Follow-up
    diversity") and timed their findings from the answer's start ("0:00.0 Slow start"), while
    the review lists them at round time (1:01)."""
    sid = _round_with_intro_and_debrief(store)
    story = store.get_session(sid).answers[1]
    store.add_finding(sid, "response_latency", "Took 3.0 s to start answering.", answer_id=story.id, start=3.0)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    assert "_Question, asked at 01:00, listening from 01:01_" in md
    assert "- **Round:** Ownership stories (Behavioral)" in md  # the kind as the app names it, not its id
    assert "Question, asked at 01:00, listening from 01:01" in html
    assert "ownership, asked" not in md and "ownership, asked" not in html
    assert "- 01:04 Slow start: Took 3.0 s to start answering." in md
    assert "01:04 <b>Slow start</b>" in html
    store.add_finding(sid, "phase_under", "Intro: only 0.5 min of 3.0 planned.", start=0.0)
    html = export_session(store, sid, "html", tmp_path / "r2.html").path.read_text()
    assert "<li>00:00 <b>Part short</b>: Intro" in html  # round findings are timed as in Markdown


def test_debrief_is_exported_in_the_order_it_is_asked(store, tmp_path):
    sid = _round_with_intro_and_debrief(store)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    for text in (md, html):
        assert text.index("FIRST answer") < text.index("SECOND answer") < text.index("LAST answer")
    assert [d.text for d in store.get_session(sid).debrief] == ["FIRST answer", "SECOND answer", "LAST answer"]
