//! `diff`: what changed between two publications of a catalog, for a person to review
//! before publishing; and the `added` stamp, which carries each channel's date over from
//! the previous publication.
//!
//! Organisations are matched by id. A channel is matched within its organisation by the
//! core's identity of a channel ([`channel_identity`]: platform and channel key), so a
//! link rewritten from `m.vk.com/club1` to `vk.com/public1` is the same channel with a
//! changed address, not one removed and one added.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt;
use std::sync::Arc;

use catalog::{Catalog, Channel, Facet, IsoDate, Lang, Organization};

use crate::import::channel_identity;

/// What a line of the report says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sign {
    Removed,
    Added,
    Changed,
}

impl Sign {
    fn mark(self) -> char {
        match self {
            Sign::Removed => '−',
            Sign::Added => '+',
            Sign::Changed => '~',
        }
    }
}

/// One line of the report: an organisation or a channel added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub sign: Sign,
    /// In Russian: `канал 42-1 «МБОУ СОШ № 1»: ВКонтакте https://vk.com/school1`.
    pub text: String,
}

/// The changes in one region (an organisation that moved is in its new region).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionChanges {
    pub code: String,
    /// The region's name as the app shows it (its short name where there is one).
    pub name: String,
    pub changes: Vec<Change>,
}

/// Everything that changed, region by region in code order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub regions: Vec<RegionChanges>,
    pub organizations_added: usize,
    pub organizations_removed: usize,
    pub channels_added: usize,
    pub channels_removed: usize,
    /// Organisations and channels still there with a changed name, region, sector,
    /// address or mark.
    pub changed: usize,
}

impl Diff {
    /// Whether anything was removed: `diff` then exits with status 1, so that a script
    /// publishing a catalog stops for a person to look.
    pub fn removes(&self) -> bool {
        self.organizations_removed + self.channels_removed > 0
    }
}

impl fmt::Display for Diff {
    /// The report: a heading per region with its lines under it, then the totals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for region in &self.regions {
            writeln!(f, "Регион {} · {}", region.code, region.name)?;
            for change in &region.changes {
                writeln!(f, "  {} {}", change.sign.mark(), change.text)?;
            }
        }
        if self.regions.is_empty() {
            writeln!(f, "Изменений нет / no changes")
        } else {
            writeln!(
                f,
                "Итого: организаций +{} −{}, каналов +{} −{}, изменено {} \
                 / organizations +{} −{}, channels +{} −{}, {} changed",
                self.organizations_added,
                self.organizations_removed,
                self.channels_added,
                self.channels_removed,
                self.changed,
                self.organizations_added,
                self.organizations_removed,
                self.channels_added,
                self.channels_removed,
                self.changed,
            )
        }
    }
}

/// Compares two publications: `old`, the one readers have, and `new`, the one about to
/// replace it.
pub fn diff(old: &Catalog, new: &Catalog) -> Diff {
    let mut diff = Diff::default();
    // Region code → organisation id → its lines, so that each region's lines come in id
    // order whichever catalog an organisation is in.
    let mut by_region: BTreeMap<String, BTreeMap<String, Vec<Change>>> = BTreeMap::new();
    let old_by_id: HashMap<&str, &Arc<Organization>> = old
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let new_by_id: HashMap<&str, &Arc<Organization>> = new
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    for org in &new.organizations {
        let mut lines = Vec::new();
        match old_by_id.get(org.id.as_str()) {
            None => {
                diff.organizations_added += 1;
                lines.push(change(Sign::Added, format!("организация {}", who(org))));
                for channel in &org.channels {
                    diff.channels_added += 1;
                    lines.push(change(Sign::Added, channel_line(new, org, channel)));
                }
            }
            Some(before) => {
                let fields = organization_changes(old, new, before, org);
                if !fields.is_empty() {
                    diff.changed += 1;
                    let text = format!("организация {}: {}", who(org), fields.join("; "));
                    lines.push(change(Sign::Changed, text));
                }
                channel_changes(&mut diff, &mut lines, (old, new), before, org);
            }
        }
        if !lines.is_empty() {
            let region = by_region.entry(org.region.clone()).or_default();
            region.entry(org.id.clone()).or_default().extend(lines);
        }
    }
    for org in &old.organizations {
        if new_by_id.contains_key(org.id.as_str()) {
            continue;
        }
        diff.organizations_removed += 1;
        let mut lines = vec![change(Sign::Removed, format!("организация {}", who(org)))];
        for channel in &org.channels {
            diff.channels_removed += 1;
            lines.push(change(Sign::Removed, channel_line(old, org, channel)));
        }
        let region = by_region.entry(org.region.clone()).or_default();
        region.entry(org.id.clone()).or_default().extend(lines);
    }
    for (code, orgs) in by_region {
        // The new catalog names the region; the old one where the new one has no such
        // region any more.
        let name = if new.region(&code).is_some() {
            new.label(Facet::Region, &code, Lang::Ru)
        } else {
            old.label(Facet::Region, &code, Lang::Ru)
        };
        diff.regions.push(RegionChanges {
            code,
            name,
            changes: orgs.into_values().flatten().collect(),
        });
    }
    diff
}

/// What the `added` stamp did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamped {
    /// Channels the previous publication had, with the date they had there.
    pub kept: usize,
    /// Channels the previous publication had without a date: they stay without one
    /// (they are not new, and when they came is not known).
    pub undated: usize,
    /// Channels new in this publication, dated `today` (or the date they already had).
    pub new: usize,
}

/// `new` with every channel's `added` filled in from `previous`. A channel the previous
/// publication had keeps the date it had there, and one it had without a date stays
/// without one (it is not news); a new channel keeps the date it carries, or gets
/// `today`. A channel is looked for in the same organisation first, then in any: a
/// channel moved to another organisation record (an organisation renamed, whose id the
/// import derives from its name) is not new to citizens and is not announced again.
pub fn stamp(previous: &Catalog, new: &Catalog, today: IsoDate) -> (Catalog, Stamped) {
    let mut in_org: HashMap<(&str, String), Option<IsoDate>> = HashMap::new();
    let mut anywhere: HashMap<String, Option<IsoDate>> = HashMap::new();
    for org in &previous.organizations {
        for channel in &org.channels {
            let identity = channel_identity(channel);
            in_org.insert((org.id.as_str(), identity.clone()), channel.added);
            let earliest = anywhere.entry(identity).or_insert(channel.added);
            *earliest = match (*earliest, channel.added) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }
    let mut stamped = Stamped::default();
    let mut catalog = new.clone();
    for org in &mut catalog.organizations {
        let mut changed = (**org).clone();
        for channel in &mut changed.channels {
            let identity = channel_identity(channel);
            let before = in_org
                .get(&(org.id.as_str(), identity.clone()))
                .or_else(|| anywhere.get(&identity));
            match before {
                Some(Some(date)) => {
                    stamped.kept += 1;
                    channel.added = Some(*date);
                }
                Some(None) => {
                    stamped.undated += 1;
                    channel.added = None;
                }
                None => {
                    stamped.new += 1;
                    channel.added = channel.added.or(Some(today));
                }
            }
        }
        *org = Arc::new(changed);
    }
    (catalog, stamped)
}

fn change(sign: Sign, text: String) -> Change {
    Change { sign, text }
}

/// An organisation as the report names it: id and name.
fn who(org: &Organization) -> String {
    format!("{} «{}»", org.id, org.name)
}

fn channel_line(catalog: &Catalog, org: &Organization, channel: &Channel) -> String {
    format!(
        "канал {}: {} {}",
        who(org),
        catalog.label(Facet::Platform, &channel.platform, Lang::Ru),
        channel.url
    )
}

fn organization_changes(
    old: &Catalog,
    new: &Catalog,
    before: &Organization,
    after: &Organization,
) -> Vec<String> {
    let mut fields = Vec::new();
    if before.name != after.name {
        fields.push(format!("название было «{}»", before.name));
    }
    if before.region != after.region {
        fields.push(format!(
            "регион {} → {}",
            old.label(Facet::Region, &before.region, Lang::Ru),
            new.label(Facet::Region, &after.region, Lang::Ru)
        ));
    }
    if before.sector != after.sector {
        fields.push(format!(
            "сфера {} → {}",
            old.label(Facet::Sector, &before.sector, Lang::Ru),
            new.label(Facet::Sector, &after.sector, Lang::Ru)
        ));
    }
    fields
}

/// The channels of an organisation both publications have: each matched by identity
/// (the same identity twice in one organisation is matched in order).
fn channel_changes(
    diff: &mut Diff,
    lines: &mut Vec<Change>,
    (old, new): (&Catalog, &Catalog),
    before: &Organization,
    after: &Organization,
) {
    let mut unmatched: HashMap<String, VecDeque<&Channel>> = HashMap::new();
    for channel in &before.channels {
        let queue = unmatched.entry(channel_identity(channel)).or_default();
        queue.push_back(channel);
    }
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for channel in &after.channels {
        let identity = channel_identity(channel);
        let Some(earlier) = unmatched.get_mut(&identity).and_then(VecDeque::pop_front) else {
            diff.channels_added += 1;
            added.push(change(Sign::Added, channel_line(new, after, channel)));
            continue;
        };
        let mut fields = Vec::new();
        if earlier.url != channel.url {
            fields.push(format!("адрес был {}", earlier.url));
        }
        if earlier.verified != channel.verified {
            let yes_no = |mark: bool| if mark { "да" } else { "нет" };
            fields.push(format!(
                "отметка платформы {} → {}",
                yes_no(earlier.verified),
                yes_no(channel.verified)
            ));
        }
        if earlier.listed_on_website != channel.listed_on_website {
            let yes_no = |listed: bool| if listed { "да" } else { "нет" };
            fields.push(format!(
                "ссылка на сайте организации {} → {}",
                yes_no(earlier.listed_on_website),
                yes_no(channel.listed_on_website)
            ));
        }
        if earlier.checked != channel.checked {
            let day =
                |date: Option<IsoDate>| date.map_or_else(|| "нет".to_string(), |d| d.to_string());
            fields.push(format!(
                "дата проверки {} → {}",
                day(earlier.checked),
                day(channel.checked)
            ));
        }
        if !fields.is_empty() {
            diff.changed += 1;
            let text = format!(
                "{}: {}",
                channel_line(new, after, channel),
                fields.join("; ")
            );
            changed.push(change(Sign::Changed, text));
        }
    }
    // What was not matched was removed, in the old publication's order.
    let mut removed = Vec::new();
    for channel in &before.channels {
        let identity = channel_identity(channel);
        let still = unmatched
            .get(&identity)
            .is_some_and(|queue| queue.iter().any(|c| std::ptr::eq(*c, channel)));
        if still {
            diff.channels_removed += 1;
            removed.push(change(Sign::Removed, channel_line(old, before, channel)));
        }
    }
    lines.extend(removed);
    lines.extend(added);
    lines.extend(changed);
}
