//! Frontline: a training simulator for contact-center agents.
//!
//! The core (scenario format, checks, analysis, the session engine, scoring)
//! knows nothing of windows or sound and builds without them; the Bevy app
//! behind the `app` feature is a shell over it.
#![deny(missing_docs)]
// A `Diagnostic` is returned at most once per file read; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

#[cfg(feature = "app")]
pub mod app;
pub mod centre;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod graph;
pub mod library;
pub mod matcher;
pub mod paths;
pub mod records;
pub mod scenario;
pub mod voice;
pub mod words;
