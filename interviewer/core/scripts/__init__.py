"""Question scripts: one TOML file describes one interview round (see docs/question-scripts.md)."""
from interviewer.core.scripts.model import (  # noqa: F401
    ROUND_KINDS,
    ClarifyingTopic,
    ExpectedPoint,
    FollowUp,
    Phase,
    Question,
    RoundScript,
)
