//! figcheck checks the figures in draft articles against a shared list of
//! canonical figures.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod numbers;
pub mod rules;
