//! Suppression rules (`I`): inline `ibid: ignore[...]` comments that silence nothing or name
//! codes that do not exist. The checker reports these after all other rules have run.

pub mod unknown_suppression_code;
pub mod unused_suppression;
