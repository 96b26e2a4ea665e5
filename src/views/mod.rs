//! Whole-page views: they read the state from the address, derive what to show and
//! write the reader's choices back to the address. Components below them only render.

mod check_view;
mod directory;
mod embed_view;
mod selection_view;

use std::sync::Arc;

use catalog::Page;
use leptos::prelude::*;

pub use check_view::CheckView;
pub use directory::Directory;
pub use embed_view::EmbedView;
pub use selection_view::SelectionView;

use crate::catalog_loader::Progress;
use catalog::LoadedCatalog;

/// What every section of the directory is shown from: the catalog as far as it is
/// loaded, how far its shards are, and the page the address asks for. One value, so a
/// section's inputs are declared once, not by each view.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// The catalog as far as it is loaded and indexed; a fuller one replaces it as the
    /// shards of a sharded catalog arrive.
    pub current: Signal<Arc<LoadedCatalog>>,
    /// How far the shards have loaded: an empty result or a link not found while they do
    /// is not yet "nothing".
    pub progress: Signal<Progress>,
    /// The page from the address, already checked against the catalog.
    pub page: Memo<Page>,
}
