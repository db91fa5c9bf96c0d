{#- Which version of each seed the warehouse holds: lexicons.seed_loads has one row per seed, its
    file checksum as dbt computed it when it loaded the table. The row is written by a post-hook
    in the seed's own transaction (macros/seed_atomic.sql), so it changes exactly when the table
    does, whoever loads it (`make build`, `dbt build`, `dbt seed`). `make build` reloads only the
    seeds that changed since its last finished build, and trusts that record only while it equals
    the seeds of that build's manifest (warehouse/buildstate.py, seed_reuse_args). -#}

{#- on-run-start: the table exists before any seed's post-hook writes to it (two seeds loading at
    once must not both create it). The schema is the seeds' (dbt_project.yml, +schema). -#}
{% macro create_seed_loads() -%}
    create schema if not exists lexicons;
    create table if not exists lexicons.seed_loads (
        seed_name varchar primary key,
        file_checksum varchar not null
    );
    comment on table lexicons.seed_loads is
    'Bookkeeping: the file checksum of each seed as loaded (macros/seed_loads.sql); make build reloads only changed seeds.'
{%- endmacro %}

{% macro record_seed_load() -%}
    insert or replace into lexicons.seed_loads (seed_name, file_checksum)
    values ('{{ this.identifier }}', '{{ model.checksum.checksum }}')
{%- endmacro %}
