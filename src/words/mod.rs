//! The fixed words around a scenario's own text, in the scenario's language.
//!
//! A scenario brings its own lines; the screens and the terminal add labels
//! around them ("You:", "Coach:", the outcome, the score headings). Those
//! labels follow the scenario's `language`, so an Italian call reads Italian
//! from the phone ringing to the debrief. A language without a table here
//! falls back to English.
//!
//! Templates name their blanks in braces (`{customer} hung up.`); [`fill`]
//! puts the values in.

pub mod interface;

use serde::Serialize;

use crate::centre::Status;
use crate::engine::{Mode, Taken, Typed, Verdict};
use crate::scenario::{Difficulty, Dimension, Feeling, Outcome, Points};
pub use interface::Interface;

/// Every fixed word a call and its debrief show, for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Words {
    /// The language code these words are for (`en`, `it`).
    pub language: &'static str,
    /// Coach mode, as in "coach mode · seed 7".
    pub coach_mode: &'static str,
    /// Exam mode.
    pub exam_mode: &'static str,
    /// The variant of a call: `{seed}`.
    pub seed: &'static str,
    /// The facts a seed drew, for a scenario with variants: `{name}`.
    pub case: &'static str,
    /// The hang-up button of the call screen.
    pub hang_up: &'static str,
    /// Heading of the customer panel.
    pub customer_heading: &'static str,
    /// Heading of the account card.
    pub account_heading: &'static str,
    /// The trainee, before their line: "You".
    pub you: &'static str,
    /// An action the trainee took, before its text: "You ▶".
    pub you_act: &'static str,
    /// A decision let run out: `{seconds}`.
    pub silence: &'static str,
    /// A decision let run out, in the terminal's transcript: `{seconds}`.
    pub silence_passed: &'static str,
    /// What the trainee answered when they let the timer run out (a silence has no text).
    pub silent_answer: &'static str,
    /// Marks an action, as in "[action] Send the breakdown".
    pub action: &'static str,
    /// The coach, before a choice's feedback.
    pub coach: &'static str,
    /// A compliance rule broken, before its text.
    pub rule_broken: &'static str,
    /// The customer hung up: `{customer}`.
    pub hung_up: &'static str,
    /// The customer hangs up, in the terminal's transcript.
    pub customer_hangs_up: &'static str,
    /// The call ended: `{outcome}`.
    pub call_ended: &'static str,
    /// The wrap-up step.
    pub wrap_up: &'static str,
    /// The trainee left the call.
    pub you_left: &'static str,
    /// The call was left before an ending, in the terminal's transcript.
    pub call_abandoned: &'static str,
    /// The customer is still speaking.
    pub speaking: &'static str,
    /// Heading of the offers, with the keys.
    pub your_answer: &'static str,
    /// Heading of the reply typed in one's own words, with the keys.
    pub your_reply: &'static str,
    /// What the matcher understood the reply as, with the keys.
    pub understood_as: &'static str,
    /// The matcher is not sure: the closest answers follow, with the keys.
    pub not_sure: &'static str,
    /// Every answer is shown, to pick the one meant, with the keys.
    pub every_answer: &'static str,
    /// Before the words the trainee typed, in the debrief.
    pub you_said: &'static str,
    /// How the typed words became the answer: `{score}` (how close they came).
    pub taken: TakenWords,
    /// The call is over; on to the debrief.
    pub call_over: &'static str,
    /// The phone rings.
    pub incoming: &'static str,
    /// Who is calling: `{customer}`.
    pub is_calling: &'static str,
    /// Pick up the phone.
    pub answer: &'static str,
    /// Back to the library without answering.
    pub back_to_library: &'static str,
    /// Asks whether to leave the call.
    pub leave_title: &'static str,
    /// What leaving means.
    pub leave_body: &'static str,
    /// Leave the call.
    pub leave: &'static str,
    /// Stay on the call.
    pub stay: &'static str,
    /// The three dimensions.
    pub dimensions: DimensionWords,
    /// The overall score.
    pub overall: &'static str,
    /// The four feelings.
    pub feelings: FeelingWords,
    /// The outcomes.
    pub outcomes: OutcomeWords,
    /// Title of the debrief: `{title}`.
    pub debrief_title: &'static str,
    /// A passed call.
    pub passed: &'static str,
    /// A call not passed.
    pub not_passed: &'static str,
    /// A call left before an ending.
    pub abandoned: &'static str,
    /// Before the outcome, as in "Outcome: resolved".
    pub outcome_heading: &'static str,
    /// The pass mark, after the scores: `{pass_mark}`.
    pub pass_mark: &'static str,
    /// The debrief's summary: `{outcome}`, `{overall}`, `{pass_mark}`, `{mode}`, `{seed}` (the
    /// seed and the case, as [`Words::seed_and_case`] writes them).
    pub summary: &'static str,
    /// Heading of the scores.
    pub scores_heading: &'static str,
    /// No compliance rule broken.
    pub no_rule_broken: &'static str,
    /// The expert's scores on the same variant, for comparison: `{scores}`.
    pub expert_scores: &'static str,
    /// A rule broken at a step: `{step}`, `{rule}`.
    pub rule_broken_at: &'static str,
    /// Heading of the mood chart.
    pub mood_heading: &'static str,
    /// The mood chart reads from start to end.
    pub start_to_end: &'static str,
    /// Heading of the timeline.
    pub timeline: &'static str,
    /// The customer, before what they said at a decision.
    pub customer: &'static str,
    /// Before a decision's feedback.
    pub feedback: &'static str,
    /// Before the expert answer.
    pub expert: &'static str,
    /// A rule broken by a decision: `{rule}`.
    pub broke_rule: &'static str,
    /// The call was left unfinished.
    pub left_early: &'static str,
    /// Play again with a new variant.
    pub retry: &'static str,
    /// Play the same variant again.
    pub replay: &'static str,
    /// Play the next scenario.
    pub next: &'static str,
    /// Export the call as CSV and xAPI.
    pub export: &'static str,
    /// Back to the library from the debrief.
    pub library: &'static str,
    /// Back to the progress screen from a past call's debrief.
    pub progress: &'static str,
    /// The terminal's hint before the first answer.
    pub type_or_leave: &'static str,
    /// The time a decision allows, in the terminal: `{seconds}`.
    pub time_left: &'static str,
    /// The seconds left to answer, beside the call screen's timer: `{seconds}`.
    pub seconds_left: &'static str,
    /// The terminal's answer to a line that is not a number.
    pub type_a_number: &'static str,
    /// An answer typed after the timer ran out.
    pub too_late: &'static str,
    /// A decision where the expert did otherwise: `{step}`, `{text}`, `{expert}`.
    pub you_chose: &'static str,
    /// The command that plays the call again: `{command}`.
    pub replay_with: &'static str,
    /// A recorded call played again: `{record}`, `{trainee}`, `{started}`, `{path}`.
    pub recorded_call: &'static str,
    /// The scenario file has changed since the call: `{path}`, `{then}`, `{now}`.
    pub scenario_changed: &'static str,
    /// The replay scores as recorded.
    pub same_scores: &'static str,
    /// The replay scores otherwise than recorded: `{scores}`.
    pub other_scores: &'static str,
    /// The interface around the calls, when this is the interface's language.
    pub interface: Interface,
}

/// The names of the three dimensions, lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DimensionWords {
    /// [`Dimension::Empathy`].
    pub empathy: &'static str,
    /// [`Dimension::Accuracy`].
    pub accuracy: &'static str,
    /// [`Dimension::Resolution`].
    pub resolution: &'static str,
}

/// The names of the four feelings, lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeelingWords {
    /// [`Feeling::Distress`].
    pub distress: &'static str,
    /// [`Feeling::Anger`].
    pub anger: &'static str,
    /// [`Feeling::Trust`].
    pub trust: &'static str,
    /// [`Feeling::Patience`].
    pub patience: &'static str,
}

/// How a reply typed in one's own words became the answer, each with `{score}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TakenWords {
    /// [`Taken::Understood`].
    pub understood: &'static str,
    /// [`Taken::Closest`].
    pub closest: &'static str,
    /// [`Taken::Revealed`].
    pub revealed: &'static str,
}

/// Each outcome in plain words, lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OutcomeWords {
    /// [`Outcome::Resolved`].
    pub resolved: &'static str,
    /// [`Outcome::Escalated`].
    pub escalated: &'static str,
    /// [`Outcome::CallbackScheduled`].
    pub callback_scheduled: &'static str,
    /// [`Outcome::HungUp`].
    pub hung_up: &'static str,
    /// [`Outcome::Cancelled`].
    pub cancelled: &'static str,
    /// [`Outcome::Retained`].
    pub retained: &'static str,
    /// [`Outcome::Unresolved`].
    pub unresolved: &'static str,
    /// [`Outcome::EndedByAgent`].
    pub ended_by_agent: &'static str,
    /// [`Outcome::Abandoned`].
    pub abandoned: &'static str,
}

/// English.
pub const ENGLISH: Words = Words {
    language: "en",
    coach_mode: "coach mode",
    exam_mode: "exam mode",
    seed: "seed {seed}",
    case: "case {name}",
    hang_up: "Hang up (Esc)",
    customer_heading: "CUSTOMER",
    account_heading: "ACCOUNT",
    you: "You",
    you_act: "You ▶",
    silence: "(You said nothing for {seconds} seconds.)",
    silence_passed: "(silence — {seconds} seconds passed)",
    silent_answer: "(silence)",
    action: "action",
    coach: "Coach",
    rule_broken: "Rule broken",
    hung_up: "{customer} hung up.",
    customer_hangs_up: "(the customer hangs up)",
    call_ended: "call ended: {outcome}",
    wrap_up: "Wrap-up",
    you_left: "You left the call.",
    call_abandoned: "call abandoned",
    speaking: "The customer is speaking… (Space to skip)",
    your_answer: "YOUR ANSWER — keys 1–5, ↑ ↓ + Enter, or click",
    your_reply: "YOUR REPLY, IN YOUR OWN WORDS — type, Enter sends · Tab shows the answers",
    understood_as: "Understood as — Enter confirms · Tab shows the other answers · type to rephrase",
    not_sure: "Not sure what you meant: the closest — 1–3, or ↑ ↓ + Enter · Tab shows all · type to rephrase",
    every_answer: "Every answer — pick the one you meant: 1–5, or ↑ ↓ + Enter · type to rephrase",
    you_said: "You said",
    taken: TakenWords {
        understood: "understood as ({score} match)",
        closest: "picked among the closest ({score} match)",
        revealed: "picked from every answer ({score} match)",
    },
    call_over: "The call is over — see the debrief (Enter)",
    incoming: "☎  Incoming call",
    is_calling: "{customer} is calling.",
    answer: "Answer (Enter)",
    back_to_library: "Back to the library (Esc)",
    leave_title: "Leave this call?",
    leave_body: "The call will end here and be recorded as abandoned.",
    leave: "Leave the call (Y)",
    stay: "Stay on the line (N)",
    dimensions: DimensionWords {
        empathy: "empathy",
        accuracy: "accuracy",
        resolution: "resolution",
    },
    overall: "overall",
    feelings: FeelingWords {
        distress: "distress",
        anger: "anger",
        trust: "trust",
        patience: "patience",
    },
    outcomes: OutcomeWords {
        resolved: "resolved",
        escalated: "escalated",
        callback_scheduled: "callback scheduled",
        hung_up: "the customer hung up",
        cancelled: "contract cancelled",
        retained: "customer retained",
        unresolved: "unresolved",
        ended_by_agent: "ended by the agent",
        abandoned: "abandoned",
    },
    debrief_title: "Debrief — {title}",
    passed: "PASSED",
    not_passed: "NOT PASSED",
    abandoned: "ABANDONED",
    outcome_heading: "Outcome",
    pass_mark: "pass mark {pass_mark}",
    summary: "Outcome: {outcome} · overall {overall} (pass mark {pass_mark}%) · {mode} · {seed}",
    scores_heading: "SCORES (of the best reachable)",
    no_rule_broken: "No compliance rule broken.",
    expert_scores: "The expert's call of this variant: {scores}",
    rule_broken_at: "Rule broken at step {step}: {rule}",
    mood_heading: "THE CUSTOMER'S MOOD — at the start and after each decision",
    start_to_end: "start → end",
    timeline: "TIMELINE",
    customer: "Customer",
    feedback: "Feedback",
    expert: "Expert",
    broke_rule: "Broke rule `{rule}`",
    left_early: "The call was left before it ended.",
    retry: "Retry, new variant (R)",
    replay: "Replay same variant (V)",
    next: "Next scenario (N)",
    export: "Export (E)",
    library: "Library (Esc)",
    progress: "Progress (Esc)",
    type_or_leave: "type a number, `q` to leave the call",
    time_left: "(you have {seconds} seconds)",
    seconds_left: "{seconds} s left",
    type_a_number: "type the number of a choice",
    too_late: "(too late: the customer was left waiting)",
    you_chose: "Step {step}: you chose “{text}”; the expert answer: “{expert}”",
    replay_with: "Replay: {command}",
    recorded_call: "Call {record} — {trainee}, {started} UTC, from {path}",
    scenario_changed: "NOTE: the scenario file {path} has changed since this call was recorded (SHA-256 {then} then, {now} now); the recorded answers still fit it.",
    same_scores: "The replay's scores are the recorded ones.",
    other_scores: "The replay's scores differ from the recorded ones: {scores}",
    interface: interface::ENGLISH,
};

/// Italian.
pub const ITALIAN: Words = Words {
    language: "it",
    coach_mode: "modalità guidata",
    exam_mode: "modalità esame",
    seed: "variante {seed}",
    case: "caso {name}",
    hang_up: "Riaggancia (Esc)",
    customer_heading: "CLIENTE",
    account_heading: "SCHEDA CLIENTE",
    you: "Tu",
    you_act: "Tu ▶",
    silence: "(Nessuna risposta per {seconds} secondi.)",
    silence_passed: "(silenzio — sono passati {seconds} secondi)",
    silent_answer: "(silenzio)",
    action: "azione",
    coach: "Tutor",
    rule_broken: "Regola violata",
    hung_up: "{customer} ha riattaccato.",
    customer_hangs_up: "(il cliente riattacca)",
    call_ended: "chiamata conclusa: {outcome}",
    wrap_up: "Chiusura pratica",
    you_left: "Hai lasciato la chiamata.",
    call_abandoned: "chiamata abbandonata",
    speaking: "Il cliente sta parlando… (Spazio per saltare)",
    your_answer: "LA TUA RISPOSTA — tasti 1–5, ↑ ↓ + Invio, oppure clic",
    your_reply: "LA TUA RISPOSTA, CON PAROLE TUE — scrivi, Invio invia · Tab mostra le risposte",
    understood_as: "Capito come — Invio conferma · Tab mostra le altre risposte · scrivi per riformulare",
    not_sure: "Non è chiaro cosa intendi: le più vicine — 1–3, o ↑ ↓ + Invio · Tab le mostra tutte · scrivi per riformulare",
    every_answer: "Tutte le risposte — scegli quella che intendevi: 1–5, o ↑ ↓ + Invio · scrivi per riformulare",
    you_said: "Hai detto",
    taken: TakenWords {
        understood: "capito come ({score} di corrispondenza)",
        closest: "scelta tra le più vicine ({score} di corrispondenza)",
        revealed: "scelta tra tutte le risposte ({score} di corrispondenza)",
    },
    call_over: "La chiamata è finita — vai al debriefing (Invio)",
    incoming: "☎  Chiamata in arrivo",
    is_calling: "{customer} sta chiamando.",
    answer: "Rispondi (Invio)",
    back_to_library: "Torna alla libreria (Esc)",
    leave_title: "Lasciare la chiamata?",
    leave_body: "La chiamata finisce qui e viene registrata come abbandonata.",
    leave: "Lascia la chiamata (S)",
    stay: "Resta in linea (N)",
    dimensions: DimensionWords {
        empathy: "empatia",
        accuracy: "accuratezza",
        resolution: "risoluzione",
    },
    overall: "totale",
    feelings: FeelingWords {
        distress: "angoscia",
        anger: "rabbia",
        trust: "fiducia",
        patience: "pazienza",
    },
    outcomes: OutcomeWords {
        resolved: "risolta",
        escalated: "passata al livello superiore",
        callback_scheduled: "richiamata fissata",
        hung_up: "il cliente ha riattaccato",
        cancelled: "contratto disdetto",
        retained: "cliente trattenuto",
        unresolved: "non risolta",
        ended_by_agent: "chiusa dall'operatore",
        abandoned: "abbandonata",
    },
    debrief_title: "Debriefing — {title}",
    passed: "SUPERATA",
    not_passed: "NON SUPERATA",
    abandoned: "ABBANDONATA",
    outcome_heading: "Esito",
    pass_mark: "soglia {pass_mark}",
    summary: "Esito: {outcome} · totale {overall} (soglia {pass_mark}%) · {mode} · {seed}",
    scores_heading: "PUNTEGGI (rispetto al massimo raggiungibile)",
    no_rule_broken: "Nessuna regola di conformità violata.",
    expert_scores: "La chiamata dell'esperto in questa variante: {scores}",
    rule_broken_at: "Regola violata al passo {step}: {rule}",
    mood_heading: "LO STATO D'ANIMO DEL CLIENTE — all'inizio e dopo ogni decisione",
    start_to_end: "inizio → fine",
    timeline: "CRONOLOGIA",
    customer: "Cliente",
    feedback: "Commento",
    expert: "Esperto",
    broke_rule: "Regola violata `{rule}`",
    left_early: "La chiamata è stata lasciata prima della fine.",
    retry: "Riprova, nuova variante (R)",
    replay: "Rigioca la stessa variante (V)",
    next: "Scenario successivo (N)",
    export: "Esporta (E)",
    library: "Libreria (Esc)",
    progress: "Progressi (Esc)",
    type_or_leave: "scrivi un numero, `q` per lasciare la chiamata",
    time_left: "(hai {seconds} secondi)",
    seconds_left: "ancora {seconds} s",
    type_a_number: "scrivi il numero di una risposta",
    too_late: "(troppo tardi: il cliente è rimasto in attesa)",
    you_chose: "Passo {step}: hai scelto «{text}»; la risposta dell'esperto: «{expert}»",
    replay_with: "Per rigiocarla: {command}",
    recorded_call: "Chiamata {record} — {trainee}, {started} UTC, da {path}",
    scenario_changed: "NOTA: il file dello scenario {path} è cambiato da quando la chiamata è stata registrata (SHA-256 {then} allora, {now} ora); le risposte registrate sono ancora valide.",
    same_scores: "La chiamata rigiocata ha i punteggi registrati.",
    other_scores: "La chiamata rigiocata ha punteggi diversi da quelli registrati: {scores}",
    interface: interface::ITALIAN,
};

/// The language the system is set to, as a code (`it-IT`, `en-US`): `FRONTLINE_LANGUAGE` when
/// it is set, else the locale the system reports (on Unix `LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn system_language() -> String {
    std::env::var("FRONTLINE_LANGUAGE")
        .ok()
        .filter(|l| !l.is_empty())
        .or_else(sys_locale::get_locale)
        .unwrap_or_default()
}

/// Every table, English first.
pub const ALL: [&Words; 2] = [&ENGLISH, &ITALIAN];

impl Words {
    /// The words of the language the system is set to (`FRONTLINE_LANGUAGE`, else the
    /// system's locale), for the interface until the trainee chooses.
    pub fn of_system() -> &'static Words {
        Words::of(&system_language())
    }

    /// The next language's words after this one's, then the first again: the interface's
    /// language switch.
    pub fn next(&self) -> &'static Words {
        let at = ALL
            .iter()
            .position(|w| w.language == self.language)
            .unwrap_or(0);
        ALL[(at + 1) % ALL.len()]
    }

    /// The words for a language code (`it`, `it-IT`, `IT`); English when there is no table.
    pub fn of(language: &str) -> &'static Words {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        ALL.into_iter()
            .find(|w| w.language.eq_ignore_ascii_case(primary))
            .unwrap_or(&ENGLISH)
    }

    /// The seed of a call, and the variant it drew when the scenario has variants:
    /// `seed 7 · case doyle`.
    pub fn seed_and_case(&self, seed: u64, variant: Option<&str>) -> String {
        let seed = fill(self.seed, &[("seed", &seed)]);
        match variant {
            Some(name) => format!("{seed} · {}", fill(self.case, &[("name", &name)])),
            None => seed,
        }
    }

    /// A mode's name.
    pub fn mode(&self, mode: Mode) -> &'static str {
        match mode {
            Mode::Coach => self.coach_mode,
            Mode::Exam => self.exam_mode,
        }
    }

    /// A dimension's name, lowercase.
    pub fn dimension(&self, dimension: Dimension) -> &'static str {
        let names = &self.dimensions;
        match dimension {
            Dimension::Empathy => names.empathy,
            Dimension::Accuracy => names.accuracy,
            Dimension::Resolution => names.resolution,
        }
    }

    /// A feeling's name, lowercase.
    pub fn feeling(&self, feeling: Feeling) -> &'static str {
        let names = &self.feelings;
        match feeling {
            Feeling::Distress => names.distress,
            Feeling::Anger => names.anger,
            Feeling::Trust => names.trust,
            Feeling::Patience => names.patience,
        }
    }

    /// How the trainee's typed words became the answer, with how close they came to it.
    pub fn typed(&self, typed: &Typed) -> String {
        let names = &self.taken;
        let said = match typed.taken {
            Taken::Understood => names.understood,
            Taken::Closest => names.closest,
            Taken::Revealed => names.revealed,
        };
        fill(said, &[("score", &match_percent(typed.score))])
    }

    /// An outcome in plain words.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        let names = &self.outcomes;
        match outcome {
            Outcome::Resolved => names.resolved,
            Outcome::Escalated => names.escalated,
            Outcome::CallbackScheduled => names.callback_scheduled,
            Outcome::HungUp => names.hung_up,
            Outcome::Cancelled => names.cancelled,
            Outcome::Retained => names.retained,
            Outcome::Unresolved => names.unresolved,
            Outcome::EndedByAgent => names.ended_by_agent,
            Outcome::Abandoned => names.abandoned,
        }
    }

    /// How a call counts, in capitals: passed, not passed, abandoned.
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Passed => self.passed,
            Verdict::Failed => self.not_passed,
            Verdict::Abandoned => self.abandoned,
        }
    }

    /// A score as every screen and the terminal show it: one decimal at most, `83.3%`,
    /// `100%` (a whole percentage would show 69.6, below a pass mark of 70, as 70%).
    pub fn score(&self, value: f64) -> String {
        let rounded = (value * 10.0).round() / 10.0;
        // `+ 0.0` turns a negative zero into a zero.
        self.decimals(format!("{}%", rounded + 0.0))
    }

    /// A whole percentage, `83%`.
    pub fn percent(&self, value: f64) -> String {
        format!("{value:.0}%")
    }

    /// A number with one decimal, `12.5` (`12,5` in Italian).
    pub fn tenths(&self, value: f64) -> String {
        self.decimals(format!("{value:.1}"))
    }

    /// A number written with this language's decimal separator.
    fn decimals(&self, written: String) -> String {
        match self.interface.decimal {
            '.' => written,
            separator => written.replace('.', &separator.to_string()),
        }
    }

    /// A day as this language writes it in a sentence: `December 1, 2026`, `1 dicembre 2026`.
    pub fn date(&self, ms: i64) -> String {
        let (year, month, day) = crate::records::civil(ms.div_euclid(86_400_000));
        let month = self.interface.months[(month as usize).clamp(1, 12) - 1];
        fill(
            self.interface.date,
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }

    /// A moment to the minute, the date as [`Words::date`] writes it: `December 1, 2026,
    /// 14:03`.
    pub fn date_time(&self, ms: i64) -> String {
        let in_day = ms.rem_euclid(86_400_000);
        let time = format!("{:02}:{:02}", in_day / 3_600_000, in_day / 60_000 % 60);
        fill(
            self.interface.date_time,
            &[("date", &self.date(ms)), ("time", &time)],
        )
    }

    /// A difficulty's name.
    pub fn difficulty(&self, difficulty: Difficulty) -> &'static str {
        let names = &self.interface.difficulties;
        match difficulty {
            Difficulty::Beginner => names.beginner,
            Difficulty::Intermediate => names.intermediate,
            Difficulty::Advanced => names.advanced,
            Difficulty::Expert => names.expert,
        }
    }

    /// Where a trainee stands with an assignment.
    pub fn status(&self, status: Status) -> &'static str {
        let names = &self.interface.statuses;
        match status {
            Status::ToDo => names.to_do,
            Status::Passed => names.passed,
            Status::Failed => names.failed,
            Status::Overdue => names.overdue,
        }
    }

    /// A mode's short name, for a list's column.
    pub fn mode_short(&self, mode: Mode) -> &'static str {
        match mode {
            Mode::Coach => self.interface.coach,
            Mode::Exam => self.interface.exam,
        }
    }

    /// Points as `empathy +2, accuracy +0, resolution +1`: every dimension, in order.
    pub fn points(&self, points: &Points) -> String {
        Dimension::ALL
            .iter()
            .map(|&d| format!("{} {:+}", self.dimension(d), points.get(d)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What the trainee answered (or the expert would have), as shown: its text, or the
    /// words for a silence, which the engine records with no text.
    pub fn answer<'a>(&self, text: &'a str) -> &'a str {
        if text.is_empty() {
            self.silent_answer
        } else {
            text
        }
    }
}

/// A template with its `{name}` blanks filled; a blank with no value stays as written.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after.find('}');
        let value = close.and_then(|close| {
            let name = &after[1..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Uppercases the first letter: `empathy` → `Empathy`.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How close typed words came to an answer (a matcher score, 0 to 1), as a percentage.
pub fn match_percent(score: f32) -> String {
    format!("{:.0}%", score * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_gets_its_named_blanks_filled_and_keeps_unknown_ones() {
        let customer = "Giulia";
        assert_eq!(
            fill(ITALIAN.hung_up, &[("customer", &customer)]),
            "Giulia ha riattaccato."
        );
        assert_eq!(fill("{a} {b} {", &[("a", &1)]), "1 {b} {");
    }

    #[test]
    fn a_regional_language_code_finds_its_table_and_an_unknown_one_falls_back_to_english() {
        assert_eq!(Words::of("it-IT").language, "it");
        assert_eq!(Words::of("IT").language, "it");
        assert_eq!(Words::of("de").language, "en");
    }

    #[test]
    fn every_outcome_has_its_own_words_in_every_language() {
        for words in ALL {
            let names: std::collections::BTreeSet<_> =
                Outcome::ALL.iter().map(|&o| words.outcome(o)).collect();
            assert_eq!(names.len(), Outcome::ALL.len(), "{}", words.language);
        }
        assert_eq!(
            ITALIAN.outcome(Outcome::HungUp),
            "il cliente ha riattaccato"
        );
        assert_eq!(ENGLISH.outcome(Outcome::Abandoned), "abandoned");
    }

    #[test]
    fn a_score_shows_one_decimal_at_most_and_points_every_dimension() {
        assert_eq!(
            [83.3, 100.0, 69.96, 0.0, -0.0].map(|v| ENGLISH.score(v)),
            ["83.3%", "100%", "70%", "0%", "0%"]
        );
        let points = Points {
            empathy: 2,
            accuracy: 0,
            resolution: -1,
        };
        assert_eq!(
            ITALIAN.points(&points),
            "empatia +2, accuratezza +0, risoluzione -1"
        );
    }

    #[test]
    fn a_silence_reads_in_the_language_and_any_other_answer_as_it_is() {
        assert_eq!(ITALIAN.answer(""), "(silenzio)");
        assert_eq!(ENGLISH.answer(""), "(silence)");
        assert_eq!(ITALIAN.answer("Buongiorno"), "Buongiorno");
    }
}
