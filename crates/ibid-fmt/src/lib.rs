//! # ibid-fmt
//!
//! The formatter of ibid (`ibid fmt`) and the engine behind the F rules of `ibid check`.
mod forms;
mod layout;
mod pages;
mod style;
pub use layout::layout;
pub use style::*;
pub use forms::*;
pub use pages::range_end;
