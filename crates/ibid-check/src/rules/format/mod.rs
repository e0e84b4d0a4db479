//! Format rules (`F`): the lint face of `ibid fmt`. Each reports one family of the changes
//! the formatter's edit engine would make, so `check` and `fmt` can never disagree.

pub mod citation_syntax;
pub mod front_matter_layout;
pub mod label_space;
pub mod leaf_side;
pub mod locator_style;
pub mod page_range;
pub mod range_dash;
