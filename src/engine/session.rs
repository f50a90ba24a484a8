//! One call being played: the customer's lines, the trainee's answers, the transcript.
//!
//! All randomness (which line variant, the order of the choices) comes from
//! the session's seed, drawn in a fixed order, so the same scenario, seed and
//! answers give the same transcript and scores on every machine.

use std::sync::Arc;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use super::Prepared;
use super::playbook::{Move, Place, State, choice_in};
use super::score::{CallResult, RuleBreak, Scores};
use crate::scenario::{Cue, Mood, Outcome, Points, Scenario};

/// How decisions of the wrap-up are named, where other decisions give their node's id.
pub const WRAP_UP: &str = "wrap-up";

/// Coach mode shows feedback after each choice; exam mode only in the debrief.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback after each choice.
    #[default]
    Coach,
    /// Feedback only at the end.
    Exam,
}

impl Mode {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Coach => "coach",
            Mode::Exam => "exam",
        }
    }
}

/// What the trainee does at a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Picks the offer with this number (1-based, as displayed).
    Pick(usize),
    /// Says nothing until the timer runs out.
    Silence,
}

/// A reply the trainee typed in their own words, and how it became the answer taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Typed {
    /// The words as typed.
    pub words: String,
    /// How close the matcher found the words to the answer taken, 0 to 1.
    pub score: f32,
    /// Whether the matcher was sure of what the words meant.
    pub confident: bool,
    /// How the answer was taken from the words.
    pub taken: Taken,
}

/// How an answer was taken from the trainee's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Taken {
    /// The matcher was sure and the trainee confirmed what it understood.
    Understood,
    /// The matcher was not sure; the trainee picked among the closest answers.
    Closest,
    /// The trainee asked to see every answer and picked one.
    Revealed,
}

impl Taken {
    /// The lowercase name, as records and JSON write it.
    pub fn name(self) -> &'static str {
        match self {
            Taken::Understood => "understood",
            Taken::Closest => "closest",
            Taken::Revealed => "revealed",
        }
    }
}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The customer has spoken; the trainee chooses.
    Choosing,
    /// The call is over; the trainee answers wrap-up question `n` (0-based).
    WrapUp(usize),
    /// Nothing more to do.
    Ended,
}

/// Which end of the scale an answer is suggested from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aim {
    /// The expert's answer: the one leading to the best reachable score.
    Best,
    /// The answer leading to the worst reachable score.
    Worst,
}

/// A choice as shown to the trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Offer {
    /// The key that picks it, 1-based.
    pub number: usize,
    /// Its place in the scenario as written (0-based), whatever the order shown.
    #[serde(skip)]
    pub written: usize,
    /// What the agent says or does.
    pub text: String,
    /// Whether it is an action rather than words.
    pub action: bool,
    /// Other ways to say it (the choice's `examples`), for the own-words matcher.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// The customer speaks.
    Customer {
        /// The line.
        text: String,
        /// The sound played with it.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        cue: Option<Cue>,
    },
    /// The agent speaks or acts.
    Agent {
        /// What was said or done.
        text: String,
        /// Whether it was an action.
        action: bool,
        /// The sound played with it.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        cue: Option<Cue>,
    },
    /// The trainee let the timer run out.
    Silence {
        /// The time limit, in seconds.
        seconds: u32,
    },
    /// Coaching on the last decision (coach mode only).
    Feedback {
        /// Why it was good or bad.
        text: String,
        /// Points it earned.
        points: Points,
    },
    /// A compliance rule was broken (coach mode only).
    RuleBroken {
        /// The rule's id.
        rule: String,
        /// The rule in plain words.
        text: String,
    },
    /// The customer's patience ran out.
    HungUp,
    /// The call ended.
    End {
        /// What happened.
        outcome: Outcome,
        /// The ending's id.
        ending: String,
        /// The customer's last words.
        text: String,
        /// The sound played.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        cue: Option<Cue>,
    },
    /// A wrap-up question answered.
    WrapUp {
        /// The question.
        ask: String,
        /// The answer.
        answer: String,
    },
    /// The trainee left the call before it ended.
    Abandoned,
}

/// One decision of the trainee, for the debrief and the records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// 1-based step number.
    pub step: usize,
    /// The node's id, or `wrap-up`.
    pub node: String,
    /// What the customer had just said, or the wrap-up question.
    pub prompt: String,
    /// The offers as displayed.
    pub options: Vec<String>,
    /// What the trainee did.
    pub answer: Answer,
    /// The text of the answer (empty for a silence).
    pub text: String,
    /// Points earned by it.
    pub points: Points,
    /// Why it was good or bad.
    pub feedback: String,
    /// What the expert would have done here, when different (empty text: let the timer run out).
    pub expert: Option<String>,
    /// Whether this is a wrap-up question.
    pub wrap_up: bool,
    /// The customer's mood after it.
    pub mood: Mood,
    /// Rules it broke, by id.
    pub broke: Vec<String>,
    /// Milliseconds the trainee took, when measured.
    pub elapsed_ms: Option<u64>,
    /// The trainee's own words, when the answer was typed rather than picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<Typed>,
}

/// Why an answer cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlayError {
    /// The number is not one of the offers.
    #[error("step {step}: {number} is not a choice here (choose 1 to {available})")]
    OutOfRange {
        /// The step, 1-based.
        step: usize,
        /// The number given.
        number: usize,
        /// How many offers there are.
        available: usize,
    },
    /// Silence where no timer runs.
    #[error("step {step}: this decision has no time limit, so it cannot time out")]
    NoTimer {
        /// The step, 1-based.
        step: usize,
    },
    /// The call is over.
    #[error("the call is over")]
    Over,
}

/// A call in progress.
#[derive(Debug, Clone)]
pub struct Session {
    prepared: Arc<Prepared>,
    seed: u64,
    /// The variant the seed drew, by index; `None` for a scenario without variants.
    variant: Option<usize>,
    mode: Mode,
    rng: Xoshiro256PlusPlus,
    state: State,
    phase: Phase,
    /// Display order: position → index in the node's choices or the question's options.
    order: Vec<usize>,
    prompt: String,
    transcript: Vec<Entry>,
    decisions: Vec<Decision>,
    points: Points,
    moods: Vec<Mood>,
    broken: Vec<RuleBreak>,
    abandoned: bool,
}

impl Session {
    /// Starts a call: the customer says their first line.
    pub fn new(prepared: Arc<Prepared>, seed: u64, mode: Mode) -> Session {
        let state = prepared.book.initial();
        let variant = prepared.scenario().variant_of(seed);
        let mut session = Session {
            prepared,
            seed,
            variant,
            mode,
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            state,
            phase: Phase::Choosing,
            order: Vec::new(),
            prompt: String::new(),
            transcript: Vec::new(),
            decisions: Vec::new(),
            points: Points::default(),
            moods: vec![state.mood],
            broken: Vec::new(),
            abandoned: false,
        };
        session.arrive();
        session
    }

    /// The scenario being played.
    pub fn prepared(&self) -> &Arc<Prepared> {
        &self.prepared
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The scenario as this call shows it: with the values of the variant the seed drew.
    pub fn scenario(&self) -> &Scenario {
        self.prepared.variant(self.variant)
    }

    /// The name of the variant the seed drew, when the scenario has variants.
    pub fn variant(&self) -> Option<&str> {
        let (name, _) = self.prepared.scenario().variants.at(self.variant?)?;
        Some(name)
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Where the session stands.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The rule state of the call (node, flags, mood).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The customer's current mood.
    pub fn mood(&self) -> Mood {
        self.state.mood
    }

    /// The mood at the start and after every decision, for the debrief chart.
    pub fn moods(&self) -> &[Mood] {
        &self.moods
    }

    /// The id of the node being decided, `wrap-up` during the wrap-up (as decisions name it).
    pub fn decision_id(&self) -> &str {
        match self.phase {
            Phase::WrapUp(_) => WRAP_UP,
            _ => self.prepared.book.id_of(self.state.place),
        }
    }

    /// What the customer last said, or the wrap-up question being asked.
    pub fn prompt(&self) -> &str {
        &self.prompt
    }

    /// Everything said and done so far.
    pub fn transcript(&self) -> &[Entry] {
        &self.transcript
    }

    /// Every decision so far.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The time limit of the current decision, in seconds.
    pub fn time_limit(&self) -> Option<u32> {
        match (self.phase, self.state.place) {
            (Phase::Choosing, Place::Node(n)) => self
                .prepared
                .scenario()
                .nodes
                .at(n)
                .and_then(|(_, node)| node.timer.as_ref())
                .map(|t| t.seconds),
            _ => None,
        }
    }

    /// The offers of the current decision, in display order.
    pub fn offers(&self) -> Vec<Offer> {
        let scenario = self.scenario();
        let entry =
            |position: usize, written: usize, text: &str, action: bool, examples: &[String]| {
                Offer {
                    number: position + 1,
                    written,
                    text: text.to_owned(),
                    action,
                    examples: examples.to_vec(),
                }
            };
        match (self.phase, self.state.place) {
            (Phase::Choosing, Place::Node(n)) => {
                let Some((_, node)) = scenario.nodes.at(n) else {
                    return Vec::new();
                };
                self.order
                    .iter()
                    .enumerate()
                    .filter_map(|(p, &i)| {
                        node.choices
                            .get(i)
                            .map(|c| entry(p, i, &c.text, c.action, &c.examples))
                    })
                    .collect()
            }
            (Phase::WrapUp(q), _) => {
                let Some(question) = scenario.wrap_up.get(q) else {
                    return Vec::new();
                };
                self.order
                    .iter()
                    .enumerate()
                    .filter_map(|(p, &i)| {
                        question
                            .options
                            .get(i)
                            .map(|o| entry(p, i, &o.text, false, &[]))
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The expert's answer to the current decision.
    pub fn expert_answer(&self) -> Option<Answer> {
        self.suggested(Aim::Best)
    }

    /// The worst answer to the current decision.
    pub fn worst_answer(&self) -> Option<Answer> {
        self.suggested(Aim::Worst)
    }

    /// The best (the expert's) or the worst answer to the current decision.
    fn suggested(&self, aim: Aim) -> Option<Answer> {
        let book = &self.prepared.book;
        match self.phase {
            Phase::Choosing => {
                let analysis = &self.prepared.analysis;
                let mv = match aim {
                    Aim::Best => analysis.expert_move(&self.state),
                    Aim::Worst => analysis.worst_move(&self.state),
                }?;
                Some(self.answer_for(mv))
            }
            Phase::WrapUp(q) => {
                let options = self
                    .order
                    .iter()
                    .map(|&i| book.wrap_up_correct(q, i, &self.state));
                let position = options
                    .clone()
                    .position(|c| c == (aim == Aim::Best))
                    .or_else(|| options.clone().position(|_| true))?;
                Some(Answer::Pick(position + 1))
            }
            Phase::Ended => None,
        }
    }

    fn answer_for(&self, mv: Move) -> Answer {
        match mv {
            Move::Choose(i) => self
                .order
                .iter()
                .position(|&o| o == i)
                .map_or(Answer::Silence, |p| Answer::Pick(p + 1)),
            Move::Silence => Answer::Silence,
        }
    }

    /// Takes the trainee's answer.
    pub fn answer(&mut self, answer: Answer) -> Result<(), PlayError> {
        self.answer_timed(answer, None)
    }

    /// Takes the trainee's answer and how long they took.
    pub fn answer_timed(
        &mut self,
        answer: Answer,
        elapsed_ms: Option<u64>,
    ) -> Result<(), PlayError> {
        self.answer_typed(answer, elapsed_ms, None)
    }

    /// Takes the trainee's answer, how long they took and, when they typed it in their own
    /// words, those words and how they became the answer (kept with the decision).
    pub fn answer_typed(
        &mut self,
        answer: Answer,
        elapsed_ms: Option<u64>,
        typed: Option<Typed>,
    ) -> Result<(), PlayError> {
        let decided = self.decisions.len();
        self.take(answer, elapsed_ms)?;
        if let Some(decision) = self.decisions.get_mut(decided) {
            decision.typed = typed;
        }
        Ok(())
    }

    fn take(&mut self, answer: Answer, elapsed_ms: Option<u64>) -> Result<(), PlayError> {
        let step = self.decisions.len() + 1;
        let offers = self.offers();
        let position = match answer {
            Answer::Pick(number) if (1..=offers.len()).contains(&number) => Some(number - 1),
            Answer::Pick(number) => {
                if self.phase == Phase::Ended {
                    return Err(PlayError::Over);
                }
                return Err(PlayError::OutOfRange {
                    step,
                    number,
                    available: offers.len(),
                });
            }
            Answer::Silence => None,
        };
        match self.phase {
            Phase::Choosing => self.choose(step, position, answer, offers, elapsed_ms),
            Phase::WrapUp(q) => match position {
                Some(p) => {
                    self.wrap_up(step, q, p, answer, offers, elapsed_ms);
                    Ok(())
                }
                None => Err(PlayError::NoTimer { step }),
            },
            Phase::Ended => Err(PlayError::Over),
        }
    }

    fn choose(
        &mut self,
        step: usize,
        position: Option<usize>,
        answer: Answer,
        offers: Vec<Offer>,
        elapsed_ms: Option<u64>,
    ) -> Result<(), PlayError> {
        let Place::Node(n) = self.state.place else {
            return Err(PlayError::Over);
        };
        let mv = match position {
            Some(p) => Move::Choose(self.order[p]),
            None => Move::Silence,
        };
        let prepared = Arc::clone(&self.prepared);
        let book = &prepared.book;
        let seconds = self.time_limit();
        let step_result = book
            .apply(&self.state, mv)
            .ok_or(PlayError::NoTimer { step })?;
        let scenario = prepared.variant(self.variant);
        let choice = choice_in(scenario, n, mv).ok_or(PlayError::NoTimer { step })?;
        let expert = prepared
            .analysis
            .expert_move(&self.state)
            .filter(|&best| best != mv)
            .and_then(|best| choice_in(scenario, n, best))
            // A silence has no text: the screens and the terminal put it in words.
            .map(|c| c.text.clone());

        match mv {
            Move::Silence => self.transcript.push(Entry::Silence {
                seconds: seconds.unwrap_or(0),
            }),
            Move::Choose(_) => self.transcript.push(Entry::Agent {
                text: choice.text.clone(),
                action: choice.action,
                cue: choice.cue.clone(),
            }),
        }
        let rules = &scenario.rules.compliance;
        let broke: Vec<String> = step_result
            .broke
            .iter()
            .filter_map(|&r| rules.get(r))
            .map(|r| r.id.clone())
            .collect();
        if self.mode == Mode::Coach {
            self.transcript.push(Entry::Feedback {
                text: choice.feedback.clone(),
                points: choice.points,
            });
            for &r in &step_result.broke {
                if let Some(rule) = rules.get(r) {
                    self.transcript.push(Entry::RuleBroken {
                        rule: rule.id.clone(),
                        text: rule.text.clone(),
                    });
                }
            }
        }
        for &r in &step_result.broke {
            if let Some(rule) = rules.get(r) {
                self.broken.push(RuleBreak {
                    rule: rule.id.clone(),
                    text: rule.text.clone(),
                    step,
                });
            }
        }
        self.decisions.push(Decision {
            step,
            node: book.id_of(self.state.place).to_owned(),
            prompt: self.prompt.clone(),
            options: offers.into_iter().map(|o| o.text).collect(),
            answer,
            text: if position.is_some() {
                choice.text.clone()
            } else {
                String::new()
            },
            points: choice.points,
            feedback: choice.feedback.clone(),
            expert,
            wrap_up: false,
            mood: step_result.state.mood,
            broke,
            elapsed_ms,
            typed: None,
        });
        self.points = self.points.plus(step_result.points);
        self.state = step_result.state;
        self.moods.push(self.state.mood);
        if step_result.hung_up {
            self.transcript.push(Entry::HungUp);
        }
        self.arrive();
        Ok(())
    }

    fn wrap_up(
        &mut self,
        step: usize,
        q: usize,
        position: usize,
        answer: Answer,
        offers: Vec<Offer>,
        elapsed_ms: Option<u64>,
    ) {
        let prepared = Arc::clone(&self.prepared);
        let book = &prepared.book;
        let Some(question) = prepared.variant(self.variant).wrap_up.get(q) else {
            return;
        };
        let option = self.order[position];
        let points = book.wrap_up_points(q, option, &self.state);
        let chosen = &question.options[option];
        let expert = (!book.wrap_up_correct(q, option, &self.state))
            .then(|| {
                book.wrap_up_bounds(&self.state)
                    .best_answers
                    .get(q)
                    .copied()
                    .flatten()
                    .map(|best| question.options[best].text.clone())
            })
            .flatten();
        self.transcript.push(Entry::WrapUp {
            ask: question.ask.clone(),
            answer: chosen.text.clone(),
        });
        if self.mode == Mode::Coach {
            self.transcript.push(Entry::Feedback {
                text: chosen.feedback.clone(),
                points,
            });
        }
        self.decisions.push(Decision {
            step,
            node: WRAP_UP.to_owned(),
            prompt: question.ask.clone(),
            options: offers.into_iter().map(|o| o.text).collect(),
            answer,
            text: chosen.text.clone(),
            points,
            feedback: chosen.feedback.clone(),
            expert,
            wrap_up: true,
            mood: self.state.mood,
            broke: Vec::new(),
            elapsed_ms,
            typed: None,
        });
        self.points = self.points.plus(points);
        self.ask(q + 1);
    }

    /// Enters the current place: the customer speaks, or the call ends.
    fn arrive(&mut self) {
        let prepared = Arc::clone(&self.prepared);
        let scenario = prepared.variant(self.variant);
        match self.state.place {
            Place::Node(n) => {
                let lines = prepared.book.lines(scenario, n, &self.state);
                let line = self
                    .pick(lines.len())
                    .and_then(|i| lines.get(i))
                    .cloned()
                    .unwrap_or_default();
                let cue = scenario.nodes.at(n).and_then(|(_, node)| node.cue.clone());
                let count = scenario
                    .nodes
                    .at(n)
                    .map_or(0, |(_, node)| node.choices.len());
                let offered = prepared.book.offered(&self.state);
                debug_assert!(offered.iter().all(|&i| i < count));
                self.order = self.shuffled(offered);
                self.prompt = line.clone();
                self.transcript.push(Entry::Customer { text: line, cue });
                self.phase = Phase::Choosing;
            }
            Place::Ending(e) => {
                if let (Some((id, ending)), Some((say, _))) = (
                    scenario.endings.at(e),
                    prepared.book.closing(scenario, e, &self.state),
                ) {
                    self.transcript.push(Entry::End {
                        outcome: ending.outcome,
                        ending: id.clone(),
                        text: say.to_owned(),
                        cue: ending.cue.clone(),
                    });
                }
                self.ask(0);
            }
        }
    }

    /// Asks wrap-up question `q`, or ends the session when there are no more.
    fn ask(&mut self, q: usize) {
        let prepared = Arc::clone(&self.prepared);
        match prepared.variant(self.variant).wrap_up.get(q) {
            Some(question) => {
                self.order = self.shuffled((0..question.options.len()).collect());
                self.prompt = question.ask.clone();
                self.phase = Phase::WrapUp(q);
            }
            None => {
                self.order.clear();
                self.phase = Phase::Ended;
            }
        }
    }

    /// A random index below `n`, drawn from the seed (none drawn for one variant).
    fn pick(&mut self, n: usize) -> Option<usize> {
        match n {
            0 => None,
            1 => Some(0),
            _ => Some(self.rng.random_range(0..n)),
        }
    }

    fn shuffled(&mut self, mut items: Vec<usize>) -> Vec<usize> {
        if self.prepared.scenario().shuffle_choices {
            // Fisher–Yates with the session's generator, so the order is part of the replay.
            for i in (1..items.len()).rev() {
                let j = self.rng.random_range(0..=i);
                items.swap(i, j);
            }
        }
        items
    }

    /// Leaves the call: before an ending it is abandoned; during the wrap-up the
    /// remaining questions are skipped. Does nothing once it has ended.
    pub fn abandon(&mut self) {
        match self.phase {
            Phase::Choosing => {
                self.abandoned = true;
                self.transcript.push(Entry::Abandoned);
            }
            Phase::WrapUp(_) => {}
            Phase::Ended => return,
        }
        self.phase = Phase::Ended;
        self.order.clear();
    }

    /// Whether the trainee left the call before an ending.
    pub fn is_abandoned(&self) -> bool {
        self.abandoned
    }

    /// The outcome and scores; `None` while the call is still going on.
    pub fn result(&self) -> Option<CallResult> {
        if self.phase != Phase::Ended {
            return None;
        }
        Some(self.score())
    }

    /// The debrief's sentence for the ending reached (its `say_if` taken into account).
    pub fn ending_summary(&self) -> Option<&str> {
        match self.state.place {
            Place::Ending(e) if !self.abandoned => self
                .prepared
                .book
                .closing(self.scenario(), e, &self.state)
                .map(|(_, summary)| summary),
            _ => None,
        }
    }

    /// The scores so far (for an unfinished call, as if it were abandoned now).
    pub fn score(&self) -> CallResult {
        let scenario = self.prepared.scenario();
        let ending = match self.state.place {
            Place::Ending(e) if !self.abandoned => scenario.endings.at(e),
            _ => None,
        };
        let scores = Scores::of(self.points, &scenario.weights, &self.prepared.analysis);
        let outcome = ending.map_or(Outcome::Abandoned, |(_, ending)| ending.outcome);
        let passed = ending.is_some()
            && self.phase == Phase::Ended
            && self.broken.is_empty()
            && scores.overall >= f64::from(scenario.pass_mark);
        CallResult {
            outcome,
            ending: ending.map(|(id, _)| id.clone()),
            points: self.points,
            scores,
            pass_mark: scenario.pass_mark,
            passed,
            broken: self.broken.clone(),
        }
    }
}
