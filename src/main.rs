//! The `olympia-kg` command line: serve the graph, check a dataset, print the schema, help
//! author a dataset (`locate`, `uncovered`).
//! Only argument parsing and wiring live here; everything else is in the library.

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand, ValueEnum};
use tracing_subscriber::EnvFilter;

use olympia_kg::dataset::{self, Location};
use olympia_kg::graph::{self, KnowledgeGraph};
use olympia_kg::schema::QueryLimits;
use olympia_kg::store::{Live, SqliteStore, Store as _};
use olympia_kg::{schema, server};

/// A GraphQL knowledge-graph server over news reports, where every fact cites the exact words
/// of its source. With no command, serves the embedded Paris 2024 closing-ceremony dataset.
#[derive(Debug, Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the graph over GraphQL (the default).
    Serve(Box<ServeArgs>),
    /// Lint a dataset directory: list every problem (exit status 1 if any) or its counts, then
    /// any warnings.
    Check {
        /// The dataset directory (default: the embedded seed dataset).
        dir: Option<PathBuf>,
    },
    /// Print the GraphQL schema (SDL) of a dataset: its `Predicate` enum and typed relationship
    /// fields come from the dataset's vocabulary (the seed's is committed as schema.graphql).
    Schema {
        /// The dataset directory (default: the embedded seed dataset).
        #[arg(long, env = "OLYMPIA_DATA")]
        data: Option<PathBuf>,
    },
    /// Write a synthetic dataset (for benchmarks and scale tests), deterministic from a seed.
    Generate(GenerateArgs),
    /// Print the evidence JSON that cites a phrase of a source (one line per occurrence, with
    /// "occurrence" when there are several), and each occurrence's sentence on stderr; exit
    /// status 1, with the closest passage, when the phrase does not occur verbatim.
    Locate {
        /// The dataset directory (default: the embedded seed dataset).
        #[arg(long, env = "OLYMPIA_DATA")]
        data: Option<PathBuf>,
        /// The source's id, as in sources.jsonl.
        source: String,
        /// The words to quote, exactly as the source writes them.
        phrase: String,
    },
    /// List the names in the source texts (all, or one) that no entity's name or alias covers
    /// yet, most frequent first: advice, so the exit status is 0.
    Uncovered {
        /// The dataset directory (default: the embedded seed dataset).
        #[arg(long, env = "OLYMPIA_DATA")]
        data: Option<PathBuf>,
        /// Only this source (default: every source).
        source: Option<String>,
    },
    /// Write the dataset a store holds into a new directory, in the documented format (`check`
    /// passes on it; `serve --db NEW --data DIR` imports it again); or, with `--format`, the
    /// graph into one new file for the tools analysts use (GraphML for NetworkX and Gephi, DOT
    /// for Graphviz, N-Triples and JSON-LD for RDF stores and SPARQL).
    Export {
        /// The store: required for `jsonl`; for the other formats, the graph to export (else
        /// `--data`, else the embedded seed).
        #[arg(long, env = "OLYMPIA_DB")]
        db: Option<PathBuf>,
        /// The dataset directory whose graph to export, without `--db` (default: the embedded
        /// seed dataset). `jsonl` reads the store only.
        #[arg(long, env = "OLYMPIA_DATA")]
        data: Option<PathBuf>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// The directory to create (or an empty one) for `jsonl`; the file to create for the
        /// other formats (never over an existing one).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a small sample dataset into a new directory, to start your own from.
    Init {
        /// The directory to create (or an empty one); init never overwrites anything.
        dir: PathBuf,
    },
}

/// The formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The dataset's own JSON Lines files, from a store (`--db`).
    Jsonl,
    /// GraphML: entities as nodes, relations as edges with their evidence as attributes.
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// RDF N-Triples, with schema.org types.
    Ntriples,
    /// RDF as JSON-LD, with schema.org types.
    Jsonld,
}

#[derive(Debug, Args)]
struct GenerateArgs {
    /// Number of entities.
    #[arg(long, default_value_t = 100_000)]
    entities: usize,
    /// Seed of the random generator: the same seed writes the same dataset.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Average relation claims per entity.
    #[arg(long, default_value_t = 10)]
    claims_per_entity: usize,
    /// Relation claims stated by each source text.
    #[arg(long, default_value_t = 40)]
    claims_per_source: usize,
    /// Directory to write the dataset into (created if missing).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "OLYMPIA_ADDR", default_value = "127.0.0.1:8000")]
    addr: SocketAddr,

    /// Dataset directory to serve instead of the embedded seed dataset (format: seed/README.md).
    /// With --db, only read when the store is new, to fill it.
    #[arg(long, env = "OLYMPIA_DATA")]
    data: Option<PathBuf>,

    /// A SQLite store to serve and write to, created (and filled from --data or the embedded
    /// seed) when the file does not exist. Without it the server is read-only. The built graph
    /// is kept beside it in DB.snapshot, so that a restart need not load the store again.
    #[arg(long, env = "OLYMPIA_DB")]
    db: Option<PathBuf>,

    /// With --db: neither read nor write DB.snapshot (every start loads the store's records).
    #[arg(long, env = "OLYMPIA_NO_SNAPSHOT", conflicts_with = "snapshot")]
    no_snapshot: bool,

    /// Keep the built graph in this file and start from it while the data is unchanged: with
    /// --data, while no dataset file changed (size or time); with --db, instead of DB.snapshot.
    #[arg(long, env = "OLYMPIA_SNAPSHOT")]
    snapshot: Option<PathBuf>,

    /// A file of write tokens, one `name:secret` per line (secrets of 16 characters or more);
    /// writes need `Authorization: Bearer <secret>`. The variable OLYMPIA_WRITE_TOKENS may hold
    /// more, comma-separated. With none, writes are refused.
    #[arg(long, env = "OLYMPIA_WRITE_TOKENS_FILE")]
    write_tokens_file: Option<PathBuf>,

    /// Log filter: a level (error, warn, info, debug, trace) or tracing directives such as
    /// "olympia_kg=debug,tower_http=info".
    #[arg(long, env = "OLYMPIA_LOG", default_value = "info")]
    log_level: String,

    /// Log format.
    #[arg(long, env = "OLYMPIA_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,

    /// Origins allowed to call the API from a browser (CORS), comma-separated; "*" for any.
    /// None: same-origin only.
    #[arg(long, env = "OLYMPIA_CORS_ORIGINS", value_delimiter = ',')]
    cors_origins: Vec<String>,

    /// Do not serve GraphiQL, nor the explorer at /explore.
    #[arg(long, env = "OLYMPIA_NO_GRAPHIQL")]
    no_graphiql: bool,

    /// Do not serve Prometheus metrics at /metrics.
    #[arg(long, env = "OLYMPIA_NO_METRICS")]
    no_metrics: bool,

    /// Largest request body in bytes (larger bodies get HTTP 413).
    #[arg(long, env = "OLYMPIA_MAX_BODY_BYTES", default_value_t = server::Config::default().max_body_bytes)]
    max_body_bytes: usize,

    /// Most operations in one batched request.
    #[arg(long, env = "OLYMPIA_MAX_BATCH", default_value_t = server::Config::default().max_batch)]
    max_batch: usize,

    /// Longest a request may run, in milliseconds (a batch as a whole; serialising included).
    #[arg(long, env = "OLYMPIA_TIMEOUT_MS", default_value_t = 10_000)]
    timeout_ms: u64,

    /// Largest response body, in bytes (larger answers are refused with RESPONSE_TOO_LARGE).
    #[arg(long, env = "OLYMPIA_MAX_RESPONSE_BYTES", default_value_t = server::Config::default().max_response_bytes)]
    max_response_bytes: usize,

    /// Most GraphQL requests executing at once; more wait up to --queue-timeout-ms, then get
    /// HTTP 503 with Retry-After.
    #[arg(long, env = "OLYMPIA_MAX_CONCURRENT_REQUESTS", default_value_t = server::Config::default().max_concurrent_requests)]
    max_concurrent_requests: usize,

    /// How long a request waits for a turn when --max-concurrent-requests are running, in
    /// milliseconds.
    #[arg(long, env = "OLYMPIA_QUEUE_TIMEOUT_MS", default_value_t = 1_000)]
    queue_timeout_ms: u64,

    /// Most subscription (WebSocket) connections open at once; more get HTTP 503.
    #[arg(long, env = "OLYMPIA_MAX_SUBSCRIPTION_CONNECTIONS", default_value_t = server::Config::default().max_websockets)]
    max_subscription_connections: usize,

    /// Most connections open at once (kept below the open-files limit, `ulimit -n`).
    #[arg(long, env = "OLYMPIA_MAX_CONNECTIONS", default_value_t = server::Connections::default().max_connections)]
    max_connections: usize,

    /// Time a client has to send a request's headers, in milliseconds, counted from when the
    /// connection opens or its previous response ended (so it also closes idle keep-alive
    /// connections).
    #[arg(long, env = "OLYMPIA_HEADER_READ_TIMEOUT_MS", default_value_t = 10_000)]
    header_read_timeout_ms: u64,

    /// Longest a write may wait on a client that does not read, in milliseconds, before the
    /// connection is closed.
    #[arg(long, env = "OLYMPIA_WRITE_TIMEOUT_MS", default_value_t = 60_000)]
    write_timeout_ms: u64,

    /// After SIGTERM or Ctrl-C, how long open requests may finish before the server exits
    /// anyway, in milliseconds.
    #[arg(long, env = "OLYMPIA_SHUTDOWN_TIMEOUT_MS", default_value_t = 10_000)]
    shutdown_timeout_ms: u64,

    /// Bytes of query text the automatic persisted query cache may hold (0: off).
    #[arg(long, env = "OLYMPIA_PERSISTED_QUERY_BYTES", default_value_t = schema::SchemaConfig::default().persisted_query_bytes)]
    persisted_query_bytes: usize,

    /// Estimated bytes of parsed, limit-checked documents kept so that a repeated query is not
    /// parsed again (0: off).
    #[arg(long, env = "OLYMPIA_DOCUMENT_CACHE_BYTES", default_value_t = schema::SchemaConfig::default().document_cache_bytes)]
    document_cache_bytes: usize,

    /// Bytes of answers kept so that a query asked again of the same graph version is answered
    /// without running (0: off). Only answers to queries without errors are kept.
    #[arg(long, env = "OLYMPIA_RESPONSE_CACHE_BYTES", default_value_t = server::Config::default().response_cache_bytes)]
    response_cache_bytes: usize,

    /// Most entities one traversal may visit before it stops and reports itself incomplete.
    #[arg(long, env = "OLYMPIA_TRAVERSAL_BUDGET", default_value_t = schema::Limits::default().traversal_max_visited)]
    traversal_budget: usize,

    /// Longest query text, in bytes.
    #[arg(long, env = "OLYMPIA_MAX_QUERY_BYTES", default_value_t = QueryLimits::default().max_query_bytes)]
    max_query_bytes: usize,

    /// Most lexical tokens in a query (graphql-armor's default).
    #[arg(long, env = "OLYMPIA_MAX_TOKENS", default_value_t = QueryLimits::default().max_tokens)]
    max_tokens: usize,

    /// Deepest field nesting (introspection has its own rule).
    #[arg(long, env = "OLYMPIA_MAX_DEPTH", default_value_t = QueryLimits::default().max_depth)]
    max_depth: usize,

    /// Largest estimated query cost (fields resolved; a list counts by its page size or by the
    /// longest list of its kind in the graph); a batch shares one.
    #[arg(long, env = "OLYMPIA_MAX_COST", default_value_t = QueryLimits::default().max_cost)]
    max_cost: usize,

    /// Most aliases in a query (graphql-armor's default).
    #[arg(long, env = "OLYMPIA_MAX_ALIASES", default_value_t = QueryLimits::default().max_aliases)]
    max_aliases: usize,

    /// Most fields at the root of an operation.
    #[arg(long, env = "OLYMPIA_MAX_ROOT_FIELDS", default_value_t = QueryLimits::default().max_root_fields)]
    max_root_fields: usize,

    /// Most directives in a query (graphql-armor's default).
    #[arg(long, env = "OLYMPIA_MAX_DIRECTIVES", default_value_t = QueryLimits::default().max_directives)]
    max_directives: usize,

    /// Estimated cost from which a query counts as expensive and waits for one of the
    /// --max-concurrent-expensive turns.
    #[arg(long, env = "OLYMPIA_EXPENSIVE_COST", default_value_t = QueryLimits::default().expensive_cost)]
    expensive_cost: usize,

    /// Expensive queries running at once (default: half the cores, at least one).
    #[arg(long, env = "OLYMPIA_MAX_CONCURRENT_EXPENSIVE", default_value_t = schema::SchemaConfig::default().expensive_concurrency)]
    max_concurrent_expensive: usize,

    /// Refuse introspection queries (GraphiQL's docs and codegen need introspection).
    #[arg(long, env = "OLYMPIA_NO_INTROSPECTION")]
    no_introspection: bool,

    /// Do not suggest field names ("Did you mean …?") in validation errors.
    #[arg(long, env = "OLYMPIA_NO_SUGGESTIONS")]
    no_suggestions: bool,
}

fn main() -> ExitCode {
    // A background thread returns freed pages to the system (after jemalloc's 10 s decay), so
    // what the loader freed does not stay resident while the server idles.
    let _ = tikv_jemalloc_ctl::background_thread::write(true);
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check { dir }) => return check(dir),
        Some(Command::Schema { data }) => print_schema(&data),
        Some(Command::Serve(args)) => serve(*args),
        Some(Command::Generate(args)) => generate(args),
        Some(Command::Init { dir }) => init(&dir),
        Some(Command::Export {
            db,
            data,
            format,
            out,
        }) => match (format, db) {
            (ExportFormat::Jsonl, Some(db)) => export(&db, &out),
            (ExportFormat::Jsonl, None) => Err(anyhow::anyhow!(
                "the jsonl export writes the dataset a store holds: give --db FILE (a dataset directory already is JSON Lines; --format graphml|dot|ntriples|jsonld export a graph without a store)"
            )),
            (format, db) => export_graph(db.as_deref(), &data, format, &out),
        },
        Some(Command::Locate {
            data,
            source,
            phrase,
        }) => locate(&data, &source, &phrase),
        Some(Command::Uncovered { data, source }) => uncovered(&data, source.as_deref()),
        None => serve(cli.serve),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn print_schema(data: &Option<PathBuf>) -> anyhow::Result<()> {
    let location = data.clone().map_or(Location::Embedded, Location::Dir);
    let graph = dataset::load(&location).map_err(|errors| {
        anyhow::anyhow!("the dataset has problems, so it has no schema:\n{errors}")
    })?;
    print!("{}", schema::sdl(&graph));
    Ok(())
}

/// Loads a dataset for an authoring command, which needs one that loads.
fn load_for_authoring(data: &Option<PathBuf>) -> anyhow::Result<KnowledgeGraph> {
    let location = data.clone().map_or(Location::Embedded, Location::Dir);
    dataset::load(&location).map_err(|errors| {
        anyhow::anyhow!("the dataset does not load, fix it first (olympia-kg check):\n{errors}")
    })
}

fn locate(data: &Option<PathBuf>, source: &str, phrase: &str) -> anyhow::Result<()> {
    let graph = load_for_authoring(data)?;
    let found = dataset::authoring::locate(&graph, source, phrase)?;
    for occurrence in &found {
        println!("{}", occurrence.evidence);
    }
    for (k, occurrence) in found.iter().enumerate() {
        // The position is a character offset, as the API's spans give it.
        let which = if found.len() > 1 {
            format!("[occurrence {}] ", k + 1)
        } else {
            String::new()
        };
        eprintln!(
            "{source}:{}: {which}{}",
            occurrence.span.char_start, occurrence.sentence
        );
    }
    Ok(())
}

fn uncovered(data: &Option<PathBuf>, source: Option<&str>) -> anyhow::Result<()> {
    let graph = load_for_authoring(data)?;
    let only = source
        .map(|key| dataset::authoring::find_source(&graph, key))
        .transpose()?;
    let candidates = dataset::authoring::uncovered(&graph, only);
    let width = candidates
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    let count_width = candidates.first().map_or(1, |c| c.count.to_string().len());
    let mut listing = String::new();
    for c in &candidates {
        listing.push_str(&format!(
            "{:>count_width$}  {:<width$}  {}:{}\n",
            c.count,
            c.name,
            graph.source(c.source).key,
            c.char_start
        ));
    }
    print_listing(&listing)?;
    eprintln!(
        "{} name{} no entity covers (runs of capitalised words outside every mention; a heuristic, so some are not names)",
        candidates.len(),
        if candidates.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

/// Writes `text` to stdout; a reader that stops early (`| head`) is not an error.
fn print_listing(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn check(dir: Option<PathBuf>) -> ExitCode {
    let location = dir.map_or(Location::Embedded, Location::Dir);
    match load_reporting(&location) {
        Ok((loaded, report)) => {
            println!("{}", graph::summary(&loaded.graph.stats(), &loaded.graph));
            eprintln!("{report}");
            // A hint is printed with the first warning that has it, not repeated on each.
            let mut hinted: Vec<&str> = Vec::new();
            for warning in loaded.warnings.iter().take(MAX_WARNINGS_SHOWN) {
                let dataset::DatasetWarning(at) = warning;
                match at.hint.as_deref() {
                    Some(hint) if hinted.contains(&hint) => {
                        eprintln!("warning: {}", without_hint(at))
                    }
                    hint => {
                        hinted.extend(hint);
                        eprintln!("{warning}");
                    }
                }
            }
            let n = loaded.warnings.len();
            if n > MAX_WARNINGS_SHOWN {
                eprintln!("… and {} more", n - MAX_WARNINGS_SHOWN);
            }
            if n > 0 {
                eprintln!(
                    "{n} warning{} (the dataset loads; they point at likely slips)",
                    if n == 1 { "" } else { "s" }
                );
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::FAILURE
        }
    }
}

fn init(dir: &std::path::Path) -> anyhow::Result<()> {
    let written = dataset::init::init(dir)?;
    let shown = shell_word(&dir.display().to_string());
    println!("wrote a sample dataset to {shown}: {}", written.join(", "));
    println!("next steps:");
    println!(
        "  olympia-kg check {shown}         lists every problem as file:line:column, then warnings"
    );
    println!("  olympia-kg serve --data {shown}  serves it: GraphiQL at http://127.0.0.1:8000/");
    println!(
        "then replace the sample with your own texts and facts; the # lines in each file explain its fields"
    );
    Ok(())
}

/// Most warnings `check` prints, and `serve` logs, one by one; the rest are counted.
const MAX_WARNINGS_SHOWN: usize = 100;

/// A dataset problem without its hint: where it is and what is wrong, on one line.
fn without_hint(problem: &dataset::DatasetError) -> dataset::DatasetError {
    dataset::DatasetError {
        hint: None,
        ..problem.clone()
    }
}

/// `word` as one word of a POSIX shell command line: as is when it is plain, else quoted.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@%,".contains(&b));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn generate(args: GenerateArgs) -> anyhow::Result<()> {
    let options = dataset::generate::Options {
        entities: args.entities,
        seed: args.seed,
        claims_per_entity: args.claims_per_entity,
        claims_per_source: args.claims_per_source,
    };
    let started = Instant::now();
    let bar = progress_bar(
        (args.entities * args.claims_per_entity) as u64,
        "generating claims",
    );
    let written = dataset::generate::generate(&options, &args.out, |n| {
        if let Some(bar) = &bar {
            bar.set_position(n as u64);
        }
    })
    .with_context(|| format!("cannot write the dataset into {}", args.out.display()))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!(
        "wrote {} entities, {} relation claims, {} quantity claims, {} sources ({} MB of text) to {} in {:.1} s",
        written.entities,
        written.claims,
        written.quantities,
        written.sources,
        written.text_bytes / 1_000_000,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A progress bar on a terminal; `None` when stderr is not one (logs and CI get a summary).
fn progress_bar(len: u64, what: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal as _;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg:>20} [{bar:40}] {pos}/{len} ({elapsed}, eta {eta})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_owned());
    Some(bar)
}

fn init_logging(args: &ServeArgs) -> anyhow::Result<()> {
    let filter = EnvFilter::try_new(&args.log_level).with_context(|| {
        format!(
            "--log-level {:?} is not a level or filter directive",
            args.log_level
        )
    })?;
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match args.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    Ok(())
}

/// Loads a dataset with a progress bar on a terminal; returns the graph with its warnings and
/// a one-line summary of sizes, time per stage and memory.
fn load_reporting(
    location: &Location,
) -> Result<(dataset::Loaded, String), dataset::DatasetErrors> {
    let started = Instant::now();
    let mut stages: Vec<(&'static str, Instant)> = Vec::new();
    let mut current: Option<(&'static str, &'static str)> = None;
    let mut bar: Option<indicatif::ProgressBar> = None;
    let loaded = dataset::load_with_warnings(location, &mut |p| {
        if stages.last().is_none_or(|&(stage, _)| stage != p.stage) {
            stages.push((p.stage, Instant::now()));
        }
        if current != Some((p.stage, p.step)) {
            current = Some((p.stage, p.step));
            if let Some(old) = bar.take() {
                old.finish_and_clear();
            }
            bar = progress_bar(p.total, &format!("{}: {}", p.stage, p.step));
        }
        if let Some(bar) = &bar {
            bar.set_position(p.done);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let loaded = loaded?;
    let graph = &loaded.graph;
    let elapsed = started.elapsed();
    let stats = graph.stats();
    let memory = graph.memory();
    let mut times = Vec::new();
    for (i, &(stage, at)) in stages.iter().enumerate() {
        let end = stages
            .get(i + 1)
            .map_or(started + elapsed, |&(_, next)| next);
        times.push(format!("{stage} {:.2} s", (end - at).as_secs_f64()));
    }
    let per = |bytes: usize, n: usize| bytes as f64 / n.max(1) as f64;
    let rss = resident_bytes();
    let report = format!(
        "loaded {} entities, {} relation claims, {} mentions, {} sources in {:.2} s ({}); heap {:.1} MB ({:.0} B per relation claim, {:.0} B per entity){}",
        stats.entities,
        stats.claims,
        stats.mentions,
        stats.sources,
        elapsed.as_secs_f64(),
        times.join(", "),
        memory.total() as f64 / 1e6,
        per(memory.total(), stats.claims),
        per(memory.total(), stats.entities),
        rss.map_or(String::new(), |rss| format!(
            "; resident {:.0} MB ({:.0} B per relation claim)",
            rss as f64 / 1e6,
            per(rss, stats.claims)
        )),
    );
    let parts = [
        ("claims", memory.claims),
        ("adjacency", memory.adjacency),
        ("mentions", memory.mentions),
        ("indexes", memory.indexes),
        ("search", memory.search),
        ("entities", memory.entities),
        ("quantities", memory.quantities),
        ("sources", memory.sources),
    ];
    let parts: Vec<String> = parts
        .iter()
        .map(|&(part, bytes)| format!("{part} {:.0}", per(bytes, stats.claims)))
        .collect();
    let report = format!(
        "{report}\nheap per relation claim, by part (B): {}",
        parts.join(", ")
    );
    Ok((loaded, report))
}

/// The connection cap, lowered below the open-files limit when it would not fit (each
/// connection holds a file descriptor; a few more are needed for the listener, logs and data).
fn connection_cap(wanted: usize) -> usize {
    const SPARE: usize = 64;
    match server::open_files_limit() {
        Some(files) if wanted + SPARE > files => {
            let cap = files.saturating_sub(SPARE).max(1);
            tracing::warn!(
                "--max-connections {wanted} does not fit the open-files limit of {files} (ulimit -n); serving at most {cap} connections"
            );
            cap
        }
        _ => wanted,
    }
}

/// The process's resident set size, where the platform says (Linux).
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn load(data: &Option<PathBuf>) -> anyhow::Result<KnowledgeGraph> {
    let location = data.clone().map_or(Location::Embedded, Location::Dir);
    let started = Instant::now();
    let (loaded, report) = load_reporting(&location).map_err(|errors| {
        anyhow::anyhow!("the dataset cannot be served:\n{errors}\nfix these problems (olympia-kg check DIR lists them) and start again")
    })?;
    let stats = loaded.graph.stats();
    tracing::info!(
        entities = stats.entities,
        relations = stats.claims,
        quantities = stats.quantities,
        mentions = stats.mentions,
        sources = stats.sources,
        millis = started.elapsed().as_millis() as u64,
        "dataset loaded"
    );
    tracing::info!("{report}");
    for warning in loaded.warnings.iter().take(MAX_WARNINGS_SHOWN) {
        let dataset::DatasetWarning(at) = warning;
        tracing::warn!(
            hint = at.hint.as_deref().unwrap_or(""),
            "{}",
            without_hint(at)
        );
    }
    if loaded.warnings.len() > MAX_WARNINGS_SHOWN {
        tracing::warn!(
            "… and {} more dataset warnings (olympia-kg check DIR lists them)",
            loaded.warnings.len() - MAX_WARNINGS_SHOWN
        );
    }
    Ok(loaded.graph)
}

/// The dataset in `dir`, from the snapshot `file` when it was written from the same files,
/// else loaded (and the snapshot written for the next start).
fn load_with_snapshot(
    dir: &std::path::Path,
    file: &std::path::Path,
) -> anyhow::Result<KnowledgeGraph> {
    let fingerprint = dataset::fingerprint(dir)
        .with_context(|| format!("cannot read the dataset directory {}", dir.display()))?;
    let snapshots = olympia_kg::store::Snapshots::new(file.to_path_buf(), fingerprint);
    if let Some(graph) = snapshots.load(0, &mut |_, _, _| {}) {
        return Ok(graph);
    }
    let graph = load(&Some(dir.to_path_buf()))?;
    snapshots.save_or_warn(&graph, 0);
    Ok(graph)
}

/// Opens (or creates and fills) a store.
fn open_store(
    db: &std::path::Path,
    data: &Option<PathBuf>,
    snapshot: Option<PathBuf>,
) -> anyhow::Result<Arc<Live>> {
    let started = Instant::now();
    let store =
        SqliteStore::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    if store.version() > 0 && data.is_some() {
        tracing::warn!(
            "{} already holds a dataset: --data is read only to fill a new store, and is ignored",
            db.display()
        );
    }
    let location = data.clone().map_or(Location::Embedded, Location::Dir);
    let live = Live::open_with_snapshot(Box::new(store), &location, snapshot, &mut |_| {})
        .with_context(|| format!("cannot serve the store {}", db.display()))?;
    let snapshot = live.snapshot();
    let stats = snapshot.graph.stats();
    tracing::info!(
        store = %db.display(),
        version = snapshot.version,
        entities = stats.entities,
        relations = stats.claims,
        sources = stats.sources,
        millis = started.elapsed().as_millis() as u64,
        "store loaded"
    );
    Ok(Arc::new(live))
}

/// The write tokens from --write-tokens-file and OLYMPIA_WRITE_TOKENS.
fn write_tokens(file: &Option<PathBuf>) -> anyhow::Result<server::WriteTokens> {
    let mut tokens = match file {
        Some(path) => server::WriteTokens::from_file(path).map_err(anyhow::Error::msg)?,
        None => server::WriteTokens::default(),
    };
    if let Ok(value) = std::env::var("OLYMPIA_WRITE_TOKENS") {
        let entries = value.split(',').enumerate().map(|(i, e)| (i + 1, e));
        let more = server::WriteTokens::parse(entries, "OLYMPIA_WRITE_TOKENS")
            .map_err(anyhow::Error::msg)?;
        tokens.extend(more).map_err(anyhow::Error::msg)?;
    }
    Ok(tokens)
}

fn export(db: &std::path::Path, out: &std::path::Path) -> anyhow::Result<()> {
    if !db.exists() {
        anyhow::bail!(
            "no store at {}: give the file `serve --db` created",
            db.display()
        );
    }
    if out.exists() && std::fs::read_dir(out)?.next().is_some() {
        anyhow::bail!(
            "{} is not empty: export writes into a new or empty directory, never over files",
            out.display()
        );
    }
    let store =
        SqliteStore::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    if store.version() == 0 {
        anyhow::bail!(
            "{} holds no dataset (it is empty, or not a store that `serve --db` filled)",
            db.display()
        );
    }
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {})?;
    let files = live.files().map_err(|e| anyhow::anyhow!(e.message))?;
    for (path, text) in &files {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, text)
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    let version = live.snapshot().version;
    println!(
        "wrote {} files of store version {version} to {}; `olympia-kg check {}` lints them",
        files.len(),
        out.display(),
        out.display()
    );
    Ok(())
}

/// Writes the graph of a store (or a dataset directory, or the seed) into a new file.
fn export_graph(
    db: Option<&std::path::Path>,
    data: &Option<PathBuf>,
    format: ExportFormat,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    use olympia_kg::export::{self, Format};
    let format = match format {
        ExportFormat::Graphml => Format::GraphMl,
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Ntriples => Format::NTriples,
        ExportFormat::Jsonld => Format::JsonLd,
        ExportFormat::Jsonl => anyhow::bail!("jsonl is the dataset export, not a graph format"),
    };
    if out.exists() {
        anyhow::bail!(
            "{} exists: export writes a new file, never over one",
            out.display()
        );
    }
    let graph = match db {
        Some(db) => {
            if !db.exists() {
                anyhow::bail!(
                    "no store at {}: give the file `serve --db` created",
                    db.display()
                );
            }
            let store = SqliteStore::open(db)
                .with_context(|| format!("cannot open the store {}", db.display()))?;
            let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {})?;
            live.snapshot().graph.clone()
        }
        None => Arc::new(load_for_authoring(data)?),
    };
    let file = std::fs::File::create_new(out)
        .with_context(|| format!("cannot create {}", out.display()))?;
    let written = export::write(&graph, format, std::io::BufWriter::new(file));
    if let Err(e) = written {
        // Leave no half-written file behind.
        let _ = std::fs::remove_file(out);
        return Err(e).with_context(|| format!("cannot write {}", out.display()));
    }
    let standing = graph.claims().filter(|c| c.retracted.is_none()).count();
    println!(
        "wrote {} entities and {standing} relations to {}",
        graph.entities().len(),
        out.display()
    );
    Ok(())
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    init_logging(&args)?;
    let write_tokens = write_tokens(&args.write_tokens_file)?;
    let live = match &args.db {
        Some(db) => {
            let snapshot = args.snapshot.clone().or_else(|| {
                let mut path = db.as_os_str().to_owned();
                path.push(".snapshot");
                (!args.no_snapshot).then(|| PathBuf::from(path))
            });
            open_store(db, &args.data, snapshot)?
        }
        None => {
            if !write_tokens.is_empty() {
                tracing::warn!(
                    "write tokens are configured but there is no --db store: writes are refused with WRITES_DISABLED"
                );
            }
            let graph = match (&args.data, &args.snapshot) {
                (Some(dir), Some(file)) => load_with_snapshot(dir, file)?,
                (None, Some(_)) => anyhow::bail!(
                    "--snapshot needs --data DIR or --db FILE: the embedded seed loads in milliseconds and needs none"
                ),
                _ => load(&args.data)?,
            };
            Arc::new(Live::read_only(Arc::new(graph)))
        }
    };
    let graph = live.snapshot().graph.clone();
    let config = schema::SchemaConfig {
        limits: schema::Limits {
            traversal_max_visited: args.traversal_budget,
            ..schema::Limits::default()
        },
        query_limits: QueryLimits {
            max_query_bytes: args.max_query_bytes,
            max_tokens: args.max_tokens,
            max_depth: args.max_depth,
            max_cost: args.max_cost,
            max_aliases: args.max_aliases,
            max_root_fields: args.max_root_fields,
            max_directives: args.max_directives,
            expensive_cost: args.expensive_cost,
        },
        introspection: !args.no_introspection,
        suggestions: !args.no_suggestions,
        persisted_query_bytes: args.persisted_query_bytes,
        document_cache_bytes: args.document_cache_bytes,
        expensive_concurrency: args.max_concurrent_expensive,
    };
    // GraphiQL's tabs follow the dataset: DIR/examples/*.graphql, the seed's examples when the
    // graph holds the seed, or queries generated from the graph.
    let graphiql_tabs = server::graphiql::dataset_tabs(args.data.as_deref(), &graph)
        .context("cannot read the dataset's GraphiQL examples")?;
    let schema = schema::build_live_schema(live.clone(), config);
    let config = server::Config {
        graphiql: !args.no_graphiql,
        metrics: !args.no_metrics,
        graphiql_tabs,
        max_body_bytes: args.max_body_bytes,
        max_batch: args.max_batch,
        timeout: Duration::from_millis(args.timeout_ms),
        max_response_bytes: args.max_response_bytes,
        max_concurrent_requests: args.max_concurrent_requests,
        queue_timeout: Duration::from_millis(args.queue_timeout_ms),
        cors_origins: args.cors_origins,
        connections: server::Connections {
            max_connections: connection_cap(args.max_connections),
            header_read_timeout: Duration::from_millis(args.header_read_timeout_ms),
            write_timeout: Duration::from_millis(args.write_timeout_ms),
            shutdown_timeout: Duration::from_millis(args.shutdown_timeout_ms),
        },
        live: Some(live.clone()),
        write_tokens,
        max_websockets: args.max_subscription_connections,
        response_cache_bytes: args.response_cache_bytes,
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let shutdown = server::shutdown_signal();
        let listener = server::listen(args.addr).map_err(|e| match e.kind() {
                std::io::ErrorKind::AddrInUse => anyhow::anyhow!(
                    "cannot listen on {}: another process is using that address; stop it, or choose another port with --addr (or OLYMPIA_ADDR), e.g. --addr 127.0.0.1:8001",
                    args.addr
                ),
                _ => anyhow::Error::new(e).context(format!("cannot listen on {}", args.addr)),
            })?;
        let addr = listener.local_addr()?;
        tracing::info!("serving GraphQL at http://{addr}/graphql (GraphiQL at http://{addr}/)");
        let connections = config.connections.clone();
        server::run(
            listener,
            server::app(schema, config),
            connections,
            shutdown,
        )
        .await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })?;
    // The writes since the last snapshot are in the store; writing them to the snapshot too
    // makes the next start fast.
    live.save_snapshot();
    Ok(())
}
