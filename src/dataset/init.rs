//! `olympia-kg init DIR`: a new dataset directory holding a small dataset that passes `check`,
//! every file commented, to be replaced by the author's own texts and facts.
//!
//! The scaffold's files live in `scaffold/` of the source tree (so that a test can `check`
//! them as they are) and are compiled in. Init never overwrites: it refuses a directory that
//! holds anything, and creates each file only if it does not exist.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The scaffold: every file `init` writes, by path relative to the dataset directory.
pub const FILES: &[(&str, &str)] = &[
    ("README.md", include_str!("../../scaffold/README.md")),
    (
        "sources.jsonl",
        include_str!("../../scaffold/sources.jsonl"),
    ),
    (
        "sources/sample-report.txt",
        include_str!("../../scaffold/sources/sample-report.txt"),
    ),
    (
        "entities.jsonl",
        include_str!("../../scaffold/entities.jsonl"),
    ),
    (
        "vocabulary.jsonl",
        include_str!("../../scaffold/vocabulary.jsonl"),
    ),
    ("claims.jsonl", include_str!("../../scaffold/claims.jsonl")),
    (
        "quantities.jsonl",
        include_str!("../../scaffold/quantities.jsonl"),
    ),
];

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// The directory exists and holds something already.
    NotEmpty {
        /// The directory.
        dir: PathBuf,
        /// A few of the names in it, sorted.
        entries: Vec<String>,
        /// How many entries it holds.
        count: usize,
    },
    /// The path exists and is not a directory.
    NotADirectory(PathBuf),
    /// Creating a directory or writing a file failed (files already written are removed).
    Io {
        /// The directory or file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::NotEmpty {
                dir,
                entries,
                count,
            } => {
                let more = count.saturating_sub(entries.len());
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                write!(
                    f,
                    "{} is not empty (it holds {}{more}); init never overwrites anything: give it a new directory, e.g. `olympia-kg init my-dataset`, or empty this one first",
                    dir.display(),
                    entries.join(", "),
                )
            }
            InitError::NotADirectory(path) => write!(
                f,
                "{} exists and is not a directory; give init a new directory, e.g. `olympia-kg init my-dataset`",
                path.display()
            ),
            InitError::Io { path, error } => {
                write!(f, "cannot write {}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for InitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InitError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Writes the scaffold into `dir`, creating it (and its parents) when missing.
///
/// Returns the files written, relative to `dir`, in [`FILES`] order.
///
/// # Errors
///
/// [`InitError::NotEmpty`] or [`InitError::NotADirectory`] when `dir` is not a new or empty
/// directory (nothing is written); [`InitError::Io`] when a write fails (what was written is
/// removed again).
pub fn init(dir: &Path) -> Result<Vec<&'static str>, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| InitError::Io { path, error }
    };
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => return Err(InitError::NotADirectory(dir.to_path_buf())),
        Ok(_) => {
            let mut entries: Vec<String> = std::fs::read_dir(dir)
                .map_err(io(dir))?
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            if !entries.is_empty() {
                entries.sort();
                let count = entries.len();
                entries.truncate(3);
                return Err(InitError::NotEmpty {
                    dir: dir.to_path_buf(),
                    entries,
                    count,
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Err(e) => return Err(io(dir)(e)),
    }
    let mut written: Vec<PathBuf> = Vec::new();
    let result = FILES.iter().try_for_each(|&(name, text)| {
        let path = dir.join(name);
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            match std::fs::create_dir(parent) {
                Ok(()) => written.push(parent.to_path_buf()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(parent)(e)),
            }
        }
        // `create_new` refuses a file that appeared since the emptiness check.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io(&path))?;
        written.push(path.clone());
        file.write_all(text.as_bytes()).map_err(io(&path))
    });
    if let Err(error) = result {
        for path in written.iter().rev() {
            // Best effort: the error about the write is the one worth reporting.
            let _ = if path.is_dir() {
                std::fs::remove_dir(path)
            } else {
                std::fs::remove_file(path)
            };
        }
        return Err(error);
    }
    Ok(FILES.iter().map(|&(name, _)| name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_every_file_and_refuses_to_write_again() {
        let root = tempfile::tempdir().expect("a temp dir");
        let dir = root.path().join("new").join("dataset");
        let written = init(&dir).expect("a new directory");
        assert_eq!(written.len(), FILES.len());
        for (name, text) in FILES {
            assert_eq!(
                std::fs::read_to_string(dir.join(name)).expect("written"),
                *text
            );
        }
        std::fs::write(dir.join("claims.jsonl"), "mine").expect("writable");
        match init(&dir) {
            Err(InitError::NotEmpty { entries, count, .. }) => {
                assert_eq!(count, 7, "six files and sources/");
                assert_eq!(entries, ["README.md", "claims.jsonl", "entities.jsonl"]);
            }
            other => panic!("expected NotEmpty, got {other:?}"),
        }
        assert_eq!(
            std::fs::read_to_string(dir.join("claims.jsonl")).expect("kept"),
            "mine"
        );
        let file = dir.join("README.md");
        assert!(matches!(init(&file), Err(InitError::NotADirectory(_))));
    }

    #[test]
    fn an_empty_directory_is_fine() {
        let root = tempfile::tempdir().expect("a temp dir");
        init(root.path()).expect("an empty directory");
        assert!(root.path().join("sources/sample-report.txt").is_file());
    }
}
