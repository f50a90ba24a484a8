//! The customer's voice: lines without an up-to-date voice file, files no line names, a
//! voice the renderer does not know, and actors' recordings: of a line the node says, in
//! the scenario's folder.
//!
//! Only a scenario whose voices folder exists is checked for missing and stale files: a
//! library nobody has voiced stays clean, and one being voiced is held to all of it.

use std::path::Path;

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::Prepared;
use crate::scenario::{CueError, Scenario, placeholders};
use crate::voice::{VOICES, folder_of, is_known_voice, recorded, survey};

pub(super) fn check(prepared: &Prepared, checker: &mut Checker, path: &Path) {
    if let Some(written) = &prepared.scenario().customer.voice
        && !is_known_voice(written)
    {
        let names: Vec<&str> = VOICES.iter().map(|(name, _, _)| *name).collect();
        checker.error(
            Code::UnknownVoice,
            "customer.voice",
            format!("`{written}` is not a voice Frontline renders"),
            format!("use `male`, `female` or one of {}", names.join(", ")),
        );
    }
    recordings_ok(prepared.scenario(), checker, path);
    // A scenario nobody voiced costs nothing more to check.
    let beside = path.parent().unwrap_or(Path::new(""));
    if !beside.join(folder_of(path)).is_dir() {
        return;
    }
    let found = survey(prepared, path);
    let mut reported = std::collections::BTreeSet::new();
    // A missing recording is an error of its own (`recordings_ok`).
    for voiced in found.voiced.iter().filter(|v| !v.found && !v.recorded) {
        if !reported.insert(&voiced.file) {
            continue;
        }
        let variant = voiced
            .line
            .variant
            .as_ref()
            .map(|v| format!(" in variant `{v}`"))
            .unwrap_or_default();
        checker.warning(
            Code::VoiceMissing,
            &voiced.line.field,
            format!(
                "this line{variant} has no {} voice: {} is missing",
                voiced.line.delivery.name(),
                voiced.file.display()
            ),
            format!(
                "render it with `frontline voice --render {}`",
                path.display()
            ),
        );
    }
    for file in &found.stale {
        checker.out.push(
            Diagnostic::warning(
                Code::VoiceStale,
                path,
                format!(
                    "{} is the voice of no line of this scenario",
                    file.display()
                ),
            )
            .with_hint(format!(
                "a line was edited or removed: `frontline voice --prune {}` removes it",
                path.display()
            )),
        );
    }
}

/// Each recording names a line its node or ending says, one text in every variant, and a
/// file in the scenario's folder.
fn recordings_ok(scenario: &Scenario, checker: &mut Checker, path: &Path) {
    let nodes = scenario.nodes.iter().map(|(id, node)| {
        let lines: Vec<&String> = node
            .say
            .iter()
            .chain(node.say_if.iter().flat_map(|alternative| &alternative.say))
            .collect();
        (format!("nodes.{id}"), lines, &node.recordings)
    });
    let endings = scenario.endings.iter().map(|(id, ending)| {
        let lines: Vec<&String> = std::iter::once(&ending.say)
            .chain(ending.say_if.iter().map(|alternative| &alternative.say))
            .collect();
        (format!("endings.{id}"), lines, &ending.recordings)
    });
    for (at, lines, recordings) in nodes.chain(endings) {
        for (line, file) in recordings {
            let field = format!("{at}.recordings.{line}");
            if !lines.contains(&line) {
                checker.error(
                    Code::UnknownLine,
                    &field,
                    format!("`{at}` says no line `{line}`"),
                    "write the line exactly as in its `say` (an edited line needs a new recording)",
                );
            } else if placeholders(line).is_ok_and(|found| !found.is_empty()) {
                checker.error(
                    Code::UnknownLine,
                    &field,
                    "this line changes with the variant: one recording cannot speak it".to_owned(),
                    "record a line without {placeholders}, or leave it to the renderer",
                );
            }
            match recorded(file, path) {
                Ok(_) => {}
                Err(CueError::Unsafe) => checker.error(
                    Code::UnsafePath,
                    &field,
                    format!("recording `{file}` leaves the scenario's folder"),
                    "name a file in the scenario's folder, with a relative path and no `..`",
                ),
                Err(CueError::Missing(_)) => checker.error(
                    Code::MissingAudio,
                    &field,
                    format!("recording `{file}` not found"),
                    "save the actor's recording there (Ogg Vorbis), relative to the scenario's folder",
                ),
            }
        }
    }
}
