//! The app's call records: every call saved as it ends, the trainee's best and last score
//! per scenario for the library cards, and a notice on screen when the records cannot be
//! written.
//!
//! A store that cannot be opened or written never stops the app: the calls it could not
//! take are kept in memory, named in the notice, and written on the next try (after the
//! next call, or when the library or the progress screen reads the records). Closing the
//! app with calls still unsaved puts them aside in the records' spool
//! ([`crate::records::Spool`], shared with `frontline play`), and the next start writes them.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use bevy::prelude::*;

use super::catalog::{Card, Catalog};
use super::screens::call::CurrentCall;
use super::screens::debrief::Debrief;
use super::screens::library::Trainee;
use super::screens::{CallFinished, Request, Screen};
use super::theme::{Look, size, space};
use super::{Animating, AppSystems, Options, access, widget};
use crate::engine::Session;
use crate::records::{
    CallRecord, DEFAULT_BASE, EXPORT_FILES, Filter, Record, RecordError, ScenarioRef, Spool,
    Standing, Store, default_trainee, export_to_folder,
};
use crate::words::{Words, fill};

/// The call records of the app: the store, and the calls not written to it yet.
#[derive(Resource, Debug)]
pub struct Records {
    /// The data folder (`None`: the platform's).
    dir: Option<PathBuf>,
    /// The open store; `None` until it opens (a connection is not `Sync`: the lock only
    /// makes it shareable, every use goes through `&mut self`).
    store: Mutex<Option<Store>>,
    /// Calls finished but not written yet, oldest first.
    unsaved: Vec<CallRecord>,
    /// Why the last read or write failed, while it still fails.
    problem: Option<String>,
    /// Calls written since the app started: the library refreshes its scores when it moves.
    written: u64,
    /// Where unsaved calls wait while the app is closed.
    spool: Spool,
    /// The files of calls put aside that this start took in: removed once they are written.
    taken: Vec<PathBuf>,
}

impl Records {
    /// The records in `dir` (the platform's data folder when `None`), not opened yet.
    fn new(dir: Option<PathBuf>) -> Records {
        let spool = Spool::of(dir.as_deref());
        Records {
            dir,
            store: Mutex::new(None),
            unsaved: Vec::new(),
            problem: None,
            written: 0,
            spool,
            taken: Vec::new(),
        }
    }

    /// Takes in the calls put aside and opens the store as the app starts, so a problem
    /// shows before the first call.
    fn open(&mut self) {
        self.take_spooled();
        if let Err(error) = self.store() {
            self.problem = Some(error.to_string());
        } else {
            self.flush();
        }
    }

    /// Takes in the calls an earlier run (of the app or `frontline play`) put aside.
    fn take_spooled(&mut self) {
        let kept = self.spool.read();
        for call in kept.calls {
            if !self.unsaved.iter().any(|known| known.uid == call.uid) {
                self.unsaved.push(call);
            }
        }
        self.taken.extend(kept.files);
        // Left where they are for a person to look at; never removed.
        for problem in kept.unreadable {
            warn!("{problem}");
        }
    }

    /// Puts the unsaved calls aside for the next start, when the app closes.
    fn put_aside(&mut self) {
        if self.unsaved.is_empty() {
            return;
        }
        match self.spool.keep(&self.unsaved, &self.taken) {
            Ok(file) => info!(
                "{} unsaved calls put aside in {}",
                self.unsaved.len(),
                file.display()
            ),
            Err(problem) => error!(
                "{} calls could not be recorded: {problem}",
                self.unsaved.len()
            ),
        }
    }

    /// The store, opened again if it was closed by a failure.
    fn store(&mut self) -> Result<&mut Store, RecordError> {
        let slot = self.store.get_mut().unwrap_or_else(PoisonError::into_inner);
        let store = match slot.take() {
            Some(store) => store,
            None => Store::open_or_default(self.dir.as_deref())?,
        };
        Ok(slot.insert(store))
    }

    /// Notes a failure; the store is closed so the next try opens it afresh (the folder
    /// may have become writable, the file may have been replaced).
    fn failed(&mut self, error: &RecordError) {
        self.problem = Some(error.to_string());
        *self.store.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Keeps a finished call and writes it, with any call still unsaved, to the store.
    fn save(&mut self, call: CallRecord) {
        self.unsaved.push(call);
        self.flush();
    }

    /// Writes the unsaved calls, oldest first, stopping at the first failure.
    fn flush(&mut self) {
        while let Some(call) = self.unsaved.first().cloned() {
            // A call put aside may have been written by a run that stopped before it could
            // remove the file: it is not written twice.
            let written = self.store().and_then(|store| store.save_once(&call));
            match written {
                Ok(new) => {
                    self.unsaved.remove(0);
                    self.written += u64::from(new);
                }
                Err(error) => return self.failed(&error),
            }
        }
        self.problem = None;
        for spool in self.taken.drain(..) {
            let _ = std::fs::remove_file(spool);
        }
    }

    /// Runs a read on the store after writing what is unsaved; a failure becomes the notice.
    fn read<T>(
        &mut self,
        read: impl FnOnce(&Store) -> Result<T, RecordError>,
    ) -> Result<T, RecordError> {
        self.flush();
        let result = self.store().and_then(|store| read(store));
        if let Err(error) = &result {
            self.failed(error);
        }
        result
    }

    /// The trainee's calls, newest first, at most `limit`.
    pub(crate) fn history(
        &mut self,
        trainee: &str,
        limit: usize,
    ) -> Result<Vec<Record>, RecordError> {
        let filter = Filter {
            trainee: Some(trainee.to_owned()),
            scenario: None,
            limit: Some(limit),
        };
        self.read(|store| store.history(&filter))
    }

    /// The trainee's best and last call of each scenario that has been played.
    fn standings(
        &mut self,
        trainee: &str,
        scenarios: &BTreeSet<String>,
    ) -> Result<HashMap<String, Standing>, RecordError> {
        self.read(|store| {
            let mut standings = HashMap::new();
            for id in scenarios {
                let standing = store.best_and_last(trainee, id)?;
                if standing.last.is_some() {
                    standings.insert(id.clone(), standing);
                }
            }
            Ok(standings)
        })
    }

    /// Exports the recorded call with this uid into `exports/call-N-SCENARIO/` beside the
    /// store (see [`crate::records::export_to_folder`]); gives the folder.
    fn export(&mut self, uid: &str) -> Result<PathBuf, String> {
        if self.unsaved.iter().any(|call| call.uid == uid) {
            return Err(
                "this call is not saved yet: it can be exported once the records can be written"
                    .to_owned(),
            );
        }
        let (record, store) = self
            .read(|store| Ok((store.by_uid(uid)?, store.path().to_owned())))
            .map_err(|e| e.to_string())?;
        let record = record.ok_or("this call is not in the records")?;
        let folder = store
            .parent()
            .unwrap_or(Path::new("."))
            .join("exports")
            .join(format!("call-{}-{}", record.id, record.call.scenario.id));
        export_to_folder(std::slice::from_ref(&record), &folder, DEFAULT_BASE)?;
        Ok(folder)
    }

    /// How many calls have been written since the app started.
    pub(crate) fn written(&self) -> u64 {
        self.written
    }

    /// The calls finished but not written yet.
    pub fn unsaved(&self) -> &[CallRecord] {
        &self.unsaved
    }

    /// What the trainee is told about the records: nothing while they work.
    fn notice(&self, words: &Words) -> Option<String> {
        let ui = &words.interface;
        let problem = self.problem.as_deref()?;
        let mut letters = problem.chars();
        let problem: String = letters
            .next()
            .map(|first| first.to_uppercase().chain(letters).collect())
            .unwrap_or_default();
        let kept = match self.unsaved.len() {
            0 => ui.kept_none.to_owned(),
            1 => ui.kept_one.to_owned(),
            n => fill(ui.kept_many, &[("count", &n)]),
        };
        Some(format!("{problem}. {kept}"))
    }
}

/// The name the trainee's calls are recorded under: the name typed on the library, or the
/// login name as `frontline play` uses.
pub fn recorded_name(typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        default_trainee()
    } else {
        typed.to_owned()
    }
}

/// The trainee's best and last call per scenario id (only scenarios played), for the
/// library cards; kept up to date after each call and when the trainee's name changes.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Standings(pub HashMap<String, Standing>);

/// A line for the screen on which it is said (a reopened call whose scenario changed, a
/// past call that cannot be reopened); it goes when that screen is left.
#[derive(Resource, Debug, Clone, Default)]
pub struct Note(pub Option<(Screen, String)>);

/// What the notice over the screens says now; empty when there is nothing to say.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Notice(pub String);

/// When the call on screen started (the phone rang); removed once it is saved.
#[derive(Resource, Debug, Clone, Copy)]
struct Started(SystemTime);

/// The notice's box.
#[derive(Component)]
struct NoticeBox;

/// The notice's text.
#[derive(Component)]
struct NoticeText;

pub(super) fn plugin(app: &mut App) {
    let dir = app.world().resource::<Options>().data_dir.clone();
    app.insert_resource(Records::new(dir))
        .init_resource::<Standings>()
        .init_resource::<Note>()
        .init_resource::<Notice>()
        .add_systems(
            Startup,
            (spawn_notice, |mut records: ResMut<Records>| records.open()),
        )
        .add_systems(
            Last,
            (
                save_on_exit.run_if(in_state(Screen::Call)),
                put_aside_on_exit,
            )
                .chain()
                .after(bevy::window::ExitSystems),
        )
        .add_systems(OnEnter(Screen::Call), |mut commands: Commands| {
            commands.insert_resource(Started(SystemTime::now()));
        })
        .add_systems(
            Update,
            (
                (save, refresh_standings).chain().in_set(AppSystems::Apply),
                export
                    .in_set(AppSystems::Apply)
                    .run_if(in_state(Screen::Debrief)),
                (forget_note, compose_notice, draw_notice, make_room)
                    .chain()
                    .in_set(AppSystems::View),
            ),
        );
}

/// The record of a call that ends now.
fn record(
    session: &Session,
    uid: &str,
    trainee: &str,
    path: &Path,
    hash: &str,
    started: SystemTime,
) -> CallRecord {
    let scenario = ScenarioRef::new(session.prepared().scenario(), path, hash);
    CallRecord {
        // The uid the call was given when it started: its debrief finds its record by it.
        uid: uid.to_owned(),
        ..CallRecord::of(
            session,
            &recorded_name(trainee),
            scenario,
            started,
            SystemTime::now(),
        )
    }
}

/// Saves every call that ends, finished or abandoned.
fn save(
    mut finished: MessageReader<CallFinished>,
    started: Option<Res<Started>>,
    mut records: ResMut<Records>,
    mut commands: Commands,
) {
    for call in finished.read() {
        let started = started.as_ref().map_or_else(SystemTime::now, |s| s.0);
        records.save(record(
            &call.session,
            &call.uid,
            &call.trainee,
            &call.path,
            &call.hash,
            started,
        ));
        // Saved: closing the app now must not save it again.
        commands.remove_resource::<Started>();
    }
}

/// Saves the call on screen when the app is closed in the middle of it: abandoned, or
/// as it ended if the trainee had not gone on to the debrief.
fn save_on_exit(
    mut exits: MessageReader<AppExit>,
    call: Option<Res<CurrentCall>>,
    trainee: Res<Trainee>,
    started: Option<Res<Started>>,
    mut records: ResMut<Records>,
    mut commands: Commands,
) {
    if exits.read().count() == 0 {
        return;
    }
    // No start: the call on screen has been saved already.
    let (Some(call), Some(started)) = (call, started) else {
        return;
    };
    let mut session = call.session().clone();
    session.abandon();
    records.save(record(
        &session,
        call.uid(),
        &trainee.name,
        call.path(),
        call.hash(),
        started.0,
    ));
    commands.remove_resource::<Started>();
}

/// E on the debrief: its call exported beside the records, and where it went said.
fn export(
    mut requests: MessageReader<Request>,
    debrief: Option<Res<Debrief>>,
    mut records: ResMut<Records>,
    mut note: ResMut<Note>,
    look: Res<Look>,
) {
    let Some(debrief) = debrief else {
        return;
    };
    let ui = &look.words.interface;
    for _ in requests.read().filter(|c| **c == Request::Export) {
        let said = match records.export(&debrief.uid) {
            Ok(folder) => fill(
                ui.exported,
                &[
                    ("folder", &folder.display()),
                    (
                        "spreadsheets",
                        &EXPORT_FILES[..2].join(&format!(" {} ", ui.and)),
                    ),
                    ("xapi", &EXPORT_FILES[2]),
                ],
            ),
            Err(why) => fill(ui.not_exported, &[("why", &why)]),
        };
        note.0 = Some((Screen::Debrief, said));
    }
}

/// Puts the calls still unsaved aside when the app is closed.
fn put_aside_on_exit(mut exits: MessageReader<AppExit>, mut records: ResMut<Records>) {
    if exits.read().count() > 0 {
        records.put_aside();
    }
}

/// Reads the best and last scores again when the library opens, a call is written, the
/// trainee's name is settled on a new one, or the scenarios change (a read first writes
/// any call still unsaved).
fn refresh_standings(
    mut records: ResMut<Records>,
    trainee: Res<Trainee>,
    catalog: Res<Catalog>,
    screen: Res<State<Screen>>,
    mut standings: ResMut<Standings>,
    mut seen: Local<Option<(String, u64)>>,
) {
    if trainee.editing || *screen.get() != Screen::Library {
        return;
    }
    let name = recorded_name(&trainee.name);
    if seen.as_ref() == Some(&(name.clone(), records.written))
        && !catalog.is_changed()
        && !screen.is_changed()
    {
        return;
    }
    let ids = catalog
        .cards
        .iter()
        .filter_map(Card::scenario)
        .map(|s| s.id.clone())
        .collect();
    // A failure is in the notice; the cards keep what they showed.
    if let Ok(now) = records.standings(&name, &ids) {
        standings.set_if_neq(Standings(now));
    }
    *seen = Some((name, records.written));
}

/// Drops the note once its screen is left.
fn forget_note(mut note: ResMut<Note>, screen: Res<State<Screen>>, mut was: Local<Option<Screen>>) {
    let now = *screen.get();
    let left = was.replace(now).filter(|&was| was != now);
    if left.is_some() && note.0.as_ref().map(|(on, _)| *on) == left {
        note.0 = None;
    }
}

/// The notice: the records' problem, then the note of this screen.
fn compose_notice(
    records: Res<Records>,
    note: Res<Note>,
    screen: Res<State<Screen>>,
    look: Res<Look>,
    mut notice: ResMut<Notice>,
) {
    let lines: Vec<String> = records
        .notice(look.words)
        .into_iter()
        .chain(
            note.0
                .as_ref()
                .filter(|(on, _)| on == screen.get())
                .map(|(_, text)| text.clone()),
        )
        .collect();
    notice.set_if_neq(Notice(lines.join("\n")));
}

/// Where the notice's box sits: above the line where the sound's own notice shows.
const NOTICE_BOTTOM: f32 = space::L + space::XS;

fn spawn_notice(mut commands: Commands, look: Res<Look>) {
    commands.spawn((
        Name::new("Notice"),
        NoticeBox,
        Node {
            position_type: PositionType::Absolute,
            left: px(space::L),
            right: px(space::L),
            bottom: px(NOTICE_BOTTOM),
            display: Display::None,
            padding: UiRect::axes(px(space::M), px(space::S)),
            ..widget::panel(&look).0
        },
        BackgroundColor(look.palette.panel),
        BorderColor::all(look.palette.warn),
        GlobalZIndex(20),
        Pickable::IGNORE,
        children![(
            widget::text(&look, "", size::SMALL, look.palette.text),
            NoticeText,
            access::Status,
            Pickable::IGNORE,
        )],
    ));
}

/// Shows the notice in a strip along the bottom, on every screen but the call itself
/// (a trainee on the line is not distracted; the notice waits for the call's end).
fn draw_notice(
    notice: Res<Notice>,
    screen: Res<State<Screen>>,
    look: Res<Look>,
    shown: Single<(&mut Node, &mut BackgroundColor, &mut BorderColor), With<NoticeBox>>,
    text: Single<(&mut Text, &mut TextColor), With<NoticeText>>,
) {
    if !notice.is_changed() && !screen.is_changed() && !look.is_changed() {
        return;
    }
    let (mut shown, mut background, mut border) = shown.into_inner();
    let (mut text, mut ink) = text.into_inner();
    if look.is_changed() {
        background.0 = look.palette.panel;
        *border = BorderColor::all(look.palette.warn);
        ink.0 = look.palette.text;
    }
    let display = if notice.0.is_empty() || *screen.get() == Screen::Call {
        Display::None
    } else {
        Display::Flex
    };
    if shown.display != display {
        shown.display = display;
    }
    if text.0 != notice.0 {
        text.0.clone_from(&notice.0);
    }
}

/// The root node of each screen (the notice's own box aside).
type ScreenRoots = (
    With<DespawnOnExit<Screen>>,
    Without<ChildOf>,
    Without<NoticeBox>,
);

/// Makes room at the bottom of the screen shown for the notice, so that it hides nothing:
/// the screens' roots get a bottom padding as tall as the notice (laid out the frame before).
fn make_room(
    notice: Single<(&Node, &ComputedNode), With<NoticeBox>>,
    mut roots: Query<&mut Node, ScreenRoots>,
    mut animating: ResMut<Animating>,
) {
    let (node, laid_out) = *notice;
    let tall = laid_out.size().y * laid_out.inverse_scale_factor();
    let room = if node.display == Display::None || tall <= 0.0 {
        space::L
    } else {
        NOTICE_BOTTOM + tall + space::S
    };
    for mut root in &mut roots {
        if root.position_type == PositionType::Relative && root.padding.bottom != px(room) {
            root.padding.bottom = px(room);
            // The new layout needs another frame.
            animating.0 = true;
        }
    }
}
