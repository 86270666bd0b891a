//! Entry point: parse the command line, then run a command or open the window.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser as _;
use sla_planner::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match &args.command {
        Some(command) => {
            let outcome = cli::run(command, cli::today(), args.lang);
            let written = write_all(std::io::stdout().lock(), &outcome.stdout)
                .and_then(|()| write_all(std::io::stderr().lock(), &outcome.stderr));
            match written {
                Ok(()) => ExitCode::from(outcome.code),
                Err(error) => {
                    // stderr may be the stream that failed; nothing more can be said then.
                    let _ = writeln!(
                        std::io::stderr(),
                        "SLA Planner could not write its output: {error}."
                    );
                    ExitCode::from(1)
                }
            }
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

/// Writes and flushes `text`. A reader that stopped reading (`| head`) is no error: the rest of
/// the output is simply not wanted. A full disk or another failure is.
fn write_all(mut stream: impl Write, text: &str) -> std::io::Result<()> {
    match stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
