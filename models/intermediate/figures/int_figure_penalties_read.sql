{#- The figures that state a court's penalty: a prison term (`sentenced Gregory Pell ... to 12
    years in prison`, `a 12-year sentence`, `three years behind bars`, `was given 12 years`), the
    least time of a life sentence (`jailed for life with a minimum term of 28 years`, `must serve at
    least 26 years`: `minimum_term`, another claim than a fixed term), a fine (`fined $2 million`,
    `a $2 million fine`) or a sum ordered paid back (`ordered ... to pay $215 million in
    restitution`, `ordered Pell to repay $250 million to victims`) or one ordered forfeited
    (`ordered to forfeit $84 million`: `forfeiture`, apart from the restitution the same sentence
    orders). A term is a measure of a person's punishment, not any length of time:
    int_figures_keyed gives it the action `sentence`, so two outlets' terms meet in one claim and
    a duration of something else (`the fraud lasted four years`) stays apart; a sum ordered paid
    is one claim (`restitution`), another than the loss it repays (`the $340 million investors
    lost`).

    Not a penalty: one asked for, faced or possible (`Prosecutors had sought 20 years in prison`,
    `faces up to 20 years`, macro penalty_not_imposed_re): another figure than the one imposed. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start,
        char_end,
        unit
    from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }} and unit is not null

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

unit_dimensions as (

    select distinct
        unit,
        dimension
    from {{ ref('stg_lexicons__counted_classes') }}
    where dimension in ('time', 'money')

),

placed as (

    select
        figures.figure_id,
        figures.story_id,
        unit_dimensions.dimension,
        {{ sentence_text_before('figures.char_start') }} as text_before,
        {{ sentence_text_from('figures.char_start', 'figures.char_end - figures.char_start + 60') }} as text_from
    from figures
    inner join unit_dimensions on figures.unit = unit_dimensions.unit
    inner join sentences on figures.sentence_id = sentences.sentence_id

),

penalties as (

    select
        figure_id,
        story_id,
        case
            -- the least time a life sentence must be served, in a sentence of a court's penalty
            when
                dimension = 'time'
                and {{ regex_contains('text_before', sql_regex(minimum_term_end_re())) }}
                and {{ regex_contains("text_before || text_from", "'\\b(life|jail|prison|sentenc|parole|convicted)'") }}
                then 'minimum_term'
            when
                dimension = 'time'
                and (
                    {{ regex_contains('text_before', sql_regex(sentenced_to_end_re())) }}
                    or {{ regex_contains('text_from', sql_regex(prison_term_re())) }}
                    or (
                        {{ regex_contains('text_before', sql_regex(term_given_end_re())) }}
                        and not {{ regex_contains('text_from', sql_regex(term_given_to_do_re())) }}
                    )
                )
                then 'sentence'
            when
                dimension = 'money'
                and (
                    {{ regex_contains('text_before', "'\\bfined\\s+(\\pL+\\s+)?$'") }}
                    or {{ regex_contains('text_from', sql_regex(sum_named_as_re('fines?|penalty|penalties'))) }}
                )
                then 'fine'
            when
                dimension = 'money'
                and (
                    {{ regex_contains('text_before', sql_regex(forfeit_end_re())) }}
                    or {{ regex_contains('text_from', sql_regex(sum_named_as_re('forfeiture'))) }}
                )
                then 'forfeiture'
            when
                dimension = 'money'
                and (
                    {{ regex_contains('text_before', sql_regex(ordered_to_pay_end_re())) }}
                    or {{ regex_contains('text_from', sql_regex(sum_named_as_re('restitution'))) }}
                )
                then 'restitution'
        end as penalty,
        {{ regex_contains('text_before', sql_regex(penalty_not_imposed_re())) }} as is_not_imposed
    from placed

),

final as (

    select
        figure_id,
        story_id,
        penalty
    from penalties
    where penalty is not null and not is_not_imposed

)

select * from final
