//! Loading the catalog into the page. A single-file catalog is fetched, read and indexed
//! at once. A sharded one is loaded as the core's [`Loader`] decides (the regions in the
//! address first, then the rest a few at a time, the index kept up in slices, a fuller
//! catalog on screen every so often, failed shards tried again later): this module only
//! carries its steps out, fetching, sleeping and yielding to the browser, and puts what
//! it publishes into signals.

use std::sync::Arc;

pub use catalog::Progress;
use catalog::{
    Facet, FetchedShard, Index, IndexBuilder, Loaded, LoadedCatalog, Loader, Page, ShardRef, Step,
};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{next_task, now_ms, sleep};
use crate::load::{fetch_shard, fetch_top, fetch_top_again, FetchError};
use crate::timing::measure;

/// What the page knows of the catalog, as signals; made by the root component.
#[derive(Debug, Clone, Copy)]
pub struct CatalogLoader {
    /// The catalog as far as it is loaded and indexed; `None` until there is something
    /// to show. Each value replaces the last whole; organisations are only ever added,
    /// so a position in an older one is valid in a newer one.
    pub current: RwSignal<Option<Arc<LoadedCatalog>>>,
    /// How far a sharded catalog has loaded.
    pub progress: RwSignal<Progress>,
    /// Why the catalog could not be loaded at all.
    pub failure: RwSignal<Option<FetchError>>,
}

/// A fetch's answer, handed from its task to the load's.
type Arrival = (ShardRef, Result<FetchedShard, FetchError>);

impl CatalogLoader {
    /// Signals with nothing loaded yet.
    pub fn new() -> CatalogLoader {
        CatalogLoader {
            current: RwSignal::new(None),
            progress: RwSignal::new(Progress::default()),
            failure: RwSignal::new(None),
        }
    }

    /// Loads the catalog, in the background, for the state in `url`: the regions asked
    /// for come first, and a widget locked to regions loads only theirs. `wanted` is
    /// read again before each shard is fetched, so a region chosen while the catalog
    /// loads comes next.
    pub fn start(self, page: &Page, wanted: impl Fn() -> Vec<String> + 'static) {
        let only = page
            .is_locked(Facet::Region)
            .then(|| page.selection.regions.clone())
            .filter(|regions| !regions.is_empty());
        let first = page.selection.regions.clone();
        self.failure.set(None);
        spawn_local(async move {
            if let Err(error) = self.load(first, only, wanted).await {
                self.failure.set(Some(error));
            }
        });
    }

    async fn load(
        self,
        first: Vec<String>,
        only: Option<Vec<String>>,
        wanted: impl Fn() -> Vec<String>,
    ) -> Result<(), FetchError> {
        let mut top = fetch_top().await?;
        // The top file is fetched again at most once a page load (see `Step::FetchTop`):
        // if the fresh one still lists a shard that is gone, that shard is missing for real.
        let mut may_refetch = true;
        loop {
            if top.catalog.shards.is_empty() {
                let index = measure("gospubliki:index", || Index::new(&top.catalog));
                self.current
                    .set(Some(Arc::new(LoadedCatalog::whole(top, index))));
                return Ok(());
            }
            let loader = Loader::new(
                top,
                &first,
                only.as_deref(),
                std::mem::take(&mut may_refetch),
            );
            match self.load_shards(loader, &wanted).await {
                Some(newer) => top = newer,
                None => return Ok(()),
            }
        }
    }

    /// Carries out `loader`'s steps until it is done. Returns a newer top file, to start
    /// again from, when a shard turned out to be gone because the one in hand is from an
    /// earlier publication.
    async fn load_shards(
        self,
        mut loader: Loader,
        wanted: &impl Fn() -> Vec<String>,
    ) -> Option<Loaded> {
        self.progress.set(loader.progress());
        // Each fetch runs as a task of its own, so it moves on while this loop indexes,
        // and hands its shard over through the channel; the loader reads it when it says.
        let (arrivals, mut arrived) = mpsc::unbounded::<Arrival>();
        loop {
            while let Ok((shard, result)) = arrived.try_recv() {
                loader.fetched(shard, result);
            }
            match loader.next(now_ms(), wanted) {
                Step::Fetch(shard) => {
                    let arrivals = arrivals.clone();
                    spawn_local(async move {
                        let result = fetch_shard(&shard).await;
                        // The receiver lives as long as this load; if it is gone, so is
                        // the page, or the load started again from a newer top file.
                        let _ = arrivals.unbounded_send((shard, result));
                    });
                }
                Step::FetchTop => loader.fetched_top(fetch_top_again().await),
                Step::Restart(newer) => return Some(*newer),
                Step::Read => {
                    measure("gospubliki:shard", || loader.read(now_ms()));
                    self.progress.set(loader.progress());
                }
                Step::Index(slice) => {
                    let started = now_ms();
                    loader.index(slice);
                    loader.indexed(now_ms() - started);
                }
                Step::Publish { at_once } => {
                    let index = if at_once {
                        loader.builder().finish()
                    } else {
                        finish(loader.builder()).await
                    };
                    let shown = loader.publish(index, now_ms());
                    self.current.set(Some(Arc::new(shown)));
                    self.progress.set(loader.progress());
                }
                Step::Yield => next_task().await,
                Step::Wait(until) => {
                    let next = match until {
                        Some(until) => {
                            let pause = (until - now_ms()).max(0.0) as i32;
                            match select(arrived.next(), Box::pin(sleep(pause))).await {
                                Either::Left((next, _)) => next,
                                Either::Right(_) => None,
                            }
                        }
                        None => arrived.next().await,
                    };
                    if let Some((shard, result)) = next {
                        loader.fetched(shard, result);
                    }
                }
                Step::Done => return None,
            }
        }
    }
}

/// An index of everything the builder has, finished a step per turn of the event loop.
async fn finish(builder: &IndexBuilder) -> Index {
    let mut finishing = builder.finishing();
    loop {
        if let Some(index) = finishing.step() {
            return index;
        }
        next_task().await;
    }
}
