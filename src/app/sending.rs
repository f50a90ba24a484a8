//! Sending the calls to the centre's learning record store in the background, when one is
//! configured (`FRONTLINE_LRS`, or `lrs.json` beside the records: see
//! [`crate::centre::LrsConfig`]): as the app starts, and after each call. The progress
//! screen says what is waiting and why.
//!
//! The sending runs on a thread of its own with its own connection to the records, so a
//! slow or absent store never holds up a frame; what it could not send stays in the
//! records' outbox and goes the next time.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use bevy::prelude::*;

use super::records::Records;
use super::theme::Look;
use super::{AppSystems, Options};
use crate::centre::LrsConfig;
use crate::records::{Filter, Store, send, statements_endpoint};
use crate::words::{Words, fill};

/// Where the sending stands.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Sending {
    /// The statements resource of the configured store; `None`: nothing is sent.
    pub lrs: Option<String>,
    /// Whether a sending is under way.
    pub busy: bool,
    /// Statements still waiting after the last sending.
    pub waiting: usize,
    /// Why the last sending stopped early, or why the store's settings cannot be read.
    pub problem: Option<String>,
}

impl Sending {
    /// What the progress screen says: nothing when no store is configured.
    pub fn line(&self, words: &Words) -> Option<String> {
        let ui = &words.interface;
        let problem = self.problem.as_deref().map(|why| why.trim_end_matches('.'));
        let Some(lrs) = &self.lrs else {
            return problem.map(|why| fill(ui.not_sent, &[("why", &why)]));
        };
        Some(match (self.busy, self.waiting, problem) {
            (true, _, _) => fill(ui.sending, &[("lrs", lrs)]),
            (false, 0, _) => fill(ui.all_sent, &[("lrs", lrs)]),
            (false, n, why) => {
                let why = why.map(|why| format!(": {why}")).unwrap_or_default();
                let template = if n == 1 {
                    ui.waiting_one
                } else {
                    ui.waiting_many
                };
                fill(template, &[("count", &n), ("lrs", lrs), ("why", &why)])
            }
        })
    }
}

/// What a sending thread reports: statements still waiting, and why, or why it could not run.
type Report = Result<(usize, Option<String>), String>;

/// The store to send to, the records to send from, and the sending under way.
#[derive(Resource)]
struct Sender {
    config: Option<LrsConfig>,
    records: Option<PathBuf>,
    running: Option<Mutex<Receiver<Report>>>,
    /// A call ended while a sending was under way: send again when it is done.
    again: bool,
}

/// The progress screen's line about the sending.
#[derive(Component)]
pub(super) struct SendingLine;

pub(super) fn plugin(app: &mut App) {
    let records = crate::paths::records_dir(app.world().resource::<Options>().data_dir.as_deref());
    let (config, problem) = match LrsConfig::find(records.as_deref()) {
        Ok(config) => (config, None),
        Err(problem) => (None, Some(problem)),
    };
    app.insert_resource(Sending {
        lrs: config.as_ref().map(|c| statements_endpoint(&c.url)),
        problem,
        ..Sending::default()
    })
    .insert_resource(Sender {
        config,
        records,
        running: None,
        again: true,
    })
    .add_systems(
        Update,
        (start, finish, show).chain().in_set(AppSystems::View),
    );
}

/// Starts a sending when a call has been written (or the app has just started) and none is
/// under way.
fn start(
    records: Res<Records>,
    mut seen: Local<u64>,
    mut sender: ResMut<Sender>,
    mut sending: ResMut<Sending>,
) {
    if records.written() != *seen {
        *seen = records.written();
        sender.again = true;
    }
    let Some(config) = sender.config.clone() else {
        return;
    };
    if !sender.again || sender.running.is_some() {
        return;
    }
    sender.again = false;
    let dir = sender.records.clone();
    let (report, running) = channel();
    std::thread::spawn(move || {
        let _ = report.send(send_all(dir, &config));
    });
    sender.running = Some(Mutex::new(running));
    sending.busy = true;
}

/// Sends every recorded call's statements that the store has not taken yet.
fn send_all(dir: Option<PathBuf>, config: &LrsConfig) -> Report {
    let mut store = Store::open_or_default(dir.as_deref()).map_err(|e| e.to_string())?;
    let mut records = store
        .history(&Filter::default())
        .map_err(|e| e.to_string())?;
    records.reverse();
    let delivery = send(
        &mut store,
        &records,
        &config.url,
        &config.base,
        config.auth.as_deref(),
    )
    .map_err(|e| e.to_string())?;
    Ok((delivery.kept, delivery.problem))
}

/// Takes the report of a finished sending.
fn finish(mut sender: ResMut<Sender>, mut sending: ResMut<Sending>) {
    let Some(running) = &mut sender.running else {
        return;
    };
    let report = match running.get_mut().map(|r| r.try_recv()) {
        Ok(Err(TryRecvError::Empty)) => return,
        Ok(Ok(report)) => report,
        _ => Err("the sending stopped before it said how it went".to_owned()),
    };
    sender.running = None;
    let (waiting, problem) = match report {
        Ok(done) => done,
        Err(why) => (sending.waiting, Some(why)),
    };
    sending.set_if_neq(Sending {
        lrs: sending.lrs.clone(),
        busy: false,
        waiting,
        problem,
    });
}

/// Keeps the progress screen's line up to date.
fn show(sending: Res<Sending>, look: Res<Look>, mut lines: Query<&mut Text, With<SendingLine>>) {
    let line = sending.line(look.words).unwrap_or_default();
    for mut text in &mut lines {
        if text.0 != line {
            text.0.clone_from(&line);
        }
    }
}
