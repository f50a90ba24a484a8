//! The themes' colours, measured: every text colour on every background it is drawn on has a
//! WCAG 2 contrast of at least 4.5:1 in the normal theme and 7:1 in the high-contrast one.

use frontline::app::{HIGH_CONTRAST, NORMAL, Palette, Theme, contrast};

/// The pairs of a palette under `least`, with their contrast.
fn under(palette: &Palette, least: f32) -> Vec<(String, f32)> {
    palette
        .text_on_backgrounds()
        .into_iter()
        .map(|(pair, ink, ground)| (pair, contrast(ink, ground)))
        .filter(|&(_, ratio)| ratio < least)
        .collect()
}

#[test]
fn every_text_of_the_normal_theme_has_a_contrast_of_at_least_4_5_to_1() {
    assert_eq!(under(&NORMAL, 4.5), vec![]);
}

#[test]
fn every_text_of_the_high_contrast_theme_has_a_contrast_of_at_least_7_to_1() {
    assert_eq!(under(&HIGH_CONTRAST, 7.0), vec![]);
}

#[test]
fn the_contrast_measure_gives_21_for_black_on_white_and_1_for_a_colour_on_itself() {
    use bevy::color::Color;
    let black_white = contrast(Color::BLACK, Color::WHITE);
    assert!((black_white - 21.0).abs() < 0.01, "{black_white}");
    assert!((contrast(NORMAL.accent, NORMAL.accent) - 1.0).abs() < 1e-6);
    // The body text on a panel is measured as WCAG does (the ratio of relative luminances
    // plus 0.05): about 13.4:1 for the normal theme's colours.
    let body = contrast(NORMAL.text, NORMAL.panel);
    assert!((body - 13.36).abs() < 0.05, "{body}");
}

#[test]
fn each_theme_has_its_own_palette_and_the_pairs_measured_cover_every_text_colour() {
    assert_eq!(Theme::Normal.palette(), &NORMAL);
    assert_eq!(Theme::HighContrast.palette(), &HIGH_CONTRAST);
    let pairs = NORMAL.text_on_backgrounds();
    for ink in ["text", "muted", "accent", "good", "warn", "bad", "distress"] {
        for ground in ["background", "panel", "panel_hover"] {
            let pair = format!("{ink} on {ground}");
            assert!(
                pairs.iter().any(|(p, ..)| *p == pair),
                "{pair} not measured"
            );
        }
    }
    assert!(pairs.iter().any(|(p, ..)| p == "text on primary"));
}
