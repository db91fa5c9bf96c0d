{#- Seeds reload atomically. dbt's default full-refresh seed drops the old table with its own
    autocommitted statement before the seed's transaction begins, then creates and loads the new
    one in that transaction: when the load or its COMMIT fails (a full disk), the old table is
    already gone, and a build that died on a full disk lost most lexicons. Here the drop is the
    first statement of the seed's transaction (statement() opens it), followed by the create and
    the load: at COMMIT the new table replaces the old one, and if anything up to and including
    the COMMIT fails, the rollback leaves the old table in place. -#}
{% macro duckdb__reset_csv_table(model, full_refresh, old_relation, agate_table) %}
    {% if full_refresh %}
        {% call statement('drop_old_seed_in_transaction') -%}
            drop table if exists {{ old_relation.render() }} cascade
        {%- endcall %}
        {{ return(create_csv_table(model, agate_table)) }}
    {% endif %}
    {{ adapter.truncate_relation(old_relation) }}
    {{ return("truncate table " ~ old_relation.render()) }}
{% endmacro %}
