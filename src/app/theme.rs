//! The look of the app, defined once: palette, spacing, type scale and the font.

use bevy::prelude::*;

/// Colours, named for what they are used for.
pub mod palette {
    use bevy::color::Color;

    /// Window background.
    pub const BACKGROUND: Color = Color::srgb(0.075, 0.086, 0.110);
    /// Panels and cards.
    pub const PANEL: Color = Color::srgb(0.125, 0.141, 0.180);
    /// A card or choice under the pointer or the keyboard cursor.
    pub const PANEL_HOVER: Color = Color::srgb(0.180, 0.204, 0.259);
    /// Borders and separators.
    pub const BORDER: Color = Color::srgb(0.247, 0.275, 0.341);
    /// Body text.
    pub const TEXT: Color = Color::srgb(0.925, 0.933, 0.949);
    /// Secondary text: labels, hints.
    pub const MUTED: Color = Color::srgb(0.620, 0.651, 0.718);
    /// The accent: selection, the agent's lines, primary buttons.
    pub const ACCENT: Color = Color::srgb(0.310, 0.608, 0.988);
    /// Good: passed, positive feedback, trust.
    pub const GOOD: Color = Color::srgb(0.298, 0.757, 0.467);
    /// Warning: timers, patience.
    pub const WARN: Color = Color::srgb(0.961, 0.694, 0.259);
    /// Bad: failed, broken rules, anger, broken scenarios.
    pub const BAD: Color = Color::srgb(0.925, 0.357, 0.357);
    /// Distress.
    pub const DISTRESS: Color = Color::srgb(0.659, 0.506, 0.937);
    /// Dimmed overlay behind dialogs.
    pub const SCRIM: Color = Color::srgba(0.0, 0.0, 0.0, 0.72);

    /// The colour of a feeling, in the mood bars and the mood chart.
    pub fn feeling(feeling: crate::scenario::Feeling) -> Color {
        use crate::scenario::Feeling;
        match feeling {
            Feeling::Distress => DISTRESS,
            Feeling::Anger => BAD,
            Feeling::Trust => GOOD,
            Feeling::Patience => WARN,
        }
    }

    /// The colour of how a call counts, wherever it is shown: passed, failed, left.
    pub fn verdict(verdict: crate::engine::Verdict) -> Color {
        use crate::engine::Verdict;
        match verdict {
            Verdict::Passed => GOOD,
            Verdict::Failed => BAD,
            Verdict::Abandoned => MUTED,
        }
    }
}

/// Spacing steps, in logical pixels.
pub mod space {
    /// Between words and tight items.
    pub const XS: f32 = 4.0;
    /// Inside small elements.
    pub const S: f32 = 8.0;
    /// Inside panels, between items of a list.
    pub const M: f32 = 14.0;
    /// Between panels.
    pub const L: f32 = 22.0;
}

/// The type scale, in logical pixels.
pub mod size {
    /// Screen titles.
    pub const TITLE: f32 = 30.0;
    /// Panel headings.
    pub const HEADING: f32 = 20.0;
    /// Body text.
    pub const BODY: f32 = 16.0;
    /// Labels and hints.
    pub const SMALL: f32 = 13.0;
}

/// The shipped fonts (DejaVu Sans: full Latin coverage, Italian accents included).
#[derive(Resource, Clone, Default)]
pub struct Fonts {
    /// Regular weight.
    pub regular: Handle<Font>,
    /// Bold weight.
    pub bold: Handle<Font>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(palette::BACKGROUND));
    app.init_resource::<Fonts>();
}

/// Loads the fonts (windowed app only: headless has no text renderer).
pub(super) fn load_fonts(app: &mut App) {
    app.add_systems(
        PreStartup,
        |server: Res<AssetServer>, mut fonts: ResMut<Fonts>| {
            fonts.regular = server.load("fonts/DejaVuSans.ttf");
            fonts.bold = server.load("fonts/DejaVuSans-Bold.ttf");
        },
    );
}
