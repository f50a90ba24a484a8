//! What a screen reader is told (AccessKit, through `bevy_a11y`): every screen as a tree of
//! roles, names and states, built from the components the screens already have.
//!
//! A clickable widget ([`Action`]) is a button, or an option of a list the keyboard cursor
//! moves through ([`Choices`]): selected when the keyboard is on it ([`KeepInView`]), and then it
//! holds the focus, so the screen reader follows the arrow keys. Its name is the words it
//! shows; every other text is a label, and what is not shown is hidden. A new line of the
//! customer or of the coach in the transcript, and the notice over the screens, are polite
//! live regions, read out as they appear; the decision's timer says its seconds, and turns
//! assertive in the last ones. Each screen says its language (the interface's, or the call's).
//! A screen reader's click does what the mouse's does. Nothing here is worded: every name is
//! text the screen shows.
//!
//! Without a screen reader running, Bevy sends none of it to the system; on Linux it needs
//! Bevy's `accesskit_unix` feature (AT-SPI), which the app does not build with yet.

use accesskit::{Live, Node as Described, Role};
use bevy::a11y::{AccessibilityNode, ActionRequest};
use bevy::ecs::entity::EntityHashSet;
use bevy::ecs::system::SystemParam;
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;

use super::screens::call::{CurrentCall, Line, seconds_said};
use super::screens::debrief::Debrief;
use super::screens::{Request, Screen};
use super::theme::Look;
use super::widget::{Action, KeepInView, MoreBelow, WheelScroll, scroll_range};
use crate::engine::Entry;

/// A list the keyboard cursor moves through (the cards, the answers, the past calls): its
/// clickable children are its options.
#[derive(Component)]
pub struct Choices;

/// A text the trainee types into, with the words typed so far (the text on screen adds a
/// caret and quotes). The text before it in its panel is its name; it has the focus unless
/// options to pick from are on show.
#[derive(Component)]
pub struct Field(pub String);

/// A dialog over the screen (the ringing phone, the confirm before leaving): its first text
/// is its name, and its first button takes the focus.
#[derive(Component)]
pub struct Dialog;

/// A text that tells what just happened (the notice over the screens): read out as it
/// changes.
#[derive(Component)]
pub struct Status;

/// The decision's timer bar: read out as the seconds left.
#[derive(Component)]
pub struct DecisionTimer;

/// From this many seconds left, the timer interrupts the screen reader with each second.
pub const RUNNING_OUT: f32 = 5.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InputFocus>()
        .add_message::<ActionRequest>()
        .add_systems(Update, click.in_set(super::AppSystems::Input))
        .add_systems(
            PostUpdate,
            (describe, hide, count_down, scrolled, focus)
                .chain()
                .before(bevy::ui::UiSystems::PostLayout)
                .before(bevy::a11y::AccessibilitySystems::Update),
        );
}

/// A screen reader's click on a widget: the widget's request, as the mouse sends it.
fn click(
    mut asked: MessageReader<ActionRequest>,
    actions: Query<&Action>,
    mut requests: MessageWriter<Request>,
) {
    for asked in asked.read() {
        if asked.action != accesskit::Action::Click {
            continue;
        }
        if let Some(action) =
            Entity::try_from_bits(asked.target_node.0).and_then(|entity| actions.get(entity).ok())
        {
            requests.write(action.0.clone());
        }
    }
}

/// What a node of the tree is made from: the entity, its place and its components.
#[derive(SystemParam)]
struct Parts<'w, 's> {
    parents: Query<'w, 's, &'static ChildOf>,
    children: Query<'w, 's, &'static Children>,
    texts: Query<'w, 's, &'static Text>,
    actions: Query<'w, 's, (), With<Action>>,
    choices: Query<'w, 's, (), With<Choices>>,
    selected: Query<'w, 's, (), With<KeepInView>>,
    fields: Query<'w, 's, &'static Field>,
    dialogs: Query<'w, 's, (), With<Dialog>>,
    timers: Query<'w, 's, (), With<DecisionTimer>>,
    scrolls: Query<'w, 's, (), With<WheelScroll>>,
    signs: Query<'w, 's, (), With<MoreBelow>>,
    lines: Query<'w, 's, &'static Line>,
    statuses: Query<'w, 's, (), With<Status>>,
    nodes: Query<'w, 's, &'static Node>,
    call: Option<Res<'w, CurrentCall>>,
    debrief: Option<Res<'w, Debrief>>,
    screen: Res<'w, State<Screen>>,
    look: Res<'w, Look>,
}

impl Parts<'_, '_> {
    /// Whether the entity is part of a clickable widget (which speaks for it), or of a sign
    /// that a list has more below (its list says so, as a scroll view).
    fn inside_a_widget(&self, entity: Entity) -> bool {
        self.signs.contains(entity)
            || self
                .parents
                .iter_ancestors(entity)
                .any(|ancestor| self.actions.contains(ancestor) || self.signs.contains(ancestor))
    }

    /// Every text of the entity and under it, in reading order.
    fn words(&self, entity: Entity) -> String {
        std::iter::once(entity)
            .chain(self.children.iter_descendants_depth_first(entity))
            .filter_map(|e| self.texts.get(e).ok())
            .map(|text| text.0.trim())
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The text just before the entity among its parent's children.
    fn text_before(&self, entity: Entity) -> Option<Entity> {
        let parent = self.parents.get(entity).ok()?.parent();
        let siblings = self.children.get(parent).ok()?;
        let at = siblings.iter().position(|e| e == entity)?;
        siblings[..at]
            .iter()
            .rev()
            .copied()
            .find(|e| self.texts.contains(*e))
    }

    /// How a transcript line is announced as it appears: what the customer and the coach
    /// say is, what the trainee did is not (they know it).
    fn announced(&self, entity: Entity) -> Option<(Live, String)> {
        let line = self.lines.get(entity).ok()?;
        let session = self.call.as_ref()?.session();
        let live = match session.transcript().get(line.0)? {
            Entry::Agent { .. } | Entry::WrapUp { .. } | Entry::Abandoned => Live::Off,
            Entry::Customer { .. }
            | Entry::Silence { .. }
            | Entry::Feedback { .. }
            | Entry::RuleBroken { .. }
            | Entry::HungUp
            | Entry::End { .. } => Live::Polite,
        };
        Some((live, session.scenario().language.clone()))
    }

    /// The language of what the screen shows: the call's on the call and its debrief, the
    /// interface's elsewhere (so the screen reader speaks it with the right voice).
    fn language(&self) -> String {
        let call = match self.screen.get() {
            Screen::Call => self.call.as_ref().map(|call| call.session()),
            Screen::Debrief => self.debrief.as_ref().map(|debrief| &debrief.session),
            _ => None,
        };
        call.map_or(self.look.words.language, |session| {
            &session.scenario().language
        })
        .to_owned()
    }

    /// The entity as the screen reader meets it; `None` inside a widget.
    fn describe(&self, entity: Entity) -> Option<Described> {
        if self.inside_a_widget(entity) {
            return None;
        }
        let listed = |e: Entity| {
            self.parents
                .get(e)
                .is_ok_and(|p| self.choices.contains(p.parent()))
        };
        let mut node = if self.actions.contains(entity) {
            let listed = listed(entity);
            let mut node = Described::new(if listed {
                Role::ListBoxOption
            } else {
                Role::Button
            });
            if listed {
                node.set_selected(self.selected.contains(entity));
            }
            node.set_label(self.words(entity));
            node.add_action(accesskit::Action::Click);
            node
        } else if let Ok(field) = self.fields.get(entity) {
            let mut node = Described::new(Role::TextInput);
            node.set_value(field.0.clone());
            if let Some(name) = self.text_before(entity) {
                node.set_labelled_by(vec![accesskit::NodeId(name.to_bits())]);
            }
            node
        } else if self.timers.contains(entity) {
            Described::new(Role::Timer)
        } else if let Ok(text) = self.texts.get(entity) {
            let mut node = Described::new(Role::Label);
            node.set_value(text.0.trim());
            if let Some((live, language)) = self.announced(entity) {
                node.set_live(live);
                node.set_language(language);
            }
            if self.statuses.contains(entity) {
                node.set_live(Live::Polite);
            }
            node
        } else if self.choices.contains(entity) {
            Described::new(Role::ListBox)
        } else if self.dialogs.contains(entity) {
            let mut node = Described::new(Role::Dialog);
            node.set_label(
                self.children
                    .iter_descendants_depth_first(entity)
                    .find_map(|e| self.texts.get(e).ok())
                    .map_or("", |text| text.0.trim()),
            );
            node
        } else if self.scrolls.contains(entity) {
            Described::new(Role::ScrollView)
        } else {
            // Left out by screen readers, but it keeps what it holds in reading order.
            Described::new(Role::GenericContainer)
        };
        if self.nodes.get(entity).is_ok_and(not_shown) {
            node.set_hidden();
        }
        if !self.parents.contains(entity) {
            node.set_language(self.language());
        }
        Some(node)
    }
}

/// What changed since the last frame, to be described anew.
#[derive(SystemParam)]
struct Changes<'w, 's> {
    added: Query<'w, 's, Entity, Added<Node>>,
    retexted: Query<'w, 's, Entity, Changed<Text>>,
    retyped: Query<'w, 's, Entity, Changed<Field>>,
    selected: Query<'w, 's, Entity, Added<KeepInView>>,
    unselected: RemovedComponents<'w, 's, KeepInView>,
    tops: Query<'w, 's, Entity, (With<Node>, Without<ChildOf>)>,
}

/// Describes every UI node that appeared or changed (a widget when a text in it changed), each
/// screen's top node with the language the screen is in.
fn describe(
    mut commands: Commands,
    mut changes: Changes,
    parts: Parts,
    described: Query<&AccessibilityNode>,
) {
    let mut dirty = EntityHashSet::default();
    dirty.extend(changes.added.iter());
    dirty.extend(changes.retyped.iter());
    dirty.extend(changes.selected.iter());
    dirty.extend(changes.unselected.read());
    // Another interface language: what is on screen says so.
    if parts.look.is_changed() {
        dirty.extend(changes.tops.iter());
    }
    for text in &changes.retexted {
        dirty.insert(text);
        dirty.extend(
            parts
                .parents
                .iter_ancestors(text)
                .find(|e| parts.actions.contains(*e)),
        );
    }
    for entity in dirty {
        let Some(mut node) = parts.describe(entity) else {
            continue;
        };
        // Where it is on screen, once laid out, stays (bevy_ui sets it when it moves).
        if let Ok(before) = described.get(entity) {
            if let Some(bounds) = before.bounds() {
                node.set_bounds(bounds);
            }
            if let Some(transform) = before.transform() {
                node.set_transform(*transform);
            }
        }
        if let Ok(mut target) = commands.get_entity(entity) {
            target.try_insert(AccessibilityNode(node));
        }
    }
}

/// Whether a UI node is left out of the screen (and so of what is read).
fn not_shown(node: &Node) -> bool {
    node.display == Display::None
}

/// What is not on screen is not read: a node shown or hidden since it was described.
fn hide(mut nodes: Query<(&Node, &mut AccessibilityNode), Changed<Node>>) {
    for (node, mut described) in &mut nodes {
        let hidden = not_shown(node);
        if described.is_hidden() != hidden {
            if hidden {
                described.set_hidden();
            } else {
                described.clear_hidden();
            }
        }
    }
}

/// The decision's timer in whole seconds left, assertive once it is running out.
fn count_down(
    call: Option<Res<CurrentCall>>,
    mut timers: Query<&mut AccessibilityNode, With<DecisionTimer>>,
) {
    let left = call.and_then(|call| Some((call.flow().seconds_left()?, seconds_said(&call)?)));
    for mut timer in &mut timers {
        let (label, live) = match &left {
            Some((seconds, said)) => (
                Some(said.clone()),
                if *seconds <= RUNNING_OUT {
                    Live::Assertive
                } else {
                    Live::Off
                },
            ),
            None => (None, Live::Off),
        };
        if timer.label() == label.as_deref() && timer.live() == Some(live) {
            continue;
        }
        match label {
            Some(label) => timer.set_label(label),
            None => timer.clear_label(),
        }
        timer.set_live(live);
    }
}

/// A scrolling list tells how far it is scrolled and how far it goes.
fn scrolled(
    mut lists: Query<(&mut AccessibilityNode, &ScrollPosition, &ComputedNode), With<WheelScroll>>,
) {
    for (mut list, position, computed) in &mut lists {
        let hidden = f64::from(scroll_range(computed));
        let at = f64::from(position.0.y).min(hidden);
        if list.scroll_y() != Some(at) || list.scroll_y_max() != Some(hidden) {
            list.set_scroll_y_min(0.0);
            list.set_scroll_y(at);
            list.set_scroll_y_max(hidden);
        }
    }
}

/// The focus is where the keyboard acts: a dialog's first button, else the option under the
/// cursor (Enter takes it), else the field being typed into; nothing (the window) otherwise.
/// (Bevy's own first focus, the window, has no node: the system would be sent no tree.)
fn focus(
    mut focus: ResMut<InputFocus>,
    dialogs: Query<Entity, With<Dialog>>,
    selected: Query<Entity, With<KeepInView>>,
    fields: Query<Entity, With<Field>>,
    children: Query<&Children>,
    actions: Query<(), With<Action>>,
    described: Query<(), With<AccessibilityNode>>,
) {
    let in_dialog = dialogs.iter().find_map(|dialog| {
        children
            .iter_descendants_depth_first(dialog)
            .find(|e| actions.contains(*e))
    });
    let wanted = in_dialog
        .or_else(|| selected.iter().next())
        .or_else(|| fields.iter().next())
        .filter(|e| described.contains(*e));
    if focus.get() == wanted {
        return;
    }
    match wanted {
        Some(entity) => focus.set(entity, FocusCause::Navigated),
        None => focus.clear(),
    }
}
