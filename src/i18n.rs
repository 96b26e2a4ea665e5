//! Every string the UI shows, in Russian and English, and the sentences built from
//! counts. Components take their words from here and never spell them out themselves.

use catalog::{
    compact_count, date_in_words, group_digits, plural, Facet, IsoDate, Lang, LoadError, Sort,
};

use crate::load::FetchError;

/// The fixed words of the UI in one language.
pub struct Texts {
    pub app_name: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub demo_title: &'static str,
    pub demo_text: &'static str,
    pub skipped_why: &'static str,
    pub verified: &'static str,
    pub verified_explained: &'static str,
    pub channels_of: &'static str,
    pub organizations: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_button: &'static str,
    pub filters: &'static str,
    pub reset_all: &'static str,
    pub chosen_filters: &'static str,
    pub sort_label: &'static str,
    pub nothing_found: &'static str,
    pub source: &'static str,
    pub license: &'static str,
    pub opens_in_new_tab: &'static str,
}

const RU: Texts = Texts {
    app_name: "Госпаблики",
    loading: "Загружаем каталог…",
    load_failed: "Не удалось загрузить каталог",
    retry: "Повторить",
    demo_title: "Демонстрационные данные",
    demo_text: "Это пример каталога. Названия организаций правдоподобны, но адреса каналов и \
                числа подписчиков выдуманы: не считайте эти каналы официальными.",
    skipped_why: "Почему пропущены",
    verified: "подтверждён",
    verified_explained:
        "Платформа отметила канал как официальную страницу государственной организации",
    channels_of: "Каналы организации",
    organizations: "Организации",
    search_label: "Найти организацию или канал",
    search_hint:
        "Название, сокращение, город или адрес канала: «школа 5 Белово», «ЦРБ», «vk.com/…»",
    search_button: "Найти",
    filters: "Фильтры",
    reset_all: "Сбросить всё",
    chosen_filters: "Выбранные фильтры",
    sort_label: "Порядок",
    nothing_found: "Ничего не найдено. Проверьте написание или уберите часть фильтров.",
    source: "Источник",
    license: "Лицензия",
    opens_in_new_tab: "(откроется в новой вкладке)",
};

const EN: Texts = Texts {
    app_name: "Gospubliki",
    loading: "Loading the catalog…",
    load_failed: "The catalog could not be loaded",
    retry: "Retry",
    demo_title: "Demonstration data",
    demo_text: "This is a sample catalog. The organisations are plausible, but the channel \
                addresses and subscriber counts are invented: do not treat these channels as official.",
    skipped_why: "Why they were skipped",
    verified: "verified",
    verified_explained: "The platform marks this channel as the official page of a state organisation",
    channels_of: "Channels of the organisation",
    organizations: "Organisations",
    search_label: "Find an organisation or channel",
    search_hint: "Name, abbreviation, town or channel address: \"school 5\", \"ЦРБ\", \"vk.com/…\"",
    search_button: "Search",
    filters: "Filters",
    reset_all: "Reset all",
    chosen_filters: "Chosen filters",
    sort_label: "Order",
    nothing_found: "Nothing found. Check the spelling or remove some filters.",
    source: "Source",
    license: "Licence",
    opens_in_new_tab: "(opens in a new tab)",
};

/// The words of the UI in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// «Данные от 20 ноября 2026».
pub fn data_date(lang: Lang, date: IsoDate) -> String {
    match lang {
        Lang::Ru => format!("Данные от {}", date_in_words(lang, date)),
        Lang::En => format!("Data as of {}", date_in_words(lang, date)),
    }
}

/// «В каталоге 2 906 организаций и 4 378 каналов».
pub fn catalog_size(lang: Lang, organizations: usize, channels: usize) -> String {
    let organizations = counted(lang, organizations as u64, ORGANIZATIONS);
    let channels = counted(lang, channels as u64, CHANNELS);
    match lang {
        Lang::Ru => format!("В каталоге {organizations} и {channels}"),
        Lang::En => format!("The catalog lists {organizations} and {channels}"),
    }
}

/// The forms of a counted noun: Russian one, few, many; English one, other.
struct Noun {
    ru: [&'static str; 3],
    en: [&'static str; 2],
}

const ORGANIZATIONS: Noun = Noun {
    ru: ["организация", "организации", "организаций"],
    en: ["organisation", "organisations"],
};
const CHANNELS: Noun = Noun {
    ru: ["канал", "канала", "каналов"],
    en: ["channel", "channels"],
};
const RECORDS: Noun = Noun {
    ru: ["запись", "записи", "записей"],
    en: ["record", "records"],
};
const SUBSCRIBERS: Noun = Noun {
    ru: ["подписчик", "подписчика", "подписчиков"],
    en: ["subscriber", "subscribers"],
};

/// A count with its noun in the agreeing form: «2 906 организаций», "2,906 organisations".
fn counted(lang: Lang, n: u64, noun: Noun) -> String {
    let word = match lang {
        Lang::Ru => plural(lang, n, noun.ru[0], noun.ru[1], noun.ru[2]),
        Lang::En => plural(lang, n, noun.en[0], noun.en[1], noun.en[1]),
    };
    format!("{} {word}", group_digits(lang, n))
}

/// «Пропущено 3 записи с ошибками».
pub fn skipped(lang: Lang, count: usize) -> String {
    let records = counted(lang, count as u64, RECORDS);
    match lang {
        Lang::Ru => {
            let verb = plural(lang, count as u64, "Пропущена", "Пропущено", "Пропущено");
            format!("{verb} {records} с ошибками")
        }
        Lang::En => format!("{records} with errors skipped"),
    }
}

/// «…и ещё 40» under a cut list of problems.
pub fn and_more(lang: Lang, count: usize) -> String {
    let n = group_digits(lang, count as u64);
    match lang {
        Lang::Ru => format!("…и ещё {n}"),
        Lang::En => format!("…and {n} more"),
    }
}

/// «Показаны 100 из 2 852».
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    let (shown, total) = (
        group_digits(lang, shown as u64),
        group_digits(lang, total as u64),
    );
    match lang {
        Lang::Ru => format!("Показаны {shown} из {total}"),
        Lang::En => format!("Showing {shown} of {total}"),
    }
}

/// «Показать ещё 100».
pub fn show_more(lang: Lang, count: usize) -> String {
    let n = group_digits(lang, count as u64);
    match lang {
        Lang::Ru => format!("Показать ещё {n}"),
        Lang::En => format!("Show {n} more"),
    }
}

/// «12 345 подписчиков», for a screen reader and a tooltip.
pub fn subscribers(lang: Lang, count: u64) -> String {
    counted(lang, count, SUBSCRIBERS)
}

/// The short badge form of a subscriber count.
pub fn subscribers_short(lang: Lang, count: u64) -> String {
    compact_count(lang, count)
}

/// What went wrong, in a sentence a citizen can act on; the technical detail follows.
pub fn fetch_error(lang: Lang, error: &FetchError) -> String {
    use FetchError::*;
    match (lang, error) {
        (Lang::Ru, Network { url, .. }) => {
            format!("Сервер не ответил или нет подключения к сети. Адрес: {url}")
        }
        (Lang::En, Network { url, .. }) => {
            format!("The server did not answer, or the network is down. Address: {url}")
        }
        (
            Lang::Ru,
            Http {
                url,
                status,
                status_text,
            },
        ) => format!("Сервер ответил ошибкой HTTP {status} {status_text} на запрос {url}"),
        (
            Lang::En,
            Http {
                url,
                status,
                status_text,
            },
        ) => format!("The server answered HTTP {status} {status_text} for {url}"),
        (Lang::Ru, Body { url, .. }) => format!("Не удалось прочитать ответ сервера: {url}"),
        (Lang::En, Body { url, .. }) => format!("The server's answer could not be read: {url}"),
        (_, Catalog { url, error }) => catalog_error(lang, url, error),
    }
}

fn catalog_error(lang: Lang, url: &str, error: &LoadError) -> String {
    use LoadError::*;
    match (lang, error) {
        (Lang::Ru, Json { line, column, .. }) => {
            format!("Файл каталога {url} повреждён: ошибка JSON в строке {line}, столбце {column}")
        }
        (Lang::En, Json { line, column, .. }) => {
            format!("The catalog file {url} is damaged: JSON error at line {line}, column {column}")
        }
        (Lang::Ru, Structure { line, column, .. }) => {
            format!("Файл каталога {url} составлен неверно: строка {line}, столбец {column}")
        }
        (Lang::En, Structure { line, column, .. }) => {
            format!("The catalog file {url} is malformed at line {line}, column {column}")
        }
        (Lang::Ru, NotAnObject | Format { .. }) => format!("Файл {url} — не каталог Госпабликов"),
        (Lang::En, NotAnObject | Format { .. }) => {
            format!("The file {url} is not a Gospubliki catalog")
        }
        (Lang::Ru, Version { found }) => format!(
            "Неподдерживаемая версия каталога {found}: это приложение читает версию {}",
            catalog::VERSION
        ),
        (Lang::En, Version { found }) => format!(
            "Unsupported catalog version {found}: this app reads version {}",
            catalog::VERSION
        ),
        (Lang::Ru, MissingList(list)) => format!("В файле каталога {url} нет списка «{list}»"),
        (Lang::En, MissingList(list)) => format!("The catalog file {url} has no \"{list}\" list"),
    }
}

/// The technical detail under the sentence, where there is one worth showing.
pub fn fetch_error_detail(error: &FetchError) -> Option<String> {
    match error {
        FetchError::Network { message, .. } | FetchError::Body { message, .. } => {
            Some(message.clone())
        }
        FetchError::Catalog { error, .. } => Some(error.to_string()),
        FetchError::Http { .. } => None,
    }
}

/// «Найдена 1 организация», «Найдено 5 организаций».
pub fn found(lang: Lang, count: usize) -> String {
    let organizations = counted(lang, count as u64, ORGANIZATIONS);
    match lang {
        Lang::Ru => {
            let verb = plural(lang, count as u64, "Найдена", "Найдено", "Найдено");
            format!("{verb} {organizations}")
        }
        Lang::En => format!("Found {organizations}"),
    }
}

/// The heading of a filter.
pub fn facet_name(lang: Lang, facet: Facet) -> &'static str {
    match (lang, facet) {
        (Lang::Ru, Facet::Region) => "Регион",
        (Lang::Ru, Facet::Municipality) => "Муниципальное образование",
        (Lang::Ru, Facet::Sector) => "Сфера",
        (Lang::Ru, Facet::Platform) => "Платформа",
        (Lang::En, Facet::Region) => "Region",
        (Lang::En, Facet::Municipality) => "Municipality",
        (Lang::En, Facet::Sector) => "Sector",
        (Lang::En, Facet::Platform) => "Platform",
    }
}

/// The name of an order in the sort control.
pub fn sort_name(lang: Lang, sort: Sort) -> &'static str {
    match (lang, sort) {
        (Lang::Ru, Sort::Relevance) => "по соответствию",
        (Lang::Ru, Sort::Subscribers) => "по числу подписчиков",
        (Lang::Ru, Sort::Name) => "по названию",
        (Lang::En, Sort::Relevance) => "by relevance",
        (Lang::En, Sort::Subscribers) => "by subscribers",
        (Lang::En, Sort::Name) => "by name",
    }
}

/// The accessible name of a chip's button: «Убрать фильтр: Здравоохранение».
pub fn remove_filter(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ru => format!("Убрать фильтр: {label}"),
        Lang::En => format!("Remove filter: {label}"),
    }
}
