//! Benchmarks of the own-words matcher, against the targets of issue #14
//! (docs/performance.md, "The own-words matcher"):
//!
//! - `matcher/rank_5_choices`: one typed reply ranked against a node of 5 choices (every
//!   choice encoded afresh, as `frontline match` and `play --replies` do);
//! - `matcher/rank_prepared_5_choices`: the same with the node prepared beforehand
//!   (`Matcher::prepare`, as the app can do while the customer speaks): only the reply is
//!   encoded;
//! - `matcher/load`: loading the shipped model.
//!
//! Run with `cargo bench --no-default-features --bench matcher`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::matcher::{ChoiceWords, MODEL_FILE, Matcher};

/// A node of five choices on one topic (bolletta-lacrime-it, `rate-dettagli`).
const CHOICES: [&str; 5] = [
    "Prima rata da 162,20 € entro il 16 gennaio, poi il 16 febbraio e il 16 marzo. Le mando adesso via SMS ed email il piano con i tre bollettini: la bolletta originale non va più pagata.",
    "Mi scusi, mi correggo: per questa bolletta il massimo sono 3 rate, da 162,20 € al mese. La prima entro il 16 gennaio, poi 16 febbraio e 16 marzo.",
    "La prima rata da 81,10 € entro il 16 gennaio, poi una al mese fino a giugno.",
    "La prima rata va pagata subito, entro la fine di questa settimana.",
    "Non si preoccupi, le arriva tutto a casa e lì trova scritto ogni cosa.",
];

fn matcher(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(MODEL_FILE);
    let matcher = Matcher::load(&path).expect("the shipped model loads");
    let choices: Vec<ChoiceWords> = CHOICES.iter().map(|c| (*c, &[][..])).collect();
    let mut group = c.benchmark_group("matcher");
    group.bench_function("rank_5_choices", |b| {
        b.iter(|| {
            matcher.rank(
                black_box(&choices),
                black_box("la prima rata 162,20 entro il 16 gennaio, le mando il piano per sms"),
            )
        });
    });
    let prepared = matcher.prepare(&choices);
    group.bench_function("rank_prepared_5_choices", |b| {
        b.iter(|| {
            matcher.rank_prepared(
                black_box(&prepared),
                black_box("la prima rata 162,20 entro il 16 gennaio, le mando il piano per sms"),
            )
        });
    });
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter(|| Matcher::load(black_box(&path)).expect("the shipped model loads"));
    });
    group.finish();
}

criterion_group!(benches, matcher);
criterion_main!(benches);
