//! One page of a long list, as every list command returns it.

use serde::{Deserialize, Serialize};

/// Rows per page in every list.
pub const PAGE_SIZE: u32 = 50;

/// One page of rows, with how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows on this page, at most [`PAGE_SIZE`].
    pub items: Vec<T>,
    /// How many rows match; at least this many when `total_is_exact` is false.
    pub total: u64,
    /// False when so many rows match that counting them all would slow the list down; the
    /// count then stops at [`Page::COUNT_LIMIT`].
    pub total_is_exact: bool,
    /// The page number, counted from 0.
    pub page: u32,
}

impl<T> Page<T> {
    /// Broad searches count their matches exactly up to this many.
    pub const COUNT_LIMIT: u64 = 1_000;

    /// The position (from 1) of the first row on this page, or 0 when the page is empty.
    pub fn first_position(&self) -> u64 {
        if self.items.is_empty() {
            0
        } else {
            offset(self.page) + 1
        }
    }

    /// The position (from 1) of the last row on this page, or 0 when the page is empty.
    pub fn last_position(&self) -> u64 {
        offset(self.page) + self.items.len() as u64
    }

    /// Whether a later page has rows.
    pub fn has_next(&self) -> bool {
        if self.total_is_exact {
            self.last_position() < self.total
        } else {
            self.items.len() == PAGE_SIZE as usize
        }
    }
}

/// How many rows come before page `page`.
pub fn offset(page: u32) -> u64 {
    u64::from(page) * u64::from(PAGE_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_next() {
        let page = |page, items: usize, total, total_is_exact| Page {
            items: vec![(); items],
            total,
            total_is_exact,
            page,
        };
        let empty = page(0, 0, 0, true);
        assert_eq!((empty.first_position(), empty.last_position()), (0, 0));
        assert!(!empty.has_next());

        let second = page(1, 50, 120, true);
        assert_eq!((second.first_position(), second.last_position()), (51, 100));
        assert!(second.has_next());
        assert!(!page(2, 20, 120, true).has_next());
        assert!(!page(1, 50, 100, true).has_next());

        // Past the count limit the total is a lower bound: a full page promises more.
        assert!(page(30, 50, 1_000, false).has_next());
        assert!(!page(30, 7, 1_000, false).has_next());
    }
}
