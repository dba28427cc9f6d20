"""The interviewer's answers to the candidate's own questions for one round: the bundled
assets/interviewer_answers.toml, with the round script's `[[interviewer_answers]]` over it
(core/interviewer_answers.py)."""
from __future__ import annotations

import functools
import logging
import tomllib

from interviewer.core.interviewer_answers import InterviewerAnswer, merged, read_answers
from interviewer.core.scripts.model import RoundScript
from interviewer.resources import assets_dir

log = logging.getLogger(__name__)

ANSWERS_FILE = "interviewer_answers.toml"


@functools.cache
def bundled_answers() -> tuple[InterviewerAnswer, ...]:
    """The bundled answers; none (the canned replies only) when the file is missing or wrong."""
    path = assets_dir() / ANSWERS_FILE
    try:
        with open(path, "rb") as f:
            return read_answers(tomllib.load(f).get("answers", []), str(path))
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        log.warning("interviewer answers not read: %s", exc)
        return ()


def round_answers(script: RoundScript) -> tuple[InterviewerAnswer, ...]:
    return merged(bundled_answers(), script.interviewer_answers)
