//! The trainer's screen: the team's results from the learning record store when one is
//! configured (the records on this PC otherwise), per trainee and per scenario, with a bar
//! of each scenario's pass rate and where the team goes wrong, decision by decision.
//!
//! The calls are read on a thread of their own ([`crate::centre::gather`]), so a slow store
//! never holds the screen; the view is [`crate::centre::team`], the same as `frontline team`.

use std::thread::JoinHandle;

use bevy::prelude::*;

use super::{Request, Screen};
use crate::app::Assignments;
use crate::app::theme::{Fonts, palette, size, space};
use crate::app::widget::{self, WheelScroll};
use crate::app::{AppSystems, Options};
use crate::centre::{Gathered, Scope, Status, Team, gather, team};
use crate::records::now_ms;

/// How far ↑ and ↓ scroll the screen, in logical pixels.
const SCROLL_STEP: f32 = 48.0;

/// What the trainer's screen shows: the team's view once read, or why it could not be.
#[derive(Resource, Debug, Default)]
pub struct TeamView {
    loading: Option<JoinHandle<Result<Gathered, String>>>,
    /// The view and where its calls came from, or what went wrong.
    pub shown: Option<Result<(Team, String), String>>,
    /// Each assignment's name and how many of its trainees stand where, in the order of
    /// [`Status::ALL`].
    pub completion: Vec<(String, [usize; 4])>,
}

/// The screen's scrolling body.
#[derive(Component)]
struct TeamBody;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeamView>()
        .add_systems(Update, open.in_set(AppSystems::Apply))
        .add_systems(OnEnter(Screen::Trainer), (spawn, read))
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                (receive, draw).chain().in_set(AppSystems::View),
            )
                .run_if(in_state(Screen::Trainer)),
        );
}

/// G on the library opens the screen; Esc goes back.
fn open(
    mut requests: MessageReader<Request>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    for request in requests.read() {
        match (screen.get(), request) {
            (Screen::Library, Request::Team) => next.set(Screen::Trainer),
            (Screen::Trainer, Request::Library) => next.set(Screen::Library),
            _ => {}
        }
    }
}

/// Starts reading the team's calls.
fn read(mut view: ResMut<TeamView>, options: Res<Options>) {
    let dir = crate::paths::records_dir(options.data_dir.as_deref());
    view.shown = None;
    view.loading = Some(std::thread::spawn(move || gather(dir.as_deref())));
}

/// Takes the calls once read, and tells each assignment's completion from them.
fn receive(mut view: ResMut<TeamView>, assignments: Res<Assignments>) {
    if !view.loading.as_ref().is_some_and(JoinHandle::is_finished) {
        return;
    }
    let Some(loading) = view.loading.take() else {
        return;
    };
    view.shown = Some(match loading.join() {
        Ok(Ok(gathered)) => {
            for why in &gathered.left_out {
                warn!("left out of the team's view: {why}");
            }
            let now = now_ms();
            view.completion = assignments
                .all()
                .iter()
                .map(|a| {
                    let mut counts = [0; 4];
                    for trainee in &a.trainees {
                        let status = a.status(trainee, &gathered.attempts, now);
                        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
                            counts[i] += 1;
                        }
                    }
                    (a.assignment.name.clone(), counts)
                })
                .collect();
            Ok((team(&gathered.attempts, &Scope::default()), gathered.from))
        }
        Ok(Err(why)) => Err(why),
        Err(_) => Err("reading the team's calls stopped".to_owned()),
    });
}

fn spawn(mut commands: Commands, fonts: Res<Fonts>) {
    let fonts = fonts.into_inner();
    commands
        .spawn((
            Name::new("Trainer"),
            widget::screen_root(),
            DespawnOnExit(Screen::Trainer),
        ))
        .with_children(|screen| {
            widget::top_bar(screen, fonts, "Team — where it goes wrong", |bar| {
                bar.spawn(widget::button(fonts, "Library (Esc)", Request::Library));
            });
            screen.spawn((
                Node {
                    flex_grow: 1.0,
                    min_height: px(0.0),
                    overflow: Overflow::scroll_y(),
                    ..widget::column(space::M)
                },
                WheelScroll,
                TeamBody,
            ));
        });
}

/// ↑ ↓ scroll, Esc (or L) back to the library.
fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut body: Query<&mut ScrollPosition, With<TeamBody>>,
    mut requests: MessageWriter<Request>,
) {
    if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyL]) {
        requests.write(Request::Library);
    }
    for mut scroll in &mut body {
        if keys.just_pressed(KeyCode::ArrowDown) {
            scroll.0.y += SCROLL_STEP;
        }
        if keys.just_pressed(KeyCode::ArrowUp) {
            scroll.0.y = (scroll.0.y - SCROLL_STEP).max(0.0);
        }
    }
}

/// A percentage as the screen writes it.
fn percent(value: f64) -> String {
    format!("{value:.0}%")
}

/// Draws the view once it is read (and the reading line before).
fn draw(
    mut commands: Commands,
    view: Res<TeamView>,
    body: Single<Entity, With<TeamBody>>,
    fonts: Res<Fonts>,
    mut drawn: Local<bool>,
) {
    if !view.is_changed() && *drawn {
        return;
    }
    *drawn = true;
    let fonts = fonts.into_inner();
    let body = *body;
    commands.entity(body).despawn_related::<Children>();
    commands
        .entity(body)
        .with_children(|body| match &view.shown {
            None => {
                body.spawn(widget::text(
                    fonts,
                    "Reading the team's calls…",
                    size::BODY,
                    palette::MUTED,
                ));
            }
            Some(Err(why)) => {
                body.spawn(widget::text(
                    fonts,
                    format!("The team's calls cannot be read: {why}"),
                    size::BODY,
                    palette::BAD,
                ));
            }
            Some(Ok((team, from))) => {
                draw_team(body, fonts, team, from);
                draw_completion(body, fonts, &view.completion);
            }
        });
}

fn draw_team(body: &mut ChildSpawnerCommands, fonts: &Fonts, team: &Team, from: &str) {
    let calls: usize = team.trainees.iter().map(|t| t.calls).sum();
    body.spawn(widget::text(
        fonts,
        format!(
            "{calls} calls by {} trainees, from {from}. ↑ ↓ scroll · Esc back to the library",
            team.trainees.len()
        ),
        size::SMALL,
        palette::MUTED,
    ));
    body.spawn(widget::panel()).with_children(|panel| {
        panel.spawn(widget::text(
            fonts,
            "TRAINEES — calls, passed, best, last, weakest dimension, trend",
            size::SMALL,
            palette::MUTED,
        ));
        for trainee in &team.trainees {
            let trend = trainee
                .trend
                .map_or(String::new(), |t| format!(" · trend {t:+.0}"));
            panel.spawn(widget::text(
                fonts,
                format!(
                    "{} · {} calls · {} passed · best {} · last {} · weakest: {}{trend}",
                    trainee.trainee,
                    trainee.calls,
                    trainee.passed,
                    percent(trainee.best),
                    percent(trainee.last),
                    trainee.weakest
                ),
                size::BODY,
                palette::TEXT,
            ));
        }
    });
    for scenario in &team.scenarios {
        body.spawn(widget::panel()).with_children(|panel| {
            panel.spawn(widget::bold(
                fonts,
                format!(
                    "{} — {} attempts · passed {} · average {}",
                    scenario.id,
                    scenario.attempts,
                    percent(scenario.pass_rate),
                    percent(scenario.average)
                ),
                size::BODY,
                palette::TEXT,
            ));
            // The pass rate as a bar; its figure is in the line above, never colour alone.
            panel.spawn(widget::bar(
                (scenario.pass_rate / 100.0) as f32,
                palette::GOOD,
                10.0,
                (),
            ));
            if scenario.misses.is_empty() {
                return;
            }
            panel.spawn(widget::text(
                fonts,
                "WHERE THE TEAM GOES WRONG — worst first",
                size::SMALL,
                palette::MUTED,
            ));
            for miss in &scenario.misses {
                let chosen = if miss.most_chosen.is_empty() {
                    "let the timer run out".to_owned()
                } else {
                    format!("“{}”", miss.most_chosen)
                };
                let seconds = miss
                    .seconds
                    .map_or(String::new(), |s| format!(" · {s:.1} s to answer"));
                panel.spawn(widget::text(
                    fonts,
                    format!(
                        "{}: missed {} of {} · most chosen instead: {chosen}{seconds}",
                        miss.node, miss.missed, miss.attempts
                    ),
                    size::BODY,
                    palette::TEXT,
                ));
            }
            for broken in &scenario.broken_rules {
                panel.spawn(widget::text(
                    fonts,
                    format!("rule broken: {} × {}", broken.rule, broken.count),
                    size::SMALL,
                    palette::BAD,
                ));
            }
        });
    }
}

/// How far the team is with each assignment.
fn draw_completion(
    body: &mut ChildSpawnerCommands,
    fonts: &Fonts,
    completion: &[(String, [usize; 4])],
) {
    if completion.is_empty() {
        return;
    }
    body.spawn(widget::panel()).with_children(|panel| {
        panel.spawn(widget::text(
            fonts,
            "ASSIGNMENTS — how many trainees stand where",
            size::SMALL,
            palette::MUTED,
        ));
        for (name, counts) in completion {
            let counted: Vec<String> = Status::ALL
                .iter()
                .zip(counts)
                .map(|(status, n)| format!("{n} {}", status.name()))
                .collect();
            panel.spawn(widget::text(
                fonts,
                format!("{name}: {}", counted.join(" · ")),
                size::BODY,
                palette::TEXT,
            ));
        }
    });
}
