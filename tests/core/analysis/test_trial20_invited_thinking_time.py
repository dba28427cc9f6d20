"""Trial 20 item 7: "Slow start: Took 3.6 s to start answering" in a behavioral round right after
the interviewer said "Take a moment to think before answering if you need it". A start within
the thinking time the interviewer invited is no slow start; a much longer one still is."""
from interviewer.core.analysis.report import SLOW_START_S, THINKING_INVITED_S, analyze_answer, thinking_invited_by
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir
from tests.core.analysis.speech import spoken

STORY = "When I joined the payments team nobody knew me, so I fixed their flaky deploy first and they trusted me."


def _slow_starts(start: float, invited: bool) -> list[str]:
    analysis = analyze_answer(spoken(STORY, start=start), question_text="Tell me about a time you earned trust.",
                              round_kind="behavioral", thinking_invited=invited)
    return [f.message for f in analysis.findings if f.kind == "response_latency"]


def test_a_start_within_invited_thinking_time_is_no_slow_start():
    assert _slow_starts(SLOW_START_S + 1, invited=False)  # as before, where no time was offered
    assert not _slow_starts(SLOW_START_S + 1, invited=True)
    assert not _slow_starts(THINKING_INVITED_S - 1, invited=True)
    assert _slow_starts(THINKING_INVITED_S + 3, invited=True)  # past a sensible thinking time: still said


def test_the_behavioral_greeting_invites_thinking_time_for_the_questions_after_it():
    script = load_script(bundled_scripts_dir() / "behavioral_conflict_and_trust.toml", bundled=True)
    later = script.phases[-1]
    assert thinking_invited_by(script, script.phases[0].id, "Briefly, what do you work on?")
    assert thinking_invited_by(script, later.id, "Tell me about a time you joined a team.")
    phone = load_script(bundled_scripts_dir() / "phone_screen_first_bad_version_and_ranking.toml", bundled=True)
    assert not thinking_invited_by(phone, phone.phases[-1].id, "How would you evaluate a ranking model?")
    assert thinking_invited_by(None, None, "Take your time: tell me about a hard decision.")
