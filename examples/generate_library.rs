//! Writes a synthetic scenario library for benchmarks: `count` calls with the size profile of
//! the shipped ones and one very large call.
//!
//! ```sh
//! cargo run --release --no-default-features --example generate_library -- OUT_DIR [--count N] [--seed S]
//! frontline check OUT_DIR
//! ```

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Writes OUT_DIR/library/ (the calls) and OUT_DIR/large/ (the very large call).
#[derive(Parser)]
struct Arguments {
    /// The folder to write into (created if missing).
    out_dir: PathBuf,
    /// How many calls with the shipped size profile.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// The seed: the same seed writes the same files.
    #[arg(long, default_value_t = 2022)]
    seed: u64,
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    match synthetic::write_library(&arguments.out_dir, arguments.count, arguments.seed) {
        Ok(written) => {
            println!(
                "{} calls in {}\n1 very large call: {}",
                arguments.count,
                written.library.display(),
                written.large.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "cannot write the library in {}: {error}",
                arguments.out_dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
