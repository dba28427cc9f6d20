-- Rows a version-1 user had: one finished round (with audio) and one left in progress by a crash.
INSERT INTO sessions (id, folder, script_id, title, kind, planned_minutes, started_at, ended_at, status)
VALUES (1, '20250101-090000-aaaaaa', 'breadth-1', 'ML breadth', 'ml_breadth', 45, 1735722000, 1735724700, 'completed'),
       (2, '20250102-090000-bbbbbb', 'coding-1', 'Coding', 'coding', 60, 1735808400, NULL, 'in_progress');
INSERT INTO answers (id, session_id, question_id, follow_up_id, question_text, asked_at, answer_start, answer_end,
                     audio_path, transcript_json, analysis_json)
VALUES (1, 1, 'bias-variance', NULL, 'Explain bias and variance.', 5.0, 7.0, 67.0,
        'recordings/20250101-090000-aaaaaa/answer-1.wav',
        '{"duration": 60.0, "language": "en", "model": "tiny.en", "text": "um bias is", "segments": [{"text": "um bias is", "start": 0.0, "end": 2.0, "words": [{"text": "um", "start": 0.0, "end": 0.3, "probability": 0.9}, {"text": "bias", "start": 0.5, "end": 0.9, "probability": 0.9}, {"text": "is", "start": 1.0, "end": 1.2, "probability": 0.9}]}], "speech": null}',
        '{"word_count": 3, "filler_count": 1, "speaking_seconds": 2.0}'),
       (2, 1, 'bias-variance', 'fu-metric', 'Which metric would show it?', 70.0, 71.0, 90.0, NULL, NULL, NULL),
       (3, 2, 'two-sum', NULL, 'Find two numbers that add up to a target.', 3.0, 4.0, NULL,
        'recordings/20250102-090000-bbbbbb/answer-3.wav', NULL, NULL);
