//! The trainee's volumes: turned down by keys, kept in the settings file, and what a broken
//! settings file does.

use std::path::PathBuf;

use bevy::prelude::*;
use frontline::app::Volumes;

use super::harness::*;

#[test]
fn keys_one_to_three_on_the_library_turn_the_voice_effects_and_room_down_a_step_then_back_to_full()
{
    let library = example_library();
    let mut app = app_on(library.path(), 1);
    step_until(&mut app, "the library loads", library_loaded);
    let shown = |app: &mut App| -> Vec<String> {
        texts(app)
            .into_iter()
            .filter(|t| t.ends_with("% (1)") || t.ends_with("% (2)") || t.ends_with("% (3)"))
            .collect()
    };
    assert_eq!(
        shown(&mut app),
        ["Voice 100% (1)", "Effects 100% (2)", "Room 100% (3)"]
    );
    press(&mut app, KeyCode::Digit1);
    for _ in 0..2 {
        press(&mut app, KeyCode::Digit2);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Digit3);
    }
    app.update();
    assert_eq!(app.world().resource::<Volumes>().levels(), [3, 2, 4]);
    assert_eq!(
        shown(&mut app),
        ["Voice 75% (1)", "Effects 50% (2)", "Room 100% (3)"],
        "a quarter down at a time; after off comes full again"
    );

    // The next start of the app, on the same records folder, keeps them.
    let mut again = app_recording_in(library.path(), &records_folder(&app), 1);
    step_until(&mut again, "the library loads", library_loaded);
    assert_eq!(again.world().resource::<Volumes>().levels(), [3, 2, 4]);
    assert_eq!(
        shown(&mut again),
        ["Voice 75% (1)", "Effects 50% (2)", "Room 100% (3)"]
    );
}

#[test]
fn a_broken_or_out_of_range_settings_file_gives_the_default_or_the_nearest_volumes() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    let settings = records.path().join("settings.json");
    for (text, volumes) in [
        (r#"{"volumes": [9, 0, 2]}"#, [4, 0, 2]),
        (r#"{"volumes": [1, "loud"]}"#, [4, 4, 4]),
        ("not json at all", [4, 4, 4]),
        ("{}", [4, 4, 4]),
    ] {
        std::fs::write(&settings, text).expect("writes");
        let app = app_recording_in(library.path(), records.path(), 1);
        assert_eq!(
            app.world().resource::<Volumes>().levels(),
            volumes,
            "{text}"
        );
    }
}

#[test]
fn a_settings_file_that_cannot_be_read_is_kept_aside_and_the_library_says_so() {
    let library = example_library();
    for text in [r#"{"volumes": [1, "loud"]}"#, "not json at all"] {
        let records = tempfile::tempdir().expect("a temporary folder");
        let settings = records.path().join("settings.json");
        std::fs::write(&settings, text).expect("writes");
        let mut app = app_recording_in(library.path(), records.path(), 1);
        assert_eq!(app.world().resource::<Volumes>().levels(), [4, 4, 4]);
        assert!(!settings.exists(), "{text}: the broken file is renamed");
        let aside: Vec<PathBuf> = std::fs::read_dir(records.path())
            .expect("the folder lists")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| {
                path.file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with("settings.json.broken-"))
            })
            .collect();
        assert_eq!(aside.len(), 1, "{text}: {aside:?}");
        assert_eq!(
            std::fs::read_to_string(&aside[0]).expect("reads"),
            text,
            "kept as it was"
        );
        let said = notice(&app);
        assert!(
            said.starts_with(&format!(
                "The settings in {} cannot be read (",
                settings.display()
            )) && said.ends_with(&format!(
                "): the file is kept as {} and the default volumes are used.",
                aside[0].display()
            )),
            "{said}"
        );
        step_until(&mut app, "the library loads", library_loaded);
        assert!(texts(&mut app).contains(&said), "the notice is on screen");

        // A volume turned down writes new settings; the file kept aside stays as it was.
        press(&mut app, KeyCode::Digit1);
        app.update();
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&settings).expect("new settings")).expect("JSON");
        assert_eq!(saved["volumes"], serde_json::json!([3, 4, 4]));
        assert_eq!(std::fs::read_to_string(&aside[0]).expect("reads"), text);
    }
}
