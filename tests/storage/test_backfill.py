"""Answers recorded without a transcript are transcribed and analysed from their WAV files."""
from pathlib import Path

from interviewer.app.backfill import answers_to_transcribe, transcribe_missing
from interviewer.core.echo_filter import HEADPHONES, LOUDSPEAKERS
from interviewer.core.engine import mentions_any
from interviewer.core.scripts.model import ClarifyingTopic, Phase, Question, RoundScript
from speech_oracle import MIN_RECALL, recall_of
from storage_helpers import make_transcript, record_tone

SCRIPT = RoundScript(
    "sd-feed", "Feed ranking design", "ml_system_design", 45,
    (Phase("clarify", "Clarify", 10, "Ask what you need.", expects_clarifying=True),
     Phase("design", "Design", 35, "Now the design.")),
    (Question("q0", "Design a feed ranker.", "clarify", clarifying_topics=(
        ClarifyingTopic("latency", ("latency", "milliseconds")), ClarifyingTopic("scale", ("users",)))),
     Question("q1", "How would you serve it?", "design")),
)


def _round_with_untranscribed_answers(store):
    """Answer 1 transcribed live; 2 and 3 recorded only (say the model was still loading);
    4 asked but never recorded (the microphone failed)."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    ids = []
    for n, (question, asked_at) in enumerate([("q0", 5.0), ("q0", 60.0), ("q1", 700.0)]):
        aid = store.add_answer(sid, question, f"Question {n}?", asked_at=asked_at, answer_start=asked_at + 2)
        record_tone(store.audio_path_for(sid, aid), 1.0)
        ids.append(aid)
    store.attach_transcript(ids[0], make_transcript("live transcript"))
    store.add_phase(sid, "design", "Design", 35, 600.0)
    ids.append(store.add_answer(sid, "q1", "Question 3?", asked_at=800.0, with_audio=False))
    return sid, ids


def test_only_recorded_answers_without_a_transcript_are_transcribed(store):
    sid, ids = _round_with_untranscribed_answers(store)
    session = store.get_session(sid)
    assert [a.id for a, _path in answers_to_transcribe(store, session)] == ids[1:3]

    heard: list[Path] = []
    texts = {ids[1]: "so what is the latency budget in milliseconds", ids[2]: "um I would uh cache it"}

    def transcribe(path: Path):
        heard.append(path)
        answer_id = int(path.stem.split("-")[1])
        return make_transcript(texts[answer_id], seconds=4.0)

    progress = []
    result = transcribe_missing(store, session, SCRIPT, transcribe, on_progress=lambda d, n: progress.append((d, n)))
    assert result.transcribed == ids[1:3] and result.failed == []
    assert [p.name for p in heard] == [f"answer-{ids[1]}.wav", f"answer-{ids[2]}.wav"]
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert result.message == "Transcribed 2 answers from their recording."

    after = store.get_session(sid)
    by_id = {a.id: a for a in after.answers}
    assert by_id[ids[0]].transcript.text == "live transcript"  # left alone
    assert by_id[ids[1]].transcript.text.startswith("so what is the latency")
    # Analysed with the question's topics and the phase it was asked in (clarify expects questions).
    analysis = by_id[ids[1]].analysis
    assert analysis["clarifying_questions"] and analysis["topics_covered"] == ["latency"]
    assert analysis["topics_missed"] == ["scale"]
    assert {f["text"] for f in by_id[ids[2]].analysis["fillers"]} == {"um", "uh"}
    assert after.findings_for(ids[2]), "the analysis's findings are stored for the review"
    assert by_id[ids[3]].transcript is None  # no audio: nothing to do
    # Nothing is left to do, so opening the review again does no work.
    assert answers_to_transcribe(store, after) == []


def test_one_failing_recording_does_not_stop_the_others(store):
    sid, ids = _round_with_untranscribed_answers(store)

    def transcribe(path: Path):
        if path.stem == f"answer-{ids[1]}":
            raise RuntimeError("cannot read as audio")
        return make_transcript("fine", seconds=1.0)

    result = transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    assert result.transcribed == [ids[2]] and result.failed == [(ids[1], "cannot read as audio")]
    assert f"Answer {ids[1]} could not be transcribed (cannot read as audio); its recording is kept." in result.message
    assert store.audio_file(store.get_session(sid).answers[1].audio_path) is not None


def test_without_its_script_the_answer_is_still_transcribed_and_analysed(store):
    sid, ids = _round_with_untranscribed_answers(store)
    result = transcribe_missing(store, store.get_session(sid), None,
                                lambda path: make_transcript("um I think so", seconds=2.0))
    assert result.transcribed == ids[1:3]
    answer = store.get_session(sid).answers[1]
    assert answer.analysis["fillers"] and answer.transcript.text == "um I think so"


def test_a_real_recording_is_transcribed_by_the_default_model(store):
    """The real thing: an espeak-ng answer in the answer's WAV file, the tiny.en model."""
    import subprocess

    import soundfile

    from interviewer.adapters.transcription import load_audio, load_model, transcribe

    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    aid = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=3.0, answer_start=5.0)
    spoken = store.audio_path_for(sid, aid).with_suffix(".espeak.wav")
    said = "Um, what is the latency target in milliseconds? How many users do we have?"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(spoken), said], check=True, timeout=60)
    soundfile.write(store.audio_path_for(sid, aid), load_audio(spoken), 16000)
    spoken.unlink()

    model = load_model(None)
    result = transcribe_missing(store, store.get_session(sid), SCRIPT, lambda path: transcribe(path, model))
    assert result.transcribed == [aid], result.message
    answer = store.get_session(sid).answers[0]
    heard = answer.transcript.text
    assert recall_of(said, heard) >= MIN_RECALL and answer.transcript.words, heard
    assert answer.transcript.speech, "pauses come from the VAD on the recording"
    assert len(answer.analysis["clarifying_questions"]) >= 1
    # The topic follows what was heard (tiny.en heard "latency" under every CPU kernel measured).
    assert ("latency" in answer.analysis["topics_covered"]) == mentions_any(heard, ("latency", "milliseconds"))


def test_spoken_debrief_answers_saved_without_text_are_filled_in(store):
    from interviewer.app.backfill import debrief_to_transcribe, has_work

    sid, ids = _round_with_untranscribed_answers(store)
    spoken = store.add_debrief(sid, "Where did you hesitate?", "", with_audio=True)
    record_tone(store.debrief_audio_path(sid, spoken), 0.5)
    typed = store.add_debrief(sid, "What would you change?", "Ask about scale first.", with_audio=True)
    record_tone(store.debrief_audio_path(sid, typed), 0.5)
    store.add_debrief(sid, "Rate your clarity", "", self_rating=3)  # nothing spoken, nothing typed
    session = store.get_session(sid)
    assert [e.id for e, _path in debrief_to_transcribe(store, session)] == [spoken]
    assert has_work(store, session) == 3  # two answers and one debrief recording

    result = transcribe_missing(store, session, SCRIPT,
                                lambda path: make_transcript("I hesitated on latency", seconds=2.0))
    assert result.debrief_texts == {spoken: "I hesitated on latency"}
    assert "Transcribed 1 spoken debrief answer." in result.message
    texts = {d.id: d.text for d in store.get_session(sid).debrief}
    assert texts[spoken] == "I hesitated on latency" and texts[typed] == "Ask about scale first."
    assert has_work(store, store.get_session(sid)) == 0


def test_a_clarifying_question_answered_live_counts_when_the_answer_is_transcribed_later(store):
    """The interviewer answered "how many people open it every day?" with the scale fact during
    the round (matched by meaning); the answer's transcript came later (the model was loading).
    The topic counts as asked, though none of its keywords was said."""
    sid, ids = _round_with_untranscribed_answers(store)
    store.add_clarification(ids[1], 62.0, "How many people open it every day?", "scale", "About a million.")

    def transcribe(path: Path):
        return make_transcript("how many people open it every day", seconds=4.0)

    transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    answer = {a.id: a for a in store.get_session(sid).answers}[ids[1]]
    assert answer.analysis["topics_covered"] == ["scale"] and "scale" not in answer.analysis["topics_missed"]
    assert answer.analysis["clarifying_exchanges"][0]["reply"] == "About a million."


def test_an_answer_the_round_drops_while_it_is_transcribed_is_skipped(store):
    """Ending the round while the interviewer asks a follow-up leaves a second of recording
    whose live transcript comes after the round is saved; the round then drops it as empty,
    while the review, opened on the saved round, is catching it up. It is skipped, the others
    are still transcribed, and no 'no answer with id 19' reaches the user (a trial's phone
    screen: 'Recordings without a transcript could not be transcribed: no answer with id 19')."""
    sid, ids = _round_with_untranscribed_answers(store)

    def transcribe(path: Path):
        if path.stem == f"answer-{ids[1]}":
            store.drop_answer(ids[1])  # the round, on its writer thread
        return make_transcript("fine", seconds=1.0)

    result = transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    assert result.transcribed == [ids[2]] and result.failed == [] and result.gone == [ids[1]]
    assert result.message == "Transcribed 1 answer from its recording."
    assert [a.id for a in store.get_session(sid).answers] == [ids[0], ids[2], ids[3]]


def test_an_answer_dropped_before_its_recording_is_read_is_skipped_not_failed(store):
    """The round's drop now removes the part's recording with its row: when that happens
    after the review's catch-up listed the file and before it opens it, the file is gone, and
    that is the same 'dropped meanwhile' (no 'could not be transcribed (No such file ...)')."""
    sid, ids = _round_with_untranscribed_answers(store)
    dropped_path = store.audio_path_for(sid, ids[2])

    def transcribe(path: Path):
        import soundfile

        if path.stem == f"answer-{ids[1]}":
            store.drop_answer(ids[2])  # the round, on its writer thread, while answer 2 is heard
            assert not dropped_path.exists()
        soundfile.info(str(path))  # opens the file, as the real transcriber does
        return make_transcript("fine", seconds=1.0)

    result = transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    assert result.transcribed == [ids[1]] and result.failed == [] and result.gone == [ids[2]]
    assert result.message == "Transcribed 1 answer from its recording."


def test_a_one_word_question_answered_live_counts_as_asked_when_transcribed_later(store):
    """Live vs review, one source of truth: the interviewer answered "Latency?" with the latency
    fact during the round; the transcript came later. The analysis alone does not count a
    one-word question, so the catch-up said 'No clarifying questions asked' and 'Proposed a
    solution before asking any clarifying question' beside the exchange. It counts now."""
    sid, ids = _round_with_untranscribed_answers(store)
    store.add_clarification(ids[1], 63.0, "Latency?", "latency", "Assume two hundred milliseconds.")

    def transcribe(path: Path):
        return make_transcript("Latency? Okay. I would start with a simple ranker and measure it.", seconds=6.0)

    transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    answer = {a.id: a for a in store.get_session(sid).answers}[ids[1]]
    asked = answer.analysis["clarifying_questions"]
    assert [(q["text"], q["topics"]) for q in asked] == [("Latency?", ["latency"])]
    assert answer.analysis["solution_before_question"] is None
    messages = [f.message for f in store.get_session(sid).findings if f.answer_id == ids[1]]
    assert "Asked 1 clarifying question." in messages and 'Did not ask about: "scale".' in messages
    assert not [m for m in messages if "No clarifying questions" in m or "before asking" in m]


def test_echoing_the_greeting_is_not_restating_the_problem(store):
    """A new-user trial: "Hi, thanks. I'm ready. I'll think out loud." to "Hi, this is a coding
    round. Please think out loud." was listed under Went well as "Restated the problem before
    solving" (half the prompt's words said back); no problem had been given yet."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    prompt = "Hi, this is a coding round. Please think out loud."
    aid = store.add_answer(sid, "", prompt, asked_at=0.0, answer_start=2.0)  # a phase prompt
    record_tone(store.audio_path_for(sid, aid), 1.0)
    said = "hi thanks I am ready to start I will think out loud about this coding round"
    transcribe_missing(store, store.get_session(sid), SCRIPT, lambda path: make_transcript(said, seconds=4.0))
    [answer] = store.get_session(sid).answers
    assert answer.analysis["restated_problem"] is False
    assert "restated_problem" not in {f["kind"] for f in answer.analysis["findings"]}


def test_the_interviewers_reply_is_not_the_candidates_silence_in_a_recovered_answer(store):
    """A round recovered after the app was killed: "Which language should I use?", the
    interviewer's 3-second reply, then 9 s of thinking were one "Went silent for 12.2 s" (the live
    analysis measures the silence after the reply); the reply's length is estimated from its words."""
    from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    aid = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=5.0, answer_start=10.0)
    record_tone(store.audio_path_for(sid, aid), 1.0)
    reply = "Good question. Assume something reasonable and tell me."  # 8 words: about 2.8 s
    store.add_clarification(aid, 12.3, "Which language should I use?", None, reply)
    first = [Word(w, 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate("which language should i use?".split())]
    later = [Word(w, 14.5 + 0.3 * i, 14.5 + 0.3 * i + 0.25) for i, w in enumerate("so i would reverse it".split())]
    words = tuple(first + later)
    transcript = Transcript([Segment(" ".join(w.text for w in words), 0.0, 16.0, words)], 16.0,
                            [SpeechRegion(0.0, 1.5), SpeechRegion(14.5, 16.0)], "test")
    transcribe_missing(store, store.get_session(sid), SCRIPT, lambda path: transcript)
    [answer] = store.get_session(sid).answers
    pauses = answer.analysis["pauses"]
    assert max(p["end"] - p["start"] for p in pauses) < 10.5  # from the end of the reply, not 13 s
    assert any(p["start"] >= 4.5 for p in pauses)


def test_a_later_part_of_a_question_transcribed_later_does_not_contradict_its_first_part(store):
    """New-user trial: an interrupted round's review said "Went well: Asked 1 clarifying
    question" (the question's first answer, transcribed live) and "To work on: No clarifying
    questions asked" (its follow-up, silent, transcribed from its recording when the review
    opened). Once a part asked, a later part does not say none was asked."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    first = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=5.0, answer_start=7.0)
    store.attach_transcript(first, make_transcript("what is the latency budget in milliseconds"))
    store.attach_analysis(first, {"clarifying_questions": [{"text": "what is the latency budget", "start": 0.0,
                                                            "end": 2.0, "topics": ["latency"]}],
                                  "findings": [{"kind": "clarifying_questions", "severity": "good",
                                                "message": "Asked 1 clarifying question.", "start": 0.0}]})
    later = [store.add_answer(sid, "q0", "How would you rank it?", follow_up_id="rank", asked_at=60.0,
                              answer_start=62.0),
             store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=120.0, answer_start=121.0)]
    for aid in later:
        record_tone(store.audio_path_for(sid, aid), 1.0)

    transcribe_missing(store, store.get_session(sid), SCRIPT,
                       lambda _path: make_transcript("I would train a model on clicks and watch time", seconds=5.0))
    answers = {a.id: a for a in store.get_session(sid).answers}
    for aid in later:
        kinds = [f["kind"] for f in answers[aid].analysis["findings"]]
        assert "no_clarifying_questions" not in kinds, (aid, kinds)
        assert "topics_missed" not in kinds, (aid, kinds)


def test_the_first_part_of_a_question_transcribed_later_keeps_the_questions_findings(store):
    """The same answer as a question's only part: nothing else says the question went without
    clarifying questions, so its own analysis does."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    aid = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=5.0, answer_start=7.0)
    record_tone(store.audio_path_for(sid, aid), 1.0)
    transcribe_missing(store, store.get_session(sid), SCRIPT,
                       lambda _path: make_transcript("I would train a model on clicks and watch time", seconds=5.0))
    kinds = [f["kind"] for f in store.get_session(sid).answers[0].analysis["findings"]]
    assert "no_clarifying_questions" in kinds


def test_a_misheard_question_asked_again_counts_once_when_transcribed_later(store):
    """Trial 24 item 8 in a round transcribed after it ended: "What's the latent seat?", the
    stored "Sorry, I didn't catch that..." line, then the question again and its answer, count
    as one clarifying question (the repeat); the misheard words stay in the transcript."""
    from interviewer.core.round_records import UtteranceKind
    from interviewer.core.round_settings import ControllerSettings
    from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

    sid, ids = _round_with_untranscribed_answers(store)  # answer ids[1] starts at round 62.0
    store.add_interviewer_line(sid, 62.0 + 6.0, str(UtteranceKind.CLARIFICATION), ControllerSettings().unclear_text)
    reply = "Assume two hundred milliseconds."
    store.add_interviewer_line(sid, 62.0 + 14.0, str(UtteranceKind.CLARIFICATION), reply)
    store.add_clarification(ids[1], 62.0 + 14.0, "What is the latency budget?", "latency", reply)

    def segment(text, start):
        words = tuple(Word(w, start + i * 0.4, start + i * 0.4 + 0.3, 0.9) for i, w in enumerate(text.split()))
        return Segment(text, start, words[-1].end, words)

    said = [segment("What's the latent seat?", 1.0), segment("What is the latency budget?", 10.0),
            segment("Okay, I would start with a simple ranker.", 18.0)]

    def transcribe(path: Path):
        return Transcript(said, 22.0, [SpeechRegion(s.start, s.end) for s in said], "test")

    transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    answer = {a.id: a for a in store.get_session(sid).answers}[ids[1]]
    assert [q["text"] for q in answer.analysis["clarifying_questions"]] == ["What is the latency budget?"]
    assert "latent seat" in answer.transcript.text
    messages = [f.message for f in store.get_session(sid).findings if f.answer_id == ids[1]]
    assert "Asked 1 clarifying question." in messages


def test_the_interviewers_echo_is_left_out_of_an_answer_transcribed_after_the_round(store):
    """Trial 44 D1: with loudspeakers the recording holds the interviewer's nudge; transcribed
    after the round (the model was loading), the answer is still only the candidate's words."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45, audio_setup=LOUDSPEAKERS)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    aid = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=5.0, answer_start=10.0)
    record_tone(store.audio_path_for(sid, aid), 1.0)
    store.add_interviewer_line(sid, 5.0, "question", "Design a feed ranker.")
    store.add_interviewer_line(sid, 10.0, "nudge", "Remember to think out loud.")

    def transcribe(path: Path):  # the nudge heard in the room, then the candidate (1 s a word)
        return make_transcript("Remember to think out loud. I would start with the latency budget", seconds=11.0)

    result = transcribe_missing(store, store.get_session(sid), SCRIPT, transcribe)
    assert result.transcribed == [aid]
    [answer] = store.get_session(sid).answers
    assert answer.transcript.text == "I would start with the latency budget"


def _round_ending_with_anything_to_add(store, setup):
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45, audio_setup=setup)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    aid = store.add_answer(sid, "", "Anything you'd like to add before we finish?", asked_at=10.0, answer_start=10.0)
    record_tone(store.audio_path_for(sid, aid), 1.0)
    store.add_interviewer_line(sid, 10.0, "prompt", "Anything you'd like to add before we finish?")
    return sid, aid


def _said_while_the_line_sounds(path: Path):  # the reply, heard as the line is still said
    return make_transcript("No, nothing to add.", seconds=3.0)


def test_a_headphones_rounds_answer_transcribed_after_the_round_keeps_the_interviewers_words(store):
    """With headphones there is no echo (the live path takes none out since 3c22983b): a reply
    transcribed after the round that reuses the interviewer's words ("nothing to add" after
    "like to add") keeps them. Before the round's setup was stored, the catch-up took it for echo."""
    sid, aid = _round_ending_with_anything_to_add(store, HEADPHONES)
    assert store.get_session(sid).audio_setup == HEADPHONES
    assert transcribe_missing(store, store.get_session(sid), SCRIPT, _said_while_the_line_sounds).transcribed == [aid]
    [answer] = store.get_session(sid).answers
    assert answer.transcript.text == "No, nothing to add."


def test_a_loudspeakers_rounds_echo_of_the_same_line_is_taken_out(store):
    """The same words heard through loudspeakers, as the line sounds, are its echo."""
    sid, aid = _round_ending_with_anything_to_add(store, LOUDSPEAKERS)
    transcribe_missing(store, store.get_session(sid), SCRIPT, _said_while_the_line_sounds)
    [answer] = store.get_session(sid).answers
    assert "nothing to add" not in answer.transcript.text
