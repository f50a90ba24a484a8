//! The one integration-test binary (each binary links the whole crate again, so there is only one).
//! Each behaviour area is a module in `tests/suite/`, named with `#[path]`.

#[cfg(feature = "app")]
#[path = "suite/app/mod.rs"]
mod app;
#[path = "suite/centre/mod.rs"]
mod centre;
#[path = "suite/checks.rs"]
mod checks;
#[path = "suite/choices_too_close.rs"]
mod choices_too_close;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/generated.rs"]
mod generated;
#[path = "suite/hostile.rs"]
mod hostile;
#[path = "suite/library.rs"]
mod library;
#[path = "suite/list_language.rs"]
mod list_language;
#[path = "suite/loop_bounds.rs"]
mod loop_bounds;
#[path = "suite/match_command.rs"]
mod match_command;
#[path = "suite/matcher_encoder.rs"]
mod matcher_encoder;
#[path = "suite/matcher_ranking.rs"]
mod matcher_ranking;
#[path = "suite/naive.rs"]
mod naive;
#[cfg(unix)]
#[path = "suite/one_folder.rs"]
mod one_folder;
#[path = "suite/play_replies.rs"]
mod play_replies;
#[path = "suite/playthrough.rs"]
mod playthrough;
#[path = "suite/properties.rs"]
mod properties;
#[path = "suite/records/mod.rs"]
mod records;
#[path = "suite/support.rs"]
mod support;
#[path = "suite/terminal_language.rs"]
mod terminal_language;
#[path = "suite/timers.rs"]
mod timers;
#[path = "suite/variants.rs"]
mod variants;
#[path = "suite/voice_checks.rs"]
mod voice_checks;
#[path = "suite/voice_command.rs"]
mod voice_command;
#[path = "suite/voice_figures.rs"]
mod voice_figures;
#[path = "suite/voice_lines.rs"]
mod voice_lines;
#[path = "suite/voice_recording_checks.rs"]
mod voice_recording_checks;
#[path = "suite/voice_recordings.rs"]
mod voice_recordings;
#[path = "suite/voice_wer.rs"]
mod voice_wer;
#[cfg(unix)]
#[path = "suite/windows.rs"]
mod windows;
#[path = "suite/words_tables.rs"]
mod words_tables;
