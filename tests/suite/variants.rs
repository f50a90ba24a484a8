//! Variants: the facts of a call change with the seed, are checked in every variant, and replay exactly.

use std::sync::Arc;

use frontline::diagnostic::{Code, Severity};
use frontline::engine::{Answer, Entry, Mode, Session, Strategy, autoplay};

use crate::support::{diagnose_text, fixture, fixture_text, frontline, stdout};

const FIXTURE: &str = "variants.ron";

/// The first seed that draws each variant of the fixture, in the order written.
fn seeds() -> Vec<(String, u64)> {
    let prepared = fixture(FIXTURE);
    let scenario = prepared.scenario();
    scenario
        .variants
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let seed = scenario
                .seeds_of_variant(i)
                .next()
                .expect("a seed draws it");
            (name.clone(), seed)
        })
        .collect()
}

fn text_of(session: &Session) -> String {
    serde_json::to_string(session.transcript()).expect("serialises")
}

#[test]
fn each_variant_shows_its_own_figures_everywhere_and_the_expert_passes_in_each() {
    let prepared = fixture(FIXTURE);
    let expected = [
        ("doyle", "Mary Doyle", "€ 300.00", "€ 100.00"),
        ("khan", "Amir Khan", "€ 450.30", "€ 150.10"),
        ("rossi", "Lucia Rossi", "€ 517.80", "€ 172.60"),
    ];
    let seeds = seeds();
    assert_eq!(seeds.len(), 3);
    for ((variant, seed), (name, customer, bill, third)) in seeds.iter().zip(expected) {
        assert_eq!(variant, name);
        let session = autoplay(&prepared, *seed, Mode::Coach, Strategy::Expert);
        assert_eq!(session.variant(), Some(name));
        let result = session.result().expect("ended");
        assert!(
            result.passed && result.scores.overall == 100.0,
            "{name}: {result:?}"
        );
        let scenario = session.scenario();
        assert_eq!(scenario.customer.name, customer);
        assert!(
            scenario.account[1].1.starts_with(&format!("{bill}, due ")),
            "{:?}",
            scenario.account
        );
        assert!(
            scenario.account[2].1.ends_with(third),
            "{:?}",
            scenario.account
        );
        let transcript = text_of(&session);
        for key in prepared
            .scenario()
            .variants
            .get(name)
            .expect("the variant")
            .keys()
        {
            let placeholder = format!("{{{key}}}");
            assert!(
                !transcript.contains(&placeholder),
                "{name}: {placeholder} left: {transcript}"
            );
        }
        assert!(
            transcript.contains(&format!("My bill is {bill}")),
            "{transcript}"
        );
        assert!(
            transcript.contains(&format!("Three instalments of {third}.")),
            "{transcript}"
        );
        // The ending's `say_if` holds (a plan was agreed), with this variant's figure.
        let Some(Entry::End { text, .. }) = session
            .transcript()
            .iter()
            .rev()
            .find(|e| matches!(e, Entry::End { .. }))
        else {
            panic!("the call ended");
        };
        assert_eq!(text, &format!("So {third} a month. Thank you."));
        assert_eq!(
            session.ending_summary(),
            Some(format!("A plan of three instalments of {third} agreed.").as_str())
        );
    }
}

#[test]
fn the_wrong_figure_of_each_variant_is_offered_beside_the_right_one() {
    let prepared = fixture(FIXTURE);
    for (name, seed) in seeds() {
        let mut session = Session::new(Arc::clone(&prepared), seed, Mode::Exam);
        let verify = session.expert_answer().expect("a first decision");
        session.answer(verify).expect("verification is taken");
        let offers: Vec<String> = session.offers().into_iter().map(|o| o.text).collect();
        let values = prepared
            .scenario()
            .variants
            .get(&name)
            .expect("the variant")
            .clone();
        assert_eq!(
            offers[1],
            format!("Three instalments of {}.", values["third"])
        );
        assert!(
            offers[2].contains(&format!(
                "three instalments of {}, from {}",
                values["wrong"], values["due"]
            )),
            "{name}: {offers:?}"
        );
    }
}

#[test]
fn a_seed_and_the_answers_replay_a_variant_exactly() {
    let prepared = fixture(FIXTURE);
    for (_, seed) in seeds() {
        let play = || {
            let mut session = Session::new(Arc::clone(&prepared), seed, Mode::Coach);
            for answer in [Answer::Pick(2), Answer::Pick(1)] {
                session.answer(answer).expect("a valid answer");
            }
            session
        };
        let (first, second) = (play(), play());
        assert_eq!(first.transcript(), second.transcript());
        assert_eq!(first.result(), second.result());
        assert_eq!(first.variant(), second.variant());
    }
}

#[test]
fn the_command_line_plays_and_replays_the_same_variant_for_the_same_seed() {
    let (name, seed) = seeds().remove(2);
    let seed = seed.to_string();
    let args = [
        "play",
        "tests/fixtures/variants.ron",
        "--seed",
        &seed,
        "--choices",
        "1,2",
        "--format",
        "json",
    ];
    let (first, second) = (frontline(&args), frontline(&args));
    assert!(first.status.success(), "{first:?}");
    assert_eq!(stdout(&first), stdout(&second));
    let report: serde_json::Value = serde_json::from_str(&stdout(&first)).expect("json");
    assert_eq!(report["variant"], name.as_str());
}

#[test]
fn an_undefined_placeholder_is_an_error_at_its_line_and_column() {
    let text = fixture_text(FIXTURE).replace("My bill is {bill}", "My bill is {bil}");
    let diagnostics = diagnose_text("variants.ron", &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(
        (d.code, d.severity, d.line, d.column),
        (Code::UnknownPlaceholder, Severity::Error, 22, 51)
    );
    assert_eq!(d.field, "nodes.start.say[0]");
    assert_eq!(d.hint, "did you mean `{bill}`?");
}

#[test]
fn a_placeholder_one_variant_does_not_define_names_that_variant() {
    let text = fixture_text(FIXTURE).replace(r#""name": "Amir Khan", "#, "");
    let diagnostics = diagnose_text("variants.ron", &text);
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        assert_eq!(d.code, Code::UnknownPlaceholder, "{d:#?}");
        assert_eq!(d.message, "`{name}` is not defined by variant `khan`");
    }
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (8, 23));
}

#[test]
fn a_brace_that_makes_no_placeholder_is_an_error_at_the_brace() {
    let text = fixture_text(FIXTURE).replace("So what can I do?", "So what {can I do?");
    let diagnostics = diagnose_text("variants.ron", &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!((d.code, d.line, d.column), (Code::StrayBrace, 30, 28));
}

#[test]
fn a_brace_in_a_value_is_an_error() {
    let text = fixture_text(FIXTURE).replace(r#""wrong": "€ 100.00""#, r#""wrong": "€ {100}""#);
    let diagnostics = diagnose_text("variants.ron", &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0].code, Code::StrayBrace);
    assert_eq!(diagnostics[0].field, "variants.khan.wrong");
}

#[test]
fn a_placeholder_on_the_library_card_is_an_error_it_cannot_be_filled_in_there() {
    let text = fixture_text(FIXTURE).replace("A bill in three instalments", "A bill of {bill}");
    let diagnostics = diagnose_text("variants.ron", &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(
        (d.code, d.line, d.column),
        (Code::UnknownPlaceholder, 4, 23)
    );
    assert_eq!(d.field, "title");
}

#[test]
fn a_value_no_text_uses_is_a_warning() {
    let text = fixture_text(FIXTURE).replace(
        r#""due": "23 January", "#,
        r#""due": "23 January", "spare": "x", "#,
    );
    let diagnostics = diagnose_text("variants.ron", &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        (diagnostics[0].code, diagnostics[0].severity),
        (Code::UnusedValue, Severity::Warning)
    );
    assert_eq!(diagnostics[0].field, "variants.khan.spare");
}

#[test]
fn a_placeholder_in_a_call_without_variants_is_an_error() {
    let text = fixture_text(FIXTURE);
    let start = text.find("    variants: {").expect("variants block");
    let end = start + text[start..].find("    },\n").expect("its end") + "    },\n".len();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let diagnostics = diagnose_text("variants.ron", &without);
    assert!(!diagnostics.is_empty());
    assert!(
        diagnostics
            .iter()
            .all(|d| d.code == Code::UnknownPlaceholder),
        "{diagnostics:#?}"
    );
    assert_eq!(
        diagnostics[0].message,
        "`{name}` is a placeholder, but the scenario has no variants"
    );
}
