/*
 * schema.h -- the SQLite schema of an isnad corpus database (docs/schema.md).
 *
 * The database says it is isnad's twice: PRAGMA application_id is
 * ISN_STORE_APP_ID and PRAGMA user_version the schema version. A database
 * without them, or of a newer version, is refused and never written to.
 */
#ifndef ISN_SCHEMA_H
#define ISN_SCHEMA_H

#define ISN_STORE_APP_ID 0x69736e64 /* "isnd" */
#define ISN_STORE_SCHEMA 1

static const char isn_store_schema_sql[] =
    "CREATE TABLE documents(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc TEXT NOT NULL UNIQUE,      -- the document id: JSONL id, else the path\n"
    "  hash TEXT NOT NULL,            -- content hash of text and metadata: a change replaces the document\n"
    "  title TEXT, date TEXT, outlet TEXT, url TEXT, file TEXT,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,            -- the original text; every span below is a byte span of it\n"
    "  ingested TEXT NOT NULL         -- UTC time of ingest\n"
    ");\n"
    "CREATE TABLE sentences(\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,\n"
    "  PRIMARY KEY(doc_id, idx)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE entities(\n"
    "  entity TEXT PRIMARY KEY,       -- lexicon id, lby.haftar\n"
    "  name TEXT NOT NULL, code TEXT, type TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE mentions(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,\n"
    "  entity TEXT, name TEXT NOT NULL, code TEXT, type TEXT NOT NULL, rule TEXT NOT NULL, nominal INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE times(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,\n"
    "  value TEXT NOT NULL, anchored INTEGER NOT NULL, mod TEXT, hijri TEXT\n"
    ");\n"
    "CREATE TABLE events(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  event TEXT NOT NULL,           -- the record id, e3.1187.0\n"
    "  sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  trigger TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, label TEXT NOT NULL, plover TEXT NOT NULL,\n"
    "  source_mention INTEGER NOT NULL REFERENCES mentions(id),\n"
    "  source_text TEXT NOT NULL, source_entity TEXT, source_name TEXT NOT NULL, source_code TEXT,\n"
    "  target_mention INTEGER REFERENCES mentions(id),\n"
    "  target_text TEXT, target_entity TEXT, target_name TEXT, target_code TEXT,\n"
    "  date_text TEXT, date_value TEXT,\n"
    "  place_mention INTEGER REFERENCES mentions(id), place_entity TEXT, place_name TEXT,\n"
    "  modality TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE sources(\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  rank INTEGER NOT NULL,         -- 0 is the outermost source\n"
    "  text TEXT NOT NULL, entity TEXT, name TEXT,\n"
    "  PRIMARY KEY(event_id, rank)\n"
    ") WITHOUT ROWID;\n"
    "CREATE VIRTUAL TABLE sentence_search USING fts5(\n"
    "  words,                         -- the sentence normalised (docs/text.md), each word also without its clitics\n"
    "  doc_id UNINDEXED, idx UNINDEXED\n"
    ");\n"
    "CREATE TRIGGER documents_search AFTER DELETE ON documents BEGIN\n"
    "  DELETE FROM sentence_search WHERE doc_id = old.id;\n"
    "END;\n"
    "CREATE INDEX mentions_doc ON mentions(doc_id);\n"
    "CREATE INDEX mentions_entity ON mentions(entity);\n"
    "CREATE INDEX times_doc ON times(doc_id);\n"
    "CREATE INDEX events_doc ON events(doc_id);\n"
    "CREATE INDEX events_source ON events(source_entity);\n"
    "CREATE INDEX events_target ON events(target_entity);\n"
    "CREATE INDEX events_root ON events(root, date_value);\n";

#endif
