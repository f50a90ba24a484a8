//! Fuzz target: arbitrary bytes through the whole core, as a scenario file from a stranger would go.
//!
//! load → check → (when playable) analysis report → a few sessions: expert, worst,
//! and answers taken from the input itself. Besides panics, it fails when a session
//! scores outside the bounds the analysis promised, or never ends.
#![no_main]

use std::path::Path;

use frontline::engine::Report;
use frontline::engine::{Answer, Mode, Phase, Session, Strategy, autoplay};
use frontline::library::load_bytes;
use frontline::scenario::{AssetRoots, Dimension, Points};
use libfuzzer_sys::fuzz_target;

/// Most answers a fuzzed session takes before it is abandoned.
const MAX_ANSWERS: usize = 300;

fuzz_target!(|data: &[u8]| {
    // No library and no assets folder: cue files resolve only next to a file that does not exist.
    let roots = AssetRoots::default();
    let entry = load_bytes(Path::new("/nonexistent/fuzz/input.ron"), data, &roots);
    let Some(prepared) = entry.prepared else {
        return;
    };
    let analysis = &prepared.analysis;
    let _report = Report::new(&prepared);
    let _worst = autoplay(&prepared, 7, Mode::Exam, Strategy::Worst);

    // Sessions with answers read from the input bytes, back to front, with seeds from the length.
    for round in 0..3u64 {
        let seed = data.len() as u64 ^ round.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mode = if round % 2 == 0 {
            Mode::Coach
        } else {
            Mode::Exam
        };
        let mut session = Session::new(prepared.clone(), seed, mode);
        let mut bytes = data.iter().rev().skip(round as usize).cycle();
        for _ in 0..MAX_ANSWERS {
            if session.phase() == Phase::Ended {
                break;
            }
            let byte = usize::from(*bytes.next().unwrap_or(&0));
            let offers = session.offers().len();
            // Mostly valid answers, now and then an out-of-range one or a silence.
            let answer = match byte % 16 {
                0 => Answer::Silence,
                1 => Answer::Pick(offers + 1 + byte / 16),
                2 => Answer::Pick(0),
                _ if offers == 0 => Answer::Silence,
                _ => Answer::Pick(1 + byte % offers),
            };
            let _ = session.answer_timed(answer, Some(byte as u64 * 100));
            let _ = session.offers();
            let _ = session.prompt();
            let _ = session.time_limit();
            let _ = session.expert_answer();
        }
        let finished = session.result();
        let _ = session.score();
        session.abandon();
        let _ = session.result();
        // A call played to its end (wrap-up included) scores within the analysis' bounds.
        if let Some(result) = finished.filter(|r| r.ending.is_some() && !analysis.truncated) {
            let (low, high) = (analysis.min_points(), analysis.max_points());
            for d in [
                Dimension::Empathy,
                Dimension::Accuracy,
                Dimension::Resolution,
            ] {
                let got = result.points.get(d);
                assert!(
                    low.get(d) <= got && got <= high.get(d),
                    "{d:?}: {got} outside [{}, {}]",
                    low.get(d),
                    high.get(d)
                );
            }
            let _: Points = result.points;
        }
    }
});
