//! The keyboard cursor is what the screen reader follows: the card, answer or past call under
//! it is the one selected, and it holds the focus.

use accesskit::Role;
use bevy::prelude::*;
use frontline::app::{Catalog, Screen, recorded_name};
use frontline::records::Store;

use super::harness::*;

/// The options of the screen's list as (name, selected), and whether the selected one has the
/// focus.
fn options(app: &mut App) -> (Vec<(String, bool)>, bool) {
    let options = with_role(&spoken(app), Role::ListBoxOption);
    let focus = focused(app);
    let on_selected = options
        .iter()
        .any(|o| o.selected == Some(true) && Some(o.entity) == focus);
    (
        options
            .into_iter()
            .map(|o| (o.name, o.selected == Some(true)))
            .collect(),
        on_selected,
    )
}

/// Which options are selected, by their place in the list.
fn selected(options: &[(String, bool)]) -> Vec<usize> {
    (0..options.len()).filter(|&i| options[i].1).collect()
}

#[test]
fn the_arrows_move_the_selected_card_answer_and_past_call_and_the_focus_with_them() {
    let library = library_of_all(&["docs/example.ron", "scenarios/en/bill-tears-en.ron"]);
    let records = tempfile::tempdir().expect("a temporary folder");
    {
        let mut store = Store::open(records.path()).expect("the store opens");
        for ended in [1_700_000_000, 1_700_000_100] {
            let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ended);
            store
                .save(&example_call(&recorded_name(""), true, at))
                .expect("the call is saved");
        }
    }
    let mut app = app_recording_in(library.path(), records.path(), 7);
    step_until(&mut app, "both scenarios load", |w| {
        w.resource::<Catalog>().cards.len() == 2
    });
    app.update();

    // The library: → goes to the second card, ← back.
    let (cards, focused) = options(&mut app);
    assert_eq!((selected(&cards), focused), (vec![0], true), "{cards:?}");
    press(&mut app, KeyCode::ArrowRight);
    let (moved, focused) = options(&mut app);
    assert_eq!((selected(&moved), focused), (vec![1], true), "{moved:?}");
    assert_eq!(moved[1].0, cards[1].0, "the same card, now selected");
    press(&mut app, KeyCode::ArrowLeft);
    assert_eq!(selected(&options(&mut app).0), [0]);

    // The call: ↓ selects the second answer.
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    press(&mut app, KeyCode::Enter);
    skip_speech(&mut app);
    app.update();
    let (answers, focused) = options(&mut app);
    assert_eq!(
        (selected(&answers), focused),
        (vec![0], true),
        "{answers:?}"
    );
    press(&mut app, KeyCode::ArrowDown);
    let (moved, focused) = options(&mut app);
    assert_eq!((selected(&moved), focused), (vec![1], true), "{moved:?}");
    assert_eq!(moved[1].0, answers[1].0);
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call is left", Screen::Library);
    app.update();

    // The progress screen: ↓ selects the older call.
    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    app.update();
    let (calls, focused) = options(&mut app);
    assert_eq!(calls.len(), 3, "two saved and the one left: {calls:?}");
    assert_eq!((selected(&calls), focused), (vec![0], true));
    press(&mut app, KeyCode::ArrowDown);
    app.update();
    let (moved, focused) = options(&mut app);
    assert_eq!((selected(&moved), focused), (vec![1], true), "{moved:?}");
}
