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
mod long_account_card;
mod own_words;
mod playing_a_call;
mod progress;
mod recording_calls;
mod screen_reader_clicks;
mod screen_reader_follows_the_cursor;
mod screen_reader_hears_the_customer;
mod screen_reader_hears_the_notice;
mod screen_reader_names;
mod screen_reader_reads_the_reply_field;
mod screen_reader_speaks_each_screens_language;
mod sending;
mod text_scale;
mod trainer;
mod voices;
mod volumes;
