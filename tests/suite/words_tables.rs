//! Every words table is complete: the compiler refuses a table with a word missing (each is a
//! struct of fields), and this file checks what the compiler cannot — no word left empty, the
//! same blanks in every language's template, every table found by its language's code.

use std::collections::BTreeSet;

use frontline::words::{ALL, ENGLISH, Words};

use crate::support::table_entries as entries;

/// The blanks a template names: `{customer}`, `{seconds}`.
fn blanks(template: &str) -> BTreeSet<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

#[test]
fn no_word_of_any_table_is_left_empty() {
    for table in ALL {
        let empty: Vec<String> = entries(table)
            .into_iter()
            .filter(|(_, text)| text.trim().is_empty())
            .map(|(path, _)| path)
            .collect();
        assert_eq!(
            empty,
            Vec::<String>::new(),
            "empty words in `{}`",
            table.language
        );
    }
}

#[test]
fn every_template_names_the_same_blanks_in_every_language() {
    let english = entries(&ENGLISH);
    for table in ALL {
        let theirs = entries(table);
        assert_eq!(
            theirs.len(),
            english.len(),
            "`{}` has other entries",
            table.language
        );
        for ((path, ours), (their_path, text)) in english.iter().zip(&theirs) {
            assert_eq!(path, their_path);
            assert_eq!(
                blanks(ours),
                blanks(text),
                "`{path}` in `{}`: {text:?} against {ours:?}",
                table.language
            );
        }
    }
}

#[test]
fn every_table_is_found_by_its_language_code_and_the_languages_cycle_through_all_of_them() {
    let mut seen = Vec::new();
    let mut at = &ENGLISH;
    for table in ALL {
        assert_eq!(Words::of(table.language), table);
        assert_eq!(
            Words::of(&format!("{}-XX", table.language.to_uppercase())),
            table
        );
        seen.push(at.language);
        at = at.next();
    }
    assert_eq!(at, &ENGLISH, "after the last language comes the first");
    let codes: Vec<&str> = ALL.iter().map(|t| t.language).collect();
    assert_eq!(seen, codes);
    assert_eq!(
        Words::of("xx").language,
        "en",
        "an unknown language falls back to English"
    );
}

#[test]
fn italian_writes_decimals_with_a_comma_and_dates_with_the_month_in_words() {
    let italian = Words::of("it");
    // 2026-12-01 14:03 UTC.
    let moment = 1_796_133_780_000;
    assert_eq!(italian.score(83.54), "83,5%");
    assert_eq!(italian.score(100.0), "100%");
    assert_eq!(italian.tenths(12.25), "12,2");
    assert_eq!(italian.date(moment), "1 dicembre 2026");
    assert_eq!(italian.date_time(moment), "1 dicembre 2026, 14:03");
    assert_eq!(ENGLISH.score(83.54), "83.5%");
    assert_eq!(ENGLISH.date(moment), "December 1, 2026");
    assert_eq!(ENGLISH.date_time(moment), "December 1, 2026, 14:03");
    assert_eq!(ENGLISH.date(0), "January 1, 1970");
}
