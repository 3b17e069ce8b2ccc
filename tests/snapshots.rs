//! The graph snapshot beside a store: a restart reads it instead of the store's records when
//! it holds this store at its current version, and never otherwise.

use std::path::{Path, PathBuf};

use olympia_kg::dataset::{self, Location};
use olympia_kg::graph::{EntityKind, Item, KnowledgeGraph};
use olympia_kg::store::{Live, NewEntity, SqliteStore};

/// Opens the store at `db` with its snapshot at `db.snapshot`; returns it with the stages the
/// start went through (`snapshot` when the graph came from the snapshot).
fn open(db: &Path) -> (Live, Vec<&'static str>) {
    let store = SqliteStore::open(db).expect("the store opens");
    let mut stages = Vec::new();
    let live = Live::open_with_snapshot(
        Box::new(store),
        &Location::Embedded,
        Some(snapshot_of(db)),
        &mut |p| {
            if stages.last() != Some(&p.stage) {
                stages.push(p.stage)
            }
        },
    )
    .expect("the store loads");
    (live, stages)
}

fn snapshot_of(db: &Path) -> PathBuf {
    db.with_extension("sqlite.snapshot")
}

fn person(name: &str) -> NewEntity {
    NewEntity {
        id: None,
        kind: EntityKind::Person,
        name: name.into(),
        aliases: vec![],
        description: Some("a test".into()),
    }
}

/// The store `db` opened without any snapshot: the reference answers.
fn from_records(db: &Path) -> KnowledgeGraph {
    let store = SqliteStore::open(db).expect("the store opens");
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("loads");
    let graph = live.snapshot().graph.clone();
    drop(live);
    std::sync::Arc::try_unwrap(graph).unwrap_or_else(|g| (*g).clone())
}

fn assert_same(a: &KnowledgeGraph, b: &KnowledgeGraph) {
    assert_eq!(a.stats(), b.stats());
    assert_eq!(a.entities(), b.entities());
    assert_eq!(a.sources(), b.sources());
    assert_eq!(
        a.claims().map(|c| c.to_claim()).collect::<Vec<_>>(),
        b.claims().map(|c| c.to_claim()).collect::<Vec<_>>()
    );
    assert_eq!(a.quantities(), b.quantities());
    assert_eq!(a.mentions(), b.mentions());
    assert_eq!(a.list_bounds(), b.list_bounds());
    for c in a.claims() {
        assert_eq!(a.lookup(&c.key()), b.lookup(&c.key()), "{}", c.key());
    }
}

#[test]
fn a_restart_reads_the_snapshot_and_answers_alike() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("kg.sqlite");
    let (live, stages) = open(&db);
    assert!(!stages.contains(&"snapshot"), "a new store: {stages:?}");
    live.add_entities("test", &[person("Wade Eastwood")])
        .expect("written");
    live.save_snapshot();
    assert!(snapshot_of(&db).exists());
    drop(live);

    let (again, stages) = open(&db);
    assert_eq!(stages, ["snapshot"], "the restart read only the snapshot");
    assert_eq!(again.snapshot().version, 2);
    let graph = again.snapshot().graph.clone();
    assert!(matches!(
        graph.lookup("wade-eastwood"),
        Some(Item::Entity(_))
    ));
    assert_same(&graph, &from_records(&db));
    // The graph read back takes writes like any other.
    again
        .add_entities("test", &[person("Another Person")])
        .expect("written after a fast start");
    assert!(again.snapshot().graph.lookup("another-person").is_some());
}

#[test]
fn a_stale_damaged_or_foreign_snapshot_is_not_used() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("kg.sqlite");
    let (live, _) = open(&db);
    live.save_snapshot();
    // A write the snapshot does not hold (as after a crash before the shutdown's snapshot).
    live.add_entities("test", &[person("Wade Eastwood")])
        .expect("written");
    drop(live);
    let (again, stages) = open(&db);
    assert!(!stages.contains(&"snapshot"), "stale, yet read: {stages:?}");
    assert!(again.snapshot().graph.lookup("wade-eastwood").is_some());
    again.save_snapshot();
    drop(again);

    // A torn file.
    let file = snapshot_of(&db);
    let bytes = std::fs::read(&file).expect("the snapshot");
    std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("cut");
    let (again, stages) = open(&db);
    assert!(!stages.contains(&"snapshot"), "torn, yet read: {stages:?}");
    assert!(again.snapshot().graph.lookup("wade-eastwood").is_some());
    again.save_snapshot();
    drop(again);
    let (_, stages) = open(&db);
    assert_eq!(stages, ["snapshot"], "rewritten whole after the torn one");

    // Another store at the same version, with its own snapshot copied over this one's.
    let other = dir.path().join("other.sqlite");
    let (live, _) = open(&other);
    live.add_entities("test", &[person("Someone Else")])
        .expect("written");
    live.save_snapshot();
    drop(live);
    std::fs::copy(snapshot_of(&other), snapshot_of(&db)).expect("copied");
    let (again, stages) = open(&db);
    assert!(
        !stages.contains(&"snapshot"),
        "foreign, yet read: {stages:?}"
    );
    let graph = again.snapshot().graph.clone();
    assert!(graph.lookup("wade-eastwood").is_some());
    assert!(graph.lookup("someone-else").is_none());
    assert_eq!(
        graph.stats().entities,
        dataset::load_embedded().expect("seed").stats().entities + 1
    );
}

/// The binary serving the store `db` (with `extra` arguments) until it answers; SIGTERM, then
/// its logs once it exited.
fn serve_once(db: &Path, extra: &[&str]) -> String {
    let db = db.to_str().expect("a UTF-8 path");
    serve_data(&[["--db", db].as_slice(), extra].concat())
}

/// The binary serving with `args` until it answers; SIGTERM, then its logs once it exited.
fn serve_data(args: &[&str]) -> String {
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(["serve", "--addr", &addr, "--log-level", "info"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let started = Instant::now();
    loop {
        let answered = TcpStream::connect(&addr).is_ok_and(|mut s| {
            let mut reply = String::new();
            s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .and_then(|_| s.read_to_string(&mut reply))
                .is_ok()
                && reply.starts_with("HTTP/1.1 200")
        });
        if answered {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the binary did not answer on {addr}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let output = child.wait_with_output().expect("it exits");
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{}: {logs}", output.status);
    logs
}

#[test]
fn the_binary_writes_the_snapshot_and_restarts_from_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("kg.sqlite");
    let first = serve_once(&db, &[]);
    assert!(!first.contains("graph read from the snapshot"), "{first}");
    assert!(
        snapshot_of(&db).exists(),
        "no snapshot after a clean stop: {first}"
    );
    let second = serve_once(&db, &[]);
    assert!(second.contains("graph read from the snapshot"), "{second}");

    // --no-snapshot neither reads nor writes it.
    let other = dir.path().join("other.sqlite");
    let logs = serve_once(&other, &["--no-snapshot"]);
    assert!(!snapshot_of(&other).exists(), "{logs}");
    let logs = serve_once(&db, &["--no-snapshot"]);
    assert!(!logs.contains("snapshot"), "{logs}");
}

#[test]
fn a_dataset_directory_restarts_from_its_snapshot_until_a_file_changes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let data = dir.path().join("data");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(["init"])
        .arg(&data)
        .status()
        .expect("init runs");
    assert!(status.success());
    // The snapshot may live in the dataset's own directory: it is not one of its files.
    let file = data.join("graph.snapshot");
    let file_arg = file.to_str().expect("a UTF-8 path");
    let data_arg = data.to_str().expect("a UTF-8 path");
    let args = ["--data", data_arg, "--snapshot", file_arg];
    let first = serve_data(&args);
    assert!(!first.contains("graph read from the snapshot"), "{first}");
    assert!(file.exists(), "{first}");
    let second = serve_data(&args);
    assert!(second.contains("graph read from the snapshot"), "{second}");

    // A dataset file changed: the snapshot is of other data, and is written again.
    let entities = data.join("entities.jsonl");
    let mut text = std::fs::read_to_string(&entities).expect("entities.jsonl");
    text.push_str("# an edit\n");
    std::fs::write(&entities, text).expect("edited");
    let third = serve_data(&args);
    assert!(third.contains("not using the snapshot"), "{third}");
    assert!(third.contains("written from other data"), "{third}");
    let fourth = serve_data(&args);
    assert!(fourth.contains("graph read from the snapshot"), "{fourth}");
}
