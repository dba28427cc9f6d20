-- Schema as shipped at version 12 (frozen: never edit; add a file for each new version).
PRAGMA application_id = 1231975542;
PRAGMA user_version = 12;
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
        , scratchpad TEXT NOT NULL DEFAULT '', owner_pid INTEGER, round_audio_path TEXT, script_text TEXT, analysis_version INTEGER NOT NULL DEFAULT 0, audio_setup TEXT);
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
        , round_offset_start REAL, round_offset_end REAL, phase_id TEXT);
CREATE TABLE phase_timeline (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            phase_id TEXT NOT NULL,
            name TEXT NOT NULL,
            planned_minutes REAL NOT NULL,
            started_at REAL NOT NULL,             -- seconds since the round started
            ended_at REAL
        );
CREATE TABLE debrief_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            prompt TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            audio_path TEXT,
            self_rating INTEGER CHECK (self_rating IS NULL OR self_rating BETWEEN 1 AND 5),
            created_at REAL NOT NULL
        );
CREATE TABLE findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            answer_id INTEGER REFERENCES answers(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start REAL,                           -- seconds into the answer's audio
            end REAL,
            message TEXT NOT NULL,
            details_json TEXT
        );
CREATE TABLE pauses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at REAL NOT NULL,                     -- round seconds (round time stands still in a pause)
            seconds REAL NOT NULL                 -- how long the round was paused
        , why TEXT NOT NULL DEFAULT '');
CREATE TABLE clarifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            asked_at REAL NOT NULL,               -- round seconds: the interviewer began to answer
            question TEXT NOT NULL,               -- the candidate's question, as transcribed live
            topic TEXT,                           -- the clarifying topic answered; NULL: no fact fit
            reply TEXT NOT NULL                   -- what the interviewer said
        );
CREATE INDEX answers_by_session ON answers(session_id);
CREATE INDEX phases_by_session ON phase_timeline(session_id);
CREATE INDEX debrief_by_session ON debrief_entries(session_id);
CREATE INDEX findings_by_session ON findings(session_id);
CREATE INDEX findings_by_answer ON findings(answer_id);
CREATE INDEX pauses_by_session ON pauses(session_id);
CREATE INDEX clarifications_by_answer ON clarifications(answer_id);
CREATE TABLE round_areas (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            matcher TEXT NOT NULL,                -- what the points were matched with (encoder name)
            areas_json TEXT NOT NULL,             -- [{"area", "measured", "covered", "source"}]
            computed_at REAL NOT NULL             -- UNIX time
        );
CREATE TABLE interviewer_lines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            said_at REAL NOT NULL,                -- round seconds: when it began to be said
            kind TEXT NOT NULL,                   -- prompt, question, follow_up, nudge... (UtteranceKind)
            text TEXT NOT NULL
        );
CREATE INDEX interviewer_lines_by_session ON interviewer_lines(session_id);
