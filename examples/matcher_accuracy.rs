//! Top-1 accuracy of the own-words matcher on the labelled replies of
//! `tests/matching/replies.tsv`, per style and per language, and the model's load time
//! (docs/performance.md, "The own-words matcher"). The replies are ranked against the choices
//! they were labelled for (`tests/matching/choices.tsv`, the shipped calls' texts then), so the
//! figures do not drift when the calls are rewritten.
//!
//! `cargo run --release --no-default-features --example matcher_accuracy [FILE] [--misses]`

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use frontline::matcher::{ChoiceWords, MODEL_FILE, Matcher};

fn main() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let file = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("tests/matching/replies.tsv"));
    let started = Instant::now();
    let matcher =
        Matcher::load(&root.join("assets").join(MODEL_FILE)).map_err(|e| e.to_string())?;
    let load = started.elapsed();
    let choices_file = root.join("tests/matching/choices.tsv");
    let listed = std::fs::read_to_string(&choices_file)
        .map_err(|e| format!("{}: {e}", choices_file.display()))?;
    // (scenario, node) → the choices' texts in order.
    let mut nodes: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for line in listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.splitn(4, '\t').collect();
        let [scenario, node, _, text] = fields[..] else {
            return Err(format!(
                "{}: `{line}` has not 4 fields",
                choices_file.display()
            ));
        };
        nodes.entry((scenario, node)).or_default().push(text);
    }
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;

    // (style or language) → (right, total)
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut ranked = 0;
    let ranking_started = Instant::now();
    for (number, line) in (1..).zip(text.lines()) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [scenario, node, index, style, reply] = fields[..] else {
            return Err(format!(
                "{}:{number}: expected 5 fields separated by tabs",
                file.display()
            ));
        };
        let choices = nodes.get(&(scenario, node)).ok_or_else(|| {
            format!(
                "{}:{number}: no choices listed for {scenario}/{node}",
                file.display()
            )
        })?;
        let expected: usize = index.parse().map_err(|_| {
            format!(
                "{}:{number}: `{index}` is not a choice index",
                file.display()
            )
        })?;
        if expected >= choices.len() {
            return Err(format!(
                "{}:{number}: {scenario}/{node} has no choice {expected}",
                file.display()
            ));
        }
        let words: Vec<ChoiceWords> = choices.iter().map(|t| (*t, &[][..])).collect();
        let ranking = matcher.rank(&words, reply);
        ranked += 1;
        let got = ranking.ranked[0].index;
        let right = usize::from(got == expected);
        let language = if scenario.ends_with("-it") {
            "Italian"
        } else {
            "English"
        };
        let sure = if ranking.confident {
            "sure"
        } else {
            "not sure"
        };
        for key in [
            format!("style: {style}"),
            format!("language: {language}"),
            format!("when {sure}"),
            "overall".to_owned(),
        ] {
            let counts = tally.entry(key).or_default();
            counts.0 += right;
            counts.1 += 1;
        }
        if right == 0 && show_misses {
            println!(
                "miss ({style}) {scenario}/{node}: “{reply}” → [{got}] {} instead of [{expected}] {}",
                choices[got], choices[expected]
            );
        }
    }
    let per_reply = ranking_started.elapsed() / ranked.max(1);
    println!("model load: {:.0} ms", load.as_secs_f64() * 1000.0);
    println!(
        "replies: {ranked} (ranking, every choice encoded afresh: {:.1} ms per reply)",
        per_reply.as_secs_f64() * 1000.0
    );
    for (key, (right, total)) in &tally {
        println!(
            "{key:<22} {:>5.1}%  ({right}/{total})",
            100.0 * *right as f64 / *total as f64
        );
    }
    Ok(())
}
