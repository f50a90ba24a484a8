//! The notice over the screens (an export done, a call not saved) is read out as it comes,
//! and is not there to be read while it is hidden.

use accesskit::Live;
use bevy::prelude::*;
use frontline::engine::Session;

use super::harness::*;

/// The tree's nodes that are read out as they change, as (name, live).
fn announced(app: &mut App) -> Vec<(String, Live)> {
    spoken(app)
        .into_iter()
        .filter(|n| n.live != Live::Off)
        .map(|n| (n.name, n.live))
        .collect()
}

#[test]
fn the_notice_of_an_export_is_announced_and_an_empty_notice_is_not_read() {
    let (mut app, _) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    assert_eq!(notice(&app), "");
    assert_eq!(announced(&mut app), [], "the hidden notice is not read");
    press(&mut app, KeyCode::KeyE);
    app.update();
    let said = notice(&app);
    assert!(!said.is_empty(), "the export says where it went");
    assert_eq!(announced(&mut app), [(said, Live::Polite)]);
}
