{#- The figures that state a rate, an amount for each one of something (`1.8 million euros a
    day`, `2,150 euros a month`, `8,000 people an hour`, `pay 20,000 dollars to the family of
    each victim`): a rate is another quantity than a total of its unit, and a day's cost is no
    monthly wage, so int_figures_aligned keys it by what it is per (`euros per day`), and two
    rates meet only when they are per the same thing. Any figure may name its rate right after
    it (macro rate_after_re); an amount of money may name it later in its clause (macro
    money_rate_in_clause_re). A unit of time that dates the figure is no rate (macro time_ago_after_re:
    `rose to 412 from 380 a day earlier`). An amount of money is per share when `a share` follows it
    (macro share_rate_after_re: `pay $38.50 a share`) or when shares move to or at it (macro
    share_price_before_re: `Shares of Ambrin jumped 24% to $37.61`): a share's price is no deal's value. -#}

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

money_units as (

    select distinct unit
    from {{ ref('stg_lexicons__counted_classes') }}
    where dimension = 'money'

),

followed as (

    select
        figures.figure_id,
        figures.story_id,
        money_units.unit is not null as is_money,
        {{ sentence_text_from('figures.char_end') }} as text_after,
        {{ sentence_text_before('figures.char_start') }} as text_before
    from figures
    inner join sentences on figures.sentence_id = sentences.sentence_id
    left join money_units on figures.unit = money_units.unit

),

rated as (

    select
        figure_id,
        story_id,
        coalesce(
            case
                when not {{ regex_contains('text_after', sql_regex(time_ago_after_re())) }}
                    then nullif({{ regex_extract('text_after', sql_regex(rate_after_re()), 1) }}, '')
            end,
            nullif({{ regex_extract('text_after', sql_regex(rate_after_re()), 2) }}, ''),
            case
                when is_money
                    then nullif({{ regex_extract('text_after', sql_regex(money_rate_in_clause_re()), 1) }}, '')
            end,
            case
                when
                    is_money and (
                        (
                            {{ regex_contains('text_after', sql_regex(share_rate_after_re())) }}
                            and not {{ regex_contains('text_after', sql_regex(share_part_after_re())) }}
                        )
                        or {{ regex_contains('text_before', sql_regex(share_price_before_re())) }}
                    )
                    then 'share'
            end
        ) as rate_per
    from followed

),

final as (

    select
        figure_id,
        story_id,
        rate_per
    from rated
    where rate_per is not null

)

select * from final
