//! The library screen: a card per scenario, filters, coach or exam mode, the trainee's name.

use std::collections::{BTreeSet, HashMap};

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use super::{Command, Screen};
use crate::app::catalog::{Card, Catalog};
use crate::app::theme::{Fonts, palette, size, space};
use crate::app::widget::{self, Action, Rest};
use crate::app::{AppSystems, widget::WheelScroll};
use crate::engine::Mode;

/// Who is training and how.
#[derive(Resource, Debug, Clone, Default)]
pub struct Trainee {
    /// The trainee's name, recorded with every call.
    pub name: String,
    /// Coach (feedback after each choice) or exam (only in the debrief).
    pub mode: Mode,
    /// Whether keys are typing the name.
    pub editing: bool,
}

/// The trainee's best overall score per scenario id, shown on the cards; filled by the call records.
#[derive(Resource, Debug, Clone, Default)]
pub struct BestScores(pub HashMap<String, f64>);

/// The filters and the keyboard cursor of the library.
#[derive(Resource, Debug, Clone, Default)]
struct Shelf {
    language: Option<String>,
    tag: Option<String>,
    cursor: usize,
}

impl Shelf {
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
        .init_resource::<BestScores>()
        .init_resource::<Shelf>()
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
    mut shelf: ResMut<Shelf>,
    catalog: Res<Catalog>,
    mut commands: MessageWriter<Command>,
) {
    if trainee.editing {
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
    let visible = shelf.visible(&catalog);
    let count = visible.len();
    if keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::ArrowRight]) && count > 0 {
        shelf.cursor = (shelf.cursor + 1).min(count - 1);
    }
    if keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::ArrowLeft]) {
        shelf.cursor = shelf.cursor.saturating_sub(1);
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(card) = visible.get(shelf.cursor)
        && card.playable.is_some()
    {
        commands.write(Command::Play {
            path: card.entry.path.clone(),
            seed: None,
        });
    }
    for (key, command) in [
        (KeyCode::Tab, Command::ToggleMode),
        (KeyCode::KeyL, Command::CycleLanguage),
        (KeyCode::KeyT, Command::CycleTag),
        (KeyCode::KeyN, Command::EditName),
    ] {
        if keys.just_pressed(key) {
            commands.write(command);
        }
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
    mut commands: MessageReader<Command>,
    mut trainee: ResMut<Trainee>,
    mut shelf: ResMut<Shelf>,
    catalog: Res<Catalog>,
) {
    for command in commands.read() {
        match command {
            Command::ToggleMode => {
                trainee.mode = match trainee.mode {
                    Mode::Coach => Mode::Exam,
                    Mode::Exam => Mode::Coach,
                };
            }
            Command::CycleLanguage => {
                let all = catalog.cards.iter().filter_map(Card::scenario);
                shelf.language = cycle(&shelf.language, all.map(|s| s.language.clone()).collect());
                shelf.cursor = 0;
            }
            Command::CycleTag => {
                let all = catalog.cards.iter().filter_map(Card::scenario);
                shelf.tag = cycle(&shelf.tag, all.flat_map(|s| s.tags.clone()).collect());
                shelf.cursor = 0;
            }
            Command::EditName => trainee.editing = !trainee.editing,
            _ => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut commands: Commands,
    root: Single<(Entity, Option<&Children>), With<LibraryRoot>>,
    catalog: Res<Catalog>,
    shelf: Res<Shelf>,
    trainee: Res<Trainee>,
    best: Res<BestScores>,
    fonts: Res<Fonts>,
) {
    let (root, children) = *root;
    let fresh = children.is_none_or(|c| c.is_empty());
    if !fresh
        && !catalog.is_changed()
        && !shelf.is_changed()
        && !trainee.is_changed()
        && !best.is_changed()
    {
        return;
    }
    commands.entity(root).despawn_related::<Children>();
    let fonts = fonts.into_inner();
    let visible = shelf.visible(&catalog);
    let cursor = shelf.cursor.min(visible.len().saturating_sub(1));
    commands.entity(root).with_children(|screen| {
        // The top bar: title, trainee, mode, filters.
        screen
            .spawn(Node {
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::Center,
                ..widget::row(space::M)
            })
            .with_children(|bar| {
                bar.spawn(widget::bold(fonts, "Frontline — call library", size::TITLE, palette::TEXT));
                bar.spawn(widget::row(space::S)).with_children(|controls| {
                    let name = match (trainee.name.is_empty(), trainee.editing) {
                        (_, true) => format!("Name: {}▏", trainee.name),
                        (true, false) => "Name: (N to type)".to_owned(),
                        (false, false) => format!("Name: {}", trainee.name),
                    };
                    controls.spawn(widget::button(fonts, name, Command::EditName));
                    let mode = match trainee.mode {
                        Mode::Coach => "Mode: coach (Tab)",
                        Mode::Exam => "Mode: exam (Tab)",
                    };
                    controls.spawn(widget::button(fonts, mode, Command::ToggleMode));
                    let language = shelf.language.as_deref().unwrap_or("all");
                    controls.spawn(widget::button(
                        fonts,
                        format!("Language: {language} (L)"),
                        Command::CycleLanguage,
                    ));
                    let tag = shelf.tag.as_deref().unwrap_or("all");
                    controls.spawn(widget::button(
                        fonts,
                        format!("Tag: {tag} (T)"),
                        Command::CycleTag,
                    ));
                });
            });
        screen.spawn(widget::text(
            fonts,
            "↑ ↓ choose a call · Enter or click to play · Tab coach/exam · M mute · coach mode shows feedback after each choice, exam mode only in the debrief",
            size::SMALL,
            palette::MUTED,
        ));
        screen
            .spawn((
                Node {
                    flex_grow: 1.0,
                    overflow: Overflow::scroll_y(),
                    align_content: AlignContent::FlexStart,
                    align_items: AlignItems::FlexStart,
                    ..widget::row(space::M)
                },
                WheelScroll,
            ))
            .with_children(|grid| {
                if visible.is_empty() {
                    grid.spawn(widget::text(
                        fonts,
                        if catalog.cards.is_empty() {
                            "Loading the scenario library… (no .ron files found yet)"
                        } else {
                            "No scenario matches the filters."
                        },
                        size::BODY,
                        palette::MUTED,
                    ));
                }
                for (i, card) in visible.iter().enumerate() {
                    spawn_card(grid, fonts, card, i == cursor, &best);
                }
            });
    });
}

fn spawn_card(
    grid: &mut ChildSpawnerCommands,
    fonts: &Fonts,
    card: &Card,
    selected: bool,
    best: &BestScores,
) {
    let broken = card.playable.is_none();
    let border = match (broken, card.is_stale(), selected) {
        (true, _, _) => palette::BAD,
        (_, _, true) => palette::ACCENT,
        (_, true, _) => palette::WARN,
        _ => palette::BORDER,
    };
    let background = if selected {
        palette::PANEL_HOVER
    } else {
        palette::PANEL
    };
    let mut entity = grid.spawn((
        Node {
            width: px(380.0),
            border: UiRect::all(px(if selected { 2.0 } else { 1.0 })),
            ..widget::panel().0
        },
        BackgroundColor(background),
        BorderColor::all(border),
    ));
    if !broken {
        entity.insert((
            Rest(background),
            Action(Command::Play {
                path: card.entry.path.clone(),
                seed: None,
            }),
        ));
    }
    entity.with_children(|c| {
        c.spawn((
            widget::bold(fonts, card.title(), size::HEADING, palette::TEXT),
            Pickable::IGNORE,
        ));
        if let Some(scenario) = card.scenario() {
            if !scenario.summary.is_empty() {
                c.spawn((
                    widget::text(fonts, scenario.summary.clone(), size::SMALL, palette::MUTED),
                    Pickable::IGNORE,
                ));
            }
            c.spawn((widget::row(space::XS), Pickable::IGNORE))
                .with_children(|chips| {
                    chips.spawn(widget::chip(
                        fonts,
                        scenario.language.to_uppercase(),
                        palette::ACCENT,
                    ));
                    chips.spawn(widget::chip(
                        fonts,
                        scenario.difficulty.name(),
                        palette::WARN,
                    ));
                    chips.spawn(widget::chip(
                        fonts,
                        format!("{} min", scenario.minutes),
                        palette::MUTED,
                    ));
                    for tag in &scenario.tags {
                        chips.spawn(widget::chip(fonts, format!("#{tag}"), palette::MUTED));
                    }
                });
            let score = best
                .0
                .get(&scenario.id)
                .map_or("Best score: not played yet".to_owned(), |s| {
                    format!("Best score: {s:.0}%")
                });
            c.spawn((
                widget::text(fonts, score, size::SMALL, palette::MUTED),
                Pickable::IGNORE,
            ));
        }
        if broken {
            c.spawn(widget::bold(
                fonts,
                "Broken — fix the file to play it",
                size::BODY,
                palette::BAD,
            ));
        } else if card.is_stale() {
            c.spawn(widget::bold(
                fonts,
                "The last save has errors — playing the last good version",
                size::SMALL,
                palette::WARN,
            ));
        }
        let errors: Vec<_> = card
            .diagnostics()
            .iter()
            .filter(|d| broken || card.is_stale() || d.is_error())
            .collect();
        for diagnostic in errors.iter().take(4) {
            c.spawn((
                widget::text(fonts, diagnostic.one_line(), size::SMALL, palette::BAD),
                Pickable::IGNORE,
            ));
        }
        if errors.len() > 4 {
            c.spawn(widget::text(
                fonts,
                format!("… and {} more (run `frontline check`)", errors.len() - 4),
                size::SMALL,
                palette::BAD,
            ));
        }
    });
}
