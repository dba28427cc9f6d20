"""Repetitions, cut-off words and restarts are marked in the transcript and counted per answer
from the one analysis (core marks and summary), the same whether the analysis stored their
word positions, only their spans (older rounds), or nothing at all (not analysed yet)."""
from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.report import analyze_answer, disfluency_count_text
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.transcript import Segment, Transcript, Word

TEXT = "I I think we should- we could, uh, cache the the w- weights."


def _transcript(text: str = TEXT) -> Transcript:
    ws = tuple(Word(w, 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate(text.split()))
    return Transcript([Segment(text, 0.0, ws[-1].end, ws)], ws[-1].end + 0.5, None)


def _marked(marks):
    return [(m.text, m.kind, m.detail) for m in marks if m.kind != "word"]


EXPECTED = [("I", "disfluency", "repetition"), ("I", "disfluency", "repetition"),
            ("we", "disfluency", "restart"), ("should-", "disfluency", "restart"), ("we", "disfluency", "restart"),
            ("uh,", "filler", ""),
            ("the", "disfluency", "repetition"), ("the", "disfluency", "repetition"),
            ("w-", "disfluency", "cut_off"), ("weights.", "disfluency", "cut_off")]


def test_disfluent_words_are_marked_with_their_kind_and_the_filler_stays_a_filler():
    t = _transcript()
    d = analyze_answer(t).to_dict()
    assert _marked(transcript_marks(d, t.words)) == EXPECTED
    older = {k: v for k, v in d.items() if k != "disfluency_words"}  # stored before positions were
    assert _marked(transcript_marks(older, t.words)) == EXPECTED
    assert _marked(transcript_marks(None, t.words)) == EXPECTED  # not analysed: the same rule
    before_disfluencies = {k: v for k, v in d.items() if k not in ("disfluency_words", "disfluencies")}
    assert [m.kind for m in transcript_marks(before_disfluencies, t.words)].count("disfluency") == 0


def test_fluent_doubles_are_not_marked():
    t = _transcript("I know that that works and it is very very fast.")
    assert all(m.kind == "word" for m in transcript_marks(analyze_answer(t).to_dict(), t.words))


def test_the_summary_counts_them_per_answer_across_its_parts():
    first = analyze_answer(_transcript()).to_dict()
    second = analyze_answer(_transcript("And the the cache is warm.")).to_dict()
    parts = [Part(1, "q", None, "Q?", 0.0, 1.0, 5.0, first), Part(2, "q", None, "Q?", 0.0, 6.0, 9.0, second)]
    [answer] = summarize(parts).answers
    assert [(d["kind"], d["text"]) for d in answer.disfluencies] == [
        ("repetition", "I I"), ("restart", "we should- we"), ("repetition", "the the"), ("cut_off", "w- weights"),
        ("repetition", "the the")]
    assert answer.fillers == 1  # "uh" only: disfluencies are not fillers
    assert disfluency_count_text(answer.disfluencies) == "5 (3 repetitions, 1 cut-off word, 1 restart)"
    assert disfluency_count_text([]) == "0"
