//! The call screen: the phone rings, the customer speaks, the trainee chooses.
//!
//! The call's flow (stages, the pace of the lines, the timer, the cursor) is a
//! [`CallFlow`]; this screen only turns keys and frames into calls on it, and its
//! state into UI and sound: the transcript as far as it is spoken, the mood bars
//! from `session.mood()`, the offers, the timer bar.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use rand::RngExt;

use super::debrief::Debrief;
use super::library::Trainee;
use super::{CallFinished, Request, Screen, digit};
use crate::app::access::{Choices, DecisionTimer, Dialog, Field};
use crate::app::audio::{Heard, Sound};
use crate::app::catalog::Catalog;
use crate::app::own_words::{OwnWords, Replying, Understanding};
use crate::app::scale::ctrl_held;
use crate::app::theme::{Look, size, space};
use crate::app::voice::speak;
use crate::app::widget::{self, WheelScroll};
use crate::app::{Animating, AppSystems, Options, Wake};
use crate::engine::{CallFlow, Entry, Offer, Session, Stage};
use crate::matcher::{Reply, Showing};
use crate::scenario::{Cue, Feeling};
use crate::words::{Words, fill, match_percent};

/// The seeds drawn for a fresh call: short, so a trainer can read one off the
/// screen and replay the variant with `frontline play --seed N`.
const FRESH_SEEDS: std::ops::RangeInclusive<u64> = 1..=99_999;

/// The call on screen (and, once it is over, the last one played), with the scenario file
/// and the record it belongs to.
#[derive(Resource, Debug)]
pub struct CurrentCall {
    flow: CallFlow,
    path: PathBuf,
    hash: String,
    /// The call's uid in the records, given as it starts.
    uid: String,
    /// The reply being typed, in an own-words call.
    own: Option<OwnWords>,
}

impl CurrentCall {
    /// The call's flow: stage, lines shown, timer, cursor.
    pub fn flow(&self) -> &CallFlow {
        &self.flow
    }

    /// The session being played.
    pub fn session(&self) -> &Session {
        self.flow.session()
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

    /// The reply being typed, in an own-words call.
    pub fn own_words(&self) -> Option<&OwnWords> {
        self.own.as_ref()
    }

    /// Whether the trainee is typing the answer to a decision of the call (not the wrap-up,
    /// whose codes are picked as in the call centre's own forms).
    pub(crate) fn is_typing(&self) -> bool {
        self.own.is_some() && self.flow.stage() == Stage::Choosing
    }

    /// The screen's fixed words, in the scenario's language.
    pub fn words(&self) -> &'static Words {
        Words::of(&self.session().scenario().language)
    }

    /// Asks the speakers for the cues of the lines that just appeared.
    fn play(&self, cues: Vec<Cue>, sound: &mut MessageWriter<Sound>) {
        for cue in cues {
            sound.write(Sound::Cue {
                cue,
                scenario: self.path.clone(),
            });
        }
    }

    /// The call as it ends, for the records.
    fn finished(&self, trainee: &Trainee) -> CallFinished {
        CallFinished {
            trainee: trainee.name.clone(),
            path: self.path.clone(),
            hash: self.hash.clone(),
            uid: self.uid.clone(),
            session: self.session().clone(),
        }
    }
}

#[derive(Component)]
struct Transcript;
#[derive(Component)]
struct ChoiceList;
#[derive(Component)]
struct TimerFill;

/// The seconds left, in words, beside the timer.
#[derive(Component)]
struct TimerText;
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
                .run_if(in_state(Screen::Call).and_then(resource_exists::<CurrentCall>)),
        );
}

/// Starts a call: from a card, or again from the debrief (retry, replay, next).
#[allow(clippy::too_many_arguments)]
fn start(
    mut requests: MessageReader<Request>,
    catalog: Res<Catalog>,
    trainee: Res<Trainee>,
    debrief: Option<Res<Debrief>>,
    understanding: Res<Understanding>,
    mut options: ResMut<Options>,
    mut next: ResMut<NextState<Screen>>,
    mut sound: MessageWriter<Sound>,
    mut commands: Commands,
) {
    for request in requests.read() {
        let (path, seed) = match (request, &debrief) {
            (Request::Play { path, seed }, _) => (path.clone(), *seed),
            (Request::Retry, Some(d)) => (d.path.clone(), None),
            (Request::Replay, Some(d)) => (d.path.clone(), Some(d.session.seed())),
            (Request::Next, Some(d)) => match catalog.next_after(&d.path) {
                Some(card) => (card.entry.path.clone(), None),
                None => continue,
            },
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
        let own = match trainee.replying {
            Replying::OwnWords => understanding.matcher().cloned().map(OwnWords::new),
            Replying::Pick => None,
        };
        commands.insert_resource(CurrentCall {
            flow: CallFlow::ringing(Session::new(prepared, seed, trainee.mode)),
            path,
            hash,
            uid: crate::records::new_uid(),
            own,
        });
        sound.write(Sound::Ring);
        next.set(Screen::Call);
    }
}

/// The keys of each stage of the call.
fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut typed: MessageReader<KeyboardInput>,
    mut call: ResMut<CurrentCall>,
    mut requests: MessageWriter<Request>,
) {
    if call.is_typing() {
        // Ctrl with a key resizes the screen (crate::app::scale): it types nothing.
        if !ctrl_held(&keys) {
            typing(typed.read(), &mut call, &mut requests);
        }
        typed.clear();
        return;
    }
    typed.clear();
    let enter = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    let stage = call.flow.stage();
    match stage {
        Stage::Ringing => {
            if enter || keys.any_just_pressed([KeyCode::Space, KeyCode::KeyA]) {
                requests.write(Request::Answer);
            } else if keys.just_pressed(KeyCode::Escape) {
                requests.write(Request::Leave);
            }
        }
        Stage::Confirming => {
            // Y for yes, S for sì.
            if enter || keys.any_just_pressed([KeyCode::KeyY, KeyCode::KeyS]) {
                requests.write(Request::Leave);
            } else if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyN]) {
                requests.write(Request::Stay);
            }
        }
        Stage::Left => {}
        Stage::Speaking | Stage::Choosing | Stage::WrapUp(_) | Stage::Ended => {
            if keys.just_pressed(KeyCode::ArrowDown) {
                call.flow.cursor_down();
            }
            if keys.just_pressed(KeyCode::ArrowUp) {
                call.flow.cursor_up();
            }
            let said = enter || keys.just_pressed(KeyCode::Space);
            if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyH]) {
                requests.write(Request::HangUp);
            } else if stage == Stage::Speaking {
                if said {
                    requests.write(Request::Skip);
                }
            } else if stage == Stage::Ended {
                if said {
                    requests.write(Request::ToDebrief);
                }
            } else if let Some(n) = digit(&keys) {
                requests.write(Request::Pick(n));
            } else if enter {
                requests.write(Request::Pick(call.flow.cursor() + 1));
            }
        }
    }
}

/// The keys of a reply typed in the trainee's own words: every character goes into the
/// reply, except that the digits pick when answers are on show to pick from.
fn typing<'a>(
    inputs: impl Iterator<Item = &'a KeyboardInput>,
    call: &mut CurrentCall,
    requests: &mut MessageWriter<Request>,
) {
    let Some(own) = &mut call.own else {
        return;
    };
    let showing = own.reply.showing();
    let on_show = own.reply.on_show(call.flow.session().offers().len()).len();
    for input in inputs.filter(|input| input.state.is_pressed()) {
        match &input.logical_key {
            Key::Escape => requests.write(Request::HangUp),
            Key::Enter if showing == Showing::Typing => requests.write(Request::Send),
            Key::Enter => requests.write(Request::Take(own.reply.cursor() + 1)),
            Key::Tab => requests.write(Request::Reveal),
            Key::Backspace => requests.write(Request::Erase),
            Key::ArrowDown | Key::ArrowUp => {
                own.reply
                    .move_cursor(input.logical_key == Key::ArrowDown, on_show);
                continue;
            }
            Key::Space => requests.write(Request::Type(" ".to_owned())),
            Key::Character(text) => {
                let picking = matches!(showing, Showing::Closest | Showing::All);
                match text.parse::<usize>() {
                    Ok(n) if picking && (1..=on_show).contains(&n) => {
                        requests.write(Request::Take(n))
                    }
                    _ => requests.write(Request::Type(text.to_string())),
                }
            }
            _ => continue,
        };
    }
}

/// Applies the trainee's requests to the call.
fn apply(
    mut requests: MessageReader<Request>,
    mut call: ResMut<CurrentCall>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
    mut sound: MessageWriter<Sound>,
    mut finished: MessageWriter<CallFinished>,
    mut commands: Commands,
) {
    for request in requests.read() {
        match request {
            Request::Answer if call.flow.pick_up() => {
                sound.write(Sound::Quiet);
                sound.write(Sound::Ambience);
            }
            Request::Skip => {
                sound.write(Sound::Hush);
                let cues = call.flow.skip();
                call.play(cues, &mut sound);
            }
            Request::Pick(n) => {
                call.flow.pick(*n);
            }
            Request::Type(text) => {
                let call = &mut *call;
                if let Some(own) = &mut call.own
                    && own.reply.push(text)
                {
                    call.flow.rephrase();
                }
            }
            Request::Erase => {
                let call = &mut *call;
                if let Some(own) = &mut call.own
                    && own.reply.erase()
                {
                    call.flow.rephrase();
                }
            }
            Request::Send => {
                let call = &mut *call;
                if let Some(own) = &mut call.own
                    && call.flow.stage() == Stage::Choosing
                    && own.send(&call.flow)
                {
                    call.flow.send();
                }
            }
            Request::Reveal => {
                if let Some(own) = &mut call.own {
                    own.reply.reveal();
                }
            }
            Request::Take(n) => {
                let call = &mut *call;
                if let Some(own) = &mut call.own {
                    own.take(*n, &mut call.flow);
                }
            }
            Request::HangUp => {
                call.flow.hang_up();
            }
            Request::Stay => call.flow.stay(),
            Request::Leave if call.flow.leave() => {
                sound.write(Sound::Quiet);
                finished.write(call.finished(&trainee));
                next.set(Screen::Library);
            }
            Request::ToDebrief if call.flow.stage() == Stage::Ended => {
                sound.write(Sound::Quiet);
                finished.write(call.finished(&trainee));
                commands.insert_resource(Debrief::new(
                    call.session().clone(),
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
    mut call: ResMut<CurrentCall>,
    time: Res<Time<Real>>,
    pace: Res<Pace>,
    mut animating: ResMut<Animating>,
    mut wake: ResMut<Wake>,
    mut sound: MessageWriter<Sound>,
    heard: Option<ResMut<Heard>>,
) {
    if let Some(length) = heard.and_then(|mut heard| heard.0.take()) {
        call.flow.hold(length);
    }
    let from = call.flow.shown();
    let cues = call.flow.elapse(time.delta(), pace.0);
    call.play(cues, &mut sound);
    speak(
        call.session(),
        &call.path,
        from,
        call.flow.shown(),
        &mut sound,
    );
    let call = &mut *call;
    if let Some(own) = &mut call.own {
        own.follow(&call.flow);
    }
    // Frames while the timer drains or the offers come up, one when a line appears; in
    // between (a line being heard) the window sleeps until the call's next change.
    match call.flow.next_change() {
        Some(after) if after <= NEXT_FRAME => animating.0 = true,
        Some(after) => wake.within(after),
        None => {}
    }
    if call.flow.shown() != from {
        animating.0 = true;
    }
}

/// A change due within this is drawn on the next frame, not slept for.
const NEXT_FRAME: Duration = Duration::from_millis(20);

fn spawn(mut commands: Commands, call: Res<CurrentCall>, look: Res<Look>) {
    let look = look.into_inner();
    let scenario = call.session().scenario();
    let mood = call.session().mood();
    let words = call.words();
    commands
        .spawn((
            Name::new("Call"),
            widget::screen_root(),
            DespawnOnExit(Screen::Call),
        ))
        .with_children(|screen| {
            widget::top_bar(screen, look, scenario.title.clone(), |bar| {
                bar.spawn(widget::row(space::M)).with_children(|right| {
                    right.spawn(widget::text(
                        look,
                        format!(
                            "{} · {}",
                            words.mode(call.session().mode()),
                            words.seed_and_case(call.session().seed(), call.session().variant())
                        ),
                        size::SMALL,
                        look.palette.muted,
                    ));
                    right.spawn(widget::button(look, words.hang_up, Request::HangUp));
                });
            });
            screen
                // The customer beside the call; below it when the window is narrow (large text).
                .spawn((
                    Node {
                        flex_grow: 1.0,
                        min_height: px(0.0),
                        align_items: AlignItems::Stretch,
                        flex_wrap: FlexWrap::NoWrap,
                        ..widget::row(space::L)
                    },
                    widget::Reflow::Row,
                ))
                .with_children(|body| {
                    body.spawn((
                        Node {
                            width: px(SIDE_WIDTH),
                            flex_shrink: 0.0,
                            min_height: px(0.0),
                            overflow: Overflow::scroll_y(),
                            ..widget::column(space::M)
                        },
                        WheelScroll,
                        widget::Reflow::Side(SIDE_WIDTH),
                    ))
                    .with_children(|side| {
                        side.spawn(widget::panel(look)).with_children(|customer| {
                            customer.spawn(widget::text(
                                look,
                                words.customer_heading,
                                size::SMALL,
                                look.palette.muted,
                            ));
                            customer.spawn(widget::bold(
                                look,
                                scenario.customer.name.clone(),
                                size::HEADING,
                                look.palette.text,
                            ));
                            customer.spawn(widget::text(
                                look,
                                scenario.customer.persona.clone(),
                                size::SMALL,
                                look.palette.muted,
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
                                            look,
                                            words.feeling(feeling),
                                            size::SMALL,
                                            look.palette.text
                                        )],
                                    ));
                                    row.spawn(Node {
                                        flex_grow: 1.0,
                                        ..default()
                                    })
                                    .with_child(widget::bar(
                                        look,
                                        f32::from(level) / 100.0,
                                        look.palette.feeling(feeling),
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
                                                look,
                                                level.to_string(),
                                                size::SMALL,
                                                look.palette.muted
                                            ),
                                            MoodValue(feeling),
                                        )],
                                    ));
                                });
                            }
                        });
                        side.spawn(widget::panel(look)).with_children(|account| {
                            account.spawn(widget::text(
                                look,
                                words.account_heading,
                                size::SMALL,
                                look.palette.muted,
                            ));
                            for (label, value) in &scenario.account {
                                account.spawn(widget::column(0.0)).with_children(|fact| {
                                    fact.spawn(widget::text(
                                        look,
                                        label.clone(),
                                        size::SMALL,
                                        look.palette.muted,
                                    ));
                                    fact.spawn(widget::text(
                                        look,
                                        value.clone(),
                                        size::BODY,
                                        look.palette.text,
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
                            widget::panel_with(look, |panel| Node {
                                flex_grow: 1.0,
                                min_height: px(widget::LIST_MIN_HEIGHT),
                                overflow: Overflow::scroll_y(),
                                ..panel
                            }),
                            Transcript,
                            WheelScroll,
                        ));
                        // The timer: a draining bar and, in words, the seconds left.
                        main.spawn(widget::row(space::S)).with_children(|timer| {
                            timer
                                .spawn(Node {
                                    flex_grow: 1.0,
                                    ..default()
                                })
                                .with_child(widget::bar(
                                    look,
                                    1.0,
                                    look.palette.warn,
                                    8.0,
                                    (TimerFill, DecisionTimer),
                                ));
                            timer.spawn((
                                widget::text(look, "", size::SMALL, look.palette.warn),
                                TimerText,
                            ));
                        });
                        main.spawn((widget::panel(look), ChoiceList, Choices));
                    });
                });
        });
}

/// The width of the customer's column beside the call.
const SIDE_WIDTH: f32 = 340.0;

/// One transcript entry as a line of text with its colour, in the words of the call's language.
fn entry_line(look: &Look, entry: &Entry, customer: &str, words: &Words) -> (String, Color) {
    match entry {
        Entry::Customer { text, cue } => {
            let cue = cue.as_ref().map(|c| format!(" [{c}]")).unwrap_or_default();
            (format!("{customer}:{cue} {text}"), look.palette.text)
        }
        Entry::Agent { text, action, .. } => {
            let who = if *action { words.you_act } else { words.you };
            let colon = if *action { "" } else { ":" };
            (format!("{who}{colon} {text}"), look.palette.accent)
        }
        Entry::Silence { seconds } => (
            fill(words.silence, &[("seconds", seconds)]),
            look.palette.warn,
        ),
        Entry::Feedback { text, points } => {
            let total = points.empathy + points.accuracy + points.resolution;
            let color = if total > 0 {
                look.palette.good
            } else if total < 0 {
                look.palette.bad
            } else {
                look.palette.muted
            };
            (
                format!("    {}: {text} ({})", words.coach, words.points(points)),
                color,
            )
        }
        Entry::RuleBroken { text, .. } => (
            format!("    {}: {text}", words.rule_broken),
            look.palette.bad,
        ),
        Entry::HungUp => (
            fill(words.hung_up, &[("customer", &customer)]),
            look.palette.bad,
        ),
        Entry::End { outcome, text, .. } => {
            let said = if text.is_empty() {
                String::new()
            } else {
                format!("{customer}: {text}  ")
            };
            let ended = fill(words.call_ended, &[("outcome", &words.outcome(*outcome))]);
            (format!("{said}— {ended}"), look.palette.muted)
        }
        Entry::WrapUp { ask, answer } => (
            format!("{} · {ask}: {answer}", words.wrap_up),
            look.palette.accent,
        ),
        Entry::Abandoned => (words.you_left.to_owned(), look.palette.bad),
    }
}

fn draw_transcript(
    mut commands: Commands,
    call: Res<CurrentCall>,
    list: Single<(Entity, &mut ScrollPosition), With<Transcript>>,
    lines: Query<&Line>,
    look: Res<Look>,
) {
    let drawn = lines.iter().count();
    if drawn >= call.flow.shown() {
        return;
    }
    let (list, mut scroll) = list.into_inner();
    let customer = &call.session().scenario().customer.name;
    for (i, entry) in call
        .session()
        .transcript()
        .iter()
        .enumerate()
        .take(call.flow.shown())
        .skip(drawn)
    {
        let (text, color) = entry_line(&look, entry, customer, call.words());
        let px = match entry {
            Entry::Feedback { .. } | Entry::RuleBroken { .. } => size::SMALL,
            _ => size::BODY,
        };
        commands
            .entity(list)
            .with_child((widget::text(&look, text, px, color), Line(i)));
    }
    // Keep the newest line in view; layout clamps this to the end.
    scroll.0.y = f32::MAX / 4.0;
}

fn draw_mood(
    call: Res<CurrentCall>,
    time: Res<Time<Real>>,
    mut fills: Query<(&mut Node, &MoodFill)>,
    mut values: Query<(&mut Text, &MoodValue)>,
    mut animating: ResMut<Animating>,
) {
    // The mood shown is the one after the last decision on screen.
    let mood = call.session().mood();
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
    call: Res<CurrentCall>,
    list: Single<Entity, With<ChoiceList>>,
    look: Res<Look>,
    mut last: Local<Option<ChoicesDrawn>>,
) {
    let stage = call.flow.stage();
    let reply = call
        .own
        .as_ref()
        .filter(|_| call.is_typing())
        .map(|own| &own.reply);
    let key = (
        call.session().decisions().len(),
        stage,
        call.flow.cursor(),
        reply.map(|r| (r.draft().to_owned(), r.showing(), r.cursor())),
    );
    if last.as_ref() == Some(&key) {
        return;
    }
    *last = Some(key);
    let look = look.into_inner();
    let words = call.words();
    let list = *list;
    commands.entity(list).despawn_related::<Children>();
    commands.entity(list).with_children(|panel| {
        let heading = match stage {
            Stage::Choosing => words.your_answer.to_owned(),
            Stage::WrapUp(_) => format!(
                "{} — {}",
                words.wrap_up.to_uppercase(),
                call.session().prompt()
            ),
            // Behind the ringing phone or the confirm too.
            Stage::Speaking | Stage::Ringing | Stage::Confirming | Stage::Left => {
                panel.spawn(widget::text(
                    look,
                    words.speaking,
                    size::SMALL,
                    look.palette.muted,
                ));
                return;
            }
            Stage::Ended => {
                panel.spawn(widget::button_colored(
                    look,
                    words.call_over,
                    Request::ToDebrief,
                    look.palette.primary,
                ));
                return;
            }
        };
        if let Some(reply) = reply {
            draw_reply(panel, look, words, reply, &call.session().offers());
            return;
        }
        panel.spawn(widget::text(look, heading, size::SMALL, look.palette.muted));
        for (i, offer) in call.session().offers().into_iter().enumerate() {
            let selected = i == call.flow.cursor();
            spawn_answer(
                panel,
                look,
                offer_label(&offer, offer.number, None),
                Request::Pick(offer.number),
                selected,
            );
        }
    });
}

/// What the offers panel was last drawn for: the decision, the stage, the cursor, and the
/// typed reply (its words, what is on show, its cursor).
type ChoicesDrawn = (usize, Stage, usize, Option<(String, Showing, usize)>);

/// An answer as its button reads: the key, ▶ for an action, the text, and how close the
/// trainee's words came to it.
fn offer_label(offer: &Offer, key: usize, score: Option<f32>) -> String {
    let action = if offer.action { "▶ " } else { "" };
    let score = score.map_or(String::new(), |s| format!("   ({})", match_percent(s)));
    format!("{key}  {action}{}{score}", offer.text)
}

/// An answer's button in the offers panel, framed when under the cursor.
fn spawn_answer(
    panel: &mut ChildSpawnerCommands,
    look: &Look,
    label: String,
    request: Request,
    selected: bool,
) {
    let background = if selected {
        look.palette.panel_hover
    } else {
        look.palette.panel
    };
    let mut answer = panel.spawn(widget::button_colored(look, label, request, background));
    if selected {
        answer.insert(widget::KeepInView);
    }
    answer.insert((
        Node {
            justify_content: JustifyContent::FlexStart,
            padding: UiRect::axes(px(space::M), px(space::S)),
            border: UiRect::all(px(if selected { 2.0 } else { 1.0 })),
            border_radius: BorderRadius::all(px(6.0)),
            ..default()
        },
        BorderColor::all(if selected {
            look.palette.focus
        } else {
            look.palette.border
        }),
    ));
}

/// The reply box of an own-words decision: the words typed, then what was understood, the
/// closest answers, or every answer.
fn draw_reply(
    panel: &mut ChildSpawnerCommands,
    look: &Look,
    words: &Words,
    reply: &Reply,
    offers: &[Offer],
) {
    let showing = reply.showing();
    panel.spawn(widget::text(
        look,
        words.your_reply,
        size::SMALL,
        look.palette.muted,
    ));
    let caret = if showing == Showing::Typing {
        "▏"
    } else {
        ""
    };
    panel.spawn((
        widget::text(
            look,
            format!("“{}{caret}”", reply.draft()),
            size::BODY,
            look.palette.text,
        ),
        Field(reply.draft().to_owned()),
    ));
    let heading = match showing {
        Showing::Typing => return,
        Showing::Understood => words.understood_as,
        Showing::Closest => words.not_sure,
        Showing::All => words.every_answer,
    };
    panel.spawn(widget::text(look, heading, size::SMALL, look.palette.muted));
    for (k, (index, score)) in reply.on_show(offers.len()).into_iter().enumerate() {
        let Some(offer) = offers.get(index) else {
            continue;
        };
        spawn_answer(
            panel,
            look,
            offer_label(offer, k + 1, score),
            Request::Take(k + 1),
            k == reply.cursor(),
        );
    }
}

/// The seconds left to answer, in the call's words (`12 s left`), while a timer runs.
pub(crate) fn seconds_said(call: &CurrentCall) -> Option<String> {
    let seconds = call.flow.seconds_left()?.ceil();
    Some(fill(call.words().seconds_left, &[("seconds", &seconds)]))
}

fn draw_timer(
    call: Res<CurrentCall>,
    look: Res<Look>,
    mut fill: Single<(&mut Node, &mut BackgroundColor), With<TimerFill>>,
    mut said: Single<&mut Text, With<TimerText>>,
) {
    let seconds = seconds_said(&call).unwrap_or_default();
    if said.0 != seconds {
        said.0 = seconds;
    }
    let left = call.flow.time_left().unwrap_or(0.0);
    let width = Val::Percent(left * 100.0);
    if fill.0.width != width {
        fill.0.width = width;
        fill.1.0 = if left < 0.25 {
            look.palette.bad
        } else {
            look.palette.warn
        };
    }
}

fn draw_overlay(
    mut commands: Commands,
    call: Res<CurrentCall>,
    overlays: Query<Entity, With<Overlay>>,
    look: Res<Look>,
    mut last: Local<Option<Stage>>,
) {
    // Only the ringing phone and the confirm have an overlay.
    let stage = Some(call.flow.stage()).filter(|s| matches!(s, Stage::Ringing | Stage::Confirming));
    if *last == stage && !call.is_added() {
        return;
    }
    *last = stage;
    for overlay in &overlays {
        commands.entity(overlay).despawn();
    }
    let look = look.into_inner();
    let customer = call.session().scenario().customer.name.clone();
    let words = call.words();
    let (title, body, buttons) = match stage {
        Some(Stage::Ringing) => (
            words.incoming.to_owned(),
            fill(words.is_calling, &[("customer", &customer)]),
            [
                (words.answer, Request::Answer),
                (words.back_to_library, Request::Leave),
            ],
        ),
        Some(Stage::Confirming) => (
            words.leave_title.to_owned(),
            words.leave_body.to_owned(),
            [(words.leave, Request::Leave), (words.stay, Request::Stay)],
        ),
        _ => return,
    };
    commands
        .spawn((
            Overlay,
            Dialog,
            DespawnOnExit(Screen::Call),
            Node {
                position_type: PositionType::Absolute,
                width: percent(100.0),
                height: percent(100.0),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(look.palette.scrim),
            GlobalZIndex(10),
        ))
        .with_children(|scrim| {
            scrim
                .spawn((
                    Node {
                        padding: UiRect::all(px(space::L)),
                        row_gap: px(space::M),
                        align_items: AlignItems::Center,
                        ..widget::panel(look).0
                    },
                    BackgroundColor(look.palette.panel),
                    BorderColor::all(look.palette.accent),
                ))
                .with_children(|dialog| {
                    dialog.spawn(widget::bold(look, title, size::TITLE, look.palette.text));
                    dialog.spawn(widget::text(look, body, size::BODY, look.palette.muted));
                    dialog.spawn(widget::row(space::M)).with_children(|row| {
                        for (i, (label, request)) in buttons.into_iter().enumerate() {
                            let background = if i == 0 {
                                look.palette.primary
                            } else {
                                look.palette.panel
                            };
                            row.spawn(widget::button_colored(look, label, request, background));
                        }
                    });
                });
        });
}
