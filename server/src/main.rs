//! The `portal` binary: parses the command line and hands over to [`server::cli::run`].

fn main() -> std::process::ExitCode {
    server::cli::run()
}
