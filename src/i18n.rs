//! Every string the UI shows, in Russian and English, and the sentences built from
//! counts. Components take their words from here and never spell them out themselves.

use catalog::{
    compact_count, date_in_words, group_digits, plural, Channel, Facet, FeedScope, IsoDate, Lang,
    Level, LoadError, NotFound, PlatformKind, Scheme, Sign, Sort, Stats, TextSize, Theme, View,
};

use crate::catalog_loader::Progress;
use crate::load::FetchError;

/// The fixed words of the UI in one language.
pub struct Texts {
    pub app_name: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub demo_title: &'static str,
    pub demo_text: &'static str,
    /// The banner's text on a phone, where the whole one would fill the first screen.
    pub demo_text_short: &'static str,
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
    pub skip_to_content: &'static str,
    pub sections: &'static str,
    pub low_vision: &'static str,
    pub text_size: &'static str,
    pub colours: &'static str,
    pub images: &'static str,
    pub images_on: &'static str,
    pub images_off: &'static str,
    pub ordinary_version: &'static str,
    pub back_to_results: &'static str,
    pub field_region: &'static str,
    pub field_municipality: &'static str,
    pub field_sector: &'static str,
    pub field_level: &'static str,
    pub field_ogrn: &'static str,
    pub field_website: &'static str,
    pub official_channels: &'static str,
    pub verified_meaning: &'static str,
    pub feeds_title: &'static str,
    pub feeds_explained: &'static str,
    pub unverified_status: &'static str,
    pub copy_link: &'static str,
    pub print: &'static str,
    pub report_error: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub check_title: &'static str,
    pub check_intro: &'static str,
    pub check_partial: &'static str,
    pub check_label: &'static str,
    pub check_hint: &'static str,
    pub check_button: &'static str,
    pub verdict_official: &'static str,
    pub verdict_official_text: &'static str,
    pub verdict_lookalike: &'static str,
    pub verdict_not_found: &'static str,
    pub verdict_suspicious: &'static str,
    pub suspicious_warning: &'static str,
    pub lookalike_warning: &'static str,
    pub lookalike_of: &'static str,
    pub advice_title: &'static str,
    pub advice_website: &'static str,
    pub advice_report: &'static str,
    pub advice_feedback: &'static str,
    pub download_title: &'static str,
    pub download: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub did_you_mean: &'static str,
    pub try_dropping: &'static str,
    pub find_region: &'static str,
    pub no_region: &'static str,
    pub stats_title: &'static str,
    pub chart_platform_channels: &'static str,
    pub chart_platform_subscribers: &'static str,
    pub chart_sectors: &'static str,
    pub chart_regions: &'static str,
    pub column_platform: &'static str,
    pub column_channels: &'static str,
    pub column_subscribers: &'static str,
    pub column_sector: &'static str,
    pub column_organizations: &'static str,
    pub column_region: &'static str,
    pub embed_credit: &'static str,
    pub widget_title: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    pub copy_code_failed: &'static str,
    pub any_value: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_filters: &'static str,
    pub embed_theme: &'static str,
    pub embed_language: &'static str,
    pub snippet_script: &'static str,
    pub snippet_iframe: &'static str,
    pub embed_preview: &'static str,
    pub update_ready: &'static str,
    pub update_button: &'static str,
}

const RU: Texts = Texts {
    app_name: "Госпаблики",
    loading: "Загружаем каталог…",
    load_failed: "Не удалось загрузить каталог",
    retry: "Повторить",
    demo_title: "Демонстрационные данные",
    demo_text: "Это пример каталога. Названия организаций правдоподобны, но адреса каналов и \
                числа подписчиков выдуманы: не считайте эти каналы официальными.",
    demo_text_short: "Адреса каналов выдуманы: это не официальные каналы.",
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
    skip_to_content: "Перейти к основному содержанию",
    sections: "Разделы",
    low_vision: "Версия для слабовидящих",
    text_size: "Размер текста",
    colours: "Цвета",
    images: "Изображения",
    images_on: "Показывать",
    images_off: "Не показывать",
    ordinary_version: "Обычная версия",
    back_to_results: "К результатам поиска",
    field_region: "Регион",
    field_municipality: "Муниципальное образование",
    field_sector: "Сфера",
    field_level: "Уровень",
    field_ogrn: "ОГРН",
    field_website: "Сайт",
    official_channels: "Официальные каналы",
    verified_meaning: "Отметка «подтверждён» значит, что сама платформа отметила канал как официальную страницу государственной организации (во ВКонтакте и Одноклассниках это госметка). Каналы без отметки внесены в каталог по данным его издателя; под каждым каналом сказано, когда издатель его проверял и есть ли ссылка на него на сайте организации.",
    feeds_title: "Подписаться на новые каналы",
    feeds_explained: "Ленты Atom: откройте ссылку в программе для чтения новостей или вставьте её адрес на свой сайт.",
    unverified_status: "Без отметки платформы",
    copy_link: "Скопировать ссылку",
    print: "Распечатать",
    report_error: "Сообщить об ошибке",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать: скопируйте адрес из адресной строки",
    check_title: "Проверить, официальный ли канал",
    check_intro: "Вставьте ссылку на канал или его имя — мы проверим, есть ли он в каталоге официальных страниц.",
    check_partial: "Каталог ещё загружается: проверено по загруженной части.",
    check_label: "Ссылка на канал или его имя",
    check_hint: "Например: https://vk.com/…, t.me/…, max.ru/…, @имя",
    check_button: "Проверить",
    verdict_official: "Это официальный канал",
    verdict_official_text: "Канал есть в каталоге официальных страниц:",
    verdict_lookalike: "Осторожно: канал только похож на официальный",
    verdict_not_found: "Этого канала нет в каталоге",
    verdict_suspicious: "Осторожно: так выглядят поддельные ссылки",
    suspicious_warning: "Этого канала нет в каталоге, а ссылка содержит буквы другого алфавита, невидимые или необычные символы — так выглядят поддельные ссылки. Не переходите по ней и не сообщайте личных данных.",
    lookalike_warning: "Адрес отличается от официального: возможно, это подделка. Не переходите по ссылкам из такого канала и не сообщайте ему личных данных.",
    lookalike_of: "Настоящий официальный канал:",
    advice_title: "Что делать",
    advice_website: "Найдите ссылку на канал на официальном сайте организации — обычно она внизу страницы или в разделе «Контакты».",
    advice_report: "Если канал выдаёт себя за государственную организацию, пожалуйтесь на него через кнопку «Пожаловаться» на платформе.",
    advice_feedback: "Сообщить нам об официальном канале, которого нет в каталоге",
    download_title: "Скачать выбранные организации",
    download: "Скачать",
    download_csv: "CSV (Excel)",
    download_json: "JSON",
    did_you_mean: "Возможно, вы имели в виду:",
    try_dropping: "Уберите один из фильтров:",
    find_region: "Найти регион",
    no_region: "Такого региона нет",
    stats_title: "Статистика по выбранным организациям",
    chart_platform_channels: "Каналы по платформам",
    chart_platform_subscribers: "Подписчики по платформам",
    chart_sectors: "Организации по сферам",
    chart_regions: "Регионы с наибольшим числом организаций",
    column_platform: "Платформа",
    column_channels: "Каналы",
    column_subscribers: "Подписчики",
    column_sector: "Сфера",
    column_organizations: "Организации",
    column_region: "Регион",
    embed_credit: "Госпаблики — полный каталог официальных каналов",
    widget_title: "Госпаблики: официальные каналы",
    copy_code: "Скопировать код",
    code_copied: "Код скопирован",
    copy_code_failed: "Не удалось скопировать: выделите код и скопируйте его",
    any_value: "Все",
    embed_title: "Виджет для сайта",
    embed_intro: "Покажите на сайте школы, больницы или администрации официальные каналы своего региона или своей сферы: выберите фильтры, проверьте виджет ниже и вставьте код на страницу. Виджет ничего не отправляет третьим лицам и не ставит cookie.",
    embed_filters: "Что показывать",
    embed_theme: "Оформление",
    embed_language: "Язык",
    snippet_script: "Код со скриптом (высота подстраивается сама)",
    snippet_iframe: "Код только с iframe (высота постоянная)",
    embed_preview: "Так виджет будет выглядеть",
    update_ready: "Доступна новая версия —",
    update_button: "Обновить",
};

const EN: Texts = Texts {
    app_name: "Gospubliki",
    loading: "Loading the catalog…",
    load_failed: "The catalog could not be loaded",
    retry: "Retry",
    demo_title: "Demonstration data",
    demo_text: "This is a sample catalog. The organisations are plausible, but the channel \
                addresses and subscriber counts are invented: do not treat these channels as official.",
    demo_text_short: "The channel addresses are invented: these are not official channels.",
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
    skip_to_content: "Skip to main content",
    sections: "Sections",
    low_vision: "Low-vision version",
    text_size: "Text size",
    colours: "Colours",
    images: "Images",
    images_on: "Show",
    images_off: "Hide",
    ordinary_version: "Ordinary version",
    back_to_results: "Back to the results",
    field_region: "Region",
    field_municipality: "Municipality",
    field_sector: "Sector",
    field_level: "Level",
    field_ogrn: "OGRN (state registration number)",
    field_website: "Website",
    official_channels: "Official channels",
    verified_meaning: "\"Verified\" means the platform itself has marked the channel as the official page of a state organisation (on VK and OK, the government mark). Channels without the mark are listed on the word of the catalog's publisher; under each channel it says when the publisher checked it and whether the organisation's website links to it.",
    feeds_title: "Subscribe to new channels",
    feeds_explained: "Atom feeds: open a link in a feed reader, or put its address on your site.",
    unverified_status: "Not marked by the platform",
    copy_link: "Copy link",
    print: "Print",
    report_error: "Report an error",
    link_copied: "Link copied",
    copy_failed: "Could not copy: copy the address from the address bar",
    check_title: "Is this channel official?",
    check_intro: "Paste a link to a channel or its name, and we will check whether the catalog of official pages lists it.",
    check_partial: "The catalog is still loading: checked against the part loaded so far.",
    check_label: "Link to the channel or its name",
    check_hint: "For example: https://vk.com/…, t.me/…, max.ru/…, @name",
    check_button: "Check",
    verdict_official: "This is an official channel",
    verdict_official_text: "The catalog of official pages lists it:",
    verdict_lookalike: "Careful: this channel only looks like an official one",
    verdict_not_found: "This channel is not in the catalog",
    verdict_suspicious: "Careful: this is how fake links look",
    suspicious_warning: "This channel is not in the catalog, and the link has letters of another alphabet, invisible or unusual characters: this is how fake links look. Do not follow it or give it personal details.",
    lookalike_warning: "The address differs from the official one: it may be a fake. Do not follow links from it or give it personal details.",
    lookalike_of: "The real official channel:",
    advice_title: "What to do",
    advice_website: "Look for the channel's link on the organisation's official website, usually at the bottom of the page or under \"Contacts\".",
    advice_report: "If the channel pretends to be a state organisation, report it with the platform's \"Report\" button.",
    advice_feedback: "Tell us about an official channel the catalog is missing",
    download_title: "Download the selected organisations",
    download: "Download",
    download_csv: "CSV (Excel)",
    download_json: "JSON",
    did_you_mean: "Did you mean:",
    try_dropping: "Remove one of the filters:",
    find_region: "Find a region",
    no_region: "No such region",
    stats_title: "Statistics of the selected organisations",
    chart_platform_channels: "Channels by platform",
    chart_platform_subscribers: "Subscribers by platform",
    chart_sectors: "Organisations by sector",
    chart_regions: "Regions with most organisations",
    column_platform: "Platform",
    column_channels: "Channels",
    column_subscribers: "Subscribers",
    column_sector: "Sector",
    column_organizations: "Organisations",
    column_region: "Region",
    embed_credit: "Gospubliki: the full directory of official channels",
    widget_title: "Gospubliki: official channels",
    copy_code: "Copy the code",
    code_copied: "Code copied",
    copy_code_failed: "Could not copy: select the code and copy it",
    any_value: "All",
    embed_title: "A widget for your site",
    embed_intro: "Show the official channels of your region or sector on a school's, hospital's or administration's site: choose the filters, check the widget below and paste the code into the page. The widget sends nothing to third parties and sets no cookies.",
    embed_filters: "What to show",
    embed_theme: "Theme",
    embed_language: "Language",
    snippet_script: "Code with the script (the height adjusts itself)",
    snippet_iframe: "Code with an iframe only (a fixed height)",
    embed_preview: "How the widget will look",
    update_ready: "A new version is available:",
    update_button: "Update",
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

/// «В каталоге 2 906 организаций и 4 378 каналов»; while a sharded catalog is still
/// arriving or being indexed, «Загружено 47 142 организации и …»: the number is then what
/// a search covers so far, not the catalog.
pub fn catalog_size(lang: Lang, organizations: usize, channels: usize, whole: bool) -> String {
    let organizations = counted(lang, organizations as u64, ORGANIZATIONS);
    let channels = counted(lang, channels as u64, CHANNELS);
    match (lang, whole) {
        (Lang::Ru, true) => format!("В каталоге {organizations} и {channels}"),
        (Lang::Ru, false) => format!("Загружено {organizations} и {channels}"),
        (Lang::En, true) => format!("The catalog lists {organizations} and {channels}"),
        (Lang::En, false) => format!("Loaded so far: {organizations} and {channels}"),
    }
}

/// «Загружено 34 из 89 регионов»: how far a sharded catalog has loaded.
fn shards_loaded(lang: Lang, loaded: usize, total: usize) -> String {
    let digits = |n: usize| group_digits(lang, n as u64);
    match lang {
        // After «из» the noun is genitive: «из 1 региона», «из 21 региона», «из 89 регионов».
        Lang::Ru => {
            let of = plural(lang, total as u64, "региона", "регионов", "регионов");
            format!("Загружено {} из {} {of}", digits(loaded), digits(total))
        }
        Lang::En => {
            let regions = plural(lang, total as u64, "region", "regions", "regions");
            format!("Loaded {} of {} {regions}", digits(loaded), digits(total))
        }
    }
}

/// How far a sharded catalog is from being searchable: «Загружено 34 из 89 регионов», or,
/// once everything has arrived and the last of it is not searchable yet, «Загружено 89 из
/// 89 регионов, индексируем…».
pub fn shard_progress(lang: Lang, progress: &Progress) -> String {
    let loaded = shards_loaded(lang, progress.loaded, progress.total);
    match (lang, progress.is_complete() && progress.indexing) {
        (_, false) => loaded,
        (Lang::Ru, true) => format!("{loaded}, индексируем…"),
        (Lang::En, true) => format!("{loaded}, indexing…"),
    }
}

/// Why a region's part of the catalog is missing, and what happens next.
pub fn shard_failed(lang: Lang, region: &str, error: &FetchError, retry_in: Option<u32>) -> String {
    let why = fetch_error(lang, error);
    match (lang, retry_in) {
        (Lang::Ru, Some(seconds)) => format!(
            "Регион «{region}» пока не загружен. {why}. Повторим через {seconds} с; остальные регионы загружаются."
        ),
        (Lang::Ru, None) => format!(
            "Регион «{region}» не загружен. {why}. Обновите страницу, чтобы попробовать ещё раз."
        ),
        (Lang::En, Some(seconds)) => format!(
            "The region «{region}» is not loaded yet. {why}. Trying again in {seconds} s; the other regions go on loading."
        ),
        (Lang::En, None) => format!(
            "The region «{region}» could not be loaded. {why}. Reload the page to try again."
        ),
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

/// «Показаны 21–80 из 2 852».
pub fn shown_range(lang: Lang, first: usize, last: usize, total: usize) -> String {
    let [first, last, total] = [first, last, total].map(|n| group_digits(lang, n as u64));
    match lang {
        Lang::Ru => format!("Показаны {first}–{last} из {total}"),
        Lang::En => format!("Showing {first}–{last} of {total}"),
    }
}

/// «Показать предыдущие 20».
pub fn show_previous(lang: Lang, count: usize) -> String {
    let n = group_digits(lang, count as u64);
    match lang {
        Lang::Ru => format!("Показать предыдущие {n}"),
        Lang::En => format!("Show the previous {n}"),
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
        (Lang::Ru, Timeout { url, seconds }) => {
            format!("Сервер не прислал ответ за {seconds} с. Адрес: {url}")
        }
        (Lang::En, Timeout { url, seconds }) => {
            format!("The server sent no complete answer within {seconds} s. Address: {url}")
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
        (Lang::Ru, ShardRegion { expected, found }) => {
            format!("Файл {url} — часть каталога для региона {found}, а ожидался регион {expected}")
        }
        (Lang::En, ShardRegion { expected, found }) => format!(
            "The file {url} is the catalog part for region {found}; region {expected} was expected"
        ),
        (Lang::En, MissingList(list)) => format!("The catalog file {url} has no \"{list}\" list"),
        (Lang::Ru, Digest { .. }) => format!(
            "Файл {url} не совпадает с контрольной суммой в каталоге: он изменён или повреждён и не показан"
        ),
        (Lang::En, Digest { .. }) => format!(
            "The file {url} does not match the checksum the catalog lists: it was changed or damaged and is not shown"
        ),
    }
}

/// The technical detail under the sentence, where there is one worth showing.
pub fn fetch_error_detail(error: &FetchError) -> Option<String> {
    match error {
        FetchError::Network { message, .. } | FetchError::Body { message, .. } => {
            Some(message.clone())
        }
        FetchError::Catalog { error, .. } => Some(error.to_string()),
        FetchError::Http { .. } | FetchError::Timeout { .. } => None,
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

/// The result sentence when results that lack one word follow the complete ones:
/// «Найдено 3 организации, ещё 5 без одного слова». With none, [`found`].
pub fn found_with_partial(lang: Lang, complete: usize, partial: usize) -> String {
    if partial == 0 {
        return found(lang, complete);
    }
    let more = group_digits(lang, partial as u64);
    match lang {
        Lang::Ru => format!("{}, ещё {more} без одного слова", found(lang, complete)),
        Lang::En => format!("{}, {more} more missing one word", found(lang, complete)),
    }
}

/// The heading before the results that lack one word of the text: the word, when they
/// all lack the same one.
pub fn missing_one_word(lang: Lang, everywhere: Option<&str>) -> String {
    match (lang, everywhere) {
        (Lang::Ru, Some(word)) => format!("Нет совпадений со словом «{word}»"),
        (Lang::En, Some(word)) => format!("No matches for the word “{word}”"),
        (Lang::Ru, None) => "Без одного слова".to_string(),
        (Lang::En, None) => "Missing one word".to_string(),
    }
}

/// The note on a result that lacks one word of the text: «не найдено: „телефон“».
pub fn not_found_word(lang: Lang, word: &str) -> String {
    match lang {
        Lang::Ru => format!("не найдено: „{word}“"),
        Lang::En => format!("not found: “{word}”"),
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

/// A language's name in that language, as a switch or a choice offers it.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}

/// The language a switch offers on a page in `lang`: the other one.
pub fn other_language(lang: Lang) -> Lang {
    match lang {
        Lang::Ru => Lang::En,
        Lang::En => Lang::Ru,
    }
}

/// The name of a section in the navigation.
pub fn view_name(lang: Lang, view: View) -> &'static str {
    match (lang, view) {
        (Lang::Ru, View::Search) => "Поиск",
        (Lang::Ru, View::Check) => "Проверить канал",
        (Lang::Ru, View::Stats) => "Статистика",
        (Lang::Ru, View::Embed) => "Виджет для сайта",
        (Lang::En, View::Search) => "Search",
        (Lang::En, View::Check) => "Check a channel",
        (Lang::En, View::Stats) => "Statistics",
        (Lang::En, View::Embed) => "Widget for your site",
    }
}

/// The name of a text size in the low-vision settings.
pub fn text_size_name(lang: Lang, size: TextSize) -> &'static str {
    match (lang, size) {
        (Lang::Ru, TextSize::Normal) => "Обычный",
        (Lang::Ru, TextSize::Large) => "Крупный",
        (Lang::Ru, TextSize::Larger) => "Очень крупный",
        (Lang::Ru, TextSize::Largest) => "Самый крупный",
        (Lang::En, TextSize::Normal) => "Normal",
        (Lang::En, TextSize::Large) => "Large",
        (Lang::En, TextSize::Larger) => "Larger",
        (Lang::En, TextSize::Largest) => "Largest",
    }
}

/// The name of a colour scheme in the low-vision settings.
pub fn scheme_name(lang: Lang, scheme: Scheme) -> &'static str {
    match (lang, scheme) {
        (Lang::Ru, Scheme::System) => "Как в системе",
        (Lang::Ru, Scheme::BlackOnWhite) => "Чёрным по белому",
        (Lang::Ru, Scheme::WhiteOnBlack) => "Белым по чёрному",
        (Lang::Ru, Scheme::BlueOnBlue) => "Синим по голубому",
        (Lang::En, Scheme::System) => "As the system",
        (Lang::En, Scheme::BlackOnWhite) => "Black on white",
        (Lang::En, Scheme::WhiteOnBlack) => "White on black",
        (Lang::En, Scheme::BlueOnBlue) => "Dark blue on light blue",
    }
}

/// The level of government, as the card names it.
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    match (lang, level) {
        (Lang::Ru, Level::Federal) => "Федеральный",
        (Lang::Ru, Level::Regional) => "Региональный",
        (Lang::Ru, Level::Municipal) => "Муниципальный",
        (Lang::En, Level::Federal) => "Federal",
        (Lang::En, Level::Regional) => "Regional",
        (Lang::En, Level::Municipal) => "Municipal",
    }
}

/// The platform's own mark for a state organisation's channel, by the name it has there:
/// VK's and OK's «госметка», MAX's mark for state organisations, Telegram's verification.
pub fn platform_mark(lang: Lang, platform: &str) -> &'static str {
    match (lang, PlatformKind::from_id(platform)) {
        (Lang::Ru, Some(PlatformKind::Vk)) => "Госметка ВКонтакте",
        (Lang::Ru, Some(PlatformKind::Ok)) => "Госметка Одноклассников",
        (Lang::Ru, Some(PlatformKind::Max)) => "Отметка MAX для госорганизаций",
        (Lang::Ru, Some(PlatformKind::Telegram)) => "Отметка о проверке Telegram",
        (Lang::Ru, None) => "Отметка платформы",
        (Lang::En, Some(PlatformKind::Vk)) => "VK government mark",
        (Lang::En, Some(PlatformKind::Ok)) => "OK government mark",
        (Lang::En, Some(PlatformKind::Max)) => "MAX mark for state organisations",
        (Lang::En, Some(PlatformKind::Telegram)) => "Telegram verification mark",
        (Lang::En, None) => "The platform's mark",
    }
}

/// What the catalog says of a channel's officialness, in plain words, one line: the
/// platform's mark (or its absence), the day the publisher checked it, whether the
/// organisation's website links to it. «Госметка ВКонтакте · проверено 1 декабря 2026 ·
/// ссылка есть на сайте организации».
pub fn evidence(lang: Lang, channel: &Channel) -> String {
    let mut parts = vec![if channel.verified {
        platform_mark(lang, &channel.platform).to_string()
    } else {
        texts(lang).unverified_status.to_string()
    }];
    if let Some(date) = channel.checked {
        parts.push(match lang {
            Lang::Ru => format!("проверено {}", date_in_words(lang, date)),
            Lang::En => format!("checked {}", date_in_words(lang, date)),
        });
    }
    if channel.listed_on_website {
        parts.push(
            match lang {
                Lang::Ru => "ссылка есть на сайте организации",
                Lang::En => "linked from the organisation's website",
            }
            .to_string(),
        );
    }
    parts.join(" · ")
}

/// A feed link's text: what the feed announces new channels of.
pub fn feed_name(lang: Lang, scope: FeedScope, region: &str, sector: &str) -> String {
    match (lang, scope) {
        (Lang::Ru, FeedScope::All) => "Новые каналы: весь каталог".to_string(),
        (Lang::Ru, FeedScope::Region) => format!("Новые каналы: {region}"),
        (Lang::Ru, FeedScope::RegionSector) => format!("Новые каналы: {region}, {sector}"),
        (Lang::En, FeedScope::All) => "New channels: the whole catalog".to_string(),
        (Lang::En, FeedScope::Region) => format!("New channels: {region}"),
        (Lang::En, FeedScope::RegionSector) => format!("New channels: {region}, {sector}"),
    }
}

/// What a screen reader says for a channel's QR code.
pub fn qr_label(lang: Lang, platform: &str, handle: &str) -> String {
    match lang {
        Lang::Ru => format!("QR-код канала {platform}: {handle}"),
        Lang::En => format!("QR code of the {platform} channel {handle}"),
    }
}

/// How the checker read a pasted link: «Прочитано как: ВКонтакте, канал «school12»».
pub fn reading_of(lang: Lang, platform: Option<&str>, host: Option<&str>, handle: &str) -> String {
    let place = match (platform, host) {
        (Some(platform), _) => platform.to_string(),
        (None, Some(host)) => match lang {
            Lang::Ru => format!("сайт {host}"),
            Lang::En => format!("the site {host}"),
        },
        (None, None) => match lang {
            Lang::Ru => "любая платформа".to_string(),
            Lang::En => "any platform".to_string(),
        },
    };
    match (lang, handle.is_empty()) {
        (Lang::Ru, false) => format!("Прочитано как: {place}, канал «{handle}»"),
        (Lang::Ru, true) => format!("Прочитано как: {place}"),
        (Lang::En, false) => format!("Read as: {place}, channel \"{handle}\""),
        (Lang::En, true) => format!("Read as: {place}"),
    }
}

/// What a sign of imitation means, in plain words.
pub fn sign_text(lang: Lang, sign: Sign) -> &'static str {
    match (lang, sign) {
        (Lang::Ru, Sign::ConfusableLetters) => {
            "В адресе есть буквы другого алфавита, которые выглядят как латинские (например, русская «а» вместо латинской «a»)"
        }
        (Lang::Ru, Sign::InvisibleCharacters) => "В адресе спрятаны невидимые символы",
        (Lang::Ru, Sign::DirectionControls) => {
            "В адресе есть управляющие символы направления текста: на экране он выглядит не так, как записан"
        }
        (Lang::Ru, Sign::CompatibilityCharacters) => {
            "В адресе есть похожие на буквы знаки (широкие буквы, знак кельвина «K», лигатуры), которые браузер заменяет обычными"
        }
        (Lang::Ru, Sign::UnusualCharacters) => {
            "В адресе есть знаки, которых не бывает в адресах каналов (символы, эмодзи, «точки» и «косые» других алфавитов)"
        }
        (Lang::Ru, Sign::UserName) => {
            "Перед адресом сайта стоит имя пользователя («…@»): так прячут, куда на самом деле ведёт ссылка"
        }
        (Lang::Ru, Sign::SwappedCharacters) => {
            "Символы заменены похожими: цифра «0» вместо буквы «o», «1» вместо «l», «rn» вместо «m» и т. п."
        }
        (Lang::Ru, Sign::OneCharacterOff) => {
            "Адрес отличается от официального одним символом"
        }
        (Lang::Ru, Sign::ImitatedSite) => "Сайт только называется похоже на настоящую платформу",
        (Lang::En, Sign::ConfusableLetters) => {
            "The address has letters of another alphabet that look Latin (a Cyrillic «а» for a Latin \"a\")"
        }
        (Lang::En, Sign::InvisibleCharacters) => "The address hides invisible characters",
        (Lang::En, Sign::DirectionControls) => {
            "The address has text-direction controls: it displays differently from what it says"
        }
        (Lang::En, Sign::CompatibilityCharacters) => {
            "The address has letter-like signs (fullwidth letters, the Kelvin sign «K», ligatures) that a browser replaces with plain letters"
        }
        (Lang::En, Sign::UnusualCharacters) => {
            "The address has characters no channel address has (symbols, emoji, dots and slashes of other scripts)"
        }
        (Lang::En, Sign::UserName) => {
            "A user name stands before the site's address («…@»): a way to hide where the link really leads"
        }
        (Lang::En, Sign::SwappedCharacters) => {
            "Characters are swapped for lookalikes: the digit 0 for the letter o, 1 for l, rn for m"
        }
        (Lang::En, Sign::OneCharacterOff) => "The address differs from the official one by one character",
        (Lang::En, Sign::ImitatedSite) => "The site's name only resembles the real platform's",
    }
}

/// Why a checked channel was not found.
pub fn not_found_reason(lang: Lang, reason: &NotFound) -> String {
    match (lang, reason) {
        (Lang::Ru, NotFound::NotALink) => {
            "Это не похоже на ссылку или имя канала. Скопируйте адрес канала целиком.".to_string()
        }
        (Lang::En, NotFound::NotALink) => {
            "This does not look like a link or a channel name. Copy the channel's whole address.".to_string()
        }
        (Lang::Ru, NotFound::OtherSite(host)) => format!(
            "Ссылка ведёт на сайт {host}, а это не ВКонтакте, Одноклассники, MAX или Telegram — даже если название похоже."
        ),
        (Lang::En, NotFound::OtherSite(host)) => format!(
            "The link leads to the site {host}, which is not VK, Odnoklassniki, MAX or Telegram, however similar the name."
        ),
        (Lang::Ru, NotFound::UnknownHandle) => {
            "В каталоге нет официального канала с таким адресом.".to_string()
        }
        (Lang::En, NotFound::UnknownHandle) => {
            "The catalog has no official channel at this address.".to_string()
        }
    }
}

/// The button that searches for a respelled text: «Искать «школа»».
pub fn search_instead(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ru => format!("искать «{text}»"),
        Lang::En => format!("search for \"{text}\""),
    }
}

/// The button that drops a filter: «Убрать «Здравоохранение» — найдётся 3 организации».
pub fn drop_filter(lang: Lang, label: &str, found: usize) -> String {
    let organizations = counted(lang, found as u64, ORGANIZATIONS);
    match lang {
        Lang::Ru => {
            let verb = plural(lang, found as u64, "найдётся", "найдутся", "найдутся");
            format!("Убрать «{label}» — {verb} {organizations}")
        }
        Lang::En => format!("Remove \"{label}\": {organizations} found"),
    }
}

/// The federal districts in their official order, as the catalog names them.
pub const DISTRICTS: [&str; 8] = [
    "Центральный",
    "Северо-Западный",
    "Южный",
    "Северо-Кавказский",
    "Приволжский",
    "Уральский",
    "Сибирский",
    "Дальневосточный",
];

/// A federal district's heading in the region list; `None` for the regions no source
/// places in a district.
pub fn district_name(lang: Lang, district: Option<&str>) -> String {
    let Some(district) = district else {
        return match lang {
            Lang::Ru => "Другие регионы".to_string(),
            Lang::En => "Other regions".to_string(),
        };
    };
    match lang {
        Lang::Ru => format!("{district} федеральный округ"),
        Lang::En => {
            let english = match district {
                "Центральный" => "Central",
                "Северо-Западный" => "North-Western",
                "Южный" => "Southern",
                "Северо-Кавказский" => "North Caucasian",
                "Приволжский" => "Volga",
                "Уральский" => "Ural",
                "Сибирский" => "Siberian",
                "Дальневосточный" => "Far Eastern",
                other => other,
            };
            format!("{english} Federal District")
        }
    }
}

/// «2 906 организаций, 4 378 каналов, 1 234 567 подписчиков в 1 регионе».
pub fn stats_totals(lang: Lang, stats: &Stats) -> String {
    let organizations = counted(lang, stats.organizations as u64, ORGANIZATIONS);
    let channels = counted(lang, stats.channels as u64, CHANNELS);
    let subscribers = counted(lang, stats.subscribers, SUBSCRIBERS);
    let regions = stats.regions as u64;
    match lang {
        Lang::Ru => {
            let noun = plural(lang, regions, "регионе", "регионах", "регионах");
            format!(
                "{organizations}, {channels}, {subscribers} в {} {noun}",
                group_digits(lang, regions)
            )
        }
        Lang::En => {
            let noun = plural(lang, regions, "region", "regions", "regions");
            format!(
                "{organizations}, {channels} and {subscribers} in {} {noun}",
                group_digits(lang, regions)
            )
        }
    }
}

/// The name of a widget theme in the embed builder.
pub fn theme_name(lang: Lang, theme: Theme) -> &'static str {
    match (lang, theme) {
        (Lang::Ru, Theme::Auto) => "Как в системе читателя",
        (Lang::Ru, Theme::Light) => "Светлое",
        (Lang::Ru, Theme::Dark) => "Тёмное",
        (Lang::En, Theme::Auto) => "As the reader's system",
        (Lang::En, Theme::Light) => "Light",
        (Lang::En, Theme::Dark) => "Dark",
    }
}

/// «Нет подключения — данные от 20 ноября 2026».
pub fn offline_notice(lang: Lang, updated: Option<IsoDate>) -> String {
    match (lang, updated) {
        (Lang::Ru, Some(date)) => {
            format!("Нет подключения — данные от {}", date_in_words(lang, date))
        }
        (Lang::Ru, None) => "Нет подключения — показаны сохранённые данные".to_string(),
        (Lang::En, Some(date)) => {
            format!("No connection: data as of {}", date_in_words(lang, date))
        }
        (Lang::En, None) => "No connection: showing the saved data".to_string(),
    }
}

/// The words of the crash screen, which is written without the app's components.
#[derive(Debug, Clone, Copy)]
pub struct CrashTexts {
    pub title: &'static str,
    pub explanation: &'static str,
    pub reload: &'static str,
}

/// The crash screen's words in a language.
pub fn crash_texts(lang: Lang) -> CrashTexts {
    match lang {
        Lang::Ru => CrashTexts {
            title: "Что-то пошло не так",
            explanation: "Приложение остановилось из-за внутренней ошибки. Перезагрузите страницу: поиск и фильтры сохранятся, они записаны в адресе. Если ошибка повторяется, сообщите нам её текст.",
            reload: "Перезагрузить страницу",
        },
        Lang::En => CrashTexts {
            title: "Something went wrong",
            explanation: "The app stopped on an internal error. Reload the page: the search and filters are kept, as they are in the address. If it happens again, please send us the text of the error.",
            reload: "Reload the page",
        },
    }
}

#[cfg(test)]
mod tests;
