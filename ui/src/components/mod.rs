//! Small building blocks the pages are made of.

pub mod confirm_dialog;
pub mod equipment_table;
pub mod loading;
pub mod notice;
pub mod page_header;
pub mod pager;
pub mod sort_header;
pub mod status_badge;
pub mod text_field;
