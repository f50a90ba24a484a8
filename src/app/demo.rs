//! `frontline demo`: the real window plays a call by itself and saves a
//! screenshot of the library, the call, the debrief, the progress screen and the trainer's view,
//! then exits. It draws as the settings in its records folder say (language, theme, text size).

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Capturing, Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use clap::Args;

use super::catalog::Catalog;
use super::screens::call::{CurrentCall, Pace};
use super::screens::trainer::TeamView;
use super::screens::{Request, Screen};
use super::{AppSystems, Options, windowed};
use crate::engine::{Answer, Phase, Player, Stage, Strategy};

/// Arguments of `frontline demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// A scenario id from the library, or a file.
    pub scenario: String,
    /// Seed of the call's randomness.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// How the call is played: the expert path, the worst path, or random answers from the seed.
    #[arg(long, value_name = "PLAYER", default_value = "expert")]
    pub auto: Strategy,
    /// Folder where library.png, call.png, debrief.png, progress.png and trainer.png are
    /// written.
    #[arg(long)]
    pub screenshots: PathBuf,
    /// Library folder (default: the built-in library).
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Where the demo's call is recorded (default: a temporary folder, removed at the
    /// end, so the trainee's own records are left alone).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// Decisions played before the call screenshot: mid-call, with a transcript and feedback.
const DECISIONS_BEFORE_SHOT: usize = 2;
/// Frames left for layout and look before a screenshot.
const SETTLE_FRAMES: u32 = 30;
/// How much faster than real time a timer the demo lets run out drains.
const SILENCE_PACE: f32 = 15.0;
/// The demo gives up after this many frames.
const MAX_FRAMES: u32 = 20_000;

/// Why the demo could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoError {
    /// No library to find the scenario in (a usage error).
    #[error(
        "no scenario library found: give --library, or put the `scenarios` folder beside the program"
    )]
    NoLibrary,
    /// No assets folder: the window cannot draw without its font.
    #[error(transparent)]
    NoAssets(#[from] crate::paths::NotFound),
    /// The screenshots folder cannot be made.
    #[error("cannot create {0}")]
    Folder(String),
    /// The app stopped before the call's debrief.
    #[error("the demo did not finish: the scenario was not found or could not be played")]
    Unfinished,
}

/// Runs the demo; the screenshots are in `args.screenshots` when it returns `Ok`.
pub fn run(args: DemoArgs) -> Result<(), DemoError> {
    let mut options = Options::built_in()?;
    if let Some(library) = &args.library {
        options.libraries = vec![library.clone()];
    }
    let as_file = PathBuf::from(&args.scenario);
    if as_file.is_file()
        && let Some(folder) = as_file
            .canonicalize()
            .ok()
            .and_then(|f| f.parent().map(PathBuf::from))
        && !options
            .libraries
            .iter()
            .filter_map(|l| l.canonicalize().ok())
            .any(|l| folder.starts_with(&l))
    {
        options.libraries.push(folder);
    }
    if options.libraries.is_empty() {
        return Err(DemoError::NoLibrary);
    }
    std::fs::create_dir_all(&args.screenshots)
        .map_err(|e| DemoError::Folder(format!("{}: {e}", args.screenshots.display())))?;
    options.seed = Some(args.seed);
    let scratch = std::env::temp_dir().join(format!("frontline-demo-{}", std::process::id()));
    options.data_dir = Some(args.data_dir.clone().unwrap_or_else(|| scratch.clone()));
    let mut app = windowed(options);
    // The demo animates on its own: run every frame rather than waiting for input.
    app.insert_resource(super::Idle(WinitSettings::continuous()));
    app.insert_resource(Demo {
        scenario: args.scenario,
        seed: args.seed,
        player: Player::new(args.auto, args.seed),
        folder: args.screenshots,
        scene: Scene::Library,
        frames: 0,
        total: 0,
        call_shot: false,
    });
    app.add_systems(Update, drive.in_set(AppSystems::Input));
    let exit = app.run();
    if args.data_dir.is_none() {
        // Only the demo's own call is in there.
        let _ = std::fs::remove_dir_all(&scratch);
    }
    match exit {
        AppExit::Success => Ok(()),
        AppExit::Error(_) => Err(DemoError::Unfinished),
    }
}

/// Where the demo stands: the scene it waits for or plays.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scene {
    /// Waiting for the library to show the scenario.
    Library,
    /// Waiting for a screenshot to be written, then going on.
    Saving(PathBuf, Box<Scene>),
    /// Starting the call.
    Start,
    /// The phone rings.
    Ringing,
    /// On the call.
    Playing,
    /// Waiting for the debrief.
    Debrief,
    /// Back to the library, then asking for another screen and waiting for it there.
    Via(Request, Box<Scene>),
    /// Waiting for the progress screen.
    Progress,
    /// Waiting for the trainer's view to read the team.
    Team,
    /// Every screenshot is written.
    Done,
}

/// The demo being run: what it plays, where it stands, where the screenshots go.
#[derive(Resource)]
struct Demo {
    scenario: String,
    seed: u64,
    player: Player,
    folder: PathBuf,
    scene: Scene,
    /// Frames in the current scene.
    frames: u32,
    /// Frames since the demo started.
    total: u32,
    /// Whether the call screenshot is taken.
    call_shot: bool,
}

impl Demo {
    fn go(&mut self, scene: Scene) {
        self.scene = scene;
        self.frames = 0;
    }

    fn shoot(&mut self, commands: &mut Commands, name: &str, then: Scene) {
        let path = self.folder.join(name);
        // A stale file from an earlier run must not count as written.
        let _ = std::fs::remove_file(&path);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path.clone()));
        self.go(Scene::Saving(path, Box::new(then)));
    }
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut demo: ResMut<Demo>,
    mut commands: Commands,
    catalog: Res<Catalog>,
    screen: Res<State<Screen>>,
    call: Option<Res<CurrentCall>>,
    capturing: Query<(), With<Capturing>>,
    team: Res<TeamView>,
    mut pace: ResMut<Pace>,
    mut requests: MessageWriter<Request>,
    mut exit: MessageWriter<AppExit>,
) {
    demo.frames += 1;
    demo.total += 1;
    if demo.total > MAX_FRAMES {
        exit.write(AppExit::error());
        return;
    }
    let settled = demo.frames > SETTLE_FRAMES;
    match demo.scene.clone() {
        Scene::Library => {
            let found = catalog.find(&demo.scenario).map(|c| c.playable.is_some());
            match found {
                Some(true) if settled => demo.shoot(&mut commands, "library.png", Scene::Start),
                Some(false) => {
                    exit.write(AppExit::error());
                }
                _ if demo.frames > 600 => {
                    exit.write(AppExit::error());
                }
                _ => {}
            }
        }
        Scene::Saving(path, then) => {
            let written = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
            if written && capturing.is_empty() && demo.frames > 2 {
                demo.go(*then);
            } else if demo.frames > 600 {
                exit.write(AppExit::error());
            }
        }
        Scene::Start => {
            if let Some(card) = catalog.find(&demo.scenario) {
                requests.write(Request::Play {
                    path: card.entry.path.clone(),
                    seed: Some(demo.seed),
                });
                demo.go(Scene::Ringing);
            }
        }
        Scene::Ringing => {
            if let Some(call) = call
                && *screen.get() == Screen::Call
                && call.flow().stage() == Stage::Ringing
                && demo.frames > 10
            {
                requests.write(Request::Answer);
                demo.go(Scene::Playing);
            }
        }
        Scene::Playing => {
            let Some(call) = call else { return };
            if call.flow().stage() == Stage::Speaking {
                requests.write(Request::Skip);
                return;
            }
            let session = call.session();
            let decided = session.decisions().len();
            let mid = decided >= DECISIONS_BEFORE_SHOT || session.phase() != Phase::Choosing;
            if !demo.call_shot && mid {
                if settled {
                    demo.call_shot = true;
                    demo.shoot(&mut commands, "call.png", Scene::Playing);
                }
                return;
            }
            if session.phase() == Phase::Ended {
                requests.write(Request::ToDebrief);
                demo.go(Scene::Debrief);
                return;
            }
            // A few frames per decision, so the screen follows the call.
            if demo.frames < 5 {
                return;
            }
            match demo.player.answer(session) {
                Some(Answer::Pick(n)) => {
                    pace.0 = 1.0;
                    requests.write(Request::Pick(n));
                    demo.frames = 0;
                }
                // Silence: let the decision's timer run out on screen, quickly.
                Some(Answer::Silence) => pace.0 = SILENCE_PACE,
                None => {
                    requests.write(Request::HangUp);
                    requests.write(Request::Leave);
                    exit.write(AppExit::error());
                }
            }
        }
        Scene::Debrief => {
            if *screen.get() == Screen::Debrief && settled {
                demo.shoot(
                    &mut commands,
                    "debrief.png",
                    Scene::Via(Request::Progress, Box::new(Scene::Progress)),
                );
            }
        }
        Scene::Via(request, then) => {
            if *screen.get() == Screen::Library {
                requests.write(request);
                demo.go(*then);
            } else if demo.frames == 1 {
                requests.write(Request::Library);
            }
        }
        Scene::Progress => {
            if *screen.get() == Screen::Progress && settled {
                demo.shoot(
                    &mut commands,
                    "progress.png",
                    Scene::Via(Request::Team, Box::new(Scene::Team)),
                );
            }
        }
        Scene::Team => {
            if *screen.get() == Screen::Trainer && team.shown.is_some() && settled {
                demo.shoot(&mut commands, "trainer.png", Scene::Done);
            }
        }
        Scene::Done => {
            exit.write(AppExit::Success);
        }
    }
}
