//! `catalog-tool`: the command-line tool for people who publish Госпаблики catalogs.

use std::io::Write;
use std::process::ExitCode;

use catalog::{parse_catalog, IsoDate, Severity};
use catalog_tool::{demo, diff, feeds, import, load, report, shards};

const HELP: &str = "\
catalog-tool — инструмент для тех, кто публикует каталог Госпабликов
(a tool for people who publish Gospubliki catalogs)

ИСПОЛЬЗОВАНИЕ / USAGE
  catalog-tool validate FILE
      Проверяет файл каталога. Печатает каждую проблему строкой
      «запись / поле: что не так»: сначала ошибки (такие записи приложение
      пропустит), затем предупреждения (запись показывается, поле отброшено).
      Код выхода 0 — ошибок нет; 1 — есть ошибки или файл не читается.
      Checks a catalog file; prints every problem as `record / field: message`,
      errors (records the app will skip) apart from warnings. Exit status 0 when
      there are no errors, 1 otherwise.

  catalog-tool demo [--out FILE]
      Записывает демонстрационный каталог (Кузбасс) в FILE или на стандартный
      вывод. Результат одинаков при каждом запуске.
      Writes the demonstration catalog to FILE or standard output; the same
      output every run.

  catalog-tool synth --orgs N [--seed S] [--out FILE]
      Записывает синтетический каталог из N организаций по всем 89 регионам
      (для замеров скорости; всё выдумано). Один и тот же seed даёт один и тот
      же файл.
      Writes a synthetic catalog of N organisations over all 89 regions, for
      benchmarks; the same seed gives the same file.

  catalog-tool import FILE [--region КОД] [--sheet ЛИСТ] [--out FILE]
                      [--title TEXT] [--updated ГГГГ-ММ-ДД] [--source TEXT] [--license TEXT]
                      [--previous ПРЕЖНИЙ] [--today ГГГГ-ММ-ДД] [--feeds ПАПКА]
      Собирает каталог из таблицы: .xlsx, .xls, .xlsb, .ods или CSV (UTF-8 с BOM
      или без, или Windows-1251; разделитель «;» или «,»). Строку заголовков
      находит сам (строки названия и пустые строки над ней пропускаются);
      заголовки сравниваются без учёта регистра, «ё», пробелов и знаков.
      Одна строка — один канал (столбцы «Адрес канала», «Платформа») или одна
      организация со столбцом ссылок на каждую площадку («Ссылка на госпаблик
      ВК», «ВКонтакте», «MAX», «Telegram», «Одноклассники»): каждая непустая
      ссылка — канал. Столбцы:
        Название* · ссылки* · id · ОГРН · Краткое название · Код региона или
        Регион (иначе --region) · Муниципальное образование · Код сферы или
        Сфера / Сфера 1 (по названию или синониму) · Уровень · Сайт ·
        Подписчики / Количество подписчиков · Подтверждён / Госметка (да/нет) ·
        Дата проверки / Проверено (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ) · Указан на сайте /
        Ссылка на сайте (да/нет)
      Подписчики, отметка, дата проверки и ссылка на сайте относятся к первой
      ссылке строки. Организации
      объединяются по id, без id — по ОГРН, без ОГРН — по названию, региону и
      муниципальному образованию. Лист — первый, где есть строка заголовков,
      или --sheet. Каждая отклонённая строка печатается с номером, который
      видно в таблице, и причиной; каждая невзятая ячейка — с адресом (K7).
      Код выхода 0 — все строки приняты; 1 — есть отклонённые.
      `import-csv` — прежнее имя той же команды.
      Builds a catalog from a workbook or CSV; finds the header row; one row per
      channel, or one per organisation with a link column per platform. Every
      rejected row is printed with its spreadsheet row number and reason, every
      cell left out with its address. Exit 0 when every row was taken, 1 otherwise.
      `import-csv` is the same command's old name.

      --previous ПРЕЖНИЙ — каталог прошлой публикации (файл или общий файл с
      частями): каналы, что были в нём, сохраняют свою дату «added», новые
      получают дату --today (по умолчанию сегодняшнюю).
      --previous OLD stamps `added`: channels OLD had keep their date, new ones
      get --today (default: the system date).

      --feeds ПАПКА — папка лент (catalog-tool feeds) от страницы приложения,
      например feeds/: приложение покажет ссылки на ленты только тогда.
      --feeds FOLDER: the feeds' folder relative to the app's page; the app links
      to feeds only when the catalog names it.

  catalog-tool diff СТАРЫЙ НОВЫЙ [--out FILE] [--today ГГГГ-ММ-ДД]
      Что изменилось между двумя публикациями (файл или общий файл с частями):
      организации и каналы добавленные (+), удалённые (−) и изменённые (~:
      название, регион, сфера; адрес, отметка платформы), по регионам. Каналы
      сравниваются внутри организации (по id) по платформе и имени канала, как
      их сравнивает ядро (vk.com/club1 = m.vk.ru/public1). --out — записать
      НОВЫЙ одним файлом с датами «added», как import --previous.
      Код выхода 0 — ничего не удалено; 1 — что-то удалено; 2 — файл не читается
      (или --out не записывается).
      What changed between two publications, per region; with --out, NEW is
      written with `added` dates. Exit 0 when nothing was removed, 1 when
      something was, 2 when an input cannot be read.

  catalog-tool feeds FILE --out DIR [--app АДРЕС] [--limit N] [--today ГГГГ-ММ-ДД]
      Пишет ленты Atom новых каналов (с датой «added»), новые сверху, не больше
      N (100) в ленте: DIR/all.atom — весь каталог, DIR/42.atom — регион (для
      каждого региона списка), DIR/42-education.atom — регион и сфера. Ссылки
      относительные: на карточку организации АДРЕС?org=ID, на регион
      АДРЕС?region=42; АДРЕС — страница приложения относительно DIR (по
      умолчанию столько ../, сколько частей в поле «feeds» каталога, иначе ../).
      Приложение ссылается на ленты, только если в каталоге есть поле «feeds».
      Atom feeds of new channels: the catalog's, each region's, each region and
      sector's; links relative to the feed, to the app's ?org= card.

  catalog-tool shard FILE --out DIR [--no-compress]
      Делит каталог на файлы по регионам: DIR/catalog.json (общий файл со
      списком частей: регион, адрес, число организаций, размер, SHA-256) и
      DIR/regions/NN-ХЕШ.json (код региона и начало SHA-256 содержимого: новая
      публикация не затирает старую), а рядом с каждым — копии .gz и .br для
      серверов, отдающих заранее сжатые файлы (--no-compress — без них:
      быстрее, если сервер сжимает сам).
      Splits a catalog into DIR/catalog.json (listing the shards with counts,
      sizes and SHA-256) and DIR/regions/NN-HASH.json (the region code and the
      start of the content's SHA-256, so a new publication never overwrites an
      old one), each with .gz and .br copies (not with --no-compress: faster,
      for servers that compress on the fly).

  catalog-tool stats FILE
      Печатает число организаций, каналов и подписчиков по регионам, сферам и
      платформам. / Prints counts by region, sector and platform.

  catalog-tool help
      Эта справка. / This help.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["validate", file] => validate(file),
        ["demo"] => write_output(None, &demo::demo_catalog().to_json()),
        ["demo", "--out", file] => write_output(Some(file), &demo::demo_catalog().to_json()),
        ["synth", rest @ ..] => synth(rest),
        ["import" | "import-csv", file, rest @ ..] => import(file, rest),
        ["diff", old, new, rest @ ..] => diff(old, new, rest),
        ["feeds", file, rest @ ..] => feeds(file, rest),
        ["shard", file, "--out", dir] => shard(file, dir, true),
        ["shard", file, "--out", dir, "--no-compress"] => shard(file, dir, false),
        ["stats", file] => stats(file),
        [] | ["help" | "--help" | "-h"] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "catalog-tool: непонятная команда / unknown command: {}\n",
                args.join(" ")
            );
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}

fn synth(args: &[&str]) -> ExitCode {
    let mut orgs = None;
    let mut seed = 1;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next();
        match (*flag, value) {
            ("--orgs", Some(n)) => orgs = n.parse::<usize>().ok(),
            ("--seed", Some(s)) => match s.parse() {
                Ok(s) => seed = s,
                Err(_) => orgs = None,
            },
            ("--out", Some(file)) => out = Some(*file),
            _ => orgs = None,
        }
    }
    let Some(orgs) = orgs.filter(|&n| n > 0) else {
        eprintln!("catalog-tool synth: нужно --orgs N (целое > 0) / needs --orgs N\n");
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    write_output(out, &demo::synth_catalog(orgs, seed).to_json())
}

fn import(path: &str, args: &[&str]) -> ExitCode {
    let mut options = import::ImportOptions::default();
    let mut out = None;
    let mut previous = None;
    let mut today = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (*flag, rest.next()) {
            ("--out", Some(file)) => out = Some(*file),
            ("--title", Some(text)) => options.title = Some(text.to_string()),
            ("--source", Some(text)) => options.source = Some(text.to_string()),
            ("--license", Some(text)) => options.license = Some(text.to_string()),
            ("--region", Some(code)) => options.region = Some(code.to_string()),
            ("--feeds", Some(folder)) => match catalog::feeds_folder(folder) {
                Some(folder) => options.feeds = Some(folder),
                None => {
                    return usage(&format!(
                        "--feeds {folder}: нужен относительный путь к папке рядом с приложением \
                         (feeds/) / a relative folder beside the app"
                    ))
                }
            },
            ("--sheet", Some(name)) => options.sheet = Some(name.to_string()),
            ("--updated", Some(date)) => match date_flag("--updated", date) {
                Ok(date) => options.updated = Some(date),
                Err(code) => return code,
            },
            ("--previous", Some(file)) => previous = Some(*file),
            ("--today", Some(date)) => match date_flag("--today", date) {
                Ok(date) => today = Some(date),
                Err(code) => return code,
            },
            _ => return usage(&format!("import: непонятный флаг / unknown flag {flag}")),
        }
    }
    let previous = match previous.map(|file| load::read_catalog(std::path::Path::new(file))) {
        None => None,
        Some(Ok(read)) => Some(read.catalog),
        Some(Err(err)) => {
            eprintln!("--previous {err}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{path}: не удалось прочитать файл / cannot read the file: {err}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match import::import(path, &bytes, &options) {
        Ok(imported) => imported,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let sheet = imported
        .sheet
        .as_ref()
        .map(|name| format!(", лист «{name}»"))
        .unwrap_or_default();
    eprintln!("{path}{sheet}: заголовки в строке {}", imported.header_row);
    for row in &imported.rejected {
        eprintln!("{path}: отклонена / rejected: {row}");
    }
    for row in &imported.notes {
        eprintln!("{path}: замечание / note: {row}");
    }
    let stamped;
    let catalog = match &previous {
        None => &imported.catalog,
        Some(previous) => {
            let today = today.unwrap_or_else(system_date);
            let (catalog, counts) = diff::stamp(previous, &imported.catalog, today);
            eprintln!("{path}: {}", stamp_report(&counts, today));
            stamped = catalog;
            &stamped
        }
    };
    eprintln!(
        "{path}: строк {}, взято организаций {} с каналами: {}, отклонено строк {} \
         / {} rows; {} organizations with {} channels imported; {} rows rejected",
        imported.rows,
        catalog.organizations.len(),
        catalog.channel_count(),
        imported.rejected.len(),
        imported.rows,
        catalog.organizations.len(),
        catalog.channel_count(),
        imported.rejected.len()
    );
    let written = write_output(out, &catalog.to_json());
    if written != ExitCode::SUCCESS || !imported.rejected.is_empty() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn diff(old: &str, new: &str, args: &[&str]) -> ExitCode {
    let mut out = None;
    let mut today = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (*flag, rest.next()) {
            ("--out", Some(file)) => out = Some(*file),
            ("--today", Some(date)) => match date_flag("--today", date) {
                Ok(date) => today = Some(date),
                Err(code) => return code,
            },
            _ => return usage(&format!("diff: непонятный флаг / unknown flag {flag}")),
        }
    }
    let mut read = Vec::new();
    for path in [old, new] {
        match load::read_catalog(std::path::Path::new(path)) {
            Ok(catalog) => {
                let skipped = catalog.skipped.total();
                // The app does not show records the parser skips either, so the report
                // is the readers' view; `validate` says why they were skipped.
                if skipped > 0 {
                    eprintln!(
                        "{path}: пропущено записей с ошибками: {skipped}, их нет и в сравнении \
                         (подробности: catalog-tool validate {path}) / {skipped} records skipped, \
                         not compared"
                    );
                }
                read.push(catalog.catalog);
            }
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::from(2);
            }
        }
    }
    let (old_catalog, new_catalog) = (&read[0], &read[1]);
    let changes = diff::diff(old_catalog, new_catalog);
    print!("{changes}");
    if let Some(file) = out {
        let today = today.unwrap_or_else(system_date);
        let (stamped, counts) = diff::stamp(old_catalog, new_catalog, today);
        eprintln!("{file}: {}", stamp_report(&counts, today));
        if write_output(Some(file), &stamped.to_json()) != ExitCode::SUCCESS {
            return ExitCode::from(2);
        }
    }
    if changes.removes() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn stamp_report(counts: &diff::Stamped, today: IsoDate) -> String {
    format!(
        "даты «added»: новых каналов {} (дата {today}), прежних с датой {}, прежних без даты {} \
         / added: {} new ({today}), {} kept, {} undated",
        counts.new, counts.kept, counts.undated, counts.new, counts.kept, counts.undated
    )
}

fn feeds(path: &str, args: &[&str]) -> ExitCode {
    let mut options = feeds::FeedOptions {
        today: system_date(),
        ..feeds::FeedOptions::default()
    };
    let mut out = None;
    let mut app = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (*flag, rest.next()) {
            ("--out", Some(dir)) => out = Some(*dir),
            ("--app", Some(given)) => app = Some(given.to_string()),
            ("--limit", Some(n)) => match n.parse::<usize>() {
                Ok(n) if n > 0 => options.limit = n,
                _ => {
                    return usage(&format!(
                        "--limit {n}: нужно целое > 0 / a whole number > 0"
                    ))
                }
            },
            ("--today", Some(date)) => match date_flag("--today", date) {
                Ok(date) => options.today = date,
                Err(code) => return code,
            },
            _ => return usage(&format!("feeds: непонятный флаг / unknown flag {flag}")),
        }
    }
    let Some(dir) = out else {
        return usage("feeds: нужно --out DIR / needs --out DIR");
    };
    let read = match load::read_catalog(std::path::Path::new(path)) {
        Ok(read) => read,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    // The app is as many folders up as the catalog's feeds folder is deep, unless told.
    options.app = match (app, &read.catalog.feeds) {
        (Some(app), _) => app,
        (None, Some(folder)) => "../".repeat(folder.matches('/').count()),
        (None, None) => options.app,
    };
    match &read.catalog.feeds {
        Some(folder) if !format!("{}/", dir.trim_end_matches('/')).ends_with(folder.as_str()) => {
            eprintln!(
                "{path}: каталог называет папку лент «{folder}» (от страницы приложения), а ленты \
                 пишутся в {dir}: проверьте, что они окажутся там / the catalog's feeds folder \
                 is {folder}, the feeds go to {dir}"
            )
        }
        Some(_) => {}
        None => eprintln!(
            "{path}: в каталоге нет поля «feeds», и приложение не покажет ссылок на ленты; \
             укажите папку лент при импорте (import … --feeds feeds/) или в каталоге \
             (\"feeds\": \"feeds/\") / the catalog has no \"feeds\" field, so the app links \
             to no feed: set it with import --feeds feeds/ or in the catalog"
        ),
    }
    match feeds::write_feeds(&read.catalog, std::path::Path::new(dir), &options) {
        Ok(written) => {
            for unnamed in &written.unnamed {
                eprintln!(
                    "{path}: {unnamed}: не годится для имени файла, лента не записана \
                     / not a file name, no feed written"
                );
            }
            let entries: usize = written.files.iter().map(|f| f.entries).sum();
            let all = written.files.first().map_or(0, |f| f.entries);
            println!(
                "{dir}: лент {}, записей в all.atom {all}, во всех лентах {entries} \
                 / {} feeds, {all} entries in all.atom, {entries} in all feeds",
                written.files.len(),
                written.files.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{dir}: не удалось записать / cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}

/// A date flag's value, or the usage error that says what was wrong.
fn date_flag(flag: &str, text: &str) -> Result<IsoDate, ExitCode> {
    IsoDate::parse(text).ok_or_else(|| {
        usage(&format!(
            "{flag} {text}: нужна дата ГГГГ-ММ-ДД / a YYYY-MM-DD date"
        ))
    })
}

/// Today in the machine's time zone, as `date` prints it: the default of `--today`.
fn system_date() -> IsoDate {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let date = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        today.month(),
        today.day()
    );
    IsoDate::parse(&date).unwrap_or(IsoDate {
        year: 1970,
        month: 1,
        day: 1,
    })
}

fn shard(path: &str, dir: &str, compressed: bool) -> ExitCode {
    let Some(loaded) = read_catalog(path) else {
        return ExitCode::FAILURE;
    };
    match shards::write_shards(&loaded.catalog, std::path::Path::new(dir), compressed) {
        Ok(written) => {
            for file in &written {
                let copies = if compressed {
                    format!(" (gzip {}, brotli {})", file.gzip, file.brotli)
                } else {
                    String::new()
                };
                println!(
                    "{dir}/{}: {} organizations, {} bytes{copies}, sha256 {}",
                    file.path, file.organizations, file.bytes, file.sha256
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{dir}: не удалось записать / cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}

fn stats(path: &str) -> ExitCode {
    let Some(loaded) = read_catalog(path) else {
        return ExitCode::FAILURE;
    };
    print!("{}", catalog_tool::stats_report(&loaded.catalog));
    ExitCode::SUCCESS
}

/// Reads a catalog whole (a top file's shards too), printing why not when it cannot.
fn read_catalog(path: &str) -> Option<load::Read> {
    match load::read_catalog(std::path::Path::new(path)) {
        Ok(read) => Some(read),
        Err(err) => {
            eprintln!("{err}");
            None
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("catalog-tool: {message}\n");
    eprint!("{HELP}");
    ExitCode::from(2)
}

fn validate(path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{path}: не удалось прочитать файл / cannot read the file: {err}");
            return ExitCode::FAILURE;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            eprintln!(
                "{path}: файл не в кодировке UTF-8 / the file is not UTF-8 (byte {})",
                err.utf8_error().valid_up_to()
            );
            return ExitCode::FAILURE;
        }
    };
    match parse_catalog(&text) {
        Ok(loaded) => {
            print!("{}", report(path, &loaded));
            if loaded.problems_of(Severity::Error).next().is_some() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("{path}: файл отклонён целиком / the whole file is refused: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_output(path: Option<&str>, text: &str) -> ExitCode {
    let result = match path {
        Some(path) => std::fs::write(path, text),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("catalog-tool: не удалось записать / cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}
