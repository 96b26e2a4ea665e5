//! A sharded catalog as the app receives it: shards arriving one by one, checked and
//! appended, and a search index built a piece at a time that must answer exactly as one
//! built at once.

use catalog::{
    parse_catalog, sha256_hex, Assembly, Catalog, Index, IndexBuilder, LoadError, Page, Sort,
};
use catalog_tool::demo::synth_catalog;

/// A national-like catalog small enough for a test: every region, a few thousand
/// organisations.
fn sharded() -> (Catalog, Assembly, Vec<(String, String)>) {
    let catalog = synth_catalog(4_000, 7);
    let (top, files) = catalog.to_shards();
    let loaded = parse_catalog(&top).expect("the top file is a catalog");
    let texts = loaded
        .catalog
        .shards
        .iter()
        .zip(files)
        .map(|(shard, file)| (shard.region.clone(), file.text))
        .collect();
    (catalog, Assembly::new(loaded), texts)
}

/// The queries both indexes answer: text of every kind, filters, and each order.
fn queries() -> Vec<Page> {
    let texts = [
        "",
        "ш",
        "шк",
        "школа",
        "сош 12",
        "больница",
        "бальница",
        "irjkf",
        "shkola",
        "детский сад",
        "vk.com",
        "администрация",
        "цбс",
        "42",
    ];
    let mut queries = Vec::new();
    for text in texts {
        for sort in [Sort::Relevance, Sort::Name, Sort::Subscribers] {
            queries.push(Page::default().with_text(text.to_string()).with_sort(sort));
        }
        queries.push(Page::from_query_str(&format!(
            "q={text}&region=42,77&platform=max"
        )));
        queries.push(Page::from_query_str(&format!(
            "q={text}&sector=health&region=42&municipality=Беловский%20городской%20округ"
        )));
    }
    queries
}

/// An index built in slices of `slice` organisations and finished step by step gives
/// the same results and facet counts as `Index::new` for every query.
fn check_same_answers(catalog: &Catalog, builder: &mut IndexBuilder, slice: usize) {
    while builder.add(catalog, slice) > 0 {}
    let mut finishing = builder.finishing();
    let mut steps = 0;
    let pieces = loop {
        steps += 1;
        if let Some(index) = finishing.step() {
            break index;
        }
    };
    assert!(steps > 10, "the finish is cut into steps, not {steps}");
    let whole = Index::new(catalog);
    for query in queries() {
        assert_eq!(
            pieces.search(&query.selection),
            whole.search(&query.selection),
            "{}",
            query.to_query_string()
        );
    }
}

#[test]
fn an_index_built_in_pieces_answers_as_one_built_at_once() {
    let catalog = synth_catalog(3_000, 3);
    for slice in [1, 97, 1_000, usize::MAX] {
        check_same_answers(&catalog, &mut IndexBuilder::new(&catalog), slice);
    }
}

#[test]
fn an_index_kept_up_with_arriving_shards_answers_for_all_of_them() {
    let (_, mut assembly, texts) = sharded();
    let mut builder = IndexBuilder::new(assembly.catalog());
    for (i, (region, text)) in texts.iter().enumerate() {
        assembly
            .add(region, text, &sha256_hex(text.as_bytes()))
            .expect("a listed shard is added");
        // An index of what has arrived so far, every few shards, as the app makes them.
        if i % 20 == 0 {
            check_same_answers(assembly.catalog(), &mut builder, 250);
        }
    }
    check_same_answers(assembly.catalog(), &mut builder, 250);
}

#[test]
fn every_shard_added_gives_the_whole_catalog() {
    let (catalog, mut assembly, texts) = sharded();
    for (region, text) in texts.iter().rev() {
        let added = assembly
            .add(region, text, &sha256_hex(text.as_bytes()))
            .expect("added");
        assert!(added > 0);
        // A shard that arrives twice (a retry that raced) adds nothing.
        assert_eq!(
            assembly.add(region, text, &sha256_hex(text.as_bytes())),
            Ok(0)
        );
    }
    assert_eq!(assembly.added(), texts.len());
    assert!(texts.len() >= 10, "{} shards", texts.len());
    assert!(assembly.to_load(&[]).is_empty());
    let mut ids: Vec<&str> = assembly
        .catalog()
        .organizations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    let mut expected: Vec<&str> = catalog
        .organizations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    ids.sort_unstable();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert!(assembly.problems().is_empty());
}

#[test]
fn the_regions_asked_for_load_first() {
    let (_, assembly, _) = sharded();
    let listed: Vec<String> = assembly
        .to_load(&[])
        .into_iter()
        .map(|s| s.region)
        .collect();
    let last = listed.last().expect("shards").clone();
    let order: Vec<String> = assembly
        .to_load(&[last.clone(), "42".into(), "no-such".into()])
        .into_iter()
        .map(|s| s.region)
        .collect();
    assert_eq!(order.len(), listed.len());
    // The asked-for regions in the top file's order, then the others in theirs.
    let expected: Vec<String> = listed
        .iter()
        .filter(|r| **r == last || *r == "42")
        .chain(listed.iter().filter(|r| **r != last && *r != "42"))
        .cloned()
        .collect();
    assert_eq!(order, expected);
    assert_ne!(order, listed);
}

/// A shard changed after publication, or listed for another region, is refused whole
/// and leaves the catalog as it was.
#[test]
fn a_shard_that_is_not_the_one_listed_is_refused() {
    let (_, mut assembly, texts) = sharded();
    let (region, text) = &texts[0];
    let forged = text.replacen("vk.com/", "vk.com/fake_", 1);
    let cases: [(&str, &str, String, &str); 3] = [
        (region, &forged, sha256_hex(forged.as_bytes()), "Digest"),
        (region, text, "00".repeat(32), "Digest"),
        ("no-such", text, sha256_hex(text.as_bytes()), "ShardRegion"),
    ];
    for (region, text, digest, kind) in cases {
        let error = assembly.add(region, text, &digest).expect_err(kind);
        assert!(format!("{error:?}").starts_with(kind), "{error:?}");
    }
    assert!(matches!(
        assembly.add(region, &forged, &sha256_hex(forged.as_bytes())),
        Err(LoadError::Digest { .. })
    ));
    assert!(assembly.catalog().organizations.is_empty());
    assert_eq!(assembly.added(), 0);
}

/// The same organisation id in two shards: the second is skipped and reported.
#[test]
fn an_id_already_loaded_from_another_shard_is_skipped_and_reported() {
    let catalog = synth_catalog(4_000, 7);
    let (top, files) = catalog.to_shards();
    let text_of = |region: &str| {
        files
            .iter()
            .find(|f| f.region == region)
            .map(|f| f.text.clone())
            .expect("the region has a shard")
    };
    let other = catalog
        .organizations
        .iter()
        .map(|o| o.region.clone())
        .find(|r| r != "42")
        .expect("a second region");
    let (first, second) = (text_of("42"), text_of(&other));
    let taken = catalog
        .organizations
        .iter()
        .find(|o| o.region == "42")
        .expect("an organisation of region 42")
        .id
        .clone();
    // The other region's first record given the id of one in region 42.
    let copied = second.replacen("\"id\":\"", &format!("\"id\":\"{taken}\",\"was\":\""), 1);
    let mut loaded = parse_catalog(&top).expect("top");
    for shard in &mut loaded.catalog.shards {
        if shard.region == other {
            shard.sha256 = sha256_hex(copied.as_bytes());
        }
    }
    let mut assembly = Assembly::new(loaded);
    let from_42 = assembly
        .add("42", &first, &sha256_hex(first.as_bytes()))
        .expect("added");
    let from_other = assembly
        .add(&other, &copied, &sha256_hex(copied.as_bytes()))
        .expect("added");
    let in_other = catalog
        .organizations
        .iter()
        .filter(|o| o.region == other)
        .count();
    assert_eq!(from_other, in_other - 1);
    assert_eq!(assembly.catalog().organizations.len(), from_42 + from_other);
    assert_eq!(assembly.skipped().organizations, 1);
    let problem = assembly.problems().last().expect("reported");
    assert_eq!(
        (problem.record.as_str(), problem.field.as_str()),
        (taken.as_str(), "id")
    );
    assert!(problem.message.contains("duplicate id"), "{problem}");
}
