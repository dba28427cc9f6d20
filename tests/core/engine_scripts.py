"""Round scripts built in code for the engine and controller tests (independent of the loader)."""
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript


def design_round() -> RoundScript:
    """A 60-minute ML system design round: 5 + 10 + 25 + 15 + 5 minutes."""
    phases = (
        Phase("intro", "Introductions", 5, "Hi, thanks for joining. Tell me briefly about yourself."),
        Phase("clarify", "Requirements", 10, "Let's start with the problem.", expects_clarifying=True),
        Phase("design", "High-level design", 25, "Walk me through the high-level design."),
        Phase("deep", "Deep dive", 15, "Let's go deeper into serving."),
        Phase("wrap", "Wrap-up", 5, "Let's wrap up. Do you have questions for me?"),
    )
    questions = (
        # Its follow-ups are put in the clarify part on purpose (`phase`): by default a design
        # round's follow-ups wait for the design part (test_design_clarify_asks_no_follow_up.py).
        Question("feed", "Design a news feed ranking system.", "clarify", follow_ups=(
            FollowUp("feed-metric", "Which metric would you optimize?", if_missing=("metric", "click through rate", "ctr"),
                     phase="clarify"),
            FollowUp("feed-scale", "How many users are we serving?", phase="clarify"),
            FollowUp("feed-latency", "Latency must now be under 50 ms. What changes?", at_phase="deep"),
        )),
        Question("features", "Which features would you use?", "design"),
        Question("training", "How would you train and retrain the model?", "design", follow_ups=(
            FollowUp("training-drift", "How do you detect drift?", if_missing=("drift",)),
        )),
        Question("serving", "How do you serve predictions?", "deep"),
    )
    return RoundScript("design-test", "Feed ranking", "ml_system_design", 60, phases, questions)


def short_round(phase_minutes=(1, 44), minutes=45) -> RoundScript:
    phases = tuple(Phase(f"p{i}", f"Phase {i}", m, f"Prompt {i}.") for i, m in enumerate(phase_minutes))
    questions = tuple(Question(f"q{i}", f"Question {i}?", f"p{i}") for i in range(len(phases)))
    return RoundScript("short", "Short", "coding", minutes, phases, questions)
