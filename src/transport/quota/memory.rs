//! [`MemoryStore`]: the shared budget in this process's memory.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{Grant, QuotaStore, Report, StoreFuture, Window};

/// Keeps windows in a map behind a mutex: shares one quota between clients
/// of one process (say, with different tokens for the same app), and is
/// the reference for other backends. Keys expire as in any store.
#[derive(Debug, Default)]
pub struct MemoryStore {
    windows: Mutex<HashMap<String, (Window, u64)>>,
}

/// Expired keys are swept when the map grows past this many.
const SWEEP_AT: usize = 1024;

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// The window under `key` at `now_ms`, if it has not expired.
    pub fn window(&self, key: &str, now_ms: u64) -> Option<Window> {
        let map = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key)
            .filter(|(_, expires)| now_ms < *expires)
            .map(|(w, _)| *w)
    }

    /// The one atomic step, synchronously.
    pub fn take_now(&self, key: &str, now_ms: u64, report: Option<Report>) -> Grant {
        let mut map = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= SWEEP_AT {
            map.retain(|_, (_, expires)| now_ms < *expires);
        }
        let mut w = map
            .get(key)
            .filter(|(_, expires)| now_ms < *expires)
            .map_or_else(Window::default, |(w, _)| *w);
        if let Some(r) = report {
            w.report(&r, now_ms);
        }
        let grant = w.take(now_ms);
        let expires = now_ms.saturating_add(w.ttl_ms(now_ms));
        map.insert(key.to_owned(), (w, expires));
        grant
    }
}

impl QuotaStore for MemoryStore {
    fn take<'a>(
        &'a self,
        key: &'a str,
        now_ms: u64,
        report: Option<Report>,
    ) -> StoreFuture<'a, Grant> {
        let grant = self.take_now(key, now_ms, report);
        Box::pin(std::future::ready(Ok(grant)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_expire_and_are_swept() {
        let s = MemoryStore::new();
        let t = 1_750_000_000_000;
        assert!(matches!(s.take_now("a", t, None), Grant::Go { .. }));
        assert_eq!(s.window("a", t).map(|w| w.taken), Some(1));
        let later = t + 2 * super::super::DEFAULT_LEN_MS;
        assert_eq!(s.window("a", later), None);
        for i in 0..SWEEP_AT {
            s.take_now(&format!("k{i}"), later, None);
        }
        s.take_now("last", later, None);
        let map = s.windows.lock().unwrap_or_else(|p| p.into_inner());
        assert!(!map.contains_key("a"));
    }
}
