"""The small system design script the GUI tests share. A module of its own: in a whole-suite
run the name `conftest` is another folder's conftest, so tests cannot import from it."""
import textwrap

SYSTEM_DESIGN_TOML = textwrap.dedent('''
    id = "test-design"
    title = "Design a feed ranker"
    kind = "ml_system_design"
    minutes = 45
    description = "A short test round."

    [[phases]]
    id = "clarify"
    name = "Clarify"
    minutes = 10
    prompt = "Let's start. Ask me anything you need before designing."
    expects_clarifying = true

    [[phases]]
    id = "design"
    name = "Design"
    minutes = 30
    prompt = "Now walk me through your design."

    [[phases]]
    id = "wrap"
    name = "Wrap up"
    minutes = 5
    prompt = "We have five minutes left. Any questions for me?"

    [[questions]]
    id = "feed"
    phase = "clarify"
    text = "Design a system that ranks posts in a news feed."
    clarifying_topics = ["latency", "scale"]

    # Asked in the clarify part on purpose (a design round's follow-ups otherwise wait for the
    # design part): the tests built on it follow an answer, then this follow-up, there.
    [[questions.follow_ups]]
    id = "metric"
    text = "How would you measure success?"
    if_missing = ["metric", "ctr"]
    phase = "clarify"

    [[questions.follow_ups]]
    id = "latency-change"
    text = "Latency must now be 50 milliseconds. What changes?"
    at_phase = "wrap"

    [[questions]]
    id = "serve"
    phase = "design"
    text = "How do you serve the model?"
''')
