//! The trainer's screen: G on the library shows the team's view from the records on this PC
//! (no store configured), the same view as `frontline team`, with where the team goes wrong.

use bevy::prelude::*;
use frontline::app::{Screen, TeamView};
use frontline::centre::{Origin, Scope, from_records, team};
use frontline::records::{Filter, Store};

use super::harness::*;

#[test]
fn g_on_the_library_shows_the_teams_view_with_where_it_goes_wrong_and_esc_goes_back() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    {
        let mut store = Store::open(records.path()).expect("the store opens");
        for (trainee, expert, ended) in [
            ("Ana", true, 1_700_000_000),
            ("Bo", false, 1_700_000_100),
            ("Bo", true, 1_700_000_200),
        ] {
            store
                .save(&example_call(
                    trainee,
                    expert,
                    std::time::UNIX_EPOCH + std::time::Duration::from_secs(ended),
                ))
                .expect("the call is saved");
        }
    }
    let mut app = app_recording_in(library.path(), records.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    assert!(texts(&mut app).iter().any(|t| t == "Team (G)"));
    open_team(&mut app);

    let history = Store::open(records.path())
        .expect("the store opens")
        .history(&Filter::default())
        .expect("the calls list");
    let expected = team(&from_records(&history), &Scope::default());
    let shown = app.world().resource::<TeamView>().shown.clone();
    let (view, from) = shown.expect("read").expect("the records read");
    assert_eq!(view, expected, "the same view as frontline team");
    assert!(
        matches!(&from, Origin::Records(path) if path.starts_with(records.path())),
        "{from:?}"
    );
    assert_eq!(view.trainees.len(), 2);
    assert!(
        !view.scenarios[0].misses.is_empty(),
        "Bo's worst call misses"
    );

    let on_screen = texts(&mut app);
    let miss = &view.scenarios[0].misses[0];
    for wanted in [
        "WHERE THE TEAM GOES WRONG — worst first".to_owned(),
        format!("{}: missed {} of {}", miss.node, miss.missed, miss.attempts),
        format!("{} — attempts: 3", view.scenarios[0].id),
        "Bo · calls: 2".to_owned(),
    ] {
        assert!(
            on_screen.iter().any(|t| t.starts_with(&wanted)),
            "no {wanted:?} on screen: {on_screen:?}"
        );
    }
    escape_to(&mut app, Screen::Library);
}
