//! Small building blocks the pages are made of.

pub mod calibration_badges;
pub mod certificate_badges;
pub mod check_field;
pub mod confirm_dialog;
pub mod debounced_input;
pub mod empty_state;
pub mod equipment_table;
pub mod field;
pub mod form_page;
pub mod form_problem;
pub mod load_error;
pub mod loading;
pub mod notice;
pub mod page_header;
pub mod pager;
pub mod select_field;
pub mod sort_header;
pub mod status_badge;
pub mod text_field;
pub mod tone_badge;
