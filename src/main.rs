//! The `frontline` executable: the command line, or the app when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use frontline::cli::records::DataDir;
use frontline::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return open_app(cli.data);
    };
    let mut stdout = std::io::stdout().lock();
    match run(command, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("error: {}", failure.message.trim_end());
            }
            ExitCode::from(failure.code)
        }
    }
}

#[cfg(not(feature = "app"))]
fn open_app(_: DataDir) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("this build has no window (built without the `app` feature); use a subcommand:\n");
    let _ = Cli::command().print_help();
    ExitCode::from(2)
}

#[cfg(feature = "app")]
fn open_app(data: DataDir) -> ExitCode {
    // Said on the terminal, before a window opens on nothing: the folders the app cannot do without.
    let found = frontline::paths::scenarios_dir().and(frontline::app::Options::built_in());
    match found {
        Ok(options) => frontline::app::run(frontline::app::Options {
            data_dir: data.data_dir,
            ..options
        }),
        Err(missing) => {
            eprintln!("error: {missing}");
            ExitCode::FAILURE
        }
    }
}
