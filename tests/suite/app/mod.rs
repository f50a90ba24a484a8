//! The app driven headlessly: real plugins, no window, no GPU, no sound; keys in, screens and
//! scores out. One file per behaviour, sharing one harness.

mod assignments;
mod contrast;
mod export;
mod harness;
mod high_contrast;
mod interface_language;
mod language;
mod leaving_a_call;
mod library_cards;
mod own_words;
mod playing_a_call;
mod progress;
mod recording_calls;
mod sending;
mod text_scale;
mod trainer;
mod voices;
mod volumes;
