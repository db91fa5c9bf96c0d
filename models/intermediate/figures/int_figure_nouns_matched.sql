{#- What each candidate figure counts, and where its surface begins and ends.

    Lexicon nouns (seed `counted_classes`) around a figure, in two roles. `head`: the counted noun
    is the first one in the phrase window (else a plural demonym such as `100,000 Peruvians`:
    people of that country; else the phrase's last plain word). `preceding`: an elliptical count
    (`in exchange for two,`) counts what the sentence counted last before it. The two ranges
    never overlap. A modifier that is a preposition of time before a duration (`over five
    years`) is no bound. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

with_window as (

    select * from {{ ref('int_figure_phrases_windowed') }}
    where {{ in_changed_stories() }}

),

terms as (

    select * from {{ ref('int_figure_terms_matched') }}
    where {{ in_changed_stories() }}

),

unit_dimensions as (

    select distinct
        unit,
        dimension
    from {{ ref('stg_lexicons__counted_classes') }}
    where unit is not null

),

counted_nouns as (

    select
        sentence_key,
        run_no,
        noun_role,
        match_start,
        match_end,
        counted_class,
        row_number() over (
            partition by sentence_key, run_no, noun_role
            order by case when noun_role = 'head' then match_start else -match_end end, n_words desc
        ) as rank_no
    from (
        select
            with_window.sentence_key,
            with_window.run_no,
            terms.match_start,
            terms.match_end,
            terms.matched_label as counted_class,
            terms.n_words,
            case
                when with_window.start_pos > terms.match_end then 'preceding' else 'head'
            end as noun_role
        from with_window
        inner join terms
            on
                with_window.sentence_key = terms.sentence_key
                and terms.matched_role = 'counted'
                and terms.kind = 'noun'
                and (
                    with_window.start_pos > terms.match_end
                    or (
                        with_window.phrase_from <= terms.match_start
                        and with_window.stop_pos > terms.match_start
                    )
                )
    ) as around

),

demonym_heads as (

    select
        with_window.sentence_key,
        with_window.run_no,
        terms.match_start,
        terms.match_end,
        row_number() over (
            partition by with_window.sentence_key, with_window.run_no
            order by terms.match_start asc, terms.n_words desc
        ) as rank_no
    from with_window
    inner join terms
        on
            with_window.sentence_key = terms.sentence_key
            and terms.matched_role = 'alias'
            and terms.is_demonym
            and with_window.plain_head_pos = terms.match_end

),

with_head as (

    select
        with_window.*,
        head_nouns.counted_class as head_class,
        head_nouns.match_end as head_end,
        demonym_heads.match_end as demonym_end,
        preceding_nouns.counted_class as preceding_class,
        preceding_nouns.match_start as preceding_start,
        preceding_nouns.match_end as preceding_end
    from with_window
    left join counted_nouns as head_nouns
        on
            with_window.sentence_key = head_nouns.sentence_key
            and with_window.run_no = head_nouns.run_no
            and head_nouns.noun_role = 'head'
            and head_nouns.rank_no = 1
    left join demonym_heads
        on
            with_window.sentence_key = demonym_heads.sentence_key
            and with_window.run_no = demonym_heads.run_no
            and demonym_heads.rank_no = 1
    left join counted_nouns as preceding_nouns
        on
            with_window.sentence_key = preceding_nouns.sentence_key
            and with_window.run_no = preceding_nouns.run_no
            and preceding_nouns.noun_role = 'preceding'
            and preceding_nouns.rank_no = 1

),

with_dimension as (

    select
        with_head.*,
        unit_dimensions.dimension as unit_dimension,
        with_head.stated_modifier is not null
        and not (
            with_head.modifier_before_duration is not distinct from 'during'
            and unit_dimensions.dimension is not distinct from 'time'
        ) as has_modifier
    from with_head
    left join unit_dimensions
        on
            coalesce(with_head.unit_after, with_head.prefix_unit, with_head.suffix_unit, with_head.run_unit)
            = unit_dimensions.unit

),

read_figures as (

    select
        *,
        case when has_modifier then stated_modifier end as modifier,
        case when has_modifier then stated_modifier_start end as modifier_start,
        case when has_modifier then stated_qualifier end as modifier_qualifier,
        case when has_modifier then stated_low_factor end as low_factor,
        case when has_modifier then stated_high_factor end as high_factor,
        coalesce(unit_after, prefix_unit, suffix_unit, run_unit) as unit,
        case
            when head_class is not null then head_class
            when demonym_end is not null then 'people'
        end as noun_class,
        coalesce(head_end, demonym_end, plain_head_pos) as phrase_end_pos,
        coalesce(case when has_modifier then stated_modifier_start end, lead_pos) as surface_start_pos,
        greatest(phrase_from - 1, coalesce(head_end, demonym_end, plain_head_pos, 0)) as surface_end_pos,
        head_end is null and demonym_end is null and plain_head_pos is null
        and coalesce(unit_after, prefix_unit, suffix_unit, run_unit) is null as is_elliptical
    from with_dimension

)

select * from read_figures  -- noqa: AM04
