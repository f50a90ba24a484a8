//! The customer's voice: lines without an up-to-date voice file, files no line names, and a
//! voice the renderer does not know.
//!
//! Only a scenario whose voices folder exists is checked for missing and stale files: a
//! library nobody has voiced stays clean, and one being voiced is held to all of it.

use std::path::Path;

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::Prepared;
use crate::voice::{VOICES, folder_of, is_known_voice, survey};

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
    // A scenario nobody voiced costs nothing more to check.
    let beside = path.parent().unwrap_or(Path::new(""));
    if !beside.join(folder_of(path)).is_dir() {
        return;
    }
    let found = survey(prepared, path);
    let mut reported = std::collections::BTreeSet::new();
    for voiced in found.voiced.iter().filter(|v| !v.found) {
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
