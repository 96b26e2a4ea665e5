//! A spreadsheet as a grid of cells, read from CSV or from a workbook (`.xlsx`, `.xls`,
//! `.xlsb`, `.ods`) with `calamine`.
//!
//! The importer works on this grid only, so every format's quirks are dealt with here:
//! row numbers as the spreadsheet shows them, merged cells, hyperlinks whose target differs
//! from the text, numbers kept as numbers (an OGRN typed as a number is not a text).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::{
    open_workbook_from_rs, Data, Dimensions, Ods, Range, Reader, SheetVisible, Xls, Xlsb, Xlsx,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

use crate::import::decode;

/// One sheet of a spreadsheet, from its first non-empty row to its last.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name in a workbook; `None` for CSV.
    pub name: Option<String>,
    /// The workbook hides the sheet (a template, a list of values for drop-downs).
    pub hidden: bool,
    pub rows: Vec<Row>,
}

/// A row of a sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The row's number as the spreadsheet program shows it (the first row is 1).
    pub number: u64,
    /// For CSV, the line of the file the row starts on, where it differs from `number`
    /// (a quoted field over several lines makes a row longer than one line).
    pub line: Option<u64>,
    /// The row is hidden in the workbook (filtered out or collapsed).
    pub hidden: bool,
    /// The cells, the first one in column A.
    pub cells: Vec<Cell>,
}

/// A cell: its value, the target of its hyperlink, and whether the value is a copy from
/// the top-left cell of a merged range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub value: Value,
    /// The hyperlink's target, where the workbook gives one (`.xlsx` only: calamine reads
    /// no hyperlinks from `.xls` or `.ods`).
    pub link: Option<String>,
    /// The value was filled in from a merged range's top-left cell.
    pub merged: bool,
}

/// A cell's value as the workbook stores it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A formula's error (`#N/A`, `#REF!`…), as the workbook writes it.
    Error(String),
}

impl Value {
    /// The value as a person reads it: text with its spaces tidied (non-breaking and other
    /// Unicode spaces as plain ones, runs of them as one, none at either end), a whole
    /// number without a fraction or an exponent.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(text) => tidy(text),
            Value::Number(n) => number_text(*n),
            Value::Bool(true) => "да".to_string(),
            Value::Bool(false) => "нет".to_string(),
            Value::Error(error) => error.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => tidy(text).is_empty(),
            _ => false,
        }
    }
}

/// A number as text: whole numbers (up to 15 digits, Excel's precision) with every digit
/// and no `.0`; others as Rust writes them.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Spaces as a person sees them: every Unicode space (the non-breaking one Excel and
/// Word paste, thin spaces in numbers, tabs, line breaks inside a cell) is one plain space,
/// and a cell starts and ends with none. Zero-width characters are dropped.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .map(|w| {
            w.replace(
                ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'],
                "",
            )
        })
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// The formats a file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Xls,
    Xlsb,
    Ods,
}

impl Format {
    /// The format a file name's extension names, or else the one its first bytes show
    /// (a ZIP archive is `.xlsx` or `.ods`, an OLE compound file `.xls`), or else CSV.
    pub fn of(path: &str, bytes: &[u8]) -> Format {
        let extension = path
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "xlsb" => Format::Xlsb,
            "ods" => Format::Ods,
            "csv" | "txt" | "tsv" => Format::Csv,
            _ if bytes.starts_with(b"PK\x03\x04") => {
                // An OpenDocument file names its type in its first entry, `mimetype`.
                const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
                let head = &bytes[..bytes.len().min(200)];
                if head.windows(ODS_MIME.len()).any(|w| w == ODS_MIME) {
                    Format::Ods
                } else {
                    Format::Xlsx
                }
            }
            _ if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") => Format::Xls,
            _ => Format::Csv,
        }
    }
}

/// Every sheet of a workbook that has cells, in the workbook's order (CSV: one sheet).
pub fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, String> {
    let open = |kind: &str, err: &dyn std::fmt::Display| format!("файл .{kind} не читается: {err}");
    match format {
        Format::Csv => Ok(vec![read_csv(bytes)?]),
        Format::Xlsx => {
            let mut book: Xlsx<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xlsx", &err))?;
            let hidden = xlsx_hidden_rows(bytes);
            read_book(&mut book, |book, name| Extras {
                merges: book.merge_cells_by_sheet_name(name).unwrap_or_default(),
                links: book
                    .hyperlinks_by_sheet_name(name)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|link| Some((link.range, link.target?)))
                    .collect(),
                hidden: hidden.get(name).cloned().unwrap_or_default(),
            })
        }
        Format::Xls => {
            let mut book: Xls<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xls", &err))?;
            read_book(&mut book, |book, name| Extras {
                merges: book.merge_cells_by_sheet_name(name).unwrap_or_default(),
                ..Extras::default()
            })
        }
        Format::Xlsb => {
            let mut book: Xlsb<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xlsb", &err))?;
            read_book(&mut book, |_, _| Extras::default())
        }
        Format::Ods => {
            let mut book: Ods<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("ods", &err))?;
            let mut extras = ods_extras(bytes);
            read_book(&mut book, |_, name| extras.remove(name).unwrap_or_default())
        }
    }
}

/// Every sheet of a workbook, in its order, with what `extras` finds beside the values.
fn read_book<'a, B>(
    book: &mut B,
    mut extras: impl FnMut(&mut B, &str) -> Extras,
) -> Result<Vec<Sheet>, String>
where
    B: Reader<Cursor<&'a [u8]>>,
    B::Error: std::fmt::Display,
{
    let names: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|sheet| (sheet.name.clone(), sheet.visible != SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::new();
    for (name, hidden) in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|err| format!("лист «{name}» не читается: {err}"))?;
        let extras = extras(book, &name);
        let mut sheet = grid(name, &range, &extras);
        sheet.hidden = hidden;
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// A CSV file as a sheet: UTF-8 or Windows-1251, `;` or `,` (whichever one of the first
/// 30 lines has most of), every field a text.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, String> {
    let text = decode(bytes);
    // The header row has the most delimiters; a title above it may hold a stray comma.
    let most = |delimiter: char| {
        text.lines()
            .take(30)
            .map(|line| line.matches(delimiter).count())
            .max()
            .unwrap_or(0)
    };
    let delimiter = if most(',') > most(';') { b',' } else { b';' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The csv reader skips blank lines, which a spreadsheet shows as rows, and a quoted
    // field may span lines, which a spreadsheet shows as one row: the row number is the
    // line less the line breaks inside the fields of the rows above.
    // The reader's own line count starts where it started reading, before the blank
    // lines it skips, so lines are counted here from the record's first byte.
    let bytes = text.as_bytes();
    let mut breaks_above = 0;
    let (mut counted_to, mut line) = (0, 1u64);
    for record in reader.records() {
        let record = record.map_err(|err| format!("файл CSV не читается: {err}"))?;
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = start;
        let number = line - breaks_above;
        breaks_above += record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        rows.push(Row {
            number,
            line: Some(line).filter(|&l| l != number),
            hidden: false,
            cells: record
                .iter()
                .map(|field| Cell {
                    value: if field.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(field.to_string())
                    },
                    ..Cell::default()
                })
                .collect(),
        });
    }
    Ok(Sheet {
        name: None,
        hidden: false,
        rows,
    })
}

/// A calamine range as a sheet: absolute row numbers, merged ranges filled from their
/// top-left cell, hyperlink targets on the cells they cover.
fn grid(name: String, range: &Range<Data>, extras: &Extras) -> Sheet {
    let Some((first_row, first_column)) = range.start() else {
        return Sheet {
            name: Some(name),
            ..Sheet::default()
        };
    };
    // Cells left of the range are empty, so that a cell's index is its column (A = 0).
    let lead = first_column as usize;
    let mut rows: Vec<Row> = range
        .rows()
        .enumerate()
        .map(|(index, cells)| Row {
            number: u64::from(first_row) + index as u64 + 1,
            line: None,
            hidden: extras.hidden.contains(&(first_row + index as u32)),
            cells: std::iter::repeat_with(Cell::default)
                .take(lead)
                .chain(cells.iter().map(|data| Cell {
                    value: value_of(data),
                    ..Cell::default()
                }))
                .collect(),
        })
        .collect();
    for (dimensions, target) in &extras.links {
        for row in dimensions.start.0..=dimensions.end.0 {
            for column in dimensions.start.1..=dimensions.end.1 {
                if let Some(cell) = cell_at(&mut rows, first_row, row, column) {
                    cell.link = Some(target.clone());
                }
            }
        }
    }
    for merge in &extras.merges {
        let Some(top_left) =
            cell_at(&mut rows, first_row, merge.start.0, merge.start.1).map(|c| c.clone())
        else {
            continue;
        };
        for row in merge.start.0..=merge.end.0 {
            for column in merge.start.1..=merge.end.1 {
                if (row, column) == merge.start {
                    continue;
                }
                if let Some(cell) = cell_at(&mut rows, first_row, row, column) {
                    *cell = Cell {
                        merged: true,
                        ..top_left.clone()
                    };
                }
            }
        }
    }
    Sheet {
        name: Some(name),
        hidden: false,
        rows,
    }
}

/// The cell at an absolute position, the row made wide enough to hold it.
fn cell_at(rows: &mut [Row], first_row: u32, row: u32, column: u32) -> Option<&mut Cell> {
    let row = rows.get_mut(row.checked_sub(first_row)? as usize)?;
    let column = column as usize;
    if row.cells.len() <= column {
        row.cells.resize_with(column + 1, Cell::default);
    }
    row.cells.get_mut(column)
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(n) => Value::Number(*n),
        Data::Bool(b) => Value::Bool(*b),
        Data::Error(error) => Value::Error(error.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Value::Text(data.to_string())
        }
    }
}

/// A column's letters as the spreadsheet shows them: 0 is A, 26 is AA.
pub fn column_name(index: usize) -> String {
    let mut name = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// What a sheet holds besides its values, with positions counted from 0.
#[derive(Debug, Clone, Default)]
struct Extras {
    merges: Vec<Dimensions>,
    links: Vec<(Dimensions, String)>,
    hidden: Vec<u32>,
}

/// One file of a ZIP archive as text, if it is there.
fn zip_text(bytes: &[u8], path: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut file = archive.by_name(path).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some(text)
}

/// An attribute's value by its local name (`r:id` is `id`), unescaped.
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Each element's start (or empty element) in an XML text, with its local name.
fn for_each_element(xml: &str, mut visit: impl FnMut(&str, &BytesStart, bool)) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => visit(element.local_name().as_ref(), &element, false),
            Ok(Event::Empty(element)) => visit(element.local_name().as_ref(), &element, true),
            Ok(Event::End(element)) => {
                // An end tag is passed as an empty element named `/name`.
                let name = format!("/{}", element.local_name().as_ref());
                visit(&name, &BytesStart::new(""), true);
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// The hidden rows of each sheet of an `.xlsx` file (calamine does not report them): the
/// workbook names each sheet's part, and each part marks its rows `hidden="1"`.
fn xlsx_hidden_rows(bytes: &[u8]) -> HashMap<String, Vec<u32>> {
    let mut hidden = HashMap::new();
    let (Some(workbook), Some(rels)) = (
        zip_text(bytes, "xl/workbook.xml"),
        zip_text(bytes, "xl/_rels/workbook.xml.rels"),
    ) else {
        return hidden;
    };
    let mut targets = HashMap::new();
    for_each_element(&rels, |name, element, _| {
        if name == "Relationship" {
            if let (Some(id), Some(target)) =
                (attribute(element, "Id"), attribute(element, "Target"))
            {
                targets.insert(id, target);
            }
        }
    });
    let mut sheets = Vec::new();
    for_each_element(&workbook, |name, element, _| {
        if name == "sheet" {
            if let (Some(sheet), Some(id)) = (attribute(element, "name"), attribute(element, "id"))
            {
                sheets.push((sheet, id));
            }
        }
    });
    for (sheet, id) in sheets {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = zip_text(bytes, &path) else {
            continue;
        };
        let mut rows = Vec::new();
        for_each_element(&xml, |name, element, _| {
            if name == "row"
                && matches!(attribute(element, "hidden").as_deref(), Some("1" | "true"))
            {
                if let Some(row) = attribute(element, "r").and_then(|r| r.parse::<u32>().ok()) {
                    rows.push(row.saturating_sub(1));
                }
            }
        });
        hidden.insert(sheet, rows);
    }
    hidden
}

/// The merged cells, hyperlinks and hidden rows of each sheet of an `.ods` file, which
/// calamine does not report: `content.xml` gives each cell's spans and its `text:a`
/// links, and each row's visibility; repeated rows and cells are counted as the format
/// says.
fn ods_extras(bytes: &[u8]) -> HashMap<String, Extras> {
    let mut sheets: HashMap<String, Extras> = HashMap::new();
    let Some(content) = zip_text(bytes, "content.xml") else {
        return sheets;
    };
    let repeated = |element: &BytesStart, name: &str| -> u32 {
        attribute(element, name)
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut sheet = String::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut rows_repeated = 1;
    // The cell being read, for the links inside it.
    let mut cell = (0u32, 0u32);
    for_each_element(&content, |name, element, empty| {
        let extras = sheets.entry(sheet.clone()).or_default();
        match name {
            "table" => {
                sheet = attribute(element, "name").unwrap_or_default();
                (row, column) = (0, 0);
            }
            "table-row" => {
                rows_repeated = repeated(element, "number-rows-repeated");
                if matches!(
                    attribute(element, "visibility").as_deref(),
                    Some("collapse" | "filter")
                ) {
                    // A hidden run of thousands of rows below the table holds nothing.
                    extras.hidden.extend(row..row + rows_repeated.min(10_000));
                }
                column = 0;
                if empty {
                    row += rows_repeated;
                }
            }
            "/table-row" => row += rows_repeated,
            "table-cell" | "covered-table-cell" => {
                cell = (row, column);
                let rows = repeated(element, "number-rows-spanned");
                let columns = repeated(element, "number-columns-spanned");
                if rows > 1 || columns > 1 {
                    extras.merges.push(Dimensions {
                        start: (row, column),
                        end: (row + rows - 1, column + columns - 1),
                    });
                }
                column += repeated(element, "number-columns-repeated");
            }
            "a" => {
                if let Some(target) = attribute(element, "href") {
                    extras.links.push((
                        Dimensions {
                            start: cell,
                            end: cell,
                        },
                        target,
                    ));
                }
            }
            _ => {}
        }
    });
    sheets
}
