//! `frontline demo`: the real window plays a call by itself and saves a
//! screenshot of the library, the call, the debrief and the progress screen, then exits.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Capturing, Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use clap::Args;

use super::catalog::Catalog;
use super::screens::call::{Call, Pace, Stage};
use super::screens::{Command, Screen};
use super::{AppSystems, Options, windowed};
use crate::engine::{Answer, Phase};
use crate::engine::{Player, Strategy};

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
    /// Folder where library.png, call.png, debrief.png and progress.png are written.
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
/// Frames left for layout and fonts before a screenshot.
const SETTLE_FRAMES: u32 = 30;
/// How much faster than real time a timer the demo lets run out drains.
const SILENCE_PACE: f32 = 15.0;
/// The demo gives up after this many frames.
const MAX_FRAMES: u32 = 20_000;

/// Why the demo could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoError {
    /// No library to find the scenario in (a usage error).
    #[error("no scenario library found: give --library, or run from the project folder")]
    NoLibrary,
    /// The screenshots folder cannot be made.
    #[error("cannot create {0}")]
    Folder(String),
    /// The app stopped before the call's debrief.
    #[error("the demo did not finish: the scenario was not found or could not be played")]
    Unfinished,
}

/// Runs the demo; the screenshots are in `args.screenshots` when it returns `Ok`.
pub fn run(args: DemoArgs) -> Result<(), DemoError> {
    let mut options = Options::built_in();
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
    app.insert_resource(WinitSettings::continuous());
    app.insert_resource(Script {
        scenario: args.scenario,
        seed: args.seed,
        player: Player::new(args.auto, args.seed),
        folder: args.screenshots,
        step: Step::Library,
        frames: 0,
        total: 0,
        outcome: None,
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

/// Where the demo stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Waiting for the library to show the scenario.
    Library,
    /// Waiting for a screenshot to be written, then going on.
    Saving(PathBuf, Box<Step>),
    /// Starting the call.
    Start,
    /// The phone rings.
    Ringing,
    /// On the call.
    Playing,
    /// Waiting for the debrief.
    Debrief,
    /// Back to the library, on the way to the progress screen.
    Leaving,
    /// Waiting for the progress screen.
    Progress,
    /// Every screenshot is written.
    Done,
}

#[derive(Resource)]
struct Script {
    scenario: String,
    seed: u64,
    player: Player,
    folder: PathBuf,
    step: Step,
    /// Frames in the current step.
    frames: u32,
    total: u32,
    /// Whether the call screenshot is taken.
    outcome: Option<()>,
}

impl Script {
    fn go(&mut self, step: Step) {
        self.step = step;
        self.frames = 0;
    }

    fn shoot(&mut self, commands: &mut Commands, name: &str, then: Step) {
        let path = self.folder.join(name);
        // A stale file from an earlier run must not count as written.
        let _ = std::fs::remove_file(&path);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path.clone()));
        self.go(Step::Saving(path, Box::new(then)));
    }
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut script: ResMut<Script>,
    mut commands: Commands,
    catalog: Res<Catalog>,
    screen: Res<State<Screen>>,
    call: Option<Res<Call>>,
    capturing: Query<(), With<Capturing>>,
    mut pace: ResMut<Pace>,
    mut orders: MessageWriter<Command>,
    mut exit: MessageWriter<AppExit>,
) {
    script.frames += 1;
    script.total += 1;
    if script.total > MAX_FRAMES {
        exit.write(AppExit::error());
        return;
    }
    let settled = script.frames > SETTLE_FRAMES;
    match script.step.clone() {
        Step::Library => {
            let found = catalog.find(&script.scenario).map(|c| c.playable.is_some());
            match found {
                Some(true) if settled => script.shoot(&mut commands, "library.png", Step::Start),
                Some(false) => {
                    exit.write(AppExit::error());
                }
                _ if script.frames > 600 => {
                    exit.write(AppExit::error());
                }
                _ => {}
            }
        }
        Step::Saving(path, then) => {
            let written = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
            if written && capturing.is_empty() && script.frames > 2 {
                script.go(*then);
            } else if script.frames > 600 {
                exit.write(AppExit::error());
            }
        }
        Step::Start => {
            if let Some(card) = catalog.find(&script.scenario) {
                orders.write(Command::Play {
                    path: card.entry.path.clone(),
                    seed: Some(script.seed),
                });
                script.go(Step::Ringing);
            }
        }
        Step::Ringing => {
            if let Some(call) = call
                && *screen.get() == Screen::Call
                && call.stage() == Stage::Ringing
                && script.frames > 10
            {
                orders.write(Command::Answer);
                script.go(Step::Playing);
            }
        }
        Step::Playing => {
            let Some(call) = call else { return };
            if !call.is_ready() {
                orders.write(Command::Skip);
                return;
            }
            let session = call.session();
            let decided = session.decisions().len();
            let mid = decided >= DECISIONS_BEFORE_SHOT || session.phase() != Phase::Choosing;
            if script.outcome.is_none() && mid {
                if settled {
                    script.outcome = Some(());
                    script.shoot(&mut commands, "call.png", Step::Playing);
                }
                return;
            }
            if session.phase() == Phase::Ended {
                orders.write(Command::ToDebrief);
                script.go(Step::Debrief);
                return;
            }
            // A few frames per decision, so the screen follows the call.
            if script.frames < 5 {
                return;
            }
            match script.player.answer(session) {
                Some(Answer::Pick(n)) => {
                    pace.0 = 1.0;
                    orders.write(Command::Pick(n));
                    script.frames = 0;
                }
                // Silence: let the decision's timer run out on screen, quickly.
                Some(Answer::Silence) => pace.0 = SILENCE_PACE,
                None => {
                    orders.write(Command::HangUp);
                    orders.write(Command::Leave);
                    exit.write(AppExit::error());
                }
            }
        }
        Step::Debrief => {
            if *screen.get() == Screen::Debrief && settled {
                script.shoot(&mut commands, "debrief.png", Step::Leaving);
            }
        }
        Step::Leaving => {
            if *screen.get() == Screen::Library {
                orders.write(Command::Progress);
                script.go(Step::Progress);
            } else if script.frames == 1 {
                orders.write(Command::Library);
            }
        }
        Step::Progress => {
            if *screen.get() == Screen::Progress && settled {
                script.shoot(&mut commands, "progress.png", Step::Done);
            }
        }
        Step::Done => {
            exit.write(AppExit::Success);
        }
    }
}
