//! Whole-page views, chosen by the root.

mod directory;

pub use directory::Directory;
