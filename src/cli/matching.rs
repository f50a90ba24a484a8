//! `frontline match` (how the own-words matcher ranks a node's choices for a reply) and the
//! typed replies of `frontline play --replies`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use serde::Serialize;
use serde_json::json;

use super::{Failure, Format, resolve, write, write_json};
use crate::engine::{Answer, Mode, Phase, Session, Taken, Typed};
use crate::matcher::Matcher;

/// Arguments of `frontline match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// A scenario id from the library, or a file.
    pub scenario: String,
    /// The id of the node whose choices are ranked.
    pub node: String,
    /// What the trainee typed.
    pub reply: String,
    /// For a scenario with variants: the seed whose variant's names and figures fill the
    /// choices (as that call shows them); the first variant when omitted.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Library folder to find ids in (default: the built-in library).
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `frontline match`: every choice of the node, as written, best first.
pub fn run(args: MatchArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let entry = resolve(&args.scenario, args.library)?;
    let Some(prepared) = entry.prepared.clone() else {
        return Err(Failure::problem("the scenario has errors"));
    };
    let session;
    let scenario = match args.seed {
        Some(seed) => {
            session = Session::new(Arc::clone(&prepared), seed, Mode::Coach);
            session.scenario()
        }
        None => prepared.variant(Some(0)),
    };
    let Some(node) = scenario.nodes.get(&args.node) else {
        let ids: Vec<&str> = scenario.nodes.iter().map(|(id, _)| id.as_str()).collect();
        return Err(Failure::usage(format!(
            "no node `{}` in {}; nodes: {}",
            args.node,
            scenario.id,
            ids.join(", ")
        )));
    };
    let matcher = load()?;
    let ranking = matcher.rank_choices(&node.choices, &args.reply);
    match args.format {
        Format::Json => {
            let ranked: Vec<serde_json::Value> = ranking
                .ranked
                .iter()
                .map(|r| {
                    json!({
                        "index": r.index,
                        "text": node.choices[r.index].text,
                        "score": rounded(r.score),
                    })
                })
                .collect();
            write_json(
                out,
                &json!({
                    "scenario": scenario.id,
                    "node": args.node,
                    "reply": args.reply,
                    "confident": ranking.confident,
                    "ranked": ranked,
                }),
            )
        }
        Format::Text => {
            let mut text = format!(
                "“{}” — {}\n",
                args.reply,
                if ranking.confident {
                    "understood as the first"
                } else {
                    "not sure: the closest are"
                }
            );
            for r in &ranking.ranked {
                text.push_str(&format!(
                    "  {:.2}  [{}] {}\n",
                    r.score, r.index, node.choices[r.index].text
                ));
            }
            write(out, &text)
        }
    }
}

/// The matcher with the shipped model, or the failure to print.
fn load() -> Result<Matcher, Failure> {
    Matcher::load_default().map_err(|e| Failure::problem(e.to_string()))
}

/// A score as JSON shows it: three decimals, so the output is the same on every machine.
fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// One typed reply of `play --replies` and what it was matched to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypedReply {
    /// The decision it answered, 1-based.
    pub step: usize,
    /// The line as typed; empty lets the timer run out.
    pub reply: String,
    /// The number of the offer it was matched to, as displayed; none for silence.
    pub number: Option<usize>,
    /// The matched offer's text; empty for silence.
    pub text: String,
    /// How well the reply matched it, 0 to 1.
    pub score: f64,
    /// Whether the matcher was sure.
    pub confident: bool,
}

/// Answers the session's decisions with the lines of `file`, each matched to the offer it
/// means (an empty line is silence), until the lines or the call run out.
pub fn play_replies(session: &mut Session, file: &Path) -> Result<Vec<TypedReply>, Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::usage(format!("cannot read the replies {}: {e}", file.display())))?;
    let matcher = load()?;
    let mut replies = Vec::new();
    for (line, reply) in (1..).zip(text.lines()) {
        if session.phase() == Phase::Ended {
            break;
        }
        let reply = reply.trim();
        let offers = session.offers();
        let (answer, typed) = if reply.is_empty() {
            (Answer::Silence, None)
        } else {
            let ranking = matcher.rank_prepared(&matcher.prepare_offers(&offers), reply);
            let best = ranking.ranked.first().ok_or_else(|| {
                Failure::usage(format!("{}:{line}: nothing to answer", file.display()))
            })?;
            let typed = Typed {
                words: reply.to_owned(),
                score: best.score,
                confident: ranking.confident,
                taken: Taken::Understood,
            };
            (Answer::Pick(offers[best.index].number), Some(typed))
        };
        let (score, confident) = typed
            .as_ref()
            .map_or((0.0, false), |t| (rounded(t.score), t.confident));
        session
            .answer_typed(answer, None, typed)
            .map_err(|e| Failure::usage(format!("{}:{line}: {e}", file.display())))?;
        let matched = match answer {
            Answer::Pick(number) => offers.iter().find(|o| o.number == number),
            Answer::Silence => None,
        };
        replies.push(TypedReply {
            step: replies.len() + 1,
            reply: reply.to_owned(),
            number: matched.map(|o| o.number),
            text: matched.map(|o| o.text.clone()).unwrap_or_default(),
            score,
            confident,
        });
    }
    Ok(replies)
}

/// The typed replies as text, one line each, for the end of `play`'s report.
pub fn replies_text(typed: &[TypedReply]) -> String {
    let mut text = String::from("\nTyped replies:\n");
    for t in typed {
        match t.number {
            Some(number) => text.push_str(&format!(
                "  {}. “{}” → {number}) {} ({:.2}{})\n",
                t.step,
                t.reply,
                t.text,
                t.score,
                if t.confident { "" } else { ", not sure" }
            )),
            None => text.push_str(&format!("  {}. (empty: the timer ran out)\n", t.step)),
        }
    }
    text
}
