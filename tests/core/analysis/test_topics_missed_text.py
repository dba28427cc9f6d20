"""'topics missed: none' stood under 'Nothing was heard in this round' (new-user trial: a round
ended before the candidate spoke): "none" reads as every topic asked about."""
from interviewer.core.analysis.summary import Part, summarize, topics_missed_text


def test_nothing_heard_is_not_every_topic_asked():
    silent = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 7.0, {"word_count": 0})])
    assert topics_missed_text(silent) == "–"


def test_a_round_that_asked_about_everything_says_none():
    spoken = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 7.0, {"word_count": 9, "speaking_seconds": 4.0})])
    assert spoken.words == 9 and topics_missed_text(spoken) == "none"



def test_topics_not_asked_are_a_fault_only_where_clarifying_is_expected():
    """Trial11, behavioral round: after "Does it have to be a work example?" the first thing to work
    on was "Did not ask about: kind of conflict". A story may be asked about; not asking is no fault."""
    from interviewer.core.analysis.summary import question_findings

    def part(expects):
        return Part(1, "q", None, "Tell me about a conflict.", 0.0, 1.0, 30.0, {
            "word_count": 40, "speaking_seconds": 20.0, "expects_clarifying": expects,
            "clarifying_questions": [{"text": "Does it have to be a work example?", "start": 1.0, "end": 2.5,
                                      "topics": ["example scope"]}],
            "topics_covered": ["example scope"], "topics_missed": ["kind of conflict"]})

    story, design = summarize([part(False)]), summarize([part(True)])
    assert [f.kind for _, f in question_findings(story)].count("topics_missed") == 0
    assert story.answers[0].topics_missed == [] and topics_missed_text(story) == "none"
    assert [f.message for _, f in question_findings(design) if f.kind == "topics_missed"] == \
        ['Did not ask about: "kind of conflict".']
