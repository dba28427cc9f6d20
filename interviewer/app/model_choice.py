"""Which speech model a start (or a reload) loads: the one in the settings when it is on this
machine, else the default, with a sentence saying why. A settings file naming a model that was
never downloaded (or a folder since deleted) left the app without transcripts at every start."""
from __future__ import annotations

from dataclasses import replace

from interviewer.adapters import models
from interviewer.app.settings import AppSettings


def _shown(model: str) -> str:
    return (model or "").strip() or models.DEFAULT_MODEL_NAME


def model_choice_text(chosen: str, saved: AppSettings) -> str:
    """Settings' line under the speech model list: which model is in use (the saved one, or the
    default a start falls back to, model_to_load) and what happens next with the one `chosen`,
    in plain words. Trial 46: the page said nothing once a change was undone, and a model to
    download said "Without it the model in use stays."."""
    in_use = _shown(model_to_load(saved)[0].model)
    chosen = _shown(chosen)
    if chosen == in_use:
        return f"In use: {in_use}."
    reason = models.unavailable(chosen)
    if reason and models.info(chosen) is not None:  # a catalog model not downloaded yet
        return f"In use: {in_use}. It stays in use until you download {chosen} (press Download) and save settings."
    if reason:
        return f"In use: {in_use}. It stays in use: {reason}."
    return f"In use: {in_use}. Save settings to switch to {chosen}; it loads right away."


def model_to_load(settings: AppSettings) -> tuple[AppSettings, str]:
    """The settings to load the model with, and "" or why the default is loaded instead."""
    reason = models.unavailable(settings.model)
    if not reason:
        return settings, ""
    return replace(settings, model=""), (
        f"The speech model chosen in Settings cannot be loaded: {reason}. Using {models.DEFAULT_MODEL_NAME}, "
        "the default, until it is there: download it in Settings (Speech model), or choose another.")
