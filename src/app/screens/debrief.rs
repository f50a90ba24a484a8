//! The debrief: outcome, scores, pass or fail, every decision against the expert's, the mood over the call.

use std::path::PathBuf;

use bevy::prelude::*;

use super::{Request, Screen};
use crate::app::AppSystems;
use crate::app::theme::{Look, size, space};
use crate::app::widget::{self, WheelScroll};
use crate::engine::{CallResult, Mode, Scores, Session, Strategy, autoplay};
use crate::scenario::{Dimension, Feeling, Mood};
use crate::words::{Words, capitalised, fill};

/// A finished call, as the debrief shows it (and as the call records can store it).
#[derive(Resource, Debug, Clone)]
pub struct Debrief {
    /// The finished session.
    pub session: Session,
    /// The scenario file.
    pub path: PathBuf,
    /// The SHA-256 of the scenario file as played, for the records of a retry or a replay.
    pub hash: String,
    /// The call's uid in the records: what Export writes.
    pub uid: String,
    /// Where Esc goes: the library, or the progress screen for a past call reopened.
    pub back: Screen,
}

impl Debrief {
    /// The debrief of a finished (or abandoned) session.
    pub fn new(session: Session, path: PathBuf, hash: String, uid: String) -> Debrief {
        Debrief {
            session,
            path,
            hash,
            uid,
            back: Screen::Library,
        }
    }

    /// Outcome, scores and pass or fail.
    pub fn result(&self) -> CallResult {
        self.session.score()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), spawn)
        .add_systems(
            Update,
            keys.in_set(AppSystems::Input)
                .run_if(in_state(Screen::Debrief)),
        );
    app.add_systems(
        Update,
        back.in_set(AppSystems::Apply)
            .run_if(in_state(Screen::Debrief)),
    );
}

fn keys(keys: Res<ButtonInput<KeyCode>>, mut requests: MessageWriter<Request>) {
    for (key, request) in [
        (KeyCode::KeyR, Request::Retry),
        (KeyCode::KeyV, Request::Replay),
        (KeyCode::KeyN, Request::Next),
        (KeyCode::KeyE, Request::Export),
        (KeyCode::Escape, Request::Library),
        (KeyCode::KeyL, Request::Library),
    ] {
        if keys.just_pressed(key) {
            requests.write(request);
        }
    }
}

fn back(
    mut requests: MessageReader<Request>,
    debrief: Res<Debrief>,
    mut next: ResMut<NextState<Screen>>,
) {
    if requests.read().any(|c| *c == Request::Library) {
        next.set(debrief.back);
    }
}

/// The three dimensions and the overall score, each with its name in the call's language.
fn named(words: &Words, scores: &Scores) -> [(&'static str, f64); 4] {
    [
        (words.dimension(Dimension::Empathy), scores.empathy),
        (words.dimension(Dimension::Accuracy), scores.accuracy),
        (words.dimension(Dimension::Resolution), scores.resolution),
        (words.overall, scores.overall),
    ]
}

fn spawn(mut commands: Commands, debrief: Res<Debrief>, look: Res<Look>) {
    let look = look.into_inner();
    let session = &debrief.session;
    let scenario = session.scenario();
    let result = debrief.result();
    let words = Words::of(&scenario.language);
    commands
        .spawn((
            Name::new("Debrief"),
            widget::screen_root(),
            DespawnOnExit(Screen::Debrief),
        ))
        .with_children(|screen| {
            widget::top_bar(
                screen,
                look,
                fill(words.debrief_title, &[("title", &scenario.title)]),
                |bar| {
                    let verdict = result.verdict();
                    bar.spawn(widget::bold(
                        look,
                        words.verdict(verdict),
                        size::TITLE,
                        look.palette.verdict(verdict),
                    ));
                },
            );
            screen.spawn(widget::text(
                look,
                fill(
                    words.summary,
                    &[
                        ("outcome", &words.outcome(result.outcome)),
                        ("overall", &words.score(result.scores.overall)),
                        ("pass_mark", &result.pass_mark),
                        ("mode", &words.mode(session.mode())),
                        (
                            "seed",
                            &words.seed_and_case(session.seed(), session.variant()),
                        ),
                    ],
                ),
                size::BODY,
                look.palette.muted,
            ));
            screen.spawn(widget::row(space::L)).with_children(|top| {
                top.spawn(widget::panel_with(look, |panel| Node {
                    width: px(360.0),
                    ..panel
                }))
                .with_children(|scores| {
                    scores.spawn(widget::text(
                        look,
                        words.scores_heading,
                        size::SMALL,
                        look.palette.muted,
                    ));
                    for (name, value) in named(words, &result.scores) {
                        scores.spawn(widget::row(space::S)).with_children(|row| {
                            row.spawn((
                                Node {
                                    width: px(112.0),
                                    ..default()
                                },
                                children![widget::text(
                                    look,
                                    capitalised(name),
                                    size::BODY,
                                    look.palette.text
                                )],
                            ));
                            row.spawn(Node {
                                flex_grow: 1.0,
                                ..default()
                            })
                            .with_child(widget::bar(
                                look,
                                value as f32 / 100.0,
                                if value >= f64::from(result.pass_mark) {
                                    look.palette.good
                                } else {
                                    look.palette.warn
                                },
                                12.0,
                                (),
                            ));
                            row.spawn((
                                Node {
                                    width: px(52.0),
                                    ..default()
                                },
                                children![widget::bold(
                                    look,
                                    words.score(value),
                                    size::BODY,
                                    look.palette.text
                                )],
                            ));
                        });
                    }
                    // The best call of this variant scores below 100% where the best of
                    // one dimension costs another: the trainee sees what "best" was.
                    let expert = autoplay(
                        session.prepared(),
                        session.seed(),
                        Mode::Exam,
                        Strategy::Expert,
                    )
                    .score()
                    .scores;
                    let listed = named(words, &expert)
                        .map(|(name, value)| format!("{name} {}", words.score(value)))
                        .join(" · ");
                    scores.spawn(widget::text(
                        look,
                        fill(words.expert_scores, &[("scores", &listed)]),
                        size::SMALL,
                        look.palette.muted,
                    ));
                    if result.broken.is_empty() {
                        scores.spawn(widget::text(
                            look,
                            words.no_rule_broken,
                            size::SMALL,
                            look.palette.good,
                        ));
                    }
                    for rule in &result.broken {
                        scores.spawn(widget::text(
                            look,
                            fill(
                                words.rule_broken_at,
                                &[("step", &rule.step), ("rule", &rule.text)],
                            ),
                            size::SMALL,
                            look.palette.bad,
                        ));
                    }
                });
                top.spawn(widget::panel_with(look, |panel| Node {
                    flex_grow: 1.0,
                    ..panel
                }))
                .with_children(|chart| {
                    chart.spawn(widget::text(
                        look,
                        words.mood_heading,
                        size::SMALL,
                        look.palette.muted,
                    ));
                    mood_chart(chart, look, words, session.moods());
                });
            });
            screen
                .spawn((
                    widget::panel_with(look, |panel| Node {
                        flex_grow: 1.0,
                        min_height: px(widget::LIST_MIN_HEIGHT),
                        overflow: Overflow::scroll_y(),
                        ..panel
                    }),
                    WheelScroll,
                ))
                .with_children(|timeline| {
                    timeline.spawn(widget::text(
                        look,
                        words.timeline,
                        size::SMALL,
                        look.palette.muted,
                    ));
                    for decision in session.decisions() {
                        timeline.spawn(widget::column(2.0)).with_children(|step| {
                            let what = if decision.wrap_up {
                                words.wrap_up
                            } else {
                                words.customer
                            };
                            step.spawn(widget::text(
                                look,
                                format!("{}. {what}: {}", decision.step, decision.prompt),
                                size::SMALL,
                                look.palette.muted,
                            ));
                            // Typed words first, then the answer they were taken as.
                            let who = match &decision.typed {
                                Some(typed) => {
                                    step.spawn(widget::text(
                                        look,
                                        format!("{}: “{}”", words.you_said, typed.words),
                                        size::BODY,
                                        look.palette.text,
                                    ));
                                    format!("→ {}", words.typed(typed))
                                }
                                None => words.you.to_owned(),
                            };
                            let mut answer = format!(
                                "{who}: {}  ({})",
                                words.answer(&decision.text),
                                words.points(&decision.points)
                            );
                            if let Some(ms) = decision.elapsed_ms {
                                answer.push_str(&format!(" · {:.1} s", ms as f64 / 1000.0));
                            }
                            step.spawn(widget::text(look, answer, size::BODY, look.palette.accent));
                            if !decision.feedback.is_empty() {
                                step.spawn(widget::text(
                                    look,
                                    format!("{}: {}", words.feedback, decision.feedback),
                                    size::SMALL,
                                    look.palette.text,
                                ));
                            }
                            if let Some(expert) = &decision.expert {
                                step.spawn(widget::text(
                                    look,
                                    format!("{}: {}", words.expert, words.answer(expert)),
                                    size::SMALL,
                                    look.palette.good,
                                ));
                            }
                            for rule in &decision.broke {
                                step.spawn(widget::text(
                                    look,
                                    fill(words.broke_rule, &[("rule", rule)]),
                                    size::SMALL,
                                    look.palette.bad,
                                ));
                            }
                        });
                    }
                    if session.is_abandoned() {
                        timeline.spawn(widget::text(
                            look,
                            words.left_early,
                            size::SMALL,
                            look.palette.bad,
                        ));
                    }
                });
            screen
                .spawn(widget::row(space::M))
                .with_children(|buttons| {
                    buttons.spawn(widget::button_colored(
                        look,
                        words.retry,
                        Request::Retry,
                        look.palette.primary,
                    ));
                    buttons.spawn(widget::button(look, words.replay, Request::Replay));
                    buttons.spawn(widget::button(look, words.next, Request::Next));
                    buttons.spawn(widget::button(look, words.export, Request::Export));
                    let back = match debrief.back {
                        Screen::Progress => words.progress,
                        _ => words.library,
                    };
                    buttons.spawn(widget::button(look, back, Request::Library));
                });
        });
}

/// The mood over the call as groups of four bars, one group per moment.
fn mood_chart(parent: &mut ChildSpawnerCommands, look: &Look, words: &Words, moods: &[Mood]) {
    parent
        .spawn(Node {
            height: px(150.0),
            align_items: AlignItems::FlexEnd,
            column_gap: px(space::M),
            border: UiRect::bottom(px(1.0)),
            ..default()
        })
        .insert(BorderColor::all(look.palette.border))
        .with_children(|chart| {
            for mood in moods {
                chart
                    .spawn(Node {
                        height: percent(100.0),
                        align_items: AlignItems::FlexEnd,
                        column_gap: px(2.0),
                        ..default()
                    })
                    .with_children(|group| {
                        for feeling in Feeling::ALL {
                            group.spawn((
                                Node {
                                    width: px(7.0),
                                    height: percent(f32::from(mood.get(feeling)).max(1.0)),
                                    ..default()
                                },
                                BackgroundColor(look.palette.feeling(feeling)),
                            ));
                        }
                    });
            }
        });
    parent.spawn(widget::row(space::S)).with_children(|legend| {
        legend.spawn(widget::text(
            look,
            format!("{}   ", words.start_to_end),
            size::SMALL,
            look.palette.muted,
        ));
        for feeling in Feeling::ALL {
            legend.spawn(widget::chip(
                look,
                words.feeling(feeling),
                look.palette.feeling(feeling),
            ));
        }
    });
}
