//! The trainee's app: a Bevy shell over the session engine.
//!
//! Library, call, debrief and progress screens, sound through kira, the scenario
//! library through Bevy's asset system, and every call recorded. Everything the trainee sees comes from
//! a [`crate::engine::Session`]; nothing here walks the scenario graph.

mod access;
mod assigned;
mod audio;
mod catalog;
mod demo;
mod own_words;
mod records;
mod scale;
mod screens;
mod sending;
mod settings;
mod theme;
mod voice;
mod widget;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::winit::{UpdateMode, WinitSettings};

pub use access::RUNNING_OUT;
pub use assigned::{Assignments, Mine};
pub use audio::{Heard, Sound, Track, Volumes, voice_clip};
pub use catalog::{Card, Catalog, ScenarioFile};
pub use demo::{DemoArgs, DemoError, run as demo};
pub use own_words::{OwnWords, Replying, Understanding};
pub use records::{Notice, Records, Standings, recorded_name};
pub use scale::TextScale;
pub use screens::call::{CurrentCall, Line, Pace};
pub use screens::debrief::Debrief;
pub use screens::library::Trainee;
pub use screens::progress::Progress;
pub use screens::trainer::TeamView;
pub use screens::{CallFinished, Request, Screen};
pub use sending::Sending;
pub use theme::{HIGH_CONTRAST, Look, NORMAL, Palette, Theme, contrast};
pub use widget::Action;

/// Where the app finds its library and assets, and how the first call is seeded.
#[derive(Resource, Debug, Clone, Default)]
pub struct Options {
    /// Scenario library folders.
    pub libraries: Vec<PathBuf>,
    /// The assets folder (look, sounds).
    pub assets: Option<PathBuf>,
    /// The seed of the first call started (later calls draw a fresh one).
    pub seed: Option<u64>,
    /// The folder of the call records (`None`: `$FRONTLINE_DATA_DIR`, else the platform's
    /// data folder).
    pub data_dir: Option<PathBuf>,
}

impl Options {
    /// The built-in library and assets, found wherever the app is started
    /// ([`crate::paths`]); an error naming where it looked when there is no assets folder (the
    /// app cannot draw a word without its font). No built-in library leaves `libraries` empty.
    pub fn built_in() -> Result<Options, crate::paths::NotFound> {
        Ok(Options {
            libraries: crate::paths::scenarios_dir().into_iter().collect(),
            assets: Some(crate::paths::assets_dir()?),
            seed: None,
            data_dir: None,
        })
    }
}

/// Set by a screen while something moves (a draining timer, a mood bar sliding, a
/// line just come up), so the reactive window draws another frame.
#[derive(Resource, Debug, Default)]
pub struct Animating(pub bool);

/// The longest the window may sleep before a screen changes by itself (the next line of
/// a call, the end of the customer's voice): asked for by the screens each frame, used
/// and cleared by the window, which draws nothing until then. A line heard for 12 s
/// costs a frame, not 12 s of frames.
#[derive(Resource, Debug, Default)]
pub struct Wake(Option<std::time::Duration>);

impl Wake {
    /// Wake no later than `after` from now.
    pub fn within(&mut self, after: std::time::Duration) {
        self.0 = Some(self.0.map_or(after, |wake| wake.min(after)));
    }
}

/// How the window waits when no screen asks for a frame: [`update_modes`], or every
/// frame for the demo; [`request_redraw`] wakes it sooner when a screen asks.
#[derive(Resource, Debug, Clone)]
pub struct Idle(pub WinitSettings);

/// Assets the first screens wait for (the library folders, the fonts): until each has
/// loaded or failed, the window wakes every [`LOADING_POLL`] to take them, since a file
/// that finishes loading does not wake it (unfocused, it would sleep up to a minute with
/// a blank library).
#[derive(Resource, Debug, Default)]
pub struct Awaited(pub Vec<UntypedHandle>);

/// How often the window looks again while [`Awaited`] assets load.
const LOADING_POLL: std::time::Duration = std::time::Duration::from_millis(50);

fn wake_while_loading(
    server: Res<AssetServer>,
    mut awaited: ResMut<Awaited>,
    mut wake: ResMut<Wake>,
) {
    use bevy::asset::RecursiveDependencyLoadState::{Failed, Loaded};
    awaited.0.retain(|handle| {
        !matches!(
            server.recursive_dependency_load_state(handle),
            Loaded | Failed(_)
        )
    });
    if !awaited.0.is_empty() {
        wake.within(LOADING_POLL);
    }
}

impl Options {
    /// The same folders as absolute paths: Bevy resolves relative ones against
    /// the executable's folder, not the working directory.
    fn absolute(mut self) -> Options {
        let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
        self.libraries = self.libraries.into_iter().map(absolute).collect();
        self.assets = self.assets.map(absolute);
        self
    }
}

/// System order within a frame, declared once.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Scenario files loaded or reloaded.
    Load,
    /// Keys, clicks and the demo turned into [`Request`]s.
    Input,
    /// Requests applied to the session and the screens.
    Apply,
    /// The screens redrawn from the state.
    View,
}

/// Opens the window on the library; returns when it is closed.
pub fn run(options: Options) -> ExitCode {
    give_back_freed_memory();
    let mut app = windowed(options);
    exit_code(app.run())
}

/// Large buffers (the library's files while they load, decoded sounds, uploads) go back
/// to the system when freed. glibc otherwise raises its threshold for mapping them apart
/// each time one is freed, and then keeps them in the heap of the thread that made them:
/// 12 MB of the app's peak memory (docs/performance.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back_freed_memory() {
    // SAFETY: `mallopt` only sets two of glibc's allocator parameters (it takes the
    // allocator's locks itself); no memory is touched.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 64 * 1024);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

/// Other systems' allocators give large blocks back by themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back_freed_memory() {}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// What every app starts with, windowed or not: the options as a resource and the
/// scenario libraries as asset sources. Returns the app and the assets folder.
fn base(options: Options) -> (App, String) {
    let options = options.absolute();
    let mut app = App::new();
    let assets = options
        .assets
        .as_ref()
        .map_or_else(|| "assets".to_owned(), |a| a.to_string_lossy().into_owned());
    app.insert_resource(options.clone());
    catalog::register_sources(&mut app, &options);
    (app, assets)
}

/// The real app: window, renderer, look and sound.
fn windowed(options: Options) -> App {
    let (mut app, assets) = base(options);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Frontline".to_owned(),
                    resolution: (1280, 800).into(),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: assets,
                ..default()
            }),
    );
    app.insert_resource(update_modes());
    app.insert_resource(Idle(update_modes()));
    app.add_systems(Startup, |mut commands: Commands| {
        // Flat UI anti-aliases its own edges and glyphs: a multisampled target would only
        // cost memory and, under software rendering, CPU on every frame.
        commands.spawn((Camera2d, Msaa::Off));
    });
    theme::load_fonts(&mut app);
    app.add_plugins((shell, audio::plugin));
    app.add_systems(Last, request_redraw);
    app
}

/// Redraw only on input or when an animation asks: an idle screen costs next to no CPU.
#[cfg(not(feature = "dev"))]
fn update_modes() -> WinitSettings {
    WinitSettings::desktop_app()
}

/// With live reload, the file watcher's news is applied when the app next wakes: it
/// wakes every second, so a trainer saving in an editor (the app unfocused) sees the
/// card change within a few seconds.
#[cfg(feature = "dev")]
fn update_modes() -> WinitSettings {
    let second = std::time::Duration::from_secs(1);
    WinitSettings {
        focused_mode: UpdateMode::reactive(second),
        unfocused_mode: UpdateMode::reactive_low_power(second),
    }
}

/// Asks for one more frame while animating or after a request (a screen change
/// lands on the next frame), and for none otherwise; sleeps no longer than a screen's
/// [`Wake`] asks.
fn request_redraw(
    mut animating: ResMut<Animating>,
    mut wake: ResMut<Wake>,
    mut requests: MessageReader<Request>,
    screen: Res<State<Screen>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
    idle: Res<Idle>,
    mut winit: ResMut<WinitSettings>,
) {
    let requested = requests.read().count() > 0;
    if animating.0 || requested || screen.is_changed() {
        redraw.write(bevy::window::RequestRedraw);
    }
    animating.0 = false;
    let idle = &idle.0;
    let after = wake.0.take();
    let modes = WinitSettings {
        focused_mode: sooner(idle.focused_mode, after),
        unfocused_mode: sooner(idle.unfocused_mode, after),
    };
    if (winit.focused_mode, winit.unfocused_mode) != (modes.focused_mode, modes.unfocused_mode) {
        *winit = modes;
    }
}

/// `mode`, waking no later than `after` when given.
fn sooner(mode: UpdateMode, after: Option<std::time::Duration>) -> UpdateMode {
    match (mode, after) {
        (
            UpdateMode::Reactive {
                wait,
                react_to_device_events,
                react_to_user_events,
                react_to_window_events,
            },
            Some(after),
        ) => UpdateMode::Reactive {
            wait: wait.min(after),
            react_to_device_events,
            react_to_user_events,
            react_to_window_events,
        },
        (mode, _) => mode,
    }
}

/// The app with no window, renderer or sound, for tests: the same screens and
/// engine, driven by writing keyboard input and stepping `update()`.
pub fn headless(options: Options) -> App {
    let (mut app, assets) = base(options);
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        bevy::input::InputPlugin,
        AssetPlugin {
            file_path: assets,
            ..default()
        },
    ));
    app.add_plugins(shell);
    app
}

/// The plugins shared by the window and headless: the library, the screens, the widgets.
fn shell(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Load,
            AppSystems::Input,
            AppSystems::Apply,
            AppSystems::View,
        )
            .chain(),
    );
    app.init_resource::<Animating>();
    app.init_resource::<Wake>();
    app.init_resource::<Awaited>();
    app.add_systems(Update, wake_while_loading);
    app.add_plugins((
        theme::plugin,
        widget::plugin,
        access::plugin,
        catalog::plugin,
        screens::plugin,
        records::plugin,
        sending::plugin,
        settings::plugin,
        own_words::plugin,
        scale::plugin,
        assigned::plugin,
    ));
}
