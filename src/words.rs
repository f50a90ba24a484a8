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

use crate::engine::Mode;
use crate::scenario::{Dimension, Feeling, Outcome, Points};

/// Every fixed word a call and its debrief show, for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language code these words are for (`en`, `it`).
    pub language: &'static str,
    /// Coach mode, as in "coach mode · seed 7".
    pub coach_mode: &'static str,
    /// Exam mode.
    pub exam_mode: &'static str,
    /// The variant of a call: `{seed}`.
    pub seed: &'static str,
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
    /// The coach, before a choice's feedback.
    pub coach: &'static str,
    /// A compliance rule broken, before its text.
    pub rule_broken: &'static str,
    /// The customer hung up: `{customer}`.
    pub hung_up: &'static str,
    /// The call ended: `{outcome}`.
    pub call_ended: &'static str,
    /// The wrap-up step.
    pub wrap_up: &'static str,
    /// The trainee left the call.
    pub you_left: &'static str,
    /// The customer is still speaking.
    pub speaking: &'static str,
    /// Heading of the offers, with the keys.
    pub your_answer: &'static str,
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
    /// A move that earns nothing.
    pub no_points: &'static str,
    /// The three dimensions, in [`Dimension::ALL`] order.
    pub dimensions: [&'static str; 3],
    /// The overall score.
    pub overall: &'static str,
    /// The four feelings, in [`Feeling::ALL`] order.
    pub feelings: [&'static str; 4],
    /// The outcomes, in declaration order of [`Outcome`].
    pub outcomes: [&'static str; 9],
    /// Title of the debrief: `{title}`.
    pub debrief_title: &'static str,
    /// A passed call.
    pub passed: &'static str,
    /// A call not passed.
    pub not_passed: &'static str,
    /// The debrief's summary: `{outcome}`, `{overall}`, `{pass_mark}`, `{mode}`, `{seed}`.
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
}

/// English.
pub const ENGLISH: Words = Words {
    language: "en",
    coach_mode: "coach mode",
    exam_mode: "exam mode",
    seed: "seed {seed}",
    hang_up: "Hang up (Esc)",
    customer_heading: "CUSTOMER",
    account_heading: "ACCOUNT",
    you: "You",
    you_act: "You ▶",
    silence: "(You said nothing for {seconds} seconds.)",
    coach: "Coach",
    rule_broken: "Rule broken",
    hung_up: "{customer} hung up.",
    call_ended: "call ended: {outcome}",
    wrap_up: "Wrap-up",
    you_left: "You left the call.",
    speaking: "The customer is speaking… (Space to skip)",
    your_answer: "YOUR ANSWER — keys 1–5, ↑ ↓ + Enter, or click",
    call_over: "The call is over — see the debrief (Enter)",
    incoming: "☎  Incoming call",
    is_calling: "{customer} is calling.",
    answer: "Answer (Enter)",
    back_to_library: "Back to the library (Esc)",
    leave_title: "Leave this call?",
    leave_body: "The call will end here and be recorded as abandoned.",
    leave: "Leave the call (Y)",
    stay: "Stay on the line (N)",
    no_points: "no points",
    dimensions: ["empathy", "accuracy", "resolution"],
    overall: "overall",
    feelings: ["distress", "anger", "trust", "patience"],
    outcomes: [
        "resolved",
        "escalated",
        "callback scheduled",
        "the customer hung up",
        "contract cancelled",
        "customer retained",
        "unresolved",
        "ended by the agent",
        "abandoned",
    ],
    debrief_title: "Debrief — {title}",
    passed: "PASSED",
    not_passed: "NOT PASSED",
    summary: "Outcome: {outcome} · overall {overall}% (pass mark {pass_mark}%) · {mode} · seed {seed}",
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
};

/// Italian.
pub const ITALIAN: Words = Words {
    language: "it",
    coach_mode: "modalità guidata",
    exam_mode: "modalità esame",
    seed: "variante {seed}",
    hang_up: "Riaggancia (Esc)",
    customer_heading: "CLIENTE",
    account_heading: "SCHEDA CLIENTE",
    you: "Tu",
    you_act: "Tu ▶",
    silence: "(Nessuna risposta per {seconds} secondi.)",
    coach: "Tutor",
    rule_broken: "Regola violata",
    hung_up: "{customer} ha riattaccato.",
    call_ended: "chiamata conclusa: {outcome}",
    wrap_up: "Chiusura pratica",
    you_left: "Hai lasciato la chiamata.",
    speaking: "Il cliente sta parlando… (Spazio per saltare)",
    your_answer: "LA TUA RISPOSTA — tasti 1–5, ↑ ↓ + Invio, oppure clic",
    call_over: "La chiamata è finita — vai al debriefing (Invio)",
    incoming: "☎  Chiamata in arrivo",
    is_calling: "{customer} sta chiamando.",
    answer: "Rispondi (Invio)",
    back_to_library: "Torna alla libreria (Esc)",
    leave_title: "Lasciare la chiamata?",
    leave_body: "La chiamata finisce qui e viene registrata come abbandonata.",
    leave: "Lascia la chiamata (S)",
    stay: "Resta in linea (N)",
    no_points: "nessun punto",
    dimensions: ["empatia", "accuratezza", "risoluzione"],
    overall: "totale",
    feelings: ["angoscia", "rabbia", "fiducia", "pazienza"],
    outcomes: [
        "risolta",
        "passata al livello superiore",
        "richiamata fissata",
        "il cliente ha riattaccato",
        "contratto disdetto",
        "cliente trattenuto",
        "non risolta",
        "chiusa dall'operatore",
        "abbandonata",
    ],
    debrief_title: "Debriefing — {title}",
    passed: "SUPERATA",
    not_passed: "NON SUPERATA",
    summary: "Esito: {outcome} · totale {overall}% (soglia {pass_mark}%) · {mode} · variante {seed}",
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
};

/// Every table, English first.
pub const ALL: [&Words; 2] = [&ENGLISH, &ITALIAN];

impl Words {
    /// The words for a language code (`it`, `it-IT`, `IT`); English when there is no table.
    pub fn of(language: &str) -> &'static Words {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        ALL.into_iter()
            .find(|w| w.language.eq_ignore_ascii_case(primary))
            .unwrap_or(&ENGLISH)
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
        self.dimensions[Dimension::ALL
            .iter()
            .position(|&d| d == dimension)
            .unwrap_or_default()]
    }

    /// A feeling's name, lowercase.
    pub fn feeling(&self, feeling: Feeling) -> &'static str {
        self.feelings[Feeling::ALL
            .iter()
            .position(|&f| f == feeling)
            .unwrap_or_default()]
    }

    /// An outcome in plain words.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        self.outcomes[outcome as usize]
    }

    /// Points as `+2 empathy, -1 accuracy`, or the words for none.
    pub fn points(&self, points: &Points) -> String {
        let parts: Vec<String> = Dimension::ALL
            .iter()
            .filter(|&&d| points.get(d) != 0)
            .map(|&d| format!("{:+} {}", points.get(d), self.dimension(d)))
            .collect();
        if parts.is_empty() {
            self.no_points.to_owned()
        } else {
            parts.join(", ")
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
        use Outcome::*;
        let all = [
            Resolved,
            Escalated,
            CallbackScheduled,
            HungUp,
            Cancelled,
            Retained,
            Unresolved,
            EndedByAgent,
            Abandoned,
        ];
        for words in ALL {
            let names: std::collections::BTreeSet<_> =
                all.iter().map(|&o| words.outcome(o)).collect();
            assert_eq!(names.len(), all.len(), "{}", words.language);
        }
        assert_eq!(ITALIAN.outcome(HungUp), "il cliente ha riattaccato");
        assert_eq!(ENGLISH.outcome(Abandoned), "abandoned");
    }
}
