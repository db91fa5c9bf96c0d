
{#- The learned typing of runs: a linear classifier over the binary features of
    int_name_run_features, whose weights (seed name_classifier_weights) are trained by
    scripts/train_name_classifier.py on annotated text outside the development set. A run's
    score for a type is the sum of the weights of its features for that type; the type with the
    highest score wins, and `none` means the run is no name. word_says_none: the weights of the
    run's own first and last word (features first= and last=) alone favour `none` over every
    type, so the classifier has met the word in its training and found it no name (`Internet`,
    `Christmas`); a word it never met has no such weights (`Feyenoord`). opens_clause: the run's
    first word is a verb's form or an adverb that is never a noun or an adjective (seed
    name_clause_words: `Chanting Helmut Kohl`, `Says Michael Hirsch`), so a run opening a
    sentence with it starts a clause rather than a name. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

features as (

    select
        article_id,
        char_start,
        char_end,
        story_id,
        feature
    from {{ ref('int_name_run_features') }}
    where {{ in_changed_stories() }}

),

scores as (

    select
        features.article_id,
        features.char_start,
        features.char_end,
        features.story_id,
        weights.entity_type,
        -- rounded: a float sum depends on the order rows arrive in, and a batched build must equal a fresh one
        round(sum(weights.weight), 9) as score,
        round(
            sum(case when features.feature like 'first=%' or features.feature like 'last=%' then weights.weight end), 9
        ) as word_score
    from features
    inner join {{ ref('name_classifier_weights') }} as weights on features.feature = weights.feature
    group by features.article_id, features.char_start, features.char_end, features.story_id, weights.entity_type

),

clause_openers as (

    select distinct
        features.article_id,
        features.char_start,
        features.char_end
    from features
    inner join {{ ref('name_clause_words') }} as clause_words on features.feature = 'first=' || clause_words.word

),

ranked as (

    select
        *,
        row_number() over run_scores as score_rank,
        score - lead(score) over run_scores as margin,
        row_number() over (
            partition by article_id, char_start, char_end order by entity_type = 'none', score desc, entity_type asc
        ) as name_rank
    from scores
    window run_scores as (partition by article_id, char_start, char_end order by score desc, entity_type asc)

),

grouped as (

    select
        article_id,
        char_start,
        char_end,
        {{ name_run_id('article_id', 'char_start', 'char_end') }} as run_id,
        story_id,
        max(case when score_rank = 1 then score end) as score,
        max(case when score_rank = 1 then margin end) as margin,
        nullif(max(case when score_rank = 1 then entity_type end), 'none') as entity_type,
        max(case when name_rank = 1 and entity_type != 'none' then entity_type end) as name_type,
        -- a type the word has no weight for counts 0
        coalesce(
            max(case when entity_type = 'none' then word_score end) > case
                when count(case when entity_type != 'none' then word_score end) < 3
                    then greatest(coalesce(max(case when entity_type != 'none' then word_score end), 0), 0)
                else max(case when entity_type != 'none' then word_score end)
            end,
            false
        ) as word_says_none
    from ranked
    group by article_id, char_start, char_end, story_id

),

final as (

    select
        grouped.run_id,
        grouped.story_id,
        grouped.score,
        grouped.margin,
        grouped.entity_type,
        grouped.name_type,
        grouped.word_says_none,
        clause_openers.article_id is not null as opens_clause
    from grouped
    left join clause_openers
        on
            grouped.article_id = clause_openers.article_id
            and grouped.char_start = clause_openers.char_start
            and grouped.char_end = clause_openers.char_end

)

select * from final
