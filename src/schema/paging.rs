//! Relay cursor pagination over a list whose order is stable: cursors encode an offset, opaque
//! to clients (base64 of `cursor:v1:N`).

use async_graphql::{Result, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::error::{ErrorCode, error, in_range};

/// Largest page a connection returns (GitHub's bound).
pub const MAX_PAGE: i32 = 100;

/// Page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE: usize = 20;

/// Where a page sits in its connection.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct PageInfo {
    /// True when there are items after this page.
    pub has_next_page: bool,
    /// True when there are items before this page.
    pub has_previous_page: bool,
    /// The cursor of the first item of the page, if the page is not empty.
    pub start_cursor: Option<String>,
    /// The cursor of the last item of the page, if the page is not empty.
    pub end_cursor: Option<String>,
}

/// The pagination arguments of a connection field.
#[derive(Clone, Debug, Default)]
pub struct PageArgs {
    /// Items after the cursor.
    pub after: Option<String>,
    /// Items before the cursor.
    pub before: Option<String>,
    /// The first N (after `after`).
    pub first: Option<i32>,
    /// The last N (before `before`).
    pub last: Option<i32>,
}

/// The offsets `start..end` of a page and its `PageInfo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// First offset in the page.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
    /// Cursors and neighbours.
    pub info: PageInfo,
}

impl Page {
    /// The cursor of each offset in the page.
    pub fn cursors(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        (self.start..self.end).map(|i| (i, encode(i)))
    }
}

/// The cursor of an offset.
pub fn encode(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("cursor:v1:{offset}"))
}

fn decode(argument: &str, cursor: &str) -> Result<usize> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("cursor:v1:")?.parse::<usize>().ok())
        .ok_or_else(|| {
            error(
                ErrorCode::InvalidCursor,
                format!("`{argument}` is not a cursor this API issued: use a `cursor`, `startCursor` or `endCursor` from an earlier page"),
            )
        })
}

/// Applies Relay pagination to a list of `total` items.
pub fn paginate(total: usize, args: &PageArgs) -> Result<Page> {
    if args.first.is_some() && args.last.is_some() {
        return Err(error(
            ErrorCode::InvalidArguments,
            "pass `first` or `last`, not both",
        ));
    }
    let first = args
        .first
        .map(|n| in_range("first", n, 1, MAX_PAGE))
        .transpose()?;
    let last = args
        .last
        .map(|n| in_range("last", n, 1, MAX_PAGE))
        .transpose()?;
    let mut start = 0;
    let mut end = total;
    if let Some(after) = &args.after {
        start = decode("after", after)?.saturating_add(1).min(total);
    }
    if let Some(before) = &args.before {
        end = decode("before", before)?.min(total);
    }
    let end = end.max(start);
    let (start, end) = match (first, last) {
        (_, Some(n)) => (end.saturating_sub(n).max(start), end),
        (Some(n), None) => (start, (start + n).min(end)),
        (None, None) => (start, (start + DEFAULT_PAGE).min(end)),
    };
    Ok(Page {
        start,
        end,
        info: PageInfo {
            has_next_page: end < total,
            has_previous_page: start > 0,
            start_cursor: (start < end).then(|| encode(start)),
            end_cursor: (start < end).then(|| encode(end - 1)),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(
        total: usize,
        first: Option<i32>,
        after: Option<usize>,
        last: Option<i32>,
        before: Option<usize>,
    ) -> (usize, usize) {
        let args = PageArgs {
            first,
            last,
            after: after.map(encode),
            before: before.map(encode),
        };
        let page = paginate(total, &args).expect("valid arguments");
        (page.start, page.end)
    }

    #[test]
    fn pages_forwards_and_backwards() {
        assert_eq!(page(10, Some(3), None, None, None), (0, 3));
        assert_eq!(page(10, Some(3), Some(2), None, None), (3, 6));
        assert_eq!(page(10, Some(3), Some(8), None, None), (9, 10));
        assert_eq!(page(10, None, None, Some(3), None), (7, 10));
        assert_eq!(page(10, None, None, Some(3), Some(7)), (4, 7));
        assert_eq!(page(10, None, None, Some(3), Some(1)), (0, 1));
        assert_eq!(page(10, Some(5), Some(2), None, Some(5)), (3, 5));
        assert_eq!(page(10, Some(3), Some(50), None, None), (10, 10));
        assert_eq!(page(30, None, None, None, None), (0, DEFAULT_PAGE));
    }

    #[test]
    fn refuses_bad_sizes_and_cursors() {
        for (first, last) in [
            (Some(0), None),
            (Some(101), None),
            (None, Some(-1)),
            (Some(1), Some(1)),
        ] {
            let args = PageArgs {
                first,
                last,
                ..PageArgs::default()
            };
            assert!(paginate(10, &args).is_err());
        }
        for cursor in [
            "",
            "abc",
            "Y3Vyc29yOnYxOi0x",
            &URL_SAFE_NO_PAD.encode("cursor:v2:1"),
        ] {
            let args = PageArgs {
                after: Some(cursor.to_owned()),
                ..PageArgs::default()
            };
            let err = paginate(10, &args).expect_err("not a cursor of ours");
            assert!(err.message.contains("`after`"), "{}", err.message);
        }
    }
}
