//! A long account card says that more of it is below, and Page Down scrolls to the rest.

use accesskit::Role;
use bevy::prelude::*;

use super::harness::*;

/// Whether the "more below" sign is on screen.
fn sign_shown(app: &mut App) -> bool {
    texts(app).iter().any(|t| t == "▼")
}

#[test]
fn a_card_taller_than_its_panel_says_more_is_below_until_page_down_reaches_its_end() {
    let mut app = app_on(example_library().path(), 7);
    answer_the_first_call(&mut app);
    skip_speech(&mut app);
    app.update();
    // The column of the customer and the account: the scroll view an account fact is in.
    let (label, fact) = call_session(&app)
        .scenario()
        .account
        .first()
        .map(|(label, value)| (label.clone(), value.clone()))
        .expect("the example has account facts");
    let tree = spoken(&mut app);
    let fact = tree
        .iter()
        .find(|n| n.role == Role::Label && n.name == fact)
        .unwrap_or_else(|| panic!("{label}: {fact} is not in the tree"))
        .entity;
    let scroll_views: Vec<Entity> = with_role(&tree, Role::ScrollView)
        .iter()
        .map(|n| n.entity)
        .collect();
    let column = std::iter::successors(Some(fact), |e| {
        app.world().get::<ChildOf>(*e).map(ChildOf::parent)
    })
    .find(|e| scroll_views.contains(e))
    .expect("the account is in a scrolling column");
    assert!(!sign_shown(&mut app), "nothing is below while it all fits");

    // Laid out (a headless app lays nothing out): 300 px shown of 900.
    {
        let mut laid_out = app
            .world_mut()
            .get_mut::<ComputedNode>(column)
            .expect("the column is a UI node");
        laid_out.size = Vec2::new(340.0, 300.0);
        laid_out.content_size = Vec2::new(340.0, 900.0);
        laid_out.inverse_scale_factor = 1.0;
    }
    app.update();
    let scroll = |app: &mut App| {
        spoken(app)
            .into_iter()
            .find(|n| n.entity == column)
            .and_then(|n| n.scroll)
    };
    assert!(sign_shown(&mut app), "the column says more is below");
    assert_eq!(scroll(&mut app), Some((0.0, 600.0)));

    press(&mut app, KeyCode::PageDown);
    app.update();
    assert_eq!(scroll(&mut app), Some((300.0, 600.0)));
    assert!(sign_shown(&mut app), "still more below");
    press(&mut app, KeyCode::PageDown);
    app.update();
    assert_eq!(scroll(&mut app), Some((600.0, 600.0)));
    assert!(!sign_shown(&mut app), "the end is in view");
    press(&mut app, KeyCode::PageUp);
    app.update();
    assert_eq!(scroll(&mut app), Some((300.0, 600.0)));
    assert!(sign_shown(&mut app), "more below again");
}
