//! The demonstration catalog: a Kuzbass-sized catalog with realistic names and invented
//! handles, generated deterministically so that the committed file can be checked
//! against a fresh run.
//!
//! Sizes follow the public figures for Kemerovo Oblast – Kuzbass (2,750 official pages,
//! 436 MAX channels, the governor's MAX channel over 12,000 subscribers); each
//! municipality gets institutions in proportion to its population, and education is
//! about half of the whole, as it is in the national figures.

use std::collections::HashSet;
use std::sync::Arc;

use catalog::{
    transliterate, Catalog, Channel, Level, Organization, Platform, PlatformKind, Sector,
};

use crate::reference::{kuzbass_municipalities, regions, Municipality};

/// The date the demo claims for its data. Fixed, not the clock, so the output is stable.
const UPDATED: &str = "2026-11-20";
const KUZBASS: &str = "42";

/// A national-scale synthetic catalog for benchmarks: `orgs` organisations over all 89
/// regions, with the demo's institutions and names, from a seed. Kuzbass is generated
/// as in the demo; each other region gets invented municipalities whose sizes are
/// drawn, so regions differ in size as they do in life. Education is about half, VK
/// nearly everywhere, MAX on about one organisation in seven.
pub fn synth_catalog(orgs: usize, seed: u64) -> Catalog {
    let mut catalog = demo_catalog();
    catalog.title = Some(format!(
        "Синтетический каталог: {orgs} организаций, seed {seed}"
    ));
    catalog.source =
        Some("Сгенерировано catalog-tool synth для замеров скорости; всё выдумано.".to_string());
    let mut builder = Builder::new(seed);
    builder.minor_platforms = 250;
    builder.handles = catalog
        .organizations
        .iter()
        .flat_map(|o| {
            o.channels
                .iter()
                .map(|c| format!("{}/{}", c.platform, c.handle))
        })
        .collect();
    let others: Vec<String> = catalog
        .regions
        .iter()
        .map(|r| r.code.clone())
        .filter(|c| c != KUZBASS)
        .collect();
    let mut all = std::mem::take(&mut catalog.organizations);
    let mut per_region: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut round = 0;
    while all.len() + builder.orgs.len() < orgs && !others.is_empty() {
        for code in &others {
            builder.region = code.clone();
            let adjective = builder.rng.pick(&VILLAGES).to_string();
            let is_city = builder.rng.chance(400);
            let kind = if is_city {
                "городской округ"
            } else {
                "муниципальный округ"
            };
            let municipality = Municipality {
                name: format!("{adjective} {kind} № {}", round + 1),
                is_city,
            };
            let population = 10 + builder.rng.audience(0, 400) as u32;
            let before = builder.orgs.len();
            builder.municipality(&municipality, population);
            // Ids run per region, so renumber what this municipality added.
            let in_region = per_region.entry(code.clone()).or_default();
            for org in &mut builder.orgs[before..] {
                *in_region += 1;
                org.id = format!("{code}-{:06}", *in_region);
            }
            if all.len() + builder.orgs.len() >= orgs {
                break;
            }
        }
        round += 1;
    }
    all.extend(builder.orgs.drain(..).map(Arc::new));
    all.truncate(orgs);
    catalog.organizations = all;
    catalog
}

/// Builds the demo catalog. The same catalog every run.
pub fn demo_catalog() -> Catalog {
    let mut builder = Builder::new(0x6b75_7a62_6173_7321);
    builder.regional_bodies();
    // The evidence a publisher gathers, as invented as the handles: the regional bodies'
    // marked channels were "checked" on the day of the data, and the governor's VK and
    // MAX pages "found" on the governor's site. Set after the draws, so the rest of the
    // demo is what it was.
    let checked = catalog::IsoDate::parse(UPDATED);
    for (index, org) in builder.orgs.iter_mut().enumerate() {
        for channel in org.channels.iter_mut().filter(|c| c.verified) {
            channel.checked = checked;
            channel.listed_on_website =
                index == 0 && matches!(channel.platform.as_str(), "vk" | "max");
        }
    }
    for (municipality, population) in kuzbass_municipalities().iter().zip(POPULATION_THOUSANDS) {
        builder.municipality(municipality, population);
    }
    Catalog {
        title: Some("Госпаблики Кузбасса — демонстрационный каталог".to_string()),
        updated: catalog::IsoDate::parse(UPDATED),
        demo: true,
        source: Some(
            "Демонстрационные данные: организации и объёмы правдоподобны, адреса каналов и \
             числа подписчиков выдуманы. Список регионов: hflabs/region (HFLabs / DaData.ru), \
             CC BY-SA 4.0."
                .to_string(),
        ),
        license: Some("CC BY-SA 4.0".to_string()),
        feedback_url: None,
        feeds: None,
        regions: regions(),
        sectors: sectors(),
        platforms: platforms(),
        organizations: builder.orgs.into_iter().map(Arc::new).collect(),
        shards: Vec::new(),
    }
}

/// The sector list every catalog of ours ships.
pub fn sectors() -> Vec<Sector> {
    [
        ("government", "Органы власти", "Government bodies"),
        ("education", "Образование", "Education"),
        ("culture", "Культура", "Culture"),
        ("health", "Здравоохранение", "Health care"),
        ("sport", "Физкультура и спорт", "Sport"),
        ("social", "Социальная защита", "Social protection"),
        ("youth", "Молодёжная политика", "Youth policy"),
        ("housing", "ЖКХ и благоустройство", "Housing and utilities"),
        ("safety", "Безопасность и ЧС", "Safety and emergencies"),
        ("services", "Госуслуги и МФЦ", "Public services"),
        ("transport", "Транспорт", "Transport"),
    ]
    .into_iter()
    .map(|(id, name, name_en)| Sector {
        id: id.to_string(),
        name: name.to_string(),
        name_en: Some(name_en.to_string()),
    })
    .collect()
}

/// The platforms named by the law and the national messenger; their hosts are the
/// core's.
pub fn platforms() -> Vec<Platform> {
    [
        (PlatformKind::Vk, "ВКонтакте", "VK"),
        (PlatformKind::Ok, "Одноклассники", "Odnoklassniki"),
        (PlatformKind::Max, "MAX", "MAX"),
        (PlatformKind::Telegram, "Telegram", "Telegram"),
    ]
    .into_iter()
    .map(|(kind, name, name_en)| Platform {
        id: kind.as_str().to_string(),
        name: name.to_string(),
        name_en: Some(name_en.to_string()),
        hosts: kind.hosts().iter().map(|h| h.to_string()).collect(),
    })
    .collect()
}

/// Approximate population in thousands, in the order of the municipalities file.
/// Only the proportions matter: they size each municipality's institutions.
const POPULATION_THOUSANDS: [u32; 34] = [
    67, 120, 45, 28, 550, 85, 13, 95, 95, 40, 540, 43, 26, 185, 23, 80, // city okrugs
    28, 38, 10, 50, 22, 23, 50, 50, 30, 45, 50, 20, 40, 25, 12, 20, 15,
    25, // municipal okrugs
];

/// How likely an organisation of a kind is to have each platform, and how big its
/// audience is there: (chance in thousandths, fewest subscribers, most subscribers).
struct Reach {
    vk: (u64, u64, u64),
    max: (u64, u64, u64),
    ok: (u64, u64, u64),
    telegram: (u64, u64, u64),
}

const SCHOOL: Reach = Reach {
    vk: (985, 250, 3_000),
    max: (150, 30, 700),
    ok: (120, 50, 800),
    telegram: (40, 50, 500),
};
const KINDERGARTEN: Reach = Reach {
    vk: (970, 80, 900),
    max: (90, 20, 300),
    ok: (150, 30, 500),
    telegram: (15, 30, 300),
};
const EXTRA_EDUCATION: Reach = Reach {
    vk: (980, 200, 2_500),
    max: (150, 30, 600),
    ok: (150, 50, 900),
    telegram: (60, 50, 600),
};
const COLLEGE: Reach = Reach {
    vk: (1000, 800, 6_000),
    max: (300, 50, 1_500),
    ok: (100, 50, 800),
    telegram: (200, 100, 2_000),
};
const ADMINISTRATION: Reach = Reach {
    vk: (1000, 3_000, 40_000),
    max: (1000, 500, 8_000),
    ok: (700, 500, 10_000),
    telegram: (800, 1_000, 20_000),
};
const GOVERNMENT_OFFICE: Reach = Reach {
    vk: (960, 200, 4_000),
    max: (450, 50, 1_500),
    ok: (300, 50, 1_500),
    telegram: (150, 100, 2_000),
};
const CULTURE: Reach = Reach {
    vk: (980, 200, 5_000),
    max: (130, 30, 800),
    ok: (350, 100, 3_000),
    telegram: (60, 50, 800),
};
const HEALTH: Reach = Reach {
    vk: (990, 500, 12_000),
    max: (250, 100, 3_000),
    ok: (300, 100, 4_000),
    telegram: (150, 200, 4_000),
};
const SPORT: Reach = Reach {
    vk: (980, 150, 3_000),
    max: (100, 30, 600),
    ok: (120, 50, 800),
    telegram: (60, 50, 600),
};
const SOCIAL: Reach = Reach {
    vk: (980, 150, 2_500),
    max: (200, 30, 800),
    ok: (300, 50, 1_500),
    telegram: (50, 50, 500),
};
const YOUTH: Reach = Reach {
    vk: (1000, 300, 5_000),
    max: (250, 50, 1_000),
    ok: (80, 50, 500),
    telegram: (300, 100, 2_000),
};
const CITY_SERVICE: Reach = Reach {
    vk: (970, 300, 8_000),
    max: (350, 100, 2_000),
    ok: (250, 100, 2_000),
    telegram: (250, 200, 3_000),
};
const REGIONAL: Reach = Reach {
    vk: (1000, 5_000, 80_000),
    max: (1000, 1_000, 11_000),
    ok: (800, 1_000, 20_000),
    telegram: (900, 2_000, 40_000),
};
const FEDERAL: Reach = Reach {
    vk: (1000, 3_000, 40_000),
    max: (800, 500, 9_000),
    ok: (500, 500, 8_000),
    telegram: (700, 1_000, 15_000),
};

const KINDERGARTEN_NAMES: [&str; 24] = [
    "Солнышко",
    "Ромашка",
    "Берёзка",
    "Колокольчик",
    "Светлячок",
    "Теремок",
    "Радуга",
    "Сказка",
    "Ласточка",
    "Улыбка",
    "Золотой ключик",
    "Рябинка",
    "Звёздочка",
    "Журавушка",
    "Родничок",
    "Снежинка",
    "Дюймовочка",
    "Алёнушка",
    "Малышок",
    "Чебурашка",
    "Незабудка",
    "Кораблик",
    "Белочка",
    "Сибирячок",
];
const HOUSE_OF_CULTURE_NAMES: [&str; 14] = [
    "Шахтёр",
    "Горняк",
    "Юбилейный",
    "Октябрь",
    "Энергетик",
    "Металлург",
    "Россия",
    "Родина",
    "Победа",
    "Строитель",
    "Химик",
    "Железнодорожник",
    "Современник",
    "Гармония",
];
const VILLAGES: [&str; 30] = [
    "Сосновский",
    "Ивановский",
    "Михайловский",
    "Каменский",
    "Берёзовский",
    "Никольский",
    "Покровский",
    "Заречный",
    "Октябрьский",
    "Первомайский",
    "Степной",
    "Лесной",
    "Успенский",
    "Александровский",
    "Вознесенский",
    "Листвянский",
    "Малиновский",
    "Тарасовский",
    "Падунский",
    "Зеленогорский",
    "Краснинский",
    "Шишинский",
    "Борисовский",
    "Арсентьевский",
    "Смирновский",
    "Коротковский",
    "Окуневский",
    "Ключевской",
    "Таловский",
    "Кузедеевский",
];
const YOUTH_CENTRE_NAMES: [&str; 8] = [
    "Вектор",
    "Импульс",
    "Лидер",
    "Патриот",
    "Навигатор",
    "Ровесник",
    "Юность",
    "Меридиан",
];
const SPORT_COMPLEX_NAMES: [&str; 6] =
    ["Олимп", "Лидер", "Атлант", "Чемпион", "Юность", "Звёздный"];
const OLYMPIC_SPORTS: [&str; 8] = [
    "хоккею с мячом",
    "лыжным гонкам",
    "боксу",
    "самбо и дзюдо",
    "плаванию",
    "лёгкой атлетике",
    "спортивной гимнастике",
    "горнолыжному спорту",
];
const SCHOOL_NAMESAKES: [&str; 8] = [
    "имени Героя Советского Союза В. Д. Волошиной",
    "имени А. А. Леонова",
    "имени М. А. Волкова",
    "имени Г. Е. Николаевой",
    "имени В. А. Капитонова",
    "имени Т. Ф. Горбачёва",
    "имени Героя России С. В. Ларина",
    "имени Ф. Д. Лапина",
];

/// SplitMix64: tiny, fast and fully specified, so the demo is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A count in `lo..=hi`, skewed towards `lo` the way audiences are: most channels
    /// are small, a few are large. Integer arithmetic only, for determinism.
    fn audience(&mut self, lo: u64, hi: u64) -> u64 {
        let u = self.below(1000);
        lo + (hi - lo) * u * u * u / 1_000_000_000
    }
}

/// What one new organisation is, before it gets an id and channels.
struct Spec<'a> {
    name: String,
    short_name: Option<String>,
    municipality: Option<&'a str>,
    sector: &'static str,
    level: Level,
    /// The stem of its invented handles, Latin letters, digits and `_`.
    slug: String,
    reach: &'a Reach,
}

struct Builder {
    rng: Rng,
    orgs: Vec<Organization>,
    handles: HashSet<String>,
    /// The region code of the organisations being added.
    region: String,
    /// Thousandths of the Kuzbass rate at which OK and Telegram channels are drawn: the
    /// national figures (about 215,000 channels for 175,000 organisations) have fewer.
    minor_platforms: u64,
}

impl Builder {
    fn new(seed: u64) -> Builder {
        Builder {
            rng: Rng(seed),
            orgs: Vec::new(),
            handles: HashSet::new(),
            region: KUZBASS.to_string(),
            minor_platforms: 1000,
        }
    }

    /// The next organisation id: the region code and a running number.
    fn next_id(&self) -> String {
        format!("{}-{:05}", self.region, self.orgs.len() + 1)
    }

    fn add(&mut self, spec: Spec) {
        let id = self.next_id();
        let channels = self.channels(&spec.slug, spec.reach);
        let ogrn = self.ogrn();
        self.orgs.push(Organization {
            id,
            name: spec.name,
            short_name: spec.short_name,
            region: self.region.clone(),
            municipality: spec.municipality.map(str::to_string),
            sector: spec.sector.to_string(),
            level: Some(spec.level),
            ogrn: Some(ogrn),
            website: None,
            channels,
        });
    }

    fn channels(&mut self, slug: &str, reach: &Reach) -> Vec<Channel> {
        let mut channels = Vec::new();
        // VK is drawn last so that it can be the fallback below, and put first.
        let plans = [
            ("max", reach.max, 950),
            ("ok", reach.ok, 300),
            ("telegram", reach.telegram, 0),
            ("vk", reach.vk, 850),
        ];
        for (platform, (chance, lo, hi), verified_per_mille) in plans {
            // The law requires an official page, so nobody in the catalog has none: an
            // organisation that drew no other channel gets its VK page anyway.
            let required = platform == "vk" && channels.is_empty();
            let chance = match platform {
                "ok" | "telegram" => chance * self.minor_platforms / 1000,
                _ => chance,
            };
            if !self.rng.chance(chance) && !required {
                continue;
            }
            let path = self.path(platform, slug);
            let host = match platform {
                "vk" => "vk.com",
                "max" => "max.ru",
                "ok" => "ok.ru",
                _ => "t.me",
            };
            let subscribers = self.rng.audience(lo, hi);
            let verified = self.rng.chance(verified_per_mille);
            channels.push(Channel {
                platform: platform.to_string(),
                url: format!("https://{host}/{path}"),
                handle: path,
                subscribers: Some(subscribers),
                verified,
                added: None,
                checked: None,
                listed_on_website: false,
            });
        }
        if channels.last().is_some_and(|c| c.platform == "vk") {
            channels.rotate_right(1);
        }
        channels
    }

    /// A unique path on the platform: a readable slug most of the time, and the numeric
    /// forms VK and OK give to groups that never chose a name.
    fn path(&mut self, platform: &str, slug: &str) -> String {
        let base = match platform {
            "vk" if self.rng.chance(300) => {
                format!("club{}", 100_000_000 + self.rng.below(99_000_000))
            }
            "ok" if self.rng.chance(500) => format!(
                "group/{}",
                70_000_000_000_000 + self.rng.below(9_000_000_000_000)
            ),
            "max" => format!("{slug}_gos"),
            _ => slug.to_string(),
        };
        let mut path = base.clone();
        let mut n = 2;
        while !self.handles.insert(format!("{platform}/{path}")) {
            path = format!("{base}{n}");
            n += 1;
        }
        path
    }

    /// A 13-digit OGRN with a correct check digit, for a legal entity registered in 42.
    fn ogrn(&mut self) -> String {
        let year = 2 + self.rng.below(22);
        let body = format!("1{year:02}42{:07}", self.rng.below(10_000_000));
        let number: u64 = body.parse().unwrap_or(0);
        format!("{body}{}", number % 11 % 10)
    }

    fn regional_bodies(&mut self) {
        let regional = |name: &str, sector: &'static str, slug: &str| Spec {
            name: name.to_string(),
            short_name: None,
            municipality: None,
            sector,
            level: Level::Regional,
            slug: slug.to_string(),
            reach: &REGIONAL,
        };
        // The governor's channels are fixed rather than drawn: the public figure (over
        // 12,000 MAX subscribers) is something people will check the demo against.
        self.orgs.push(Organization {
            id: self.next_id(),
            name: "Губернатор Кемеровской области — Кузбасса".to_string(),
            short_name: Some("Губернатор Кузбасса".to_string()),
            region: KUZBASS.to_string(),
            municipality: None,
            sector: "government".to_string(),
            level: Some(Level::Regional),
            ogrn: None,
            website: None,
            channels: [
                ("vk", "vk.com", "gubernator_kuzbass", 312_400),
                ("max", "max.ru", "gubernator_kuzbass_gos", 12_480),
                ("telegram", "t.me", "gubernator_kuzbass", 98_700),
                ("ok", "ok.ru", "gubernator_kuzbass", 41_200),
            ]
            .into_iter()
            .map(|(platform, host, handle, subscribers)| {
                self.handles.insert(format!("{platform}/{handle}"));
                Channel {
                    platform: platform.to_string(),
                    url: format!("https://{host}/{handle}"),
                    handle: handle.to_string(),
                    subscribers: Some(subscribers),
                    verified: true,
                    added: None,
                    checked: None,
                    listed_on_website: false,
                }
            })
            .collect(),
        });
        let bodies: [(&str, &'static str, &str); 22] = [
            ("Правительство Кемеровской области — Кузбасса", "government", "pravitelstvo_kuzbass"),
            ("Законодательное собрание Кемеровской области — Кузбасса", "government", "zsko_kuzbass"),
            ("Министерство образования Кузбасса", "education", "minobr_kuzbass"),
            ("Министерство здравоохранения Кузбасса", "health", "minzdrav_kuzbass"),
            ("Министерство культуры и национальной политики Кузбасса", "culture", "minkult_kuzbass"),
            ("Министерство социальной защиты населения Кузбасса", "social", "minsoc_kuzbass"),
            ("Министерство физической культуры и спорта Кузбасса", "sport", "minsport_kuzbass"),
            ("Министерство молодёжной политики Кузбасса", "youth", "minmol_kuzbass"),
            ("Министерство жилищно-коммунального и дорожного комплекса Кузбасса", "housing", "mingkh_kuzbass"),
            ("Министерство транспорта Кузбасса", "transport", "mintrans_kuzbass"),
            ("Министерство строительства Кузбасса", "government", "minstroy_kuzbass"),
            ("Министерство экономического развития Кузбасса", "government", "mineconom_kuzbass"),
            ("Министерство сельского хозяйства и перерабатывающей промышленности Кузбасса", "government", "minselhoz_kuzbass"),
            ("Министерство угольной промышленности Кузбасса", "government", "minugol_kuzbass"),
            ("Министерство цифрового развития и связи Кузбасса", "government", "mincifra_kuzbass"),
            ("Министерство природных ресурсов и экологии Кузбасса", "government", "minprirody_kuzbass"),
            ("Министерство туризма Кузбасса", "culture", "minturizm_kuzbass"),
            ("Министерство труда и занятости населения Кузбасса", "social", "mintrud_kuzbass"),
            ("Главное управление по гражданской обороне и чрезвычайным ситуациям Кузбасса", "safety", "go_chs_kuzbass"),
            ("Государственное автономное учреждение «Уполномоченный многофункциональный центр предоставления государственных и муниципальных услуг на территории Кузбасса»", "services", "mfc_kuzbass"),
            ("Государственное автономное учреждение здравоохранения «Кузбасская клиническая больница скорой медицинской помощи имени М. А. Подгорбунского»", "health", "kkbsmp"),
            ("Государственное бюджетное учреждение здравоохранения «Кузбасская областная детская клиническая больница»", "health", "kodkb"),
        ];
        for (name, sector, slug) in bodies {
            let mut spec = regional(name, sector, slug);
            spec.short_name = match slug {
                "mfc_kuzbass" => Some("ГАУ «МФЦ Кузбасса»".to_string()),
                "kkbsmp" => Some("ГАУЗ ККБСМП".to_string()),
                "kodkb" => Some("ГБУЗ КОДКБ".to_string()),
                _ => None,
            };
            self.add(spec);
        }
        let federal: [(&str, &str, &'static str, &str); 11] = [
            ("Главное управление МЧС России по Кемеровской области — Кузбассу", "ГУ МЧС России по Кузбассу", "safety", "mchs_42"),
            ("Главное управление МВД России по Кемеровской области", "ГУ МВД России по Кемеровской области", "safety", "gumvd_42"),
            ("Прокуратура Кемеровской области — Кузбасса", "", "safety", "prokuratura_42"),
            ("Управление Федеральной налоговой службы по Кемеровской области — Кузбассу", "УФНС России по Кузбассу", "government", "ufns_42"),
            ("Отделение Фонда пенсионного и социального страхования Российской Федерации по Кемеровской области — Кузбассу", "ОСФР по Кузбассу", "social", "sfr_42"),
            ("Управление Роспотребнадзора по Кемеровской области — Кузбассу", "", "health", "rpn_42"),
            ("Управление Росреестра по Кемеровской области — Кузбассу", "", "government", "rosreestr_42"),
            ("Управление Федеральной службы судебных приставов по Кемеровской области — Кузбассу", "УФССП России по Кузбассу", "government", "fssp_42"),
            ("Кузбасский государственный технический университет имени Т. Ф. Горбачёва", "КузГТУ", "education", "kuzstu"),
            ("Кемеровский государственный университет", "КемГУ", "education", "kemsu"),
            ("Кемеровский государственный медицинский университет", "КемГМУ", "education", "kemsmu"),
        ];
        for (name, short, sector, slug) in federal {
            self.add(Spec {
                name: name.to_string(),
                short_name: (!short.is_empty()).then(|| short.to_string()),
                municipality: None,
                sector,
                level: Level::Federal,
                slug: slug.to_string(),
                reach: &FEDERAL,
            });
        }
    }

    /// Every institution of one municipality, sized by its population in thousands.
    fn municipality(&mut self, m: &Municipality, population: u32) {
        let pop = u64::from(population);
        let town = if self.region == KUZBASS {
            town_slug(m)
        } else {
            format!("{}_{}", town_slug(m), self.region)
        };
        let genitive = genitive(m.plain_name());
        let within = Some(m.name.as_str());
        let adj = m.adjective().to_string();
        let spec = |name: String,
                    short: Option<String>,
                    sector: &'static str,
                    level: Level,
                    slug: String,
                    reach: &'static Reach| Spec {
            name,
            short_name: short,
            municipality: within,
            sector,
            level,
            slug,
            reach,
        };

        // Local government.
        let mut bodies = vec![
            (
                format!("Администрация {genitive}"),
                "government",
                "adm",
                &ADMINISTRATION,
            ),
            (
                format!("Совет народных депутатов {genitive}"),
                "government",
                "snd",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Управление образования администрации {genitive}"),
                "education",
                "uo",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Управление культуры администрации {genitive}"),
                "culture",
                "uk",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Управление социальной защиты населения администрации {genitive}"),
                "social",
                "uszn",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Комитет по физической культуре и спорту администрации {genitive}"),
                "sport",
                "sport",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Управление по делам молодёжи администрации {genitive}"),
                "youth",
                "molodezh",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Финансовое управление администрации {genitive}"),
                "government",
                "fu",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Комитет по управлению муниципальным имуществом {genitive}"),
                "government",
                "kumi",
                &GOVERNMENT_OFFICE,
            ),
            (
                format!("Контрольно-счётная палата {genitive}"),
                "government",
                "ksp",
                &GOVERNMENT_OFFICE,
            ),
        ];
        if pop >= 80 {
            bodies.push((
                format!("Управление архитектуры и градостроительства администрации {genitive}"),
                "government",
                "uag",
                &GOVERNMENT_OFFICE,
            ));
            bodies.push((
                format!("Управление по работе со СМИ администрации {genitive}"),
                "government",
                "press",
                &GOVERNMENT_OFFICE,
            ));
        }
        for (name, sector, kind, reach) in bodies {
            self.add(spec(
                name,
                None,
                sector,
                Level::Municipal,
                format!("{kind}_{town}"),
                reach,
            ));
        }
        let (city, districts) = city_districts(m);
        for district in districts {
            let slug = format!(
                "adm_{}_{town}",
                transliterate(district).replace(['-', ' '], "_")
            );
            let district_genitive = self::genitive(district);
            self.add(spec(
                format!("Администрация {district_genitive} района города {city}"),
                None,
                "government",
                Level::Municipal,
                slug,
                &GOVERNMENT_OFFICE,
            ));
        }
        if !m.is_city {
            let count = 4 + pop / 6;
            for village in self.villages(count) {
                let name = format!(
                    "{} территориальное управление администрации {genitive}",
                    neuter(village)
                );
                let slug = format!("tu_{}_{town}", transliterate(stem(village)));
                self.add(spec(
                    name,
                    None,
                    "government",
                    Level::Municipal,
                    slug,
                    &GOVERNMENT_OFFICE,
                ));
            }
        }

        // Education: schools, kindergartens, additional education, colleges.
        let mut number = 0;
        for _ in 0..(pop * 10 / 37).max(6) {
            number += 1 + u32::from(self.rng.chance(150));
            let (full, short, kind) = match self.rng.below(100) {
                0..=69 => ("Средняя общеобразовательная школа", "СОШ", "sosh"),
                70..=81 => ("Основная общеобразовательная школа", "ООШ", "oosh"),
                82..=90 => ("Гимназия", "Гимназия", "gimnazia"),
                _ => ("Лицей", "Лицей", "licey"),
            };
            let (form_full, form_short) = match self.rng.below(20) {
                0..=15 => (
                    "Муниципальное бюджетное общеобразовательное учреждение",
                    "МБОУ",
                ),
                16..=18 => (
                    "Муниципальное автономное общеобразовательное учреждение",
                    "МАОУ",
                ),
                _ => (
                    "Муниципальное казённое общеобразовательное учреждение",
                    "МКОУ",
                ),
            };
            let namesake = if self.rng.chance(80) {
                format!(" {}", self.rng.pick(&SCHOOL_NAMESAKES))
            } else {
                String::new()
            };
            let name = format!("{form_full} «{full} № {number}{namesake}»");
            let short = format!("{form_short} «{short} № {number}»");
            self.add(spec(
                name,
                Some(short),
                "education",
                Level::Municipal,
                format!("{kind}{number}_{town}"),
                &SCHOOL,
            ));
        }
        let mut number = 0;
        for _ in 0..(pop * 10 / 33).max(6) {
            number += 1 + u32::from(self.rng.chance(200));
            let kind = if self.rng.chance(150) {
                "комбинированного вида "
            } else {
                ""
            };
            let nickname = if self.rng.chance(600) {
                format!(" «{}»", self.rng.pick(&KINDERGARTEN_NAMES))
            } else {
                String::new()
            };
            let (form_full, form_short) = if self.rng.chance(200) {
                (
                    "Муниципальное автономное дошкольное образовательное учреждение",
                    "МАДОУ",
                )
            } else {
                (
                    "Муниципальное бюджетное дошкольное образовательное учреждение",
                    "МБДОУ",
                )
            };
            let name = format!("{form_full} «Детский сад {kind}№ {number}{nickname}»");
            let short = format!("{form_short} «Детский сад № {number}{nickname}»");
            self.add(spec(
                name,
                Some(short),
                "education",
                Level::Municipal,
                format!("ds{number}_{town}"),
                &KINDERGARTEN,
            ));
        }
        let extra = [
            ("Дом детского творчества", "ДДТ", "ddt"),
            ("Центр детского творчества", "ЦДТ", "cdt"),
            ("Станция юных техников", "СЮТ", "syut"),
            ("Центр дополнительного образования детей", "ЦДОД", "cdod"),
            ("Детский экологический центр", "ДЭЦ", "dec"),
        ];
        for (full, short, kind) in extra.iter().take((1 + pop / 60) as usize) {
            let name =
                format!("Муниципальное бюджетное учреждение дополнительного образования «{full}»");
            self.add(spec(
                name,
                Some(format!("МБУ ДО «{short}»")),
                "education",
                Level::Municipal,
                format!("{kind}_{town}"),
                &EXTRA_EDUCATION,
            ));
        }
        if m.is_city {
            let colleges = [
                ("политехнический техникум", "ptt"),
                ("педагогический колледж", "pedcollege"),
                ("медицинский колледж", "medcollege"),
                ("горнотехнический техникум", "gtt"),
                ("строительный техникум", "stroyteh"),
                ("техникум железнодорожного транспорта", "tzht"),
                ("колледж сферы услуг", "kso"),
                ("аграрный техникум", "agroteh"),
            ];
            for (kind, slug) in colleges.iter().take((1 + pop / 70) as usize) {
                let (form, short_form) = if kind.contains("медицинский") {
                    (
                        "Государственное бюджетное профессиональное образовательное учреждение",
                        "ГБПОУ",
                    )
                } else {
                    (
                        "Государственное профессиональное образовательное учреждение",
                        "ГПОУ",
                    )
                };
                let title = format!("{adj} {kind}");
                self.add(spec(
                    format!("{form} «{title}»"),
                    Some(format!("{short_form} «{title}»")),
                    "education",
                    Level::Regional,
                    format!("{slug}_{town}"),
                    &COLLEGE,
                ));
            }
        }

        // Culture.
        self.add(spec(
            format!("Муниципальное бюджетное учреждение культуры «Централизованная библиотечная система {genitive}»"),
            Some("МБУК «ЦБС»".to_string()),
            "culture", Level::Municipal, format!("cbs_{town}"), &CULTURE,
        ));
        self.add(spec(
            format!("Муниципальное бюджетное учреждение культуры «{adj} краеведческий музей»"),
            Some(format!("МБУК «{adj} краеведческий музей»")),
            "culture",
            Level::Municipal,
            format!("muzey_{town}"),
            &CULTURE,
        ));
        for n in 1..=(1 + pop / 60) {
            self.add(spec(
                format!("Муниципальное бюджетное учреждение дополнительного образования «Детская школа искусств № {n}»"),
                Some(format!("МБУ ДО «ДШИ № {n}»")),
                "culture", Level::Municipal, format!("dshi{n}_{town}"), &CULTURE,
            ));
        }
        if m.is_city {
            for name in HOUSE_OF_CULTURE_NAMES.iter().take((1 + pop / 25) as usize) {
                let slug = format!("dk_{}_{town}", transliterate(name).replace(' ', "_"));
                self.add(spec(
                    format!("Муниципальное бюджетное учреждение культуры «Дом культуры «{name}»»"),
                    Some(format!("МБУК «ДК «{name}»»")),
                    "culture",
                    Level::Municipal,
                    slug,
                    &CULTURE,
                ));
            }
            if pop >= 80 {
                self.add(spec(
                    "Муниципальное автономное учреждение культуры «Парк культуры и отдыха»"
                        .to_string(),
                    Some("МАУК «ПКиО»".to_string()),
                    "culture",
                    Level::Municipal,
                    format!("park_{town}"),
                    &CULTURE,
                ));
            }
        } else {
            for village in self.villages(2 + pop / 8) {
                let slug = format!("sdk_{}_{town}", transliterate(stem(village)));
                self.add(spec(format!("Муниципальное бюджетное учреждение культуры «{village} сельский Дом культуры»"), Some(format!("МБУК «{village} СДК»")), "culture", Level::Municipal, slug, &CULTURE));
            }
        }

        // Health care, run by the region.
        let fem = feminine(&adj);
        if m.is_city {
            let clinical = if pop >= 300 {
                "клиническая "
            } else {
                ""
            };
            for n in 1..=(1 + pop / 120) {
                let name = format!("{fem} городская {clinical}больница № {n}");
                self.add(spec(
                    format!("Государственное бюджетное учреждение здравоохранения «{name}»"),
                    Some(format!("ГБУЗ «{name}»")),
                    "health",
                    Level::Regional,
                    format!("gb{n}_{town}"),
                    &HEALTH,
                ));
            }
            for n in 1..=(pop / 35) {
                let name = format!("{fem} городская поликлиника № {n}");
                self.add(spec(
                    format!("Государственное бюджетное учреждение здравоохранения «{name}»"),
                    Some(format!("ГБУЗ «{name}»")),
                    "health",
                    Level::Regional,
                    format!("gp{n}_{town}"),
                    &HEALTH,
                ));
            }
            if pop >= 60 {
                let name = format!("{fem} стоматологическая поликлиника");
                self.add(spec(
                    format!("Государственное автономное учреждение здравоохранения «{name}»"),
                    Some(format!("ГАУЗ «{name}»")),
                    "health",
                    Level::Regional,
                    format!("stomat_{town}"),
                    &HEALTH,
                ));
            }
            if pop >= 80 {
                let name = format!("{fem} городская детская больница");
                self.add(spec(
                    format!("Государственное бюджетное учреждение здравоохранения «{name}»"),
                    Some(format!("ГБУЗ «{name}»")),
                    "health",
                    Level::Regional,
                    format!("gdb_{town}"),
                    &HEALTH,
                ));
            }
        } else {
            self.add(spec(
                format!("Государственное бюджетное учреждение здравоохранения «{fem} центральная районная больница»"),
                Some(format!("ГБУЗ «{fem} ЦРБ»")),
                "health", Level::Regional, format!("crb_{town}"), &HEALTH,
            ));
        }
        // Ambulance stations, dispensaries, children's and district dental clinics, in the
        // places large enough to have their own.
        let mut health = Vec::new();
        if m.is_city && pop >= 40 {
            health.push((
                format!("{fem} городская станция скорой медицинской помощи"),
                "ssmp",
            ));
        }
        if m.is_city && pop >= 60 {
            health.push((format!("{fem} городская детская поликлиника"), "gdp"));
        }
        if m.is_city && pop >= 100 {
            health.push((format!("{adj} психоневрологический диспансер"), "pnd"));
            health.push((format!("{adj} противотуберкулёзный диспансер"), "ptd"));
        }
        if !m.is_city && pop >= 25 {
            health.push((
                format!("{fem} районная стоматологическая поликлиника"),
                "rsp",
            ));
        }
        for (name, kind) in health {
            self.add(spec(
                format!("Государственное бюджетное учреждение здравоохранения «{name}»"),
                Some(format!("ГБУЗ «{name}»")),
                "health",
                Level::Regional,
                format!("{kind}_{town}"),
                &HEALTH,
            ));
        }

        // Sport.
        for n in 1..=(1 + pop / 60) {
            let (full, short) = if n % 2 == 1 {
                (
                    format!("Детско-юношеская спортивная школа № {n}"),
                    format!("ДЮСШ № {n}"),
                )
            } else {
                (format!("Спортивная школа № {n}"), format!("СШ № {n}"))
            };
            self.add(spec(
                format!("Муниципальное бюджетное учреждение дополнительного образования «{full}»"),
                Some(format!("МБУ ДО «{short}»")),
                "sport",
                Level::Municipal,
                format!("sport{n}_{town}"),
                &SPORT,
            ));
        }
        if pop >= 150 {
            for (n, sport) in OLYMPIC_SPORTS.iter().take((pop / 150) as usize).enumerate() {
                self.add(spec(format!("Муниципальное бюджетное учреждение «Спортивная школа олимпийского резерва по {sport}»"), Some(format!("МБУ «СШОР по {sport}»")), "sport", Level::Municipal, format!("sshor{}_{town}", n + 1), &SPORT));
            }
        }
        let complex = self.rng.pick(&SPORT_COMPLEX_NAMES).to_string();
        self.add(spec(format!("Муниципальное автономное учреждение «Физкультурно-оздоровительный комплекс «{complex}»»"), Some(format!("МАУ «ФОК «{complex}»»")), "sport", Level::Municipal, format!("fok_{town}"), &SPORT));

        // Social protection, youth, city services.
        self.add(spec(format!("Муниципальное бюджетное учреждение «Комплексный центр социального обслуживания населения {genitive}»"), Some("МБУ «КЦСОН»".to_string()), "social", Level::Municipal, format!("kcson_{town}"), &SOCIAL));
        if pop >= 30 {
            self.add(spec(format!("Муниципальное казённое учреждение «Социально-реабилитационный центр для несовершеннолетних {genitive}»"), Some("МКУ «СРЦН»".to_string()), "social", Level::Municipal, format!("srcn_{town}"), &SOCIAL));
        }
        if !m.is_city && self.rng.chance(500) {
            self.add(spec(format!("Государственное бюджетное стационарное учреждение социального обслуживания «{adj} дом-интернат для престарелых и инвалидов»"), Some(format!("ГБСУ СО «{adj} ДИПИ»")), "social", Level::Regional, format!("dipi_{town}"), &SOCIAL));
        }
        for name in YOUTH_CENTRE_NAMES.iter().take((1 + pop / 200) as usize) {
            let slug = format!("mc_{}_{town}", transliterate(name));
            self.add(spec(
                format!("Муниципальное бюджетное учреждение «Молодёжный центр «{name}»»"),
                Some(format!("МБУ «МЦ «{name}»»")),
                "youth",
                Level::Municipal,
                slug,
                &YOUTH,
            ));
        }
        self.add(spec(format!("Муниципальное казённое учреждение «Управление жилищно-коммунального хозяйства {genitive}»"), Some("МКУ «УЖКХ»".to_string()), "housing", Level::Municipal, format!("ugkh_{town}"), &CITY_SERVICE));
        if m.is_city {
            self.add(spec(
                format!(
                    "Муниципальное бюджетное учреждение «Городское благоустройство {genitive}»"
                ),
                Some("МБУ «Горблагоустройство»".to_string()),
                "housing",
                Level::Municipal,
                format!("blago_{town}"),
                &CITY_SERVICE,
            ));
        }
        self.add(spec(format!("Муниципальное казённое учреждение «Единая дежурно-диспетчерская служба {genitive}»"), Some("МКУ «ЕДДС»".to_string()), "safety", Level::Municipal, format!("edds_{town}"), &CITY_SERVICE));
        self.add(spec(format!("Многофункциональный центр предоставления государственных и муниципальных услуг {genitive}"), Some(format!("МФЦ {genitive}")), "services", Level::Regional, format!("mfc_{town}"), &CITY_SERVICE));
        if pop >= 300 {
            self.add(spec(
                "Муниципальное предприятие «Городской пассажирский транспорт»".to_string(),
                Some("МП «ГПТ»".to_string()),
                "transport",
                Level::Municipal,
                format!("gpt_{town}"),
                &CITY_SERVICE,
            ));
        }
    }

    /// `count` distinct village adjectives, in a drawn order.
    fn villages(&mut self, count: u64) -> Vec<&'static str> {
        let mut pool: Vec<&'static str> = VILLAGES.to_vec();
        let mut chosen = Vec::new();
        while chosen.len() < count as usize && !pool.is_empty() {
            let index = self.rng.below(pool.len() as u64) as usize;
            chosen.push(pool.swap_remove(index));
        }
        chosen
    }
}

/// The city (in the genitive) and its districts that have their own administrations.
fn city_districts(m: &Municipality) -> (&'static str, &'static [&'static str]) {
    match m.plain_name() {
        "Кемеровский городской округ" => (
            "Кемерово",
            &[
                "Заводский",
                "Кировский",
                "Ленинский",
                "Рудничный",
                "Центральный",
            ],
        ),
        "Новокузнецкий городской округ" => (
            "Новокузнецка",
            &[
                "Центральный",
                "Куйбышевский",
                "Кузнецкий",
                "Орджоникидзевский",
                "Заводской",
                "Новоильинский",
            ],
        ),
        _ => ("", &[]),
    }
}

/// The Latin stem used in a municipality's handles: `belov` for Беловский городской
/// округ, `belov_mo` for Беловский муниципальный округ.
fn town_slug(m: &Municipality) -> String {
    let stem = transliterate(stem(m.adjective())).replace('-', "_");
    if m.is_city {
        stem
    } else {
        format!("{stem}_mo")
    }
}

/// An adjective without its ending: «Беловский» → «Белов», «Новокузнецкий» → «Новокузнец».
fn stem(adjective: &str) -> &str {
    ["ский", "ской", "кий", "ный", "ной", "ий", "ый", "ой"]
        .iter()
        .find_map(|ending| adjective.strip_suffix(ending))
        .unwrap_or(adjective)
}

/// Replaces a masculine adjective ending (`ий`, `ый`, `ой`) with another.
fn decline(adjective: &str, ending: &str) -> String {
    for masculine in ["ий", "ый", "ой"] {
        if let Some(stem) = adjective.strip_suffix(masculine) {
            return format!("{stem}{ending}");
        }
    }
    adjective.to_string()
}

fn feminine(adjective: &str) -> String {
    decline(adjective, "ая")
}

fn neuter(adjective: &str) -> String {
    decline(adjective, "ое")
}

/// The genitive of a municipality's or district's name, word by word:
/// «Беловский городской округ» → «Беловского городского округа».
fn genitive(name: &str) -> String {
    name.split(' ')
        .map(|word| match word {
            "округ" => "округа".to_string(),
            _ => decline(word, "ого"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_genitive(input: &str, expected: &str) {
        assert_eq!(genitive(input), expected);
    }

    #[test]
    fn genitives() {
        check_genitive("Беловский городской округ", "Беловского городского округа");
        check_genitive(
            "Анжеро-Судженский городской округ",
            "Анжеро-Судженского городского округа",
        );
        check_genitive(
            "Ленинск-Кузнецкий муниципальный округ",
            "Ленинск-Кузнецкого муниципального округа",
        );
        check_genitive("Заводской", "Заводского");
    }

    #[test]
    fn adjectives() {
        assert_eq!(feminine("Новокузнецкий"), "Новокузнецкая");
        assert_eq!(feminine("Киселёвский"), "Киселёвская");
        assert_eq!(neuter("Степной"), "Степное");
        assert_eq!(neuter("Сосновский"), "Сосновское");
        assert_eq!(stem("Кемеровский"), "Кемеров");
        assert_eq!(stem("Новокузнецкий"), "Новокузнец");
    }
}
