//! `import`: the spreadsheets publishers keep into a catalog.
//!
//! A workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`, read by `calamine`) or a CSV file
//! (UTF-8 with or without a byte-order mark, or Windows-1251; `;` or `,`) is read into a
//! [`Sheet`], and the sheet into a catalog:
//!
//! - the header row is found, not assumed: title rows and blank rows above it are skipped;
//! - headers are matched loosely (case, «ё», spaces and punctuation do not count), in our
//!   own names (the directory's CSV download, the catalog's field names) and in those of
//!   the public monitors of госпаблики («Сфера 1», «Госметка (да/нет)», «Количество
//!   подписчиков», «Ссылка на госпаблик ВК»…);
//! - a row may hold one channel (a link column and perhaps a platform column), or one
//!   organisation with a link column per platform («ВКонтакте», «MAX», «Telegram»,
//!   «Одноклассники»): each non-empty link is a channel;
//! - rows are grouped into organisations by `id`, else by OGRN, else by name, region and
//!   municipality.
//!
//! Every rejected row is reported with the row number the spreadsheet shows and the
//! reason, every cell left out with its address, in Russian; all other rows are imported.

use std::collections::HashMap;
use std::sync::Arc;

use catalog::{
    is_valid_id, is_valid_ogrn, parse_catalog, parse_http_url, sha256_hex, transliterate, Catalog,
    Channel, ChannelError, HttpUrl, IsoDate, Level, Organization, Platform, PlatformKind, Region,
    Sector, Severity, UrlError, MAX_SUBSCRIBERS, MAX_TEXT, MAX_URL,
};

use crate::demo::{platforms, sectors};
use crate::reference::regions;
use crate::sheet::{column_name, read_csv, read_sheets, tidy, Cell, Format, Row, Sheet, Value};

/// A row the importer could not take, or a cell it left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The row's number as the spreadsheet shows it (the first row is 1).
    pub row: u64,
    /// For CSV, the file's line where it differs from the row (a field over two lines).
    pub line: Option<u64>,
    /// The column's letters, when the reason is one cell's.
    pub column: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "строка {}", self.row)?;
        if let Some(line) = self.line {
            write!(f, " (строка файла {line})")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", ячейка {column}{}", self.row)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalog: Catalog,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The header row's number.
    pub header_row: u64,
    /// Non-empty rows below the header.
    pub rows: usize,
    pub rejected: Vec<Rejected>,
    /// Rows taken with a note: a cell left out, a column not used, a disagreement with an
    /// earlier row of the same organisation.
    pub notes: Vec<Rejected>,
}

/// Options a publisher gives on the command line.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub updated: Option<IsoDate>,
    pub source: Option<String>,
    pub license: Option<String>,
    /// The region code for rows that name none (a region's own table has no such column).
    pub region: Option<String>,
    /// The sheet to read; by default the first one with a header row.
    pub sheet: Option<String>,
    /// The catalog's `feeds` folder (checked by the core's `feeds_folder`).
    pub feeds: Option<String>,
}

/// Reads a file of any supported format; `path` only tells the format by its extension.
pub fn import(path: &str, bytes: &[u8], options: &ImportOptions) -> Result<Imported, String> {
    let sheets = read_sheets(bytes, Format::of(path, bytes))?;
    import_sheets(&sheets, options)
}

/// Reads a CSV file's bytes into a catalog with the built-in reference lists.
pub fn import_csv(bytes: &[u8], options: &ImportOptions) -> Result<Imported, String> {
    import_sheets(&[read_csv(bytes)?], options)
}

/// Imports the sheet `options.sheet` names, or the first sheet with a header row.
pub fn import_sheets(sheets: &[Sheet], options: &ImportOptions) -> Result<Imported, String> {
    let names = || {
        sheets
            .iter()
            .filter_map(|s| s.name.as_deref())
            .map(|n| format!("«{n}»"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(wanted) = &options.sheet {
        let sheet = sheets
            .iter()
            .find(|s| s.name.as_deref() == Some(wanted.as_str()))
            .or_else(|| {
                sheets
                    .iter()
                    .find(|s| s.name.as_deref().map(normalize) == Some(normalize(wanted)))
            })
            .ok_or_else(|| format!("нет листа «{wanted}»; листы: {}", names()))?;
        return import_sheet(sheet, options);
    }
    let mut first_error = None;
    // A hidden sheet is a template or a list for drop-downs, read only when named.
    for sheet in sheets.iter().filter(|s| !s.hidden) {
        match find_header(sheet) {
            Ok(_) => return import_sheet(sheet, options),
            Err(err) => {
                first_error.get_or_insert(err);
            }
        }
    }
    Err(match (first_error, sheets.len()) {
        (Some(err), 1) => err,
        (Some(err), _) => format!(
            "ни на одном листе ({}) нет строки заголовков; {err}",
            names()
        ),
        (None, _) => {
            "в файле нет ни одного видимого листа; назовите лист флагом --sheet ЛИСТ".to_string()
        }
    })
}

/// Imports one sheet.
pub fn import_sheet(sheet: &Sheet, options: &ImportOptions) -> Result<Imported, String> {
    let regions = regions();
    let sectors = sectors();
    let platforms = platforms();
    let default_region = match &options.region {
        None => None,
        Some(code) => Some(
            find_region(&regions, &pad_region(code), code)
                .ok_or_else(|| format!("--region {code}: нет такого кода региона"))?
                .code
                .clone(),
        ),
    };
    let (header_index, columns) = find_header(sheet)?;
    let header = &sheet.rows[header_index];
    let mut notes = column_notes(sheet, header_index, &columns);
    if !columns.has(Field::RegionCode)
        && !columns.has(Field::RegionName)
        && default_region.is_none()
    {
        return Err(
            "в таблице нет столбца «Код региона» или «Регион»: укажите регион флагом --region КОД"
                .to_string(),
        );
    }

    let context = Context {
        regions: &regions,
        sectors: &sectors,
        platforms: &platforms,
        default_region: default_region.as_deref(),
    };
    let mut organizations: Vec<Organization> = Vec::new();
    // Organisation key → (index in `organizations`, first row).
    let mut by_key: HashMap<String, (usize, u64)> = HashMap::new();
    // Each organisation's rows, and each of its channels' cell: where the parser's
    // verdict on the catalog is reported.
    let mut origins: Vec<Origin> = Vec::new();
    // A channel as the core compares channels (platform and channel key: `vk.com/club1`
    // is `m.vk.ru/public1`) → the row it came from.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut rejected = Vec::new();
    let mut rows = 0;
    for row in &sheet.rows[header_index + 1..] {
        if row.cells.iter().all(|c| c.value.is_empty()) {
            continue;
        }
        rows += 1;
        let at = |column: Option<usize>, reason: String| Rejected {
            row: row.number,
            line: row.line,
            column: column.map(column_name),
            reason,
        };
        for (index, cell) in row.cells.iter().enumerate() {
            if let (Value::Error(error), Some(kind)) = (&cell.value, columns.kinds.get(index)) {
                if *kind != Column::Unused {
                    notes.push(at(
                        Some(index),
                        format!("в ячейке ошибка формулы «{error}»; ячейка не взята"),
                    ));
                }
            }
        }
        if row.hidden {
            notes.push(at(
                None,
                "строка скрыта в таблице; импортирована".to_string(),
            ));
        }
        let reader = RowReader {
            row,
            columns: &columns,
        };
        let (org, channels, row_notes) = match read_row(&reader, &context) {
            Ok(read) => read,
            Err(reason) => {
                rejected.push(at(None, reason));
                continue;
            }
        };
        let row_notes: Vec<Rejected> = row_notes
            .into_iter()
            .map(|(column, reason)| at(column, reason))
            .collect();
        let mut fresh = Vec::new();
        let mut repeated = Vec::new();
        for (column, channel, key) in channels {
            match seen.get(&key) {
                Some(&first) => repeated.push((column, channel.url, first)),
                None => {
                    // Two cells of one row naming one channel are one channel too.
                    seen.insert(key, row.number);
                    fresh.push((column, channel));
                }
            }
        }
        if fresh.is_empty() {
            let (_, url, first) = &repeated[0];
            rejected.push(at(None, format!("канал {url} уже есть в строке {first}")));
            continue;
        }
        notes.extend(row_notes);
        for (column, url, first) in repeated {
            notes.push(at(
                Some(column),
                format!("канал {url} уже есть в строке {first}; эта ячейка пропущена"),
            ));
        }
        let cells: Vec<Place> = fresh
            .iter()
            .map(|(column, _)| Place {
                row: row.number,
                line: row.line,
                column: Some(*column),
            })
            .collect();
        let fresh: Vec<Channel> = fresh.into_iter().map(|(_, channel)| channel).collect();
        let key = org.id.clone();
        match by_key.get(&key) {
            Some(&(index, first_row)) => {
                let existing = &mut organizations[index];
                if existing.name != org.name
                    || existing.region != org.region
                    || existing.sector != org.sector
                {
                    notes.push(at(
                        None,
                        format!(
                            "у той же организации ({key}) в строке {first_row} другие название, \
                             регион или сфера; взяты из строки {first_row}"
                        ),
                    ));
                }
                existing.channels.extend(fresh);
                origins[index].rows.push(Place {
                    row: row.number,
                    line: row.line,
                    column: None,
                });
                origins[index].channels.extend(cells);
            }
            None => {
                by_key.insert(key, (organizations.len(), row.number));
                let mut org = org;
                org.channels = fresh;
                organizations.push(org);
                origins.push(Origin {
                    rows: vec![Place {
                        row: row.number,
                        line: row.line,
                        column: None,
                    }],
                    channels: cells,
                });
            }
        }
    }
    let built = Catalog {
        title: options.title.clone(),
        updated: options.updated,
        demo: false,
        source: options.source.clone(),
        license: options.license.clone(),
        feedback_url: None,
        feeds: options.feeds.clone(),
        regions,
        sectors,
        platforms,
        organizations: organizations.into_iter().map(Arc::new).collect(),
        shards: Vec::new(),
    };
    let header_place = Place {
        row: header.number,
        line: header.line,
        column: None,
    };
    let (catalog, more_rejected, more_notes) = recheck(&built, &origins, &header_place)?;
    rejected.extend(more_rejected);
    notes.extend(more_notes);
    // In the order a person reads the table; the notes of one row stay in their order.
    rejected.sort_by_key(|r| r.row);
    notes.sort_by_key(|n| n.row);
    Ok(Imported {
        catalog,
        sheet: sheet.name.clone(),
        header_row: header.number,
        rows,
        rejected,
        notes,
    })
}

/// A row, or a cell, of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    row: u64,
    line: Option<u64>,
    column: Option<usize>,
}

impl Place {
    fn says(&self, reason: String) -> Rejected {
        Rejected {
            row: self.row,
            line: self.line,
            column: self.column.map(column_name),
            reason,
        }
    }
}

/// Where an organisation of the catalog came from: its rows, and each channel's cell in
/// the order of its `channels`.
#[derive(Debug, Clone, Default)]
struct Origin {
    rows: Vec<Place>,
    channels: Vec<Place>,
}

/// The catalog as the app will read it: written, read back with the core's own
/// [`parse_catalog`], and what the parser skips or drops reported at the rows and cells
/// it came from. The importer's checks mirror the core's, but the core decides: what it
/// would refuse (a link its rules do not take as a channel, a field too long) is never
/// written, and the publisher is told where it was. Returns the catalog to write, the
/// rows rejected and the notes.
fn recheck(
    built: &Catalog,
    origins: &[Origin],
    header: &Place,
) -> Result<(Catalog, Vec<Rejected>, Vec<Rejected>), String> {
    let loaded = parse_catalog(&built.to_json())
        .map_err(|err| format!("собранный каталог не читается ядром каталога: {err}"))?;
    let index_of: HashMap<&str, usize> = built
        .organizations
        .iter()
        .enumerate()
        .map(|(index, org)| (org.id.as_str(), index))
        .collect();
    let mut rejected = Vec::new();
    let mut notes = Vec::new();
    // The organisations the parser skipped, with why.
    let mut refused: HashMap<usize, Vec<String>> = HashMap::new();
    for problem in &loaded.problems {
        // A title and a date are the publisher's to give with --title and --updated;
        // `validate` says they are missing, the import of a table need not.
        if problem.record == "catalog" && problem.message == "missing" {
            continue;
        }
        let org = index_of.get(problem.record.as_str()).copied().or_else(|| {
            problem
                .record
                .strip_prefix("organizations[")
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok())
        });
        let what = format!("{}: {}", problem.field, problem.message);
        let Some(origin) = org.and_then(|org| origins.get(org)) else {
            notes.push(header.says(format!("проверка каталога: {} / {what}", problem.record)));
            continue;
        };
        let channel = problem
            .field
            .strip_prefix("channels[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(n, _)| n.parse::<usize>().ok());
        match (channel, problem.severity) {
            (Some(channel), _) => {
                let place = origin.channels.get(channel).unwrap_or(&origin.rows[0]);
                notes.push(place.says(format!(
                    "проверка каталога не приняла канал ({what}); канал не взят"
                )));
            }
            (None, Severity::Error) => {
                if let Some(org) = org {
                    refused.entry(org).or_default().push(what);
                }
            }
            // The organisation is kept: the channels it lost are said above, and one
            // left with none is rejected below.
            (None, Severity::Warning) if problem.field == "channels" => {}
            (None, Severity::Warning) => {
                notes.push(origin.rows[0].says(format!("проверка каталога: {what}; поле не взято")))
            }
        }
    }
    for (org, reasons) in &refused {
        for place in &origins[*org].rows {
            rejected.push(place.says(format!(
                "проверка каталога не приняла организацию: {}",
                reasons.join("; ")
            )));
        }
    }
    let mut catalog = loaded.catalog;
    catalog.organizations.retain(|org| {
        let kept = !org.channels.is_empty();
        if !kept {
            for place in index_of
                .get(org.id.as_str())
                .map(|&index| origins[index].rows.as_slice())
                .unwrap_or_default()
            {
                rejected.push(
                    place.says(
                        "проверка каталога не приняла ни одного канала организации".to_string(),
                    ),
                );
            }
        }
        kept
    });
    Ok((catalog, rejected, notes))
}

/// The fields a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Id,
    Name,
    ShortName,
    RegionCode,
    RegionName,
    Municipality,
    SectorCode,
    SectorName,
    Level,
    Ogrn,
    Website,
    Platform,
    Subscribers,
    Verified,
    Checked,
    ListedOnWebsite,
}

/// Header names, as [`normalize`] leaves them, and the field each one means.
const HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "идентификатор"]),
    (
        Field::Name,
        &[
            "name",
            "название",
            "полное название",
            "наименование",
            "полное наименование",
            "название организации",
            "наименование организации",
            "организация",
        ],
    ),
    (
        Field::ShortName,
        &[
            "short name",
            "краткое название",
            "сокращенное наименование",
            "сокращенное название",
            "краткое наименование",
        ],
    ),
    (
        Field::RegionCode,
        &["region", "region code", "код региона", "код субъекта"],
    ),
    (
        Field::RegionName,
        &[
            "регион",
            "region name",
            "субъект",
            "субъект рф",
            "субъект российской федерации",
        ],
    ),
    (
        Field::Municipality,
        &[
            "municipality",
            "муниципальное образование",
            "мо",
            "муниципалитет",
            "муниципальный район округ",
            "городской округ муниципальный район",
        ],
    ),
    (Field::SectorCode, &["sector", "sector code", "код сферы"]),
    (
        Field::SectorName,
        &[
            "сфера",
            "сфера 1",
            "sector name",
            "отрасль",
            "сфера деятельности",
        ],
    ),
    (Field::Level, &["level", "уровень", "уровень власти"]),
    (Field::Ogrn, &["ogrn", "огрн", "огрн огрнип"]),
    (
        Field::Website,
        &["website", "сайт", "официальный сайт", "адрес сайта"],
    ),
    (
        Field::Platform,
        &["platform", "платформа", "площадка", "соцсеть"],
    ),
    (
        Field::Subscribers,
        &[
            "subscribers",
            "подписчики",
            "число подписчиков",
            "количество подписчиков",
        ],
    ),
    (
        Field::Verified,
        &[
            "verified",
            "подтвержден",
            "верифицирован",
            "госметка",
            "госметка да нет",
            "галочка",
        ],
    ),
    (
        Field::Checked,
        &[
            "checked",
            "проверено",
            "проверен",
            "дата проверки",
            "проверка",
            "последняя проверка",
            "дата последней проверки",
        ],
    ),
    (
        Field::ListedOnWebsite,
        &[
            "listed on website",
            "указан на сайте",
            "указан на сайте да нет",
            "ссылка на сайте",
            "ссылка на сайте да нет",
            "ссылка есть на сайте",
            "есть на сайте",
            "размещен на сайте",
            "на сайте",
        ],
    ),
];

/// Headers of columns a monitor's table has and the catalog has no field for, so that
/// the note says «not used» rather than «not understood».
const KNOWN_UNUSED: &[&str] = &[
    "учредитель",
    "сфера 2",
    "сфера 3",
    "id канала",
    "адрес указанный в настройках страницы",
    "виджеты 0 1 2",
    "активность",
    "активность %",
    "№",
    "n",
    "номер",
    "п п",
    "№ п п",
];

/// Headers of a column of channel links whose platform comes from the link itself (or
/// from a «Платформа» column).
const LINK_HEADERS: &[&str] = &[
    "url",
    "channel url",
    "адрес канала",
    "ссылка",
    "ссылка на канал",
    "ссылка на госпаблик",
    "госпаблик",
    "канал",
];

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Field(Field),
    /// Channel links, of one platform or (`None`) of the platform the link names.
    Link(Option<PlatformKind>),
    /// A header the catalog has no field for, or a second column of one field.
    Unused,
}

#[derive(Debug, Clone)]
struct Columns {
    kinds: Vec<Column>,
    headers: Vec<String>,
}

impl Columns {
    fn has(&self, field: Field) -> bool {
        self.kinds.contains(&Column::Field(field))
    }

    fn of(&self, field: Field) -> Option<usize> {
        self.kinds.iter().position(|k| *k == Column::Field(field))
    }
}

/// The header row's index and its columns: the first of the sheet's first 50 rows that
/// names an organisation column and a link column.
fn find_header(sheet: &Sheet) -> Result<(usize, Columns), String> {
    for (index, row) in sheet.rows.iter().enumerate().take(50) {
        let columns = columns_of(row);
        let has_link = columns.kinds.iter().any(|k| matches!(k, Column::Link(_)));
        if columns.has(Field::Name) && has_link {
            return Ok((index, columns));
        }
    }
    let seen: Vec<String> = sheet
        .rows
        .iter()
        .take(5)
        .map(|row| {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| c.value.text())
                .filter(|t| !t.is_empty())
                .take(8)
                .collect();
            format!("строка {}: {}", row.number, cells.join(" | "))
        })
        .collect();
    Err(format!(
        "не найдена строка заголовков{}: нужны столбец «Название» и столбец ссылок на каналы \
         («Адрес канала», «Ссылка на госпаблик ВК», «MAX», «Telegram», «Одноклассники»…); \
         первые строки: {}",
        sheet
            .name
            .as_ref()
            .map(|n| format!(" на листе «{n}»"))
            .unwrap_or_default(),
        if seen.is_empty() {
            "лист пуст".to_string()
        } else {
            seen.join("; ")
        }
    ))
}

fn columns_of(row: &Row) -> Columns {
    let headers: Vec<String> = row.cells.iter().map(|c| c.value.text()).collect();
    let mut kinds = Vec::new();
    for header in &headers {
        let key = normalize(header);
        let kind = if key.is_empty() {
            Column::Unused
        } else if let Some((field, _)) = HEADERS.iter().find(|(_, names)| is_one_of(&key, names)) {
            if kinds.contains(&Column::Field(*field)) {
                Column::Unused
            } else {
                Column::Field(*field)
            }
        } else if is_one_of(&key, LINK_HEADERS) {
            Column::Link(None)
        } else if let Some(kind) = link_platform(&key) {
            Column::Link(Some(kind))
        } else {
            Column::Unused
        };
        kinds.push(kind);
    }
    Columns { kinds, headers }
}

/// The platform a link column's header names, when the header is a platform's name with
/// words such as «ссылка на госпаблик» around it: «Ссылка на госпаблик ВК», «MAX»,
/// «Канал в Telegram», «Страница в Одноклассниках».
fn link_platform(key: &str) -> Option<PlatformKind> {
    const FILLER: &[&str] = &[
        "ссылка",
        "ссылки",
        "на",
        "в",
        "во",
        "госпаблик",
        "госпаблика",
        "канал",
        "канала",
        "страница",
        "страницу",
        "страницы",
        "группа",
        "группу",
        "сообщество",
        "адрес",
        "url",
        "link",
        "аккаунт",
        "официальный",
        "официальная",
        "официальную",
        "мессенджере",
        "мессенджер",
        "соцсети",
        "сети",
        "сеть",
        "чат",
    ];
    let mut found = None;
    for word in key.split(' ') {
        let kind = match word {
            "вк" | "vk" | "вконтакте" | "контакте" | "vkontakte" => {
                PlatformKind::Vk
            }
            "max" | "макс" => PlatformKind::Max,
            "telegram" | "телеграм" | "телеграмм" | "tg" | "тг" | "телеграме" | "телеграмме" => {
                PlatformKind::Telegram
            }
            "одноклассники" | "одноклассниках" | "ok" | "ок" | "odnoklassniki" => {
                PlatformKind::Ok
            }
            filler if FILLER.contains(&filler) => continue,
            _ => return None,
        };
        if found.is_some_and(|f| f != kind) {
            return None;
        }
        found = Some(kind);
    }
    found
}

/// Notes for the columns not used: the header's name and how many cells are left out.
fn column_notes(sheet: &Sheet, header_index: usize, columns: &Columns) -> Vec<Rejected> {
    let header = &sheet.rows[header_index];
    let width = sheet.rows[header_index..]
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0);
    // One pass over the cells, not one per column: a sheet may be thousands of columns
    // wide and a million rows long.
    let mut filled_in = vec![0usize; width];
    for row in &sheet.rows[header_index + 1..] {
        for (index, cell) in row.cells.iter().enumerate() {
            if !cell.value.is_empty() {
                filled_in[index] += 1;
            }
        }
    }
    // Each header's first column, to name the column a repeated header repeats.
    let mut first_of: HashMap<String, usize> = HashMap::new();
    for (index, header) in columns.headers.iter().enumerate() {
        first_of.entry(normalize(header)).or_insert(index);
    }
    let mut notes = Vec::new();
    for (index, &filled) in filled_in.iter().enumerate() {
        let kind = columns.kinds.get(index).copied().unwrap_or(Column::Unused);
        if kind != Column::Unused {
            continue;
        }
        let name = columns.headers.get(index).cloned().unwrap_or_default();
        if name.is_empty() && filled == 0 {
            continue;
        }
        let key = normalize(&name);
        let why = if name.is_empty() {
            "столбец без заголовка".to_string()
        } else if let Some(&first) = first_of.get(&key).filter(|&&first| first != index) {
            format!("столбец «{name}» повторяет столбец {}", column_name(first))
        } else if is_one_of(&key, KNOWN_UNUSED) {
            format!("столбец «{name}» в каталог не входит")
        } else {
            format!("столбец «{name}» не распознан")
        };
        notes.push(Rejected {
            row: header.number,
            line: header.line,
            column: Some(column_name(index)),
            reason: format!("{why}: {filled} непустых ячеек не взято"),
        });
    }
    notes
}

/// A header or a value as it is compared: lower case, «ё» as «е», punctuation and
/// spaces of any kind as one space.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() || c == '№' || c == '%' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// Whether a normalised text is one of the names, spaces aside («О.Г.Р.Н.» is «ОГРН»).
fn is_one_of(key: &str, names: &[&str]) -> bool {
    let compact = |text: &str| text.replace(' ', "");
    let key = compact(key);
    names.iter().any(|name| compact(name) == key)
}

/// The reference lists a row is read against.
struct Context<'a> {
    regions: &'a [Region],
    sectors: &'a [Sector],
    platforms: &'a [Platform],
    default_region: Option<&'a str>,
}

/// One data row, read through the header's columns.
struct RowReader<'a> {
    row: &'a Row,
    columns: &'a Columns,
}

impl RowReader<'_> {
    /// The field's cell; a formula's error counts as no cell (it is noted once per row).
    fn cell(&self, field: Field) -> Option<(usize, &Cell)> {
        let index = self.columns.of(field)?;
        let cell = self.row.cells.get(index)?;
        (!matches!(cell.value, Value::Error(_))).then_some((index, cell))
    }

    fn text(&self, field: Field) -> String {
        self.cell(field)
            .map(|(_, c)| c.value.text())
            .unwrap_or_default()
    }
}

/// A row's organisation (without channels), its channels with their columns, and the
/// notes on cells left out; or why the row is rejected.
type ReadRow = (
    Organization,
    Vec<(usize, Channel, String)>,
    Vec<(Option<usize>, String)>,
);

fn read_row(reader: &RowReader, context: &Context) -> Result<ReadRow, String> {
    let mut notes: Vec<(Option<usize>, String)> = Vec::new();
    let name = reader.text(Field::Name);
    if name.is_empty() {
        return Err("нет названия организации («Название»)".into());
    }
    if name.chars().count() > MAX_TEXT {
        return Err(format!(
            "название длиннее {MAX_TEXT} символов ({})",
            name.chars().count()
        ));
    }
    let ogrn = match reader.cell(Field::Ogrn) {
        None => None,
        Some((column, cell)) => match read_ogrn(&cell.value) {
            Ok(ogrn) => ogrn,
            Err(reason) => {
                notes.push((Some(column), format!("{reason}; ОГРН не взят")));
                None
            }
        },
    };

    let region_code = pad_region(&reader.text(Field::RegionCode));
    let region_name = reader.text(Field::RegionName);
    let region = if region_code.is_empty() && region_name.is_empty() {
        match context.default_region {
            Some(code) => code.to_string(),
            None => {
                return Err("не указан регион (ни кода, ни названия; можно задать --region)".into())
            }
        }
    } else {
        find_region(context.regions, &region_code, &region_name)
            .ok_or_else(|| {
                format!(
                    "неизвестный регион «{}»",
                    if region_code.is_empty() {
                        &region_name
                    } else {
                        &region_code
                    }
                )
            })?
            .code
            .clone()
    };
    let sector = read_sector(
        context.sectors,
        &reader.text(Field::SectorCode),
        &reader.text(Field::SectorName),
    )?;
    let municipality = Some(reader.text(Field::Municipality)).filter(|s| !s.is_empty());
    let id = match (reader.text(Field::Id), &ogrn) {
        (id, _) if !id.is_empty() => {
            if !is_valid_id(&id) {
                return Err(format!("id «{id}» — не 1–64 знака из A–Z a–z 0–9 _ -"));
            }
            id
        }
        (_, Some(ogrn)) => format!("ogrn-{ogrn}"),
        (_, None) => derived_id(&region, &name, municipality.as_deref()),
    };
    let level = match reader.cell(Field::Level) {
        None => None,
        Some((column, cell)) => {
            let text = cell.value.text();
            let key = normalize(&text);
            if key.is_empty() {
                None
            } else if key.starts_with("федерал") || key == "federal" || key == "фоив" {
                Some(Level::Federal)
            } else if key.starts_with("регион") || key == "regional" || key == "роив" {
                Some(Level::Regional)
            } else if key.starts_with("муницип")
                || key == "municipal"
                || key == "омсу"
                || key == "местный"
            {
                Some(Level::Municipal)
            } else {
                notes.push((
                    Some(column),
                    format!("уровень «{text}» — не федеральный, региональный или муниципальный; не взят"),
                ));
                None
            }
        }
    };
    let website = match reader.cell(Field::Website) {
        None => None,
        Some((column, cell)) => {
            let text = cell.link.clone().unwrap_or_else(|| cell.value.text());
            let text = with_scheme(&text);
            if text.is_empty() {
                None
            } else if parse_http_url(&text).is_ok() && text.len() <= MAX_URL {
                Some(text)
            } else {
                notes.push((
                    Some(column),
                    format!("сайт «{text}» — не адрес http(s); не взят"),
                ));
                None
            }
        }
    };

    let row_platform = reader.text(Field::Platform);
    let mut channels: Vec<(usize, Channel, String)> = Vec::new();
    let mut link_errors: Vec<(usize, String)> = Vec::new();
    for (column, kind) in reader.columns.kinds.iter().enumerate() {
        let Column::Link(kind) = *kind else {
            continue;
        };
        let Some(cell) = reader.row.cells.get(column) else {
            continue;
        };
        // A merged link cell names one channel, not one per row it covers.
        let error = matches!(cell.value, Value::Error(_));
        if cell.merged || error || (cell.value.is_empty() && cell.link.is_none()) {
            continue;
        }
        let shown = cell.value.text();
        let written = match &cell.link {
            Some(target) if target.starts_with("http") || !looks_like_link(&shown) => {
                if looks_like_link(&shown) && with_scheme(&shown) != with_scheme(target) {
                    notes.push((
                        Some(column),
                        format!(
                            "в ячейке написано «{shown}», а ссылка ведёт на {target}; взят адрес ссылки"
                        ),
                    ));
                }
                target.clone()
            }
            _ => shown,
        };
        match read_channel(&written, kind, &row_platform, context.platforms) {
            Ok((channel, key)) => channels.push((column, channel, key)),
            Err(reason) => link_errors.push((column, reason)),
        }
    }
    if channels.is_empty() {
        return Err(match link_errors.as_slice() {
            [] => "нет ни одной ссылки на канал".to_string(),
            errors => errors
                .iter()
                .map(|(column, reason)| format!("{}: {reason}", column_name(*column)))
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    for (column, reason) in link_errors {
        notes.push((Some(column), format!("{reason}; канал не взят")));
    }
    // A mark and a subscriber count are the first link column's (the monitor's VK page),
    // never another platform's channel in the same row.
    let primary = reader
        .columns
        .kinds
        .iter()
        .position(|k| matches!(k, Column::Link(_)));
    let target = channels
        .iter()
        .position(|(column, _, _)| Some(*column) == primary);
    let mut lost = None;
    if let Some((column, cell)) = reader.cell(Field::Verified) {
        match read_yes_no(&cell.value) {
            Some(yes) => match target {
                Some(target) => channels[target].1.verified = yes,
                None if yes => lost = lost.or(Some(column)),
                None => {}
            },
            None => notes.push((
                Some(column),
                format!(
                    "«{}» — не «да» и не «нет»; отметка не взята",
                    cell.value.text()
                ),
            )),
        }
    }
    if let Some((column, cell)) = reader.cell(Field::Checked) {
        match read_date(&cell.value) {
            Ok(date) => match target {
                Some(target) => channels[target].1.checked = date,
                None if date.is_some() => lost = lost.or(Some(column)),
                None => {}
            },
            Err(reason) => notes.push((Some(column), reason)),
        }
    }
    if let Some((column, cell)) = reader.cell(Field::ListedOnWebsite) {
        match read_yes_no(&cell.value) {
            Some(yes) => match target {
                Some(target) => channels[target].1.listed_on_website = yes,
                None if yes => lost = lost.or(Some(column)),
                None => {}
            },
            None => notes.push((
                Some(column),
                format!(
                    "«{}» — не «да» и не «нет»; не взято, есть ли ссылка на сайте",
                    cell.value.text()
                ),
            )),
        }
    }
    if let Some((column, cell)) = reader.cell(Field::Subscribers) {
        match read_count(&cell.value) {
            Ok(count) => match target {
                Some(target) => channels[target].1.subscribers = count,
                None if count.is_some() => lost = lost.or(Some(column)),
                None => {}
            },
            Err(reason) => notes.push((Some(column), reason)),
        }
    }
    if let (Some(column), Some(primary)) = (lost, primary) {
        notes.push((
            Some(column),
            format!(
                "отметка, число подписчиков, дата проверки и ссылка на сайте относятся к ссылке в столбце {}, а её в этой строке нет; не взяты",
                column_name(primary)
            ),
        ));
    }

    let org = Organization {
        id,
        name,
        short_name: Some(reader.text(Field::ShortName)).filter(|s| !s.is_empty()),
        region,
        municipality,
        sector,
        level,
        ogrn,
        website,
        channels: Vec::new(),
    };
    Ok((org, channels, notes))
}

/// A channel from a link as written, in a column of platform `kind` (or of any platform,
/// then named by the row's «Платформа» or by the link's host).
fn read_channel(
    written: &str,
    kind: Option<PlatformKind>,
    row_platform: &str,
    platforms: &[Platform],
) -> Result<(Channel, String), String> {
    let written = tidy(written);
    if !written.contains([':', '.', '@']) {
        return Err(format!(
            "«{written}» — не адрес: в ячейке нет ни адреса, ни ссылки"
        ));
    }
    // «@name» is how people write a Telegram (or MAX, VK) handle.
    let url = match (written.strip_prefix('@'), kind) {
        (Some(handle), Some(kind)) => format!("https://{}/{handle}", kind.hosts()[0]),
        _ => with_scheme(&written),
    };
    // Every platform serves https; an old http:// link is the same channel.
    let url = match url.strip_prefix("http://") {
        Some(rest) => format!("https://{rest}"),
        None => url,
    };
    if url.len() > MAX_URL {
        return Err(format!("адрес длиннее {MAX_URL} байт"));
    }
    let parsed = parse_http_url(&url).map_err(|err| format!("«{written}»: {}", url_error(&err)))?;
    let platform = match kind {
        Some(kind) => platforms.iter().find(|p| p.id == kind.as_str()),
        None if row_platform.is_empty() => {
            platforms.iter().find(|p| p.hosts.contains(&parsed.host))
        }
        None => {
            let wanted = normalize(row_platform);
            platforms.iter().find(|p| {
                p.id == wanted
                    || normalize(&p.name) == wanted
                    || p.name_en.as_deref().is_some_and(|n| normalize(n) == wanted)
                    || link_platform(&wanted).is_some_and(|k| k.as_str() == p.id)
            })
        }
    }
    .ok_or_else(|| {
        if row_platform.is_empty() {
            format!("«{written}» — не адрес ВКонтакте, Одноклассников, MAX или Telegram")
        } else {
            format!("неизвестная платформа «{row_platform}» для {written}")
        }
    })?;
    if !platform.hosts.contains(&parsed.host) {
        return Err(format!(
            "«{written}» — не адрес {} (её адреса: {})",
            platform.name,
            platform.hosts.join(", ")
        ));
    }
    let identity = identity(&platform.id, &parsed)
        .map_err(|err| format!("«{written}»: {}", channel_error(&err)))?;
    let channel = Channel {
        platform: platform.id.clone(),
        handle: catalog::handle_of(&parsed),
        url,
        subscribers: None,
        verified: false,
        added: None,
        checked: None,
        listed_on_website: false,
    };
    Ok((channel, identity))
}

/// A channel as the core compares channels: its platform and its channel key there, so
/// that `https://vk.com/club1` and `https://m.vk.ru/public1` are one channel
/// (`vk:club1`). `import` finds a channel given twice by it, and `diff` and the `added`
/// stamp match a channel across publications by it. A URL the core would not take as a
/// channel (no catalog that was read holds one) is its own identity.
pub fn channel_identity(channel: &Channel) -> String {
    parse_http_url(&channel.url)
        .ok()
        .and_then(|parsed| identity(&channel.platform, &parsed).ok())
        .unwrap_or_else(|| format!("{}:{}", channel.platform, channel.url))
}

fn identity(platform: &str, parsed: &HttpUrl) -> Result<String, ChannelError> {
    let path = channel_path(parsed);
    let key = match PlatformKind::from_id(platform).map(|k| k.channel_key(path)) {
        Some(key) => key?,
        // A platform the core does not know: the URL itself, lower case.
        None => format!("{}{}", parsed.host, path.to_ascii_lowercase()),
    };
    Ok(format!("{platform}:{key}"))
}

fn channel_path(url: &HttpUrl) -> &str {
    let end = url.rest.find(['?', '#']).unwrap_or(url.rest.len());
    &url.rest[..end]
}

/// Whether a cell's text is itself an address (rather than «Группа ВК» over a link).
fn looks_like_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with('@')
        || PlatformKind::ALL
            .iter()
            .flat_map(|k| k.hosts())
            .any(|host| lower.starts_with(&format!("{host}/")))
}

/// An address written without a scheme («vk.com/school12») with `https://` before it.
fn with_scheme(text: &str) -> String {
    let text = tidy(text);
    let lower = text.to_ascii_lowercase();
    if text.is_empty()
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.contains("://")
    {
        return text;
    }
    let host_end = text.find(['/', '?', '#']).unwrap_or(text.len());
    let host = &text[..host_end];
    if host.contains('.') && !host.contains(' ') && !host.contains(':') {
        format!("https://{text}")
    } else {
        text
    }
}

fn url_error(err: &UrlError) -> String {
    match err {
        UrlError::Empty => "пустой адрес".into(),
        UrlError::NotHttp => "не адрес http(s)".into(),
        UrlError::Whitespace => "в адресе пробелы или управляющие символы".into(),
        UrlError::NonAscii => {
            "в адресе буквы не латиницей (кириллица, похожая на латиницу, невидимые знаки)".into()
        }
        UrlError::Backslash => "в адресе обратная косая черта «\\»".into(),
        UrlError::UserInfo => "в адресе имя пользователя или пароль".into(),
        UrlError::Port => "в адресе указан порт".into(),
        UrlError::BadHost(host) => format!("«{host}» — не имя сайта"),
    }
}

fn channel_error(err: &ChannelError) -> String {
    match err {
        ChannelError::Empty => "адрес не называет канал (путь пуст)".into(),
        ChannelError::Reserved(page) => {
            format!("«{page}» — служебная страница площадки (переход, запись, поиск…), а не канал")
        }
        ChannelError::NotAName(name) => format!("«{name}» — не имя канала на этой площадке"),
    }
}

/// An OGRN from a cell: digits of a text (spaces dropped) or a whole number. A number
/// a spreadsheet wrote as «1.0242E+12» has lost its digits: that is said, not guessed.
fn read_ogrn(value: &Value) -> Result<Option<String>, String> {
    let text = match value {
        Value::Empty => return Ok(None),
        Value::Number(n) if n.fract() != 0.0 || *n < 0.0 => {
            return Err(format!("ОГРН {n} — не целое число"))
        }
        Value::Number(n) => crate::sheet::number_text(*n),
        other => other.text().replace(' ', ""),
    };
    if text.is_empty() {
        return Ok(None);
    }
    if is_exponent(&text) {
        return Err(format!(
            "ОГРН «{text}» записан в экспоненциальной форме: таблица округлила его при сохранении, \
             цифры потеряны и не восстанавливаются (сохраните столбец ОГРН как текст)"
        ));
    }
    // An OGRN's last seven digits before the check digit are a record number, so five
    // zeros at the end are what a spreadsheet leaves of a rounded number, whether or not
    // the check digit happens to agree.
    if text.len() >= 13 && text.ends_with("00000") && text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "ОГРН {text} оканчивается нулями: похоже, таблица округлила число при сохранении, \
             цифры потеряны и не восстанавливаются (сохраните столбец ОГРН как текст)"
        ));
    }
    if is_valid_ogrn(&text) {
        return Ok(Some(text));
    }
    Err(format!(
        "ОГРН {text} неверен (13 или 15 цифр с контрольной)"
    ))
}

/// «1.0242E+12», «1,0242e12»: a number in exponent form.
fn is_exponent(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A subscriber count from a cell: a whole number, or a text of digits with spaces.
fn read_count(value: &Value) -> Result<Option<u64>, String> {
    let number = match value {
        Value::Empty => return Ok(None),
        Value::Number(n) => Some(*n),
        other => {
            let text = other.text().replace(' ', "");
            if text.is_empty() {
                return Ok(None);
            }
            text.replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|_| !is_exponent(&text))
        }
    };
    match number {
        Some(n) if n.fract() == 0.0 && (0.0..=MAX_SUBSCRIBERS as f64).contains(&n) => {
            Ok(Some(n as u64))
        }
        _ => Err(format!(
            "число подписчиков «{}» — не целое число от 0 до {MAX_SUBSCRIBERS}; не взято",
            value.text()
        )),
    }
}

/// The day a channel was checked, from a cell: `YYYY-MM-DD` (what a workbook's date cell
/// reads as, see `sheet.rs`) or `DD.MM.YYYY` as people type it, a time after it ignored;
/// `None` for an empty cell, and the note's text for anything else.
fn read_date(value: &Value) -> Result<Option<IsoDate>, String> {
    let text = value.text();
    if text.is_empty() {
        return Ok(None);
    }
    let day = text
        .split([' ', 'T'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(['г', '.']);
    let iso = match day.split('.').collect::<Vec<_>>().as_slice() {
        [d, m, y] if y.len() == 4 && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => day.to_string(),
    };
    match (value, IsoDate::parse(&iso)) {
        (Value::Text(_), Some(date)) => Ok(Some(date)),
        _ => Err(format!(
            "дата проверки «{text}» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ); не взята"
        )),
    }
}

/// «да» or «нет» from a cell, in the ways tables write it; `None` when it is neither.
fn read_yes_no(value: &Value) -> Option<bool> {
    match value {
        Value::Empty => Some(false),
        Value::Bool(b) => Some(*b),
        Value::Number(n) if *n == 1.0 => Some(true),
        Value::Number(n) if *n == 0.0 => Some(false),
        other => {
            let text = other.text().to_lowercase().replace('ё', "е");
            match text.as_str() {
                "да"
                | "есть"
                | "+"
                | "1"
                | "yes"
                | "y"
                | "true"
                | "истина"
                | "подтвержден"
                | "подтверждена"
                | "✓"
                | "✔"
                | "v" => Some(true),
                "нет"
                | "-"
                | "—"
                | "0"
                | "no"
                | "n"
                | "false"
                | "ложь"
                | "не подтвержден"
                | "отсутствует"
                | "" => Some(false),
                _ => None,
            }
        }
    }
}

/// Synonyms of each sector's name, as [`normalize`] leaves them: what the monitors'
/// «Сфера» columns and the offices' own tables call it.
const SECTOR_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "government",
        &[
            "органы власти",
            "власть",
            "органы государственной власти",
            "органы местного самоуправления",
            "местное самоуправление",
            "государственное управление",
            "муниципальное управление",
            "администрация",
            "администрации",
            "госуправление",
            "омсу",
            "роив",
        ],
    ),
    (
        "education",
        &[
            "образование",
            "образование и наука",
            "наука и образование",
            "общее образование",
            "дошкольное образование",
            "дополнительное образование",
            "профессиональное образование",
            "высшее образование",
            "школы",
            "школа",
            "детские сады",
        ],
    ),
    (
        "culture",
        &[
            "культура",
            "культура и искусство",
            "искусство",
            "библиотеки",
            "музеи",
            "туризм и культура",
        ],
    ),
    (
        "health",
        &[
            "здравоохранение",
            "медицина",
            "здоровье",
            "больницы",
            "поликлиники",
        ],
    ),
    (
        "sport",
        &[
            "физкультура и спорт",
            "спорт",
            "физическая культура и спорт",
            "физическая культура",
        ],
    ),
    (
        "social",
        &[
            "социальная защита",
            "соцзащита",
            "социальная сфера",
            "социальная политика",
            "социальная поддержка",
            "социальное обслуживание",
            "занятость",
            "труд и занятость",
        ],
    ),
    (
        "youth",
        &[
            "молодежная политика",
            "молодежь",
            "молодежная сфера",
            "молодежные организации",
        ],
    ),
    (
        "housing",
        &[
            "жкх и благоустройство",
            "жкх",
            "жилищно коммунальное хозяйство",
            "благоустройство",
            "строительство и жкх",
            "жкх и энергетика",
        ],
    ),
    (
        "safety",
        &[
            "безопасность и чс",
            "безопасность",
            "чс",
            "гражданская оборона",
            "гражданская оборона и чс",
            "мчс",
            "пожарная безопасность",
        ],
    ),
    (
        "services",
        &[
            "госуслуги и мфц",
            "мфц",
            "госуслуги",
            "государственные услуги",
            "государственные и муниципальные услуги",
        ],
    ),
    (
        "transport",
        &[
            "транспорт",
            "дороги",
            "транспорт и дороги",
            "дорожное хозяйство",
            "транспорт и связь",
        ],
    ),
];

/// The sector a row names by id or by name (its own, its English one or a synonym).
fn read_sector(sectors: &[Sector], code: &str, name: &str) -> Result<String, String> {
    if code.is_empty() && name.is_empty() {
        return Err("не указана сфера («Сфера» или «Код сферы»)".into());
    }
    let key = normalize(name);
    sectors
        .iter()
        .find(|s| {
            (!code.is_empty() && s.id == code.to_lowercase())
                || (!key.is_empty()
                    && (normalize(&s.name) == key
                        || s.name_en.as_deref().is_some_and(|n| normalize(n) == key)
                        || s.id == key
                        || SECTOR_SYNONYMS
                            .iter()
                            .any(|(id, names)| *id == s.id && is_one_of(&key, names))))
        })
        .map(|s| s.id.clone())
        .ok_or_else(|| {
            format!(
                "неизвестная сфера «{}»; известны: {}",
                if code.is_empty() { name } else { code },
                sectors
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// Region codes are two digits; a spreadsheet may have eaten the leading zero.
fn pad_region(code: &str) -> String {
    if code.len() == 1 && code.chars().all(|c| c.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code.to_string()
    }
}

/// The region with this code, or with this name (full, short, or the part before « — »).
fn find_region<'a>(regions: &'a [Region], code: &str, name: &str) -> Option<&'a Region> {
    let key = normalize(name);
    regions.iter().find(|r| {
        (!code.is_empty() && r.code == code)
            || (!key.is_empty()
                && (normalize(&r.name) == key
                    || r.short_name.as_deref().is_some_and(|s| normalize(s) == key)
                    || r.name
                        .split_once(" — ")
                        .is_some_and(|(head, _)| normalize(head) == key)))
    })
}

/// An id for an organisation the table names by neither id nor OGRN: its region, its
/// name in Latin letters, and a hash of its name and municipality, so the same row gives
/// the same id in every publication.
fn derived_id(region: &str, name: &str, municipality: Option<&str>) -> String {
    let mut slug = String::new();
    for c in transliterate(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let hash = sha256_hex(format!("{name}\n{}", municipality.unwrap_or("")).as_bytes());
    format!("{region}-{slug}-{}", &hash[..8])
}

/// The file as text: UTF-8 (a byte-order mark dropped), or else Windows-1251, which is
/// what Excel in a Russian locale writes as "CSV".
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1251(b)).collect(),
    }
}

/// One Windows-1251 byte as a character.
fn cp1251(byte: u8) -> char {
    const HIGH: [char; 64] = [
        'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', //
        'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{fffd}', '™', 'љ', '›', 'њ', 'ќ', 'ћ',
        'џ', //
        '\u{a0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{ad}', '®',
        'Ї', //
        '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
    ];
    match byte {
        0..=0x7F => byte as char,
        0x80..=0xBF => HIGH[usize::from(byte - 0x80)],
        // А (U+0410) to я (U+044F) in alphabetical order.
        _ => char::from_u32(0x0410 + u32::from(byte - 0xC0)).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An organisation of row 7 with these channels (platform, URL), from cells C7, D7…,
    /// as [`recheck`] reports it: the channels written, then `✗` rejected rows and `!`
    /// notes. Links the importer's own checks would stop are given here directly, so that
    /// the core's verdict is what is tested.
    fn check(channels: &[(&str, &str)], expected: &[&str]) {
        let place = |column| Place {
            row: 7,
            line: None,
            column,
        };
        let org = Organization {
            id: "school9".to_string(),
            name: "Школа № 9".to_string(),
            short_name: None,
            region: "42".to_string(),
            municipality: None,
            sector: "education".to_string(),
            level: None,
            ogrn: None,
            website: None,
            channels: channels
                .iter()
                .map(|(platform, url)| Channel {
                    platform: platform.to_string(),
                    handle: String::new(),
                    url: url.to_string(),
                    subscribers: None,
                    verified: false,
                    added: None,
                    checked: None,
                    listed_on_website: false,
                })
                .collect(),
        };
        let built = Catalog {
            title: Some("Тест".to_string()),
            updated: IsoDate::parse("2026-12-01"),
            demo: false,
            source: None,
            license: None,
            feedback_url: None,
            feeds: None,
            regions: regions(),
            sectors: sectors(),
            platforms: platforms(),
            organizations: vec![Arc::new(org)],
            shards: Vec::new(),
        };
        let origin = Origin {
            rows: vec![place(None)],
            channels: (2..2 + channels.len()).map(|c| place(Some(c))).collect(),
        };
        let (catalog, rejected, notes) =
            recheck(&built, &[origin], &place(None)).expect("a catalog");
        let mut actual: Vec<String> = catalog
            .organizations
            .iter()
            .flat_map(|org| org.channels.iter().map(|c| c.url.clone()))
            .collect();
        actual.extend(rejected.iter().map(|r| format!("✗ {r}")));
        actual.extend(notes.iter().map(|n| format!("! {n}")));
        assert!(
            actual.len() == expected.len()
                && actual.iter().zip(expected).all(|(a, e)| a.starts_with(e)),
            "{actual:#?}"
        );
    }

    #[test]
    fn the_core_decides_which_channels_are_written() {
        check(
            &[("vk", "https://vk.com/school9")],
            &["https://vk.com/school9"],
        );
        check(
            &[("vk", "https://vk.com/school9"), ("vk", "http://vk.com/school9_old")],
            &[
                "https://vk.com/school9",
                "! строка 7, ячейка D7: проверка каталога не приняла канал (channels[1].url: \"http://vk.com/school9_old\": a channel address must be https",
            ],
        );
        check(
            &[("vk", "https://vk.com.evil.ru/school9")],
            &[
                "✗ строка 7: проверка каталога не приняла ни одного канала организации",
                "! строка 7, ячейка C7: проверка каталога не приняла канал (channels[0].url: host \"vk.com.evil.ru\"",
            ],
        );
        check(
            &[
                ("telegram", "https://t.me/ab"),
                ("vk", "https://vk.com/away.php"),
            ],
            &[
                "✗ строка 7: проверка каталога не приняла ни одного канала",
                "! строка 7, ячейка C7: проверка каталога не приняла канал",
                "! строка 7, ячейка D7: проверка каталога не приняла канал",
            ],
        );
        check(
            &[("facebook", "https://facebook.com/school9")],
            &[
                "✗ строка 7: проверка каталога не приняла ни одного канала",
                "! строка 7, ячейка C7: проверка каталога не приняла канал (channels[0].platform: unknown platform",
            ],
        );
    }
}
