//! The loader's schedule for a sharded catalog, with the clock a number: the order shards
//! are fetched in, the first screen, the retries and their pauses, giving up, a republished
//! top file, and when a fuller catalog goes on screen.
//!
//! A case is a script of words. Some are what happens (an answer arrives, time passes,
//! the reader picks a region); the others are the steps the loader is expected to answer,
//! one call of `Loader::next` each, which the test then carries out as the app would.

use catalog::{
    paced, parse_catalog, publish_due, FetchError, FetchedShard, LoadError, Loaded, Loader, Moment,
    Progress, ShardRef, Step,
};
use serde_json::{json, Value};

/// The test catalog: four regions, `01` to `04`, two organisations each, sharded.
const REGIONS: [&str; 4] = ["01", "02", "03", "04"];

fn catalog_text(school: &str) -> String {
    let organizations: Vec<Value> = REGIONS
        .iter()
        .flat_map(|region| {
            (1..=2).map(move |n| {
                json!({
                    "id": format!("school-{region}-{n}"), "name": format!("{school} № {n}"),
                    "region": region, "sector": "education",
                    "channels": [{"platform": "vk", "url": format!("https://vk.com/s{region}{n}")}]
                })
            })
        })
        .collect();
    json!({
        "format": "gospubliki-catalog", "version": 1, "title": "Тест", "updated": "2026-11-20",
        "regions": REGIONS.iter().map(|code| json!({"code": code, "name": format!("Регион {code}")})).collect::<Vec<_>>(),
        "sectors": [{"id": "education", "name": "Образование"}],
        "platforms": [{"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com"]}],
        "organizations": organizations
    })
    .to_string()
}

/// The top file and each region's shard text, of a publication whose schools are named
/// `school` (another name, other shards).
fn publication(school: &str) -> (Loaded, Vec<(String, String)>) {
    let whole = parse_catalog(&catalog_text(school)).expect("the test catalog reads");
    let (top, files) = whole.catalog.to_shards();
    let top = parse_catalog(&top).expect("the top file reads");
    let texts = files
        .into_iter()
        .map(|file| (file.region, file.text))
        .collect();
    (top, texts)
}

/// Runs `script` (see the module's comment) and fails at the first step that differs.
///
/// What happens: `first:R,R` (the address's regions at the start; before any step),
/// `only:R,R` (a widget locked to them), `norefetch` (a load that may not fetch the top file
/// again), `@MS` (the time is now), `want:R,R` (the address's regions from now on),
/// `took:MS` (how long each index slice takes from now on; 1 ms at first), and the answers:
/// `ok:R` (the shard), `bad:R` (bytes whose SHA-256 is not the listed one), `down:R` (a
/// network error), `gone:R` (404), `top:same`, `top:new`, `top:down` (the top file again).
///
/// Steps: `fetch:R`, `fetchtop`, `restart`, `read`, `index:N` (`index:all`), `show:N` (the
/// first screen, with N organisations), `publish:N`, `yield`, `wait`, `wait:MS`, `done`.
/// Checks: `p=LOADED/TOTAL[,R:RETRY_S or R:-][,indexing]`, the progress; `shown=R,R`, the
/// regions of the organisations on screen, in order.
fn check(script: &str) {
    let (top, texts) = publication("Школа");
    let shard_ref = |region: &str| -> ShardRef {
        top.catalog
            .shards
            .iter()
            .find(|shard| shard.region == region)
            .cloned()
            .unwrap_or_else(|| panic!("no shard for {region}"))
    };
    let text_of = |region: &str| -> String {
        texts
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    let list = |value: &str| -> Vec<String> {
        value
            .split(',')
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut first = Vec::new();
    let mut only = None;
    let mut may_refetch = true;
    let mut loader: Option<Loader> = None;
    let mut now = 0.0;
    let mut wanted: Vec<String> = Vec::new();
    let mut took = 1.0;
    let mut shown: Vec<String> = Vec::new();
    let mut done = Vec::new();
    for word in script.split_whitespace() {
        let context = || format!("after «{}»", done.join(" "));
        let (name, value) = word.split_once([':', '=']).unwrap_or((word, ""));
        let answer = |region: &str, result: Result<String, FetchError>| {
            let shard = shard_ref(region);
            let fetched = result.map(|text| FetchedShard {
                url: format!("data/{}", shard.url),
                sha256: catalog::sha256_hex(text.as_bytes()),
                text,
            });
            (shard, fetched)
        };
        let url = format!("data/{value}");
        let is_event = matches!(name, "first" | "only" | "norefetch" | "want" | "took")
            || word.starts_with('@');
        match name {
            "first" => first = list(value),
            "only" => only = Some(list(value)),
            "norefetch" => may_refetch = false,
            "want" => wanted = list(value),
            "took" => took = value.parse().expect("a duration"),
            _ if word.starts_with('@') => now = word[1..].parse().expect("a time"),
            _ => (),
        }
        if is_event {
            done.push(word.to_string());
            continue;
        }
        let loader = loader
            .get_or_insert_with(|| Loader::new(top.clone(), &first, only.as_deref(), may_refetch));
        let arrival = match name {
            "ok" => Some(answer(value, Ok(text_of(value)))),
            "bad" => Some(answer(value, Ok(format!("{} ", text_of(value))))),
            "down" => Some(answer(
                value,
                Err(FetchError::Network {
                    url,
                    message: "offline".to_string(),
                }),
            )),
            "gone" => Some(answer(
                value,
                Err(FetchError::Http {
                    url,
                    status: 404,
                    status_text: "Not Found".to_string(),
                }),
            )),
            _ => None,
        };
        if let Some((shard, result)) = arrival {
            loader.fetched(shard, result);
            done.push(word.to_string());
            continue;
        }
        match word {
            "top:same" => loader.fetched_top(Ok(top.clone())),
            "top:new" => loader.fetched_top(Ok(publication("Гимназия").0)),
            "top:down" => loader.fetched_top(Err(FetchError::Timeout {
                url: "data/catalog.json".to_string(),
                seconds: 60,
            })),
            _ if name == "p" => {
                assert_eq!(
                    format!("p={}", progress(&loader.progress())),
                    word,
                    "{}",
                    context()
                )
            }
            _ if name == "shown" => {
                let mut regions = shown.clone();
                regions.dedup();
                assert_eq!(
                    format!("shown={}", regions.join(",")),
                    word,
                    "{}",
                    context()
                )
            }
            _ => {
                let step = loader.next(now, || wanted.clone());
                let got = match step {
                    Step::Fetch(shard) => format!("fetch:{}", shard.region),
                    Step::FetchTop => "fetchtop".to_string(),
                    Step::Restart(_) => "restart".to_string(),
                    Step::Read => {
                        loader.read(now);
                        "read".to_string()
                    }
                    Step::Index(slice) => {
                        loader.index(slice);
                        loader.indexed(took);
                        match slice {
                            usize::MAX => "index:all".to_string(),
                            slice => format!("index:{slice}"),
                        }
                    }
                    Step::Publish { at_once } => {
                        let index = loader.builder().finish();
                        let on_screen = loader.publish(index, now);
                        shown = on_screen
                            .catalog
                            .organizations
                            .iter()
                            .map(|org| org.region.clone())
                            .collect();
                        let name = if at_once { "show" } else { "publish" };
                        format!("{name}:{}", shown.len())
                    }
                    Step::Yield => "yield".to_string(),
                    Step::Wait(None) => "wait".to_string(),
                    Step::Wait(Some(until)) => format!("wait:{until}"),
                    Step::Done => "done".to_string(),
                };
                assert_eq!(got, word, "{}", context());
            }
        }
        done.push(word.to_string());
    }
}

/// The progress as `check` writes it.
fn progress(progress: &Progress) -> String {
    let mut text = format!("{}/{}", progress.loaded, progress.total);
    for failure in &progress.failed {
        let retry = failure.retry_in.map_or("-".to_string(), |s| s.to_string());
        text += &format!(",{}:{retry}", failure.region);
    }
    if progress.indexing {
        text += ",indexing";
    }
    text
}

#[test]
fn order_first_screen_and_background() {
    // Nothing in the address: an empty first screen at once, then one shard alone until
    // something is on screen, then six at a time; one read per turn, each followed by a
    // turn for the browser; slices sized by how long the last one took.
    check("p=0/4 show:0 fetch:01 wait ok:01 read p=1/4,indexing yield fetch:02 index:500 yield publish:2 p=1/4 fetch:03 fetch:04 wait ok:02 ok:03 read yield index:1000 yield read yield index:2000 yield wait:2500 ok:04 read yield index:4000 yield publish:8 shown=01,02,03,04 p=4/4 done");
    // The regions in the address come first, all at once, read in the order asked
    // whatever order they arrive in, indexed whole and shown together.
    check("first:03 fetch:03 wait ok:03 read index:all show:2 shown=03 fetch:01 fetch:02 fetch:04 wait");
    check("first:04,02 fetch:02 fetch:04 wait ok:04 wait ok:02 read read index:all show:4 shown=02,04 p=2/4 fetch:01 fetch:03 wait");
    // A region picked while the catalog loads is fetched next.
    check("show:0 fetch:01 wait ok:01 read yield want:04 fetch:04 index:500 yield publish:2 fetch:02 fetch:03 wait");
    // A widget locked to a region loads that region only, and is then done.
    check("only:02 first:02 p=0/1 fetch:02 wait ok:02 read index:all show:2 p=1/1 done");
    check("only:02,03 show:0 fetch:02 wait ok:02 read yield fetch:03 index:500 yield publish:2 wait ok:03 read yield index:1000 yield publish:4 done");
}

#[test]
fn slices_are_paced_to_take_about_8_ms() {
    check("only:01,02 took:16 show:0 fetch:01 wait ok:01 read yield fetch:02 index:500 yield publish:2 wait ok:02 read yield index:250 yield publish:4 done");
    for (slice, took, next) in [
        (500, 1.0, 1000),
        (500, 8.0, 500),
        (500, 16.0, 250),
        (500, 100.0, 50),
        (40, 0.0, 100),
        (1000, 4.0, 2000),
    ] {
        assert_eq!(
            paced(slice, took),
            next,
            "{slice} organisations in {took} ms"
        );
    }
}

#[test]
fn failed_shards_are_retried_after_5_15_45_seconds_then_given_up() {
    // Each failure is reported with the pause before its next attempt; after the fourth
    // the loader gives up on the shard and says so.
    check("only:01 show:0 fetch:01 wait down:01 read p=0/1,01:5 yield wait:5000 @4999 wait:5000 @5000 fetch:01 wait down:01 read p=0/1,01:15 yield wait:20000 @20000 fetch:01 wait down:01 read p=0/1,01:45 yield wait:65000 @65000 fetch:01 wait down:01 read p=0/1,01:- yield done");
    // A retry that succeeds clears the failure.
    check("only:01 show:0 fetch:01 wait down:01 read yield wait:5000 @5000 fetch:01 wait ok:01 read p=1/1,indexing yield index:500 yield publish:2 p=1/1 done");
    // A shard whose bytes are not the ones listed is refused and retried the same way.
    check("only:01 show:0 fetch:01 wait bad:01 read p=0/1,01:5 yield wait:5000");
    // The others load meanwhile; the failed one's attempt waits for a free connection.
    check("show:0 fetch:01 wait down:01 read yield fetch:02 wait ok:02 read yield fetch:03 index:500 yield publish:2 p=1/4,01:5 fetch:04 wait:5000 ok:03 ok:04 read yield index:1000 yield read yield index:2000 yield publish:6 wait:5000 @5000 fetch:01 wait ok:01 read yield index:4000 yield publish:8 p=4/4 done");
}

#[test]
fn a_gone_shard_fetches_the_top_file_again_once() {
    // A top file that lists other shards starts the load again, with no error.
    check("show:0 fetch:01 wait gone:01 fetchtop top:new restart");
    // The same top file, or none: the shard is reported and retried like any other.
    check("only:01,02 show:0 fetch:01 wait gone:01 fetchtop top:same read p=0/2,01:5 yield fetch:02 wait gone:02 read p=0/2,01:5,02:5 yield wait:5000");
    check("only:01 show:0 fetch:01 wait gone:01 fetchtop top:down read p=0/1,01:5 yield wait:5000");
    // A load that is itself the restart does not ask again.
    check("only:01 norefetch show:0 fetch:01 wait gone:01 read p=0/1,01:5 yield wait:5000");
    // Among the first screen's regions too.
    check("first:01,02 fetch:01 fetch:02 wait gone:02 wait ok:01 read fetchtop top:new restart");
    check("first:01,02 fetch:01 fetch:02 wait gone:02 wait ok:01 read fetchtop top:same read index:all show:2 p=1/4,02:5 fetch:03");
}

#[test]
fn what_is_indexed_goes_on_screen_when_it_is_due() {
    // A shard that hangs does not hold back those that came: after 2.5 s they go on
    // screen however little they add; a doubled catalog goes every 0.8 s at most.
    check("first:01 fetch:01 wait ok:01 read index:all show:2 fetch:02 fetch:03 fetch:04 wait ok:02 read yield index:500 yield wait:2500 @2500 publish:4 wait ok:03 read yield index:1000 yield wait:5000 @4999 wait:5000 @5000 publish:6 wait ok:04 read yield index:2000 yield publish:8 done");
    // indexed, published, behind, quiet, since the last time (ms): due?
    for (indexed, published, behind, quiet, since, due) in [
        (0, 0, false, true, 0.0, false),     // nothing new
        (5, 0, false, false, 0.0, true),     // the first organisations
        (5, 0, true, false, 799.0, false),   // more are being indexed, just a moment
        (5, 0, true, false, 800.0, true),    // doubled (from nothing) and 0.8 s on
        (10, 5, false, false, 799.0, false), // doubled, too soon
        (10, 5, true, false, 800.0, true),   // doubled and 0.8 s on, even while behind
        (9, 5, false, false, 800.0, false),  // not doubled, more on their way
        (9, 5, false, true, 0.0, true),      // all that will come for now
        (9, 5, true, true, 0.0, false),      // all come, not all indexed
        (9, 5, false, false, 2_500.0, true), // 2.5 s since the last time
        (9, 5, true, false, 2_500.0, false), // ... but still indexing what came
        (5, 5, false, true, 9_000.0, false), // nothing new
    ] {
        let moment = Moment {
            indexed,
            published,
            behind,
            quiet,
            since,
        };
        assert_eq!(publish_due(&moment), due, "{moment:?}");
    }
}

#[test]
fn a_refused_shard_says_why() {
    let (top, texts) = publication("Школа");
    let shard = top.catalog.shards[0].clone();
    let mut loader = Loader::new(top, &[], None, true);
    assert_eq!(loader.next(0.0, Vec::new), Step::Publish { at_once: true });
    let index = loader.builder().finish();
    loader.publish(index, 0.0);
    assert_eq!(loader.next(0.0, Vec::new), Step::Fetch(shard.clone()));
    let text = format!("{} ", texts[0].1);
    loader.fetched(
        shard.clone(),
        Ok(FetchedShard {
            url: "data/x.json".to_string(),
            sha256: catalog::sha256_hex(text.as_bytes()),
            text,
        }),
    );
    loader.read(0.0);
    let failure = &loader.progress().failed[0];
    assert!(matches!(
        &failure.error,
        FetchError::Catalog { url, error: LoadError::Digest { expected, .. } }
            if url == "data/x.json" && *expected == shard.sha256
    ));
}
