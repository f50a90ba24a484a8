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
use crate::app::theme::{Look, size, space};
use crate::app::widget::{self, WheelScroll};
use crate::app::{AppSystems, Options};
use crate::centre::{Gathered, Origin, Scope, Status, Team, gather, team};
use crate::records::now_ms;
use crate::words::fill;

/// How far ↑ and ↓ scroll the screen, in logical pixels.
const SCROLL_STEP: f32 = 48.0;

/// What the trainer's screen shows: the team's view once read, or why it could not be.
#[derive(Resource, Debug, Default)]
pub struct TeamView {
    loading: Option<JoinHandle<Result<Gathered, String>>>,
    /// The view and where its calls came from, or what went wrong.
    pub shown: Option<Result<(Team, Origin), String>>,
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
fn receive(mut view: ResMut<TeamView>, assignments: Res<Assignments>, look: Res<Look>) {
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
        Err(_) => Err(look.words.interface.team_read_stopped.to_owned()),
    });
}

fn spawn(mut commands: Commands, look: Res<Look>) {
    let look = look.into_inner();
    commands
        .spawn((
            Name::new("Trainer"),
            widget::screen_root(),
            DespawnOnExit(Screen::Trainer),
        ))
        .with_children(|screen| {
            widget::top_bar(screen, look, look.words.interface.team_title, |bar| {
                bar.spawn(widget::button(look, look.words.library, Request::Library));
            });
            screen.spawn((
                Node {
                    flex_grow: 1.0,
                    min_height: px(widget::LIST_MIN_HEIGHT),
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

/// Draws the view once it is read (and the reading line before).
fn draw(
    mut commands: Commands,
    view: Res<TeamView>,
    body: Single<Entity, With<TeamBody>>,
    look: Res<Look>,
    mut drawn: Local<bool>,
) {
    if !view.is_changed() && !look.is_changed() && *drawn {
        return;
    }
    *drawn = true;
    let look = look.into_inner();
    let body = *body;
    commands.entity(body).despawn_related::<Children>();
    commands
        .entity(body)
        .with_children(|body| match &view.shown {
            None => {
                body.spawn(widget::text(
                    look,
                    look.words.interface.reading_team,
                    size::BODY,
                    look.palette.muted,
                ));
            }
            Some(Err(why)) => {
                body.spawn(widget::text(
                    look,
                    fill(look.words.interface.team_unreadable, &[("why", why)]),
                    size::BODY,
                    look.palette.bad,
                ));
            }
            Some(Ok((team, from))) => {
                draw_team(body, look, team, from);
                draw_completion(body, look, &view.completion);
            }
        });
}

fn draw_team(body: &mut ChildSpawnerCommands, look: &Look, team: &Team, from: &Origin) {
    let (words, ui) = (look.words, &look.words.interface);
    let percent = |value: f64| words.percent(value);
    let calls: usize = team.trainees.iter().map(|t| t.calls).sum();
    body.spawn(widget::text(
        look,
        fill(
            ui.team_summary,
            &[
                ("calls", &calls),
                ("trainees", &team.trainees.len()),
                ("from", &from.in_words(words)),
            ],
        ),
        size::SMALL,
        look.palette.muted,
    ));
    body.spawn(widget::panel(look)).with_children(|panel| {
        panel.spawn(widget::text(
            look,
            ui.trainees_heading,
            size::SMALL,
            look.palette.muted,
        ));
        for trainee in &team.trainees {
            let trend = trainee.trend.map_or(String::new(), |t| {
                fill(ui.trend, &[("trend", &format!("{t:+.0}"))])
            });
            let weakest = words.dimension(trainee.weakest);
            panel.spawn(widget::text(
                look,
                fill(
                    ui.trainee_line,
                    &[
                        ("trainee", &trainee.trainee),
                        ("calls", &trainee.calls),
                        ("passed", &trainee.passed),
                        ("best", &percent(trainee.best)),
                        ("last", &percent(trainee.last)),
                        ("weakest", &weakest),
                        ("trend", &trend),
                    ],
                ),
                size::BODY,
                look.palette.text,
            ));
        }
    });
    for scenario in &team.scenarios {
        body.spawn(widget::panel(look)).with_children(|panel| {
            panel.spawn(widget::bold(
                look,
                fill(
                    ui.scenario_line,
                    &[
                        ("scenario", &scenario.id),
                        ("attempts", &scenario.attempts),
                        ("pass_rate", &percent(scenario.pass_rate)),
                        ("average", &percent(scenario.average)),
                    ],
                ),
                size::BODY,
                look.palette.text,
            ));
            // The pass rate as a bar; its figure is in the line above, never colour alone.
            panel.spawn(widget::bar(
                look,
                (scenario.pass_rate / 100.0) as f32,
                look.palette.good,
                10.0,
                (),
            ));
            if scenario.misses.is_empty() {
                return;
            }
            panel.spawn(widget::text(
                look,
                ui.misses_heading,
                size::SMALL,
                look.palette.muted,
            ));
            for miss in &scenario.misses {
                let chosen = if miss.most_chosen.is_empty() {
                    ui.let_timer_run_out.to_owned()
                } else {
                    format!("“{}”", miss.most_chosen)
                };
                let seconds = miss.seconds.map_or(String::new(), |s| {
                    fill(ui.seconds_to_answer, &[("seconds", &words.tenths(s))])
                });
                panel.spawn(widget::text(
                    look,
                    fill(
                        ui.miss_line,
                        &[
                            ("node", &miss.node),
                            ("missed", &miss.missed),
                            ("attempts", &miss.attempts),
                            ("chosen", &chosen),
                            ("seconds", &seconds),
                        ],
                    ),
                    size::BODY,
                    look.palette.text,
                ));
            }
            for broken in &scenario.broken_rules {
                panel.spawn(widget::text(
                    look,
                    fill(
                        ui.rule_count,
                        &[("rule", &broken.rule), ("count", &broken.count)],
                    ),
                    size::SMALL,
                    look.palette.bad,
                ));
            }
        });
    }
}

/// How far the team is with each assignment.
fn draw_completion(
    body: &mut ChildSpawnerCommands,
    look: &Look,
    completion: &[(String, [usize; 4])],
) {
    if completion.is_empty() {
        return;
    }
    body.spawn(widget::panel(look)).with_children(|panel| {
        panel.spawn(widget::text(
            look,
            look.words.interface.assignments_heading,
            size::SMALL,
            look.palette.muted,
        ));
        for (name, counts) in completion {
            let counted: Vec<String> = Status::ALL
                .iter()
                .zip(counts)
                .map(|(status, n)| format!("{n} {}", look.words.status(*status)))
                .collect();
            panel.spawn(widget::text(
                look,
                format!("{name}: {}", counted.join(" · ")),
                size::BODY,
                look.palette.text,
            ));
        }
    });
}
