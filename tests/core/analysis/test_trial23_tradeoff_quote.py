"""Trial 23 item 6: "Went well: tradeoff" quoted "Right, so I keep him in heap on size K over the
count." ("over" as a preposition) while the real tradeoff, "sorting would be n log n, but the heap
gives n log k", came second. "over" now counts only in a choice of one option over another."""
from pathlib import Path

from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import Transcript

from .speech import spoken

ANSWER3 = Path(__file__).resolve().parents[2] / "data" / "trial23" / "coding_answer3.json"


def _heard(text):
    t = spoken(text)
    return bool(depth.find(depth.TRADEOFFS.pattern, split_utterances(tokenize(t.words), t.speech),
                           depth.TRADEOFFS.not_after))


def test_the_trials_answer_quotes_only_the_real_tradeoff():
    d = analyze_answer(Transcript.load(ANSWER3), round_kind="coding").to_dict()
    tradeoffs = next(s for s in d["depth"]["signals"] if s["id"] == "tradeoffs")
    assert tradeoffs["heard"]
    quotes = [e["text"] for e in tradeoffs["evidence"]]
    assert len(quotes) == 1 and quotes[0].startswith("Sorting all the distinct queries would be a man log-in, but the heap")


def test_over_as_a_preposition_is_no_choice():
    for text in ("Right, so I keep him in heap on size K over the count.",
                 "I keep a heap on size k over the counts, so the top stays on top.",
                 "I use a sliding window over the last minute so the counts stay fresh.",
                 "We prefer to run it in batches over the night when it is quiet."):
        assert not _heard(text), text


def test_a_choice_of_one_option_over_another_is_a_tradeoff():
    for text in ("I'd pick a pairwise loss over pointwise regression because we only care about the order.",
                 "I'd use a heap over sorting because k is small.",
                 "We chose recall over precision since a missed fraud costs more.",
                 "Sorting would be n log n, but the heap gives n log k."):
        assert _heard(text), text
