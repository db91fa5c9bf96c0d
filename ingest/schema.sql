-- The raw layer: what ingest writes and dbt reads through source('news', ...).
-- Text is stored exactly as decoded; everything else about an article is metadata about it.
create schema if not exists raw;

create table if not exists raw.ingest_runs (
    run_id varchar primary key,
    started_at timestamp not null,
    finished_at timestamp,
    inputs varchar[] not null,
    story_override varchar,
    files_seen integer not null default 0,
    loaded integer not null default 0,
    unchanged integer not null default 0,
    rejected integer not null default 0
);

create table if not exists raw.articles (
    article_id varchar primary key,       -- sha256 of the text (UTF-8), hex
    story_id varchar not null,
    source_file varchar not null,         -- identity within the story: path under the input root, or file.jsonl:id
    source_path varchar not null,         -- absolute path that was read
    version integer not null,             -- 1, 2, ... per (story_id, source_file) as its content changes
    raw_text varchar not null,
    byte_size bigint not null,
    encoding varchar not null,
    sidecar json,                         -- the whole metadata row (sidecar csv or jsonl fields)
    outlet varchar,
    outlet_basis varchar,
    published_date date,
    published_date_basis varchar,
    url varchar,
    title varchar,
    dateline varchar,
    body_start integer not null,          -- 0-based, in characters of raw_text
    body_end integer not null,            -- exclusive
    detector_version varchar not null,
    run_id varchar not null,
    ingested_at timestamp not null
);

create table if not exists raw.rejected_files (
    run_id varchar not null,
    path varchar not null,
    line integer,                         -- sidecar/jsonl line, when the problem is one line
    reason varchar not null,
    byte_size bigint,
    rejected_at timestamp not null
);
