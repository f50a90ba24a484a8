//! The team view: per trainee, calls, passes, best and last overall, weakest dimension and
//! trend; per scenario, attempts, pass rate, average, the decisions most often missed and
//! the compliance rules most often broken. Its JSON form is a contract (`frontline team`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Attempt;
use crate::scenario::Dimension;

/// Which attempts the view covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only calls that ended at or after this moment (milliseconds since 1970, UTC).
    pub since_ms: Option<i64>,
    /// Only calls of this scenario id.
    pub scenario: Option<String>,
}

impl Scope {
    fn covers(&self, attempt: &Attempt) -> bool {
        self.since_ms.is_none_or(|since| attempt.ended_ms >= since)
            && self
                .scenario
                .as_ref()
                .is_none_or(|id| &attempt.scenario == id)
    }
}

/// The whole view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    /// One row per trainee, by name.
    pub trainees: Vec<TraineeRow>,
    /// One row per scenario, by id.
    pub scenarios: Vec<ScenarioRow>,
}

/// How one trainee is doing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeRow {
    /// The trainee's name.
    pub trainee: String,
    /// Calls played (abandoned ones too).
    pub calls: usize,
    /// Calls passed.
    pub passed: usize,
    /// The best overall score, 0–100.
    pub best: f64,
    /// The overall score of the latest call, 0–100.
    pub last: f64,
    /// The dimension with the lowest average (`empathy`, `accuracy` or `resolution` in
    /// JSON); the first of them on a tie.
    pub weakest: Dimension,
    /// The latest overall score less the average of the calls before it; `None` after
    /// one call. Not part of the JSON contract.
    #[serde(skip)]
    pub trend: Option<f64>,
}

/// How the team does on one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRow {
    /// The scenario's id.
    pub id: String,
    /// Calls played.
    pub attempts: usize,
    /// Percentage of them passed, 0–100.
    pub pass_rate: f64,
    /// Their average overall score, 0–100.
    pub average: f64,
    /// Where the team goes wrong: the decisions missed at least once, worst first.
    pub misses: Vec<Miss>,
    /// The compliance rules broken, most often first.
    pub broken_rules: Vec<Broken>,
}

/// One decision where trainees miss the expert's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// The node's id, or `wrap-up N`.
    pub node: String,
    /// Times it was decided (where the expert's answer is known).
    pub attempts: usize,
    /// Times the answer was not the expert's.
    pub missed: usize,
    /// The wrong answer chosen most often (empty: letting the timer run out).
    pub most_chosen: String,
    /// Average seconds taken there, when measured.
    pub seconds: Option<f64>,
}

/// A compliance rule and how many times it was broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// The rule's id.
    pub rule: String,
    /// Times broken.
    pub count: usize,
}

/// One decimal, as scores are shown.
fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (count > 0).then(|| sum / count as f64)
}

/// The view of the attempts in `scope`.
pub fn team(attempts: &[Attempt], scope: &Scope) -> Team {
    let mut covered: Vec<&Attempt> = attempts.iter().filter(|a| scope.covers(a)).collect();
    covered.sort_by(|a, b| (a.ended_ms, &a.uid).cmp(&(b.ended_ms, &b.uid)));
    let mut by_trainee: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
    let mut by_scenario: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
    for attempt in &covered {
        by_trainee
            .entry(&attempt.trainee)
            .or_default()
            .push(attempt);
        by_scenario
            .entry(&attempt.scenario)
            .or_default()
            .push(attempt);
    }
    Team {
        trainees: by_trainee
            .into_iter()
            .map(|(name, calls)| trainee_row(name, &calls))
            .collect(),
        scenarios: by_scenario
            .into_iter()
            .map(|(id, calls)| scenario_row(id, &calls))
            .collect(),
    }
}

/// A trainee's row from their calls, oldest first (at least one).
fn trainee_row(name: &str, calls: &[&Attempt]) -> TraineeRow {
    let overall = |a: &&Attempt| a.scores.overall;
    let last = calls.last().map_or(0.0, overall);
    let average = |d| mean(calls.iter().map(|a| a.scores.get(d))).unwrap_or(0.0);
    // The first of the lowest, on a tie.
    let weakest = Dimension::ALL
        .into_iter()
        .min_by(|&a, &b| average(a).total_cmp(&average(b)))
        .unwrap_or(Dimension::Empathy);
    TraineeRow {
        trainee: name.to_owned(),
        calls: calls.len(),
        passed: calls.iter().filter(|a| a.passed).count(),
        best: calls.iter().map(overall).fold(0.0, f64::max),
        last,
        weakest,
        trend: mean(calls[..calls.len() - 1].iter().map(overall))
            .map(|before| tenths(last - before)),
    }
}

/// A scenario's row from its calls.
fn scenario_row(id: &str, calls: &[&Attempt]) -> ScenarioRow {
    #[derive(Default)]
    struct Place<'a> {
        attempts: usize,
        missed: usize,
        wrong: BTreeMap<&'a str, usize>,
        centis: Vec<u64>,
    }
    let mut places: BTreeMap<&str, Place> = BTreeMap::new();
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for call in calls {
        for decided in &call.decisions {
            let Some(missed) = decided.missed else {
                continue;
            };
            let place = places.entry(&decided.place).or_default();
            place.attempts += 1;
            place.centis.extend(decided.centis);
            if missed {
                place.missed += 1;
                *place.wrong.entry(&decided.answer).or_default() += 1;
            }
        }
        for rule in &call.broken {
            *rules.entry(rule).or_default() += 1;
        }
    }
    let mut misses: Vec<Miss> = places
        .into_iter()
        .filter(|(_, place)| place.missed > 0)
        .map(|(node, place)| Miss {
            node: node.to_owned(),
            attempts: place.attempts,
            missed: place.missed,
            // The first of the most chosen, in text order: the same from any source.
            most_chosen: place
                .wrong
                .iter()
                .fold(None, |top: Option<(&str, usize)>, (&text, &n)| match top {
                    Some((_, most)) if most >= n => top,
                    _ => Some((text, n)),
                })
                .map_or_else(String::new, |(text, _)| text.to_owned()),
            seconds: mean(place.centis.iter().map(|&c| c as f64 / 100.0)).map(tenths),
        })
        .collect();
    // Worst first: most missed, then the largest share missed.
    misses.sort_by(|a, b| {
        b.missed.cmp(&a.missed).then_with(|| {
            (b.missed * a.attempts)
                .cmp(&(a.missed * b.attempts))
                .then_with(|| a.node.cmp(&b.node))
        })
    });
    let mut broken_rules: Vec<Broken> = rules
        .into_iter()
        .map(|(rule, count)| Broken {
            rule: rule.to_owned(),
            count,
        })
        .collect();
    broken_rules.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
    let passed = calls.iter().filter(|a| a.passed).count();
    ScenarioRow {
        id: id.to_owned(),
        attempts: calls.len(),
        pass_rate: tenths(passed as f64 * 100.0 / calls.len() as f64),
        average: tenths(mean(calls.iter().map(|a| a.scores.overall)).unwrap_or(0.0)),
        misses,
        broken_rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centre::Decided;
    use crate::engine::Scores;

    fn decided(place: &str, answer: &str, missed: Option<bool>) -> Decided {
        Decided {
            place: place.to_owned(),
            answer: answer.to_owned(),
            missed,
            centis: Some(150),
        }
    }

    fn attempt(n: i64, decisions: Vec<Decided>) -> Attempt {
        let score = 10.0 * n as f64;
        Attempt {
            uid: n.to_string(),
            trainee: "Ana".to_owned(),
            scenario: "s".to_owned(),
            mode: "coach".to_owned(),
            own_words: false,
            ended_ms: n,
            scores: Scores {
                empathy: score,
                accuracy: score + 1.0,
                resolution: score - 1.0,
                overall: score,
            },
            passed: n > 2,
            broken: vec!["r".to_owned(); n as usize % 2],
            decisions,
        }
    }

    #[test]
    fn misses_come_worst_first_with_the_first_most_chosen_answer_and_unknown_experts_left_out() {
        let attempts = [
            attempt(
                1,
                vec![decided("x", "B", Some(true)), decided("y", "Q", Some(true))],
            ),
            attempt(
                2,
                vec![decided("x", "A", Some(true)), decided("y", "", Some(false))],
            ),
            attempt(
                3,
                vec![decided("x", "B", Some(true)), decided("z", "Z", None)],
            ),
            attempt(
                4,
                vec![decided("x", "A", Some(true)), decided("y", "", Some(true))],
            ),
        ];
        let view = team(&attempts, &Scope::default());
        let misses: Vec<(&str, usize, usize, &str)> = view.scenarios[0]
            .misses
            .iter()
            .map(|m| {
                (
                    m.node.as_str(),
                    m.attempts,
                    m.missed,
                    m.most_chosen.as_str(),
                )
            })
            .collect();
        assert_eq!(misses, [("x", 4, 4, "A"), ("y", 3, 2, "")]);
        assert_eq!(view.scenarios[0].misses[0].seconds, Some(1.5));
        assert_eq!(
            view.scenarios[0].broken_rules,
            [Broken {
                rule: "r".to_owned(),
                count: 2
            }]
        );
        assert_eq!(
            (view.scenarios[0].pass_rate, view.scenarios[0].average),
            (50.0, 25.0)
        );
        let ana = &view.trainees[0];
        assert_eq!(
            (ana.calls, ana.passed, ana.best, ana.last),
            (4, 2, 40.0, 40.0)
        );
        assert_eq!(
            (ana.weakest, ana.trend),
            (Dimension::Resolution, Some(20.0))
        );
        let late = team(
            &attempts,
            &Scope {
                since_ms: Some(3),
                scenario: None,
            },
        );
        assert_eq!(late.trainees[0].calls, 2);
    }
}
