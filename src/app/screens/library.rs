//! The library screen: a card per scenario, filters, coach or exam mode, the trainee's name.

use std::collections::BTreeSet;

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use super::{Request, Screen, digit};
use crate::app::access::Choices;
use crate::app::assigned::Assignments;
use crate::app::audio::Track;
use crate::app::catalog::{Card, Catalog};
use crate::app::own_words::{Replying, Understanding};
use crate::app::records::{Standings, recorded_name};
use crate::app::scale::ctrl_held;
use crate::app::theme::{Look, Theme, size, space};
use crate::app::widget::{self, Action, KeepInView, Rest};
use crate::app::{AppSystems, Volumes, widget::WheelScroll};
use crate::centre::Status;
use crate::engine::Mode;
use crate::records::Record;
use crate::words::fill;

/// Who is training and how.
#[derive(Resource, Debug, Clone, Default)]
pub struct Trainee {
    /// The trainee's name, recorded with every call.
    pub name: String,
    /// Coach (feedback after each choice) or exam (only in the debrief).
    pub mode: Mode,
    /// Whether the answers are printed to pick from, or typed in the trainee's own words.
    pub replying: Replying,
    /// Whether keys are typing the name.
    pub editing: bool,
}

/// The filters and the keyboard cursor of the library.
#[derive(Resource, Debug, Clone, Default)]
struct LibraryView {
    language: Option<String>,
    tag: Option<String>,
    cursor: usize,
}

impl LibraryView {
    /// The cards that pass the filters (broken files that did not parse always show).
    fn visible<'a>(&self, catalog: &'a Catalog) -> Vec<&'a Card> {
        catalog
            .cards
            .iter()
            .filter(|card| match card.scenario() {
                None => true,
                Some(s) => {
                    self.language.as_ref().is_none_or(|l| &s.language == l)
                        && self.tag.as_ref().is_none_or(|t| s.tags.contains(t))
                }
            })
            .collect()
    }
}

/// The container the cards are drawn into.
#[derive(Component)]
struct LibraryRoot;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Trainee>()
        .init_resource::<LibraryView>()
        .add_systems(OnEnter(Screen::Library), spawn)
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                apply.in_set(AppSystems::Apply),
                draw.in_set(AppSystems::View),
            )
                .run_if(in_state(Screen::Library)),
        );
}

/// The scrolling grid of cards.
#[derive(Component)]
struct CardGrid;

/// A card's width, in logical pixels.
const CARD_WIDTH: f32 = 380.0;

/// Cards in a row of the grid as laid out (one until it is: a headless app never lays out).
fn columns(grid: &ComputedNode) -> usize {
    let inner = grid.content_box().width() * grid.inverse_scale_factor();
    ((inner + space::M) / (CARD_WIDTH + space::M))
        .floor()
        .max(1.0) as usize
}

fn spawn(mut commands: Commands) {
    commands.spawn((
        Name::new("Library"),
        LibraryRoot,
        widget::screen_root(),
        DespawnOnExit(Screen::Library),
    ));
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut typed: MessageReader<KeyboardInput>,
    mut trainee: ResMut<Trainee>,
    mut view: ResMut<LibraryView>,
    catalog: Res<Catalog>,
    grid: Query<&ComputedNode, With<CardGrid>>,
    mut requests: MessageWriter<Request>,
) {
    if trainee.editing {
        // Ctrl with a key resizes the screen (crate::app::scale): it types nothing.
        if ctrl_held(&keys) {
            typed.clear();
            return;
        }
        for input in typed.read() {
            if !input.state.is_pressed() {
                continue;
            }
            match &input.logical_key {
                Key::Enter | Key::Escape | Key::Tab => trainee.editing = false,
                Key::Backspace => {
                    trainee.name.pop();
                }
                Key::Character(c) if trainee.name.chars().count() < 40 => {
                    trainee.name.extend(c.chars().filter(|c| !c.is_control()));
                }
                Key::Space if trainee.name.chars().count() < 40 => trainee.name.push(' '),
                _ => {}
            }
        }
        return;
    }
    typed.clear();
    let visible = view.visible(&catalog);
    let count = visible.len();
    let columns = grid.iter().next().map_or(1, columns);
    for arrow in [
        KeyCode::ArrowRight,
        KeyCode::ArrowLeft,
        KeyCode::ArrowDown,
        KeyCode::ArrowUp,
    ] {
        if !keys.just_pressed(arrow) {
            continue;
        }
        let moved = step(view.cursor, count, columns, arrow);
        if moved != view.cursor {
            view.cursor = moved;
        }
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(card) = visible.get(view.cursor)
        && card.playable.is_some()
    {
        requests.write(Request::Play {
            path: card.entry.path.clone(),
            seed: None,
        });
    }
    for (key, request) in [
        (KeyCode::Tab, Request::ToggleMode),
        (KeyCode::KeyO, Request::ToggleReplying),
        (KeyCode::KeyL, Request::CycleLanguage),
        (KeyCode::KeyT, Request::CycleTag),
        (KeyCode::KeyN, Request::EditName),
        (KeyCode::KeyP, Request::Progress),
        (KeyCode::KeyG, Request::Team),
        (KeyCode::KeyI, Request::CycleInterface),
        (KeyCode::KeyC, Request::ToggleContrast),
    ] {
        if keys.just_pressed(key) {
            requests.write(request);
        }
    }
    // 1, 2 and 3 turn a track down.
    if let Some(n) = digit(&keys)
        && let Some(&track) = Track::ALL.iter().find(|track| track.key() == n)
    {
        requests.write(Request::TurnDown(track));
    }
}

/// Where an arrow key takes the cursor over `count` cards in rows of `columns`: ← → card by
/// card, ↑ ↓ a row up or down (to the last card when the row below is shorter).
fn step(cursor: usize, count: usize, columns: usize, arrow: KeyCode) -> usize {
    let last = count.saturating_sub(1);
    let cursor = cursor.min(last);
    match arrow {
        KeyCode::ArrowRight => (cursor + 1).min(last),
        KeyCode::ArrowLeft => cursor.saturating_sub(1),
        KeyCode::ArrowDown if cursor / columns < last / columns => (cursor + columns).min(last),
        KeyCode::ArrowUp => cursor.checked_sub(columns).unwrap_or(cursor),
        _ => cursor,
    }
}

/// The next value after `current` in `all`, then none (all shown) again.
fn cycle(current: &Option<String>, all: BTreeSet<String>) -> Option<String> {
    let all: Vec<String> = all.into_iter().collect();
    match current {
        None => all.first().cloned(),
        Some(value) => all
            .iter()
            .position(|v| v == value)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

fn apply(
    mut requests: MessageReader<Request>,
    mut trainee: ResMut<Trainee>,
    mut view: ResMut<LibraryView>,
    mut volumes: ResMut<Volumes>,
    mut look: ResMut<Look>,
    catalog: Res<Catalog>,
) {
    for request in requests.read() {
        match request {
            Request::CycleInterface => look.words = look.words.next(),
            Request::ToggleContrast => {
                let theme = look.theme.toggled();
                look.set_theme(theme);
            }
            Request::TurnDown(track) => volumes.turn_down(*track),
            Request::ToggleMode => {
                trainee.mode = match trainee.mode {
                    Mode::Coach => Mode::Exam,
                    Mode::Exam => Mode::Coach,
                };
            }
            Request::CycleLanguage => {
                let all = catalog.cards.iter().filter_map(Card::scenario);
                view.language = cycle(&view.language, all.map(|s| s.language.clone()).collect());
                view.cursor = 0;
            }
            Request::CycleTag => {
                let all = catalog.cards.iter().filter_map(Card::scenario);
                view.tag = cycle(&view.tag, all.flat_map(|s| s.tags.clone()).collect());
                view.cursor = 0;
            }
            Request::EditName => trainee.editing = !trainee.editing,
            Request::ToggleReplying => {
                trainee.replying = match trainee.replying {
                    Replying::Pick => Replying::OwnWords,
                    Replying::OwnWords => Replying::Pick,
                };
            }
            _ => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut commands: Commands,
    root: Single<(Entity, Option<&Children>), With<LibraryRoot>>,
    catalog: Res<Catalog>,
    view: Res<LibraryView>,
    trainee: Res<Trainee>,
    standings: Res<Standings>,
    volumes: Res<Volumes>,
    understanding: Res<Understanding>,
    assignments: Res<Assignments>,
    look: Res<Look>,
    grid: Query<&ScrollPosition, With<CardGrid>>,
) {
    let (root, children) = *root;
    let fresh = children.is_none_or(|c| c.is_empty());
    if !fresh
        && !catalog.is_changed()
        && !view.is_changed()
        && !trainee.is_changed()
        && !standings.is_changed()
        && !volumes.is_changed()
        && !understanding.is_changed()
        && !assignments.is_changed()
        && !look.is_changed()
    {
        return;
    }
    // The grid is drawn anew; it keeps where the trainee had scrolled it.
    let scrolled = grid.iter().next().cloned().unwrap_or_default();
    commands.entity(root).despawn_related::<Children>();
    let look = look.into_inner();
    let visible = view.visible(&catalog);
    let cursor = view.cursor.min(visible.len().saturating_sub(1));
    commands.entity(root).with_children(|screen| {
        // The top bar: title, trainee, mode, filters.
        let ui = &look.words.interface;
        widget::top_bar(screen, look, ui.library_title, |bar| {
            bar.spawn(widget::row(space::S)).with_children(|controls| {
                let name = if trainee.editing {
                    fill(ui.name_editing, &[("name", &trainee.name)])
                } else {
                    fill(ui.name_button, &[("name", &recorded_name(&trainee.name))])
                };
                controls.spawn(widget::button(look, name, Request::EditName));
                let mode = match trainee.mode {
                    Mode::Coach => ui.mode_coach,
                    Mode::Exam => ui.mode_exam,
                };
                controls.spawn(widget::button(look, mode, Request::ToggleMode));
                let replying = match (trainee.replying, understanding.is_loading()) {
                    (Replying::Pick, _) => ui.answers_pick,
                    (Replying::OwnWords, false) => ui.answers_own_words,
                    (Replying::OwnWords, true) => ui.answers_loading,
                };
                controls.spawn(widget::button(look, replying, Request::ToggleReplying));
                let language = view.language.as_deref().unwrap_or(ui.all);
                controls.spawn(widget::button(
                    look,
                    fill(ui.language_filter, &[("language", &language)]),
                    Request::CycleLanguage,
                ));
                let tag = view.tag.as_deref().unwrap_or(ui.all);
                controls.spawn(widget::button(
                    look,
                    fill(ui.tag_filter, &[("tag", &tag)]),
                    Request::CycleTag,
                ));
                controls.spawn(widget::button(look, ui.progress_button, Request::Progress));
                controls.spawn(widget::button(look, ui.team_button, Request::Team));
                controls.spawn(widget::button(
                    look,
                    fill(ui.interface_button, &[("language", &ui.name)]),
                    Request::CycleInterface,
                ));
                let contrast = match look.theme {
                    Theme::Normal => ui.contrast_normal,
                    Theme::HighContrast => ui.contrast_high,
                };
                controls.spawn(widget::button(look, contrast, Request::ToggleContrast));
            });
        });
        screen
            .spawn(Node {
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::Center,
                ..widget::row(space::L)
            })
            .with_children(|line| {
                // The keys wrap into two lines, so the volumes stay on the right; in a narrow
                // window (large text) the volumes go below them.
                line.spawn((
                    widget::text(look, ui.library_keys, size::SMALL, look.palette.muted),
                    Node {
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        flex_basis: px(0.0),
                        min_width: px(320.0),
                        ..default()
                    },
                ));
                // The trainee's volumes: the customer's voice, the phone's effects, the room.
                line.spawn(Node {
                    flex_shrink: 0.0,
                    ..widget::row(space::S)
                })
                .with_children(|sound| {
                    for track in Track::ALL {
                        sound.spawn(widget::button(
                            look,
                            fill(
                                ui.volume,
                                &[
                                    ("track", &track.name(look.words)),
                                    (
                                        "percent",
                                        &look.words.percent(volumes.percent(track).into()),
                                    ),
                                    ("key", &track.key()),
                                ],
                            ),
                            Request::TurnDown(track),
                        ));
                    }
                });
            });
        if !assignments.mine.is_empty() {
            screen.spawn(widget::panel(look)).with_children(|panel| {
                panel.spawn(widget::text(
                    look,
                    fill(ui.assigned_to, &[("name", &recorded_name(&trainee.name))]),
                    size::SMALL,
                    look.palette.muted,
                ));
                for mine in &assignments.mine {
                    let color = match mine.status {
                        Status::Passed => look.palette.good,
                        Status::Overdue => look.palette.bad,
                        Status::ToDo | Status::Failed => look.palette.text,
                    };
                    panel.spawn(widget::text(
                        look,
                        fill(
                            ui.assignment,
                            &[
                                ("name", &mine.name),
                                ("status", &look.words.status(mine.status)),
                                ("due", &look.words.date(mine.due_ms - 1)),
                                ("calls", &mine.calls.join(", ")),
                            ],
                        ),
                        size::BODY,
                        color,
                    ));
                }
            });
        }
        screen
            .spawn((
                Node {
                    flex_grow: 1.0,
                    min_height: px(widget::LIST_MIN_HEIGHT),
                    overflow: Overflow::scroll_y(),
                    align_content: AlignContent::FlexStart,
                    align_items: AlignItems::FlexStart,
                    ..widget::row(space::M)
                },
                WheelScroll,
                CardGrid,
                Choices,
                scrolled,
            ))
            .with_children(|grid| {
                if visible.is_empty() {
                    grid.spawn(widget::text(
                        look,
                        if catalog.cards.is_empty() {
                            ui.loading_library
                        } else {
                            ui.no_match
                        },
                        size::BODY,
                        look.palette.muted,
                    ));
                }
                for (i, card) in visible.iter().enumerate() {
                    spawn_card(grid, look, card, i == cursor, &standings);
                }
            });
    });
}

fn spawn_card(
    grid: &mut ChildSpawnerCommands,
    look: &Look,
    card: &Card,
    selected: bool,
    standings: &Standings,
) {
    let ui = &look.words.interface;
    let broken = card.playable.is_none();
    let border = match (broken, card.is_stale(), selected) {
        (true, _, _) => look.palette.bad,
        (_, _, true) => look.palette.focus,
        (_, true, _) => look.palette.warn,
        _ => look.palette.border,
    };
    let background = if selected {
        look.palette.panel_hover
    } else {
        look.palette.panel
    };
    let mut entity = grid.spawn((
        Node {
            width: px(CARD_WIDTH),
            border: UiRect::all(px(if selected { 2.0 } else { 1.0 })),
            ..widget::panel(look).0
        },
        BackgroundColor(background),
        BorderColor::all(border),
    ));
    if selected {
        entity.insert(KeepInView);
    }
    if !broken {
        entity.insert((
            Rest(background),
            Action(Request::Play {
                path: card.entry.path.clone(),
                seed: None,
            }),
        ));
    }
    entity.with_children(|c| {
        c.spawn((
            widget::bold(look, card.title(), size::HEADING, look.palette.text),
            Pickable::IGNORE,
        ));
        if let Some(scenario) = card.scenario() {
            if !scenario.summary.is_empty() {
                c.spawn((
                    widget::text(
                        look,
                        scenario.summary.clone(),
                        size::SMALL,
                        look.palette.muted,
                    ),
                    Pickable::IGNORE,
                ));
            }
            c.spawn((widget::row(space::XS), Pickable::IGNORE))
                .with_children(|chips| {
                    chips.spawn(widget::chip(
                        look,
                        scenario.language.to_uppercase(),
                        look.palette.accent,
                    ));
                    chips.spawn(widget::chip(
                        look,
                        look.words.difficulty(scenario.difficulty),
                        look.palette.warn,
                    ));
                    chips.spawn(widget::chip(
                        look,
                        fill(ui.minutes, &[("minutes", &scenario.minutes)]),
                        look.palette.muted,
                    ));
                    for tag in &scenario.tags {
                        chips.spawn(widget::chip(look, format!("#{tag}"), look.palette.muted));
                    }
                });
            let (score, color) = standing_line(look, standings, &scenario.id);
            c.spawn((
                widget::text(look, score, size::SMALL, color),
                Pickable::IGNORE,
            ));
        }
        if broken {
            c.spawn(widget::bold(
                look,
                ui.broken_card,
                size::BODY,
                look.palette.bad,
            ));
        } else if card.is_stale() {
            c.spawn(widget::bold(
                look,
                ui.stale_card,
                size::SMALL,
                look.palette.warn,
            ));
        }
        let errors: Vec<_> = card
            .diagnostics()
            .iter()
            .filter(|d| broken || card.is_stale() || d.is_error())
            .collect();
        for diagnostic in errors.iter().take(4) {
            c.spawn((
                widget::text(look, diagnostic.one_line(), size::SMALL, look.palette.bad),
                Pickable::IGNORE,
            ));
        }
        if errors.len() > 4 {
            c.spawn(widget::text(
                look,
                fill(ui.more_problems, &[("count", &(errors.len() - 4))]),
                size::SMALL,
                look.palette.bad,
            ));
        }
    });
}

/// The trainee's best and last score on a card, coloured by whether the best passed.
fn standing_line(look: &Look, standings: &Standings, id: &str) -> (String, Color) {
    let words = look.words;
    let standing = standings.0.get(id);
    match (
        standing.and_then(|s| s.best.as_ref()),
        standing.and_then(|s| s.last.as_ref()),
    ) {
        (Some(best), Some(last)) => {
            let said = |record: &Record| {
                fill(
                    words.interface.score_verdict,
                    &[
                        ("score", &words.score(record.call.scores.overall)),
                        (
                            "verdict",
                            &words.verdict(record.call.verdict()).to_lowercase(),
                        ),
                    ],
                )
            };
            (
                fill(
                    words.interface.best_last,
                    &[("best", &said(best)), ("last", &said(last))],
                ),
                look.palette.verdict(best.call.verdict()),
            )
        }
        _ => (words.interface.not_played.to_owned(), look.palette.muted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_card_by_card_sideways_and_row_by_row_up_and_down() {
        // Eight cards in rows of three: 0 1 2 / 3 4 5 / 6 7.
        let at = |cursor, arrow| step(cursor, 8, 3, arrow);
        assert_eq!(at(1, KeyCode::ArrowDown), 4);
        assert_eq!(at(4, KeyCode::ArrowDown), 7);
        assert_eq!(at(5, KeyCode::ArrowDown), 7, "the row below is shorter");
        assert_eq!(at(7, KeyCode::ArrowDown), 7, "the last row stays");
        assert_eq!(at(7, KeyCode::ArrowUp), 4);
        assert_eq!(at(1, KeyCode::ArrowUp), 1, "the first row stays");
        assert_eq!(
            at(2, KeyCode::ArrowRight),
            3,
            "sideways runs on to the next row"
        );
        assert_eq!(at(3, KeyCode::ArrowLeft), 2);
        assert_eq!(at(0, KeyCode::ArrowLeft), 0);
        assert_eq!(at(7, KeyCode::ArrowRight), 7);
        // One column (a narrow window, or no layout yet): every arrow goes card by card.
        assert_eq!(step(2, 8, 1, KeyCode::ArrowDown), 3);
        assert_eq!(step(2, 8, 1, KeyCode::ArrowUp), 1);
        assert_eq!(step(0, 0, 3, KeyCode::ArrowDown), 0, "no cards");
    }
}
