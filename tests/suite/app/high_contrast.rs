//! The high-contrast theme: C on the library (or its button) draws every screen in it, the
//! choice is kept for the next start, and C again goes back to the normal theme.

use bevy::prelude::*;
use frontline::app::{HIGH_CONTRAST, Look, NORMAL, Palette, Theme};

use super::harness::*;

/// The colours the screen is drawn in: the window's background and every text's colour.
fn drawn(app: &mut App) -> (Color, Vec<Color>) {
    let world = app.world_mut();
    let clear = world.resource::<ClearColor>().0;
    let inks = world
        .query_filtered::<&TextColor, With<Text>>()
        .iter(world)
        .map(|c| c.0)
        .collect();
    (clear, inks)
}

/// Whether every colour drawn is one of the palette's.
fn all_of(palette: &Palette, inks: &[Color]) -> bool {
    let own = [
        palette.text,
        palette.muted,
        palette.accent,
        palette.good,
        palette.warn,
        palette.bad,
        palette.distress,
    ];
    inks.iter().all(|ink| own.contains(ink))
}

#[test]
fn c_on_the_library_draws_it_in_high_contrast_and_the_next_start_keeps_it() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library.path(), records.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    let (clear, inks) = drawn(&mut app);
    assert_eq!(clear, NORMAL.background);
    assert!(all_of(&NORMAL, &inks), "{inks:?}");
    assert!(texts(&mut app).iter().any(|t| t == "Contrast: normal (C)"));

    press(&mut app, KeyCode::KeyC);
    app.update();
    assert_eq!(app.world().resource::<Look>().theme, Theme::HighContrast);
    let (clear, inks) = drawn(&mut app);
    assert_eq!(clear, HIGH_CONTRAST.background);
    assert!(all_of(&HIGH_CONTRAST, &inks), "{inks:?}");
    assert!(inks.contains(&HIGH_CONTRAST.text));
    assert!(texts(&mut app).iter().any(|t| t == "Contrast: high (C)"));
    drop(app);

    let mut again = app_recording_in(library.path(), records.path(), 1);
    step_until(&mut again, "the library loads", library_loaded);
    again.update();
    assert_eq!(again.world().resource::<Look>().theme, Theme::HighContrast);
    assert_eq!(drawn(&mut again).0, HIGH_CONTRAST.background);
    press(&mut again, KeyCode::KeyC);
    again.update();
    assert_eq!(again.world().resource::<Look>().theme, Theme::Normal);
    assert_eq!(drawn(&mut again).0, NORMAL.background);
}
