//! `catalog-tool`: the command-line tool for people who publish Госпаблики catalogs.

use std::io::Write;
use std::process::ExitCode;

use catalog::{parse_catalog, Severity};
use catalog_tool::{demo, report};

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
