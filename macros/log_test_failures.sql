{#- Print a consistency test's failing rows to the build log: dbt itself prints only their number,
    and whoever reads the build output needs the outlets, values and sentences.

    `failing_sql` returns the failing rows with a `group_column` (one disagreement: a claim, an
    event) and a `message_column` (one line per row); with a `group_message_column` the rows are
    printed under a heading and a line per group, else each row's line starts with `title`. At most var('failures_logged') groups are
    printed, so a large corpus with many disagreements does not flood the log; the failing rows
    stay queryable in schema test_failures (store_failures). A test that returns only its first
    disagreements names in `n_groups_column` the column that counts all of them. Runs only when the test really runs
    (not in `dbt compile` or `docs generate`) and the tested model exists. `model` is what the test
    read: the tested relation, or a subquery of its rows (macros/test_scope.sql). -#}
{% macro log_test_failures(model, failing_sql, title, group_column, message_column, group_message_column=none, n_groups_column=none) %}
    {%- set tested = tested_relation() -%}
    {%- set relation = tested.relation if tested is not none else model -%}
    {%- if execute and flags.WHICH in ('build', 'test', 'retry') and load_relation(relation) is not none -%}
        {%- set limit = var('failures_logged') | int -%}
        {%- set limited_sql -%}
            with failing_rows as (
                {{ failing_sql }}
            ),

            groups as (
                select
                    {{ group_column }} as logged_group,
                    {% if n_groups_column %}max({{ n_groups_column }}){% else %}count(*) over (){% endif %} as n_groups
                from failing_rows
                group by {{ group_column }}
                order by {{ group_column }}
                limit {{ limit }}
            )

            select
                groups.n_groups,
                groups.logged_group,
                {% if group_message_column %}failing_rows.{{ group_message_column }}{% else %}null{% endif %} as group_message,
                failing_rows.{{ message_column }} as message
            from failing_rows
            inner join groups on failing_rows.{{ group_column }} = groups.logged_group
            order by groups.logged_group, failing_rows.{{ message_column }}
        {%- endset -%}
        {%- set found = run_query(limited_sql) -%}
        {%- set ns = namespace(group=none) -%}
        {%- set shown = found.columns['logged_group'].values() | unique | list | length -%}
        {%- for row in found.rows -%}
            {%- if loop.first -%}
                {%- do log(title ~ " on " ~ relation ~ ": " ~ row['n_groups'] ~ " disagreement(s)"
                    ~ (", the first " ~ shown ~ " below" if row['n_groups'] > shown else ""), info=True) -%}
            {%- endif -%}
            {%- if group_message_column and row['logged_group'] != ns.group -%}
                {%- set ns.group = row['logged_group'] -%}
                {%- do log("  " ~ row['group_message'], info=True) -%}
            {%- endif -%}
            {#- without a group line, each row's line names the test, so that it can be grepped alone -#}
            {%- do log(("    " if group_message_column else title ~ ": ") ~ row['message'], info=True) -%}
            {%- if loop.last and row['n_groups'] > shown -%}
                {%- do log("  ... " ~ (row['n_groups'] - shown) ~ " more: every one is in marts.findings, failing "
                    ~ "rows in schema test_failures (table named after the test)", info=True) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
