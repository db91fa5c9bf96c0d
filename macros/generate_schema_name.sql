{# Schemas are named by layer (staging, intermediate, marts, lexicons), not prefixed with the
   target schema: BI users and the scorer address `marts.fct_figures` directly. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
