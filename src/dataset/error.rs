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
    /// The kind of problem, for programs (the write API reports it as `extensions.code`).
    pub code: ErrorCode,
}

/// The kinds of dataset problem a program may want to tell apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A line is not a JSON object with the record's fields.
    InvalidRecord,
    /// An id is not lower-case kebab-case.
    InvalidId,
    /// An id is declared twice.
    DuplicateId,
    /// A reference names no entity (or names a source or claim).
    UnknownEntity,
    /// An evidence item names no source.
    UnknownSource,
    /// A claim uses a predicate the vocabulary does not declare.
    UnknownPredicate,
    /// The predicate does not take a subject or object of this kind.
    PredicateNotAllowed,
    /// The predicate does not take this qualifier.
    QualifierNotAllowed,
    /// A quote is empty or does not occur verbatim in its source.
    QuoteNotFound,
    /// A quote occurs more than once and no (valid) `occurrence` says which.
    QuoteAmbiguous,
    /// Any other field value that breaks a rule of the format.
    #[default]
    InvalidValue,
}

impl ErrorCode {
    /// The code as the API writes it: `QUOTE_NOT_FOUND`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRecord => "INVALID_RECORD",
            ErrorCode::InvalidId => "INVALID_ID",
            ErrorCode::DuplicateId => "DUPLICATE_ID",
            ErrorCode::UnknownEntity => "UNKNOWN_ENTITY",
            ErrorCode::UnknownSource => "UNKNOWN_SOURCE",
            ErrorCode::UnknownPredicate => "UNKNOWN_PREDICATE",
            ErrorCode::PredicateNotAllowed => "PREDICATE_NOT_ALLOWED",
            ErrorCode::QualifierNotAllowed => "QUALIFIER_NOT_ALLOWED",
            ErrorCode::QuoteNotFound => "QUOTE_NOT_FOUND",
            ErrorCode::QuoteAmbiguous => "QUOTE_AMBIGUOUS",
            ErrorCode::InvalidValue => "INVALID_VALUE",
        }
    }
}

impl DatasetError {
    pub(crate) fn file(file: &str, message: impl Into<String>) -> Self {
        DatasetError {
            file: file.to_owned(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            code: ErrorCode::default(),
        }
    }

    pub(crate) fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        DatasetError {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            hint: None,
            code: ErrorCode::default(),
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn code(mut self, code: ErrorCode) -> Self {
        self.code = code;
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
