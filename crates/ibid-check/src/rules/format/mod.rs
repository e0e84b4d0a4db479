//! Format rules (`F`): locators written otherwise than the configured style writes them.
//! Both rules offer safe fixes, which `ibid check --fix` applies.

pub mod locator_style;
pub mod range_hyphen;
