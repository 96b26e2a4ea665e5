//! Fakes: for every channel of the demo catalog, the lookalikes a forger would register —
//! letters of another alphabet, hidden characters, swapped characters, one character
//! more, less or different, an imitated site — and none of them is called official.

use catalog::{Catalog, Checker, Verdict};
use catalog_tool::demo::demo_catalog;

/// Cyrillic letters drawn like Latin ones.
const CYRILLIC: [(char, char); 11] = [
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('c', 'с'),
    ('x', 'х'),
    ('y', 'у'),
    ('k', 'к'),
    ('m', 'м'),
    ('t', 'т'),
    ('h', 'н'),
];

/// The lookalikes of one handle.
fn lookalikes(handle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = handle.chars().collect();
    // Another alphabet: each letter that has a twin, one at a time, and all of them.
    for (i, c) in chars.iter().enumerate() {
        if let Some((_, twin)) = CYRILLIC.iter().find(|(latin, _)| latin == c) {
            let mut fake = chars.clone();
            fake[i] = *twin;
            out.push(fake.into_iter().collect());
        }
    }
    out.push(
        chars
            .iter()
            .map(|c| {
                CYRILLIC
                    .iter()
                    .find(|(l, _)| l == c)
                    .map_or(*c, |(_, t)| *t)
            })
            .collect(),
    );
    // Hidden characters, and swapped lookalikes within Latin.
    out.push(format!("{}\u{200b}{}", &handle[..1], &handle[1..]));
    out.push(format!("\u{202e}{handle}"));
    out.push(handle.replacen('o', "0", 1));
    out.push(handle.replacen('l', "1", 1));
    out.push(handle.replacen('i', "l", 1));
    out.push(handle.replacen('m', "rn", 1));
    out.push(handle.replacen('_', "-", 1));
    out.push(handle.replacen('_', "", 1));
    // One character more, less or different, at the start, middle and end.
    for i in [0, chars.len() / 2, chars.len() - 1] {
        let mut more = chars.clone();
        more.insert(i, chars[i]);
        out.push(more.into_iter().collect());
        let mut less = chars.clone();
        less.remove(i);
        out.push(less.into_iter().collect());
        let mut other = chars.clone();
        other[i] = if chars[i] == 'x' { 'z' } else { 'x' };
        out.push(other.into_iter().collect());
    }
    out.push(format!("{handle}_official"));
    out.push(format!("{handle}1"));
    out.retain(|fake| fake != handle && !fake.is_empty());
    out.sort();
    out.dedup();
    out
}

/// The address of a channel on its platform's main host, with `handle` in its place.
fn address(catalog: &Catalog, platform: &str, handle: &str) -> String {
    let host = &catalog.platform(platform).expect("platform").hosts[0];
    format!("https://{host}/{handle}")
}

#[test]
fn no_lookalike_of_any_demo_channel_passes_as_official() {
    let catalog = demo_catalog();
    let checker = Checker::new(&catalog);
    let mut checked = 0;
    let mut warned = 0;
    for org in &catalog.organizations {
        for channel in &org.channels {
            let handle = channel.handle.to_lowercase();
            for fake in lookalikes(&handle) {
                let url = address(&catalog, &channel.platform, &fake);
                let check = checker.check(&url);
                checked += 1;
                match &check.verdict {
                    // A "lookalike" that is itself a catalog channel (school12 → school13)
                    // is official as that channel, and only if its address is exactly it.
                    Verdict::Official(found) => {
                        for r in found {
                            let real =
                                &catalog.organizations[r.org as usize].channels[r.channel as usize];
                            assert_eq!(
                                real.handle.to_lowercase(),
                                fake,
                                "{url} passed as {}",
                                real.url
                            );
                            assert!(fake.is_ascii(), "{url}");
                        }
                    }
                    Verdict::Lookalike { .. } => warned += 1,
                    Verdict::NotFound(_) | Verdict::Suspicious { .. } => {}
                }
            }
            // The site imitated, with the real handle.
            for host in [
                "vk.co",
                "vк.com",
                "vk.com.gov-ru.site",
                "t.me.kuzbass.ru",
                "max.ru.com",
            ] {
                let url = format!("https://{host}/{handle}");
                assert!(
                    !matches!(checker.check(&url).verdict, Verdict::Official(_)),
                    "{url}"
                );
                checked += 1;
            }
        }
    }
    eprintln!("{checked} lookalike addresses checked, {warned} warned as lookalikes");
    // Most lookalikes are recognised as such, not only refused.
    assert!(checked > 100_000, "{checked}");
    assert!(
        warned * 10 > checked * 6,
        "{warned} of {checked} warned as lookalikes"
    );
}
