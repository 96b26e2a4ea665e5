//! Loading the catalog into the page. A single-file catalog is fetched, read and indexed
//! at once. A sharded one is loaded in the order the reader needs it: first the shards of
//! the regions in the address (or only those, for a widget locked to them), then the
//! rest in the background, a few at a time, while the page already answers. The search
//! index is kept up with the arriving shards a slice at a time, with the browser free
//! to handle keystrokes between slices, and a fuller catalog replaces the one on screen
//! every so often, so results grow as the country arrives.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

use catalog::{Assembly, Facet, Index, IndexBuilder, Loaded, Page, ShardRef};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{next_task, now_ms};
use crate::load::{
    fetch_shard, fetch_top, fetch_top_again, sleep, FetchError, FetchedShard, LoadedCatalog,
};
use crate::timing::measure;

/// What the page knows of the catalog, as signals; provided by the root component.
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

/// How far the shards of a sharded catalog have loaded. All zero for a single file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// The shards this page loads: all the catalog lists, or a locked widget's regions'.
    pub total: usize,
    /// The shards received and read (their organisations may still be being indexed).
    pub loaded: usize,
    /// Shards whose last attempt failed, and why.
    pub failed: Vec<ShardFailure>,
    /// Whether organisations have arrived that are not on screen yet (being indexed).
    pub indexing: bool,
}

impl Progress {
    /// Whether every shard this page loads is in.
    pub fn is_complete(&self) -> bool {
        self.loaded >= self.total
    }

    /// Whether everything loaded is searchable: every shard in and all of it indexed. Until
    /// then the page says that a search covers only part of the catalog.
    pub fn is_whole(&self) -> bool {
        self.is_complete() && !self.indexing
    }

    /// Whether more is coming to the screen: shards on their way (not counting those that
    /// failed and wait for their next attempt), or organisations still being indexed.
    pub fn is_arriving(&self) -> bool {
        self.loaded + self.failed.len() < self.total || self.indexing
    }
}

/// A shard that could not be loaded (yet).
#[derive(Debug, Clone, PartialEq)]
pub struct ShardFailure {
    /// The region code.
    pub region: String,
    pub error: FetchError,
    /// Seconds until it is tried again; `None` once the app has given up on it.
    pub retry_in: Option<u32>,
}

/// Shards fetched at the same time: as many as browsers open connections to one host over
/// HTTP/1.1. Measured: a catalog of 20,000 organisations in 89 shards loaded in 1.82 s with
/// six, 1.95 s with four.
const PARALLEL: usize = 6;
/// How often, at most, a fuller catalog replaces the one on screen while shards arrive.
/// Each replacement finishes an index of everything so far (about a quarter of a full
/// build) and renders the results again, so the catalog must also have doubled since the
/// last one: the finishing then costs at most about twice one of the whole catalog.
/// (Every 0.8 s whatever the growth, the national catalog was searchable 1.5 s later.)
const PUBLISH_EVERY_MS: f64 = 800.0;
/// What has been indexed goes on screen after this long however little it is, so that
/// one shard that hangs does not hold back those that came.
const PUBLISH_AT_LEAST_MS: f64 = 2_500.0;
/// The time one slice of indexing aims at, leaving the rest of a frame to the page.
const SLICE_MS: f64 = 8.0;
/// The pauses before a failed shard is fetched again (after the fetch's own quick
/// retries): a server or a connection that is down now may be back in a minute.
const RETRY_PAUSES_S: [u32; 3] = [5, 15, 45];

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
        // The top file is fetched again at most once a load (see `Republished`): if the
        // fresh one still lists a shard that is gone, that shard is missing for real.
        let mut may_refetch = true;
        loop {
            if top.catalog.shards.is_empty() {
                let index = measure("gospubliki:index", || Index::new(&top.catalog));
                self.current.set(Some(Arc::new(LoadedCatalog {
                    catalog: Arc::new(top.catalog),
                    index: Arc::new(index),
                    problems: top.problems,
                    skipped: top.skipped,
                    checker: OnceLock::new(),
                })));
                return Ok(());
            }
            let mut republished = Republished {
                may_refetch: std::mem::take(&mut may_refetch),
            };
            match self
                .load_shards(top, &first, only.as_deref(), &wanted, &mut republished)
                .await
            {
                Some(newer) => top = newer,
                None => return Ok(()),
            }
        }
    }

    /// Loads the shards `top` lists. Returns a newer top file, to start again from, when a
    /// shard turned out to be gone because `top` is from an earlier publication.
    async fn load_shards(
        self,
        top: Loaded,
        first: &[String],
        only: Option<&[String]>,
        wanted: &impl Fn() -> Vec<String>,
        republished: &mut Republished,
    ) -> Option<Loaded> {
        let mut shards = Shards::new(Assembly::new(top), first, only);
        self.progress.set(shards.progress(0));

        // The regions in the address first, all at once, before the page shows: their
        // results must not appear a region at a time.
        let asked: Vec<ShardRef> = shards.take_first(first);
        let arrived = futures::future::join_all(asked.iter().map(fetch_shard)).await;
        for result in &arrived {
            if let Some(newer) = republished.check(&shards, result).await {
                return Some(newer);
            }
        }
        for (shard, result) in asked.into_iter().zip(arrived) {
            shards.receive(shard, result);
        }
        let mut builder = IndexBuilder::new(shards.assembly.catalog());
        builder.add(shards.assembly.catalog(), usize::MAX);
        self.publish(&shards, builder.finish(), builder.added());
        let mut published = builder.added();
        let mut last_publish = now_ms();

        // Each fetch runs as a task of its own, so it moves on while this loop indexes,
        // and hands its shard over through the channel.
        let (arrivals, mut arrived) = mpsc::unbounded();
        let mut in_flight = 0;
        let mut slice = 500;
        loop {
            // One shard alone until something is on screen: six at once share the
            // connection and the processor, and the first results came a second later.
            let parallel = if published == 0 { 1 } else { PARALLEL };
            // The address is read again only when a fetch is about to start, not on every
            // slice of indexing.
            if in_flight < parallel {
                shards.prefer(&wanted());
            }
            while in_flight < parallel {
                let Some(shard) = shards.next_due(now_ms()) else {
                    break;
                };
                in_flight += 1;
                let arrivals = arrivals.clone();
                spawn_local(async move {
                    let result = fetch_shard(&shard).await;
                    // The receiver lives as long as this loop; if it is gone, so is the page.
                    let _ = arrivals.unbounded_send((shard, result));
                });
            }
            // A shard that has arrived, without waiting; one at a time, with the index
            // slice and a turn of the event loop after it, as reading a large shard takes
            // tens of milliseconds and two in a row would keep a keystroke waiting.
            if let Ok((shard, result)) = arrived.try_recv() {
                in_flight -= 1;
                if let Some(newer) = republished.check(&shards, &result).await {
                    return Some(newer);
                }
                shards.receive(shard, result);
                self.progress.set(shards.progress(published));
                next_task().await;
            }
            let arrived_count = shards.assembly.catalog().organizations.len();
            let behind = builder.added() < arrived_count;
            // Nothing on its way: everything that could arrive now has, though failed shards
            // may be waiting for their next attempt.
            let quiet = in_flight == 0 && shards.queue.is_empty();
            let settled = quiet && shards.retries.is_empty();
            let due = publish_due(Moment {
                indexed: builder.added(),
                published,
                behind,
                quiet,
                since: now_ms() - last_publish,
            });
            if due {
                let count = builder.added();
                let index = finish(&builder).await;
                self.publish(&shards, index, count);
                published = count;
                last_publish = now_ms();
                continue;
            }
            if behind {
                let started = now_ms();
                builder.add(shards.assembly.catalog(), slice);
                slice = paced(slice, now_ms() - started);
                next_task().await;
                continue;
            }
            if settled {
                return None;
            }
            // Nothing to do but wait: for a shard, for a failed one's next attempt, or for
            // the next time a fuller catalog is due on screen.
            let mut pause = shards.next_retry_in(now_ms());
            if builder.added() > published {
                let until = (last_publish + PUBLISH_AT_LEAST_MS - now_ms()).max(0.0) as i32;
                pause = Some(pause.map_or(until, |p| p.min(until)));
            }
            let next = match (in_flight, pause) {
                (0, Some(pause)) => {
                    sleep(pause).await;
                    None
                }
                (_, Some(pause)) => match select(arrived.next(), Box::pin(sleep(pause))).await {
                    Either::Left((next, _)) => next,
                    Either::Right(_) => None,
                },
                (_, None) => arrived.next().await,
            };
            if let Some((shard, result)) = next {
                in_flight -= 1;
                if let Some(newer) = republished.check(&shards, &result).await {
                    return Some(newer);
                }
                shards.receive(shard, result);
            }
            self.progress.set(shards.progress(published));
        }
    }

    /// Puts the catalog's first `count` organisations, which `index` covers, on screen.
    fn publish(&self, shards: &Shards, index: Index, count: usize) {
        let assembly = &shards.assembly;
        let mut catalog = assembly.catalog().clone();
        // Those that arrived since are shown with the next index, not counted before.
        catalog.organizations.truncate(count);
        self.current.set(Some(Arc::new(LoadedCatalog {
            catalog: Arc::new(catalog),
            index: Arc::new(index),
            problems: assembly.problems().to_vec(),
            skipped: assembly.skipped(),
            checker: OnceLock::new(),
        })));
        self.progress.set(shards.progress(count));
    }
}

/// Noticing that the top file in hand is from an earlier publication. The publisher
/// deletes a publication's shards some time after the next one is out, and a top file
/// can outlive them: the service worker serves its stored copy first (refreshing it in
/// the background), and a reader may come back after days. A shard that is gone (404 or
/// 410, and not stored by the worker either, which answers with its copy when it has one)
/// is the sign: the top file is fetched again past every cache, and if it lists other
/// shards the load starts again from it, the reader seeing no error, only the catalog
/// replaced by the current one as it arrives.
struct Republished {
    /// Whether the top file may still be fetched again in this load.
    may_refetch: bool,
}

impl Republished {
    /// A newer top file, if `result` is a shard that is gone and the server now has one
    /// listing other shards than `shards` has. The shard is then not reported as failed.
    async fn check(
        &mut self,
        shards: &Shards,
        result: &Result<FetchedShard, FetchError>,
    ) -> Option<Loaded> {
        let gone = matches!(result, Err(error) if error.is_gone());
        if !gone || !std::mem::take(&mut self.may_refetch) {
            return None;
        }
        // A top file that cannot be fetched or read now leaves the load as it was: the
        // missing shard is then reported and tried again like any other failure.
        let newer = fetch_top_again().await.ok()?;
        (newer.catalog.shards != shards.assembly.catalog().shards).then_some(newer)
    }
}

/// Where the loading stands when the loader decides whether to put a fuller catalog on
/// screen.
struct Moment {
    /// Organisations the index builder has.
    indexed: usize,
    /// Organisations in the catalog on screen.
    published: usize,
    /// Whether organisations have arrived that the builder does not have yet.
    behind: bool,
    /// Whether no shard is on its way (failed ones may wait for another attempt).
    quiet: bool,
    /// Milliseconds since the catalog on screen was put there.
    since: f64,
}

/// Whether what is indexed goes on screen now: the first time; when it is all that has
/// arrived and nothing more is coming; once it has doubled and the last time is long
/// enough ago; and, so that a shard that hangs holds nothing back, when nothing has gone
/// on screen for a while.
fn publish_due(now: Moment) -> bool {
    let doubled = now.indexed >= now.published.saturating_mul(2).max(1);
    now.indexed > now.published
        && ((now.since >= PUBLISH_EVERY_MS && doubled)
            || (!now.behind
                && (now.published == 0 || now.quiet || now.since >= PUBLISH_AT_LEAST_MS)))
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

/// The next slice size: scaled so that a slice takes about [`SLICE_MS`], within bounds.
fn paced(slice: usize, took_ms: f64) -> usize {
    let scaled = (slice as f64 * SLICE_MS / took_ms.max(0.5)) as usize;
    scaled.clamp(50, slice.saturating_mul(2).max(100))
}

/// The shards of one page's load: those to fetch, those to fetch again later, and the
/// catalog they are assembled into.
struct Shards {
    assembly: Assembly,
    queue: VecDeque<ShardRef>,
    /// Failed shards to fetch again: when (in page milliseconds), and which.
    retries: Vec<(f64, ShardRef)>,
    /// How many times each region's shard has failed.
    attempts: HashMap<String, usize>,
    failed: Vec<ShardFailure>,
    total: usize,
}

impl Shards {
    fn new(assembly: Assembly, first: &[String], only: Option<&[String]>) -> Shards {
        let queue: VecDeque<ShardRef> = assembly
            .to_load(first)
            .into_iter()
            .filter(|shard| only.is_none_or(|only| only.contains(&shard.region)))
            .collect();
        Shards {
            total: queue.len(),
            assembly,
            queue,
            retries: Vec::new(),
            attempts: HashMap::new(),
            failed: Vec::new(),
        }
    }

    /// How far loading is, with `shown` organisations on screen.
    fn progress(&self, shown: usize) -> Progress {
        Progress {
            total: self.total,
            loaded: self.assembly.added(),
            failed: self.failed.clone(),
            indexing: shown < self.assembly.catalog().organizations.len(),
        }
    }

    /// Takes the queued shards of these regions.
    fn take_first(&mut self, regions: &[String]) -> Vec<ShardRef> {
        let (first, rest): (Vec<ShardRef>, Vec<ShardRef>) = self
            .queue
            .drain(..)
            .partition(|shard| regions.contains(&shard.region));
        self.queue = rest.into();
        first
    }

    /// Moves the shards of these regions to the front of the queue.
    fn prefer(&mut self, regions: &[String]) {
        if !regions.is_empty() {
            let (first, rest): (VecDeque<ShardRef>, VecDeque<ShardRef>) = self
                .queue
                .drain(..)
                .partition(|shard| regions.contains(&shard.region));
            self.queue = first.into_iter().chain(rest).collect();
        }
    }

    /// The next shard to fetch: a failed one whose pause is over, else the next queued.
    fn next_due(&mut self, now: f64) -> Option<ShardRef> {
        if let Some(due) = self.retries.iter().position(|(when, _)| *when <= now) {
            let (_, shard) = self.retries.remove(due);
            return Some(shard);
        }
        self.queue.pop_front()
    }

    /// Milliseconds until the next failed shard falls due, if one is waiting.
    fn next_retry_in(&self, now: f64) -> Option<i32> {
        self.retries
            .iter()
            .map(|(when, _)| (when - now).max(0.0) as i32)
            .min()
    }

    /// Adds an arrived shard to the catalog; a failed or refused one is reported and, while
    /// attempts are left, tried again later.
    fn receive(&mut self, shard: ShardRef, result: Result<FetchedShard, FetchError>) {
        let added = result.and_then(|fetched| {
            measure("gospubliki:shard", || {
                self.assembly
                    .add(&shard.region, &fetched.text, &fetched.sha256)
            })
            .map_err(|error| FetchError::Catalog {
                url: fetched.url,
                error,
            })
        });
        self.failed.retain(|failure| failure.region != shard.region);
        if let Err(error) = added {
            let attempts = self.attempts.entry(shard.region.clone()).or_insert(0);
            let pause = RETRY_PAUSES_S.get(*attempts).copied();
            *attempts += 1;
            if let Some(pause) = pause {
                self.retries
                    .push((now_ms() + f64::from(pause) * 1_000.0, shard.clone()));
            }
            self.failed.push(ShardFailure {
                region: shard.region,
                error,
                retry_in: pause,
            });
        }
    }
}
