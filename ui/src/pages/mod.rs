//! The app's pages.

pub mod equipment_form;
pub mod equipment_list;
