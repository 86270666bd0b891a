//! Entry point: parse the command line, then run a command or open the window.

use std::process::ExitCode;

use clap::Parser as _;
use sla_planner::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match &args.command {
        Some(command) => {
            let outcome = cli::run(command, cli::today());
            print!("{}", outcome.stdout);
            eprint!("{}", outcome.stderr);
            ExitCode::from(outcome.code)
        }
        None => match sla_planner::app::run(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("SLA Planner could not open its window: {error}");
                ExitCode::from(1)
            }
        },
    }
}
