"""Errors a user can cause and fix. The CLI and the GUI show their message, never a traceback."""


class UserError(Exception):
    """A problem with the user's input or machine, explained in plain words in the message."""


class Cancelled(Exception):
    """The user cancelled long work (an export, a transcription); nothing half-done was kept."""


class TookTooLong(UserError):
    """Work that did not finish in its time (a model that did not load on a busy machine):
    nothing is wrong with the user's files, and trying again may work."""
