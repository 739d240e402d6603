//! Customer health report: full sync, score every contact, print the bands
//! and the customers most at risk.
//!
//! ```text
//! cargo run --release --example health_report --features health
//! INTERCOM_ACCESS_TOKEN=... cargo run --release --example health_report --features health
//! ```
//!
//! Without `INTERCOM_ACCESS_TOKEN`, it starts the fake Intercom and seeds a
//! realistic workspace (1,000 contacts, 5,000 conversations with varied
//! states and statistics). With a token, it reads your workspace (read-only:
//! contacts and conversations of the last 90 days).

//!
//! It needs the `health` feature; without it, it says so and exits (Cargo.toml
//! should declare `required-features = ["health"]` for it).

#[cfg(not(feature = "health"))]
fn main() {
    eprintln!(
        "health_report needs the `health` feature: cargo run --example health_report --features health"
    );
    std::process::exit(2);
}

#[cfg(feature = "health")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    report::main()
}

#[cfg(feature = "health")]
mod report {
    use std::collections::BTreeMap;
    use std::time::{Duration, Instant, SystemTime};

    use futures::TryStreamExt;
    use intercom_api::Client;
    use intercom_api::health::{Band, Factor, FactorScore, HealthScore, HealthScorer, Signals};
    use intercom_api::mock::{FakeIntercom, WorkspaceSeed};
    use intercom_api::sync::{CustomerRecord, SyncOptions, SyncProgress, Syncer};

    type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

    #[tokio::main]
    pub(crate) async fn main() -> Result<()> {
        // Keep the fake alive for the whole run when there is no token.
        let (client, _fake) = match std::env::var("INTERCOM_ACCESS_TOKEN") {
            Ok(token) if !token.trim().is_empty() => {
                eprintln!("reading the workspace of INTERCOM_ACCESS_TOKEN");
                (Client::new(token)?, None)
            }
            _ => {
                let fake = FakeIntercom::start().await;
                let seed = WorkspaceSeed::new().contacts(1_000).conversations(5_000);
                let t = Instant::now();
                let made = fake.seed_workspace(&seed);
                eprintln!(
                    "fake Intercom at {}: seeded {} contacts ({} without email), {} conversations, {} companies in {:.0?}",
                    fake.uri(),
                    made.contact_ids.len(),
                    made.contacts_without_email,
                    made.conversation_ids.len(),
                    made.company_ids.len(),
                    t.elapsed()
                );
                (fake.client()?, Some(fake))
            }
        };

        // 1. Full sync: contacts joined with their last 90 days of conversations.
        let started = Instant::now();
        let mut last = SyncProgress::default();
        let records: Vec<CustomerRecord> = Syncer::new(&client, SyncOptions::new())
            .full(|p| {
                if p.pages % 10 == 0 || p.finished {
                    eprintln!(
                        "  sync: {:?}, {} pages, {} contacts, {} conversations, {} rate-limit waits",
                        p.stage, p.pages, p.contacts, p.conversations, p.rate_limit_waits
                    );
                }
                last = p.clone();
            })
            .try_collect()
            .await?;
        let sync_time = started.elapsed();

        // 2. Score every contact.
        let started = Instant::now();
        let scorer = HealthScorer::default();
        let now = SystemTime::now();
        let window = scorer.config().recent_window;
        let scored: Vec<(&CustomerRecord, Option<HealthScore>)> = records
            .iter()
            .map(|r| {
                let signals = Signals::from_intercom(&r.contact, &r.conversations, now, window);
                (r, scorer.score(&signals, now))
            })
            .collect();
        let score_time = started.elapsed();

        // 3. Report.
        let mut bands: BTreeMap<Band, usize> = BTreeMap::new();
        let mut unscored = 0;
        for (_, score) in &scored {
            match score {
                Some(s) => *bands.entry(s.band).or_default() += 1,
                None => unscored += 1,
            }
        }
        println!("\nCustomer health ({} contacts scored)", scored.len());
        for band in [Band::Healthy, Band::AtRisk, Band::Critical] {
            println!(
                "  {:<10} {:>6}",
                band.as_str(),
                bands.get(&band).copied().unwrap_or(0)
            );
        }
        println!(
            "  {:<10} {:>6}  (no conversation in 90 days)",
            "n/a", unscored
        );
        println!(
            "  skipped {} contacts without email; {} conversations matched no contact",
            last.skipped_without_email, last.unjoined_conversations
        );

        let mut at_risk: Vec<(&CustomerRecord, &HealthScore)> = scored
            .iter()
            .filter_map(|(r, s)| s.as_ref().map(|s| (*r, s)))
            .collect();
        at_risk.sort_by(|a, b| a.1.score.total_cmp(&b.1.score));
        println!("\n10 most at-risk customers");
        for (record, score) in at_risk.iter().take(10) {
            let who = record
                .contact
                .email
                .as_deref()
                .or(record.contact.name.as_deref())
                .unwrap_or(&record.contact.id);
            let (factor, lost) = worst_factor(score)
                .map(|f| (f.factor.as_str(), f.effective_weight - f.contribution))
                .unwrap_or(("-", 0.0));
            println!(
                "  {:>5.1} {:<9} {:<34} worst: {} (-{:.1} points)",
                score.score,
                score.band.as_str(),
                who,
                factor,
                lost
            );
        }

        println!(
            "\nsync {} ({} pages, {} rate-limit waits, {} waiting), scoring {} ({:.2} µs per contact)",
            human(sync_time),
            last.pages,
            last.rate_limit_waits,
            human(last.rate_limit_waited),
            human(score_time),
            score_time.as_secs_f64() * 1e6 / scored.len().max(1) as f64
        );
        Ok(())
    }

    /// The known factor that costs the most points: `effective_weight` is what
    /// it could add, `contribution` what it adds.
    fn worst_factor(score: &HealthScore) -> Option<&FactorScore> {
        Factor::ALL
            .iter()
            .map(|f| score.factor(*f))
            .filter(|f| f.score.is_some())
            .max_by(|a, b| {
                (a.effective_weight - a.contribution)
                    .total_cmp(&(b.effective_weight - b.contribution))
            })
    }

    fn human(d: Duration) -> String {
        if d >= Duration::from_secs(1) {
            format!("{:.2} s", d.as_secs_f64())
        } else {
            format!("{:.1} ms", d.as_secs_f64() * 1e3)
        }
    }
}
