//! `frontline play`: a call in the terminal, interactive or scripted, on the same engine as the app.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Instant, SystemTime};

use clap::{Args, ValueEnum};
use rand::RngExt;
use serde_json::json;

use super::records::DataDir;
use super::{Failure, Format, resolve, write, write_json};
use crate::engine::{Answer, Entry, Mode, Phase, Scores, Session, Strategy, play_out};
use crate::library::LibraryEntry;
use crate::records::{CallRecord, ScenarioRef, default_trainee};
use crate::scenario::Dimension;
use crate::words::{Words, capitalised, fill};

/// Arguments of `frontline play`.
#[derive(Debug, Args)]
pub struct PlayArgs {
    /// A scenario id from the library, or a file.
    pub scenario: String,
    /// Seed of the call's randomness (line variants, choice order); random when omitted.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Coach shows feedback after each choice; exam only at the end.
    #[arg(long, value_enum, default_value_t = ModeArg::Coach)]
    pub mode: ModeArg,
    /// Answers by displayed number, comma-separated; `t` lets a timer run out. The call is abandoned when they run out.
    #[arg(long, value_parser = parse_choices, conflicts_with = "auto")]
    pub choices: Option<Choices>,
    /// Answers typed in the trainee's own words, one a line (an empty line lets a timer run out), each matched to the choice it means.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["choices", "auto"])]
    pub replies: Option<PathBuf>,
    /// Play by itself: `expert`, `worst`, `random` (answers drawn from the seed), or a naive
    /// player who sees only the screen: `longest`, `shortest`, `most-figures`, `warmest`,
    /// `first`, `last`, `action`, `silent`.
    #[arg(long, value_name = "PLAYER")]
    pub auto: Option<Strategy>,
    /// Library folder to find ids in (default: the built-in library).
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Who plays, for the records (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub trainee: Option<String>,
    /// Where the call is recorded.
    #[command(flatten)]
    pub data: DataDir,
}

/// `--mode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Feedback after each choice.
    Coach,
    /// Feedback only at the end.
    Exam,
}

/// The answers `--choices` gives, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices(pub Vec<Answer>);

fn parse_choices(text: &str) -> Result<Choices, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, item)| match item {
            "t" | "T" => Ok(Answer::Silence),
            number => number.parse::<usize>().map(Answer::Pick).map_err(|_| {
                format!(
                    "answer {} is `{number}`: use choice numbers (1-5) or `t` for silence",
                    i + 1
                )
            }),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Choices)
}

/// Runs `frontline play`.
pub fn run(args: PlayArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let entry = resolve(&args.scenario, args.library.clone())?;
    let Some(prepared) = entry.prepared.clone() else {
        return Err(Failure::problem("the scenario has errors"));
    };
    let seed = args.seed.unwrap_or_else(|| rand::rng().random());
    let mode = match args.mode {
        ModeArg::Coach => Mode::Coach,
        ModeArg::Exam => Mode::Exam,
    };
    let started = SystemTime::now();
    let mut session = Session::new(Arc::clone(&prepared), seed, mode);
    let typed = match &args.replies {
        Some(file) => Some(super::matching::play_replies(&mut session, file)?),
        None => None,
    };
    let with_transcript = match (&args.choices, args.auto) {
        _ if typed.is_some() => {
            session.abandon();
            true
        }
        (Some(choices), _) => {
            for &answer in &choices.0 {
                if session.phase() == Phase::Ended {
                    break;
                }
                session
                    .answer(answer)
                    .map_err(|e| Failure::usage(e.to_string()))?;
            }
            session.abandon();
            true
        }
        (None, Some(strategy)) => {
            play_out(&mut session, strategy);
            true
        }
        (None, None) => {
            let on_the_line = OnTheLine::default();
            record_on_interrupt(&entry, &args, started, &on_the_line);
            interactive(&mut session, &on_the_line, out)?;
            false
        }
    };
    record(&entry, &session, &trainee(&args), &args.data, started);
    report(
        &entry,
        &session,
        args.format,
        with_transcript,
        out,
        typed.as_deref(),
    )
}

fn trainee(args: &PlayArgs) -> String {
    args.trainee.clone().unwrap_or_else(default_trainee)
}

/// The interactive call as it stands after each answer, for the Ctrl-C handler; emptied
/// when the call ends, so that it is recorded once.
type OnTheLine = Arc<Mutex<Option<Session>>>;

/// Sets Ctrl-C (SIGINT) to record the interactive call as abandoned before the process
/// ends, as `q` would: a call broken off in the terminal is not lost.
fn record_on_interrupt(
    entry: &LibraryEntry,
    args: &PlayArgs,
    started: SystemTime,
    on_the_line: &OnTheLine,
) {
    let (entry, trainee, data, on_the_line) = (
        entry.clone(),
        trainee(args),
        args.data.clone(),
        Arc::clone(on_the_line),
    );
    let handler = move || {
        let taken = on_the_line
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        // Taken already: the call has ended and is being recorded the usual way.
        if let Some(mut session) = taken {
            session.abandon();
            eprintln!("\ninterrupted: the call is recorded as abandoned");
            record(&entry, &session, &trainee, &data, started);
            std::process::exit(INTERRUPTED);
        }
    };
    if let Err(error) = ctrlc::try_set_handler(handler) {
        eprintln!("warning: a call broken off with Ctrl-C will not be recorded: {error}");
    }
}

/// The exit code of a call broken off with Ctrl-C: 128 + SIGINT, as shells report it.
const INTERRUPTED: i32 = 130;

/// Records the call and says so on stderr (stdout stays the call's result alone, the same
/// for the same seed and answers); a call the store cannot take is kept aside for the next
/// command that opens it (the store's file is left as it is), and still shown, with a
/// warning saying where it is kept.
fn record(
    entry: &LibraryEntry,
    session: &Session,
    trainee: &str,
    data: &DataDir,
    started: SystemTime,
) {
    let scenario = ScenarioRef::new(session.prepared().scenario(), &entry.path, &entry.hash);
    let call = CallRecord::of(session, trainee, scenario, started, SystemTime::now());
    let saved = data.open().and_then(|mut store| {
        store
            .save(&call)
            .map_err(|e| Failure::problem(e.to_string()))
    });
    match saved {
        Ok(id) => eprintln!(
            "{}",
            fill(Words::of_system().interface.recorded_as, &[("id", &id)])
        ),
        Err(failure) => match data.keep_aside(call) {
            Ok(file) => eprintln!(
                "warning: the call was not recorded: {}\nthe call is kept in {} and will be recorded by the next command that can open the records",
                failure.message,
                file.display()
            ),
            Err(problem) => eprintln!(
                "warning: the call was not recorded: {}; {problem}",
                failure.message
            ),
        },
    }
}

/// Plays the call from the keyboard; `on_the_line` follows it answer by answer and is
/// emptied at the end.
fn interactive(
    session: &mut Session,
    on_the_line: &OnTheLine,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let result = converse(session, on_the_line, out);
    on_the_line
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    result
}

fn converse(
    session: &mut Session,
    on_the_line: &OnTheLine,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let scenario = session.scenario().clone();
    let words = Words::of(&scenario.language);
    write(
        out,
        &format!(
            "{} — {}\n{}\n",
            scenario.title, scenario.customer.name, scenario.customer.persona
        ),
    )?;
    for (label, value) in &scenario.account {
        write(out, &format!("  {label}: {value}\n"))?;
    }
    write(
        out,
        &format!("({}; {})\n\n", variant(words, session), words.type_or_leave),
    )?;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut shown = 0;
    while session.phase() != Phase::Ended {
        *on_the_line.lock().unwrap_or_else(PoisonError::into_inner) = Some(session.clone());
        write(out, &render(words, &session.transcript()[shown..]))?;
        shown = session.transcript().len();
        if let Phase::WrapUp(_) = session.phase() {
            write(
                out,
                &format!(
                    "\n{} — {}\n",
                    words.wrap_up.to_uppercase(),
                    session.prompt()
                ),
            )?;
        }
        for offer in session.offers() {
            let action = if offer.action {
                format!("[{}] ", words.action)
            } else {
                String::new()
            };
            write(
                out,
                &format!("  {}) {action}{}\n", offer.number, offer.text),
            )?;
        }
        let limit = session.time_limit();
        if let Some(seconds) = limit {
            write(
                out,
                &format!("  {}\n", fill(words.time_left, &[("seconds", &seconds)])),
            )?;
        }
        write(out, "> ")?;
        out.flush().map_err(|e| Failure::problem(e.to_string()))?;
        let started = Instant::now();
        let Some(Ok(line)) = lines.next() else {
            session.abandon();
            break;
        };
        let elapsed = started.elapsed();
        let answer = match line.trim() {
            "q" | "Q" => {
                session.abandon();
                break;
            }
            text => match text.parse::<usize>() {
                Ok(number) => Answer::Pick(number),
                Err(_) => {
                    write(out, &format!("  {}\n", words.type_a_number))?;
                    continue;
                }
            },
        };
        let late = limit.is_some_and(|s| elapsed.as_secs_f64() > f64::from(s));
        let answer = if late { Answer::Silence } else { answer };
        if late {
            write(out, &format!("  {}\n", words.too_late))?;
        }
        if let Err(error) = session.answer_timed(answer, Some(elapsed.as_millis() as u64)) {
            write(out, &format!("  {error}\n"))?;
        }
    }
    write(out, &render(words, &session.transcript()[shown..]))?;
    Ok(())
}

/// The transcript as text, labelled in `words`' language.
pub fn render(words: &Words, entries: &[Entry]) -> String {
    let you = words.you.to_uppercase();
    let mut text = String::new();
    for entry in entries {
        let line = match entry {
            Entry::Customer { text, cue } => {
                let cue = cue.as_ref().map(|c| format!("[{c}] ")).unwrap_or_default();
                format!("{}: {cue}{text}", words.customer_heading)
            }
            Entry::Agent {
                text, action: true, ..
            } => format!("{you}: [{}] {text}", words.action),
            Entry::Agent { text, .. } => format!("{you}: {text}"),
            Entry::Silence { seconds } => format!(
                "{you}: {}",
                fill(words.silence_passed, &[("seconds", seconds)])
            ),
            Entry::Feedback { text, points } => format!(
                "   {}: {text} ({})",
                words.coach.to_lowercase(),
                words.points(points)
            ),
            Entry::RuleBroken { text, .. } => {
                format!("   {}: {text}", words.rule_broken.to_uppercase())
            }
            Entry::HungUp => words.customer_hangs_up.to_owned(),
            Entry::End { outcome, text, .. } => {
                let said = if text.is_empty() {
                    String::new()
                } else {
                    format!("{}: {text}\n", words.customer_heading)
                };
                let ended = fill(words.call_ended, &[("outcome", &words.outcome(*outcome))]);
                format!("{said}— {ended} —")
            }
            Entry::WrapUp { ask, answer } => {
                format!("{} {ask}: {answer}", words.wrap_up.to_uppercase())
            }
            Entry::Abandoned => format!("— {} —", words.call_abandoned),
        };
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The variant and the mode, as in `seed 7, coach mode`.
fn variant(words: &Words, session: &Session) -> String {
    format!(
        "{}, {}",
        words.seed_and_case(session.seed(), session.variant()),
        words.mode(session.mode())
    )
}

/// Scores as `Empathy 100%  Accuracy 50%  Resolution 75%  Overall 80%`.
pub(super) fn scores_line(words: &Words, scores: &Scores) -> String {
    Dimension::ALL
        .iter()
        .map(|&d| (words.dimension(d), scores.get(d)))
        .chain([(words.overall, scores.overall)])
        .map(|(name, value)| format!("{} {}", capitalised(name), words.score(value)))
        .collect::<Vec<_>>()
        .join("  ")
}

fn report(
    entry: &LibraryEntry,
    session: &Session,
    format: Format,
    with_transcript: bool,
    out: &mut dyn Write,
    typed: Option<&[super::matching::TypedReply]>,
) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let mut value = report_json(&entry.hash, session);
            if let Some(typed) = typed {
                value["replies"] = json!(typed);
            }
            write_json(out, &value)
        }
        Format::Text => {
            let mut text = report_text(session, with_transcript);
            if let Some(typed) = typed {
                text.push_str(&super::matching::replies_text(typed));
            }
            write(out, &text)
        }
    }
}

/// The answers as `--choices` takes them.
fn choices(session: &Session) -> Vec<serde_json::Value> {
    session
        .decisions()
        .iter()
        .map(|d| match d.answer {
            Answer::Pick(n) => json!(n),
            Answer::Silence => json!("t"),
        })
        .collect()
}

/// A played call as JSON: the scenario (with the hash of its file), seed, outcome, scores,
/// decisions and transcript.
pub(super) fn report_json(hash: &str, session: &Session) -> serde_json::Value {
    let result = session.score();
    let scenario = session.prepared().scenario();
    json!({
        "scenario": scenario.id,
        "version": scenario.version,
        "hash": hash,
        "seed": session.seed(),
        "variant": session.variant(),
        "mode": session.mode().name(),
        "outcome": result.outcome,
        "ending": result.ending,
        "passed": result.passed,
        "pass_mark": result.pass_mark,
        "choices": choices(session),
        "scores": result.scores,
        "points": result.points,
        "broken": result.broken,
        "decisions": session.decisions(),
        "moods": session.moods(),
        "transcript": session.transcript(),
    })
}

/// A played call as text, in the scenario's language: the transcript (when asked),
/// outcome, scores, broken rules, the expert's answers and the command that replays it.
pub(super) fn report_text(session: &Session, with_transcript: bool) -> String {
    let result = session.score();
    let scenario = session.prepared().scenario();
    let words = Words::of(&scenario.language);
    let mut text = String::new();
    if with_transcript {
        text.push_str(&format!(
            "{} ({})\n",
            scenario.title,
            variant(words, session)
        ));
        text.push_str(&render(words, session.transcript()));
    }
    text.push_str(&format!(
        "\n{}: {}\n{}  — {} ({})\n",
        words.outcome_heading,
        words.outcome(result.outcome),
        scores_line(words, &result.scores),
        words.verdict(result.verdict()),
        fill(words.pass_mark, &[("pass_mark", &result.pass_mark)])
    ));
    for broken in &result.broken {
        text.push_str(&fill(
            words.rule_broken_at,
            &[("step", &broken.step), ("rule", &broken.text)],
        ));
        text.push('\n');
    }
    for decision in session.decisions() {
        if let Some(expert) = &decision.expert {
            text.push_str(&fill(
                words.you_chose,
                &[
                    ("step", &decision.step),
                    ("text", &words.answer(&decision.text)),
                    ("expert", &words.answer(expert)),
                ],
            ));
            text.push('\n');
        }
    }
    let choices: Vec<String> = choices(session)
        .iter()
        .map(|a| a.to_string().trim_matches('"').to_owned())
        .collect();
    let command = format!(
        "frontline play {} --seed {} --choices {}",
        scenario.id,
        session.seed(),
        choices.join(",")
    );
    text.push_str(&fill(words.replay_with, &[("command", &command)]));
    text.push('\n');
    text
}
