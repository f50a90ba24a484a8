//! The scenario format: the model trainers write in RON, and how a file is read.

mod cue;
mod locate;
mod model;
mod ordered;
mod parse;
mod variants;

pub use cue::{AssetRoots, BuiltinCue, Cue, CueError, Sound};
pub use locate::SourceMap;
pub use model::*;
pub use ordered::OrderedMap;
pub use parse::{
    MAX_FILE_BYTES, MAX_NESTING, distance, parse, parse_ron, parse_str, peek_id, ron_options,
};
pub use variants::{StrayBrace, Values, fill_in, is_name, placeholders};
