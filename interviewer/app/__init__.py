"""Qt-free application logic: the round session, the transcription process, the review model,
settings and the factories that wire the real adapters. The GUI and the CLI sit on top of it."""
