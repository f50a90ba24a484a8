//! Synthetic scenario libraries for benchmarks and tests, with the size profile of the shipped calls.
//!
//! The shipped scenarios (measured on the twelve in `scenarios/`) have 9–10 nodes
//! of 3–5 choices (mostly 4), 4–5 endings of which one is a hang-up, a hang-up rule
//! at patience 12–15, 1–2 compliance rules broken by 2–8 choices, 2–8 flags set by
//! 4–11 choices and tested by 0–6 conditions, a mood change on about 85% of the
//! choices (mostly steps of 10 and 20), 1–5 timers whose silence may loop back, two `say`
//! variants per node and about one `say_if` on a mood level, 10–12 account facts,
//! two wrap-up questions of 4–5 answers, and 25–36 KB of text. [`write_library`]
//! writes `count` such calls and one very large one (hundreds of nodes in stages,
//! a dozen flags set and cleared, mood effects on every choice and choices that
//! depend on the customer's anger and trust). Everything comes from the seed, so
//! the same arguments write the same bytes.

use std::fmt::Write as _;
use std::io;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// Where a generated library was written.
pub struct Written {
    /// The folder of the `count` calls with the shipped size profile.
    pub library: PathBuf,
    /// The one very large call (in a folder of its own).
    pub large: PathBuf,
}

/// Writes `count` calls into `out/library/` and one very large call into `out/large/`.
pub fn write_library(out: &Path, count: usize, seed: u64) -> io::Result<Written> {
    let library = out.join("library");
    let large_dir = out.join("large");
    std::fs::create_dir_all(&library)?;
    std::fs::create_dir_all(&large_dir)?;
    for i in 0..count {
        let id = format!("synthetic-{i:05}");
        let text = Call::typical(&id, seed.wrapping_add(i as u64)).write();
        std::fs::write(library.join(format!("{id}.ron")), text)?;
    }
    let large = large_dir.join("synthetic-large.ron");
    std::fs::write(
        &large,
        Call::large("synthetic-large", seed.wrapping_sub(1)).write(),
    )?;
    Ok(Written { library, large })
}

/// Words the texts are made of: call-centre English, so a file reads like one.
const WORDS: [&str; 48] = [
    "bill",
    "account",
    "payment",
    "tariff",
    "meter",
    "reading",
    "instalment",
    "plan",
    "today",
    "contract",
    "supply",
    "customer",
    "number",
    "amount",
    "due",
    "date",
    "understand",
    "sorry",
    "help",
    "explain",
    "check",
    "confirm",
    "letter",
    "email",
    "month",
    "winter",
    "price",
    "gas",
    "electricity",
    "usage",
    "higher",
    "than",
    "last",
    "year",
    "we",
    "can",
    "your",
    "the",
    "and",
    "with",
    "for",
    "this",
    "that",
    "really",
    "right",
    "now",
    "please",
    "thank",
];

/// The flag the compliance rule `verify-first` waits for, set at the first node.
const VERIFIED: &str = "verified";

/// Flags a call may use besides [`VERIFIED`]: the first is tested by the wrap-up and never
/// cleared, the others are picked stage by stage.
const FLAGS: [&str; 14] = [
    "explained",
    "plan",
    "apologised",
    "bonus-info",
    "callback-booked",
    "refund",
    "discount",
    "hold",
    "meter-check",
    "complaint",
    "breakdown-sent",
    "reading-taken",
    "escalation-noted",
    "payment-date",
];

/// Endings besides resolved, unresolved and the hang-up, with their outcome.
const EXTRA_ENDINGS: [(&str, &str); 4] = [
    ("escalated", "Escalated"),
    ("callback", "CallbackScheduled"),
    ("retained", "Retained"),
    ("cancelled", "Cancelled"),
];

/// Built-in sounds (no files needed).
const CUES: [&str; 5] = ["sob", "sigh", "shout", "typing", "hold-music"];

/// A choice or a timer's silence, before it is written.
struct Move {
    text: String,
    action: bool,
    when: String,
    points: [i32; 3],
    mood: [i32; 4],
    sets: Vec<&'static str>,
    clears: Vec<&'static str>,
    breaks: Vec<&'static str>,
    feedback: String,
    cue: Option<&'static str>,
    next: String,
}

/// A node, before it is written.
struct Node {
    id: String,
    say: Vec<String>,
    say_if: Vec<(String, String)>,
    cue: Option<&'static str>,
    timer: Option<(u32, Move)>,
    choices: Vec<Move>,
}

/// A whole call, before it is written.
struct Call {
    id: String,
    rng: Xoshiro256PlusPlus,
    mood: [i32; 4],
    hang_up_below: i32,
    rules: Vec<(&'static str, bool)>,
    nodes: Vec<Node>,
    endings: Vec<(String, &'static str, [i32; 3])>,
}

impl Call {
    /// A call with the size profile of the shipped ones.
    fn typical(id: &str, seed: u64) -> Call {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let nodes = if rng.random_bool(0.7) { 9 } else { 10 };
        let flag_count = rng.random_range(1..=7usize);
        let mut call = Call::start(id, rng, 1 + usize::from(flag_count > 4));
        let flags: Vec<&'static str> = std::iter::once(VERIFIED)
            .chain(FLAGS[..flag_count].iter().copied())
            .collect();
        call.stage(0, nodes, &flags, false, false);
        call
    }

    /// The very large call: stages of ten nodes, each with its own flags set and then cleared,
    /// mood effects on every choice, and choices that depend on anger and trust early on.
    fn large(id: &str, seed: u64) -> Call {
        const STAGES: usize = 40;
        const STAGE_NODES: usize = 10;
        let rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut call = Call::start(id, rng, 2);
        for stage in 0..STAGES {
            let first = 1 + (stage * 3) % (FLAGS.len() - 3);
            let stage_flags = [
                VERIFIED,
                FLAGS[0],
                FLAGS[first],
                FLAGS[first + 1],
                FLAGS[first + 2],
            ];
            let last = stage + 1 == STAGES;
            call.stage(
                stage * STAGE_NODES,
                STAGE_NODES,
                &stage_flags,
                !last,
                stage < 2,
            );
        }
        call
    }

    /// The parts every call has: mood, rules, endings.
    fn start(id: &str, mut rng: Xoshiro256PlusPlus, rules: usize) -> Call {
        let mood = [
            5 * rng.random_range(2..=18),
            5 * rng.random_range(2..=18),
            5 * rng.random_range(2..=12),
            5 * rng.random_range(9..=14),
        ];
        let mut endings = vec![
            ("resolved".to_owned(), "Resolved", [0, 0, 3]),
            ("unresolved".to_owned(), "Unresolved", [0, 0, 0]),
            ("hung-up".to_owned(), "HungUp", [0, 0, -2]),
        ];
        let extra = rng.random_range(1..=2usize);
        let offset = rng.random_range(0..EXTRA_ENDINGS.len());
        for k in 0..extra {
            let (name, outcome) = EXTRA_ENDINGS[(offset + k) % EXTRA_ENDINGS.len()];
            endings.push((name.to_owned(), outcome, [0, 0, 1]));
        }
        let rule_list = [("verify-first", true), ("no-promises", false)];
        Call {
            id: id.to_owned(),
            mood,
            hang_up_below: if rng.random_bool(0.8) { 15 } else { 12 },
            rules: rule_list[..rules].to_vec(),
            nodes: Vec::new(),
            endings,
            rng,
        }
    }

    /// A sentence of about as many characters as drawn from `chars`.
    fn words(&mut self, chars: RangeInclusive<usize>) -> String {
        let chars = self.rng.random_range(chars);
        let mut text = String::new();
        while text.len() < chars {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(WORDS[self.rng.random_range(0..WORDS.len())]);
        }
        let mut sentence = String::with_capacity(text.len() + 1);
        let mut letters = text.chars();
        if let Some(first) = letters.next() {
            sentence.extend(first.to_uppercase());
        }
        sentence.extend(letters);
        sentence.push('.');
        sentence
    }

    fn mood_change(&mut self, good: bool) -> [i32; 4] {
        // Mostly steps of 10 and 20, as the shipped calls (and the writing guide) use;
        // one change in seven is 5 or 15.
        let step = |rng: &mut Xoshiro256PlusPlus| {
            let tens = 10 * rng.random_range(1..=2);
            if rng.random_range(0..7) == 0 {
                tens - 5
            } else {
                tens
            }
        };
        if self.rng.random_range(0..100) < 15 {
            return [0; 4];
        }
        let sign = if good { -1 } else { 1 };
        let mut mood = [0; 4];
        for (feeling, level) in mood.iter_mut().enumerate() {
            if self.rng.random_bool(0.45) {
                let change = step(&mut self.rng);
                // Distress and anger fall with a good answer; trust and patience rise.
                *level = if feeling < 2 {
                    sign * change
                } else {
                    -sign * change
                };
            }
        }
        if !good {
            // A bad answer always costs patience, so the hang-up can be reached.
            mood[3] = -20;
        }
        mood
    }

    /// A choice to `next`, good (points up, the customer calms) with probability `good`.
    fn choice(&mut self, next: String, good: f64) -> Move {
        let good = self.rng.random_bool(good);
        let points = if good {
            [
                self.rng.random_range(1..=3),
                self.rng.random_range(0..=3),
                self.rng.random_range(0..=2),
            ]
        } else {
            [
                self.rng.random_range(-3..=0),
                self.rng.random_range(-3..=1),
                self.rng.random_range(-2..=0),
            ]
        };
        Move {
            text: self.words(55..=115),
            action: self.rng.random_range(0..5) == 0,
            when: String::new(),
            points,
            mood: self.mood_change(good),
            sets: Vec::new(),
            clears: Vec::new(),
            breaks: Vec::new(),
            feedback: self.words(80..=165),
            cue: None,
            next,
        }
    }

    /// Adds `count` nodes from index `first`; the last leads to the next stage or to the endings.
    fn stage(
        &mut self,
        first: usize,
        count: usize,
        flags: &[&'static str],
        more: bool,
        moody: bool,
    ) {
        let node_id = |n: usize| format!("n{n:03}");
        // Flags 0 and 1 last the whole call; the others belong to this stage.
        let local = &flags[2.min(flags.len())..];
        let extra: Vec<String> = self.endings[3..].iter().map(|e| e.0.clone()).collect();
        let mut set_before: Vec<&'static str> = Vec::new();
        for k in 0..count {
            let n = first + k;
            let last = k + 1 == count;
            let next = if last && !more {
                "resolved".to_owned()
            } else {
                node_id(n + 1)
            };
            let mut choices = Vec::new();
            // The expert's answer: good points and mood, sometimes sets a flag.
            let mut good = self.choice(next.clone(), 1.0);
            if n == 0 {
                good.sets.push(VERIFIED);
            } else if n == 1 {
                good.sets.push(flags[1]);
            } else if self.rng.random_bool(0.6) {
                let pick = if local.is_empty() {
                    flags[1]
                } else {
                    local[self.rng.random_range(0..local.len())]
                };
                good.sets.push(pick);
            }
            // Conditions further on test only flags some earlier node of this stage sets.
            let set = set_before.clone();
            for flag in &good.sets {
                if !set_before.contains(flag) {
                    set_before.push(flag);
                }
            }
            if last && more {
                good.clears.extend(local.iter().copied());
            }
            choices.push(good);
            // A weaker answer that moves on too.
            let mut weak = self.choice(next.clone(), 0.3);
            if last && !more {
                weak.next = "unresolved".to_owned();
            } else if k + 2 < count && self.rng.random_bool(0.2) {
                weak.next = node_id(n + 2);
            }
            if last && more {
                weak.clears.extend(local.iter().copied());
            }
            choices.push(weak);
            // The bad answer: costs patience, keeps the call going, may break a rule.
            let mut bad = self.choice(next.clone(), 0.0);
            if last {
                bad.next = if more {
                    node_id(n + 1)
                } else {
                    extra[0].clone()
                };
            }
            if n < 6 && self.rng.random_bool(0.4) {
                bad.breaks.push("verify-first");
            } else if self.rules.len() > 1 && self.rng.random_bool(0.3) {
                bad.breaks.push("no-promises");
            }
            if last && more {
                bad.clears.extend(local.iter().copied());
            }
            choices.push(bad);
            // Often a fourth: an answer that needs a flag, an early exit, or one that depends on mood.
            let roll = self.rng.random_range(0..100);
            if roll < 85 && !last {
                let mut fourth = self.choice(next.clone(), 0.6);
                if moody && k > 0 && roll < 40 {
                    let level = 5 * self.rng.random_range(8..=14);
                    fourth.when = if roll < 20 {
                        format!("(at_least: (anger: {level}))")
                    } else {
                        format!("(below: (anger: {level}))")
                    };
                } else if !set.is_empty() && roll < 25 {
                    let flag = set[self.rng.random_range(0..set.len())];
                    fourth.when = format!("(flags: [{flag:?}])");
                } else if roll < 35 && !extra.is_empty() {
                    fourth.next = extra[self.rng.random_range(0..extra.len())].clone();
                }
                if n > 0 && roll > 75 {
                    fourth.breaks.push("verify-first");
                }
                choices.push(fourth);
                if self.rng.random_range(0..100) < 10 {
                    choices.push(self.choice(next.clone(), 1.0));
                }
            } else if last && !more {
                let mut exit = self.choice(extra[extra.len() - 1].clone(), 1.0);
                exit.when = format!("(not_flags: [{:?}])", flags[0]);
                choices.push(exit);
                let mut close = self.choice("unresolved".to_owned(), 0.0);
                close.mood[3] = -10;
                choices.push(close);
            }
            // Mostly two timers in a call of ten nodes: silence costs patience, may loop back.
            let timer = (self.rng.random_range(0..100) < 22).then(|| {
                let seconds = self.rng.random_range(15..=40);
                let loops = !last && self.rng.random_bool(0.5);
                let clears = if last && more {
                    local.to_vec()
                } else {
                    Vec::new()
                };
                let silence = Move {
                    text: String::new(),
                    action: false,
                    when: String::new(),
                    // Silence always costs: a free one is what `free-silence` warns of.
                    points: [-1, 0, 0],
                    mood: [10, 5 * self.rng.random_range(0..=2), 0, -20],
                    sets: Vec::new(),
                    clears,
                    breaks: Vec::new(),
                    feedback: self.words(90..=160),
                    cue: None,
                    next: if loops { node_id(n) } else { next.clone() },
                };
                (seconds, silence)
            });
            let variants = 2 + usize::from(self.rng.random_range(0..10) == 0);
            let say = (0..variants).map(|_| self.words(80..=200)).collect();
            let say_if = (0..self.rng.random_range(0..=1 + usize::from(k % 3 == 0)))
                .map(|_| {
                    let when = if self.rng.random_bool(0.6) {
                        format!("(at_least: (anger: {}))", 5 * self.rng.random_range(5..=16))
                    } else {
                        format!("(below: (trust: {}))", 5 * self.rng.random_range(4..=8))
                    };
                    (when, self.words(80..=180))
                })
                .collect();
            let cue = (self.rng.random_range(0..100) < 22)
                .then(|| CUES[self.rng.random_range(0..CUES.len())]);
            if let Some(choice) = choices.get_mut(1)
                && self.rng.random_range(0..100) < 10
            {
                choice.cue = Some("typing");
            }
            self.nodes.push(Node {
                id: node_id(n),
                say,
                say_if,
                cue,
                timer,
                choices,
            });
        }
    }

    /// The call as a RON file, laid out as trainers write them.
    fn write(mut self) -> String {
        let mut out = String::with_capacity(40_000);
        let title = self.words(24..=40);
        let summary = self.words(120..=160);
        let persona = self.words(90..=130);
        let _ = writeln!(out, "// A generated call for benchmarks: {title}");
        let _ = writeln!(
            out,
            "// Written by examples/support/synthetic.rs from a seed."
        );
        let _ = writeln!(out, "Scenario(");
        let _ = writeln!(out, "    id: {:?},", self.id);
        let _ = writeln!(out, "    title: {:?},", title.trim_end_matches('.'));
        let _ = writeln!(out, "    language: \"en\",");
        let _ = writeln!(out, "    difficulty: Intermediate,");
        let _ = writeln!(
            out,
            "    tags: [\"energy\", \"billing\", \"synthetic\", \"benchmark\"],"
        );
        let _ = writeln!(out, "    minutes: {},", self.nodes.len().min(60));
        let _ = writeln!(out, "    summary: {summary:?},");
        let objectives: Vec<String> = (0..4)
            .map(|_| format!("{:?}", self.words(40..=60)))
            .collect();
        let _ = writeln!(
            out,
            "    objectives: [\n        {},\n    ],",
            objectives.join(",\n        ")
        );
        let _ = writeln!(out, "    author: \"Frontline benchmark generator\",");
        let _ = writeln!(out, "    version: \"1.0\",");
        let _ = writeln!(
            out,
            "    pass_mark: {},\n",
            5 * self.rng.random_range(12..=15)
        );
        let [d, a, t, p] = self.mood;
        let _ = writeln!(
            out,
            "    customer: (\n        name: \"Alex Morgan\",\n        persona: {persona:?},\n        mood: (distress: {d}, anger: {a}, trust: {t}, patience: {p}),\n    ),\n"
        );
        let _ = writeln!(out, "    account: [");
        for i in 0..self.rng.random_range(10..=12) {
            let value = self.words(25..=70);
            let _ = writeln!(out, "        (\"Fact {}\", {value:?}),", i + 1);
        }
        let _ = writeln!(out, "    ],\n");
        let _ = writeln!(out, "    rules: (");
        let _ = writeln!(
            out,
            "        hang_up: (patience_below: {}, ending: \"hung-up\"),",
            self.hang_up_below
        );
        let _ = writeln!(out, "        compliance: [");
        for (rule, unless) in self.rules.clone() {
            let text = self.words(50..=90);
            let unless = if unless { "[\"verified\"]" } else { "[]" };
            let _ = writeln!(
                out,
                "            (\n                id: {rule:?},\n                text: {text:?},\n                unless: {unless},\n            ),"
            );
        }
        let _ = writeln!(out, "        ],\n    ),\n");
        let _ = writeln!(out, "    start: \"n000\",\n");
        let _ = writeln!(out, "    nodes: {{");
        for node in &self.nodes {
            write_node(&mut out, node);
        }
        let _ = writeln!(out, "    }},\n");
        let _ = writeln!(out, "    endings: {{");
        let endings = std::mem::take(&mut self.endings);
        for (id, outcome, [e, a, r]) in &endings {
            let say = self.words(50..=90);
            let summary = self.words(110..=150);
            let cue = if *outcome == "HungUp" {
                "\n            cue: \"hang-up\","
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "        {id:?}: (\n            outcome: {outcome},\n            say: {say:?},\n            summary: {summary:?},\n            points: (empathy: {e}, accuracy: {a}, resolution: {r}),{cue}\n        ),"
            );
        }
        let _ = writeln!(out, "    }},\n");
        let talked: Vec<String> = endings
            .iter()
            .filter(|(_, outcome, _)| *outcome != "HungUp")
            .map(|(id, _, _)| format!("{id:?}"))
            .collect();
        let talked = talked.join(", ");
        let _ = writeln!(out, "    wrap_up: [");
        for (q, flag) in [FLAGS[0], VERIFIED].into_iter().enumerate() {
            let ask = if q == 0 {
                "Disposition code"
            } else {
                "Note for the back office"
            };
            let mut options = vec![
                format!("correct_if: (endings: [{talked}], flags: [{flag:?}])"),
                format!("correct_if: (endings: [{talked}], not_flags: [{flag:?}])"),
                "correct_if: (endings: [\"hung-up\"])".to_owned(),
                String::new(),
            ];
            if self.rng.random_bool(0.6) {
                options.push(String::new());
            }
            let _ = writeln!(
                out,
                "        (\n            ask: {ask:?},\n            points: (accuracy: 2),\n            options: ["
            );
            for condition in options {
                let text = self.words(40..=120);
                let feedback = self.words(60..=140);
                let condition = if condition.is_empty() {
                    String::new()
                } else {
                    format!(" {condition},")
                };
                let _ = writeln!(
                    out,
                    "                (text: {text:?},{condition} feedback: {feedback:?}),"
                );
            }
            let _ = writeln!(out, "            ],\n        ),");
        }
        let _ = writeln!(out, "    ],\n)");
        out
    }
}

fn write_node(out: &mut String, node: &Node) {
    let _ = writeln!(out, "        {:?}: (", node.id);
    let _ = writeln!(out, "            say: [");
    for line in &node.say {
        let _ = writeln!(out, "                {line:?},");
    }
    let _ = writeln!(out, "            ],");
    if !node.say_if.is_empty() {
        let _ = writeln!(out, "            say_if: [");
        for (when, line) in &node.say_if {
            let _ = writeln!(out, "                (when: {when}, say: [{line:?}]),");
        }
        let _ = writeln!(out, "            ],");
    }
    if let Some(cue) = node.cue {
        let _ = writeln!(out, "            cue: {cue:?},");
    }
    if let Some((drawn, silence)) = &node.timer {
        // Time to read the longest line and every answer at 230 words a minute, plus 3 s.
        let words = |text: &str| text.split_whitespace().count();
        let line = node
            .say
            .iter()
            .chain(node.say_if.iter().map(|(_, line)| line))
            .map(|line| words(line))
            .max()
            .unwrap_or(0);
        let answers: usize = node.choices.iter().map(|c| words(&c.text)).sum();
        let seconds = (*drawn).max(((line + answers) * 60).div_ceil(230) as u32 + 4);
        let _ = writeln!(
            out,
            "            timer: (\n                seconds: {seconds},\n                silence: ("
        );
        write_move(out, silence, "                    ");
        let _ = writeln!(out, "                ),\n            ),");
    }
    let _ = writeln!(out, "            choices: [");
    for choice in &node.choices {
        let _ = writeln!(out, "                (");
        write_move(out, choice, "                    ");
        let _ = writeln!(out, "                ),");
    }
    let _ = writeln!(out, "            ],\n        ),");
}

fn write_move(out: &mut String, choice: &Move, indent: &str) {
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !choice.text.is_empty() {
        let _ = writeln!(out, "{indent}text: {:?},", choice.text);
    }
    if choice.action {
        let _ = writeln!(out, "{indent}action: true,");
    }
    if !choice.when.is_empty() {
        let _ = writeln!(out, "{indent}when: {},", choice.when);
    }
    let [e, a, r] = choice.points;
    if choice.points != [0; 3] {
        let _ = writeln!(
            out,
            "{indent}points: (empathy: {e}, accuracy: {a}, resolution: {r}),"
        );
    }
    let mood: Vec<String> = ["distress", "anger", "trust", "patience"]
        .iter()
        .zip(choice.mood)
        .filter(|(_, change)| *change != 0)
        .map(|(feeling, change)| format!("{feeling}: {change}"))
        .collect();
    if !mood.is_empty() {
        let _ = writeln!(out, "{indent}mood: ({}),", mood.join(", "));
    }
    for (field, names) in [
        ("sets", &choice.sets),
        ("clears", &choice.clears),
        ("breaks", &choice.breaks),
    ] {
        if !names.is_empty() {
            let _ = writeln!(out, "{indent}{field}: [{}],", list(names));
        }
    }
    let _ = writeln!(out, "{indent}feedback: {:?},", choice.feedback);
    if let Some(cue) = choice.cue {
        let _ = writeln!(out, "{indent}cue: {cue:?},");
    }
    let _ = writeln!(out, "{indent}next: {:?},", choice.next);
}
