//! The look of the app, defined once: the two themes' colours, spacing, type scale, the look
//! and the interface's words.

use bevy::prelude::*;

use crate::words::Words;

/// Which set of colours the app is drawn in, chosen in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Dark blue-grey panels: body text at 4.5:1 or more on every background.
    #[default]
    Normal,
    /// Black and white with bright colours: every text at 7:1 or more.
    HighContrast,
}

impl Theme {
    /// This theme's colours.
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Normal => &NORMAL,
            Theme::HighContrast => &HIGH_CONTRAST,
        }
    }

    /// The other theme.
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Normal => Theme::HighContrast,
            Theme::HighContrast => Theme::Normal,
        }
    }
}

/// Colours, named for what they are used for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Window background.
    pub background: Color,
    /// Panels and cards.
    pub panel: Color,
    /// A card or choice under the pointer or the keyboard cursor.
    pub panel_hover: Color,
    /// Borders and separators.
    pub border: Color,
    /// The border of what the keyboard is on.
    pub focus: Color,
    /// Body text.
    pub text: Color,
    /// Secondary text: labels, hints.
    pub muted: Color,
    /// The accent: selection, the agent's lines.
    pub accent: Color,
    /// The background of a primary button, under body text.
    pub primary: Color,
    /// Good: passed, positive feedback, trust.
    pub good: Color,
    /// Warning: timers, patience.
    pub warn: Color,
    /// Bad: failed, broken rules, anger, broken scenarios.
    pub bad: Color,
    /// Distress.
    pub distress: Color,
    /// Dimmed overlay behind dialogs.
    pub scrim: Color,
}

/// The normal theme.
pub const NORMAL: Palette = Palette {
    background: Color::srgb(0.075, 0.086, 0.110),
    panel: Color::srgb(0.125, 0.141, 0.180),
    panel_hover: Color::srgb(0.180, 0.204, 0.259),
    border: Color::srgb(0.247, 0.275, 0.341),
    focus: Color::srgb(0.40, 0.67, 1.0),
    text: Color::srgb(0.925, 0.933, 0.949),
    muted: Color::srgb(0.620, 0.651, 0.718),
    accent: Color::srgb(0.40, 0.67, 1.0),
    primary: Color::srgb(0.12, 0.33, 0.68),
    good: Color::srgb(0.298, 0.757, 0.467),
    warn: Color::srgb(0.961, 0.694, 0.259),
    bad: Color::srgb(0.97, 0.50, 0.50),
    distress: Color::srgb(0.74, 0.62, 0.97),
    scrim: Color::srgba(0.0, 0.0, 0.0, 0.72),
};

/// The high-contrast theme.
pub const HIGH_CONTRAST: Palette = Palette {
    background: Color::srgb(0.0, 0.0, 0.0),
    panel: Color::srgb(0.06, 0.06, 0.06),
    panel_hover: Color::srgb(0.13, 0.15, 0.20),
    border: Color::srgb(0.75, 0.75, 0.75),
    focus: Color::srgb(1.0, 0.85, 0.35),
    text: Color::srgb(1.0, 1.0, 1.0),
    muted: Color::srgb(0.85, 0.85, 0.85),
    accent: Color::srgb(0.55, 0.78, 1.0),
    primary: Color::srgb(0.0, 0.2, 0.5),
    good: Color::srgb(0.45, 0.92, 0.6),
    warn: Color::srgb(1.0, 0.85, 0.35),
    bad: Color::srgb(1.0, 0.62, 0.62),
    distress: Color::srgb(0.85, 0.75, 1.0),
    scrim: Color::srgba(0.0, 0.0, 0.0, 0.85),
};

impl Palette {
    /// The colour of a feeling, in the mood bars and the mood chart.
    pub fn feeling(&self, feeling: crate::scenario::Feeling) -> Color {
        use crate::scenario::Feeling;
        match feeling {
            Feeling::Distress => self.distress,
            Feeling::Anger => self.bad,
            Feeling::Trust => self.good,
            Feeling::Patience => self.warn,
        }
    }

    /// The colour of how a call counts, wherever it is shown: passed, failed, left.
    pub fn verdict(&self, verdict: crate::engine::Verdict) -> Color {
        use crate::engine::Verdict;
        match verdict {
            Verdict::Passed => self.good,
            Verdict::Failed => self.bad,
            Verdict::Abandoned => self.muted,
        }
    }

    /// Every pair of a text colour and the background it is drawn on, named: what the
    /// contrast test measures.
    pub fn text_on_backgrounds(&self) -> Vec<(String, Color, Color)> {
        let inks = [
            ("text", self.text),
            ("muted", self.muted),
            ("accent", self.accent),
            ("good", self.good),
            ("warn", self.warn),
            ("bad", self.bad),
            ("distress", self.distress),
        ];
        let grounds = [
            ("background", self.background),
            ("panel", self.panel),
            ("panel_hover", self.panel_hover),
        ];
        let mut pairs: Vec<(String, Color, Color)> = inks
            .iter()
            .flat_map(|&(ink, i)| {
                grounds
                    .iter()
                    .map(move |&(ground, g)| (format!("{ink} on {ground}"), i, g))
            })
            .collect();
        pairs.push(("text on primary".to_owned(), self.text, self.primary));
        pairs
    }
}

/// The contrast ratio of two colours, as WCAG 2 defines it: from 1 (the same) to 21
/// (black and white).
pub fn contrast(a: Color, b: Color) -> f32 {
    let luminance = |c: Color| c.to_linear().luminance();
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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

/// How the app looks and speaks, chosen in the settings: the shipped look (DejaVu Sans: full
/// Latin coverage, Italian accents included), the theme's colours and the interface's language.
/// Every screen draws with it; the call and its debrief speak the scenario's language instead.
#[derive(Resource, Clone)]
pub struct Look {
    /// Regular weight.
    pub regular: Handle<Font>,
    /// Bold weight.
    pub bold: Handle<Font>,
    /// The theme chosen.
    pub theme: Theme,
    /// The theme's colours.
    pub palette: &'static Palette,
    /// The interface's words, in the language chosen.
    pub words: &'static Words,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            regular: Handle::default(),
            bold: Handle::default(),
            theme: Theme::Normal,
            palette: Theme::Normal.palette(),
            words: Words::of_system(),
        }
    }
}

impl Look {
    /// Draws in another theme.
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
        self.palette = theme.palette();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Look>();
    app.insert_resource(ClearColor(NORMAL.background));
    app.add_systems(
        PostUpdate,
        (|look: Res<Look>, mut clear: ResMut<ClearColor>| clear.0 = look.palette.background)
            .run_if(resource_changed::<Look>),
    );
}

/// Loads the look (windowed app only: headless has no text renderer).
pub(super) fn load_fonts(app: &mut App) {
    app.add_systems(
        PreStartup,
        |server: Res<AssetServer>, mut look: ResMut<Look>, mut awaited: ResMut<super::Awaited>| {
            look.regular = server.load("fonts/DejaVuSans.ttf");
            look.bold = server.load("fonts/DejaVuSans-Bold.ttf");
            awaited
                .0
                .extend([look.regular.clone().untyped(), look.bold.clone().untyped()]);
        },
    );
}
