//! The size of everything on screen, for trainees who need larger text: Ctrl + and Ctrl −
//! (Ctrl 0 for the normal size) from 80% to 200%, kept in the settings.

use bevy::prelude::*;

use super::AppSystems;

/// The smallest and largest scale, in percent, and the step of one key press.
pub const SCALES: std::ops::RangeInclusive<u16> = 80..=200;
const STEP: u16 = 10;

/// How large the interface is drawn, in percent of its normal size.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextScale(pub u16);

impl Default for TextScale {
    fn default() -> TextScale {
        TextScale(100)
    }
}

impl TextScale {
    /// A scale within [`SCALES`].
    pub fn clamped(percent: u16) -> TextScale {
        TextScale(percent.clamp(*SCALES.start(), *SCALES.end()))
    }
}

/// Whether a Ctrl key is held: the keys then resize, and type nothing.
pub fn ctrl_held(keys: &ButtonInput<KeyCode>) -> bool {
    keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight])
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TextScale>()
        .init_resource::<UiScale>()
        .add_systems(Update, keys.in_set(AppSystems::Input))
        .add_systems(Update, apply.run_if(resource_changed::<TextScale>));
}

/// Ctrl + larger, Ctrl − smaller, Ctrl 0 the normal size.
fn keys(keys: Res<ButtonInput<KeyCode>>, mut scale: ResMut<TextScale>) {
    if !ctrl_held(&keys) {
        return;
    }
    let now = scale.0;
    let next = if keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        now.saturating_add(STEP)
    } else if keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        now.saturating_sub(STEP)
    } else if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
        100
    } else {
        return;
    };
    let next = TextScale::clamped(next);
    if next != *scale {
        *scale = next;
    }
}

/// The interface follows the scale.
fn apply(scale: Res<TextScale>, mut ui: ResMut<UiScale>) {
    ui.0 = f32::from(scale.0) / 100.0;
}
