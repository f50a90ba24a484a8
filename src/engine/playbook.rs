//! A scenario prepared for play, and the one rule of how a call moves on.
//!
//! Ids become indices and flags become bits, so a [`State`] is small, cheap
//! to hash and copy. One rule, behind [`Playbook::apply`] (the session, the
//! checker) and [`Playbook::successors`] (the analysis), is the only place
//! where a choice changes a call.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;

use crate::scenario::{Condition, Feeling, Mood, MoodLevels, MoodShift, Points, Scenario};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

impl State {
    /// The state packed into 128 bits: the flags, the mood, compliance and the place.
    /// Different states have different keys while the place's index is below 2^30, far
    /// beyond any scenario (files are at most 2 MiB, and at most 1,000 nodes pass the checker).
    pub fn key(&self) -> u128 {
        let (index, ending) = match self.place {
            Place::Node(n) => (n as u128, 0),
            Place::Ending(e) => (e as u128, 1),
        };
        let mood = u32::from_le_bytes([
            self.mood.distress,
            self.mood.anger,
            self.mood.trust,
            self.mood.patience,
        ]);
        u128::from(self.flags)
            | u128::from(mood) << 64
            | u128::from(self.compliant) << 96
            | ending << 97
            | index << 98
    }
}

/// Hashed by its [`State::key`], in one 128-bit write, because the analysis hashes states
/// by the million.
impl Hash for State {
    fn hash<H: Hasher>(&self, hasher: &mut H) {
        hasher.write_u128(self.key());
    }
}

/// What the trainee does at a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Move {
    /// Picks a choice, by index in the node's choices (not the displayed order).
    Choose(usize),
    /// Lets the node's timer run out.
    Silence,
}

/// The choice behind a move at a node of `scenario` (a playbook's scenario or one of its
/// variants, which have the same nodes and choices).
pub fn choice_in(scenario: &Scenario, node: usize, mv: Move) -> Option<&crate::scenario::Choice> {
    let (_, written) = scenario.nodes.at(node)?;
    match mv {
        Move::Choose(i) => written.choices.get(i),
        Move::Silence => written.timer.as_ref().map(|t| &t.silence),
    }
}

/// The result of one move.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// The state after the move.
    pub state: State,
    /// Points earned by the move (plus the ending's, when it ends the call).
    pub points: Points,
    /// Compliance rules broken by the move, by index.
    pub broke: Vec<usize>,
    /// Whether the customer hung up because their patience ran out.
    pub hung_up: bool,
}

/// A condition with flags resolved to bits, mood levels to plain thresholds and endings to indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Guard {
    pub(in crate::engine) all: u64,
    pub(in crate::engine) none: u64,
    /// Whether any mood level is given (most conditions test flags only).
    moody: bool,
    /// Lowest level of each feeling, in [`Feeling::ALL`] order (0: any).
    pub(in crate::engine) at_least: [u8; 4],
    /// Level each feeling must stay below (256: any).
    pub(in crate::engine) below: [u16; 4],
    pub(in crate::engine) endings: Vec<usize>,
}

impl Guard {
    /// A test of flag bits, mood levels (as written) and ending indices.
    fn new(
        all: u64,
        none: u64,
        at_least: &MoodLevels,
        below: &MoodLevels,
        endings: Vec<usize>,
    ) -> Guard {
        let mut test = Guard {
            all,
            none,
            moody: false,
            at_least: [0; 4],
            below: [256; 4],
            endings,
        };
        for (i, feeling) in Feeling::ALL.into_iter().enumerate() {
            if let Some(level) = at_least.iter().find(|(f, _)| *f == feeling).map(|(_, l)| l) {
                test.at_least[i] = level;
            }
            if let Some(level) = below.iter().find(|(f, _)| *f == feeling).map(|(_, l)| l) {
                test.below[i] = u16::from(level);
            }
        }
        test.moody = test.at_least != [0; 4] || test.below != [256; 4];
        test
    }

    /// Whether the mood passes the levels of the test.
    fn mood_ok(&self, mood: &Mood) -> bool {
        let levels = [mood.distress, mood.anger, mood.trust, mood.patience];
        !self.moody
            || (0..4).all(|i| levels[i] >= self.at_least[i] && u16::from(levels[i]) < self.below[i])
    }
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
    pub when: Guard,
    /// Where it leads.
    pub next: Place,
    /// Bits it sets.
    pub sets: u64,
    /// Bits it clears.
    pub clears: u64,
    /// Rules it breaks, by index.
    pub breaks: Vec<usize>,
    /// Points it earns (the ending's come on top when it ends the call).
    pub points: Points,
    /// How it changes the customer's mood.
    pub shift: MoodShift,
}

/// A scenario prepared for play.
#[derive(Debug, Clone)]
pub struct Playbook {
    /// The scenario as written, shared with the library entry it came from.
    pub scenario: Arc<Scenario>,
    /// Flag names by bit.
    pub flags: Vec<String>,
    start: usize,
    pub(in crate::engine) edges: Vec<Vec<Edge>>,
    pub(in crate::engine) silences: Vec<Option<Edge>>,
    pub(in crate::engine) say_if: Vec<Vec<Guard>>,
    pub(in crate::engine) unless: Vec<u64>,
    pub(in crate::engine) hang_up: Option<(u8, usize)>,
    pub(in crate::engine) wrap_up: Vec<Vec<Option<Guard>>>,
    pub(in crate::engine) closings: Vec<Vec<Guard>>,
}

impl Playbook {
    /// Prepares a scenario, resolving every id.
    pub fn new(scenario: impl Into<Arc<Scenario>>) -> Result<Playbook, PrepareError> {
        let scenario: Arc<Scenario> = scenario.into();
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
        let test = |condition: &Condition| -> Result<Guard, PrepareError> {
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
            Ok(Guard::new(
                bits(&condition.flags),
                bits(&condition.not_flags),
                &condition.at_least,
                &condition.below,
                endings,
            ))
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
                points: choice.points,
                shift: choice.mood,
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
        let closings = scenario
            .endings
            .iter()
            .map(|(_, ending)| ending.say_if.iter().map(|s| test(&s.when)).collect())
            .collect::<Result<_, _>>()?;
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
        let book = Playbook {
            scenario,
            flags,
            start,
            edges,
            silences,
            say_if,
            unless,
            hang_up,
            wrap_up,
            closings,
        };
        Ok(book)
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
    pub fn holds(&self, test: &Guard, state: &State) -> bool {
        let ending_ok = test.endings.is_empty()
            || matches!(state.place, Place::Ending(e) if test.endings.contains(&e));
        state.flags & test.all == test.all
            && state.flags & test.none == 0
            && test.mood_ok(&state.mood)
            && ending_ok
    }

    /// The choices offered at a node in this state, by index, in file order.
    pub fn offered(&self, state: &State) -> Vec<usize> {
        self.moves(state)
            .filter_map(|mv| match mv {
                Move::Choose(i) => Some(i),
                Move::Silence => None,
            })
            .collect()
    }

    /// Every move possible in a state: the offered choices, then silence if the node is timed.
    pub fn moves(&self, state: &State) -> impl Iterator<Item = Move> + use<'_> {
        self.open_edges(*state).map(|(mv, _)| mv)
    }

    /// Every move possible in a state with the state it leads to and the points it earns:
    /// what the analysis explores.
    pub fn successors(&self, state: &State) -> impl Iterator<Item = (Move, State, Points)> + '_ {
        let state = *state;
        self.open_edges(state).map(move |(mv, edge)| {
            let (next, points, _) = self.follow(&state, edge);
            (mv, next, points)
        })
    }

    /// The moves possible in a state with their edges.
    fn open_edges(&self, state: State) -> impl Iterator<Item = (Move, &Edge)> + '_ {
        let (choices, silence): (&[Edge], Option<&Edge>) = match state.place {
            Place::Node(n) => (&self.edges[n], self.silences[n].as_ref()),
            Place::Ending(_) => (&[], None),
        };
        choices
            .iter()
            .enumerate()
            .filter(move |(_, edge)| self.holds(&edge.when, &state))
            .map(|(i, edge)| (Move::Choose(i), edge))
            .chain(silence.map(|edge| (Move::Silence, edge)))
    }

    /// The choice (as written) behind a move at a node.
    pub fn choice(&self, node: usize, mv: Move) -> Option<&crate::scenario::Choice> {
        choice_in(&self.scenario, node, mv)
    }

    /// Applies a move. `None` if the move is not possible in this state.
    pub fn apply(&self, state: &State, mv: Move) -> Option<Transition> {
        let Place::Node(n) = state.place else {
            return None;
        };
        let edge = match mv {
            Move::Choose(i) => self.edges[n]
                .get(i)
                .filter(|e| self.holds(&e.when, state))?,
            Move::Silence => self.silences[n].as_ref()?,
        };
        let (next, points, hung_up) = self.follow(state, edge);
        let broke = edge
            .breaks
            .iter()
            .copied()
            .filter(|&r| self.breaks(r, next.flags))
            .collect();
        Some(Transition {
            state: next,
            points,
            broke,
            hung_up,
        })
    }

    /// The one rule of how a call moves on: where an edge leads from a state, the points it
    /// earns, and whether the customer hangs up on the way.
    fn follow(&self, state: &State, edge: &Edge) -> (State, Points, bool) {
        let flags = (state.flags | edge.sets) & !edge.clears;
        let mood = state.mood.shifted(&edge.shift);
        let mut next = edge.next;
        let mut hung_up = false;
        if let (Some((below, ending)), Place::Node(_)) = (self.hang_up, next)
            && mood.patience < below
        {
            next = Place::Ending(ending);
            hung_up = true;
        }
        let mut points = edge.points;
        if let Place::Ending(e) = next
            && let Some((_, ending)) = self.scenario.endings.at(e)
        {
            points = points.plus(ending.points);
        }
        let broke_any = edge.breaks.iter().any(|&r| self.breaks(r, flags));
        let state = State {
            place: next,
            flags,
            mood,
            compliant: state.compliant && !broke_any,
        };
        (state, points, hung_up)
    }

    /// Whether a move that names compliance rule `rule` breaks it, with these flags set after it.
    fn breaks(&self, rule: usize, flags: u64) -> bool {
        let unless = self.unless[rule];
        // A rule without `unless` flags is broken every time.
        unless == 0 || flags & unless != unless
    }

    /// Which lines a node speaks in a state: the index of the first `say_if` whose condition
    /// holds, or `None` for its `say`. The one rule [`Playbook::lines`] and the voices follow.
    pub fn line_source(&self, node: usize, state: &State) -> Option<usize> {
        self.say_if
            .get(node)?
            .iter()
            .position(|test| self.holds(test, state))
    }

    /// The line variants a node offers in a state, from `scenario` (this playbook's scenario,
    /// or one of its variants): the first matching `say_if`, else `say`.
    pub fn lines<'a>(&self, scenario: &'a Scenario, node: usize, state: &State) -> &'a [String] {
        let Some((_, written)) = scenario.nodes.at(node) else {
            return &[];
        };
        match self.line_source(node, state) {
            Some(i) => written.say_if.get(i).map_or(&written.say, |s| &s.say),
            None => &written.say,
        }
    }

    /// Which closing line an ending reached in a state speaks: the index of the first
    /// `say_if` whose condition holds, or `None` for its own `say`.
    pub fn closing_source(&self, ending: usize, state: &State) -> Option<usize> {
        self.closings
            .get(ending)?
            .iter()
            .position(|test| self.holds(test, state))
    }

    /// The closing line and the debrief's sentence of an ending reached in this state, from
    /// `scenario` (this playbook's scenario, or one of its variants): the first `say_if`
    /// whose condition holds, else the ending's own.
    pub fn closing<'a>(
        &self,
        scenario: &'a Scenario,
        ending: usize,
        state: &State,
    ) -> Option<(&'a str, &'a str)> {
        let (_, written) = scenario.endings.at(ending)?;
        let own = (written.say.as_str(), written.summary.as_str());
        Some(
            match self
                .closing_source(ending, state)
                .and_then(|i| written.say_if.get(i))
            {
                Some(alternative) => (
                    alternative.say.as_str(),
                    alternative.summary.as_deref().unwrap_or(own.1),
                ),
                None => own,
            },
        )
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
