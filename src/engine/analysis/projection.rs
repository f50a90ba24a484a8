//! Which flags and feelings can still matter at each place of a call.
//!
//! The analysis merges states that play out alike; this is what tells it which
//! parts of a state may still change what happens next.

use super::super::playbook::{Guard, Place, Playbook, State};
use crate::scenario::{Feeling, Mood};

/// What a condition reads: its flags and the feelings whose level can change its answer.
fn reads(guard: &Guard) -> Reads {
    Reads {
        flags: guard.all | guard.none,
        feelings: Feeling::ALL
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| guard.at_least[i] > 0 || guard.below[i] < 256)
            .fold(0, |mask, (_, feeling)| mask | feeling_bit(feeling)),
    }
}

/// The bit of a feeling in [`Reads::feelings`].
fn feeling_bit(feeling: Feeling) -> u8 {
    match feeling {
        Feeling::Distress => 1,
        Feeling::Anger => 2,
        Feeling::Trust => 4,
        Feeling::Patience => 8,
    }
}

/// Flags and feelings some rule may read, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Reads {
    flags: u64,
    feelings: u8,
}

impl Reads {
    fn union(self, other: Reads) -> Reads {
        Reads {
            flags: self.flags | other.flags,
            feelings: self.feelings | other.feelings,
        }
    }
}

/// For every place, the flags and feelings that some rule may still read on the
/// way from there to the end of the wrap-up (choice conditions, the `unless`
/// flags of compliance rules, the hang-up threshold, wrap-up answers) before a
/// choice sets or clears them.
///
/// Everything else in a [`State`] can never change what happens next (lines of
/// `say_if` change only words), so [`Projection::relevant`] sets it to zero and
/// two states that agree on the rest play out alike: the same moves, points,
/// broken rules and endings from there on.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    nodes: Vec<Reads>,
    endings: Vec<Reads>,
}

impl Projection {
    /// Works out what each place of a playbook may still read.
    pub fn of(book: &Playbook) -> Projection {
        Projection::reading(book, false)
    }

    /// What each place may still read when the words spoken and the voice they are said in
    /// count too: besides the rules, the conditions of `say_if` lines, and the distress and
    /// anger a line's delivery is heard in (`voice::Delivery::of`) at every place.
    pub fn of_voices(book: &Playbook) -> Projection {
        Projection::reading(book, true)
    }

    fn reading(book: &Playbook, voices: bool) -> Projection {
        let voice = |guards: &[Guard]| {
            guards.iter().fold(
                Reads {
                    flags: 0,
                    feelings: feeling_bit(Feeling::Distress) | feeling_bit(Feeling::Anger),
                },
                |live, test| live.union(reads(test)),
            )
        };
        let endings = (0..book.scenario.endings.len())
            .map(|e| {
                let spoken = match book.closings.get(e) {
                    Some(guards) if voices => voice(guards),
                    _ => Reads::default(),
                };
                book.wrap_up
                    .iter()
                    .flatten()
                    .flatten()
                    .filter(|test| test.endings.is_empty() || test.endings.contains(&e))
                    .fold(spoken, |live, test| live.union(reads(test)))
            })
            .collect::<Vec<_>>();
        // What each node reads itself, and where its moves may lead with the flags they
        // leave alone: a flag a move sets or clears no longer depends on the state before.
        let mut own_reads = Vec::with_capacity(book.edges.len());
        let mut next = Vec::with_capacity(book.edges.len());
        for (n, (choices, silence)) in book.edges.iter().zip(&book.silences).enumerate() {
            let mut own = match book.say_if.get(n) {
                Some(guards) if voices => voice(guards),
                _ => Reads::default(),
            };
            let mut targets = Vec::new();
            for edge in choices.iter().chain(silence) {
                own = own.union(reads(&edge.when));
                for &rule in &edge.breaks {
                    own.flags |= book.unless[rule];
                }
                let kept = !(edge.sets | edge.clears);
                targets.push((edge.next, kept));
                if let (Some((_, ending)), Place::Node(_)) = (book.hang_up, edge.next) {
                    own.feelings |= feeling_bit(Feeling::Patience);
                    targets.push((Place::Ending(ending), kept));
                }
            }
            own_reads.push(own);
            next.push(targets);
        }
        // A node may read whatever any place after it reads: grow to a fixed point.
        let mut nodes = own_reads.clone();
        let mut changed = true;
        while changed {
            changed = false;
            for n in (0..nodes.len()).rev() {
                let live = next[n]
                    .iter()
                    .map(|&(place, kept)| {
                        let after = match place {
                            Place::Node(m) => nodes[m],
                            Place::Ending(e) => endings[e],
                        };
                        Reads {
                            flags: after.flags & kept,
                            feelings: after.feelings,
                        }
                    })
                    .fold(own_reads[n], Reads::union);
                if live != nodes[n] {
                    nodes[n] = live;
                    changed = true;
                }
            }
        }
        Projection { nodes, endings }
    }

    /// The state with every flag and feeling no rule reads from its place on set to zero.
    pub fn relevant(&self, state: &State) -> State {
        let live = match state.place {
            Place::Node(n) => self.nodes.get(n),
            Place::Ending(e) => self.endings.get(e),
        }
        .copied()
        .unwrap_or_default();
        let keep = |feeling: Feeling| {
            if live.feelings & feeling_bit(feeling) != 0 {
                state.mood.get(feeling)
            } else {
                0
            }
        };
        State {
            place: state.place,
            flags: state.flags & live.flags,
            mood: Mood {
                distress: keep(Feeling::Distress),
                anger: keep(Feeling::Anger),
                trust: keep(Feeling::Trust),
                patience: keep(Feeling::Patience),
            },
            compliant: state.compliant,
        }
    }
}
