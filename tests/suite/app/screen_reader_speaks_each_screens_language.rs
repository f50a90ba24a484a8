//! The screen reader is told the language of each screen, so it reads it with the right
//! voice: the interface's on the library, the call's on the call, whatever the interface's.

use bevy::prelude::*;
use frontline::app::{Look, Screen};

use super::harness::*;

/// The languages of the screen's top nodes (the screen, its dialogs), as the tree says them.
fn top_languages(app: &mut App) -> Vec<Option<String>> {
    let tree = spoken(app);
    tree.into_iter()
        .filter(|n| app.world().get::<ChildOf>(n.entity).is_none())
        .map(|n| n.language)
        .collect()
}

fn interface_language(app: &App) -> String {
    app.world().resource::<Look>().words.language.to_owned()
}

#[test]
fn the_library_speaks_the_interfaces_language_and_the_call_its_own() {
    let mut app = app_on(example_library().path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    app.update();
    let first = interface_language(&app);
    assert_eq!(top_languages(&mut app), [Some(first.clone())]);

    // I switches the interface's language: the library says the new one.
    press(&mut app, KeyCode::KeyI);
    app.update();
    let second = interface_language(&app);
    assert_ne!(first, second, "I switches the interface's language");
    assert_eq!(top_languages(&mut app), [Some(second.clone())]);

    // The example is an English call: played with an interface in another language.
    let other = if second == "en" {
        press(&mut app, KeyCode::KeyI);
        app.update();
        interface_language(&app)
    } else {
        second
    };
    assert_ne!(other, "en");
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    app.update();
    let call = call_session(&app).scenario().language.clone();
    assert_eq!(call, "en");
    let tops = top_languages(&mut app);
    assert_eq!(tops.len(), 2, "the call and its ringing phone: {tops:?}");
    assert!(tops.iter().all(|l| l.as_deref() == Some("en")), "{tops:?}");
}
