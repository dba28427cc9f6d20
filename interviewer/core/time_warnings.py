"""The interviewer's time warnings ("Two minutes left in this part."): said by the round
controller and shown by the round screen.
"""
from __future__ import annotations

from typing import Union

from interviewer.core.engine import PhaseEndingSoon, RoundEndingSoon


def spoken_duration(seconds: float) -> str:
    """120 -> "two minutes", 30 -> "thirty seconds"; said by the interviewer."""
    ones = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen").split()
    tens = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty"}
    if seconds >= 60 and seconds % 60 == 0:
        n, unit = int(seconds // 60), "minute"
    else:
        n, unit = int(round(seconds)), "second"
    if n < 20:
        word = ones[n]
    elif n < 60:
        word = tens[n // 10] + ("-" + ones[n % 10] if n % 10 else "")
    else:
        word = str(n)
    return f"{word} {unit}{'' if n == 1 else 's'}"


def warning_text(event: Union[PhaseEndingSoon, RoundEndingSoon]) -> str:
    where = "the round" if isinstance(event, RoundEndingSoon) else "this part"
    text = f"{spoken_duration(event.seconds_left)} left in {where}."
    return text[0].upper() + text[1:]
