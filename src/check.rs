//! The checker: every mistake a trainer can make that the parser cannot see.
//!
//! Static checks (references, ranges, empty texts, flags, sound files) run on
//! the parsed scenario; graph checks (unreachable parts, dead ends, endless
//! loops) run on the reachable states the analysis explores, so a choice
//! hidden behind a flag nobody sets is seen as the trainee would meet it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::engine::{Mode, Place, PrepareError, Prepared, Session};
use crate::scenario::{
    Condition, Mood, MoodLevels, MoodShift, Points, Scenario, SourceMap, distance,
};

/// Points a single choice, ending or wrap-up question may give in one dimension.
pub const POINTS_RANGE: std::ops::RangeInclusive<i32> = -10..=10;
/// Most nodes in a scenario.
pub const MAX_NODES: usize = 1000;
/// Most endings in a scenario.
pub const MAX_ENDINGS: usize = 100;
/// Most choices at one node: the app offers keys 1 to 5.
pub const MAX_CHOICES: usize = 5;
/// Most line variants of one node.
pub const MAX_VARIANTS: usize = 20;
/// Longest text, in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest time limit, in seconds.
pub const MAX_SECONDS: u32 = 600;

/// Sounds every installation has, named without a path: the app synthesises them.
pub const BUILTIN_CUES: [&str; 8] = [
    "ring",
    "sob",
    "sigh",
    "shout",
    "hold-music",
    "hang-up",
    "typing",
    "ambience",
];

/// Where a scenario may take its sound files from.
#[derive(Debug, Clone, Default)]
pub struct AssetRoots {
    /// The scenario library the file belongs to.
    pub library: Option<PathBuf>,
    /// The application's assets folder.
    pub assets: Option<PathBuf>,
}

/// A field path for a diagnostic, put together only when one is reported: a clean file
/// never pays for formatting the paths of everything it checks.
type Field<'a> = &'a dyn Fn() -> String;

/// Collects diagnostics for one file, placing them with its source map.
struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    /// Built on the first diagnostic: a clean file never needs it, and it costs as much as parsing.
    map: Option<SourceMap>,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, diagnostic: Diagnostic, field: &str) {
        let diagnostic = diagnostic.with_field(field);
        let map = self
            .map
            .get_or_insert_with(|| SourceMap::build(self.source));
        let diagnostic = match map.find(field) {
            Some(span) => diagnostic.at(self.source, span),
            None => diagnostic,
        };
        self.out.push(diagnostic);
    }

    fn error(&mut self, code: Code, field: &str, message: String, hint: impl Into<String>) {
        self.report(
            Diagnostic::error(code, self.path, message).with_hint(hint),
            field,
        );
    }

    fn warning(&mut self, code: Code, field: &str, message: String, hint: impl Into<String>) {
        self.report(
            Diagnostic::warning(code, self.path, message).with_hint(hint),
            field,
        );
    }
}

/// Checks a parsed scenario; returns the diagnostics and, when it can be played, the prepared scenario.
pub fn check(
    scenario: impl Into<Arc<Scenario>>,
    source: &str,
    path: &Path,
    roots: &AssetRoots,
) -> (Vec<Diagnostic>, Option<Arc<Prepared>>) {
    let mut checker = Checker {
        path,
        source,
        map: None,
        out: Vec::new(),
    };
    let scenario: Arc<Scenario> = scenario.into();
    let references_ok = static_checks(&scenario, &mut checker, path, roots);
    if !references_ok {
        return (checker.out, None);
    }
    let prepared = match Prepared::new(scenario) {
        Ok(prepared) => prepared,
        Err(PrepareError::TooManyFlags(n)) => {
            checker.error(
                Code::TooLarge,
                "nodes",
                format!(
                    "the scenario uses {n} different flags; at most {} are allowed",
                    crate::engine::MAX_FLAGS
                ),
                "reuse flags, or split the call into two scenarios",
            );
            return (checker.out, None);
        }
        Err(error) => {
            checker.error(Code::UnknownNode, "", error.to_string(), "");
            return (checker.out, None);
        }
    };
    graph_checks(&prepared, &mut checker);
    let playable = !checker.out.iter().any(Diagnostic::is_error);
    (checker.out, playable.then_some(prepared))
}

/// Checks that need no graph. Returns whether every reference resolves.
fn static_checks(scenario: &Scenario, c: &mut Checker, path: &Path, roots: &AssetRoots) -> bool {
    let mut references_ok = true;
    for (field, text) in [
        ("id", &scenario.id),
        ("title", &scenario.title),
        ("language", &scenario.language),
        ("customer.name", &scenario.customer.name),
    ] {
        if text.trim().is_empty() {
            c.error(
                Code::EmptyText,
                field,
                format!("`{field}` is empty"),
                "write it out; the library and the call show it",
            );
        }
    }
    if scenario.pass_mark > 100 {
        c.error(
            Code::ValueOutOfRange,
            "pass_mark",
            format!(
                "the pass mark is {}; it is a percentage, 0 to 100",
                scenario.pass_mark
            ),
            "70 is usual",
        );
    }
    let w = scenario.weights;
    if w.empathy == 0 && w.accuracy == 0 && w.resolution == 0 {
        c.error(
            Code::ValueOutOfRange,
            "weights",
            "every weight is 0, so nothing counts in the overall score".to_owned(),
            "leave `weights` out for equal weights",
        );
    }
    mood_in_range(c, &|| "customer.mood".to_owned(), &scenario.customer.mood);
    if scenario.nodes.len() > MAX_NODES {
        c.error(
            Code::TooLarge,
            "nodes",
            format!(
                "{} nodes; at most {MAX_NODES} are allowed",
                scenario.nodes.len()
            ),
            "split the call into several scenarios",
        );
    }
    if scenario.endings.len() > MAX_ENDINGS {
        c.error(
            Code::TooLarge,
            "endings",
            format!(
                "{} endings; at most {MAX_ENDINGS} are allowed",
                scenario.endings.len()
            ),
            "merge endings with the same outcome",
        );
    }
    if scenario.nodes.is_empty() {
        c.error(
            Code::MissingField,
            "nodes",
            "the scenario has no nodes".to_owned(),
            "add at least one node where the customer speaks",
        );
        references_ok = false;
    }
    if scenario.endings.is_empty() {
        c.error(
            Code::MissingField,
            "endings",
            "the scenario has no endings".to_owned(),
            "add at least one ending",
        );
        references_ok = false;
    }
    let ids: Vec<&str> = scenario
        .nodes
        .iter()
        .map(|(id, _)| id.as_str())
        .chain(scenario.endings.iter().map(|(id, _)| id.as_str()))
        .collect();
    for (id, _) in scenario.endings.iter() {
        if scenario.nodes.contains(id) {
            c.error(
                Code::DuplicateId,
                &format!("endings.{id}"),
                format!("`{id}` is both a node and an ending"),
                "rename one of them: `next` must name exactly one",
            );
            references_ok = false;
        }
    }
    let mut rule_ids = BTreeSet::new();
    for (i, rule) in scenario.rules.compliance.iter().enumerate() {
        let field = format!("rules.compliance[{i}]");
        if !rule_ids.insert(rule.id.as_str()) {
            c.error(
                Code::DuplicateId,
                &format!("{field}.id"),
                format!("compliance rule `{}` is defined twice", rule.id),
                "give each rule its own id",
            );
        }
        text_ok(c, &|| format!("{field}.text"), &rule.text, true);
    }
    let set = scenario.flags_set();
    let mut flag_ok = |c: &mut Checker, field: Field, flags: &[String]| {
        for flag in flags {
            if !set.contains_key(flag.as_str()) {
                let known: Vec<&str> = set.keys().copied().collect();
                c.error(
                    Code::FlagNeverSet,
                    &field(),
                    format!("flag `{flag}` is required but no choice sets it"),
                    closest(flag, &known).map_or_else(
                        || {
                            format!(
                                "add `sets: [\"{flag}\"]` to the choice that should unlock this"
                            )
                        },
                        |near| format!("did you mean `{near}`?"),
                    ),
                );
            }
        }
    };
    // Reports an unknown node or ending; returns whether the id resolves.
    let target = |c: &mut Checker, field: Field, id: &str| -> bool {
        let known = scenario.nodes.contains(id) || scenario.endings.contains(id);
        if !known {
            let hint = closest(id, &ids).map_or_else(
                || format!("known ids: {}", ids.join(", ")),
                |near| format!("did you mean `{near}`?"),
            );
            c.error(
                Code::UnknownNode,
                &field(),
                format!("`{id}` is not a node or an ending"),
                hint,
            );
        }
        known
    };
    if let Some(start) = &scenario.start
        && !scenario.nodes.contains(start)
    {
        references_ok &= target(c, &|| "start".to_owned(), start);
        if scenario.endings.contains(start) {
            c.error(
                Code::UnknownNode,
                "start",
                format!("the call cannot start at ending `{start}`"),
                "start at a node",
            );
            references_ok = false;
        }
    }
    if let Some(hang_up) = &scenario.rules.hang_up {
        if !scenario.endings.contains(&hang_up.ending) {
            let endings: Vec<&str> = scenario.endings.iter().map(|(id, _)| id.as_str()).collect();
            let hint = closest(&hang_up.ending, &endings).map_or_else(
                || format!("endings: {}", endings.join(", ")),
                |near| format!("did you mean `{near}`?"),
            );
            c.error(
                Code::UnknownNode,
                "rules.hang_up.ending",
                format!("`{}` is not an ending", hang_up.ending),
                hint,
            );
            references_ok = false;
        }
        if hang_up.patience_below > 100 {
            c.error(
                Code::ValueOutOfRange,
                "rules.hang_up.patience_below",
                format!("{} is above 100", hang_up.patience_below),
                "patience runs from 0 to 100",
            );
        }
    }
    for (id, node) in scenario.nodes.iter() {
        let at = format!("nodes.{id}");
        if id.trim().is_empty() {
            c.error(
                Code::EmptyText,
                &at,
                "a node has an empty id".to_owned(),
                "name every node",
            );
        }
        if node.say.is_empty() && node.say_if.is_empty() {
            c.error(
                Code::EmptyText,
                &format!("{at}.say"),
                format!("node `{id}` has no customer line"),
                "add say: [\"...\"]",
            );
        }
        if node.say.is_empty() && !node.say_if.is_empty() {
            c.warning(
                Code::EmptyText,
                &format!("{at}.say"),
                format!("node `{id}` has no line for when no `say_if` applies"),
                "add a default say: [\"...\"]",
            );
        }
        let variants = node.say.len() + node.say_if.iter().map(|s| s.say.len()).sum::<usize>();
        if variants > MAX_VARIANTS {
            c.error(
                Code::TooLarge,
                &format!("{at}.say"),
                format!("{variants} line variants; at most {MAX_VARIANTS} are allowed"),
                "keep the variants that differ most",
            );
        }
        for (i, line) in node.say.iter().enumerate() {
            text_ok(c, &|| format!("{at}.say[{i}]"), line, true);
        }
        for (i, alternative) in node.say_if.iter().enumerate() {
            let field = format!("{at}.say_if[{i}]");
            condition_ok(
                c,
                &|| format!("{field}.when"),
                &alternative.when,
                &mut flag_ok,
            );
            if alternative.say.is_empty() {
                c.error(
                    Code::EmptyText,
                    &format!("{field}.say"),
                    format!("a `say_if` of node `{id}` has no line"),
                    "add say: [\"...\"]",
                );
            }
            for (j, line) in alternative.say.iter().enumerate() {
                text_ok(c, &|| format!("{field}.say[{j}]"), line, true);
            }
        }
        if let Some(cue) = &node.cue {
            cue_ok(c, &|| format!("{at}.cue"), cue, path, roots);
        }
        if node.choices.len() > MAX_CHOICES {
            c.error(
                Code::TooLarge,
                &format!("{at}.choices"),
                format!(
                    "node `{id}` has {} choices; at most {MAX_CHOICES}",
                    node.choices.len()
                ),
                "the trainee picks with keys 1 to 5: keep the five that teach most",
            );
        }
        if let Some(timer) = &node.timer
            && (timer.seconds == 0 || timer.seconds > MAX_SECONDS)
        {
            c.error(
                Code::ValueOutOfRange,
                &format!("{at}.timer.seconds"),
                format!("a time limit of {} seconds", timer.seconds),
                format!("use 1 to {MAX_SECONDS} seconds"),
            );
        }
        let silence = node
            .timer
            .as_ref()
            .map(|t| (format!("{at}.timer.silence"), &t.silence));
        let choices = node
            .choices
            .iter()
            .enumerate()
            .map(|(i, choice)| (format!("{at}.choices[{i}]"), choice));
        for (field, choice) in choices.chain(silence) {
            let is_silence = field.ends_with("silence");
            if !is_silence {
                text_ok(c, &|| format!("{field}.text"), &choice.text, true);
            }
            if choice.feedback.trim().is_empty() {
                c.warning(
                    Code::EmptyText,
                    &format!("{field}.feedback"),
                    "a choice without feedback".to_owned(),
                    "say why it is good or bad: the trainee learns from it",
                );
            } else {
                text_ok(c, &|| format!("{field}.feedback"), &choice.feedback, false);
            }
            points_ok(c, &|| format!("{field}.points"), &choice.points);
            shift_ok(c, &|| format!("{field}.mood"), &choice.mood);
            condition_ok(c, &|| format!("{field}.when"), &choice.when, &mut flag_ok);
            references_ok &= target(c, &|| format!("{field}.next"), &choice.next);
            for (k, rule) in choice.breaks.iter().enumerate() {
                if !rule_ids.contains(rule.as_str()) {
                    let known: Vec<&str> = rule_ids.iter().copied().collect();
                    let hint = closest(rule, &known).map_or_else(
                        || "define it under rules.compliance".to_owned(),
                        |near| format!("did you mean `{near}`?"),
                    );
                    c.error(
                        Code::UnknownRule,
                        &format!("{field}.breaks[{k}]"),
                        format!("`{rule}` is not a compliance rule"),
                        hint,
                    );
                    references_ok = false;
                }
            }
            if let Some(cue) = &choice.cue {
                cue_ok(c, &|| format!("{field}.cue"), cue, path, roots);
            }
        }
    }
    for (id, ending) in scenario.endings.iter() {
        let at = format!("endings.{id}");
        text_ok(c, &|| format!("{at}.say"), &ending.say, false);
        text_ok(c, &|| format!("{at}.summary"), &ending.summary, false);
        points_ok(c, &|| format!("{at}.points"), &ending.points);
        if let Some(cue) = &ending.cue {
            cue_ok(c, &|| format!("{at}.cue"), cue, path, roots);
        }
    }
    for (i, rule) in scenario.rules.compliance.iter().enumerate() {
        flag_ok(c, &|| format!("rules.compliance[{i}].unless"), &rule.unless);
    }
    let endings: Vec<&str> = scenario.endings.iter().map(|(id, _)| id.as_str()).collect();
    for (q, question) in scenario.wrap_up.iter().enumerate() {
        let at = format!("wrap_up[{q}]");
        text_ok(c, &|| format!("{at}.ask"), &question.ask, true);
        points_ok(c, &|| format!("{at}.points"), &question.points);
        // A wrong answer earns nothing, so a negative dimension would reward getting it wrong,
        // and the analysis' best and worst scores assume it cannot.
        for (name, value) in [
            ("empathy", question.points.empathy),
            ("accuracy", question.points.accuracy),
            ("resolution", question.points.resolution),
        ] {
            if value < 0 {
                c.error(
                    Code::PointsOutOfRange,
                    &format!("{at}.points.{name}"),
                    format!(
                        "{value} {name} points for a right wrap-up answer; they cannot be negative"
                    ),
                    "a wrong answer earns 0: give the right one 0 or more",
                );
            }
        }
        if question.options.len() < 2 || question.options.len() > MAX_CHOICES {
            c.error(
                Code::ValueOutOfRange,
                &format!("{at}.options"),
                format!(
                    "{} options; a wrap-up question needs 2 to {MAX_CHOICES}",
                    question.options.len()
                ),
                "offer the right code and plausible wrong ones",
            );
        }
        for (o, option) in question.options.iter().enumerate() {
            let field = format!("{at}.options[{o}]");
            text_ok(c, &|| format!("{field}.text"), &option.text, true);
            if option.feedback.trim().is_empty() {
                c.warning(
                    Code::EmptyText,
                    &format!("{field}.feedback"),
                    "a wrap-up answer without feedback".to_owned(),
                    "say why it is right or wrong",
                );
            }
            if let Some(condition) = &option.correct_if {
                condition_ok(
                    c,
                    &|| format!("{field}.correct_if"),
                    condition,
                    &mut flag_ok,
                );
                for (k, ending) in condition.endings.iter().enumerate() {
                    if !scenario.endings.contains(ending) {
                        let hint = closest(ending, &endings).map_or_else(
                            || format!("endings: {}", endings.join(", ")),
                            |near| format!("did you mean `{near}`?"),
                        );
                        c.error(
                            Code::UnknownNode,
                            &format!("{field}.correct_if.endings[{k}]"),
                            format!("`{ending}` is not an ending"),
                            hint,
                        );
                        references_ok = false;
                    }
                }
            }
        }
    }
    references_ok
}

fn text_ok(c: &mut Checker, field: Field, text: &str, required: bool) {
    if required && text.trim().is_empty() {
        c.error(
            Code::EmptyText,
            &field(),
            "this text is empty".to_owned(),
            "write what is said or shown here",
        );
    }
    let length = text.chars().count();
    if length > MAX_TEXT {
        c.error(
            Code::TooLarge,
            &field(),
            format!("this text is {length} characters; at most {MAX_TEXT}"),
            "a line on the phone is a few sentences",
        );
    }
}

fn points_ok(c: &mut Checker, field: Field, points: &Points) {
    for (name, value) in [
        ("empathy", points.empathy),
        ("accuracy", points.accuracy),
        ("resolution", points.resolution),
    ] {
        if !POINTS_RANGE.contains(&value) {
            c.error(
                Code::PointsOutOfRange,
                &format!("{}.{name}", field()),
                format!(
                    "{value} {name} points; one choice gives {} to {}",
                    POINTS_RANGE.start(),
                    POINTS_RANGE.end()
                ),
                "scores are percentages of the best path, so small numbers are enough",
            );
        }
    }
}

fn shift_ok(c: &mut Checker, field: Field, shift: &MoodShift) {
    for (name, value) in [
        ("distress", shift.distress),
        ("anger", shift.anger),
        ("trust", shift.trust),
        ("patience", shift.patience),
    ] {
        if !(-100..=100).contains(&value) {
            c.error(
                Code::ValueOutOfRange,
                &format!("{}.{name}", field()),
                format!("a change of {value} {name}"),
                "feelings run from 0 to 100, so a change is -100 to 100",
            );
        }
    }
}

fn mood_in_range(c: &mut Checker, field: Field, mood: &Mood) {
    for (name, value) in [
        ("distress", mood.distress),
        ("anger", mood.anger),
        ("trust", mood.trust),
        ("patience", mood.patience),
    ] {
        if value > 100 {
            c.error(
                Code::ValueOutOfRange,
                &format!("{}.{name}", field()),
                format!("{name} {value} is above 100"),
                "feelings run from 0 to 100",
            );
        }
    }
}

fn levels_ok(c: &mut Checker, field: Field, levels: &MoodLevels) {
    for (feeling, value) in levels.iter() {
        if value > 100 {
            c.error(
                Code::ValueOutOfRange,
                &format!("{}.{}", field(), feeling.name()),
                format!("{} {value} is above 100", feeling.name()),
                "feelings run from 0 to 100",
            );
        }
    }
}

fn condition_ok(
    c: &mut Checker,
    field: Field,
    condition: &Condition,
    flag_ok: &mut impl FnMut(&mut Checker, Field, &[String]),
) {
    flag_ok(c, &|| format!("{}.flags", field()), &condition.flags);
    levels_ok(c, &|| format!("{}.at_least", field()), &condition.at_least);
    levels_ok(c, &|| format!("{}.below", field()), &condition.below);
}

fn cue_ok(c: &mut Checker, field: Field, cue: &str, path: &Path, roots: &AssetRoots) {
    match resolve_cue(cue, path, roots) {
        Ok(_) => {}
        Err(CueError::Unsafe) => c.error(
            Code::UnsafePath,
            &field(),
            format!("`{cue}` leaves the scenario library"),
            "name a file inside the library or the assets folder, with a relative path and no `..`",
        ),
        Err(CueError::Missing(searched)) => c.error(
            Code::MissingAudio,
            &field(),
            format!("sound `{cue}` not found"),
            if searched.is_empty() {
                format!("built-in sounds: {}", BUILTIN_CUES.join(", "))
            } else {
                format!(
                    "looked in {}; built-in sounds: {}",
                    searched
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    BUILTIN_CUES.join(", ")
                )
            },
        ),
    }
}

/// Why a cue cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CueError {
    /// Absolute, `..`, or a link leading out of the allowed folders.
    Unsafe,
    /// Not found; the folders searched.
    Missing(Vec<PathBuf>),
}

/// Where a scenario's sound is: a built-in name, or a file in the scenario's folder,
/// the library or the assets folder, never outside them.
pub fn resolve_cue(cue: &str, scenario_path: &Path, roots: &AssetRoots) -> Result<Cue, CueError> {
    if BUILTIN_CUES.contains(&cue) {
        return Ok(Cue::Builtin(cue.to_owned()));
    }
    let relative = Path::new(cue);
    let looks_absolute =
        cue.starts_with('/') || cue.starts_with('\\') || cue.get(1..2) == Some(":");
    if looks_absolute
        || relative
            .components()
            .any(|part| !matches!(part, Component::Normal(_)))
    {
        return Err(CueError::Unsafe);
    }
    if !cue.contains('.') && !cue.contains('/') {
        return Err(CueError::Missing(Vec::new()));
    }
    let folders: Vec<PathBuf> = [
        scenario_path.parent().map(Path::to_path_buf),
        roots.library.clone(),
        roots.assets.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let allowed: Vec<PathBuf> = [
        roots.library.clone(),
        roots.assets.clone(),
        scenario_path.parent().map(Path::to_path_buf),
    ]
    .into_iter()
    .flatten()
    .filter_map(|folder| folder.canonicalize().ok())
    .collect();
    for folder in &folders {
        let candidate = folder.join(relative);
        if let Ok(real) = candidate.canonicalize() {
            if !allowed.iter().any(|root| real.starts_with(root)) {
                return Err(CueError::Unsafe);
            }
            if real.is_file() {
                return Ok(Cue::File(real));
            }
        }
    }
    Err(CueError::Missing(folders))
}

/// A sound a scenario refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// One of [`BUILTIN_CUES`].
    Builtin(String),
    /// A file, by its real path.
    File(PathBuf),
}

fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (distance(name, k), *k))
        .filter(|(d, k)| *d > 0 && *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

fn graph_checks(prepared: &Arc<Prepared>, c: &mut Checker) {
    let book = &prepared.book;
    let analysis = &prepared.analysis;
    let scenario = &book.scenario;
    if analysis.truncated {
        c.error(
            Code::TooManyStates,
            "nodes",
            format!(
                "the call has more than {} reachable states; the check stopped there",
                crate::analysis::MAX_STATES
            ),
            "fewer flags or coarser mood changes keep a call checkable",
        );
        return;
    }
    let reached = analysis.nodes_reached();
    for (n, (id, _)) in scenario.nodes.iter().enumerate() {
        if reached.binary_search(&n).is_err() {
            c.warning(
                Code::UnreachableNode,
                &format!("nodes.{id}"),
                format!("node `{id}` is never reached"),
                "point a choice's `next` at it, or check the conditions that lead here",
            );
        }
    }
    let endings = analysis.endings_reached();
    for (e, (id, _)) in scenario.endings.iter().enumerate() {
        if endings.binary_search(&e).is_err() {
            c.warning(
                Code::UnreachableEnding,
                &format!("endings.{id}"),
                format!("ending `{id}` is never reached"),
                "point a choice's `next` (or the hang-up rule) at it, or remove it",
            );
        }
    }
    let mut dead = BTreeMap::new();
    let mut endless = BTreeMap::new();
    for (s, state) in analysis.states().iter().enumerate() {
        let Place::Node(n) = state.place else {
            continue;
        };
        if analysis.moves_from(s).next().is_none() {
            dead.entry(n).or_insert(*state);
        } else if !analysis.can_end(s) {
            endless.entry(n).or_insert(*state);
        }
    }
    for (n, state) in dead {
        let id = book.id_of(Place::Node(n)).to_owned();
        let flags = book.flag_names(state.flags);
        c.error(
            Code::DeadEnd,
            &format!("nodes.{id}"),
            format!(
                "dead end at `{id}`: no choice is available when {}",
                if flags.is_empty() {
                    "no flag is set".to_owned()
                } else {
                    format!("the flags are [{}]", flags.join(", "))
                }
            ),
            "add a choice without conditions, or a timer",
        );
    }
    for (n, _) in endless {
        let id = book.id_of(Place::Node(n)).to_owned();
        c.error(
            Code::EndlessLoop,
            &format!("nodes.{id}"),
            format!("from `{id}` the call can go round forever and never reach an ending"),
            "give the loop a choice that leads on to an ending",
        );
    }
    let mut scoring = BTreeSet::new();
    for (s, mv) in analysis.scoring_loop_moves() {
        if let Place::Node(n) = analysis.states()[s].place {
            scoring.insert((n, mv));
        }
    }
    for (n, mv) in scoring {
        let id = book.id_of(Place::Node(n)).to_owned();
        let field = match mv {
            crate::engine::Move::Choose(i) => format!("nodes.{id}.choices[{i}].points"),
            crate::engine::Move::Silence => format!("nodes.{id}.timer.silence.points"),
        };
        c.warning(
            Code::ScoringLoop,
            &field,
            format!(
                "a choice at `{id}` earns points inside a loop, so it can be taken again and again"
            ),
            "give points on the way out of the loop instead",
        );
    }
    let mut missing_answers = BTreeSet::new();
    for state in analysis.states() {
        if let Place::Ending(e) = state.place {
            for (q, best) in book.wrap_up_bounds(state).best_answers.iter().enumerate() {
                if best.is_none() {
                    missing_answers.insert((q, e));
                }
            }
        }
    }
    for (q, e) in missing_answers {
        let ending = book.id_of(Place::Ending(e)).to_owned();
        c.warning(
            Code::NoCorrectAnswer,
            &format!("wrap_up[{q}]"),
            format!("no answer is correct after ending `{ending}`"),
            "add the ending to the right answer's `correct_if.endings`",
        );
    }
    if c.out.iter().any(Diagnostic::is_error) {
        return;
    }
    if !analysis.has_clean_path() {
        c.error(
            Code::ExpertFails,
            "rules.compliance",
            "every way through the call breaks a compliance rule, so nobody can pass".to_owned(),
            "check the `unless` flags of the rules",
        );
        return;
    }
    let expert = play_auto(prepared, 0, true);
    if let Some(result) = expert.result().filter(|r| !r.passed) {
        c.error(
            Code::ExpertFails,
            "pass_mark",
            format!(
                "the expert path scores {} overall and does not pass (pass mark {})",
                result.scores.overall, scenario.pass_mark
            ),
            "lower the pass mark or check the expert path with `frontline analyze`",
        );
    }
}

/// Plays a whole call with the expert's (or the worst) answers.
pub fn play_auto(prepared: &Arc<Prepared>, seed: u64, expert: bool) -> Session {
    let mut session = Session::new(Arc::clone(prepared), seed, Mode::Exam);
    // Every answer moves the call on, and a call has finitely many states, but stay bounded anyway.
    for _ in 0..10_000 {
        let answer = if expert {
            session.expert_answer()
        } else {
            session.worst_answer()
        };
        let Some(answer) = answer else { break };
        if session.answer(answer).is_err() {
            break;
        }
    }
    session.abandon();
    session
}
