//! The customer's voice in a call: each line asks the voice track for its file, with the
//! delivery of the mood it is said in; Space stops it; a line without its file is text.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use frontline::app::{CurrentCall, Sound, voice_clip};
use frontline::engine::{Entry, Stage};
use frontline::scenario::{AssetRoots, BuiltinCue, Cue};
use frontline::voice::{Delivery, Request, file_name, spoken};

use super::harness::*;

/// Every sound the call asked for, in order.
#[derive(Resource, Default)]
struct Asked(Vec<Sound>);

fn listen(mut sounds: MessageReader<Sound>, mut asked: ResMut<Asked>) {
    asked.0.extend(sounds.read().cloned());
}

/// The app on the voice tests' call, listening to what the call asks of the speakers.
fn app(library: &Path, seed: u64) -> App {
    let mut app = app_on(library, seed);
    app.init_resource::<Asked>().add_systems(Update, listen);
    answer_the_first_call(&mut app);
    step_until(&mut app, "the first line is said", |w| {
        w.resource::<CurrentCall>().flow().stage() == Stage::Choosing
    });
    app
}

fn pick(app: &mut App, starting: &str) {
    let number = call_session(app)
        .offers()
        .iter()
        .find(|offer| offer.text.starts_with(starting))
        .expect("the answer is offered")
        .number;
    press(app, digit(number));
}

/// The voice files the call asked for: file, delivery, words (one more update lets the
/// listener read what the last one asked).
fn lines(app: &mut App) -> Vec<(PathBuf, Delivery, String)> {
    app.update();
    let scenario = app.world().resource::<CurrentCall>().path().to_owned();
    app.world()
        .resource::<Asked>()
        .0
        .iter()
        .filter_map(|sound| match sound {
            Sound::Line {
                request,
                scenario: from,
            } => {
                assert_eq!(
                    from, &scenario,
                    "the voices are looked up beside the scenario"
                );
                Some((request.file.clone(), request.delivery, request.text.clone()))
            }
            _ => None,
        })
        .collect()
}

fn first_line(app: &App) -> String {
    match &call_session(app).transcript()[0] {
        Entry::Customer { text, .. } => text.clone(),
        other => panic!("the call opens on the customer, not {other:?}"),
    }
}

#[test]
fn each_line_asks_the_voice_track_for_its_file_with_the_delivery_of_the_mood_it_is_said_in() {
    let library = library_of("tests/fixtures/voices.ron");
    let mut app = app(library.path(), 3);
    // Told to calm down, the customer in tears turns angry: the next line is the angry one.
    pick(&mut app, "Calm down");
    step_until(&mut app, "the next line is said", |w| {
        w.resource::<CurrentCall>().flow().stage() == Stage::Choosing
    });
    let first = spoken(&first_line(&app)).text;
    let folder = Path::new("voices/voices");
    assert_eq!(
        lines(&mut app),
        vec![
            (
                folder.join(file_name(&first, "en-female", Delivery::Distressed)),
                Delivery::Distressed,
                first.clone()
            ),
            (
                folder.join(file_name("Just tell me.", "en-female", Delivery::Angry)),
                Delivery::Angry,
                "Just tell me.".to_owned()
            ),
        ]
    );
    // A `(crying)` in a line with no cue of its own plays the sob with it.
    let scenario = app.world().resource::<CurrentCall>().path().to_owned();
    let sob = Sound::Cue {
        cue: Cue::Builtin(BuiltinCue::Sob),
        scenario,
    };
    assert_eq!(
        app.world().resource::<Asked>().0.contains(&sob),
        first_line(&app).starts_with("(crying)"),
        "{:?}",
        first_line(&app)
    );
}

#[test]
fn space_stops_the_voice_and_the_lines_it_reveals_are_read_not_heard() {
    let library = library_of("tests/fixtures/voices.ron");
    let mut app = app(library.path(), 3);
    let heard = lines(&mut app).len();
    pick(&mut app, "I'm here");
    press(&mut app, KeyCode::Space);
    assert_eq!(
        app.world().resource::<CurrentCall>().flow().stage(),
        Stage::Choosing
    );
    assert!(
        app.world().resource::<Asked>().0.contains(&Sound::Hush),
        "Space stops the line being said"
    );
    assert_eq!(
        lines(&mut app).len(),
        heard,
        "no voice for the lines skipped to"
    );
    assert!(texts(&mut app).iter().any(|t| t.contains("The bill is €")));
}

#[test]
fn a_line_whose_voice_file_is_missing_is_text_and_one_whose_file_is_there_plays_it() {
    let library = library_of("tests/fixtures/voices.ron");
    let mut app = app(library.path(), 3);
    let line = first_line(&app);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains(&spoken(&line).text)),
        "the line is on screen without its voice"
    );
    let scenario = app.world().resource::<CurrentCall>().path().to_owned();
    let mood = call_session(&app).moods()[0];
    let request = Request::of(call_session(&app).scenario(), &scenario, &line, &mood)
        .expect("the line speaks");
    let roots = AssetRoots::default();
    assert!(
        voice_clip(&request, &scenario, &roots).is_none(),
        "missing: text only"
    );

    let file = scenario.parent().expect("a folder").join(&request.file);
    std::fs::create_dir_all(file.parent().expect("the voices folder")).expect("made");
    std::fs::copy(crate::support::project("tests/fixtures/voice.ogg"), &file).expect("copied");
    let clip = voice_clip(&request, &scenario, &roots).expect("the Ogg Vorbis file loads");
    let seconds = clip.duration().as_secs_f32();
    assert!((0.5..1.0).contains(&seconds), "{seconds} s");
}

#[test]
fn a_library_with_voice_files_beside_its_scenarios_loads_whole() {
    let library = library_of("tests/fixtures/voices.ron");
    let folder = library.path().join("voices/voices");
    std::fs::create_dir_all(&folder).expect("the voices folder");
    std::fs::copy(
        crate::support::project("tests/fixtures/voice.ogg"),
        folder.join("a.ogg"),
    )
    .expect("copied");
    let mut app = app_on(library.path(), 3);
    step_until(&mut app, "the library loads", library_loaded);
    step_until(&mut app, "the folder is loaded, not failed", |w| {
        w.resource::<Assets<bevy::asset::LoadedFolder>>().len() == 1
    });
}

#[test]
fn a_recorded_line_asks_the_voice_track_for_the_actor_s_recording() {
    let library = library_of("tests/fixtures/voice-recorded.ron");
    let recordings = library.path().join("recordings");
    std::fs::create_dir_all(&recordings).expect("the recordings folder");
    for file in ["hello.ogg", "thanks.ogg"] {
        std::fs::copy(
            crate::support::project("tests/fixtures/voice.ogg"),
            recordings.join(file),
        )
        .expect("copied");
    }
    let mut app = app(library.path(), 3);
    let asked = lines(&mut app);
    assert_eq!(
        asked,
        vec![(
            PathBuf::from("recordings/hello.ogg"),
            Delivery::Calm,
            "Hello, it's Ann.".to_owned()
        )]
    );
    let scenario = app.world().resource::<CurrentCall>().path().to_owned();
    let request = app
        .world()
        .resource::<Asked>()
        .0
        .iter()
        .find_map(|sound| match sound {
            Sound::Line { request, .. } => Some(request.clone()),
            _ => None,
        })
        .expect("the line asked for its voice");
    assert!(
        voice_clip(&request, &scenario, &AssetRoots::default()).is_some(),
        "the recording loads as the line's voice"
    );
}
