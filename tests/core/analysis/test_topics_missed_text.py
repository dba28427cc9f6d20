"""'topics missed: none' stood under 'Nothing was heard in this round' (new-user trial: a round
ended before the candidate spoke): "none" reads as every topic asked about."""
from interviewer.core.analysis.summary import Part, summarize, topics_missed_text


def test_nothing_heard_is_not_every_topic_asked():
    silent = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 7.0, {"word_count": 0})])
    assert topics_missed_text(silent) == "–"


def test_a_round_that_asked_about_everything_says_none():
    spoken = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 7.0, {"word_count": 9, "speaking_seconds": 4.0})])
    assert spoken.words == 9 and topics_missed_text(spoken) == "none"
