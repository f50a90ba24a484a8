//! Larger text: Ctrl + and Ctrl − resize the whole interface from 80% to 200% in steps of
//! 10%, Ctrl 0 goes back to 100%, and the size is kept for the next start of the app.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use frontline::app::TextScale;

use super::harness::*;

/// Holds Ctrl, presses `code` `times` times, lets Ctrl go.
fn ctrl(app: &mut App, code: KeyCode, times: usize) {
    let hold = |app: &mut App, state| {
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::ControlLeft,
            logical_key: Key::Control,
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    };
    // The key's character too, as a keyboard gives it: typed nowhere while Ctrl is held.
    let character = match code {
        KeyCode::Equal => "=",
        KeyCode::Minus => "-",
        _ => "0",
    };
    hold(app, ButtonState::Pressed);
    for _ in 0..times {
        key(app, code, Key::Character(character.into()));
    }
    hold(app, ButtonState::Released);
}

fn scale(app: &App) -> (u16, f32) {
    (
        app.world().resource::<TextScale>().0,
        app.world().resource::<UiScale>().0,
    )
}

#[test]
fn ctrl_plus_and_minus_resize_the_interface_between_80_and_200_percent() {
    let library = example_library();
    let mut app = app_on(library.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    assert_eq!(scale(&app), (100, 1.0));
    ctrl(&mut app, KeyCode::Equal, 1);
    assert_eq!(scale(&app), (110, 1.1));
    ctrl(&mut app, KeyCode::Equal, 20);
    assert_eq!(scale(&app), (200, 2.0), "at most 200%");
    ctrl(&mut app, KeyCode::Minus, 30);
    assert_eq!(scale(&app), (80, 0.8), "at least 80%");
    ctrl(&mut app, KeyCode::Digit0, 1);
    assert_eq!(scale(&app), (100, 1.0), "Ctrl 0 is the normal size");
    // Without Ctrl, − and = are no size keys.
    press(&mut app, KeyCode::Minus);
    assert_eq!(scale(&app), (100, 1.0));
}

#[test]
fn the_size_is_kept_for_the_next_start_and_a_name_being_typed_takes_no_ctrl_key() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library.path(), records.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::KeyN);
    ctrl(&mut app, KeyCode::Equal, 5);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.world().resource::<frontline::app::Trainee>().name,
        "",
        "Ctrl + typed nothing into the name"
    );
    app.update();
    drop(app);
    let app = app_recording_in(library.path(), records.path(), 7);
    assert_eq!(scale(&app), (150, 1.5));
}
