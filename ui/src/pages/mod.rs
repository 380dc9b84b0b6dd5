//! The app's pages.

pub mod calibrations;
pub mod equipment_detail;
pub mod equipment_form;
pub mod equipment_list;
pub mod plan_form;
pub mod record_form;
pub mod settings;
