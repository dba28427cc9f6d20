"""Trial 31, item 12: in the Framing answer the candidate said one sentence, thought for 8 s
(9.1 s of silence: more than the 8 s that end an answer, so "Okay, thanks." came as they went
on, and the rest was kept in the same answer, as the README says). "Long pauses: 1" counted that
silence, but the transcript had no pause mark: the interviewer's line stood there instead. The
silence before a part that went on with the answer (`pause_before`) is marked before its first
word, in the review's marks and so in every export, with the interviewer's line kept."""
from types import SimpleNamespace

from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY, long_pause_count
from interviewer.core.transcript import Segment, Transcript, Word
from interviewer.export.markdown import _words
from interviewer.export.report import tokens_of, with_replies
from interviewer.storage.models import Answer

WENT_ON = "For the components, a routing engine gives travel time. That's it."


def _went_on_part():
    words, t = [], 0.6
    for w in WENT_ON.split():
        words.append(Word(w, t, t + 0.3))
        t += 0.35
    transcript = Transcript([Segment(WENT_ON, 0.6, t, words)], duration=t + 0.5)
    analysis = analyze_answer(transcript).to_dict()
    analysis[PAUSE_BEFORE_KEY] = 9.1  # as the round stores it (round_session)
    answer = Answer(3, 1, "framing", None, "How would you frame the prediction?", 143.0, 176.0, 190.0, None)
    answer.transcript, answer.analysis = transcript, analysis
    return answer


def test_the_silence_before_going_on_is_marked_before_the_first_word():
    answer = _went_on_part()
    marks = transcript_marks(answer.analysis, answer.transcript.words, answer.transcript.speech)
    assert marks[0].kind == "pause" and marks[0].text == "9.1 s" and marks[0].detail == ""
    assert marks[1].text == "For" and marks[0].start <= marks[1].start
    assert long_pause_count(answer.analysis) == 1  # the one counted is the one marked


def test_the_export_shows_the_interviewer_line_and_the_pause_mark():
    answer = _went_on_part()
    ack = SimpleNamespace(kind="acknowledgement", text="Okay, thanks.", said_at=175.8)
    tokens = with_replies(tokens_of(answer), answer, [ack])
    kinds = [t.kind for t in tokens[:3]]
    assert kinds == ["reply", "pause", "word"], tokens[:3]
    assert _words([t for t in tokens if t.kind != "reply"]).startswith("_[pause 9.1 s]_ For the components")
