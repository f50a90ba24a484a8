//! How the matcher ranks a node's choices: meaning first, then the trainee's words — figures,
//! negation — forgiving typos, missing accents, lower case and short replies, in English and
//! Italian.

use frontline::matcher::{ChoiceWords, Ranking};

use super::support::matcher;

fn rank(choices: &[&str], reply: &str) -> Ranking {
    let words: Vec<ChoiceWords> = choices.iter().map(|c| (*c, &[][..])).collect();
    matcher().rank(&words, reply)
}

fn best(choices: &[&str], reply: &str) -> usize {
    rank(choices, reply).ranked[0].index
}

const PLANS_IT: [&str; 3] = [
    "Posso rateizzarla in 3 rate mensili da 162,20 € senza interessi.",
    "Gliela divido in 6 rate mensili da 81,10 €, così pesa meno.",
    "Se paga con qualche giorno di ritardo non succede niente.",
];

#[test]
fn figures_decide_between_two_plans_that_mean_the_same_otherwise() {
    assert_eq!(best(&PLANS_IT, "three instalments of 162 euro"), 0);
    assert_eq!(best(&PLANS_IT, "six instalments of 81.10"), 1);
    assert_eq!(best(&PLANS_IT, "tre rate da 162,20"), 0);
    assert_eq!(best(&PLANS_IT, "6 rate da 81,10"), 1);
}

#[test]
fn a_negated_promise_is_not_the_promise() {
    let choices = [
        "Le prometto che domani è tutto risolto.",
        "Non le posso promettere una data, ma seguo io la pratica.",
    ];
    assert_eq!(best(&choices, "non le posso promettere niente"), 1);
    assert_eq!(best(&choices, "le prometto che domani e risolto"), 0);
    let english = [
        "I promise it will be fixed by tomorrow.",
        "I can't promise a date, but I'll follow your case myself.",
    ];
    assert_eq!(best(&english, "i cannot promise anything"), 1);
    assert_eq!(best(&english, "i promise its fixed tomorrow"), 0);
}

#[test]
fn typos_missing_accents_and_lower_case_still_find_the_choice() {
    let choices = [
        "Perfetto, vedo la bolletta: sono 486,60 € con scadenza il 16 gennaio.",
        "Per sicurezza mi conferma anche la sua data di nascita?",
        "Per la verifica mi serve anche la password dell'area clienti.",
    ];
    assert_eq!(
        best(&choices, "per sicureza mi conferma la data di nasita?"),
        1
    );
    assert_eq!(
        best(
            &choices,
            "perfetto vedo la bolleta, 486,60 scadenza 16 gennaio"
        ),
        0
    );
    assert_eq!(best(&choices, "PER LA VERIFICA MI SERVE LA PASWORD"), 2);
}

#[test]
fn a_short_reply_is_matched_to_the_choice_it_abridges() {
    let choices = [
        "I'm sorry for the inconvenience. Can I take your customer number?",
        "Sir, please calm down, I can't help you if you shout.",
        "Let me put you on hold while I check with billing.",
    ];
    assert_eq!(best(&choices, "calm down"), 1);
    assert_eq!(best(&choices, "hold on, I'll ask billing"), 2);
    assert_eq!(best(&choices, "sorry, customer number?"), 0);
}

#[test]
fn a_clear_match_is_confident_and_a_reply_between_two_choices_is_not() {
    let clear = rank(&PLANS_IT, "gliela divido in 6 rate mensili da 81,10 euro");
    assert!(clear.confident, "{clear:?}");
    let between = rank(&PLANS_IT, "rate");
    assert!(!between.confident, "{between:?}");
}

#[test]
fn every_choice_is_ranked_once_with_a_score_from_0_to_1() {
    let ranking = rank(&PLANS_IT, "boh");
    let mut indexes: Vec<usize> = ranking.ranked.iter().map(|r| r.index).collect();
    indexes.sort();
    assert_eq!(indexes, [0, 1, 2]);
    assert!(
        ranking
            .ranked
            .iter()
            .all(|r| (0.0..=1.0).contains(&r.score))
    );
    assert!(ranking.ranked.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_choice_examples_let_it_match_words_its_text_does_not_use() {
    let examples = ["le mando il dettaglio via email".to_owned()];
    let choices: Vec<ChoiceWords> = vec![
        ("Send a breakdown of the bill by email.", &examples[..]),
        ("Ask the customer to call back tomorrow.", &[][..]),
    ];
    let ranking = matcher().rank(&choices, "le mando il dettaglio per email");
    assert_eq!(ranking.ranked[0].index, 0);
    assert!(ranking.confident, "{ranking:?}");
}

#[test]
fn an_empty_reply_ranks_the_choices_without_being_sure() {
    let ranking = rank(&PLANS_IT, "");
    assert_eq!(ranking.ranked.len(), 3);
    assert!(!ranking.confident);
}
