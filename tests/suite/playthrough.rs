//! Scripted calls through the engine: whole transcripts and scores, and determinism.

use std::path::Path;
use std::sync::Arc;

use frontline::cli::play::render;
use frontline::diagnostic::Diagnostic;
use frontline::engine::{Answer, Mode, Phase, PlayError, Prepared, Session};
use frontline::library::load_file;
use frontline::scenario::AssetRoots;
use frontline::scenario::Outcome;
use frontline::words::ENGLISH;

use crate::support::project;

fn example() -> Arc<Prepared> {
    let entry = load_file(&project("docs/example.ron"), &AssetRoots::default());
    assert!(
        !entry.diagnostics.iter().any(Diagnostic::is_error),
        "the documented example is valid: {:#?}",
        entry.diagnostics
    );
    entry.prepared.expect("the example is playable")
}

fn play(seed: u64, mode: Mode, answers: &[Answer]) -> Session {
    let mut session = Session::new(example(), seed, mode);
    for &answer in answers {
        session.answer(answer).expect("a valid answer");
    }
    session
}

use Answer::{Pick, Silence};

#[test]
fn the_expert_path_of_the_documented_example_reads_and_scores_as_expected() {
    let session = play(
        7,
        Mode::Coach,
        &[Pick(3), Pick(2), Pick(1), Pick(2), Pick(2)],
    );
    assert_eq!(session.phase(), Phase::Ended);
    assert_eq!(
        render(&ENGLISH, session.transcript()),
        "CUSTOMER: [sigh] Hello... I've just opened my bill and it's more than double. I don't understand.
YOU: I can hear this has worried you. Let's look at it together — may I have your customer number?
   coach: Acknowledges the worry first, then starts verification. (empathy +2, accuracy +1, resolution +0)
CUSTOMER: It's EN-100234. Marta Rossi.
YOU: Thank you, Mrs Rossi. And to confirm, your date of birth?
   coach: Completes verification with a second factor. (empathy +0, accuracy +2, resolution +0)
CUSTOMER: So why is it so high?
YOU: [action] Send a breakdown of the bill: the winter months and the new unit price.
   coach: Transparent and concrete, and only after verification. (empathy +0, accuracy +2, resolution +2)
CUSTOMER: I see... but I can't pay it all by the 15th.
YOU: [action] Offer three monthly instalments of € 70.80, no fees.
   coach: Solves on the spot with correct figures (212.40 / 3 = 70.80). (empathy +1, accuracy +1, resolution +3)
CUSTOMER: Thank you, that's a weight off my mind.
— call ended: resolved —
WRAP-UP Disposition code: BILL-PLAN — bill explained, instalments agreed
   coach: Right when instalments were agreed on the call. (empathy +0, accuracy +2, resolution +0)
"
    );
    let result = session.result().expect("ended");
    assert_eq!(result.outcome, Outcome::Resolved);
    assert_eq!(
        (
            result.scores.empathy,
            result.scores.accuracy,
            result.scores.resolution,
            result.scores.overall
        ),
        (100.0, 100.0, 100.0, 100.0)
    );
    assert!(result.passed);
    assert!(
        session.decisions().iter().all(|d| d.expert.is_none()),
        "the expert path never differs from the expert"
    );
}

#[test]
fn a_dismissive_answer_then_silence_makes_the_angry_customer_hang_up() {
    let session = play(7, Mode::Coach, &[Pick(1), Silence, Pick(3)]);
    assert_eq!(
        render(&ENGLISH, session.transcript()),
        "CUSTOMER: [sigh] Hello... I've just opened my bill and it's more than double. I don't understand.
YOU: Prices went up for everyone, madam.
   coach: Dismissive: blames the market and ignores the customer's worry. (empathy +0, accuracy +0, resolution +0)
CUSTOMER: EN-100234. And I hope you can actually help me.
YOU: (silence — 20 seconds passed)
   coach: A long silence after the customer gave their details makes them feel ignored. (empathy +0, accuracy +0, resolution +0)
(the customer hangs up)
— call ended: the customer hung up —
WRAP-UP Disposition code: NO-CONTACT — call dropped
   coach: Right only when the customer hung up. (empathy +0, accuracy +2, resolution +0)
"
    );
    let result = session.result().expect("ended");
    assert_eq!(result.outcome, Outcome::HungUp);
    assert_eq!(
        (result.scores.accuracy, result.scores.overall, result.passed),
        (25.0, 11.1, false)
    );
    let moods: Vec<(u8, u8)> = session
        .moods()
        .iter()
        .map(|m| (m.anger, m.patience))
        .collect();
    assert_eq!(
        moods,
        vec![(10, 60), (35, 30), (35, 10)],
        "the start, then after each of the two decisions"
    );
}

#[test]
fn disclosing_data_before_verifying_fails_the_call_whatever_the_points() {
    // Seed 7: 2 reads the bill to an unverified caller; the rest is the best that remains.
    let mut session = play(7, Mode::Exam, &[Pick(2)]);
    while let Some(answer) = session.expert_answer() {
        session.answer(answer).expect("expert answers are valid");
    }
    let result = session.result().expect("ended");
    assert_eq!(result.outcome, Outcome::Resolved);
    assert!(!result.passed);
    assert_eq!(
        result
            .broken
            .iter()
            .map(|b| (b.rule.as_str(), b.step))
            .collect::<Vec<_>>(),
        vec![("verify-first", 1)]
    );
    assert!(
        result.scores.overall > f64::from(result.pass_mark),
        "enough points, failed only by the rule: {}",
        result.scores.overall
    );
}

#[test]
fn exam_mode_keeps_feedback_out_of_the_transcript_but_in_the_decisions() {
    let session = play(
        7,
        Mode::Exam,
        &[Pick(3), Pick(2), Pick(1), Pick(2), Pick(2)],
    );
    assert!(!render(&ENGLISH, session.transcript()).contains("coach:"));
    assert_eq!(
        session.decisions()[0].feedback,
        "Acknowledges the worry first, then starts verification."
    );
}

#[test]
fn the_same_seed_and_answers_give_the_same_transcript_and_scores() {
    for seed in 0..200 {
        let answers = [Pick(1), Pick(1), Pick(1), Pick(1), Pick(1), Pick(1)];
        let run = || {
            let mut session = Session::new(example(), seed, Mode::Coach);
            for &a in &answers {
                if session.answer(a).is_err() {
                    break;
                }
            }
            (render(&ENGLISH, session.transcript()), session.score())
        };
        assert_eq!(run(), run(), "seed {seed}");
    }
}

#[test]
fn different_seeds_vary_the_lines_and_the_order_of_choices() {
    let openings: std::collections::BTreeSet<(String, Vec<String>)> = (0..50)
        .map(|seed| {
            let session = Session::new(example(), seed, Mode::Coach);
            (
                session.prompt().to_owned(),
                session.offers().into_iter().map(|o| o.text).collect(),
            )
        })
        .collect();
    // Two line variants times six orders of three choices.
    assert_eq!(openings.len(), 12);
}

#[test]
fn a_number_that_is_not_offered_is_refused_naming_the_step() {
    let mut session = play(7, Mode::Coach, &[Pick(3)]);
    assert_eq!(
        session.answer(Pick(4)),
        Err(PlayError::OutOfRange {
            step: 2,
            number: 4,
            available: 2
        })
    );
    assert_eq!(
        session.decisions().len(),
        1,
        "a refused answer changes nothing"
    );
}

#[test]
fn silence_where_no_timer_runs_is_refused() {
    let mut session = play(7, Mode::Coach, &[]);
    assert_eq!(session.answer(Silence), Err(PlayError::NoTimer { step: 1 }));
}

#[test]
fn leaving_a_call_midway_abandons_it_and_fails() {
    let mut session = play(7, Mode::Coach, &[Pick(3)]);
    session.abandon();
    let result = session.result().expect("ended");
    assert_eq!(
        (result.outcome, result.passed, result.ending),
        (Outcome::Abandoned, false, None)
    );
    assert_eq!(session.answer(Pick(1)), Err(PlayError::Over));
}

#[test]
fn a_loaded_file_and_the_same_text_from_memory_play_alike() {
    let text = std::fs::read(project("docs/example.ron")).expect("readable");
    let entry = frontline::library::load_bytes(Path::new("mem.ron"), &text, &AssetRoots::default());
    let from_memory = Session::new(entry.prepared.expect("playable"), 3, Mode::Coach);
    let from_file = Session::new(example(), 3, Mode::Coach);
    assert_eq!(from_memory.transcript(), from_file.transcript());
}
