//! The `olympia-kg` command line: serve the graph, check a dataset, print the schema.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use olympia_kg::dataset::{self, Location};

/// A GraphQL knowledge-graph server over news reports, where every fact cites its source.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint a dataset directory and list every problem (exit status 1 if any).
    Check {
        /// The dataset directory (default: the embedded seed dataset).
        dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { dir }) => check(dir),
        None => ExitCode::SUCCESS,
    }
}

fn check(dir: Option<PathBuf>) -> ExitCode {
    let location = dir.map_or(Location::Embedded, Location::Dir);
    match dataset::load(&location) {
        Ok(graph) => {
            println!("{}", olympia_kg::graph::summary(&graph.stats(), &graph));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::FAILURE
        }
    }
}
