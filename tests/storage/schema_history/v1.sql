-- Schema as shipped at version 1 (frozen: never edit; add a file for each new version).
PRAGMA application_id = 1231975542;
PRAGMA user_version = 1;
CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            folder TEXT NOT NULL UNIQUE,          -- recordings/<folder>/ holds its audio
            script_id TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            planned_minutes REAL NOT NULL,
            started_at REAL NOT NULL,             -- UNIX time
            ended_at REAL,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'completed', 'interrupted', 'discarded'))
        );
CREATE TABLE answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            follow_up_id TEXT,
            question_text TEXT NOT NULL,
            asked_at REAL,                        -- seconds since the round started
            answer_start REAL,
            answer_end REAL,
            audio_path TEXT,                      -- relative to the data folder
            transcript_json TEXT,
            analysis_json TEXT
        );
CREATE INDEX answers_by_session ON answers(session_id);
