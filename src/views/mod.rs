//! Whole-page views: they read the state from the address, derive what to show and
//! write the reader's choices back to the address. Components below them only render.

mod check_view;
mod directory;
mod embed_view;
mod selection_view;

pub use check_view::CheckView;
pub use directory::Directory;
pub use embed_view::EmbedView;
pub use selection_view::SelectionView;
