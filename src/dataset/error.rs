//! Dataset problems, each naming a file, line and column, what is wrong and what to do.

use std::fmt;

/// One problem in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    /// The file, relative to the dataset directory (or the directory itself).
    pub file: String,
    /// 1-based line, when the problem is in a line.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl DatasetError {
    pub(crate) fn file(file: &str, message: impl Into<String>) -> Self {
        DatasetError {
            file: file.to_owned(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        DatasetError {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n    hint: {}", hint.replace('\n', "\n          "))?;
        }
        Ok(())
    }
}

/// Every problem found in a dataset (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetErrors(pub Vec<DatasetError>);

impl fmt::Display for DatasetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for DatasetErrors {}
