//! What a scenario allows: every reachable state, the best and worst scores, the expert path.
//!
//! The analysis explores states (node, flags, mood, compliance), never paths,
//! so a scenario with many branches that meet again stays cheap. Each state is
//! first reduced to what the rules can still read from its place on
//! ([`Projection`]): a feeling no condition looks at, or a flag nobody tests
//! any more, does not multiply the states. Values are computed once per
//! state, successors first (strongly connected components in reverse
//! topological order); inside a loop they are relaxed until they settle. A
//! loop whose rounds add up to a gain (or a loss) in some total has no highest
//! (or lowest) value there: going round once more always does better (or
//! worse), so that bound is unbounded rather than what a few rounds happened
//! to reach.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

mod projection;

pub use projection::Projection;

use super::playbook::{Move, Place, Playbook, State};
use crate::scenario::{Dimension, Points, Weights};

/// Most states explored before the analysis gives up (and the checker says so).
pub const MAX_STATES: usize = 200_000;

/// Rounds of relaxation inside one loop after which a total that still moves, on a loop
/// whose points both gain and lose, is taken to be unbounded: an exact answer could take
/// as many rounds as the loop has states.
const LOOP_ROUNDS: usize = 64;

/// A highest total with no bound: a loop on the way gains in it each time round.
const UNBOUNDED_ABOVE: i64 = i64::MAX;

/// A lowest total with no bound: a loop on the way loses in it each time round.
const UNBOUNDED_BELOW: i64 = i64::MIN;

/// The bits naming the totals of a [`Value`] in a mask: each dimension's best and worst,
/// the best weighted (with the clean one, which goes round the same loops) and the worst.
const BEST: [u8; 3] = [1, 2, 4];
const WORST: [u8; 3] = [8, 16, 32];
const BEST_WEIGHTED: u8 = 64;
const WORST_WEIGHTED: u8 = 128;

/// Best and worst totals reachable from a state to the end of the call (wrap-up included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Value {
    best: [i64; 3],
    worst: [i64; 3],
    best_weighted: i64,
    worst_weighted: i64,
    /// Best weighted total over completions that break no compliance rule.
    clean_weighted: Option<i64>,
    expert_move: Option<Move>,
    worst_move: Option<Move>,
}

impl Value {
    /// The totals that differ between two values, as a mask.
    fn moved(&self, other: &Value) -> u8 {
        let mut mask = 0;
        for d in 0..3 {
            if self.best[d] != other.best[d] {
                mask |= BEST[d];
            }
            if self.worst[d] != other.worst[d] {
                mask |= WORST[d];
            }
        }
        if self.best_weighted != other.best_weighted || self.clean_weighted != other.clean_weighted
        {
            mask |= BEST_WEIGHTED;
        }
        if self.worst_weighted != other.worst_weighted {
            mask |= WORST_WEIGHTED;
        }
        mask
    }

    /// The value with the totals of a mask unbounded.
    fn unbounded(mut self, mask: u8) -> Value {
        for d in 0..3 {
            if mask & BEST[d] != 0 {
                self.best[d] = UNBOUNDED_ABOVE;
            }
            if mask & WORST[d] != 0 {
                self.worst[d] = UNBOUNDED_BELOW;
            }
        }
        if mask & BEST_WEIGHTED != 0 {
            self.best_weighted = UNBOUNDED_ABOVE;
            self.clean_weighted = self.clean_weighted.map(|_| UNBOUNDED_ABOVE);
        }
        if mask & WORST_WEIGHTED != 0 {
            self.worst_weighted = UNBOUNDED_BELOW;
        }
        self
    }
}

/// One transition of the state graph.
#[derive(Debug, Clone)]
struct Edge {
    mv: Move,
    target: u32,
    points: Points,
}

/// The explored state graph of a scenario and its values.
#[derive(Debug, Clone)]
pub struct Analysis {
    projection: Projection,
    states: Vec<State>,
    /// State numbers by [`State::key`].
    index: HashMap<u128, u32, foldhash::fast::RandomState>,
    /// The edges of every state, state after state; state `s` owns `edges[spans[s].0..spans[s].1]`.
    edges: Vec<Edge>,
    spans: Vec<(u32, u32)>,
    values: Vec<Option<Value>>,
    component: Vec<u32>,
    /// Whether each component is a loop (several states, or one that leads to itself).
    looping: Vec<bool>,
    paths: Vec<u64>,
    /// Whether exploration stopped at [`MAX_STATES`].
    pub truncated: bool,
}

impl Analysis {
    /// Explores every state reachable in a playbook and values it.
    pub fn new(book: &Playbook) -> Analysis {
        let mut analysis = Analysis {
            projection: Projection::of(book),
            states: Vec::new(),
            index: HashMap::default(),
            edges: Vec::new(),
            spans: Vec::new(),
            values: Vec::new(),
            component: Vec::new(),
            looping: Vec::new(),
            paths: Vec::new(),
            truncated: false,
        };
        analysis.explore(book);
        let (order, bounds) = analysis.components();
        analysis.value(book, &order, &bounds);
        analysis
    }

    fn edges_of(&self, s: usize) -> &[Edge] {
        let (start, end) = self.spans[s];
        &self.edges[start as usize..end as usize]
    }

    fn explore(&mut self, book: &Playbook) {
        // A call of n nodes has a few dozen states per node, give or take.
        let guess = (book.scenario.nodes.len() * 32).min(MAX_STATES);
        self.states.reserve(guess);
        self.spans.reserve(guess);
        self.index.reserve(guess);
        self.edges.reserve(guess * 4);
        let first = self.projection.relevant(&book.initial());
        self.states.push(first);
        self.index.insert(first.key(), 0);
        self.spans.push((0, 0));
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            let state = self.states[i];
            let start = self.edges.len() as u32;
            for (mv, next, points) in book.successors(&state) {
                let next = self.projection.relevant(&next);
                let target = match self.index.entry(next.key()) {
                    Entry::Occupied(known) => *known.get(),
                    Entry::Vacant(new) => {
                        if self.states.len() >= MAX_STATES {
                            self.truncated = true;
                            continue;
                        }
                        let target = self.states.len();
                        new.insert(target as u32);
                        self.states.push(next);
                        self.spans.push((0, 0));
                        stack.push(target);
                        target as u32
                    }
                };
                self.edges.push(Edge { mv, target, points });
            }
            self.spans[i] = (start, self.edges.len() as u32);
        }
    }

    /// Strongly connected components, successors before predecessors (iterative Tarjan):
    /// the states component after component, and where each component ends in that list.
    fn components(&mut self) -> (Vec<u32>, Vec<u32>) {
        const UNSEEN: u32 = u32::MAX;
        let n = self.states.len();
        let mut order = vec![UNSEEN; n];
        let mut low = vec![0u32; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut members = Vec::with_capacity(n);
        let mut bounds = Vec::new();
        let mut counter = 0u32;
        let mut calls = Vec::new();
        self.component = vec![UNSEEN; n];
        for root in 0..n {
            if order[root] != UNSEEN {
                continue;
            }
            calls.push((root, 0usize));
            while let Some(&mut (v, ref mut next)) = calls.last_mut() {
                if *next == 0 && order[v] == UNSEEN {
                    order[v] = counter;
                    low[v] = counter;
                    counter += 1;
                    stack.push(v);
                    on_stack[v] = true;
                }
                if let Some(edge) = self.edges_of(v).get(*next) {
                    *next += 1;
                    let w = edge.target as usize;
                    if order[w] == UNSEEN {
                        calls.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(order[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == order[v] {
                    let component = bounds.len() as u32;
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        self.component[w] = component;
                        members.push(w as u32);
                        if w == v {
                            break;
                        }
                    }
                    bounds.push(members.len() as u32);
                }
            }
        }
        (members, bounds)
    }

    fn value(&mut self, book: &Playbook, order: &[u32], bounds: &[u32]) {
        let weights = book.scenario.weights;
        self.values = vec![None; self.states.len()];
        self.paths = vec![0; self.states.len()];
        self.looping = Vec::with_capacity(bounds.len());
        let mut start = 0;
        for &end in bounds {
            let members = &order[start as usize..end as usize];
            start = end;
            let looping = members.len() > 1
                || members
                    .iter()
                    .any(|&s| self.edges_of(s as usize).iter().any(|e| e.target == s));
            self.looping.push(looping);
            if looping {
                self.relax(book, members, &weights);
            } else {
                // One state whose successors all have their values already.
                for &s in members {
                    self.values[s as usize] = self.value_of(book, s as usize, &weights);
                }
            }
            for &s in members {
                let s = s as usize;
                self.paths[s] = if matches!(self.states[s].place, Place::Ending(_)) {
                    1
                } else {
                    self.edges_of(s)
                        .iter()
                        .filter(|e| self.component[e.target as usize] != self.component[s])
                        .fold(0u64, |sum, e| {
                            sum.saturating_add(self.paths[e.target as usize])
                        })
                };
            }
        }
    }

    /// Values the states of one loop. Relaxing them round after round is Bellman–Ford: a
    /// total that settles is exact, one that still moves after as many rounds as the loop
    /// has states (at most [`LOOP_ROUNDS`]) goes round a loop that adds up to a gain (or a
    /// loss) in it, so it is unbounded.
    fn relax(&mut self, book: &Playbook, members: &[u32], weights: &Weights) {
        let component = self.component[members[0] as usize];
        // Totals the loop's own moves push outward (a gain raises a best, a loss lowers a
        // worst) and inward.
        let (mut outward, mut inward) = (0u8, 0u8);
        for &s in members {
            for edge in self.edges_of(s as usize) {
                if self.component[edge.target as usize] == component {
                    let (out, back) = pushes(edge.points, weights);
                    outward |= out;
                    inward |= back;
                }
            }
        }
        // Every move of a loop lies on a round of it: pushed only outward, a total grows
        // each time round; never pushed outward, it settles.
        let mut unbounded = outward & !inward;
        let mut undecided = outward & inward;
        let settled_by = members.len().min(LOOP_ROUNDS);
        let mut round = 0;
        loop {
            let (mut changed, mut moved) = (false, 0u8);
            for &s in members {
                let s = s as usize;
                let value = self
                    .value_of(book, s, weights)
                    .map(|v| v.unbounded(unbounded));
                if value != self.values[s] {
                    if let (Some(old), Some(new)) = (&self.values[s], &value) {
                        moved |= old.moved(new);
                    }
                    self.values[s] = value;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
            if round >= settled_by {
                unbounded |= moved & undecided;
                undecided &= !moved;
            }
            round += 1;
        }
    }

    fn value_of(&self, book: &Playbook, s: usize, weights: &Weights) -> Option<Value> {
        let state = self.states[s];
        if let Place::Ending(_) = state.place {
            let bounds = book.wrap_up_bounds(&state);
            let best = dims(bounds.best);
            let worst = dims(bounds.worst);
            return Some(Value {
                best,
                worst,
                best_weighted: bounds.best.weighted(weights),
                worst_weighted: bounds.worst.weighted(weights),
                clean_weighted: state.compliant.then(|| bounds.best.weighted(weights)),
                expert_move: None,
                worst_move: None,
            });
        }
        let mut result: Option<Value> = None;
        for edge in self.edges_of(s) {
            let Some(next) = &self.values[edge.target as usize] else {
                continue;
            };
            let gained = dims(edge.points);
            let weighted = edge.points.weighted(weights);
            let best: [i64; 3] = std::array::from_fn(|d| plus(next.best[d], gained[d]));
            let worst: [i64; 3] = std::array::from_fn(|d| plus(next.worst[d], gained[d]));
            let best_weighted = plus(next.best_weighted, weighted);
            let worst_weighted = plus(next.worst_weighted, weighted);
            let clean_weighted = next.clean_weighted.map(|c| plus(c, weighted));
            let Some(current) = &mut result else {
                result = Some(Value {
                    best,
                    worst,
                    best_weighted,
                    worst_weighted,
                    clean_weighted,
                    expert_move: Some(edge.mv),
                    worst_move: Some(edge.mv),
                });
                continue;
            };
            // The expert prefers a call that breaks no rule, then the higher weighted total;
            // on a tie the first move in file order stays.
            let expert_key =
                |clean: Option<i64>, best: i64| (clean.is_some(), clean.unwrap_or(best));
            if expert_key(clean_weighted, best_weighted)
                > expert_key(current.clean_weighted, current.best_weighted)
            {
                current.expert_move = Some(edge.mv);
            }
            if worst_weighted < current.worst_weighted {
                current.worst_weighted = worst_weighted;
                current.worst_move = Some(edge.mv);
            }
            for d in 0..3 {
                current.best[d] = current.best[d].max(best[d]);
                current.worst[d] = current.worst[d].min(worst[d]);
            }
            current.best_weighted = current.best_weighted.max(best_weighted);
            current.clean_weighted = current.clean_weighted.max(clean_weighted);
        }
        result
    }

    /// Every explored state, reduced to what the rules can still read (see [`Projection`]).
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The moves leaving a state, with their targets, by state index.
    pub fn moves_from(&self, state: usize) -> impl Iterator<Item = (Move, usize)> + '_ {
        self.edges_of(state)
            .iter()
            .map(|e| (e.mv, e.target as usize))
    }

    /// Whether an ending can be reached from a state (by index).
    pub fn can_end(&self, state: usize) -> bool {
        self.values[state].is_some()
    }

    /// The index of a state of a call (any state a session can be in), if it was explored.
    pub fn find(&self, state: &State) -> Option<usize> {
        self.index
            .get(&self.projection.relevant(state).key())
            .map(|&i| i as usize)
    }

    /// Whether a state (by index) lies on a loop.
    pub fn in_loop(&self, state: usize) -> bool {
        self.looping[self.component[state] as usize]
    }

    /// Moves on a loop that earn points in some dimension (each time round), as (state index, move).
    pub fn scoring_loop_moves(&self) -> Vec<(usize, Move)> {
        let mut found = Vec::new();
        for s in 0..self.states.len() {
            for edge in self.edges_of(s) {
                let earns = edge.points.empathy > 0
                    || edge.points.accuracy > 0
                    || edge.points.resolution > 0;
                // Losing points on a loop is no reward for going round: only gains count.
                if self.component[edge.target as usize] == self.component[s] && earns {
                    found.push((s, edge.mv));
                }
            }
        }
        found
    }

    /// Nodes where letting the timer run out loses nothing: from some reachable state there,
    /// silence still leads to a best score as high as the expert's move.
    pub fn free_silences(&self, weights: &Weights) -> Vec<usize> {
        let clean = |s: usize| self.values[s].and_then(|v| v.clean_weighted);
        let mut nodes = Vec::new();
        for (s, state) in self.states.iter().enumerate() {
            let (Place::Node(n), Some(best)) = (state.place, clean(s)) else {
                continue;
            };
            let free = self.edges_of(s).iter().any(|edge| {
                edge.mv == Move::Silence
                    && clean(edge.target as usize)
                        .is_some_and(|after| plus(after, edge.points.weighted(weights)) >= best)
            });
            if free {
                nodes.push(n);
            }
        }
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// The expert's move in a state: the highest weighted score that breaks no rule.
    pub fn expert_move(&self, state: &State) -> Option<Move> {
        self.values[self.find(state)?].and_then(|v| v.expert_move)
    }

    /// The worst move in a state: the lowest weighted score.
    pub fn worst_move(&self, state: &State) -> Option<Move> {
        self.values[self.find(state)?].and_then(|v| v.worst_move)
    }

    /// The highest points reachable in each dimension over a whole call; [`i32::MAX`] where a
    /// loop gains in that dimension each time round.
    pub fn max_points(&self) -> Points {
        self.values
            .first()
            .copied()
            .flatten()
            .map_or(Points::default(), |v| points_of(v.best))
    }

    /// The lowest points reachable in each dimension over a whole call; [`i32::MIN`] where a
    /// loop loses in that dimension each time round.
    pub fn min_points(&self) -> Points {
        self.values
            .first()
            .copied()
            .flatten()
            .map_or(Points::default(), |v| points_of(v.worst))
    }

    /// The weighted total of the expert path: the denominator of the overall score.
    pub fn expert_weighted(&self) -> i64 {
        self.values
            .first()
            .copied()
            .flatten()
            .map_or(0, |v| v.clean_weighted.unwrap_or(v.best_weighted))
    }

    /// The lowest weighted total reachable.
    pub fn worst_weighted(&self) -> i64 {
        self.values
            .first()
            .copied()
            .flatten()
            .map_or(0, |v| v.worst_weighted)
    }

    /// Whether some complete call breaks no compliance rule.
    pub fn has_clean_path(&self) -> bool {
        self.values
            .first()
            .copied()
            .flatten()
            .is_some_and(|v| v.clean_weighted.is_some())
    }

    /// Number of distinct ways through the call (loops counted once), saturating.
    pub fn paths(&self) -> u64 {
        self.paths.first().copied().unwrap_or(0)
    }

    /// Whether any loop exists in the call.
    pub fn has_loops(&self) -> bool {
        self.looping.contains(&true)
    }

    /// Endings reached by some call, by index.
    pub fn endings_reached(&self) -> Vec<usize> {
        let mut endings: Vec<usize> = self
            .states
            .iter()
            .filter_map(|s| match s.place {
                Place::Ending(e) => Some(e),
                Place::Node(_) => None,
            })
            .collect();
        endings.sort_unstable();
        endings.dedup();
        endings
    }

    /// Nodes reached by some call, by index.
    pub fn nodes_reached(&self) -> Vec<usize> {
        let mut nodes: Vec<usize> = self
            .states
            .iter()
            .filter_map(|s| match s.place {
                Place::Node(n) => Some(n),
                Place::Ending(_) => None,
            })
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// The moves of the expert path from the start, and the state it ends in.
    pub fn path(
        &self,
        book: &Playbook,
        pick: impl Fn(&Analysis, &State) -> Option<Move>,
    ) -> (Vec<(State, Move)>, State) {
        let mut state = book.initial();
        let mut path = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while seen.insert(state) {
            let Some(mv) = pick(self, &state) else { break };
            let Some(step) = book.apply(&state, mv) else {
                break;
            };
            path.push((state, mv));
            state = step.state;
        }
        (path, state)
    }
}

/// A bound the analysis gives (points or weighted), or `None` where a loop leaves it
/// unbounded ([`Analysis::max_points`] and [`Analysis::min_points`] give those as
/// [`i32::MAX`] and [`i32::MIN`]).
pub fn finite(bound: i64) -> Option<i64> {
    (i64::from(i32::MIN) < bound && bound < i64::from(i32::MAX)).then_some(bound)
}

/// A total after a move's points: an unbounded total stays unbounded.
fn plus(total: i64, gained: i64) -> i64 {
    if total == UNBOUNDED_ABOVE || total == UNBOUNDED_BELOW {
        total
    } else {
        total + gained
    }
}

/// The totals a move's points push outward (a gain raises a best, a loss lowers a worst)
/// and inward, as masks.
fn pushes(points: Points, weights: &Weights) -> (u8, u8) {
    let (mut outward, mut inward) = (0, 0);
    let mut push = |gained: i64, best: u8, worst: u8| match gained.signum() {
        1 => {
            outward |= best;
            inward |= worst;
        }
        -1 => {
            outward |= worst;
            inward |= best;
        }
        _ => {}
    };
    for (d, gained) in dims(points).into_iter().enumerate() {
        push(gained, BEST[d], WORST[d]);
    }
    push(points.weighted(weights), BEST_WEIGHTED, WORST_WEIGHTED);
    (outward, inward)
}

fn dims(points: Points) -> [i64; 3] {
    Dimension::ALL.map(|d| i64::from(points.get(d)))
}

fn points_of(values: [i64; 3]) -> Points {
    let clamp = |v: i64| v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    Points {
        empathy: clamp(values[0]),
        accuracy: clamp(values[1]),
        resolution: clamp(values[2]),
    }
}
