{#- Each read figure with its subject, its action, its sentence and the offsets (within the
    sentence) of the tokens that bound its surface and phrases.

    The subject: a country named inside the counted phrase (`Peruvian soldiers`), else one just
    after it behind `to`/`by` (`soldiers returned to Peru`, `rule there by ethnic Peruvians`).

    The action is int_figure_actions_found's. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

read_figures as (

    select * from {{ ref('int_figure_nouns_matched') }}
    where {{ in_changed_stories() }}

),

terms as (

    select * from {{ ref('int_figure_terms_matched') }}
    where {{ in_changed_stories() }} and matched_role = 'alias'

),

actions as (

    select * from {{ ref('int_figure_actions_found') }}
    where {{ in_changed_stories() }}

),

tokens as (

    select
        sentence_key,
        pos,
        token_start,
        token_end,
        lw
    from {{ ref('int_figure_tokens_typed') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

context_words as (

    select
        role,
        lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role = 'subject_preposition'

),

subjects as (

    select
        read_figures.sentence_key,
        read_figures.run_no,
        terms.matched_label as entity_name,
        row_number() over (
            partition by read_figures.sentence_key, read_figures.run_no
            order by
                case when terms.match_start <= read_figures.phrase_end_pos then 0 else 1 end,
                terms.match_start
        ) as rank_no
    from read_figures
    inner join terms
        on
            read_figures.sentence_key = terms.sentence_key
            and terms.matched_role = 'alias'
            and read_figures.phrase_from <= terms.match_start
            and coalesce(read_figures.phrase_end_pos, read_figures.phrase_from - 1) + 4 >= terms.match_start
    left join context_words as before_alias
        on terms.prev_lw = before_alias.word and before_alias.role = 'subject_preposition'
    left join context_words as before_before
        on terms.prev2_lw = before_before.word and before_before.role = 'subject_preposition'
    where
        terms.match_start <= read_figures.phrase_end_pos
        or before_alias.word is not null
        or (before_before.word is not null and terms.prev_is_word)

),

{# Offsets of the tokens that bound the surface and the phrases, fetched in one join. #}
bounding_positions as (

    {%- set roles = ['surface_start', 'surface_end', 'phrase_start', 'phrase_end', 'preceding_start',
                     'preceding_end', 'plain_head'] %}
    {%- set columns = {
        'surface_start': 'surface_start_pos', 'surface_end': 'surface_end_pos',
        'phrase_start': 'phrase_start_pos', 'phrase_end': 'phrase_end_pos',
        'preceding_start': 'preceding_start', 'preceding_end': 'preceding_end',
        'plain_head': 'plain_head_pos'} %}
    {%- for role in roles %}
        select
            sentence_key,
            run_no,
            '{{ role }}' as bounding_role,
            {{ columns[role] }} as pos
        from read_figures
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

bounding_offsets as (

    select
        needed.sentence_key,
        needed.run_no,
        {%- for role in roles if role != 'plain_head' %}
            max(case when needed.bounding_role = '{{ role }}' then at_pos.token_{{ role.split('_')[-1] }} end)
                as {{ role }}_offset,
        {%- endfor %}
        max(case when needed.bounding_role = 'plain_head' then {{ regex_replace("at_pos.lw", "'[''’]s$'", "''") }} end)
            as plain_head
    from bounding_positions as needed
    inner join tokens as at_pos
        on needed.sentence_key = at_pos.sentence_key and needed.pos = at_pos.pos
    group by needed.sentence_key, needed.run_no

),

located as (

    select
        read_figures.*,
        subjects.entity_name as subject,
        actions.action_class,
        actions.action_term,
        actions.action_offset,
        sentences.sentence_start,
        sentences.sentence_text,
        {%- for role in roles if role != 'plain_head' %}
            bounding_offsets.{{ role }}_offset,
        {%- endfor %}
        bounding_offsets.plain_head
    from read_figures
    inner join sentences on read_figures.sentence_id = sentences.sentence_id
    inner join bounding_offsets
        on read_figures.sentence_key = bounding_offsets.sentence_key and read_figures.run_no = bounding_offsets.run_no
    left join subjects
        on
            read_figures.sentence_key = subjects.sentence_key
            and read_figures.run_no = subjects.run_no
            and subjects.rank_no = 1
    left join actions
        on read_figures.sentence_key = actions.sentence_key and read_figures.run_no = actions.run_no

)

select * from located  -- noqa: AM04
