//! The fake Intercom as a standalone server, for tests in any language (as
//! teams use stripe-mock for Stripe).
//!
//! ```text
//! cargo run --example fake_intercom -- --port 4010 [--seed N] [--quota N/SECS]
//!     [--fault-rate 503:0.05,429:0.01] [--token T]
//! ```
//!
//! The first line of stdout is the base URL (e.g. `http://127.0.0.1:4010`);
//! the server answers on 127.0.0.1 until stopped (Ctrl-C). Requests need
//! `Authorization: Bearer <token>` (default `test-token`).
//!
//! - `--port P`: the port (default 0: any free port, printed).
//! - `--seed N`: start with a workspace of N contacts, N/10 companies (at
//!   least one) and 3N conversations, the same for the same N.
//! - `--quota N/SECS`: allow N requests per SECS-second window (default
//!   10000/10), then `429 rate_limit_exceeded`.
//! - `--fault-rate S:R,...`: answer a share R (0 to 1) of requests with
//!   status S, e.g. `503:0.05`.
//! - `--token T`: the one access token to accept.

use std::time::Duration;

use intercom_api::mock::{FakeIntercom, WorkspaceSeed, parse_fault_rates};

/// The command line, parsed by hand.
#[derive(Debug, Default)]
struct Args {
    port: u16,
    seed: Option<usize>,
    quota: Option<(u32, u64)>,
    fault_rates: Vec<(u16, f64)>,
    token: Option<String>,
}

const USAGE: &str = "usage: fake_intercom [--port P] [--seed N] [--quota N/SECS] \
                     [--fault-rate STATUS:RATE,...] [--token T]";

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(flag) = argv.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_owned());
        }
        let value = argv
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("{flag} {value}: {what}\n{USAGE}");
        match flag.as_str() {
            "--port" => args.port = value.parse().map_err(|_| bad("not a port"))?,
            "--seed" => args.seed = Some(value.parse().map_err(|_| bad("not a count"))?),
            "--quota" => {
                let (n, secs) = value.split_once('/').ok_or_else(|| bad("not N/SECS"))?;
                let n = n.parse().map_err(|_| bad("N is not a count"))?;
                let secs = secs.parse().map_err(|_| bad("SECS is not a count"))?;
                args.quota = Some((n, secs));
            }
            "--fault-rate" => args.fault_rates = parse_fault_rates(&value).map_err(|e| bad(&e))?,
            "--token" => args.token = Some(value),
            _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let mut builder = FakeIntercom::builder()
        .port(args.port)
        .fault_rates(args.fault_rates);
    if let Some((n, secs)) = args.quota {
        builder = builder.quota(n, Duration::from_secs(secs));
    }
    if let Some(token) = &args.token {
        builder = builder.token(token);
    }
    let fake = match builder.try_start().await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{}: {e}", args.port);
            std::process::exit(1);
        }
    };
    if let Some(n) = args.seed {
        fake.seed_workspace(
            &WorkspaceSeed::new()
                .contacts(n)
                .companies((n / 10).max(1))
                .conversations(n * 3)
                .seed(n as u64),
        );
    }
    // The first line is the base URL, for scripts to read.
    println!("{}", fake.uri());
    eprintln!(
        "fake Intercom on {} (token `{}`); Ctrl-C to stop",
        fake.uri(),
        fake.token()
    );
    // Serve until the process is stopped; Ctrl-C's default action ends it.
    std::future::pending::<()>().await;
}
