//! A screen reader meets every button, card and answer of every screen by the words it shows,
//! with its role, and no text on screen is left out of what it can read.

use accesskit::Role;
use bevy::prelude::*;
use frontline::app::{Catalog, CurrentCall, Request, Screen};
use frontline::engine::Session;
use frontline::words::Words;

use super::harness::*;

/// Every clickable widget is a button, or an option of a list, named by the words it shows.
fn every_widget_is_named_by_its_words(app: &mut App) {
    let tree = spoken(app);
    for (entity, request) in widgets(app) {
        let shown = words_shown(app, entity).join(", ");
        let node = tree
            .iter()
            .find(|n| n.entity == entity)
            .unwrap_or_else(|| panic!("the widget of {request:?} is not in the tree"));
        assert!(
            matches!(node.role, Role::Button | Role::ListBoxOption),
            "{request:?} is a {:?}",
            node.role
        );
        assert!(!shown.is_empty(), "{request:?} shows no words");
        assert_eq!(node.name, shown, "the name of {request:?}");
    }
}

/// Every text on screen can be read: as a label of its own, or in the name of its widget.
fn every_text_is_in_the_tree(app: &mut App) {
    let tree = spoken(app);
    for text in texts(app) {
        let text = text.trim();
        let told = text.is_empty()
            || tree.iter().any(|n| match n.role {
                Role::Button | Role::ListBoxOption => n.name.contains(text),
                _ => n.name == text || n.value.as_deref() == Some(text),
            });
        assert!(told, "{text:?} is on screen, not in the tree");
    }
}

/// The names of the nodes of the tree with this role, in reading order.
fn names(app: &mut App, role: Role) -> Vec<String> {
    with_role(&spoken(app), role)
        .into_iter()
        .map(|n| n.name)
        .collect()
}

#[test]
fn the_librarys_cards_are_options_named_by_their_title_and_its_controls_buttons() {
    let library = library_of_all(&["docs/example.ron", "scenarios/en/bill-tears-en.ron"]);
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "both scenarios load", |w| {
        let cards = &w.resource::<Catalog>().cards;
        cards.len() == 2 && cards.iter().all(|c| c.playable.is_some())
    });
    app.update();
    let titles: Vec<String> = app
        .world()
        .resource::<Catalog>()
        .cards
        .iter()
        .map(|c| c.title().to_owned())
        .collect();
    let cards = with_role(&spoken(&mut app), Role::ListBoxOption);
    assert_eq!(cards.len(), 2, "{cards:#?}");
    for (card, title) in cards.iter().zip(&titles) {
        assert!(card.name.starts_with(title.as_str()), "{card:?}");
    }
    assert_eq!(
        cards.iter().map(|c| c.selected).collect::<Vec<_>>(),
        [Some(true), Some(false)],
        "the cursor starts on the first card"
    );
    assert_eq!(
        names(&mut app, Role::ListBox).len(),
        1,
        "the cards are one list"
    );
    for request in [
        Request::EditName,
        Request::ToggleMode,
        Request::ToggleReplying,
        Request::CycleLanguage,
        Request::CycleTag,
        Request::Progress,
        Request::Team,
    ] {
        let button = widget_sending(&mut app, &request);
        let node = spoken(&mut app)
            .into_iter()
            .find(|n| n.entity == button)
            .expect("the button is in the tree");
        assert_eq!(node.role, Role::Button, "{request:?}");
    }
    every_widget_is_named_by_its_words(&mut app);
    every_text_is_in_the_tree(&mut app);
}

#[test]
fn the_ringing_phone_is_a_dialog_whose_answer_button_has_the_focus_and_the_answers_are_options() {
    let mut app = app_on(example_library().path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    app.update();
    let words = app.world().resource::<CurrentCall>().words();
    assert_eq!(names(&mut app, Role::Dialog), [words.incoming]);
    let answer = widget_sending(&mut app, &Request::Answer);
    assert_eq!(
        focused(&app),
        Some(answer),
        "Enter answers: the focus is there"
    );
    let buttons = names(&mut app, Role::Button);
    for word in [words.answer, words.back_to_library, words.hang_up] {
        assert!(
            buttons.iter().any(|b| b == word),
            "no {word:?} in {buttons:?}"
        );
    }
    every_widget_is_named_by_its_words(&mut app);

    press(&mut app, KeyCode::Enter);
    skip_speech(&mut app);
    app.update();
    assert!(
        names(&mut app, Role::Dialog).is_empty(),
        "the dialog is gone"
    );
    let offers = call_session(&app).offers();
    let answers = with_role(&spoken(&mut app), Role::ListBoxOption);
    assert_eq!(answers.len(), offers.len(), "{answers:#?}");
    for ((answer, offer), n) in answers.iter().zip(&offers).zip(1..) {
        assert!(
            answer.name.starts_with(&n.to_string()) && answer.name.ends_with(&offer.text),
            "answer {n} is {:?}, shows {:?}",
            answer.name,
            offer.text
        );
        assert_eq!(answer.selected, Some(n == 1));
    }
    assert_eq!(focused(&app), Some(answers[0].entity));
    every_widget_is_named_by_its_words(&mut app);
    every_text_is_in_the_tree(&mut app);
}

#[test]
fn the_debriefs_buttons_and_scores_are_read_in_the_calls_language() {
    let (mut app, _) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    let words = Words::of(&call_session(&app).scenario().language);
    assert_eq!(
        names(&mut app, Role::Button),
        [
            words.retry,
            words.replay,
            words.next,
            words.export,
            words.library
        ]
    );
    let labels = names(&mut app, Role::Label);
    for score in ["100%", words.verdict(frontline::engine::Verdict::Passed)] {
        assert!(
            labels.iter().any(|l| l == score),
            "no {score:?} in {labels:?}"
        );
    }
    every_widget_is_named_by_its_words(&mut app);
    every_text_is_in_the_tree(&mut app);
}

#[test]
fn the_progress_screens_calls_are_options_named_by_their_row_and_the_trainers_screen_is_read() {
    let (mut app, _) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    escape_to(&mut app, Screen::Library);
    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    app.update();
    let rows = with_role(&spoken(&mut app), Role::ListBoxOption);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].name.contains("A bill that came late"), "{rows:?}");
    assert_eq!(rows[0].selected, Some(true));
    assert_eq!(focused(&app), Some(rows[0].entity));
    widget_sending(&mut app, &Request::Library);
    every_widget_is_named_by_its_words(&mut app);
    every_text_is_in_the_tree(&mut app);

    escape_to(&mut app, Screen::Library);
    open_team(&mut app);
    assert_eq!(focused(&app), None, "no cursor on the trainer's screen");
    widget_sending(&mut app, &Request::Library);
    every_widget_is_named_by_its_words(&mut app);
    every_text_is_in_the_tree(&mut app);
}
