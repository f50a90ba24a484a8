//! Call records: `play` records, `history` lists, `replay` plays again, `export` writes CSV
//! and xAPI and sends to a learning record store; the store survives a killed writer and
//! opens an older schema; a call the store cannot take is kept aside and written later.
//! One file per behaviour, sharing [`harness`].

mod csv;
mod harness;
mod history;
mod history_language;
mod interrupt;
mod kept_aside;
mod killed_writer;
mod lrs;
mod old_schema;
mod replay;
mod typed_words;
mod xapi;
