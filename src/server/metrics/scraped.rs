//! The metrics read when a scrape asks for them rather than kept up to date: the live graph's
//! version and size, the caches' lookups and size (each cache counts for itself, so the
//! document cache of the schema layer needs nothing of the server's), and the process's
//! resident memory.

use std::fmt;
use std::sync::{Arc, OnceLock};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Unit;

use super::Cache;
use crate::cache::CacheStats;
use crate::schema::DocumentCache;
use crate::server::response_cache::ResponseCache;
use crate::store::Live;

/// The caches whose counts a scrape reads.
#[derive(Default)]
pub(crate) struct Caches {
    /// The schema's document cache (none when the schema has none).
    pub(crate) documents: Option<Arc<DocumentCache>>,
    pub(crate) responses: Arc<ResponseCache>,
}

/// The metrics read when a scrape asks for them. (`Registry::register` ends each help text
/// with a full stop; these are written with theirs.)
pub(super) struct AtScrape {
    pub(super) live: Option<Arc<Live>>,
    pub(super) caches: Caches,
}

impl fmt::Debug for AtScrape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtScrape")
            .field("live", &self.live.is_some())
            .finish()
    }
}

impl Collector for AtScrape {
    fn encode(&self, mut encoder: DescriptorEncoder) -> fmt::Result {
        if let Some(live) = &self.live {
            let snapshot = live.snapshot();
            let graph = &snapshot.graph;
            let gauges = [
                (
                    "graph_version",
                    "The live graph's version: 1 after the import that filled the store, one more per write since (0 without a store).",
                    snapshot.version,
                ),
                (
                    "graph_entities",
                    "Entities in the live graph.",
                    graph.entities().len() as u64,
                ),
                (
                    "graph_claims",
                    "Relation claims in the live graph (quantity claims not included).",
                    graph.claims().len() as u64,
                ),
            ];
            for (name, help, value) in gauges {
                encode_gauge(&mut encoder, name, help, None, value)?;
            }
        }
        let mut caches = vec![(Cache::Response, self.caches.responses.stats())];
        if let Some(documents) = &self.caches.documents {
            caches.insert(0, (Cache::Document, documents.stats()));
        }
        encode_caches(&mut encoder, &caches)?;
        if let Some(bytes) = resident_bytes() {
            encode_gauge(
                &mut encoder,
                "process_resident_memory",
                "Resident set size of the server process (Linux: /proc/self/statm).",
                Some(&Unit::Bytes),
                bytes,
            )?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, prometheus_client::encoding::EncodeLabelSet)]
struct Lookup {
    cache: Cache,
    result: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, prometheus_client::encoding::EncodeLabelSet)]
struct Of {
    cache: Cache,
}

/// Each cache's hits and misses since the start, and what it holds now.
fn encode_caches(encoder: &mut DescriptorEncoder, caches: &[(Cache, CacheStats)]) -> fmt::Result {
    let mut lookups = encoder.encode_descriptor(
        "cache_requests",
        "Cache lookups, by cache (document, response) and result (hit, miss).",
        None,
        MetricType::Counter,
    )?;
    for &(cache, stats) in caches {
        for (result, n) in [("hit", stats.hits), ("miss", stats.misses)] {
            let labels = Lookup { cache, result };
            ConstCounter::new(n).encode(lookups.encode_family(&labels)?)?;
        }
    }
    let mut bytes = encoder.encode_descriptor(
        "cache",
        "Bytes each cache holds (the document cache's are estimated from query sizes).",
        Some(&Unit::Bytes),
        MetricType::Gauge,
    )?;
    for &(cache, stats) in caches {
        ConstGauge::new(stats.bytes).encode(bytes.encode_family(&Of { cache })?)?;
    }
    let mut entries = encoder.encode_descriptor(
        "cache_entries",
        "Entries each cache holds.",
        None,
        MetricType::Gauge,
    )?;
    for &(cache, stats) in caches {
        ConstGauge::new(stats.entries).encode(entries.encode_family(&Of { cache })?)?;
    }
    Ok(())
}

fn encode_gauge(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    unit: Option<&Unit>,
    value: u64,
) -> fmt::Result {
    let gauge = ConstGauge::new(value);
    let metric = encoder.encode_descriptor(name, help, unit, gauge.metric_type())?;
    gauge.encode(metric)
}

/// The process's resident set size: resident pages (`/proc/self/statm`, second field) times
/// the page size. `None` where there is no procfs.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * page_size()?)
}

/// The page size, from the auxiliary vector the kernel gave the process (`AT_PAGESZ`); read
/// once. Not assumed to be 4 KiB: arm64 kernels may use 16 or 64 KiB pages.
fn page_size() -> Option<u64> {
    static PAGE_SIZE: OnceLock<Option<u64>> = OnceLock::new();
    *PAGE_SIZE.get_or_init(|| {
        const AT_PAGESZ: usize = 6;
        const WORD: usize = std::mem::size_of::<usize>();
        let auxv = std::fs::read("/proc/self/auxv").ok()?;
        let word = |bytes: &[u8]| {
            usize::from_ne_bytes(bytes.try_into().expect("chunks of two words split in two"))
        };
        auxv.chunks_exact(2 * WORD)
            .find(|entry| word(&entry[..WORD]) == AT_PAGESZ)
            .map(|entry| word(&entry[WORD..]) as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn resident_memory_agrees_with_proc_status() {
        let status = std::fs::read_to_string("/proc/self/status").expect("procfs");
        let vm_rss_kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmRSS line");
        let bytes = resident_bytes().expect("Linux has /proc/self/statm");
        // Read a moment apart, so allow for the test's own allocations in between.
        let (low, high) = (vm_rss_kib * 1024 / 2, vm_rss_kib * 1024 * 2);
        assert!(
            (low..high).contains(&bytes),
            "statm gives {bytes} bytes, status {vm_rss_kib} KiB"
        );
        assert!(page_size().is_some_and(|p| p.is_power_of_two() && p >= 4096));
    }
}
