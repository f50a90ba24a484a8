//! The call screen: the phone rings, the customer speaks, the trainee chooses.
//!
//! The screen drives a [`Session`] and shows what it says: the transcript is
//! revealed entry by entry as if spoken, the mood bars follow `session.mood()`,
//! the choices are `session.offers()`, the timer is `session.time_limit()`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use rand::RngExt;

use super::debrief::Debrief;
use super::library::Trainee;
use super::{CallFinished, Command, Screen, digit};
use crate::app::audio::Sound;
use crate::app::catalog::Catalog;
use crate::app::theme::{Fonts, palette, size, space};
use crate::app::widget::{self, WheelScroll};
use crate::app::{Animating, AppSystems, Options};
use crate::engine::{Answer, Entry, Phase, Session};
use crate::scenario::{BuiltinCue, Cue, Feeling};
use crate::words::{Words, fill};

/// The seeds drawn for a fresh call: short, so a trainer can read one off the
/// screen and replay the variant with `frontline play --seed N`.
const FRESH_SEEDS: std::ops::RangeInclusive<u64> = 1..=99_999;

/// Where the call stands, around the session's own phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The phone rings; nothing said yet.
    Ringing,
    /// On the line (or in the wrap-up).
    Talking,
    /// Asking whether to abandon the call.
    Confirming,
}

/// The call being played.
#[derive(Resource, Debug)]
pub struct Call {
    session: Session,
    path: PathBuf,
    hash: String,
    /// The call's uid in the records, given as it starts.
    uid: String,
    stage: Stage,
    /// Transcript entries on screen; the rest are still to be "spoken".
    shown: usize,
    /// Seconds before the next entry appears.
    until_next: f32,
    /// The keyboard cursor over the offers.
    cursor: usize,
    /// The running time limit of the decision on screen.
    timer: Option<Timer>,
    /// When the offers appeared, for the decision's time.
    offered_at: Option<Duration>,
}

impl Call {
    /// The session being played.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The scenario file played.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SHA-256 of the scenario file played.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The call's uid in the records.
    pub fn uid(&self) -> &str {
        &self.uid
    }

    /// Ringing, talking or confirming.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// How many transcript entries are on screen.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// Whether every entry is on screen, so the trainee can answer.
    pub fn is_ready(&self) -> bool {
        self.stage == Stage::Talking && self.shown >= self.session.transcript().len()
    }

    /// Fraction of the decision's time left, when a timer runs.
    pub fn time_left(&self) -> Option<f32> {
        self.timer.as_ref().map(|t| 1.0 - t.fraction())
    }

    /// The screen's fixed words, in the scenario's language.
    pub fn words(&self) -> &'static Words {
        Words::of(&self.session.prepared().scenario().language)
    }
}

/// How long an entry takes to appear: customer lines as if spoken, the rest at once.
fn delay(entry: &Entry) -> f32 {
    match entry {
        Entry::Customer { text, .. } => (0.6 + text.chars().count() as f32 * 0.018).min(3.0),
        Entry::End { .. } | Entry::HungUp => 0.8,
        Entry::Feedback { .. } | Entry::RuleBroken { .. } => 0.3,
        _ => 0.0,
    }
}

#[derive(Component)]
struct Transcript;
#[derive(Component)]
struct ChoiceList;
#[derive(Component)]
struct TimerFill;
#[derive(Component)]
struct Overlay;
#[derive(Component)]
struct MoodFill(Feeling);
#[derive(Component)]
struct MoodValue(Feeling);
/// A line of the transcript on screen, by its index in the transcript.
#[derive(Component)]
pub struct Line(pub usize);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Sound>()
        .init_resource::<Pace>()
        .add_systems(Update, start.in_set(AppSystems::Apply))
        .add_systems(OnEnter(Screen::Call), spawn)
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                (apply, tick).chain().in_set(AppSystems::Apply).after(start),
                (
                    draw_transcript,
                    draw_mood,
                    draw_choices,
                    draw_timer,
                    draw_overlay,
                )
                    .in_set(AppSystems::View),
            )
                .run_if(in_state(Screen::Call).and_then(resource_exists::<Call>)),
        );
}

/// Starts a call: from a card, or again from the debrief (retry, replay, next).
#[allow(clippy::too_many_arguments)]
fn start(
    mut commands: MessageReader<Command>,
    catalog: Res<Catalog>,
    trainee: Res<Trainee>,
    debrief: Option<Res<Debrief>>,
    mut options: ResMut<Options>,
    mut next: ResMut<NextState<Screen>>,
    mut sound: MessageWriter<Sound>,
    mut world: Commands,
) {
    for command in commands.read() {
        let (path, seed) = match (command, &debrief) {
            (Command::Play { path, seed }, _) => (path.clone(), *seed),
            (Command::Retry, Some(d)) => (d.path.clone(), None),
            (Command::Replay, Some(d)) => (d.path.clone(), Some(d.session.seed())),
            (Command::Next, Some(d)) => {
                let playable: Vec<_> = catalog
                    .cards
                    .iter()
                    .filter(|c| c.playable.is_some())
                    .collect();
                let here = playable.iter().position(|c| c.entry.path == d.path);
                let after = here.map_or(0, |i| (i + 1) % playable.len().max(1));
                match playable.get(after) {
                    Some(card) => (card.entry.path.clone(), None),
                    None => continue,
                }
            }
            _ => continue,
        };
        let from_library = catalog
            .card(&path)
            .and_then(|card| Some((card.playable.clone()?, card.entry.hash.clone())));
        let (prepared, hash) = match (from_library, &debrief) {
            (Some(found), _) => found,
            // A past call reopened from a file outside the library: retry and replay play
            // the scenario it was reopened with.
            (None, Some(d)) if d.path == path => (Arc::clone(d.session.prepared()), d.hash.clone()),
            (None, _) => continue,
        };
        let seed = seed
            .or_else(|| options.seed.take())
            .unwrap_or_else(|| rand::rng().random_range(FRESH_SEEDS));
        world.insert_resource(Call {
            session: Session::new(prepared, seed, trainee.mode),
            path,
            hash,
            uid: crate::records::new_uid(),
            stage: Stage::Ringing,
            shown: 0,
            until_next: 0.0,
            cursor: 0,
            timer: None,
            offered_at: None,
        });
        sound.write(Sound::Ring);
        next.set(Screen::Call);
    }
}

fn keys(keys: Res<ButtonInput<KeyCode>>, call: Res<Call>, mut commands: MessageWriter<Command>) {
    let enter = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    match call.stage {
        Stage::Ringing => {
            if enter || keys.any_just_pressed([KeyCode::Space, KeyCode::KeyA]) {
                commands.write(Command::Answer);
            } else if keys.just_pressed(KeyCode::Escape) {
                commands.write(Command::Leave);
            }
        }
        Stage::Confirming => {
            // Y for yes, S for sì.
            if enter || keys.any_just_pressed([KeyCode::KeyY, KeyCode::KeyS]) {
                commands.write(Command::Leave);
            } else if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyN]) {
                commands.write(Command::Stay);
            }
        }
        Stage::Talking => {
            if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyH]) {
                commands.write(Command::HangUp);
            } else if !call.is_ready() {
                if enter || keys.just_pressed(KeyCode::Space) {
                    commands.write(Command::Skip);
                }
            } else if call.session.phase() == Phase::Ended {
                if enter || keys.just_pressed(KeyCode::Space) {
                    commands.write(Command::ToDebrief);
                }
            } else if let Some(n) = digit(&keys) {
                commands.write(Command::Pick(n));
            } else if enter {
                commands.write(Command::Pick(call.cursor + 1));
            }
        }
    }
}

/// Applies the trainee's commands to the call.
#[allow(clippy::too_many_arguments)]
fn apply(
    mut commands: MessageReader<Command>,
    keys: Res<ButtonInput<KeyCode>>,
    mut call: ResMut<Call>,
    time: Res<Time<Real>>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
    mut sound: MessageWriter<Sound>,
    mut finished: MessageWriter<CallFinished>,
    mut world: Commands,
) {
    let offers = call.session.offers().len();
    if call.is_ready() && offers > 0 {
        if keys.just_pressed(KeyCode::ArrowDown) {
            call.cursor = (call.cursor + 1).min(offers - 1);
        }
        if keys.just_pressed(KeyCode::ArrowUp) {
            call.cursor = call.cursor.saturating_sub(1);
        }
    }
    for command in commands.read() {
        match (command, call.stage) {
            (Command::Answer, Stage::Ringing) => {
                call.stage = Stage::Talking;
                sound.write(Sound::Quiet);
                sound.write(Sound::Ambience);
            }
            (Command::Skip, Stage::Talking) => {
                let from = call.shown;
                call.shown = call.session.transcript().len();
                cues(&call, from, &mut sound);
            }
            (Command::Pick(n), Stage::Talking) if call.is_ready() && *n <= offers => {
                let elapsed = call
                    .offered_at
                    .map(|at| (time.elapsed() - at).as_millis() as u64);
                answer(&mut call, Answer::Pick(*n), elapsed);
            }
            (Command::HangUp, Stage::Talking) => call.stage = Stage::Confirming,
            (Command::Stay, Stage::Confirming) => call.stage = Stage::Talking,
            (Command::Leave, Stage::Confirming | Stage::Ringing) => {
                call.session.abandon();
                sound.write(Sound::Quiet);
                finished.write(finish(&call, &trainee));
                next.set(Screen::Library);
            }
            (Command::ToDebrief, Stage::Talking) if call.session.phase() == Phase::Ended => {
                sound.write(Sound::Quiet);
                finished.write(finish(&call, &trainee));
                world.insert_resource(Debrief::new(
                    call.session.clone(),
                    call.path.clone(),
                    call.hash.clone(),
                    call.uid.clone(),
                ));
                next.set(Screen::Debrief);
            }
            _ => {}
        }
    }
}

fn finish(call: &Call, trainee: &Trainee) -> CallFinished {
    CallFinished {
        trainee: trainee.name.clone(),
        path: call.path.clone(),
        hash: call.hash.clone(),
        uid: call.uid.clone(),
        session: call.session.clone(),
    }
}

fn answer(call: &mut Call, answer: Answer, elapsed_ms: Option<u64>) {
    if call.session.answer_timed(answer, elapsed_ms).is_ok() {
        call.cursor = 0;
        call.timer = None;
        call.offered_at = None;
        call.until_next = 0.0;
    }
}

/// Plays the cues of the entries from `from` to what is shown now.
fn cues(call: &Call, from: usize, sound: &mut MessageWriter<Sound>) {
    for entry in call.session.transcript().iter().take(call.shown).skip(from) {
        let cue = match entry {
            Entry::Customer { cue, .. } | Entry::Agent { cue, .. } | Entry::End { cue, .. } => {
                cue.clone()
            }
            Entry::HungUp => Some(Cue::Builtin(BuiltinCue::HangUp)),
            _ => None,
        };
        if let Some(cue) = cue {
            sound.write(Sound::Cue {
                cue,
                scenario: call.path.clone(),
            });
        }
    }
}

/// How fast the call's clock runs against the wall clock: 1 for a trainee; the
/// demo hurries through the timers it lets run out.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Pace(pub f32);

impl Default for Pace {
    fn default() -> Pace {
        Pace(1.0)
    }
}

/// Time passing: lines appear as spoken, the decision's timer drains.
fn tick(
    mut call: ResMut<Call>,
    time: Res<Time<Real>>,
    pace: Res<Pace>,
    mut animating: ResMut<Animating>,
    mut sound: MessageWriter<Sound>,
) {
    if call.stage == Stage::Ringing {
        return;
    }
    let total = call.session.transcript().len();
    if call.shown < total {
        animating.0 = true;
        if call.stage == Stage::Talking {
            call.until_next -= time.delta_secs();
            if call.until_next <= 0.0 {
                let from = call.shown;
                call.shown += 1;
                cues(&call, from, &mut sound);
                call.until_next = call.session.transcript().get(call.shown).map_or(0.0, delay);
            }
        }
        return;
    }
    if call.offered_at.is_none() && call.session.phase() != Phase::Ended {
        call.offered_at = Some(time.elapsed());
        call.timer = call
            .session
            .time_limit()
            .map(|s| Timer::new(Duration::from_secs(u64::from(s)), TimerMode::Once));
    }
    // The timer stops while the trainee is asked whether to leave.
    if call.stage != Stage::Talking {
        return;
    }
    let delta = time.delta().mul_f32(pace.0.max(0.0));
    let expired = match call.timer.as_mut() {
        Some(timer) => {
            animating.0 = true;
            timer.tick(delta).is_finished()
        }
        None => false,
    };
    if expired {
        // A silence lasts the whole limit, however the clock ran (or paused for the confirm).
        let limit = call.timer.as_ref().map(|t| t.duration().as_millis() as u64);
        answer(&mut call, Answer::Silence, limit);
    }
}

fn spawn(mut commands: Commands, call: Res<Call>, fonts: Res<Fonts>) {
    let fonts = fonts.into_inner();
    let scenario = call.session.prepared().scenario();
    let mood = call.session.mood();
    let words = call.words();
    commands
        .spawn((
            Name::new("Call"),
            widget::screen_root(),
            DespawnOnExit(Screen::Call),
        ))
        .with_children(|screen| {
            widget::top_bar(screen, fonts, scenario.title.clone(), |bar| {
                bar.spawn(widget::row(space::M)).with_children(|right| {
                    right.spawn(widget::text(
                        fonts,
                        format!(
                            "{} · {}",
                            words.mode(call.session.mode()),
                            fill(words.seed, &[("seed", &call.session.seed())])
                        ),
                        size::SMALL,
                        palette::MUTED,
                    ));
                    right.spawn(widget::button(fonts, words.hang_up, Command::HangUp));
                });
            });
            screen
                .spawn(Node {
                    flex_grow: 1.0,
                    min_height: px(0.0),
                    align_items: AlignItems::Stretch,
                    flex_wrap: FlexWrap::NoWrap,
                    ..widget::row(space::L)
                })
                .with_children(|body| {
                    body.spawn((
                        Node {
                            width: px(340.0),
                            flex_shrink: 0.0,
                            min_height: px(0.0),
                            overflow: Overflow::scroll_y(),
                            ..widget::column(space::M)
                        },
                        WheelScroll,
                    ))
                    .with_children(|side| {
                        side.spawn(widget::panel()).with_children(|customer| {
                            customer.spawn(widget::text(
                                fonts,
                                words.customer_heading,
                                size::SMALL,
                                palette::MUTED,
                            ));
                            customer.spawn(widget::bold(
                                fonts,
                                scenario.customer.name.clone(),
                                size::HEADING,
                                palette::TEXT,
                            ));
                            customer.spawn(widget::text(
                                fonts,
                                scenario.customer.persona.clone(),
                                size::SMALL,
                                palette::MUTED,
                            ));
                            for feeling in Feeling::ALL {
                                let level = mood.get(feeling);
                                customer.spawn(widget::row(space::S)).with_children(|row| {
                                    row.spawn((
                                        Node {
                                            width: px(72.0),
                                            ..default()
                                        },
                                        children![widget::text(
                                            fonts,
                                            words.feeling(feeling),
                                            size::SMALL,
                                            palette::TEXT
                                        )],
                                    ));
                                    row.spawn(Node {
                                        flex_grow: 1.0,
                                        ..default()
                                    })
                                    .with_child(widget::bar(
                                        f32::from(level) / 100.0,
                                        palette::feeling(feeling),
                                        10.0,
                                        MoodFill(feeling),
                                    ));
                                    row.spawn((
                                        Node {
                                            width: px(30.0),
                                            ..default()
                                        },
                                        children![(
                                            widget::text(
                                                fonts,
                                                level.to_string(),
                                                size::SMALL,
                                                palette::MUTED
                                            ),
                                            MoodValue(feeling),
                                        )],
                                    ));
                                });
                            }
                        });
                        side.spawn(widget::panel()).with_children(|account| {
                            account.spawn(widget::text(
                                fonts,
                                words.account_heading,
                                size::SMALL,
                                palette::MUTED,
                            ));
                            for (label, value) in &scenario.account {
                                account.spawn(widget::column(0.0)).with_children(|fact| {
                                    fact.spawn(widget::text(
                                        fonts,
                                        label.clone(),
                                        size::SMALL,
                                        palette::MUTED,
                                    ));
                                    fact.spawn(widget::text(
                                        fonts,
                                        value.clone(),
                                        size::BODY,
                                        palette::TEXT,
                                    ));
                                });
                            }
                        });
                    });
                    body.spawn(Node {
                        flex_grow: 1.0,
                        min_width: px(0.0),
                        ..widget::column(space::M)
                    })
                    .with_children(|main| {
                        main.spawn((
                            widget::panel_with(|panel| Node {
                                flex_grow: 1.0,
                                min_height: px(0.0),
                                overflow: Overflow::scroll_y(),
                                ..panel
                            }),
                            Transcript,
                            WheelScroll,
                        ));
                        main.spawn(widget::bar(1.0, palette::WARN, 8.0, TimerFill));
                        main.spawn((widget::panel(), ChoiceList));
                    });
                });
        });
}

/// One transcript entry as a line of text with its colour, in the words of the call's language.
fn entry_line(entry: &Entry, customer: &str, words: &Words) -> (String, Color) {
    match entry {
        Entry::Customer { text, cue } => {
            let cue = cue.as_ref().map(|c| format!(" [{c}]")).unwrap_or_default();
            (format!("{customer}:{cue} {text}"), palette::TEXT)
        }
        Entry::Agent { text, action, .. } => {
            let who = if *action { words.you_act } else { words.you };
            let colon = if *action { "" } else { ":" };
            (format!("{who}{colon} {text}"), palette::ACCENT)
        }
        Entry::Silence { seconds } => (fill(words.silence, &[("seconds", seconds)]), palette::WARN),
        Entry::Feedback { text, points } => {
            let total = points.empathy + points.accuracy + points.resolution;
            let color = if total > 0 {
                palette::GOOD
            } else if total < 0 {
                palette::BAD
            } else {
                palette::MUTED
            };
            (
                format!("    {}: {text} ({})", words.coach, words.points(points)),
                color,
            )
        }
        Entry::RuleBroken { text, .. } => {
            (format!("    {}: {text}", words.rule_broken), palette::BAD)
        }
        Entry::HungUp => (
            fill(words.hung_up, &[("customer", &customer)]),
            palette::BAD,
        ),
        Entry::End { outcome, text, .. } => {
            let said = if text.is_empty() {
                String::new()
            } else {
                format!("{customer}: {text}  ")
            };
            let ended = fill(words.call_ended, &[("outcome", &words.outcome(*outcome))]);
            (format!("{said}— {ended}"), palette::MUTED)
        }
        Entry::WrapUp { ask, answer } => (
            format!("{} · {ask}: {answer}", words.wrap_up),
            palette::ACCENT,
        ),
        Entry::Abandoned => (words.you_left.to_owned(), palette::BAD),
    }
}

fn draw_transcript(
    mut commands: Commands,
    call: Res<Call>,
    list: Single<(Entity, &mut ScrollPosition), With<Transcript>>,
    lines: Query<&Line>,
    fonts: Res<Fonts>,
) {
    let drawn = lines.iter().count();
    if drawn >= call.shown {
        return;
    }
    let (list, mut scroll) = list.into_inner();
    let customer = &call.session.prepared().scenario().customer.name;
    for (i, entry) in call
        .session
        .transcript()
        .iter()
        .enumerate()
        .take(call.shown)
        .skip(drawn)
    {
        let (text, color) = entry_line(entry, customer, call.words());
        let px = match entry {
            Entry::Feedback { .. } | Entry::RuleBroken { .. } => size::SMALL,
            _ => size::BODY,
        };
        commands
            .entity(list)
            .with_child((widget::text(&fonts, text, px, color), Line(i)));
    }
    // Keep the newest line in view; layout clamps this to the end.
    scroll.0.y = f32::MAX / 4.0;
}

fn draw_mood(
    call: Res<Call>,
    time: Res<Time<Real>>,
    mut fills: Query<(&mut Node, &MoodFill)>,
    mut values: Query<(&mut Text, &MoodValue)>,
    mut animating: ResMut<Animating>,
) {
    // The mood shown is the one after the last decision on screen.
    let mood = call.session.mood();
    for (mut node, fill) in &mut fills {
        let target = f32::from(mood.get(fill.0));
        let Val::Percent(now) = node.width else {
            continue;
        };
        let step = (target - now) * (time.delta_secs() * 6.0).min(1.0);
        let next = if (target - now).abs() < 0.5 {
            target
        } else {
            animating.0 = true;
            now + step
        };
        if next != now {
            node.width = Val::Percent(next);
        }
    }
    for (mut text, value) in &mut values {
        let level = mood.get(value.0).to_string();
        if text.0 != level {
            text.0 = level;
        }
    }
}

/// The offers on screen: rebuilt when the decision, the cursor or readiness changes.
fn draw_choices(
    mut commands: Commands,
    call: Res<Call>,
    list: Single<Entity, With<ChoiceList>>,
    fonts: Res<Fonts>,
    mut last: Local<Option<(usize, Phase, bool, usize)>>,
) {
    let key = (
        call.session.decisions().len(),
        call.session.phase(),
        call.is_ready(),
        call.cursor,
    );
    if *last == Some(key) {
        return;
    }
    *last = Some(key);
    let fonts = fonts.into_inner();
    let words = call.words();
    let list = *list;
    commands.entity(list).despawn_related::<Children>();
    commands.entity(list).with_children(|panel| {
        if !call.is_ready() {
            panel.spawn(widget::text(
                fonts,
                words.speaking,
                size::SMALL,
                palette::MUTED,
            ));
            return;
        }
        let heading = match call.session.phase() {
            Phase::Choosing => words.your_answer.to_owned(),
            Phase::WrapUp(_) => format!(
                "{} — {}",
                words.wrap_up.to_uppercase(),
                call.session.prompt()
            ),
            Phase::Ended => {
                panel.spawn(widget::button_colored(
                    fonts,
                    words.call_over,
                    Command::ToDebrief,
                    palette::ACCENT,
                ));
                return;
            }
        };
        panel.spawn(widget::text(fonts, heading, size::SMALL, palette::MUTED));
        for (i, offer) in call.session.offers().into_iter().enumerate() {
            let selected = i == call.cursor;
            let background = if selected {
                palette::PANEL_HOVER
            } else {
                palette::PANEL
            };
            let label = if offer.action {
                format!("{}  ▶ {}", offer.number, offer.text)
            } else {
                format!("{}  {}", offer.number, offer.text)
            };
            panel
                .spawn(widget::button_colored(
                    fonts,
                    label,
                    Command::Pick(offer.number),
                    background,
                ))
                .insert((
                    Node {
                        justify_content: JustifyContent::FlexStart,
                        padding: UiRect::axes(px(space::M), px(space::S)),
                        border: UiRect::all(px(if selected { 2.0 } else { 1.0 })),
                        border_radius: BorderRadius::all(px(6.0)),
                        ..default()
                    },
                    BorderColor::all(if selected {
                        palette::ACCENT
                    } else {
                        palette::BORDER
                    }),
                ));
        }
    });
}

fn draw_timer(
    call: Res<Call>,
    mut fill: Single<(&mut Node, &mut BackgroundColor), With<TimerFill>>,
) {
    let left = call.time_left().unwrap_or(0.0);
    let width = Val::Percent(left * 100.0);
    if fill.0.width != width {
        fill.0.width = width;
        fill.1.0 = if left < 0.25 {
            palette::BAD
        } else {
            palette::WARN
        };
    }
}

fn draw_overlay(
    mut commands: Commands,
    call: Res<Call>,
    overlays: Query<Entity, With<Overlay>>,
    fonts: Res<Fonts>,
    mut last: Local<Option<Stage>>,
) {
    if *last == Some(call.stage) && !call.is_added() {
        return;
    }
    *last = Some(call.stage);
    for overlay in &overlays {
        commands.entity(overlay).despawn();
    }
    let fonts = fonts.into_inner();
    let customer = call.session.prepared().scenario().customer.name.clone();
    let words = call.words();
    let (title, body, buttons) = match call.stage {
        Stage::Talking => return,
        Stage::Ringing => (
            words.incoming.to_owned(),
            fill(words.is_calling, &[("customer", &customer)]),
            [
                (words.answer, Command::Answer),
                (words.back_to_library, Command::Leave),
            ],
        ),
        Stage::Confirming => (
            words.leave_title.to_owned(),
            words.leave_body.to_owned(),
            [(words.leave, Command::Leave), (words.stay, Command::Stay)],
        ),
    };
    commands
        .spawn((
            Overlay,
            DespawnOnExit(Screen::Call),
            Node {
                position_type: PositionType::Absolute,
                width: percent(100.0),
                height: percent(100.0),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(palette::SCRIM),
            GlobalZIndex(10),
        ))
        .with_children(|scrim| {
            scrim
                .spawn((
                    Node {
                        padding: UiRect::all(px(space::L)),
                        row_gap: px(space::M),
                        align_items: AlignItems::Center,
                        ..widget::panel().0
                    },
                    BackgroundColor(palette::PANEL),
                    BorderColor::all(palette::ACCENT),
                ))
                .with_children(|dialog| {
                    dialog.spawn(widget::bold(fonts, title, size::TITLE, palette::TEXT));
                    dialog.spawn(widget::text(fonts, body, size::BODY, palette::MUTED));
                    dialog.spawn(widget::row(space::M)).with_children(|row| {
                        for (i, (label, command)) in buttons.into_iter().enumerate() {
                            let background = if i == 0 {
                                palette::ACCENT
                            } else {
                                palette::PANEL
                            };
                            row.spawn(widget::button_colored(fonts, label, command, background));
                        }
                    });
                });
        });
}
