//! The interface's language: I on the library switches it between English and Italian, it is
//! kept for the next start, and an Italian trainee then reads no English word on any screen —
//! the library, the call and its debrief (an Italian scenario), the progress screen, the
//! trainer's view.

use std::collections::BTreeSet;

use bevy::prelude::*;
use frontline::app::{Look, Screen};
use frontline::engine::Session;
use frontline::words::{ALL, ENGLISH, Words};

use super::harness::*;

/// Every word of four letters or more in a table's entries, lowercase, blanks left out.
fn words_of(table: &Words) -> BTreeSet<String> {
    let mut shown = String::new();
    for (_, text) in crate::support::table_entries(table) {
        // A template's blanks are names, not words shown.
        let mut in_blank = false;
        for c in text.chars() {
            match c {
                '{' => in_blank = true,
                '}' => in_blank = false,
                c if !in_blank => shown.push(c),
                _ => {}
            }
        }
        shown.push(' ');
    }
    split_words(&shown)
}

/// The words of a text, lowercase, of four letters or more; a file's path is not words.
fn split_words(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .filter(|token| !token.contains(['/', '\\']))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic() && c != '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

/// The words of the English tables that no other table uses: an Italian screen showing one
/// shows a word left in English.
fn english_only() -> BTreeSet<String> {
    let others: BTreeSet<String> = ALL
        .iter()
        .filter(|t| t.language != "en")
        .flat_map(|t| words_of(t))
        .collect();
    words_of(&ENGLISH).difference(&others).cloned().collect()
}

fn interface(app: &App) -> &'static str {
    app.world().resource::<Look>().words.language
}

#[test]
fn i_on_the_library_switches_the_interface_to_italian_and_the_choice_is_kept_for_the_next_start() {
    let library = library_of("scenarios/it/bolletta-lacrime-it.ron");
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library.path(), records.path(), 3);
    step_until(&mut app, "the library loads", library_loaded);
    let before = texts(&mut app).join("\n");
    assert!(before.contains("Frontline — call library"), "{before}");
    assert!(before.contains("Interface: English (I)"), "{before}");

    press(&mut app, KeyCode::KeyI);
    app.update();
    assert_eq!(interface(&app), "it");
    let after = texts(&mut app).join("\n");
    for italian in [
        "Frontline — libreria delle chiamate",
        "Interfaccia: italiano (I)",
        "Modalità: guidata (Tab)",
        "Progressi (P)",
        "Non ancora giocato",
        "principiante",
    ] {
        assert!(
            after.contains(italian),
            "no {italian:?} on the library:\n{after}"
        );
    }
    drop(app);

    let mut again = app_recording_in(library.path(), records.path(), 3);
    step_until(&mut again, "the library loads", library_loaded);
    assert_eq!(interface(&again), "it", "the next start keeps Italian");
    press(&mut again, KeyCode::KeyI);
    again.update();
    assert_eq!(interface(&again), "en", "I again goes back to English");
}

#[test]
fn an_italian_trainee_reads_no_english_word_on_any_screen() {
    let scenario = "scenarios/it/bolletta-lacrime-it.ron";
    // The scenario's own words are the trainer's, not the interface's ("back office" is
    // Italian too).
    let written = std::fs::read_to_string(crate::support::project(scenario)).expect("readable");
    let english: BTreeSet<String> = english_only()
        .difference(&split_words(&written))
        .cloned()
        .collect();
    assert!(english.contains("library") && english.contains("progress"));
    let library = library_of(scenario);
    let mut app = app_on(library.path(), 5);
    step_until(&mut app, "the library loads", library_loaded);
    type_name(&mut app, "Giulia");
    press(&mut app, KeyCode::KeyI);
    app.update();
    let mut screens: Vec<(String, Vec<String>)> = vec![("library".into(), texts(&mut app))];

    play_in(&mut app, Session::expert_answer, |seen| {
        screens.push(("call".into(), seen));
    });
    step_until_on(&mut app, "the call ends on its debrief", Screen::Debrief);
    screens.push(("debrief".into(), texts(&mut app)));
    escape_to(&mut app, Screen::Library);
    screens.push(("library after a call".into(), texts(&mut app)));

    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    app.update();
    screens.push(("progress".into(), texts(&mut app)));
    escape_to(&mut app, Screen::Library);

    open_team(&mut app);
    screens.push(("trainer".into(), texts(&mut app)));

    for (name, shown) in &screens {
        let all = shown.join("\n");
        let left: Vec<String> = split_words(&all).intersection(&english).cloned().collect();
        assert!(
            left.is_empty(),
            "English on the {name} screen: {left:?}\n{all}"
        );
    }
    let progress = &screens
        .iter()
        .find(|(n, _)| n == "progress")
        .expect("seen")
        .1;
    let progress = progress.join("\n");
    assert!(progress.contains("Progressi — Giulia"), "{progress}");
    assert!(progress.contains("QUANDO (UTC)"), "{progress}");
    let trainer = &screens
        .iter()
        .find(|(n, _)| n == "trainer")
        .expect("seen")
        .1;
    assert!(trainer.join("\n").contains("Squadra — dove sbaglia"));
}
