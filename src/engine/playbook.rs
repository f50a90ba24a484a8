//! A scenario prepared for play, and the one rule of how a call moves on.
//!
//! Ids become indices and flags become bits, so a [`State`] is small, cheap
//! to hash and copy. [`Playbook::apply`] is the only place where a choice
//! changes a call: the session, the analysis and the checker all call it.

use serde::Serialize;

use crate::scenario::{Condition, Mood, MoodLevels, Points, Scenario};

/// Most distinct flags a scenario may use (they are bits of a `u64`).
pub const MAX_FLAGS: usize = 64;

/// Where a call is: at a node, waiting for a choice, or at an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Place {
    /// At a node, by index in the scenario's nodes.
    Node(usize),
    /// At an ending, by index in the scenario's endings.
    Ending(usize),
}

/// Everything about a call in progress that the rules of the scenario look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct State {
    /// Where the call is.
    pub place: Place,
    /// Flags set, one bit each in the playbook's flag table.
    pub flags: u64,
    /// The customer's emotional state.
    pub mood: Mood,
    /// Whether no compliance rule has been broken.
    pub compliant: bool,
}

/// What the trainee does at a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Move {
    /// Picks a choice, by index in the node's choices (not the displayed order).
    Choose(usize),
    /// Lets the node's timer run out.
    Silence,
}

/// The result of one move.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The state after the move.
    pub state: State,
    /// Points earned by the move (plus the ending's, when it ends the call).
    pub points: Points,
    /// Compliance rules broken by the move, by index.
    pub broke: Vec<usize>,
    /// Whether the customer hung up because their patience ran out.
    pub hung_up: bool,
}

/// A condition with flags resolved to bits and endings to indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Test {
    all: u64,
    none: u64,
    at_least: MoodLevels,
    below: MoodLevels,
    endings: Vec<usize>,
}

/// Why a scenario cannot be prepared (the checker reports these first, with positions).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrepareError {
    /// A `next`, `start`, `hang_up` or condition names an id that does not exist.
    #[error("`{0}` is not a node or ending of this scenario")]
    UnknownTarget(String),
    /// A choice names a compliance rule that does not exist.
    #[error("`{0}` is not a compliance rule of this scenario")]
    UnknownRule(String),
    /// The scenario has no nodes.
    #[error("the scenario has no nodes")]
    NoNodes,
    /// More flags than fit in a state.
    #[error("the scenario uses {0} flags; at most {MAX_FLAGS} are allowed")]
    TooManyFlags(usize),
}

/// A choice (or a timer's silence) with its references resolved.
#[derive(Debug, Clone)]
pub struct Edge {
    /// When it is offered.
    pub when: Test,
    /// Where it leads.
    pub next: Place,
    /// Bits it sets.
    pub sets: u64,
    /// Bits it clears.
    pub clears: u64,
    /// Rules it breaks, by index.
    pub breaks: Vec<usize>,
}

/// A scenario prepared for play.
#[derive(Debug, Clone)]
pub struct Playbook {
    /// The scenario as written.
    pub scenario: Scenario,
    /// Flag names by bit.
    pub flags: Vec<String>,
    start: usize,
    edges: Vec<Vec<Edge>>,
    silences: Vec<Option<Edge>>,
    say_if: Vec<Vec<Test>>,
    unless: Vec<u64>,
    hang_up: Option<(u8, usize)>,
    wrap_up: Vec<Vec<Option<Test>>>,
}

impl Playbook {
    /// Prepares a scenario, resolving every id.
    pub fn new(scenario: Scenario) -> Result<Playbook, PrepareError> {
        let flags = flag_table(&scenario);
        if flags.len() > MAX_FLAGS {
            return Err(PrepareError::TooManyFlags(flags.len()));
        }
        let bits = |names: &[String]| -> u64 {
            names
                .iter()
                .filter_map(|name| flags.iter().position(|f| f == name))
                .fold(0, |acc, bit| acc | 1 << bit)
        };
        let target = |id: &str| -> Result<Place, PrepareError> {
            if let Some(i) = scenario.nodes.position(id) {
                Ok(Place::Node(i))
            } else if let Some(i) = scenario.endings.position(id) {
                Ok(Place::Ending(i))
            } else {
                Err(PrepareError::UnknownTarget(id.to_owned()))
            }
        };
        let test = |condition: &Condition| -> Result<Test, PrepareError> {
            let endings = condition
                .endings
                .iter()
                .map(|id| {
                    scenario
                        .endings
                        .position(id)
                        .ok_or_else(|| PrepareError::UnknownTarget(id.clone()))
                })
                .collect::<Result<_, _>>()?;
            Ok(Test {
                all: bits(&condition.flags),
                none: bits(&condition.not_flags),
                at_least: condition.at_least,
                below: condition.below,
                endings,
            })
        };
        let rule = |id: &String| {
            scenario
                .rules
                .compliance
                .iter()
                .position(|r| &r.id == id)
                .ok_or_else(|| PrepareError::UnknownRule(id.clone()))
        };
        let edge = |choice: &crate::scenario::Choice| -> Result<Edge, PrepareError> {
            Ok(Edge {
                when: test(&choice.when)?,
                next: target(&choice.next)?,
                sets: bits(&choice.sets),
                clears: bits(&choice.clears),
                breaks: choice.breaks.iter().map(rule).collect::<Result<_, _>>()?,
            })
        };

        let start_id = scenario.start_node().ok_or(PrepareError::NoNodes)?;
        let start = scenario
            .nodes
            .position(start_id)
            .ok_or_else(|| PrepareError::UnknownTarget(start_id.to_owned()))?;
        let mut edges = Vec::with_capacity(scenario.nodes.len());
        let mut silences = Vec::with_capacity(scenario.nodes.len());
        let mut say_if = Vec::with_capacity(scenario.nodes.len());
        for (_, node) in scenario.nodes.iter() {
            edges.push(
                node.choices
                    .iter()
                    .map(edge)
                    .collect::<Result<Vec<_>, _>>()?,
            );
            silences.push(node.timer.as_ref().map(|t| edge(&t.silence)).transpose()?);
            say_if.push(
                node.say_if
                    .iter()
                    .map(|s| test(&s.when))
                    .collect::<Result<Vec<_>, _>>()?,
            );
        }
        let unless = scenario
            .rules
            .compliance
            .iter()
            .map(|r| bits(&r.unless))
            .collect();
        let hang_up = match &scenario.rules.hang_up {
            Some(h) => match target(&h.ending)? {
                Place::Ending(e) => Some((h.patience_below, e)),
                Place::Node(_) => return Err(PrepareError::UnknownTarget(h.ending.clone())),
            },
            None => None,
        };
        let wrap_up = scenario
            .wrap_up
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| o.correct_if.as_ref().map(test).transpose())
                    .collect()
            })
            .collect::<Result<_, _>>()?;
        Ok(Playbook {
            scenario,
            flags,
            start,
            edges,
            silences,
            say_if,
            unless,
            hang_up,
            wrap_up,
        })
    }

    /// The state a call starts in.
    pub fn initial(&self) -> State {
        State {
            place: Place::Node(self.start),
            flags: 0,
            mood: self.scenario.customer.mood,
            compliant: true,
        }
    }

    /// Whether a condition holds in a state (and, for wrap-up, at an ending).
    pub fn holds(&self, test: &Test, state: &State) -> bool {
        let mood_ok = test
            .at_least
            .iter()
            .all(|(f, level)| state.mood.get(f) >= level)
            && test
                .below
                .iter()
                .all(|(f, level)| state.mood.get(f) < level);
        let ending_ok = test.endings.is_empty()
            || matches!(state.place, Place::Ending(e) if test.endings.contains(&e));
        state.flags & test.all == test.all && state.flags & test.none == 0 && mood_ok && ending_ok
    }

    /// The choices offered at a node in this state, by index, in file order.
    pub fn offered(&self, state: &State) -> Vec<usize> {
        match state.place {
            Place::Node(n) => (0..self.edges[n].len())
                .filter(|&i| self.holds(&self.edges[n][i].when, state))
                .collect(),
            Place::Ending(_) => Vec::new(),
        }
    }

    /// Every move possible in a state: the offered choices, then silence if the node is timed.
    pub fn moves(&self, state: &State) -> Vec<Move> {
        let mut moves: Vec<Move> = self.offered(state).into_iter().map(Move::Choose).collect();
        if let Place::Node(n) = state.place
            && self.silences[n].is_some()
        {
            moves.push(Move::Silence);
        }
        moves
    }

    /// The choice (as written) behind a move at a node.
    pub fn choice(&self, node: usize, mv: Move) -> Option<&crate::scenario::Choice> {
        let (_, written) = self.scenario.nodes.at(node)?;
        match mv {
            Move::Choose(i) => written.choices.get(i),
            Move::Silence => written.timer.as_ref().map(|t| &t.silence),
        }
    }

    /// Applies a move. `None` if the move is not possible in this state.
    pub fn apply(&self, state: &State, mv: Move) -> Option<Step> {
        let Place::Node(n) = state.place else {
            return None;
        };
        let edge = match mv {
            Move::Choose(i) => self.edges[n]
                .get(i)
                .filter(|e| self.holds(&e.when, state))?,
            Move::Silence => self.silences[n].as_ref()?,
        };
        let choice = self.choice(n, mv)?;
        let flags = (state.flags | edge.sets) & !edge.clears;
        let mood = state.mood.shifted(&choice.mood);
        let broke: Vec<usize> = edge
            .breaks
            .iter()
            .copied()
            // A rule without `unless` flags is broken every time.
            .filter(|&r| self.unless[r] == 0 || flags & self.unless[r] != self.unless[r])
            .collect();
        let mut next = edge.next;
        let mut hung_up = false;
        if let (Some((below, ending)), Place::Node(_)) = (self.hang_up, next)
            && mood.patience < below
        {
            next = Place::Ending(ending);
            hung_up = true;
        }
        let mut points = choice.points;
        if let Place::Ending(e) = next
            && let Some((_, ending)) = self.scenario.endings.at(e)
        {
            points = points.plus(ending.points);
        }
        let state = State {
            place: next,
            flags,
            mood,
            compliant: state.compliant && broke.is_empty(),
        };
        Some(Step {
            state,
            points,
            broke,
            hung_up,
        })
    }

    /// The line variants a node offers in a state: the first matching `say_if`, else `say`.
    pub fn variants(&self, node: usize, state: &State) -> &[String] {
        let Some((_, written)) = self.scenario.nodes.at(node) else {
            return &[];
        };
        self.say_if[node]
            .iter()
            .zip(&written.say_if)
            .find(|(test, _)| self.holds(test, state))
            .map_or(&written.say, |(_, s)| &s.say)
    }

    /// Whether a wrap-up answer is correct for a call that ended in this state.
    pub fn wrap_up_correct(&self, question: usize, option: usize, state: &State) -> bool {
        self.wrap_up
            .get(question)
            .and_then(|q| q.get(option))
            .and_then(Option::as_ref)
            .is_some_and(|test| self.holds(test, state))
    }

    /// Points a wrap-up answer earns for a call that ended in this state.
    pub fn wrap_up_points(&self, question: usize, option: usize, state: &State) -> Points {
        match self.scenario.wrap_up.get(question) {
            Some(q) if self.wrap_up_correct(question, option, state) => q.points,
            _ => Points::default(),
        }
    }

    /// The best and worst wrap-up points for a call that ended in this state, with the best answers.
    pub fn wrap_up_bounds(&self, state: &State) -> WrapUpBounds {
        let mut bounds = WrapUpBounds::default();
        for (q, question) in self.scenario.wrap_up.iter().enumerate() {
            let correct: Vec<bool> = (0..question.options.len())
                .map(|o| self.wrap_up_correct(q, o, state))
                .collect();
            let best = correct.iter().position(|&c| c);
            bounds.best_answers.push(best);
            if best.is_some() {
                bounds.best = bounds.best.plus(question.points);
                if correct.iter().all(|&c| c) {
                    bounds.worst = bounds.worst.plus(question.points);
                }
            }
        }
        bounds
    }

    /// Names of the flags set in a state.
    pub fn flag_names(&self, flags: u64) -> Vec<&str> {
        self.flags
            .iter()
            .enumerate()
            .filter(|(bit, _)| flags & (1 << bit) != 0)
            .map(|(_, n)| n.as_str())
            .collect()
    }

    /// The id of a place.
    pub fn id_of(&self, place: Place) -> &str {
        match place {
            Place::Node(n) => self.scenario.nodes.at(n).map_or("", |(id, _)| id.as_str()),
            Place::Ending(e) => self
                .scenario
                .endings
                .at(e)
                .map_or("", |(id, _)| id.as_str()),
        }
    }
}

/// Wrap-up points at an ending: the best, the worst, and which answer is best per question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WrapUpBounds {
    /// Points of all best answers.
    pub best: Points,
    /// Points of all worst answers.
    pub worst: Points,
    /// The first correct answer of each question, if any.
    pub best_answers: Vec<Option<usize>>,
}

/// Every flag named anywhere in a scenario, sorted: set, cleared, required, excluded.
fn flag_table(scenario: &Scenario) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    let add_condition = |condition: &Condition, names: &mut std::collections::BTreeSet<String>| {
        names.extend(condition.flags.iter().cloned());
        names.extend(condition.not_flags.iter().cloned());
    };
    for (_, node) in scenario.nodes.iter() {
        for s in &node.say_if {
            add_condition(&s.when, &mut names);
        }
        for choice in node
            .choices
            .iter()
            .chain(node.timer.as_ref().map(|t| &t.silence))
        {
            add_condition(&choice.when, &mut names);
            names.extend(choice.sets.iter().cloned());
            names.extend(choice.clears.iter().cloned());
        }
    }
    for rule in &scenario.rules.compliance {
        names.extend(rule.unless.iter().cloned());
    }
    for question in &scenario.wrap_up {
        for condition in question
            .options
            .iter()
            .filter_map(|o| o.correct_if.as_ref())
        {
            add_condition(condition, &mut names);
        }
    }
    names.into_iter().collect()
}
