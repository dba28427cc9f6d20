"""Human-readable names and formats shared by the screens."""
from __future__ import annotations

KIND_LABELS = {
    "phone_screen": "Technical phone screen",
    "coding": "Coding",
    "ml_breadth": "ML breadth",
    "ml_depth": "ML depth",
    "ml_system_design": "ML system design",
    "behavioral": "Behavioral",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def clock_text(seconds: float) -> str:
    """mm:ss, or h:mm:ss past an hour; negative values show as 00:00."""
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def minutes_text(minutes: float) -> str:
    return f"{minutes:g} min"
