//! The progress screen: the trainee's calls over time, newest first, a chart per
//! dimension, and the debrief of any past call reopened by playing it again.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use super::debrief::Debrief;
use super::library::Trainee;
use super::{Request, Screen};
use crate::app::access::Choices;
use crate::app::catalog::Catalog;
use crate::app::records::{Note, Records, recorded_name};
use crate::app::sending::{Sending, SendingLine};
use crate::app::theme::{Look, size, space};
use crate::app::widget::{self, Action, Rest, WheelScroll};
use crate::app::{AppSystems, Options};
use crate::engine::Prepared;
use crate::library::LibraryEntry;
use crate::records::{Lost, Record};
use crate::scenario::Dimension;
use crate::words::{Words, fill};

/// Most calls the screen lists.
const LISTED: usize = 500;
/// Calls in each chart: the latest ones.
const CHARTED: usize = 40;
/// The height of a row of the list, so the cursor can be kept in view.
const ROW_HEIGHT: f32 = 34.0;
/// The height of a chart's bars at 100%.
const CHART_HEIGHT: f32 = 80.0;

/// The trainee's calls as the progress screen lists them, newest first.
#[derive(Resource, Debug, Default)]
pub struct Progress {
    trainee: String,
    records: Vec<Record>,
    cursor: usize,
    /// Why the records could not be read, when they could not.
    problem: Option<String>,
}

impl Progress {
    /// The calls listed, newest first.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The call under the keyboard cursor.
    pub fn selected(&self) -> Option<&Record> {
        self.records.get(self.cursor)
    }
}

/// A row of the list, by its index in [`Progress::records`].
#[derive(Component)]
struct Row(usize);

/// A bar of a chart: the call's index, and its colour when not selected.
#[derive(Component)]
struct ChartBar(usize, Color);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(OnEnter(Screen::Progress), (load, spawn).chain())
        // On every screen, so that no request is left unread to act on later.
        .add_systems(Update, apply.in_set(AppSystems::Apply))
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                restyle.in_set(AppSystems::View),
            )
                .run_if(in_state(Screen::Progress)),
        );
}

/// Reads the trainee's calls (again on coming back from a reopened call: the cursor stays).
fn load(mut progress: ResMut<Progress>, mut records: ResMut<Records>, trainee: Res<Trainee>) {
    let name = recorded_name(&trainee.name);
    let (calls, problem) = match records.history(&name, LISTED) {
        Ok(calls) => (calls, None),
        Err(error) => (Vec::new(), Some(error.to_string())),
    };
    let cursor = progress.cursor.min(calls.len().saturating_sub(1));
    *progress = Progress {
        trainee: name,
        records: calls,
        cursor,
        problem,
    };
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut progress: ResMut<Progress>,
    mut requests: MessageWriter<Request>,
) {
    let count = progress.records.len();
    if keys.just_pressed(KeyCode::ArrowDown) && progress.cursor + 1 < count {
        progress.cursor += 1;
    }
    if keys.just_pressed(KeyCode::ArrowUp) && progress.cursor > 0 {
        progress.cursor -= 1;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(record) = progress.selected()
    {
        requests.write(Request::Reopen(record.id));
    }
    if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyL]) {
        requests.write(Request::Library);
    }
}

/// Opens the screen from the library (on its newest call), goes back, reopens a call.
#[allow(clippy::too_many_arguments)]
fn apply(
    mut requests: MessageReader<Request>,
    screen: Res<State<Screen>>,
    mut progress: ResMut<Progress>,
    catalog: Res<Catalog>,
    options: Res<Options>,
    look: Res<Look>,
    mut note: ResMut<Note>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    for request in requests.read() {
        match (screen.get(), request) {
            (Screen::Library, Request::Progress) => {
                progress.cursor = 0;
                next.set(Screen::Progress);
            }
            (Screen::Progress, Request::Library) => next.set(Screen::Library),
            (Screen::Progress, Request::Reopen(id)) => {
                let Some(index) = progress.records.iter().position(|r| r.id == *id) else {
                    continue;
                };
                progress.cursor = index;
                let record = &progress.records[index];
                match reopen(look.words, record, &catalog, options.assets.clone()) {
                    Ok((debrief, said)) => {
                        commands.insert_resource(debrief);
                        note.0 = said.map(|text| (Screen::Debrief, text));
                        next.set(Screen::Debrief);
                    }
                    Err(why) => note.0 = Some((Screen::Progress, why)),
                }
            }
            _ => {}
        }
    }
}

/// The debrief of a past call, rebuilt by playing it again on its scenario as it is now,
/// with a line to show when the scenario has changed since; or why it cannot be.
fn reopen(
    words: &Words,
    record: &Record,
    catalog: &Catalog,
    assets: Option<PathBuf>,
) -> Result<(Debrief, Option<String>), String> {
    let call = &record.call;
    let ui = &words.interface;
    let when = words.date_time(call.started_ms);
    let cannot = |why: String| fill(ui.cannot_reopen, &[("when", &when), ("why", &why)]);
    let (path, prepared, hash) = scenario_of(ui, record, catalog, assets).map_err(cannot)?;
    let replayed = record
        .replay_on(prepared, &path, &hash)
        .map_err(|e| cannot(e.to_string()))?;
    let same = record.matches(&replayed.session);
    let said = replayed.changed.map(|changed| {
        let scores = if same {
            ui.scores_as_recorded.to_owned()
        } else {
            fill(
                ui.scores_now,
                &[
                    ("overall", &words.score(call.scores.overall)),
                    ("verdict", &words.verdict(call.verdict()).to_lowercase()),
                ],
            )
        };
        fill(
            ui.reopened_changed,
            &[("when", &when), ("changed", &changed), ("scores", &scores)],
        )
    });
    let debrief = Debrief {
        back: Screen::Progress,
        ..Debrief::new(replayed.session, path, hash, call.uid.clone())
    };
    Ok((debrief, said))
}

/// The scenario a call was played from, as it is now (its file, prepared scenario and
/// hash), found by [`crate::records::ScenarioRef::find_in`] among the library's cards (each
/// as last played well: a card whose last save is broken still plays its earlier version).
fn scenario_of(
    ui: &crate::words::Interface,
    record: &Record,
    catalog: &Catalog,
    assets: Option<PathBuf>,
) -> Result<(PathBuf, Arc<Prepared>, String), String> {
    let scenario = &record.call.scenario;
    let library: Vec<LibraryEntry> = catalog
        .cards
        .iter()
        .map(|card| LibraryEntry {
            prepared: card.playable.clone(),
            ..card.entry.clone()
        })
        .collect();
    let broken = |path: &std::path::Path| fill(ui.file_has_errors, &[("path", &path.display())]);
    match scenario.find_in(&library, assets) {
        Ok(entry) => match entry.prepared {
            Some(prepared) => Ok((entry.path, prepared, entry.hash)),
            None => Err(broken(&entry.path)),
        },
        Err(Lost::Broken(entry)) => Err(broken(&entry.path)),
        Err(Lost::Missing) => Err(fill(
            ui.file_missing,
            &[("path", &scenario.path), ("id", &scenario.id)],
        )),
    }
}

/// A score's colour: good at or above the call's pass mark, a warning below, muted when
/// the call was left.
fn score_color(look: &Look, record: &Record, value: f64) -> Color {
    if record.call.abandoned {
        look.palette.muted
    } else if value >= f64::from(record.call.pass_mark) {
        look.palette.good
    } else {
        look.palette.warn
    }
}

fn spawn(mut commands: Commands, progress: Res<Progress>, sending: Res<Sending>, look: Res<Look>) {
    let look = look.into_inner();
    let ui = &look.words.interface;
    commands
        .spawn((
            Name::new("Progress"),
            widget::screen_root(),
            DespawnOnExit(Screen::Progress),
        ))
        .with_children(|screen| {
            widget::top_bar(
                screen,
                look,
                fill(ui.progress_title, &[("trainee", &progress.trainee)]),
                |bar| {
                    bar.spawn(widget::button(look, look.words.library, Request::Library));
                },
            );
            screen.spawn(widget::text(
                look,
                ui.progress_keys,
                size::SMALL,
                look.palette.muted,
            ));
            if let Some(line) = sending.line(look.words) {
                screen.spawn((
                    widget::text(look, line, size::SMALL, look.palette.muted),
                    SendingLine,
                ));
            }
            if let Some(problem) = &progress.problem {
                screen.spawn(widget::text(
                    look,
                    fill(ui.records_unreadable, &[("problem", problem)]),
                    size::BODY,
                    look.palette.bad,
                ));
                return;
            }
            if progress.records.is_empty() {
                screen.spawn(widget::text(
                    look,
                    fill(ui.no_calls_yet, &[("trainee", &progress.trainee)]),
                    size::BODY,
                    look.palette.muted,
                ));
                return;
            }
            charts(screen, look, &progress);
            list(screen, look, &progress);
        });
}

/// A chart per dimension and overall: a bar per call, oldest on the left.
fn charts(screen: &mut ChildSpawnerCommands, look: &Look, progress: &Progress) {
    let charted: Vec<(usize, &Record)> = progress
        .records
        .iter()
        .enumerate()
        .take(CHARTED)
        .rev()
        .collect();
    // Each dimension, then overall (`None`).
    let charts = Dimension::ALL.map(Some).into_iter().chain([None]);
    screen
        // Four charts in a row; two by two in a narrow window (large text).
        .spawn(Node {
            align_items: AlignItems::Stretch,
            ..widget::row(space::M)
        })
        .with_children(|row| {
            for dimension in charts {
                let words = look.words;
                let name = dimension
                    .map_or(words.overall, |d| words.dimension(d))
                    .to_uppercase();
                let values: Vec<f64> = charted
                    .iter()
                    .map(|(_, r)| dimension.map_or(r.call.scores.overall, |d| r.call.scores.get(d)))
                    .collect();
                let last = values.last().copied().unwrap_or_default();
                let best = values.iter().copied().fold(0.0, f64::max);
                row.spawn(widget::panel_with(look, |panel| Node {
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    min_width: px(240.0),
                    ..panel
                }))
                .with_children(|panel| {
                    panel
                        .spawn(Node {
                            justify_content: JustifyContent::SpaceBetween,
                            ..widget::row(space::S)
                        })
                        .with_children(|heading| {
                            heading.spawn(widget::text(
                                look,
                                name,
                                size::SMALL,
                                look.palette.muted,
                            ));
                            heading.spawn(widget::bold(
                                look,
                                fill(
                                    words.interface.last_best,
                                    &[("last", &words.score(last)), ("best", &words.score(best))],
                                ),
                                size::SMALL,
                                look.palette.text,
                            ));
                        });
                    panel
                        .spawn((
                            Node {
                                height: px(CHART_HEIGHT),
                                align_items: AlignItems::FlexEnd,
                                column_gap: px(2.0),
                                border: UiRect::bottom(px(1.0)),
                                ..default()
                            },
                            BorderColor::all(look.palette.border),
                        ))
                        .with_children(|bars| {
                            for ((index, record), value) in charted.iter().zip(&values) {
                                let color = score_color(look, record, *value);
                                bars.spawn((
                                    Node {
                                        flex_grow: 1.0,
                                        max_width: px(16.0),
                                        height: percent((*value as f32).max(2.0)),
                                        border_radius: BorderRadius::top(px(2.0)),
                                        ..default()
                                    },
                                    BackgroundColor(color),
                                    ChartBar(*index, color),
                                ));
                            }
                        });
                    panel.spawn(widget::text(
                        look,
                        match charted.len() {
                            1 => words.interface.one_call.to_owned(),
                            n => fill(words.interface.calls_oldest_left, &[("count", &n)]),
                        },
                        size::SMALL,
                        look.palette.muted,
                    ));
                });
            }
        });
}

/// The widths of the list's columns; the scenario takes the rest.
const WHEN: f32 = 200.0;
const MODE: f32 = 80.0;
const OUTCOME: f32 = 170.0;
const OVERALL: f32 = 70.0;
const RESULT: f32 = 110.0;

/// A cell of the list: fixed width, or the rest of the row when `width` is `None`.
fn cell(width: Option<f32>, text: impl Bundle) -> impl Bundle {
    (
        Node {
            width: width.map_or(Val::Auto, px),
            flex_grow: if width.is_some() { 0.0 } else { 1.0 },
            flex_shrink: if width.is_some() { 0.0 } else { 1.0 },
            min_width: px(0.0),
            overflow: Overflow::clip(),
            ..default()
        },
        Pickable::IGNORE,
        children![(text, Pickable::IGNORE)],
    )
}

/// Every call, newest first: a row each, clickable.
fn list(screen: &mut ChildSpawnerCommands, look: &Look, progress: &Progress) {
    let columns = |row: &mut ChildSpawnerCommands, cells: [(Option<f32>, String, Color); 6]| {
        for (width, text, color) in cells {
            row.spawn(cell(width, widget::text(look, text, size::BODY, color)));
        }
    };
    screen
        .spawn(widget::panel_with(look, |panel| Node {
            flex_grow: 1.0,
            min_height: px(widget::LIST_MIN_HEIGHT),
            ..panel
        }))
        .with_children(|panel| {
            panel
                .spawn(Node {
                    padding: UiRect::horizontal(px(space::S + 1.0)),
                    ..widget::row(space::M)
                })
                .with_children(|header| {
                    let ui = &look.words.interface;
                    for (width, title) in [
                        (Some(WHEN), ui.column_when),
                        (None, ui.column_scenario),
                        (Some(MODE), ui.column_mode),
                        (Some(OUTCOME), ui.column_outcome),
                        (Some(OVERALL), ui.column_overall),
                        (Some(RESULT), ui.column_result),
                    ] {
                        header.spawn(cell(
                            width,
                            widget::text(look, title, size::SMALL, look.palette.muted),
                        ));
                    }
                });
            panel
                .spawn((
                    Node {
                        flex_grow: 1.0,
                        min_height: px(0.0),
                        overflow: Overflow::scroll_y(),
                        ..widget::column(space::XS)
                    },
                    Choices,
                    WheelScroll,
                ))
                .with_children(|rows| {
                    let words = look.words;
                    for (index, record) in progress.records.iter().enumerate() {
                        let call = &record.call;
                        rows.spawn((
                            // A row wraps onto two lines in a narrow window (large text).
                            Node {
                                min_height: px(ROW_HEIGHT),
                                flex_shrink: 0.0,
                                padding: UiRect::horizontal(px(space::S)),
                                border: UiRect::all(px(1.0)),
                                border_radius: BorderRadius::all(px(6.0)),
                                ..widget::row(space::M)
                            },
                            BackgroundColor(look.palette.panel),
                            BorderColor::all(look.palette.panel),
                            Rest(look.palette.panel),
                            Action(Request::Reopen(record.id)),
                            Row(index),
                        ))
                        .with_children(|row| {
                            columns(
                                row,
                                [
                                    (
                                        Some(WHEN),
                                        words.date_time(call.ended_ms),
                                        look.palette.muted,
                                    ),
                                    (None, call.scenario.title.clone(), look.palette.text),
                                    (
                                        Some(MODE),
                                        words.mode_short(call.mode).to_owned(),
                                        look.palette.muted,
                                    ),
                                    (
                                        Some(OUTCOME),
                                        call.outcome_in(words).to_owned(),
                                        look.palette.text,
                                    ),
                                    (
                                        Some(OVERALL),
                                        words.score(call.scores.overall),
                                        score_color(look, record, call.scores.overall),
                                    ),
                                    (
                                        Some(RESULT),
                                        words.verdict(call.verdict()).to_owned(),
                                        look.palette.verdict(call.verdict()),
                                    ),
                                ],
                            );
                        });
                    }
                });
        });
}

/// Marks the call under the cursor: its row and its bars.
fn restyle(
    mut commands: Commands,
    progress: Res<Progress>,
    look: Res<Look>,
    mut rows: Query<(
        Entity,
        &Row,
        &mut BackgroundColor,
        &mut BorderColor,
        &mut Rest,
    )>,
    mut bars: Query<(&ChartBar, &mut BackgroundColor), Without<Row>>,
) {
    if !progress.is_changed() {
        return;
    }
    for (entity, row, mut background, mut border, mut rest) in &mut rows {
        commands
            .entity(entity)
            .insert_if_new_and(widget::KeepInView, || row.0 == progress.cursor)
            .remove_if::<widget::KeepInView>(|| row.0 != progress.cursor);
        let (fill, edge) = if row.0 == progress.cursor {
            (look.palette.panel_hover, look.palette.focus)
        } else {
            (look.palette.panel, look.palette.panel)
        };
        background.set_if_neq(BackgroundColor(fill));
        border.set_if_neq(BorderColor::all(edge));
        rest.0 = fill;
    }
    for (bar, mut background) in &mut bars {
        let color = if bar.0 == progress.cursor {
            look.palette.accent
        } else {
            bar.1
        };
        background.set_if_neq(BackgroundColor(color));
    }
}
