//! Benchmarks of the scenario core, against the targets of docs/performance.md.
//!
//! - `library/check_1000`: load and check a generated library of 1,000 calls with the size
//!   profile of the shipped ones, as `frontline check` does (read, parse, check, analyse,
//!   play the expert path, hash), on every core;
//! - `library/ron_1000`: the baseline, bare RON deserialisation of the same files into the
//!   scenario model (read and deserialise, nothing else), on every core the same way;
//! - `analysis/large`: the analysis of the generated very large call;
//! - `engine/step`: one answer in a session of a shipped call.
//!
//! Run with `cargo bench --no-default-features --bench core` (no Bevy needed).

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use frontline::engine::analysis::Analysis;
use frontline::engine::{Answer, Mode, Playbook, Session};
use frontline::library::{Library, on_every_core, scenario_files};
use frontline::scenario::{Scenario, parse, ron_options};

/// Calls in the generated library, as in the target.
const CALLS: usize = 1000;
/// The generator's seed: every run benchmarks the same files.
const SEED: u64 = 2022;

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let written =
        synthetic::write_library(dir.path(), CALLS, SEED).expect("the library is written");
    let folders = [written.library.clone()];
    let files = scenario_files(&folders).expect("the generated files are listed");
    assert_eq!(files.len(), CALLS);
    let loaded = Library::load(&folders, None).expect("the library loads");
    // Generated calls are not written to resist guessing: `guessable` warnings are expected.
    assert_eq!(
        loaded.diagnostics().filter(|d| d.is_error()).count(),
        0,
        "the generated library checks without errors"
    );

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("check_1000", |b| {
        b.iter(|| Library::load(black_box(&folders), None).expect("the library loads"));
    });
    group.bench_function("ron_1000", |b| {
        b.iter(|| {
            let files = scenario_files(black_box(&folders)).expect("the files are listed");
            on_every_core(&files, |file| {
                let bytes = std::fs::read(file).expect("the file is read");
                ron_options()
                    .from_bytes::<Scenario>(&bytes)
                    .expect("the file deserialises")
            })
        });
    });
    group.finish();

    let large = playbook(&written.large);
    let mut group = c.benchmark_group("analysis");
    group.sample_size(20);
    group.bench_function("large", |b| b.iter(|| Analysis::new(black_box(&large))));
    group.finish();
}

fn engine(c: &mut Criterion) {
    let book =
        playbook(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/en/bill-tears-en.ron"));
    let prepared =
        frontline::engine::Prepared::new(book.scenario).expect("a shipped call prepares");
    let session = Session::new(prepared, 7, Mode::Coach);
    c.bench_function("engine/step", |b| {
        b.iter_batched(
            || session.clone(),
            |mut session| {
                session
                    .answer(Answer::Pick(1))
                    .expect("the first offer is taken");
                session
            },
            BatchSize::SmallInput,
        );
    });
}

/// A scenario file parsed and prepared for play.
fn playbook(file: &Path) -> Playbook {
    let bytes = std::fs::read(file).expect("the scenario is read");
    let scenario = parse(file, &bytes).expect("the scenario parses");
    Playbook::new(scenario).expect("the scenario prepares")
}

criterion_group!(benches, library, engine);
criterion_main!(benches);
