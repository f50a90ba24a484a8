//! `frontline team`: the trainer's view of the team, from the learning record store or
//! from the local records: per trainee and per scenario, and where the team goes wrong.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::records::DataDir;
use super::{Failure, write, write_json};
use crate::centre::{self, Attempt, LrsConfig, Scope, Team};
use crate::records::{AUTH_VARIABLE, DEFAULT_BASE, Filter, parse_rfc3339};

/// Where the calls are read from: a learning record store or the local records.
#[derive(Debug, Args)]
pub struct Source {
    /// Read the statements of this learning record store (its xAPI endpoint); without it and
    /// without --data-dir, the store configured in FRONTLINE_LRS or lrs.json beside the
    /// records, else the local records. Authentication from FRONTLINE_LRS_AUTH=user:password.
    #[arg(long, value_name = "URL")]
    pub lrs: Option<String>,
    /// The IRI the statements' activities are named under (with a store).
    #[arg(long, value_name = "IRI")]
    pub xapi_base: Option<String>,
    /// Where the records are.
    #[command(flatten)]
    pub data: DataDir,
}

/// Arguments of `frontline team`.
#[derive(Debug, Args)]
pub struct TeamArgs {
    /// Only calls that ended on or after this day (2026-03-01) or moment (RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only calls of this scenario id.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Output format: CSV gives the table of where the team goes wrong.
    #[arg(long, value_enum, default_value_t = TeamFormat::Text)]
    pub format: TeamFormat,
    /// Where the calls are read from.
    #[command(flatten)]
    pub source: Source,
}

/// Formats of `frontline team`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    /// Tables for people.
    Text,
    /// The whole view as one JSON document (a contract).
    Json,
    /// Where the team goes wrong, one row per scenario and decision.
    Csv,
}

/// Runs `frontline team`.
pub fn run(args: TeamArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let since_ms = args
        .since
        .as_deref()
        .map(|since| {
            parse_rfc3339(since).ok_or_else(|| {
                Failure::usage(format!(
                    "--since {since}: give a day as 2026-03-01 or a moment as 2026-03-01T09:00:00Z"
                ))
            })
        })
        .transpose()?;
    let attempts = args.source.attempts(since_ms, args.scenario.as_deref())?;
    let view = centre::team(
        &attempts,
        &Scope {
            since_ms,
            scenario: args.scenario.clone(),
        },
    );
    match args.format {
        TeamFormat::Json => write_json(out, &view),
        TeamFormat::Csv => write_csv(&view, out),
        TeamFormat::Text => write(out, &text(&view)),
    }
}

impl Source {
    /// The attempts from where the arguments say (since a moment, of a scenario, when given:
    /// to read less; the view still filters).
    pub fn attempts(
        &self,
        since_ms: Option<i64>,
        scenario: Option<&str>,
    ) -> Result<Vec<Attempt>, Failure> {
        if self.lrs.is_some() && self.data.data_dir.is_some() {
            return Err(Failure::usage("give --lrs URL or --data-dir DIR, not both"));
        }
        let configured = if self.data.data_dir.is_some() {
            None
        } else if let Some(url) = &self.lrs {
            Some(LrsConfig {
                url: url.clone(),
                auth: std::env::var(AUTH_VARIABLE).ok(),
                base: DEFAULT_BASE.to_owned(),
            })
        } else {
            LrsConfig::find(crate::paths::records_dir(None).as_deref()).map_err(Failure::usage)?
        };
        let Some(mut lrs) = configured else {
            let store = self.data.open()?;
            let records = store
                .history(&Filter {
                    scenario: scenario.map(str::to_owned),
                    ..Filter::default()
                })
                .map_err(|e| Failure::problem(e.to_string()))?;
            return Ok(centre::from_records(&records));
        };
        if let Some(base) = &self.xapi_base {
            lrs.base = base.clone();
        }
        if lrs.auth.as_deref().is_some_and(|a| !a.contains(':')) {
            return Err(Failure::usage(format!(
                "{AUTH_VARIABLE} must be user:password"
            )));
        }
        let found = lrs.attempts(since_ms).map_err(Failure::problem)?;
        for why in &found.left_out {
            eprintln!("warning: {why}");
        }
        Ok(found.attempts)
    }
}

/// A wrong answer as people read it.
fn answer_text(answer: &str) -> &str {
    if answer.is_empty() {
        "(let the timer run out)"
    } else {
        answer
    }
}

/// Columns padded to their widest cell, two spaces apart.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            format!("{}\n", line.join("  ").trim_end())
        })
        .collect()
}

/// The view as tables.
fn text(view: &Team) -> String {
    if view.trainees.is_empty() {
        return "no calls recorded\n".to_owned();
    }
    let mut rows = vec![
        [
            "trainee", "calls", "passed", "best", "last", "weakest", "trend",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for t in &view.trainees {
        rows.push(vec![
            t.trainee.clone(),
            t.calls.to_string(),
            t.passed.to_string(),
            format!("{:.1}", t.best),
            format!("{:.1}", t.last),
            t.weakest.name().to_owned(),
            t.trend.map_or("–".to_owned(), |d| format!("{d:+.1}")),
        ]);
    }
    let mut text = table(&rows);
    for s in &view.scenarios {
        text.push_str(&format!(
            "\n{}: {} attempts, {:.1}% passed, average {:.1}\n",
            s.id, s.attempts, s.pass_rate, s.average
        ));
        if s.misses.is_empty() {
            text.push_str("  no decision missed\n");
        } else {
            let mut rows = vec![
                [
                    "  where the team goes wrong",
                    "missed",
                    "most chosen instead",
                    "seconds",
                ]
                .map(str::to_owned)
                .to_vec(),
            ];
            for m in &s.misses {
                rows.push(vec![
                    format!("  {}", m.node),
                    format!("{} of {}", m.missed, m.attempts),
                    answer_text(&m.most_chosen).to_owned(),
                    m.seconds.map_or("–".to_owned(), |s| format!("{s:.1}")),
                ]);
            }
            text.push_str(&table(&rows));
        }
        for b in &s.broken_rules {
            text.push_str(&format!("  rule broken: {} ×{}\n", b.rule, b.count));
        }
    }
    text
}

/// Where the team goes wrong, as CSV.
fn write_csv(view: &Team, out: &mut dyn Write) -> Result<(), Failure> {
    let failed = |e: csv::Error| Failure::problem(format!("cannot write CSV: {e}"));
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "scenario",
            "node",
            "attempts",
            "missed",
            "most_chosen",
            "seconds",
        ])
        .map_err(failed)?;
    for s in &view.scenarios {
        for m in &s.misses {
            writer
                .write_record([
                    s.id.clone(),
                    m.node.clone(),
                    m.attempts.to_string(),
                    m.missed.to_string(),
                    m.most_chosen.clone(),
                    m.seconds.map_or_else(String::new, |s| format!("{s:.1}")),
                ])
                .map_err(failed)?;
        }
    }
    writer
        .flush()
        .map_err(|e| Failure::problem(format!("cannot write CSV: {e}")))
}
