//! Paging through a long list: "1–50 of 1,234" with previous and next buttons.

use benchlog_domain::page::{PAGE_SIZE, Page};
use yew::prelude::*;

use crate::format::thousands;

/// Properties of [`Pager`].
#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The page shown, counted from 0.
    pub page: u32,
    /// Position (from 1) of the first row shown; 0 when none are.
    pub first: u64,
    /// Position (from 1) of the last row shown.
    pub last: u64,
    /// How many rows there are in all (at least, unless `total_is_exact`).
    pub total: u64,
    /// Whether `total` is exact or a lower bound.
    pub total_is_exact: bool,
    /// Whether a later page has rows.
    pub has_next: bool,
    /// Asks for another page.
    pub on_page: Callback<u32>,
}

/// The pager (`id="page-prev"`, `id="page-next"`, `class="pager"`).
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let go = |to: u32| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(to))
    };
    let range = range_label(props.first, props.last, props.total, props.total_is_exact);
    html! {
        <nav class="pager" aria-label="Pages">
            <span class="pager-range" aria-live="polite">{range}</span>
            <button type="button" id="page-prev" class="button secondary small"
                aria-label="Previous page" disabled={props.page == 0}
                onclick={go(props.page.saturating_sub(1))}>{"‹ Previous"}</button>
            <button type="button" id="page-next" class="button secondary small"
                aria-label="Next page" disabled={!props.has_next}
                onclick={go(props.page.saturating_add(1))}>{"Next ›"}</button>
        </nav>
    }
}

/// The page to show instead when page `asked` came back empty although rows match, e.g.
/// after rows went away: the last page, as far as the answer tells.
pub fn page_past_end<T>(answer: &Page<T>, asked: u32) -> Option<u32> {
    if !answer.items.is_empty() || answer.total == 0 || asked == 0 {
        return None;
    }
    let last = if answer.total_is_exact {
        (answer.total - 1) / u64::from(PAGE_SIZE)
    } else {
        u64::from(asked - 1)
    };
    Some(u32::try_from(last).unwrap_or(0))
}

/// "1–50 of 1,234", or "1–50 of 1,000+" when the total is only a lower bound.
fn range_label(first: u64, last: u64, total: u64, total_is_exact: bool) -> String {
    let plus = if total_is_exact { "" } else { "+" };
    format!(
        "{}–{} of {}{plus}",
        thousands(first),
        thousands(last),
        thousands(total)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lower_bound_reads_as_such() {
        assert_eq!(range_label(51, 100, 1_234, true), "51–100 of 1,234");
        assert_eq!(range_label(1, 50, 1_000, false), "1–50 of 1,000+");
    }

    #[test]
    fn an_empty_page_past_the_end_moves_back() {
        let page = |total, total_is_exact| Page::<()> {
            items: Vec::new(),
            total,
            total_is_exact,
            page: 5,
        };
        assert_eq!(page_past_end(&page(120, true), 5), Some(2));
        assert_eq!(page_past_end(&page(1_000, false), 5), Some(4));
        assert_eq!(page_past_end(&page(0, true), 5), None);
        assert_eq!(page_past_end(&page(120, true), 0), None);
    }
}
