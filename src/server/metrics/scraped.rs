//! The metrics read when a scrape asks for them rather than kept up to date: the live graph's
//! version and size, and the process's resident memory.

use std::fmt;
use std::sync::{Arc, OnceLock};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Unit;

use crate::store::Live;

/// The metrics read when a scrape asks for them. (`Registry::register` ends each help text
/// with a full stop; these are written with theirs.)
pub(super) struct AtScrape {
    pub(super) live: Option<Arc<Live>>,
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
