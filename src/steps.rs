//! A count of the engine's steps, so that a test can see how its work grows with the text.
//!
//! Every read of a token, of its lower-cased word, of its quote or sentence goes through
//! [`Counted`] or calls [`step`], and so do the sweeps over bytes of contents and covered
//! stretches ([`crate::letters`], [`crate::span::Coverage`]). Work that reads none of these (the
//! party resolver's look-ups of names and mentions, for one) is not counted: `sourcelight
//! bench` times it. `tests/growth.rs` reads [`count`] before and after an analysis, on texts of
//! size n and 8n, and fails when the work grows faster than the text: wall-clock time on a
//! shared machine could not tell a linear engine from a quadratic one reliably, a count can.
//!
//! The counter is a thread-local integer, so that tests running in parallel do not mix their
//! counts. It is always compiled in: on the PolNeAR dev texts it costs 2.0% more instructions
//! (208.7 M → 212.8 M in the engine, counted with callgrind), and in exchange `sourcelight
//! bench` prints the steps per byte of every hostile family in the release build, a figure
//! that a busy machine does not blur. (A cargo feature turned on for tests through a
//! dev-dependency on the crate itself was tried: it also turns on for every example and
//! benchmark build, silently.)

use std::ops::{Deref, Index};

thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps.
#[inline(always)]
pub fn add(n: usize) {
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
}

/// Counts one step.
#[inline(always)]
pub fn step() {
    add(1);
}

/// The steps counted on this thread so far.
pub fn count() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

/// A vector whose reads by index count a step each; everything else is the slice's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counted<T>(pub Vec<T>);

impl<T> Deref for Counted<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> Index<usize> for Counted<T> {
    type Output = T;

    #[inline(always)]
    fn index(&self, i: usize) -> &T {
        step();
        &self.0[i]
    }
}
