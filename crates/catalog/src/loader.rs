//! The loader's decisions for a sharded catalog, without the loading.
//!
//! The page loads a sharded catalog in the order the reader needs it: the shards of the
//! regions in the address first, all at once, before anything shows; then the rest a few
//! at a time, while the page already answers. Arriving shards are read one per turn of
//! the event loop, the search index is kept up with them in slices, and a fuller catalog
//! replaces the one on screen every so often. A shard that fails is tried again after 5,
//! 15 and 45 s; one that is gone may mean the top file is from an earlier publication.
//!
//! [`Loader`] makes every one of those decisions and does none of the waiting or the
//! fetching: the app asks [`Loader::next`] what to do, with the time passed in, does it
//! (starts a fetch, reads a shard, indexes a slice, sleeps) and reports back. So the whole
//! schedule is tested natively, with the clock a number in the test.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

use crate::assembly::{regions_first, Assembly};
use crate::check::Checker;
use crate::model::{Catalog, ShardRef};
use crate::parse::{LoadError, Loaded, Problem, Skipped};
use crate::search::{Index, IndexBuilder};

/// A catalog ready to show: the records, their search index and what was skipped. For a
/// sharded catalog, one of a series: a fuller one replaces it as shards arrive.
#[derive(Debug)]
pub struct LoadedCatalog {
    pub catalog: Arc<Catalog>,
    pub index: Arc<Index>,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
    /// The link checker's tables for this catalog, built the first time a link is checked.
    pub checker: OnceLock<Checker>,
}

impl LoadedCatalog {
    /// A catalog read whole (a single file), with its index.
    pub fn whole(loaded: Loaded, index: Index) -> LoadedCatalog {
        LoadedCatalog {
            catalog: Arc::new(loaded.catalog),
            index: Arc::new(index),
            problems: loaded.problems,
            skipped: loaded.skipped,
            checker: OnceLock::new(),
        }
    }
}

/// Why a file of the catalog could not be had. The app's fetching makes these; they are
/// plain data, so the loader can decide on them and the string table word them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The request did not complete: offline, DNS, connection refused, CORS.
    #[error("network error for {url}: {message}")]
    Network { url: String, message: String },
    /// The answer did not arrive in full within the time allowed.
    #[error("no complete answer from {url} within {seconds} s")]
    Timeout { url: String, seconds: u32 },
    /// The server answered with an error status.
    #[error("HTTP {status} for {url}")]
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The body could not be read as text.
    #[error("cannot read {url}: {message}")]
    Body { url: String, message: String },
    /// The body is not a catalog this app can read.
    #[error("{url}: {error}")]
    Catalog { url: String, error: LoadError },
}

impl FetchError {
    /// Whether the server says the file is not there (404 or 410): for a shard, that the
    /// top file listing it is from an earlier publication whose shards were deleted.
    pub fn is_gone(&self) -> bool {
        matches!(
            self,
            FetchError::Http {
                status: 404 | 410,
                ..
            }
        )
    }
}

/// A shard as received: where from, its text and the SHA-256 of its bytes.
#[derive(Debug, Clone)]
pub struct FetchedShard {
    pub url: String,
    pub text: String,
    pub sha256: String,
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
    /// Seconds until it is tried again; `None` once the loader has given up on it.
    pub retry_in: Option<u32>,
}

/// What the app is to do next, as [`Loader::next`] answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Start fetching this shard, without waiting for it; its result goes to
    /// [`Loader::fetched`] whenever it comes.
    Fetch(ShardRef),
    /// Fetch the top file again, past every cache (a shard is gone: the top file in hand
    /// may be from an earlier publication), and give the answer to [`Loader::fetched_top`]
    /// before asking for the next step.
    FetchTop,
    /// The top file has been republished with other shards: this load is over, and a new
    /// one starts from the newer top file (one that may not fetch the top file again).
    Restart(Box<Loaded>),
    /// Read the next shard that has arrived: [`Loader::read`].
    Read,
    /// Add up to this many organisations to the index ([`Loader::index`]), and say how
    /// long that took ([`Loader::indexed`]).
    Index(usize),
    /// Make an index of everything added ([`Loader::builder`]) and put it on screen with
    /// [`Loader::publish`]: at once for the first screen, which the reader is waiting for,
    /// else a finishing step per turn of the event loop.
    Publish { at_once: bool },
    /// Let the browser handle input and paint (one turn of the event loop) first.
    Yield,
    /// Nothing to do until a shard arrives or, if given, this moment (page milliseconds).
    Wait(Option<f64>),
    /// Everything this page loads is in and on screen (some shards may have been given up).
    Done,
}

/// Shards fetched at the same time: as many as browsers open connections to one host over
/// HTTP/1.1. Measured: a catalog of 20,000 organisations in 89 shards loaded in 1.82 s with
/// six, 1.95 s with four.
pub const PARALLEL: usize = 6;
/// How often, at most, a fuller catalog replaces the one on screen while shards arrive.
/// Each replacement finishes an index of everything so far (about a quarter of a full
/// build) and renders the results again, so the catalog must also have doubled since the
/// last one: the finishing then costs at most about twice one of the whole catalog.
/// (Every 0.8 s whatever the growth, the national catalog was searchable 1.5 s later.)
pub const PUBLISH_EVERY_MS: f64 = 800.0;
/// What has been indexed goes on screen after this long however little it is, so that
/// one shard that hangs does not hold back those that came.
pub const PUBLISH_AT_LEAST_MS: f64 = 2_500.0;
/// The time one slice of indexing aims at, leaving the rest of a frame to the page.
pub const SLICE_MS: f64 = 8.0;
/// The first slice's size, before any has been timed.
pub const FIRST_SLICE: usize = 500;
/// The pauses before a failed shard is fetched again (after the fetch's own quick
/// retries): a server or a connection that is down now may be back in a minute.
pub const RETRY_PAUSES_S: [u32; 3] = [5, 15, 45];

/// One page's load of a sharded catalog: the shards to fetch, those to fetch again later,
/// those arrived and not read yet, the catalog they are assembled into and its index.
#[derive(Debug)]
pub struct Loader {
    assembly: Assembly,
    builder: IndexBuilder,
    /// The regions in the address, fetched together before anything shows.
    first: Vec<ShardRef>,
    /// How many of `first` have been asked for.
    asked: usize,
    queue: VecDeque<ShardRef>,
    /// Failed shards to fetch again: when (in page milliseconds), and which.
    retries: Vec<(f64, ShardRef)>,
    /// How many times each region's shard has failed.
    attempts: HashMap<String, usize>,
    failed: Vec<ShardFailure>,
    total: usize,
    /// Shards whose fetch has ended, in the order they did, not read yet.
    arrived: VecDeque<(ShardRef, Result<FetchedShard, FetchError>)>,
    /// Fetches started and not read yet (arrived ones count until they are read).
    in_flight: usize,
    /// Organisations on screen; `None` until the first screen.
    published: Option<usize>,
    last_publish: f64,
    slice: usize,
    /// Whether the top file may still be fetched again in this load: if the fresh one
    /// still lists a shard that is gone, that shard is missing for real.
    may_refetch: bool,
    restart: Option<Box<Loaded>>,
    /// Whether the browser gets a turn before anything else.
    yield_due: bool,
    /// Whether this turn of the loop may still read an arrived shard: one per turn, with
    /// an index slice and a turn of the event loop after it, as reading a large shard takes
    /// tens of milliseconds and two in a row would keep a keystroke waiting.
    may_read: bool,
}

impl Loader {
    /// A load of the shards `top` lists: those of the regions `first` before the others
    /// and, for a widget locked to regions, only those of `only`. `may_refetch` says
    /// whether a shard that is gone may make it fetch the top file again (once per page
    /// load: not in a load that is itself the restart).
    pub fn new(
        top: Loaded,
        first: &[String],
        only: Option<&[String]>,
        may_refetch: bool,
    ) -> Loader {
        let assembly = Assembly::new(top);
        let builder = IndexBuilder::new(assembly.catalog());
        let mut queue: VecDeque<ShardRef> = assembly
            .to_load(first)
            .into_iter()
            .filter(|shard| only.is_none_or(|only| only.contains(&shard.region)))
            .collect();
        let total = queue.len();
        // `to_load` put the address's regions first: those are the first screen's.
        let leading = queue
            .iter()
            .take_while(|shard| first.contains(&shard.region))
            .count();
        let asked_first: Vec<ShardRef> = queue.drain(..leading).collect();
        Loader {
            assembly,
            builder,
            first: asked_first,
            asked: 0,
            queue,
            retries: Vec::new(),
            attempts: HashMap::new(),
            failed: Vec::new(),
            total,
            arrived: VecDeque::new(),
            in_flight: 0,
            published: None,
            last_publish: 0.0,
            slice: FIRST_SLICE,
            may_refetch,
            restart: None,
            yield_due: false,
            may_read: true,
        }
    }

    /// What to do next, at `now` (page milliseconds). `wanted` gives the regions the
    /// address asks for now; it is called only when a fetch is about to start, so that a
    /// region chosen while the catalog loads comes next.
    pub fn next(&mut self, now: f64, wanted: impl FnOnce() -> Vec<String>) -> Step {
        if let Some(top) = self.restart.take() {
            return Step::Restart(top);
        }
        if std::mem::take(&mut self.yield_due) {
            return Step::Yield;
        }
        let Some(published) = self.published else {
            return self.first_screen();
        };
        // One shard alone until something is on screen: six at once share the connection
        // and the processor, and the first results came a second later.
        let parallel = if published == 0 { 1 } else { PARALLEL };
        if self.in_flight < parallel {
            let wanted = wanted();
            if !wanted.is_empty() {
                self.queue = regions_first(self.queue.drain(..), &wanted);
            }
            if let Some(shard) = self.next_due(now) {
                self.in_flight += 1;
                return Step::Fetch(shard);
            }
        }
        if std::mem::take(&mut self.may_read) && !self.arrived.is_empty() {
            return self.read_step();
        }
        // The rest of the turn: put a fuller catalog on screen, index a slice, finish, or
        // wait. The next call starts a new turn.
        self.may_read = true;
        let indexed = self.builder.added();
        let behind = indexed < self.assembly.catalog().organizations.len();
        // Nothing on its way: everything that could arrive now has, though failed shards
        // may be waiting for their next attempt.
        let quiet = self.in_flight == 0 && self.queue.is_empty();
        let moment = Moment {
            indexed,
            published,
            behind,
            quiet,
            since: now - self.last_publish,
        };
        if publish_due(&moment) {
            return Step::Publish { at_once: false };
        }
        if behind {
            return Step::Index(self.slice);
        }
        if quiet && self.retries.is_empty() {
            return Step::Done;
        }
        if !self.arrived.is_empty() {
            return self.read_step();
        }
        // Nothing to do but wait: for a shard, for a failed one's next attempt (when a
        // fetch could start then), or for the next time a fuller catalog is due on screen.
        let retry = (self.in_flight < parallel)
            .then(|| self.retries.iter().map(|(when, _)| *when).reduce(f64::min))
            .flatten();
        let publish = (indexed > published).then_some(self.last_publish + PUBLISH_AT_LEAST_MS);
        Step::Wait(match (retry, publish) {
            (Some(retry), Some(publish)) => Some(retry.min(publish)),
            (one, other) => one.or(other),
        })
    }

    /// A fetch has ended, with the shard or why not. Cheap: the shard is read when
    /// [`Loader::next`] says [`Step::Read`].
    pub fn fetched(&mut self, shard: ShardRef, result: Result<FetchedShard, FetchError>) {
        self.arrived.push_back((shard, result));
    }

    /// The answer to [`Step::FetchTop`]. A top file that lists other shards restarts the
    /// load from it; one that cannot be fetched or read, or lists the same shards, leaves
    /// the load as it was, and the missing shard is reported and tried again like any
    /// other failure.
    pub fn fetched_top(&mut self, result: Result<Loaded, FetchError>) {
        if let Ok(newer) = result {
            if newer.catalog.shards != self.assembly.catalog().shards {
                self.restart = Some(Box::new(newer));
            }
        }
    }

    /// Reads the shard that arrived first into the catalog, at `now`; a failed or refused
    /// one is reported and, while attempts are left, tried again later.
    pub fn read(&mut self, now: f64) {
        let Some((shard, result)) = self.arrived.pop_front() else {
            return;
        };
        self.in_flight -= 1;
        let added = result.and_then(|fetched| {
            self.assembly
                .add(&shard.region, &fetched.text, &fetched.sha256)
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
                    .push((now + f64::from(pause) * 1_000.0, shard.clone()));
            }
            self.failed.push(ShardFailure {
                region: shard.region,
                error,
                retry_in: pause,
            });
        }
    }

    /// Adds up to `slice` more organisations to the index.
    pub fn index(&mut self, slice: usize) {
        self.builder.add(self.assembly.catalog(), slice);
    }

    /// The slice [`Loader::index`] just did took `took_ms`: the next one is sized to take
    /// about [`SLICE_MS`], and the browser gets a turn first. (The first screen's indexing
    /// is all at once and paces nothing.)
    pub fn indexed(&mut self, took_ms: f64) {
        if self.published.is_some() {
            self.slice = paced(self.slice, took_ms);
            self.yield_due = true;
        }
    }

    /// The index builder, for making the index that [`Step::Publish`] puts on screen.
    pub fn builder(&self) -> &IndexBuilder {
        &self.builder
    }

    /// The catalog's first organisations, those `index` covers (every one the builder
    /// has), to put on screen at `now`. Those that arrived since are shown with the next
    /// index, not counted before.
    pub fn publish(&mut self, index: Index, now: f64) -> LoadedCatalog {
        let count = self.builder.added();
        let mut catalog = self.assembly.catalog().clone();
        catalog.organizations.truncate(count);
        self.published = Some(count);
        self.last_publish = now;
        LoadedCatalog {
            catalog: Arc::new(catalog),
            index: Arc::new(index),
            problems: self.assembly.problems().to_vec(),
            skipped: self.assembly.skipped(),
            checker: OnceLock::new(),
        }
    }

    /// How far loading is.
    pub fn progress(&self) -> Progress {
        Progress {
            total: self.total,
            loaded: self.assembly.added(),
            failed: self.failed.clone(),
            indexing: self.published.unwrap_or(0) < self.assembly.catalog().organizations.len(),
        }
    }

    /// Before the first screen: the address's regions, all at once; then, once every one
    /// has arrived, each read in the order asked, indexed whole and shown.
    fn first_screen(&mut self) -> Step {
        if let Some(shard) = self.first.get(self.asked) {
            self.asked += 1;
            self.in_flight += 1;
            return Step::Fetch(shard.clone());
        }
        if self.arrived.len() < self.in_flight {
            return Step::Wait(None);
        }
        if !self.arrived.is_empty() {
            // Read in the order asked, as they would be shown region by region.
            let order = |shard: &ShardRef| self.first.iter().position(|s| s == shard);
            self.arrived
                .make_contiguous()
                .sort_by_key(|(shard, _)| order(shard));
            return self.read_step();
        }
        if self.builder.added() < self.assembly.catalog().organizations.len() {
            return Step::Index(usize::MAX);
        }
        Step::Publish { at_once: true }
    }

    /// [`Step::Read`] for the next arrived shard, or [`Step::FetchTop`] first if it is
    /// gone and the top file may be fetched again. After the first screen, the browser
    /// gets a turn after each read.
    fn read_step(&mut self) -> Step {
        let gone = matches!(self.arrived.front(), Some((_, Err(error))) if error.is_gone());
        if gone && std::mem::take(&mut self.may_refetch) {
            // Asked for again after the answer; this turn's read is still to come.
            self.may_read = true;
            return Step::FetchTop;
        }
        self.yield_due = self.published.is_some();
        Step::Read
    }

    /// The next shard to fetch: a failed one whose pause is over, else the next queued.
    fn next_due(&mut self, now: f64) -> Option<ShardRef> {
        if let Some(due) = self.retries.iter().position(|(when, _)| *when <= now) {
            let (_, shard) = self.retries.remove(due);
            return Some(shard);
        }
        self.queue.pop_front()
    }
}

/// Where the loading stands when the loader decides whether to put a fuller catalog on
/// screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    /// Organisations the index builder has.
    pub indexed: usize,
    /// Organisations in the catalog on screen.
    pub published: usize,
    /// Whether organisations have arrived that the builder does not have yet.
    pub behind: bool,
    /// Whether no shard is on its way (failed ones may wait for another attempt).
    pub quiet: bool,
    /// Milliseconds since the catalog on screen was put there.
    pub since: f64,
}

/// Whether what is indexed goes on screen now: the first time; when it is all that has
/// arrived and nothing more is coming; once it has doubled and the last time is long
/// enough ago; and, so that a shard that hangs holds nothing back, when nothing has gone
/// on screen for a while.
pub fn publish_due(now: &Moment) -> bool {
    let doubled = now.indexed >= now.published.saturating_mul(2).max(1);
    now.indexed > now.published
        && ((now.since >= PUBLISH_EVERY_MS && doubled)
            || (!now.behind
                && (now.published == 0 || now.quiet || now.since >= PUBLISH_AT_LEAST_MS)))
}

/// The next slice size after one of `slice` took `took_ms`: scaled so that a slice takes
/// about [`SLICE_MS`], at least 50 and at most twice the last (or 100).
pub fn paced(slice: usize, took_ms: f64) -> usize {
    let scaled = (slice as f64 * SLICE_MS / took_ms.max(0.5)) as usize;
    scaled.clamp(50, slice.saturating_mul(2).max(100))
}
