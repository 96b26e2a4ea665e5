//! `catalog-tool import`: publishers' own spreadsheets — workbooks the tests write as
//! `.xlsx` and `.ods`, and CSV files — into catalogs the app reads.

mod tool;
mod workbook;

use catalog::{parse_catalog, Lang};
use catalog_tool::demo::demo_catalog;
use catalog_tool::import::{import, import_csv, ImportOptions, Imported};
use tool::run;
use workbook::{csv, ods, xlsx, Sheet, C, C::*};

/// What an import gave, a line each: every organisation (name, region, sector, level,
/// OGRN, municipality, id, and the short name and website if any) and under it its channels (URL, ✓ when verified,
/// subscribers, the day it was checked, «на сайте» when the website links to it), then every rejected row (`✗`), then every note (`!`).
fn summary(imported: &Imported) -> Vec<String> {
    let mut lines = Vec::new();
    for org in &imported.catalog.organizations {
        lines.push(format!(
            "{} | {} | {} | {} | {} | {} | {}",
            org.name,
            org.region,
            org.sector,
            org.level.map_or("-", |l| l.as_str()),
            org.ogrn.as_deref().unwrap_or("-"),
            org.municipality.as_deref().unwrap_or("-"),
            org.id
        ));
        // Fields most tests leave empty are shown only when present.
        let last = lines.len() - 1;
        if let Some(short) = &org.short_name {
            lines[last].push_str(&format!(" | кратко: {short}"));
        }
        if let Some(website) = &org.website {
            lines[last].push_str(&format!(" | сайт: {website}"));
        }
        for channel in &org.channels {
            let mut line = format!("  {}", channel.url);
            if channel.verified {
                line.push_str(" ✓");
            }
            if let Some(n) = channel.subscribers {
                line.push_str(&format!(" {n}"));
            }
            if let Some(date) = channel.checked {
                line.push_str(&format!(" проверено {date}"));
            }
            if channel.listed_on_website {
                line.push_str(" на сайте");
            }
            lines.push(line);
        }
    }
    lines.extend(imported.rejected.iter().map(|r| format!("✗ {r}")));
    lines.extend(imported.notes.iter().map(|n| format!("! {n}")));
    lines
}

/// Imports a file and compares the summary line by line: each actual line must start
/// with the expected one (so a reason is checked by its beginning). The catalog written
/// must be one the app's parser reads without an error.
fn check(path: &str, bytes: &[u8], options: &ImportOptions, expected: &[&str]) {
    let imported = import(path, bytes, options).unwrap_or_else(|err| panic!("{path}: {err}"));
    let actual = summary(&imported);
    let matches = actual.len() == expected.len()
        && actual.iter().zip(expected).all(|(a, e)| a.starts_with(e));
    assert!(
        matches,
        "{path}: got\n{}\n\nexpected\n{}",
        actual.join("\n"),
        expected.join("\n")
    );
    // What is written is what the app reads, whole: the parser skips and drops nothing
    // (a title and a date, which no test gives, aside).
    let written = imported.catalog.to_json();
    let loaded = parse_catalog(&written).expect("a catalog");
    let problems: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| !(p.record == "catalog" && p.message == "missing"))
        .collect();
    assert!(problems.is_empty(), "{path}: {problems:?}");
    assert_eq!(loaded.catalog.to_json(), written, "{path}");
}

/// A file that cannot be imported at all, and the beginning of why.
fn check_refused(path: &str, bytes: &[u8], options: &ImportOptions, expected: &str) {
    match import(path, bytes, options) {
        Ok(imported) => panic!("{path}: imported {:?}", summary(&imported)),
        Err(err) => assert!(err.contains(expected), "{path}: {err:?} lacks {expected:?}"),
    }
}

fn region(code: &str) -> ImportOptions {
    ImportOptions {
        region: Some(code.to_string()),
        ..ImportOptions::default()
    }
}

/// A row of the monitor's layout: «Уровень», «Учредитель», «Название», «ОГРН», «Сфера 1»,
/// «Сфера 2», «Сфера 3», «ID канала», «Ссылка на госпаблик ВК», «Адрес, указанный в
/// настройках страницы», «Госметка (да/нет)», «Виджеты (0/1/2)», «Активность (%)»,
/// «Количество подписчиков», and the regional tables' «MAX», «Telegram»,
/// «Одноклассники».
#[allow(clippy::too_many_arguments)]
fn monitor_row(
    level: &'static str,
    name: &'static str,
    ogrn: C,
    sector: &'static str,
    vk: C,
    mark: C,
    subscribers: C,
    max: C,
    telegram: C,
    ok: C,
) -> Vec<C> {
    vec![
        T(level),
        T("Правительство Кузбасса"),
        T(name),
        ogrn,
        T(sector),
        E,
        E,
        N(217_654_321.0),
        vk,
        T("Кемерово, ул. Кирова, 1"),
        mark,
        N(2.0),
        N(87.5),
        subscribers,
        max,
        telegram,
        ok,
    ]
}

/// A regional monitor's workbook: a merged title row and a blank row above the header,
/// numbers stored as numbers and as text, hyperlinks, a hidden row, an organisation over
/// two rows with merged cells, and bad rows.
fn monitor() -> Sheet {
    let header = [
        "Уровень",
        "Учредитель",
        "Название",
        "ОГРН",
        "Сфера 1",
        "Сфера 2",
        "Сфера 3",
        "ID канала",
        "Ссылка на госпаблик ВК",
        "Адрес, указанный в настройках страницы",
        "Госметка (да/нет)",
        "Виджеты (0/1/2)",
        "Активность (%)",
        "Количество подписчиков",
        "MAX",
        "Telegram",
        "Одноклассники",
    ];
    let rows = vec![
        vec![T("Мониторинг госпабликов Кузбасса на 1 декабря 2026 года")],
        vec![],
        header.iter().map(|h| T(h)).collect(),
        // Row 4: the OGRN a number, the VK link behind the text «ВК», a Telegram handle.
        monitor_row(
            "Региональный",
            "Министерство образования Кузбасса",
            N(1_024_200_001_231.0),
            "Образование",
            L("ВК", "https://vk.com/minobr42"),
            T("да"),
            N(15_300.0),
            T("https://max.ru/minobr42"),
            T("@minobr_kuzbass"),
            E,
        ),
        // Row 5: non-breaking and trailing spaces, the OGRN and the count as text, a link
        // without https://.
        monitor_row(
            "Муниципальный",
            "ГБУЗ «Беловская городская больница № 1»\u{a0} ",
            T(" 1024200001242\u{a0}"),
            "здравоохранение ",
            T("vk.com/gb1_belovo"),
            T("Нет"),
            T("12\u{a0}500"),
            E,
            E,
            E,
        ),
        // Row 6: an OGRN the spreadsheet rounded; the mark a boolean.
        monitor_row(
            "Муниципальный",
            "МБУК «Дворец культуры Белово»",
            T("1.0242E+12"),
            "Культура и искусство",
            T("https://vk.com/dk_belovo"),
            B(true),
            N(830.0),
            E,
            E,
            T("https://ok.ru/dkbelovo"),
        ),
        // Row 7: a sector no list has.
        monitor_row(
            "Муниципальный",
            "Кулинарный техникум",
            N(1_024_200_001_253.0),
            "Кулинария",
            T("https://vk.com/kulinar"),
            E,
            E,
            E,
            E,
            E,
        ),
        // Row 8: hidden, and imported all the same.
        monitor_row(
            "Муниципальный",
            "МБУ «Спортивная школа № 3»",
            N(1_024_200_001_264.0),
            "Спорт",
            T("https://vk.com/sport3_belovo"),
            T("да"),
            N(410.0),
            E,
            E,
            E,
        ),
        // Row 9: no name.
        monitor_row(
            "Муниципальный",
            "",
            E,
            "Спорт",
            T("https://vk.com/noname"),
            E,
            E,
            E,
            E,
            E,
        ),
        // Rows 10 and 11: one organisation with two VK pages; its name, OGRN and sector
        // are merged cells over both rows.
        monitor_row(
            "Региональный",
            "ГАУ «Кузбасский центр молодёжи»",
            N(1_024_200_001_275.0),
            "Молодёжь",
            T("https://vk.com/youth42"),
            T("да"),
            N(5_000.0),
            E,
            E,
            E,
        ),
        monitor_row(
            "Региональный",
            "ГАУ «Кузбасский центр молодёжи»",
            N(1_024_200_001_275.0),
            "Молодёжь",
            T("https://vk.com/youth42_news"),
            T("нет"),
            N(120.0),
            E,
            E,
            E,
        ),
        // Row 12: its only link is not VK's.
        monitor_row(
            "Муниципальный",
            "Администрация Беловского округа",
            N(1_024_200_001_286.0),
            "Органы власти",
            T("https://vk.com.evil.ru/belovo"),
            T("да"),
            E,
            E,
            E,
            E,
        ),
        // Row 13: a good VK link and a Telegram link that names no channel.
        monitor_row(
            "Муниципальный",
            "Администрация Гурьевского округа",
            N(1_024_200_001_297.0),
            "органы местного самоуправления",
            T("https://vk.com/guryevsk"),
            T("да"),
            N(2_000.0),
            E,
            T("https://t.me/"),
            E,
        ),
        // Row 14: a link whose text is another address; a mark and a count nobody can read.
        monitor_row(
            "Муниципальный",
            "МБОУ «СОШ № 12»",
            N(1_024_200_001_308.0),
            "Образование",
            L("https://vk.com/school12_old", "https://vk.com/school12"),
            T("возможно"),
            T("много"),
            T("max.ru/school12"),
            E,
            E,
        ),
    ];
    Sheet {
        name: "Мониторинг",
        rows,
        merges: vec![(0, 0, 0, 16), (9, 2, 10, 2), (9, 3, 10, 3), (9, 4, 10, 4)],
        hidden: vec![7],
        hidden_sheet: false,
    }
}

/// The monitor's columns the catalog has no field for, noted once each on the header row.
const MONITOR_COLUMN_NOTES: &[&str] = &[
    "! строка 3, ячейка B3: столбец «Учредитель» в каталог не входит: 11 непустых",
    "! строка 3, ячейка F3: столбец «Сфера 2» в каталог не входит: 0 непустых",
    "! строка 3, ячейка G3: столбец «Сфера 3» в каталог не входит: 0 непустых",
    "! строка 3, ячейка H3: столбец «ID канала» в каталог не входит: 11 непустых",
    "! строка 3, ячейка J3: столбец «Адрес, указанный в настройках страницы» в каталог не входит",
    "! строка 3, ячейка L3: столбец «Виджеты (0/1/2)» в каталог не входит",
    "! строка 3, ячейка M3: столбец «Активность (%)» в каталог не входит",
];

#[test]
fn a_monitors_workbook_imports_as_xlsx_and_ods() {
    let sheet = monitor();
    let mut expected = vec![
        "Министерство образования Кузбасса | 42 | education | regional | 1024200001231 | - | ogrn-1024200001231",
        "  https://vk.com/minobr42 ✓ 15300",
        "  https://max.ru/minobr42",
        "  https://t.me/minobr_kuzbass",
        "ГБУЗ «Беловская городская больница № 1» | 42 | health | municipal | 1024200001242 | - | ogrn-1024200001242",
        "  https://vk.com/gb1_belovo 12500",
        "МБУК «Дворец культуры Белово» | 42 | culture | municipal | - | - | 42-mbuk-dvorets-kultury-belovo-",
        "  https://vk.com/dk_belovo ✓ 830",
        "  https://ok.ru/dkbelovo",
        "МБУ «Спортивная школа № 3» | 42 | sport | municipal | 1024200001264 | - | ogrn-1024200001264",
        "  https://vk.com/sport3_belovo ✓ 410",
        "ГАУ «Кузбасский центр молодёжи» | 42 | youth | regional | 1024200001275 | - | ogrn-1024200001275",
        "  https://vk.com/youth42 ✓ 5000",
        "  https://vk.com/youth42_news 120",
        "Администрация Гурьевского округа | 42 | government | municipal | 1024200001297 | - | ogrn-1024200001297",
        "  https://vk.com/guryevsk ✓ 2000",
        "МБОУ «СОШ № 12» | 42 | education | municipal | 1024200001308 | - | ogrn-1024200001308",
        "  https://vk.com/school12",
        "  https://max.ru/school12",
        "✗ строка 7: неизвестная сфера «Кулинария»",
        "✗ строка 9: нет названия организации",
        "✗ строка 12: I: «https://vk.com.evil.ru/belovo» — не адрес ВКонтакте",
    ];
    expected.extend(MONITOR_COLUMN_NOTES);
    expected.extend([
        "! строка 6, ячейка D6: ОГРН «1.0242E+12» записан в экспоненциальной форме: таблица округлила его",
        "! строка 8: строка скрыта в таблице; импортирована",
        "! строка 13, ячейка P13: «https://t.me/»: адрес не называет канал (путь пуст); канал не взят",
        "! строка 14, ячейка I14: в ячейке написано «https://vk.com/school12_old», а ссылка ведёт на https://vk.com/school12",
        "! строка 14, ячейка K14: «возможно» — не «да» и не «нет»",
        "! строка 14, ячейка N14: число подписчиков «много» — не целое число",
    ]);
    let sheets = [sheet];
    check("monitor.xlsx", &xlsx(&sheets), &region("42"), &expected);
    check("monitor.ods", &ods(&sheets), &region("42"), &expected);
    // Without --region the table names no region.
    check_refused(
        "monitor.xlsx",
        &xlsx(&sheets),
        &ImportOptions::default(),
        "укажите регион флагом --region",
    );
}

#[test]
fn a_monitors_table_saved_as_csv_loses_links_and_merges_and_says_so() {
    // What «Save as CSV» keeps of the same table: the text of each cell, in Windows-1251.
    let text = csv(&monitor());
    let mut expected = vec![
        "Министерство образования Кузбасса | 42 | education | regional | 1024200001231 | - | ogrn-1024200001231",
        "  https://max.ru/minobr42",
        "  https://t.me/minobr_kuzbass",
        "ГБУЗ «Беловская городская больница № 1» | 42 | health | municipal | 1024200001242 | - | ogrn-1024200001242",
        "  https://vk.com/gb1_belovo 12500",
        "МБУК «Дворец культуры Белово» | 42 | culture | municipal | - | - | 42-mbuk-dvorets-kultury-belovo-",
        "  https://vk.com/dk_belovo ✓ 830",
        "  https://ok.ru/dkbelovo",
        "МБУ «Спортивная школа № 3» | 42 | sport | municipal | 1024200001264 | - | ogrn-1024200001264",
        "  https://vk.com/sport3_belovo ✓ 410",
        "ГАУ «Кузбасский центр молодёжи» | 42 | youth | regional | 1024200001275 | - | ogrn-1024200001275",
        "  https://vk.com/youth42 ✓ 5000",
        "Администрация Гурьевского округа | 42 | government | municipal | 1024200001297 | - | ogrn-1024200001297",
        "  https://vk.com/guryevsk ✓ 2000",
        "МБОУ «СОШ № 12» | 42 | education | municipal | 1024200001308 | - | ogrn-1024200001308",
        "  https://vk.com/school12_old",
        "  https://max.ru/school12",
        "✗ строка 7: неизвестная сфера «Кулинария»",
        "✗ строка 9: нет названия организации",
        // The merged name was only in row 10's cell.
        "✗ строка 11: нет названия организации",
        "✗ строка 12: I: «https://vk.com.evil.ru/belovo» — не адрес ВКонтакте",
    ];
    expected.extend(MONITOR_COLUMN_NOTES);
    expected.extend([
        "! строка 4, ячейка I4: «ВК» — не адрес",
        "! строка 4, ячейка K4: отметка, число подписчиков, дата проверки и ссылка на сайте относятся к ссылке в столбце I",
        "! строка 6, ячейка D6: ОГРН «1.0242E+12» записан в экспоненциальной форме",
        "! строка 13, ячейка P13: «https://t.me/»: адрес не называет канал (путь пуст); канал не взят",
        "! строка 14, ячейка K14: «возможно» — не «да» и не «нет»",
        "! строка 14, ячейка N14: число подписчиков «много» — не целое число",
    ]);
    check("monitor.csv", &cp1251(&text), &region("42"), &expected);
    check("monitor.csv", text.as_bytes(), &region("42"), &expected);
}

#[test]
fn a_table_of_channels_under_a_title_with_our_headers() {
    let rows = vec![
        vec![E, T("Госпаблики учреждений Кузбасса")],
        vec![],
        vec![],
        vec![
            E,
            T("ID"),
            T("НАЗВАНИЕ "),
            T("Код  региона"),
            T("Регион"),
            T("Муниципальное образование"),
            T("Сфера"),
            T("Платформа"),
            T("Адрес канала"),
            T("Подписчики"),
            T("Подтверждён"),
        ],
        vec![
            E,
            T("s12"),
            T("МБОУ «СОШ № 12»"),
            N(42.0),
            E,
            T("Беловский городской округ"),
            T("Образование"),
            T("ВКонтакте"),
            T("https://vk.com/school12"),
            N(1250.0),
            B(true),
        ],
        vec![
            E,
            T("s12"),
            T("МБОУ «СОШ № 12»"),
            N(42.0),
            E,
            T("Беловский городской округ"),
            T("Образование"),
            T("MAX"),
            T("https://max.ru/school12"),
            E,
            T("нет"),
        ],
        vec![E, E, E, E, E, E, E, E, E, E, E],
        // The region by name, its code left out; the platform from the link.
        vec![
            E,
            T("gb1"),
            T("ГБУЗ «ГБ № 1»"),
            E,
            T("Кемеровская область"),
            E,
            T("Медицина"),
            E,
            T("https://t.me/gb1_kuzbass"),
            T("90"),
            N(0.0),
        ],
        vec![
            E,
            T("ad1"),
            T("Школа Адыгеи"),
            N(1.0),
            E,
            E,
            T("education"),
            E,
            T("https://vk.com/adygea_school"),
            E,
            E,
        ],
        // The platform column disagrees with the link.
        vec![
            E,
            T("bad"),
            T("Школа"),
            N(42.0),
            E,
            E,
            T("Образование"),
            T("MAX"),
            T("https://vk.com/bad"),
            E,
            E,
        ],
        vec![
            E,
            T("s12"),
            T("МБОУ «СОШ № 12»"),
            N(42.0),
            E,
            T("Беловский городской округ"),
            T("Образование"),
            T("ВКонтакте"),
            T("https://vk.com/school12"),
            E,
            E,
        ],
    ];
    let expected = [
        "МБОУ «СОШ № 12» | 42 | education | - | - | Беловский городской округ | s12",
        "  https://vk.com/school12 ✓ 1250",
        "  https://max.ru/school12",
        "ГБУЗ «ГБ № 1» | 42 | health | - | - | - | gb1",
        "  https://t.me/gb1_kuzbass 90",
        "Школа Адыгеи | 01 | education | - | - | - | ad1",
        "  https://vk.com/adygea_school",
        "✗ строка 10: I: «https://vk.com/bad» — не адрес MAX",
        "✗ строка 11: канал https://vk.com/school12 уже есть в строке 5",
    ];
    let sheets = [Sheet::new("Лист1", rows)];
    check(
        "channels.xlsx",
        &xlsx(&sheets),
        &ImportOptions::default(),
        &expected,
    );
    check(
        "channels.ods",
        &ods(&sheets),
        &ImportOptions::default(),
        &expected,
    );
}

#[test]
fn the_sheet_with_the_header_is_found_or_named() {
    let instructions = Sheet::new(
        "Инструкция",
        vec![
            vec![T("Заполните лист «Реестр»")],
            vec![T("Название — полное")],
        ],
    );
    let registry = Sheet::new(
        "Реестр",
        vec![
            vec![T("Название"), T("Сфера"), T("ВК")],
            vec![
                T("МБОУ «СОШ № 1»"),
                T("Образование"),
                T("https://vk.com/school1"),
            ],
        ],
    );
    let other = Sheet::new(
        "Архив",
        vec![
            vec![T("Название"), T("Сфера"), T("Telegram")],
            vec![T("Архив"), T("Культура"), T("@archive_kuzbass")],
        ],
    );
    // A hidden template with the same header comes before the registry (a workbook's
    // first sheet cannot be hidden); it is skipped unless named.
    let template = Sheet::new(
        "Шаблон",
        vec![
            vec![T("Название"), T("Сфера"), T("ВК")],
            vec![
                T("Образец"),
                T("Образование"),
                T("https://vk.com/example_school"),
            ],
        ],
    )
    .hidden();
    let sheets = [instructions, template, registry, other];
    for book in [xlsx(&sheets), ods(&sheets)] {
        check_sheets(&book);
    }
}

fn check_sheets(book: &[u8]) {
    let first = [
        "МБОУ «СОШ № 1» | 42 | education | - | - | - | 42-mbou-sosh-1-",
        "  https://vk.com/school1",
    ];
    let book = book.to_vec();
    check("book", &book, &region("42"), &first);
    let named = ImportOptions {
        sheet: Some("архив".to_string()),
        ..region("42")
    };
    check(
        "book",
        &book,
        &named,
        &[
            "Архив | 42 | culture | - | - | - | 42-arkhiv-",
            "  https://t.me/archive_kuzbass",
        ],
    );
    let missing = ImportOptions {
        sheet: Some("Лист9".to_string()),
        ..region("42")
    };
    check_refused(
        "book",
        &book,
        &missing,
        "нет листа «Лист9»; листы: «Инструкция», «Шаблон», «Реестр», «Архив»",
    );
    check_refused(
        "book",
        &book,
        &region("420"),
        "--region 420: нет такого кода",
    );
    let template = ImportOptions {
        sheet: Some("Шаблон".to_string()),
        ..region("42")
    };
    check(
        "book",
        &book,
        &template,
        &[
            "Образец | 42 | education | - | - | - | 42-obrazets-",
            "  https://vk.com/example_school",
        ],
    );
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    check_refused(
        "book.xlsx",
        &xlsx(&[Sheet::new(
            "Лист1",
            vec![vec![T("Отчёт")], vec![T("Учреждение"), T("Телефон")]],
        )]),
        &region("42"),
        "не найдена строка заголовков на листе «Лист1»",
    );
    check_refused(
        "book.xlsx",
        b"not a zip",
        &region("42"),
        "файл .xlsx не читается",
    );
}

/// Text as Excel in a Russian locale saves it: Windows-1251.
fn cp1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 0x0410 + 0xC0) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            '«' => 0xAB,
            '»' => 0xBB,
            '№' => 0xB9,
            '\u{a0}' => 0xA0,
            c if c.is_ascii() => c as u8,
            other => panic!("{other} is not in the test's Windows-1251 table"),
        })
        .collect()
}

const RU_HEADER: &str =
    "id;Название;Код региона;Сфера;Платформа;Адрес канала;Подписчики;Подтверждён";

#[test]
fn csv_files_as_offices_keep_them() {
    // UTF-8 with a byte-order mark, `;`, Russian headers; two rows of one organisation.
    let utf8 = format!(
        "\u{feff}{RU_HEADER}\r\n\
         s12;МБОУ «СОШ № 12»;42;Образование;ВКонтакте;https://vk.com/school12;1 250;да\r\n\
         s12;МБОУ «СОШ № 12»;42;Образование;MAX;https://max.ru/school12;;нет\r\n\
         gb1;ГБУЗ «ГБ № 1»;42;Здравоохранение;;https://t.me/gb1_kuzbass;90;\r\n"
    );
    let expected = [
        "МБОУ «СОШ № 12» | 42 | education | - | - | - | s12",
        "  https://vk.com/school12 ✓ 1250",
        "  https://max.ru/school12",
        "ГБУЗ «ГБ № 1» | 42 | health | - | - | - | gb1",
        "  https://t.me/gb1_kuzbass 90",
    ];
    check(
        "rows.csv",
        utf8.as_bytes(),
        &ImportOptions::default(),
        &expected,
    );
    // The same as Windows-1251 without a byte-order mark.
    check(
        "rows.csv",
        &cp1251(utf8.trim_start_matches('\u{feff}')),
        &ImportOptions::default(),
        &expected,
    );
    // `,` with English headers, grouped by OGRN when there is no id, a region code
    // without its zero, and a quoted field over two lines: the row is the spreadsheet's
    // row, the file's line is said beside it.
    let english = "Name,OGRN,Region code,Sector code,Channel URL,Verified\n\
        \"School No. 1,\nBelovo\",1024200001231,42,education,https://vk.com/s1,yes\n\
        \"School No. 1,\nBelovo\",1024200001231,42,education,https://ok.ru/s1,no\n\
        Adygea school,,1,education,javascript:alert(1),\n";
    check(
        "rows.csv",
        english.as_bytes(),
        &ImportOptions::default(),
        &[
            "School No. 1, Belovo | 42 | education | - | 1024200001231 | - | ogrn-1024200001231",
            "  https://vk.com/s1 ✓",
            "  https://ok.ru/s1",
            "✗ строка 4 (строка файла 6): E: «javascript:alert(1)»: не адрес http(s)",
        ],
    );
    // A title with a comma above a `;` header, and blank lines, which are rows too.
    let titled = format!(
        "Реестр госпабликов, декабрь 2026\r\n\r\n{RU_HEADER}\r\n\r\n\
         s1;Школа;42;Образование;;https://vk.com/s1;;\r\n\
         s2;Школа;42;Образование;;https://vk.com/s1;;\r\n"
    );
    check(
        "rows.csv",
        titled.as_bytes(),
        &ImportOptions::default(),
        &[
            "Школа | 42 | education | - | - | - | s1",
            "  https://vk.com/s1",
            "✗ строка 6: канал https://vk.com/s1 уже есть в строке 5",
        ],
    );
    // The old command's name reads the same way.
    let old = import_csv(english.as_bytes(), &ImportOptions::default()).expect("read");
    assert_eq!(old.rejected.len(), 1);
}

#[test]
fn every_rejected_row_is_named_with_its_row_and_reason() {
    let csv = format!(
        "{RU_HEADER}\n\
         a;;42;Образование;;https://vk.com/a;;\n\
         b;Школа;99;Образование;;https://vk.com/b;;\n\
         c;Школа;42;Кулинария;;https://vk.com/c;;\n\
         d;Школа;42;Образование;;https://vk.com.example.ru/d;;\n\
         e;Школа;42;Образование;;javascript:alert(1);;\n\
         f;Школа;42;Образование;MAX;https://vk.com/f;;\n\
         g h;Школа;42;Образование;;https://vk.com/g;;\n\
         i;Школа;42;Образование;;https://vk.com/i;;\n\
         i;Школа;42;Образование;;https://vk.com/i;;\n\
         j;Школа;42;;;https://vk.com/j;;\n\
         k;Школа;42;Образование;;https://vk.com/away.php;;\n\
         l;Школа;42;Образование;;;;\n\
         m;Школа;42;Образование;Фейсбук;https://vk.com/m;;\n"
    );
    check(
        "rows.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
        &[
            "Школа | 42 | education | - | - | - | i",
            "  https://vk.com/i",
            "✗ строка 2: нет названия организации («Название»)",
            "✗ строка 3: неизвестный регион «99»",
            "✗ строка 4: неизвестная сфера «Кулинария»; известны: Органы власти, Образование",
            "✗ строка 5: F: «https://vk.com.example.ru/d» — не адрес ВКонтакте, Одноклассников, MAX или Telegram",
            "✗ строка 6: F: «javascript:alert(1)»: не адрес http(s)",
            "✗ строка 7: F: «https://vk.com/f» — не адрес MAX (её адреса: max.ru, www.max.ru)",
            "✗ строка 8: id «g h» — не 1–64 знака",
            "✗ строка 10: канал https://vk.com/i уже есть в строке 9",
            "✗ строка 11: не указана сфера",
            "✗ строка 12: F: «https://vk.com/away.php»: «away.php» — служебная страница",
            "✗ строка 13: нет ни одной ссылки на канал",
            "✗ строка 14: F: неизвестная платформа «Фейсбук»",
        ],
    );
    check_refused(
        "rows.csv",
        b"foo;bar\n1;2\n",
        &ImportOptions::default(),
        "не найдена строка заголовков: нужны столбец «Название»",
    );
}

#[test]
fn the_directory_csv_download_imports_back() {
    let demo = demo_catalog();
    let positions: Vec<u32> = (0..300).collect();
    let csv = demo.to_csv(&positions, Lang::Ru);
    let imported = import_csv(csv.as_bytes(), &ImportOptions::default()).expect("read");
    assert!(imported.rejected.is_empty(), "{:?}", imported.rejected);
    let original = &demo.organizations[..300];
    assert_eq!(imported.catalog.organizations.len(), original.len());
    for (back, org) in imported.catalog.organizations.iter().zip(original) {
        assert_eq!(
            (&back.id, &back.name, &back.region, &back.sector),
            (&org.id, &org.name, &org.region, &org.sector)
        );
        assert_eq!(back.channels, org.channels, "{}", org.id);
        assert_eq!(
            (&back.ogrn, back.level, &back.municipality),
            (&org.ogrn, org.level, &org.municipality)
        );
    }
}

#[test]
fn the_import_command_writes_a_catalog_validate_accepts() {
    let dir = std::env::temp_dir().join(format!("catalog-tool-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    std::fs::write(dir.join("monitor.xlsx"), xlsx(&[monitor()])).expect("write");
    let (code, _, err) = run(
        &dir,
        &[
            "import",
            "monitor.xlsx",
            "--region",
            "42",
            "--out",
            "catalog.json",
        ],
    );
    // Rows were rejected, so the exit status is 1; the others are in the catalog.
    assert_eq!(code, 1, "{err}");
    for line in [
        "monitor.xlsx, лист «Мониторинг»: заголовки в строке 3",
        "monitor.xlsx: отклонена / rejected: строка 7: неизвестная сфера «Кулинария»",
        "monitor.xlsx: замечание / note: строка 6, ячейка D6: ОГРН «1.0242E+12»",
        "monitor.xlsx: строк 11, взято организаций 7 с каналами: 12, отклонено строк 3",
    ] {
        assert!(err.contains(line), "{err} lacks {line}");
    }
    let (code, _, err) = run(&dir, &["validate", "catalog.json"]);
    assert_eq!(code, 0, "{err}");
    // `import-csv` is the same command; a table with every row good exits 0.
    std::fs::write(
        dir.join("rows.csv"),
        format!("{RU_HEADER}\ns1;Школа;42;Образование;;https://vk.com/s1;;\n"),
    )
    .expect("write");
    let (code, _, err) = run(&dir, &["import-csv", "rows.csv", "--out", "rows.json"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = run(&dir, &["import", "rows.csv", "--bogus", "x"]);
    assert_eq!(code, 2);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// The same one-row table under the header `canonical` and under each variant gives the
/// same catalog, and one that differs from the table without the column (so the column
/// was read, not dropped).
fn check_headers(canonical: &str, value: &str, variants: &[&str]) {
    let table = |header: Option<&str>| {
        let (extra_header, extra_value) = match header {
            Some(header) => (format!(";{header}"), format!(";{value}")),
            None => (String::new(), String::new()),
        };
        let text = format!(
            "Название;Сфера;Ссылка на госпаблик ВК{extra_header}\n\
             МБОУ «СОШ № 7»;Образование;https://vk.com/school7{extra_value}\n"
        );
        let imported = import("t.csv", text.as_bytes(), &region("42")).expect("read");
        assert!(
            imported.rejected.is_empty(),
            "{header:?}: {:?}",
            imported.rejected
        );
        summary(&imported)
    };
    let expected = table(Some(canonical));
    assert_ne!(expected, table(None), "«{canonical}» is not read");
    for variant in variants {
        assert_eq!(
            table(Some(variant)),
            expected,
            "«{variant}» read unlike «{canonical}»"
        );
    }
}

#[test]
fn headers_match_loosely() {
    check_headers(
        "ОГРН",
        "1024200001231",
        &["огрн", " ОГРН\u{a0}", "О.Г.Р.Н."],
    );
    check_headers(
        "Госметка (да/нет)",
        "да",
        &[
            "Госметка",
            "ГОСМЕТКА (ДА / НЕТ)",
            "Подтверждён",
            "подтвержден",
            "verified",
        ],
    );
    check_headers(
        "Количество подписчиков",
        "1 200",
        &[
            "Подписчики",
            "Число подписчиков",
            "количество  подписчиков:",
            "subscribers",
        ],
    );
    check_headers(
        "Муниципальное образование",
        "Беловский городской округ",
        &[
            "муниципальное образование",
            "Муниципальное\u{a0}образование",
            "МО",
            "municipality",
        ],
    );
    check_headers("Уровень", "муниципальный", &["уровень власти", "Level"]);
    check_headers("Сайт", "school7.ru", &["Официальный сайт", "website"]);
    check_headers(
        "Краткое название",
        "СОШ № 7",
        &["Сокращённое наименование", "short_name"],
    );
    check_headers(
        "Telegram",
        "@school7_belovo",
        &[
            "Телеграм",
            "Ссылка на канал в Telegram",
            "Telegram-канал",
            "ТГ",
        ],
    );
    check_headers(
        "MAX",
        "https://max.ru/school7",
        &["Макс", "Канал в MAX", "ссылка на госпаблик MAX"],
    );
    check_headers(
        "Одноклассники",
        "ok.ru/school7",
        &["ОК", "Страница в Одноклассниках", "Ссылка на госпаблик ОК"],
    );
    check_headers("id", "s7", &["ID", "Идентификатор"]);
    check_headers(
        "Дата проверки",
        "01.12.2026",
        &[
            "Проверено",
            "ДАТА ПРОВЕРКИ:",
            "Последняя проверка",
            "checked",
        ],
    );
    check_headers(
        "Указан на сайте",
        "да",
        &[
            "Ссылка на сайте",
            "Ссылка на сайте (да/нет)",
            "Есть на сайте",
            "Размещён на сайте",
            "listed_on_website",
        ],
    );
}

/// One cell of a «Дата проверки» column and a «Ссылка на сайте» column, in a CSV file,
/// and the channel's line (`None`: the cell is left out, with the note given).
fn check_evidence(checked: &str, listed: &str, expected: &str, notes: &[&str]) {
    let text = format!(
        "Название;Сфера;ВКонтакте;Дата проверки;Ссылка на сайте\n\
         Школа;Образование;https://vk.com/s7;{checked};{listed}\n"
    );
    let imported = import("t.csv", text.as_bytes(), &region("42")).expect("read");
    let mut lines = summary(&imported);
    lines.remove(0);
    let mut wanted = vec![expected.to_string()];
    wanted.extend(notes.iter().map(|n| format!("! {n}")));
    assert_eq!(lines, wanted, "«{checked}», «{listed}»");
}

#[test]
fn evidence_of_officialness_from_a_table() {
    let vk = "  https://vk.com/s7";
    check_evidence(
        "2026-12-01",
        "да",
        &format!("{vk} проверено 2026-12-01 на сайте"),
        &[],
    );
    check_evidence(
        "01.12.2026",
        "нет",
        &format!("{vk} проверено 2026-12-01"),
        &[],
    );
    check_evidence("1.2.2026", "", &format!("{vk} проверено 2026-02-01"), &[]);
    check_evidence(
        "01.12.2026 г.",
        "+",
        &format!("{vk} проверено 2026-12-01 на сайте"),
        &[],
    );
    check_evidence(
        "2026-12-01 10:30",
        "1",
        &format!("{vk} проверено 2026-12-01 на сайте"),
        &[],
    );
    check_evidence(" ", "-", vk, &[]);
    let not_a_date = |text: &str| {
        format!("строка 2, ячейка D2: дата проверки «{text}» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ); не взята")
    };
    for bad in [
        "31.02.2026",
        "декабрь 2026",
        "2026/12/01",
        "12.2026",
        "01.12.26",
    ] {
        check_evidence(bad, "", vk, &[&not_a_date(bad)]);
    }
    check_evidence(
        "",
        "может быть",
        vk,
        &["строка 2, ячейка E2: «может быть» — не «да» и не «нет»; не взято, есть ли ссылка на сайте"],
    );
}

#[test]
fn evidence_in_workbooks_date_cells_included() {
    let rows = || {
        vec![
            vec![T("Реестр госпабликов"), E, E, E, E, E],
            vec![
                T("Название"),
                T("Сфера 1"),
                T("Ссылка на госпаблик ВК"),
                T("Госметка (да/нет)"),
                T("Дата проверки"),
                T("Указан на сайте"),
            ],
            vec![
                T("Школа № 1"),
                T("Образование"),
                T("https://vk.com/s1"),
                T("да"),
                D(2026, 12, 1),
                B(true),
            ],
            vec![
                T("Школа № 2"),
                T("Образование"),
                T("https://vk.com/s2"),
                T("нет"),
                T("15.11.2026"),
                T("нет"),
            ],
            vec![
                T("Школа № 3"),
                T("Образование"),
                T("https://vk.com/s3"),
                E,
                N(46357.0),
                E,
            ],
        ]
    };
    // A number is not taken for a day: a date cell says it is one, a plain number does not.
    let expected = [
        "Школа № 1 | 42 | education",
        "  https://vk.com/s1 ✓ проверено 2026-12-01 на сайте",
        "Школа № 2 | 42 | education",
        "  https://vk.com/s2 проверено 2026-11-15",
        "Школа № 3 | 42 | education",
        "  https://vk.com/s3",
        "! строка 5, ячейка E5: дата проверки «46357» — не дата",
    ];
    let sheet = || vec![Sheet::new("Реестр", rows())];
    check("monitor.xlsx", &xlsx(&sheet()), &region("42"), &expected);
    check("monitor.ods", &ods(&sheet()), &region("42"), &expected);
}

/// A sector as a table names it, and the catalog's sector id it must become.
fn check_sector(name: &str, expected: &str) {
    let text = format!("Название;Сфера 1;ВКонтакте\nШкола;{name};https://vk.com/s7\n");
    let imported = import("t.csv", text.as_bytes(), &region("42")).expect("read");
    let sectors: Vec<&str> = imported
        .catalog
        .organizations
        .iter()
        .map(|o| o.sector.as_str())
        .collect();
    assert_eq!(sectors, [expected], "«{name}»: {:?}", imported.rejected);
}

#[test]
fn sectors_by_name_and_synonym() {
    check_sector("Образование", "education");
    check_sector("образование и наука", "education");
    check_sector("Education", "education");
    check_sector("Здравоохранение", "health");
    check_sector("Медицина", "health");
    check_sector("Культура", "culture");
    check_sector("Физическая культура и спорт", "sport");
    check_sector("Соцзащита", "social");
    check_sector("Молодёжная политика", "youth");
    check_sector("Молодежная политика", "youth");
    check_sector("ЖКХ", "housing");
    check_sector("Жилищно-коммунальное хозяйство", "housing");
    check_sector("Безопасность и ЧС", "safety");
    check_sector("МФЦ", "services");
    check_sector("Транспорт и дороги", "transport");
    check_sector("Органы местного самоуправления", "government");
    check_sector("ОМСУ", "government");
}

#[test]
fn a_merged_link_is_one_channel_and_a_formula_error_is_no_value() {
    // Rows 2 and 3 are one organisation: its name, sector and VK page merged over both,
    // a Telegram channel in each.
    let sheet = Sheet {
        name: "Лист1",
        rows: vec![
            vec![T("Название"), T("Сфера"), T("ВК"), T("Telegram")],
            vec![
                T("МАУ «Центр спорта»"),
                T("Спорт"),
                T("https://vk.com/sport_center"),
                T("@sport_center_one"),
            ],
            vec![E, E, E, T("@sport_center_two")],
        ],
        merges: vec![(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)],
        ..Sheet::new("Лист1", Vec::new())
    };
    let expected = [
        "МАУ «Центр спорта» | 42 | sport | - | - | - | 42-mau-tsentr-sporta-",
        "  https://vk.com/sport_center",
        "  https://t.me/sport_center_one",
        "  https://t.me/sport_center_two",
    ];
    check(
        "merged.xlsx",
        &xlsx(std::slice::from_ref(&sheet)),
        &region("42"),
        &expected,
    );
    check("merged.ods", &ods(&[sheet]), &region("42"), &expected);

    // A formula's error, as calamine gives it, in a used column and in an unused one.
    use catalog_tool::sheet::{Cell, Row, Sheet as Grid, Value};
    let cell = |value: Value| Cell {
        value,
        ..Cell::default()
    };
    let text = |t: &str| cell(Value::Text(t.to_string()));
    let grid = Grid {
        name: Some("Лист1".to_string()),
        hidden: false,
        rows: vec![
            Row {
                number: 1,
                cells: vec![
                    text("Название"),
                    text("Сфера"),
                    text("ВК"),
                    text("Подписчики"),
                    text("Заметки"),
                ],
                ..Row::default()
            },
            Row {
                number: 2,
                cells: vec![
                    text("Школа № 9"),
                    text("Образование"),
                    text("https://vk.com/school9"),
                    cell(Value::Error("#N/A".to_string())),
                    cell(Value::Error("#REF!".to_string())),
                ],
                ..Row::default()
            },
            Row {
                number: 3,
                cells: vec![
                    text("Школа № 10"),
                    text("Образование"),
                    cell(Value::Error("#VALUE!".to_string())),
                ],
                ..Row::default()
            },
        ],
    };
    let imported = catalog_tool::import::import_sheets(&[grid], &region("42")).expect("read");
    let actual = summary(&imported);
    let expected = [
        "Школа № 9 | 42 | education | - | - | - | 42-shkola-9-",
        "  https://vk.com/school9",
        "✗ строка 3: нет ни одной ссылки на канал",
        "! строка 1, ячейка E1: столбец «Заметки» не распознан: 1 непустых ячеек не взято",
        "! строка 2, ячейка D2: в ячейке ошибка формулы «#N/A»; ячейка не взята",
        "! строка 3, ячейка C3: в ячейке ошибка формулы «#VALUE!»; ячейка не взята",
    ];
    assert!(
        actual.len() == expected.len()
            && actual.iter().zip(expected).all(|(a, e)| a.starts_with(e)),
        "{actual:#?}"
    );
}

/// An OGRN cell in an `.xlsx` file, and the OGRN the organisation gets, or the beginning of
/// the note that says why it gets none.
fn check_ogrn(cell: C, expected: &str) {
    let sheet = Sheet::new(
        "Лист1",
        vec![
            vec![T("Название"), T("ОГРН"), T("Сфера"), T("ВК")],
            vec![T("Школа"), cell, T("Образование"), T("https://vk.com/s7")],
        ],
    );
    let imported = import("t.xlsx", &xlsx(&[sheet]), &region("42")).expect("read");
    let org = &imported.catalog.organizations[0];
    match &org.ogrn {
        Some(ogrn) => assert_eq!(ogrn, expected, "{cell:?}"),
        None => {
            let notes: Vec<String> = imported.notes.iter().map(|n| n.to_string()).collect();
            let prefix = format!("строка 2, ячейка B2: {expected}");
            assert!(
                notes.len() == 1 && notes[0].starts_with(&prefix),
                "{cell:?}: {notes:?}"
            );
        }
    }
}

#[test]
fn an_ogrn_is_read_as_written_and_never_guessed() {
    check_ogrn(N(1_024_200_001_231.0), "1024200001231");
    check_ogrn(T("1024200001231"), "1024200001231");
    check_ogrn(T("1 024 200 001 231"), "1024200001231");
    check_ogrn(T("\u{a0}1024200001231\u{a0}"), "1024200001231");
    check_ogrn(
        T("1.0242E+12"),
        "ОГРН «1.0242E+12» записан в экспоненциальной форме",
    );
    check_ogrn(
        T("1,0242e12"),
        "ОГРН «1,0242e12» записан в экспоненциальной форме",
    );
    // 1024200000000 passes the check digit by chance; its zeros give it away all the same.
    check_ogrn(
        N(1_024_200_000_000.0),
        "ОГРН 1024200000000 оканчивается нулями: похоже, таблица округлила",
    );
    check_ogrn(
        N(1_024_300_000_000.0),
        "ОГРН 1024300000000 оканчивается нулями: похоже, таблица округлила",
    );
    check_ogrn(
        T("1024200001232"),
        "ОГРН 1024200001232 неверен (13 или 15 цифр с контрольной); ОГРН не взят",
    );
    check_ogrn(
        N(1_024_200_001_231.5),
        "ОГРН 1024200001231.5 — не целое число",
    );
}

/// Header and one good row, the start of each hostile sheet below.
fn good_rows() -> Vec<Vec<C>> {
    vec![
        vec![T("Название"), T("Сфера"), T("ВК")],
        vec![
            T("Школа № 9"),
            T("Образование"),
            T("https://vk.com/school9"),
        ],
    ]
}

const GOOD_ROW: [&str; 2] = [
    "Школа № 9 | 42 | education | - | - | - | 42-shkola-9-",
    "  https://vk.com/school9",
];

#[test]
fn hostile_workbooks_are_refused_or_read_within_bounds() {
    // A ZIP bomb: a megabyte that unpacks to 300 MB, refused before calamine or the XML
    // readers unpack it.
    let bomb = workbook::zip_bomb(300);
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    for path in ["bomb.xlsx", "bomb.ods", "bomb.xlsb"] {
        check_refused(
            path,
            &bomb,
            &region("42"),
            "распаковывается больше чем в 256 МБ",
        );
    }
    // An .ods bomb of repeats: one cell repeated over every column of a million rows,
    // a few hundred bytes that calamine would expand to billions of cells.
    let repeated = workbook::ods_of(
        r#"<table:table table:name="Лист1"><table:table-row><table:table-cell office:value-type="string"><text:p>Название</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    check_refused(
        "repeated.ods",
        &repeated,
        &region("42"),
        "лист «Лист1» слишком велик",
    );
    // Repeat counts at u32::MAX, which overflowed the row and column arithmetic.
    let overflow = workbook::ods_of(
        r#"<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="4294967295"><table:table-cell table:number-columns-repeated="4294967295" table:number-rows-spanned="4294967295" table:number-columns-spanned="4294967295"/></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    check_refused(
        "overflow.ods",
        &overflow,
        &region("42"),
        "не найдена строка заголовков",
    );

    // A merge from F3 to the sheet's last cell: filled only as far as the sheet's values
    // go, so the row is one unknown organisation, not seventeen billion cells.
    let mut merged = Sheet::new("Лист1", good_rows());
    merged.rows.push(vec![E, E, E, E, E, T("x")]);
    merged.merges.push((2, 5, 3, 6));
    let small = xlsx(std::slice::from_ref(&merged));
    let whole = workbook::rewritten(
        &small,
        "xl/worksheets/sheet1.xml",
        r#"ref="F3:G4""#,
        r#"ref="F3:XFD1048576""#,
    );
    merged.merges[0] = (2, 5, 1_048_575, 16_383);
    let expected = [
        GOOD_ROW[0],
        GOOD_ROW[1],
        "✗ строка 3: нет названия организации",
        "! строка 1, ячейка F1: столбец без заголовка: 1 непустых ячеек не взято",
    ];
    check("merge.xlsx", &whole, &region("42"), &expected);
    check("merge.ods", &ods(&[merged]), &region("42"), &expected);

    // A value in the sheet's last cell, XFD1048576: calamine's dense range would be
    // seventeen billion cells; read cell by cell it is one more row.
    let mut far = Sheet::new("Лист1", good_rows());
    far.rows.resize(1_048_575, Vec::new());
    far.rows.push(vec![E; 16_383]);
    far.rows[1_048_575].push(T("x"));
    check(
        "far.xlsx",
        &xlsx(&[far]),
        &region("42"),
        &[
            GOOD_ROW[0],
            GOOD_ROW[1],
            "✗ строка 1048576: нет названия организации",
            "! строка 1, ячейка XFD1: столбец без заголовка: 1 непустых ячеек не взято",
        ],
    );
}

#[test]
fn only_a_cells_own_link_counts_in_an_ods_file() {
    // A shape's link (`draw:a`) and a link inside a comment are not the cell's link: the
    // old reader matched any element named `a` and took its target over the cell's text.
    let sheet = |link: C| {
        let mut rows = good_rows();
        rows[1][2] = link;
        Sheet::new("Лист1", rows)
    };
    for markup in [
        r#"<draw:frame svg:width="1cm" svg:height="1cm"><draw:a xlink:type="simple" xlink:href="https://vk.com/fake_school"><draw:image/></draw:a></draw:frame>"#,
        r#"<office:annotation><text:p><text:a xlink:type="simple" xlink:href="https://vk.com/fake_school">см.</text:a></text:p></office:annotation>"#,
    ] {
        check(
            "links.ods",
            &ods(&[sheet(X("https://vk.com/school9", markup))]),
            &region("42"),
            &GOOD_ROW,
        );
    }
}

#[test]
fn what_the_core_would_drop_is_reported_not_written() {
    // A short name and a municipality longer than the core keeps: the parser drops them,
    // so the import says so at the row and writes the organisation without them.
    let long: &'static str = Box::leak("д".repeat(catalog::MAX_TEXT + 1).into_boxed_str());
    let sheet = Sheet::new(
        "Лист1",
        vec![
            vec![
                T("Название"),
                T("Краткое название"),
                T("Муниципальное образование"),
                T("Сфера"),
                T("ВК"),
            ],
            vec![
                T("Школа № 9"),
                T(long),
                T(long),
                T("Образование"),
                T("https://vk.com/school9"),
            ],
        ],
    );
    let imported = import("long.xlsx", &xlsx(&[sheet]), &region("42")).expect("read");
    let lines = summary(&imported);
    let expected = [
        "Школа № 9 | 42 | education | - | - | - | 42-shkola-9-",
        "  https://vk.com/school9",
        "! строка 2: проверка каталога: short_name: 1001 characters",
        "! строка 2: проверка каталога: municipality: 1001 characters",
    ];
    assert!(
        lines.len() == expected.len() && lines.iter().zip(expected).all(|(a, e)| a.starts_with(e)),
        "{lines:#?}"
    );
    let loaded = parse_catalog(&imported.catalog.to_json()).expect("a catalog");
    assert_eq!(loaded.catalog.to_json(), imported.catalog.to_json());
}

#[test]
fn one_channel_is_one_channel_however_its_link_is_written() {
    // The core compares channels by platform and channel key: `club123` is `public123`,
    // `m.vk.ru` is `vk.com`, case does not count. A repeat in another row is rejected, a
    // repeat in the same row noted.
    let rows = vec![
        vec![T("Название"), T("Сфера"), T("ВК"), T("Ссылка")],
        vec![
            T("Школа № 9"),
            T("Образование"),
            T("https://vk.com/club123"),
            E,
        ],
        vec![
            T("Школа № 10"),
            T("Образование"),
            T("https://m.vk.ru/public123"),
            E,
        ],
        vec![
            T("Школа № 11"),
            T("Образование"),
            T("vk.com/School11"),
            T("https://VK.com/school11"),
        ],
        vec![
            T("Школа № 12"),
            T("Образование"),
            E,
            T("https://t.me/s/school_12"),
        ],
        vec![
            T("Школа № 13"),
            T("Образование"),
            E,
            T("https://t.me/School_12"),
        ],
    ];
    check(
        "same.xlsx",
        &xlsx(&[Sheet::new("Лист1", rows)]),
        &region("42"),
        &[
            "Школа № 9 | 42 | education",
            "  https://vk.com/club123",
            "Школа № 11 | 42 | education",
            "  https://vk.com/School11",
            "Школа № 12 | 42 | education",
            "  https://t.me/s/school_12",
            "✗ строка 3: канал https://m.vk.ru/public123 уже есть в строке 2",
            "✗ строка 6: канал https://t.me/School_12 уже есть в строке 5",
            "! строка 4, ячейка D4: канал https://VK.com/school11 уже есть в строке 4; эта ячейка пропущена",
        ],
    );
}
