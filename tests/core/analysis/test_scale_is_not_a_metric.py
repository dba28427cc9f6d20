"""Trial 24: Went well "Evaluation metrics" quoted "At peak we handled 20,000 queries per second
... the catalog had about 50 million products" (a size, not a measure of how well the model
works). A load said with its size is a number with its unit; the metric named is still heard."""
from interviewer.core.analysis import depth
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word


def _signals(text: str) -> dict[str, depth.SignalResult]:
    words = [Word(w, i * 0.35, i * 0.35 + 0.3) for i, w in enumerate(text.split())]
    t = Transcript([Segment(text, 0.0, words[-1].end, tuple(words))], words[-1].end + 0.5,
                   [SpeechRegion(0.0, words[-1].end)])
    result = depth.depth_signals(split_utterances(tokenize(t.words), t.speech), "ml_depth")
    return {s.signal.id: s for s in result.signals}


def test_a_load_with_its_size_is_numbers_not_a_metric():
    s = _signals("At peak we handled 20,000 queries per second across 4D GPU free CPU nodes, the catalog had "
                 "about 50 million products, and we retrained daily on about 2 million logged impressions.")
    assert not s["metrics"].heard
    assert s["numbers"].heard


def test_spoken_sizes_are_not_metrics_either():
    assert not _signals("we serve twenty thousand queries per second at peak")["metrics"].heard
    assert not _signals("it peaks at about 5 k qps on a normal day")["metrics"].heard


def test_the_metric_in_the_same_answer_is_the_evidence():
    s = _signals("We serve 20,000 queries per second at peak. NDCG at ten improved from 0.41 to 0.46, "
                 "and a 3% CTR lift in the A/B test.")
    assert s["metrics"].heard
    assert "queries per second" not in s["metrics"].evidence[0].text


def test_throughput_as_what_is_tracked_is_still_a_metric():
    assert _signals("online I'd watch the queries per second it can sustain and the p99 latency")["metrics"].heard
