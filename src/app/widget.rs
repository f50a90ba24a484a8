//! Small UI building blocks: each returns a bundle, styled by the theme.
//!
//! Clickable widgets carry an [`Action`]; one observer turns clicks on them
//! into [`Request`] messages, the same ones the keyboard sends.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::picking::events::{Click, Out, Over, Pointer};
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;

use super::screens::Request;
use super::theme::{Look, size, space};

/// What clicking this entity does.
#[derive(Component, Clone, Debug)]
pub struct Action(pub Request);

/// The background a clickable widget returns to when the pointer leaves.
#[derive(Component, Clone, Copy)]
pub struct Rest(pub Color);

/// A scrolling list: the mouse wheel and Page Up / Page Down move it.
#[derive(Component)]
pub struct WheelScroll;

/// What the keyboard is on (a card, an answer): once it is laid out, every scrolling list
/// around it — the screen itself at a large text size — scrolls so that it is in view.
#[derive(Component)]
pub struct KeepInView;

/// Below this logical width a window is narrow — large text on a small window (200% on
/// 1280×800 leaves 640): screens then stack what sits side by side.
const NARROW_BELOW: f32 = 760.0;

/// How a part of a screen reflows in a narrow window.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum Reflow {
    /// A row of a side column and a main one: in a narrow window, a column with the main one
    /// first (its last child on top) and the screen scrolling.
    Row,
    /// The side column of such a row, this wide beside the main one: full width below it.
    Side(f32),
}

/// The sign at the foot of a scrolling list (this one) that more of it is below, until it is
/// scrolled to its end: a long account card says so, and Page Down shows the rest.
#[derive(Component)]
pub struct MoreBelow(pub Entity);

pub(super) fn plugin(app: &mut App) {
    app.add_observer(on_click);
    app.add_observer(on_over);
    app.add_observer(on_out);
    app.add_systems(Update, scroll.in_set(super::AppSystems::Input));
    app.add_systems(
        PostUpdate,
        (
            reflow.before(bevy::ui::UiSystems::Layout),
            keep_in_view.after(bevy::ui::UiSystems::Layout),
            more_below
                .after(bevy::ui::UiSystems::Layout)
                .after(keep_in_view),
        ),
    );
}

/// How far a scrolling list scrolls, in logical pixels: 0 when it all fits.
pub fn scroll_range(list: &ComputedNode) -> f32 {
    (list.content_size.y - list.size.y + list.scrollbar_size.y).max(0.0)
        * list.inverse_scale_factor()
}

/// Whether part of a list is still below what it shows.
fn has_more_below(list: &ComputedNode, position: &ScrollPosition) -> bool {
    position.0.y < scroll_range(list) - 0.5
}

/// Where a list's sign goes, in logical pixels from the window's top left: its bottom right
/// corner, inside it.
fn sign_at(list: &ComputedNode, at: &UiGlobalTransform) -> (Val, Val) {
    let corner = (at.translation + list.size() / 2.0) * list.inverse_scale_factor();
    (
        px(corner.x - SIGN - space::S),
        px(corner.y - SIGN - space::XS),
    )
}

/// The sign's side, in logical pixels.
const SIGN: f32 = 24.0;

/// Puts up, moves and takes down the "more below" signs of the scrolling lists, once laid out.
fn more_below(
    mut commands: Commands,
    lists: Query<(Entity, &ComputedNode, &UiGlobalTransform, &ScrollPosition), With<WheelScroll>>,
    mut signs: Query<(Entity, &MoreBelow, &mut Node)>,
    look: Res<Look>,
    mut animating: ResMut<super::Animating>,
) {
    // A sign put up, moved or taken down after layout is drawn on the next frame. A new
    // theme or language puts every sign up anew, in its colours.
    let mut signed = Vec::new();
    for (sign, below, mut node) in &mut signs {
        match lists.get(below.0) {
            Ok((list, computed, at, position))
                if has_more_below(computed, position) && !look.is_changed() =>
            {
                signed.push(list);
                let (left, top) = sign_at(computed, at);
                if node.left != left || node.top != top {
                    node.left = left;
                    node.top = top;
                    animating.0 = true;
                }
            }
            _ => {
                commands.entity(sign).despawn();
                animating.0 = true;
            }
        }
    }
    for (list, computed, at, position) in &lists {
        if signed.contains(&list) || !has_more_below(computed, position) {
            continue;
        }
        let (left, top) = sign_at(computed, at);
        animating.0 = true;
        commands.spawn((
            MoreBelow(list),
            Node {
                position_type: PositionType::Absolute,
                left,
                top,
                width: px(SIGN),
                height: px(SIGN),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                border: UiRect::all(px(1.0)),
                border_radius: BorderRadius::all(px(SIGN / 2.0)),
                ..default()
            },
            BackgroundColor(look.palette.panel_hover),
            BorderColor::all(look.palette.accent),
            GlobalZIndex(5),
            Pickable::IGNORE,
            children![(
                text(&look, "▼", size::SMALL, look.palette.text),
                Pickable::IGNORE
            )],
        ));
    }
}

/// Tells whether the window is narrow, and lays the reflowing parts out for it.
fn reflow(
    windows: Query<&Window>,
    scale: Res<UiScale>,
    mut narrow: Local<Option<bool>>,
    mut parts: Query<(Ref<Reflow>, &mut Node)>,
) {
    let now = windows
        .iter()
        .next()
        .is_some_and(|w| w.width() / scale.0 < NARROW_BELOW);
    let turned = narrow.replace(now) != Some(now);
    for (reflow, mut node) in &mut parts {
        if !turned && !reflow.is_added() {
            continue;
        }
        match (*reflow, now) {
            (Reflow::Row, false) => {
                node.flex_direction = FlexDirection::Row;
                node.min_height = px(0.0);
            }
            (Reflow::Row, true) => {
                node.flex_direction = FlexDirection::ColumnReverse;
                node.min_height = Val::Auto;
            }
            (Reflow::Side(width), false) => {
                node.width = px(width);
                node.overflow = Overflow::scroll_y();
            }
            (Reflow::Side(_), true) => {
                node.width = percent(100.0);
                node.overflow = Overflow::visible();
            }
        }
    }
}

fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    keys: Res<ButtonInput<KeyCode>>,
    hover: Option<Res<HoverMap>>,
    parents: Query<&ChildOf>,
    mut lists: Query<(Entity, &mut ScrollPosition, &ComputedNode), With<WheelScroll>>,
) {
    let wheeled: f32 = wheel
        .read()
        .map(|w| match w.unit {
            MouseScrollUnit::Line => w.y * 28.0,
            MouseScrollUnit::Pixel => w.y,
        })
        .sum();
    // The wheel scrolls the innermost list under the pointer that can still move that way
    // (at a large text size the whole screen scrolls too: once a list is at its end, the
    // screen around it moves on).
    let mut wheel_moves = None;
    if wheeled != 0.0 {
        let hits: Vec<Entity> = hover
            .iter()
            .flat_map(|map| map.values())
            .flat_map(|hits| hits.keys().copied())
            .collect();
        wheel_moves = hits.iter().find_map(|&hit| {
            std::iter::once(hit)
                .chain(parents.iter_ancestors(hit))
                .find(|&entity| {
                    lists
                        .get(entity)
                        .is_ok_and(|(_, position, node)| can_move(position, node, wheeled))
                })
        });
    }
    // Page Up / Page Down scroll every list of the screen.
    let paged = match (
        keys.just_pressed(KeyCode::PageUp),
        keys.just_pressed(KeyCode::PageDown),
    ) {
        (true, false) => 300.0,
        (false, true) => -300.0,
        _ => 0.0,
    };
    for (entity, mut position, _) in &mut lists {
        let delta = paged
            + if wheel_moves == Some(entity) {
                wheeled
            } else {
                0.0
            };
        if delta != 0.0 {
            position.0.y = (position.0.y - delta).max(0.0);
        }
    }
}

/// Scrolls the lists around what the keyboard is on so it is in view, innermost first, once
/// per redraw (the trainee's own scrolling is left alone). Runs after layout, so places are
/// known; the new scroll shows on the next frame, which it asks for.
fn keep_in_view(
    targets: Query<(Entity, &ComputedNode, &UiGlobalTransform), Added<KeepInView>>,
    parents: Query<&ChildOf>,
    mut lists: Query<(
        &Node,
        &ComputedNode,
        &UiGlobalTransform,
        &mut ScrollPosition,
    )>,
    mut animating: ResMut<super::Animating>,
) {
    for (target, node, at) in &targets {
        let half = node.size().y / 2.0;
        let (mut top, mut bottom) = (at.translation.y - half, at.translation.y + half);
        for ancestor in parents.iter_ancestors(target) {
            let Ok((list, list_node, list_at, mut scroll)) = lists.get_mut(ancestor) else {
                continue;
            };
            if list.overflow.y != OverflowAxis::Scroll {
                continue;
            }
            let half = list_node.size().y / 2.0;
            let (list_top, list_bottom) =
                (list_at.translation.y - half, list_at.translation.y + half);
            // Layout works in physical pixels, the scroll position in logical ones.
            let shift = if top < list_top {
                top - list_top
            } else if bottom > list_bottom {
                (bottom - list_bottom).min(top - list_top)
            } else {
                continue;
            };
            let logical = shift * list_node.inverse_scale_factor();
            let before = scroll.0.y;
            scroll.0.y = (scroll.0.y + logical).max(0.0);
            // What this list scrolled moves the target for the lists around it.
            let moved = (scroll.0.y - before) / list_node.inverse_scale_factor();
            top -= moved;
            bottom -= moved;
            animating.0 = true;
        }
    }
}

/// Whether a list can scroll by `delta` (positive: up): it is not at that end yet.
fn can_move(position: &ScrollPosition, node: &ComputedNode, delta: f32) -> bool {
    if delta > 0.0 {
        position.0.y > 0.0
    } else {
        has_more_below(node, position)
    }
}

fn on_click(
    mut click: On<Pointer<Click>>,
    actions: Query<&Action>,
    mut requests: MessageWriter<Request>,
) {
    if let Ok(action) = actions.get(click.entity) {
        requests.write(action.0.clone());
        click.propagate(false);
    }
}

fn on_over(
    mut over: On<Pointer<Over>>,
    look: Res<Look>,
    mut buttons: Query<&mut BackgroundColor, With<Action>>,
) {
    if let Ok(mut background) = buttons.get_mut(over.entity) {
        background.0 = look.palette.panel_hover;
        over.propagate(false);
    }
}

fn on_out(mut out: On<Pointer<Out>>, mut buttons: Query<(&mut BackgroundColor, &Rest)>) {
    if let Ok((mut background, rest)) = buttons.get_mut(out.entity) {
        background.0 = rest.0;
        out.propagate(false);
    }
}

/// Text in the regular weight.
pub fn text(look: &Look, content: impl Into<String>, px: f32, color: Color) -> impl Bundle {
    (
        Text::new(content),
        TextFont {
            font: FontSource::Handle(look.regular.clone()),
            font_size: FontSize::Px(px),
            ..default()
        },
        TextColor(color),
    )
}

/// Text in the bold weight.
pub fn bold(look: &Look, content: impl Into<String>, px: f32, color: Color) -> impl Bundle {
    (
        Text::new(content),
        TextFont {
            font: FontSource::Handle(look.bold.clone()),
            font_size: FontSize::Px(px),
            ..default()
        },
        TextColor(color),
    )
}

/// A screen's top bar: its title on the left, what `right` spawns on the right.
pub fn top_bar(
    screen: &mut ChildSpawnerCommands,
    look: &Look,
    title: impl Into<String>,
    right: impl FnOnce(&mut ChildSpawnerCommands),
) {
    screen
        .spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            ..row(space::M)
        })
        .with_children(|bar| {
            bar.spawn(bold(look, title, size::TITLE, look.palette.text));
            right(bar);
        });
}

/// A panel laid out its own way (a width, a share of the row, scrolling) on top of the
/// panel's padding, gaps, background and rounded border.
pub fn panel_with(
    look: &Look,
    layout: impl FnOnce(Node) -> Node,
) -> (Node, BackgroundColor, BorderColor) {
    let (node, background, border) = panel(look);
    (layout(node), background, border)
}

/// A panel: a column with padding, background and rounded border.
pub fn panel(look: &Look) -> (Node, BackgroundColor, BorderColor) {
    (
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(space::M)),
            row_gap: px(space::S),
            border: UiRect::all(px(1.0)),
            border_radius: BorderRadius::all(px(8.0)),
            ..default()
        },
        BackgroundColor(look.palette.panel),
        BorderColor::all(look.palette.border),
    )
}

/// A button: a label and the request it sends, with its key shown as a hint.
pub fn button(look: &Look, label: impl Into<String>, request: Request) -> impl Bundle {
    button_colored(look, label, request, look.palette.panel)
}

/// A button with its own resting background (e.g. the accent for the main action).
pub fn button_colored(
    look: &Look,
    label: impl Into<String>,
    request: Request,
    background: Color,
) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(space::M), px(space::S)),
            border: UiRect::all(px(1.0)),
            border_radius: BorderRadius::all(px(6.0)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(background),
        BorderColor::all(look.palette.border),
        Rest(background),
        Action(request),
        children![(
            text(look, label, size::BODY, look.palette.text),
            Pickable::IGNORE
        )],
    )
}

/// A small rounded label (a tag, the language, the difficulty).
pub fn chip(look: &Look, label: impl Into<String>, color: Color) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(space::S), px(2.0)),
            border: UiRect::all(px(1.0)),
            border_radius: BorderRadius::all(px(10.0)),
            ..default()
        },
        BorderColor::all(color),
        children![text(look, label, size::SMALL, color)],
    )
}

/// A horizontal bar filled to `fraction` (0–1), with a marker component on the fill.
pub fn bar(
    look: &Look,
    fraction: f32,
    color: Color,
    height: f32,
    fill: impl Bundle,
) -> impl Bundle {
    (
        Node {
            width: percent(100.0),
            height: px(height),
            border_radius: BorderRadius::all(px(height / 2.0)),
            overflow: Overflow::clip(),
            ..default()
        },
        BackgroundColor(look.palette.background),
        children![(
            Node {
                width: percent(fraction.clamp(0.0, 1.0) * 100.0),
                height: percent(100.0),
                border_radius: BorderRadius::all(px(height / 2.0)),
                ..default()
            },
            BackgroundColor(color),
            fill,
        )],
    )
}

/// A row with a gap.
pub fn row(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(gap),
        align_items: AlignItems::Center,
        flex_wrap: FlexWrap::Wrap,
        row_gap: px(space::XS),
        ..default()
    }
}

/// A column with a gap.
pub fn column(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(gap),
        ..default()
    }
}

/// The least height of a screen's scrolling list (the cards, the transcript, the timeline),
/// in logical pixels: at a large text size the list keeps this much and the screen around it
/// scrolls, rather than the list being squeezed away.
pub const LIST_MIN_HEIGHT: f32 = 160.0;

/// The full-window root of a screen. It scrolls when the screen is taller than the window
/// (large text on a small window), so nothing is out of reach.
pub fn screen_root() -> impl Bundle {
    (
        Node {
            width: percent(100.0),
            height: percent(100.0),
            flex_direction: FlexDirection::Column,
            // The bottom padding is the room of the notices along the bottom (the sound's
            // line, the records' notice: `records::make_room` sizes it); scrolled content
            // never runs under them, being clipped at the content's edge.
            padding: UiRect::all(px(space::L)),
            row_gap: px(space::M),
            overflow: Overflow::scroll_y(),
            overflow_clip_margin: OverflowClipMargin::content_box(),
            ..default()
        },
        WheelScroll,
    )
}
