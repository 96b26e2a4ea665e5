//! What a search is asked: the text, the filters and the order. This is all
//! [`Index::search`](crate::Index::search) reads, and so also the key a list of results
//! belongs to: two equal selections have the same results. The rest of what an address
//! holds (the open card, the page, the language, the widget's settings) is the
//! [`Page`](crate::Page) around it.

use crate::model::Catalog;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Best match first; with no text, most subscribers first.
    #[default]
    Relevance,
    /// Most subscribers (over all of an organisation's channels) first.
    Subscribers,
    /// Russian alphabetical order of the name.
    Name,
}

impl Sort {
    /// Every order, in the order a sort control lists them.
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Subscribers, Sort::Name];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Subscribers => "subscribers",
            Sort::Name => "name",
        }
    }

    /// Reads a URL value.
    pub fn parse(value: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == value)
    }
}

/// A filter of the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Region,
    Municipality,
    Sector,
    Platform,
}

impl Facet {
    /// Every filter, in URL order.
    pub const ALL: [Facet; 4] = [
        Facet::Region,
        Facet::Municipality,
        Facet::Sector,
        Facet::Platform,
    ];

    /// The URL parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Municipality => "municipality",
            Facet::Sector => "sector",
            Facet::Platform => "platform",
        }
    }
}

/// The text, the filters and the order of a search.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Selection {
    /// The search text exactly as typed (it is the search box's value).
    pub text: String,
    /// Region codes; several mean any of them.
    pub regions: Vec<String>,
    /// Municipality names; several mean any of them.
    pub municipalities: Vec<String>,
    /// Sector ids; several mean any of them.
    pub sectors: Vec<String>,
    /// Platform ids; several mean any of them.
    pub platforms: Vec<String>,
    pub sort: Sort,
}

impl Selection {
    /// The values chosen for one filter.
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Region => &self.regions,
            Facet::Municipality => &self.municipalities,
            Facet::Sector => &self.sectors,
            Facet::Platform => &self.platforms,
        }
    }

    /// The values chosen for one filter, to change them.
    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Region => &mut self.regions,
            Facet::Municipality => &mut self.municipalities,
            Facet::Sector => &mut self.sectors,
            Facet::Platform => &mut self.platforms,
        }
    }

    /// The same selection with one filter value added, or removed if it was chosen.
    /// Dropping the last region also drops the municipalities, which belong to it.
    pub fn toggled(&self, facet: Facet, value: &str) -> Selection {
        let mut next = self.clone();
        let values = next.values_mut(facet);
        match values.iter().position(|v| v == value) {
            Some(i) => {
                values.remove(i);
            }
            None => {
                values.push(value.to_string());
                values.sort();
            }
        }
        if facet == Facet::Region && next.regions.is_empty() {
            next.municipalities.clear();
        }
        next
    }

    /// Drops values the catalog does not have, so a stale or hand-edited link shows
    /// what it can instead of nothing.
    pub fn sanitized(mut self, catalog: &Catalog) -> Selection {
        self.regions.retain(|code| catalog.region(code).is_some());
        self.sectors.retain(|id| catalog.sector(id).is_some());
        self.platforms.retain(|id| catalog.platform(id).is_some());
        let regions = &self.regions;
        self.municipalities.retain(|name| {
            catalog.organizations.iter().any(|org| {
                org.municipality.as_deref() == Some(name.as_str())
                    && (regions.is_empty() || regions.contains(&org.region))
            })
        });
        self
    }
}
