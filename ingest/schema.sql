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

-- No primary key: ingest stores each text once (ingest/known.py) under the file lock, and the
-- source test `unique` checks it. DuckDB writes a table's whole key index at every checkpoint,
-- which cost 1.4 s of each ingest into a 100,000-article warehouse, growing with the corpus.
create table if not exists raw.articles (
    article_id varchar not null,          -- sha256 of the text (UTF-8), hex
    story_id varchar not null,
    source_file varchar not null,         -- identity within the story: path under the input root, or file.jsonl:id
    source_path varchar not null,         -- absolute path that was read
    version integer not null,             -- 1, 2, ... per (story_id, source_file) as its content changes
    raw_text varchar not null,
    byte_size bigint not null,
    encoding varchar not null,
    source_html varchar,                  -- the page, when raw_text was extracted from HTML
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
    language varchar,                     -- ISO 639-1 code of the body's language; null when too short to tell
    detector_version varchar not null,
    run_id varchar not null,
    ingested_at timestamp not null
);

-- Columns added since the table was first created.
alter table raw.articles add column if not exists source_html varchar;
alter table raw.articles add column if not exists language varchar;

create table if not exists raw.rejected_files (
    run_id varchar not null,
    path varchar not null,
    line integer,                         -- sidecar/jsonl line, when the problem is one line
    reason varchar not null,
    byte_size bigint,
    rejected_at timestamp not null
);

-- Every version of every article identity, in order: version n of (story_id, source_file) is the
-- text the file held from its n-th change on. The newest is current, even when that text was
-- seen before (A -> B -> A makes A version 3); raw.articles.version is the newest version number
-- under which its text was current, so the newest row per identity there is the current one too.
create table if not exists raw.article_versions (
    story_id varchar not null,
    source_file varchar not null,
    version integer not null,
    article_id varchar not null,
    run_id varchar not null
);

-- Every time a text was read: which file, under which identity, in which run. The same text under
-- two names is stored once in raw.articles, under the first; its other names are here.
create table if not exists raw.article_sightings (
    article_id varchar not null,
    story_id varchar not null,
    source_file varchar not null,
    source_path varchar not null,
    run_id varchar not null
);

-- Warehouses from before these tables: their articles are the versions and sightings known so far.
insert into raw.article_versions (story_id, source_file, version, article_id, run_id)
select story_id, source_file, version, article_id, run_id from raw.articles
where not exists (select 1 from raw.article_versions);

insert into raw.article_sightings (article_id, story_id, source_file, source_path, run_id)
select article_id, story_id, source_file, source_path, run_id from raw.articles
where not exists (select 1 from raw.article_sightings);
