//! Every field of a scenario on its own: limits, references, empty texts, flags, sounds.

use std::collections::BTreeSet;
use std::path::Path;

use super::{
    Checker, Field, MAX_CHOICES, MAX_ENDINGS, MAX_NODES, MAX_SECONDS, MAX_TEXT, MAX_VARIANTS,
    POINTS_RANGE, closest,
};
use crate::diagnostic::Code;
use crate::scenario::{
    AssetRoots, BuiltinCue, Condition, Cue, CueError, Mood, MoodLevels, MoodShift, Points, Scenario,
};

/// Checks that need no graph. Returns whether every reference resolves.
pub(super) fn check(scenario: &Scenario, c: &mut Checker, path: &Path, roots: &AssetRoots) -> bool {
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
    for (id, ending) in scenario.endings.iter() {
        for (i, alternative) in ending.say_if.iter().enumerate() {
            let field = format!("endings.{id}.say_if[{i}]");
            condition_ok(
                c,
                &|| format!("{field}.when"),
                &alternative.when,
                &mut flag_ok,
            );
            text_ok(c, &|| format!("{field}.say"), &alternative.say, false);
            if let Some(summary) = &alternative.summary {
                text_ok(c, &|| format!("{field}.summary"), summary, false);
            }
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

fn cue_ok(c: &mut Checker, field: Field, cue: &Cue, path: &Path, roots: &AssetRoots) {
    match cue.locate(path, roots) {
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
                format!("built-in sounds: {}", BuiltinCue::names())
            } else {
                format!(
                    "looked in {}; built-in sounds: {}",
                    searched
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    BuiltinCue::names()
                )
            },
        ),
    }
}
