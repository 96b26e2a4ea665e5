//! A spreadsheet as a grid of cells, read from CSV or from a workbook (`.xlsx`, `.xls`,
//! `.xlsb`, `.ods`) with `calamine`.
//!
//! The importer works on this grid only, so every format's quirks are dealt with here:
//! row numbers as the spreadsheet shows them, merged cells, hyperlinks whose target differs
//! from the text, numbers kept as numbers (an OGRN typed as a number is not a text).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Ods, Range, Reader, SheetVisible, Xls, Xlsb,
    Xlsx,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, ResolveResult};
use quick_xml::reader::NsReader;
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
    /// The hyperlink's target, where the workbook gives one: `.xlsx` (from calamine) and
    /// `.ods` (from the cell's own `text:a`); `.xls`, `.xlsb` and CSV give none.
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

/// The most bytes a workbook's ZIP archive may unpack to, all its files together. A
/// region's whole monitor (tens of thousands of rows) unpacks to tens of megabytes; a
/// ZIP bomb (a small file that unpacks to gigabytes) is refused before anything reads it.
pub const MAX_UNZIPPED: u64 = 256 * 1024 * 1024;

/// The most cells a sheet may hold, counting every row's cells from column A to its last
/// value and one per row: the grid is kept in memory whole, so a sheet with one value in
/// A1 and one in XFD1048576 would otherwise ask for seventeen billion cells.
pub const MAX_CELLS: usize = 5_000_000;

/// Every sheet of a workbook that has cells, in the workbook's order (CSV: one sheet).
pub fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, String> {
    let open = |kind: &str, err: &dyn std::fmt::Display| format!("файл .{kind} не читается: {err}");
    match format {
        Format::Csv => Ok(vec![read_csv(bytes)?]),
        Format::Xlsx => {
            check_archive(bytes, "xlsx")?;
            let hidden = xlsx_hidden_rows(bytes)?;
            let mut book: Xlsx<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xlsx", &err))?;
            read_book(&mut book, |book, name| {
                // The cells one by one, not calamine's dense range: see [`MAX_CELLS`].
                let cells = match book.worksheet_cells_reader(name) {
                    Ok(mut reader) => {
                        let mut cells = Vec::new();
                        while let Some(cell) = reader.next_cell().map_err(|err| err.to_string())? {
                            placed(&mut cells, name, cell.get_position(), cell.get_value())?;
                        }
                        cells
                    }
                    // A chart sheet has no cells.
                    Err(calamine::XlsxError::NotAWorksheet(_)) => Vec::new(),
                    Err(err) => return Err(err.to_string()),
                };
                let extras = Extras {
                    merges: book.merge_cells_by_sheet_name(name).unwrap_or_default(),
                    links: book
                        .hyperlinks_by_sheet_name(name)
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|link| Some((link.range, link.target?)))
                        .collect(),
                    hidden: hidden.get(name).cloned().unwrap_or_default(),
                };
                Ok((cells, extras))
            })
        }
        Format::Xls => {
            // A BIFF8 sheet has at most 65 536 rows of 256 columns, and the file is not
            // compressed: calamine's dense range is as big as the file allows.
            let mut book: Xls<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xls", &err))?;
            read_book(&mut book, |book, name| {
                let cells = range_cells(book.worksheet_range(name), name)?;
                let extras = Extras {
                    merges: book.merge_cells_by_sheet_name(name).unwrap_or_default(),
                    ..Extras::default()
                };
                Ok((cells, extras))
            })
        }
        Format::Xlsb => {
            check_archive(bytes, "xlsb")?;
            let mut book: Xlsb<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("xlsb", &err))?;
            read_book(&mut book, |book, name| {
                let mut reader = book
                    .worksheet_cells_reader(name)
                    .map_err(|err| err.to_string())?;
                let mut cells = Vec::new();
                while let Some(cell) = reader.next_cell().map_err(|err| err.to_string())? {
                    placed(&mut cells, name, cell.get_position(), cell.get_value())?;
                }
                Ok((cells, Extras::default()))
            })
        }
        Format::Ods => {
            check_archive(bytes, "ods")?;
            // Read first: it also refuses a sheet whose repeated cells would make
            // calamine's dense range too big, before calamine builds it.
            let mut extras = ods_extras(bytes)?;
            let mut book: Ods<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|err| open("ods", &err))?;
            read_book(&mut book, |book, name| {
                let cells = range_cells(book.worksheet_range(name), name)?;
                Ok((cells, extras.remove(name).unwrap_or_default()))
            })
        }
    }
}

/// A cell's value at its position, counted against [`MAX_CELLS`]; empty cells are left out.
fn placed(
    cells: &mut Vec<Placed>,
    sheet: &str,
    position: (u32, u32),
    value: &DataRef,
) -> Result<(), String> {
    if matches!(value, DataRef::Empty) {
        return Ok(());
    }
    if cells.len() >= MAX_CELLS {
        return Err(too_big(sheet));
    }
    cells.push((position, Data::from(value.clone())));
    Ok(())
}

/// The non-empty cells of a calamine range, at their absolute positions.
fn range_cells<E: std::fmt::Display>(
    range: Result<Range<Data>, E>,
    sheet: &str,
) -> Result<Vec<Placed>, String> {
    let range = range.map_err(|err| err.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let cells: Vec<_> = range
        .used_cells()
        .map(|(row, column, data)| ((top + row as u32, left + column as u32), data.clone()))
        .collect();
    if cells.len() > MAX_CELLS {
        return Err(too_big(sheet));
    }
    Ok(cells)
}

fn too_big(sheet: &str) -> String {
    format!(
        "лист «{sheet}» слишком велик: больше {MAX_CELLS} ячеек (строки, умноженные на столбцы до \
         последнего значения); удалите пустые строки и столбцы или разделите таблицу"
    )
}

/// A cell's value at its position (row, column), both counted from 0.
type Placed = ((u32, u32), Data);

/// The cells of one sheet and what it holds beside them.
type SheetCells = (Vec<Placed>, Extras);

/// Every sheet of a workbook, in its order, from what `read` finds in each.
fn read_book<'a, B>(
    book: &mut B,
    mut read: impl FnMut(&mut B, &str) -> Result<SheetCells, String>,
) -> Result<Vec<Sheet>, String>
where
    B: Reader<Cursor<&'a [u8]>>,
{
    let names: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|sheet| (sheet.name.clone(), sheet.visible != SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::new();
    for (name, hidden) in names {
        let (cells, extras) =
            read(book, &name).map_err(|err| format!("лист «{name}» не читается: {err}"))?;
        let mut sheet = grid(name, cells, &extras)?;
        sheet.hidden = hidden;
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// Refuses an archive that unpacks to more than [`MAX_UNZIPPED`] bytes, or whose files
/// do not unpack. Every file is also unpacked (and thrown away), not only its declared
/// size added up: a hostile file can declare any size.
fn check_archive(bytes: &[u8], kind: &str) -> Result<(), String> {
    let damaged =
        |err: &dyn std::fmt::Display| format!("файл .{kind} не читается: архив повреждён: {err}");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|err| damaged(&err))?;
    let too_big = || {
        format!(
            "файл .{kind} распаковывается больше чем в {} МБ: это не таблица, а «ZIP-бомба», \
             или таблица слишком велика",
            MAX_UNZIPPED >> 20
        )
    };
    // The sizes the archive declares first, which costs nothing and refuses an honest bomb.
    let mut declared = 0u64;
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(|err| damaged(&err))?;
        declared = declared.saturating_add(file.size());
    }
    if declared > MAX_UNZIPPED {
        return Err(too_big());
    }
    let mut left = MAX_UNZIPPED;
    for index in 0..archive.len() {
        let file = archive.by_index(index).map_err(|err| damaged(&err))?;
        let unpacked = std::io::copy(&mut file.take(left + 1), &mut std::io::sink())
            .map_err(|err| damaged(&err))?;
        if unpacked > left {
            return Err(too_big());
        }
        left -= unpacked;
    }
    Ok(())
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

/// A workbook's cells as a sheet: absolute row numbers, each row's cells from column A,
/// merged ranges filled from their top-left cell, hyperlink targets on the cells they
/// cover. Refused when the grid would hold more than [`MAX_CELLS`] cells.
fn grid(name: String, cells: Vec<Placed>, extras: &Extras) -> Result<Sheet, String> {
    let (Some(first_row), Some(last_row)) = (
        cells.iter().map(|((row, _), _)| *row).min(),
        cells.iter().map(|((row, _), _)| *row).max(),
    ) else {
        return Ok(Sheet {
            name: Some(name),
            ..Sheet::default()
        });
    };
    let height = (last_row - first_row) as usize + 1;
    if height > MAX_CELLS {
        return Err(too_big(&name));
    }
    let mut widths = vec![0usize; height];
    for ((row, column), _) in &cells {
        let width = &mut widths[(row - first_row) as usize];
        *width = (*width).max(*column as usize + 1);
    }
    // Every row counts, so that a sheet of a million empty rows is as big as it is.
    let mut left = MAX_CELLS
        .checked_sub(widths.iter().sum::<usize>() + height)
        .ok_or_else(|| too_big(&name))?;
    let mut rows: Vec<Row> = widths
        .iter()
        .enumerate()
        .map(|(index, &width)| Row {
            number: u64::from(first_row) + index as u64 + 1,
            line: None,
            hidden: extras.hidden.contains(&(first_row + index as u32)),
            cells: vec![Cell::default(); width],
        })
        .collect();
    for ((row, column), data) in &cells {
        rows[(row - first_row) as usize].cells[*column as usize].value = value_of(data);
    }
    // A merge or a link may name cells past the last value (a hostile file: the whole
    // sheet); only the cells within the rows and columns that hold values are filled,
    // and every cell filled counts against the same limit.
    let width = widths.iter().copied().max().unwrap_or(0) as u32;
    let within = |range: &Dimensions| {
        let rows = range.start.0.max(first_row)..=range.end.0.min(last_row);
        let columns = range.start.1..=range.end.1.min(width.saturating_sub(1));
        (rows, columns)
    };
    let mut fill = |rows: &mut [Row], row: u32, column: u32, cell: Cell| -> Result<(), String> {
        let row = &mut rows[(row - first_row) as usize];
        let column = column as usize;
        let grown = (column + 1).saturating_sub(row.cells.len());
        left = left.checked_sub(grown + 1).ok_or_else(|| too_big(&name))?;
        if row.cells.len() <= column {
            row.cells.resize_with(column + 1, Cell::default);
        }
        row.cells[column] = cell;
        Ok(())
    };
    for (range, target) in &extras.links {
        let (link_rows, columns) = within(range);
        for row in link_rows {
            for column in columns.clone() {
                let mut cell = cell_at(&rows, first_row, row, column);
                cell.link = Some(target.clone());
                fill(&mut rows, row, column, cell)?;
            }
        }
    }
    for merge in &extras.merges {
        if merge.start.0 < first_row || merge.start.0 > last_row {
            continue;
        }
        let top_left = cell_at(&rows, first_row, merge.start.0, merge.start.1);
        if top_left.value.is_empty() && top_left.link.is_none() {
            continue;
        }
        let (merge_rows, columns) = within(merge);
        for row in merge_rows {
            for column in columns.clone() {
                if (row, column) != merge.start {
                    let cell = Cell {
                        merged: true,
                        ..top_left.clone()
                    };
                    fill(&mut rows, row, column, cell)?;
                }
            }
        }
    }
    Ok(Sheet {
        name: Some(name),
        hidden: false,
        rows,
    })
}

/// A copy of the cell at an absolute position (an empty one past the row's end).
fn cell_at(rows: &[Row], first_row: u32, row: u32, column: u32) -> Cell {
    row.checked_sub(first_row)
        .and_then(|row| rows.get(row as usize))
        .and_then(|row| row.cells.get(column as usize))
        .cloned()
        .unwrap_or_default()
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(n) => Value::Number(*n),
        Data::Bool(b) => Value::Bool(*b),
        Data::Error(error) => Value::Error(error.to_string()),
        // A date cell holds a serial number of days, which is what `to_string` gives; it
        // is read as the day people see (`2026-12-01`, the time only where there is one).
        Data::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = moment.to_ymd_hms_milli();
            let date = format!("{year:04}-{month:02}-{day:02}");
            Value::Text(match (hour, minute, second) {
                (0, 0, 0) => date,
                _ => format!("{date} {hour:02}:{minute:02}:{second:02}"),
            })
        }
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

/// One file of a ZIP archive as text: `None` if it is not there, an error if it does not
/// unpack or is not UTF-8 (the archive was checked by [`check_archive`], so its size is
/// bounded).
fn zip_text(bytes: &[u8], path: &str) -> Result<Option<String>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| format!("архив повреждён: {err}"))?;
    let file = match archive.by_name(path) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(format!("{path}: {err}")),
    };
    let mut text = String::new();
    file.take(MAX_UNZIPPED)
        .read_to_string(&mut text)
        .map_err(|err| format!("{path}: {err}"))?;
    Ok(Some(text))
}

/// The XML namespaces the readers below look for. Elements and attributes are matched by
/// namespace and local name, never by the prefix a file happens to use: `table:` in one
/// file may be `t:` in another, and an element of another vocabulary (a drawing's `draw:a`,
/// an extension's `table`) is not the one meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// OpenDocument's tables.
    Table,
    /// OpenDocument's text (`text:a`, a link).
    Text,
    /// OpenDocument's office (`office:annotation`, a comment).
    Office,
    /// XLink (`xlink:href`).
    Xlink,
    /// SpreadsheetML, transitional or strict.
    Sheet,
    /// The relationships of a package part (`.rels` files).
    PackageRels,
    /// The relationship attributes of SpreadsheetML (`r:id`).
    Rels,
    /// No namespace (an unprefixed attribute).
    None,
    Other,
}

impl Ns {
    fn of(uri: &str) -> Ns {
        match uri {
            "urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
            "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
            "http://www.w3.org/1999/xlink" => Ns::Xlink,
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            | "http://purl.oclc.org/ooxml/spreadsheetml/main" => Ns::Sheet,
            "http://schemas.openxmlformats.org/package/2006/relationships" => Ns::PackageRels,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            | "http://purl.oclc.org/ooxml/officeDocument/relationships" => Ns::Rels,
            _ => Ns::Other,
        }
    }

    fn resolved(result: &ResolveResult) -> Ns {
        match result {
            ResolveResult::Bound(uri) => Ns::of(uri.as_ref()),
            ResolveResult::Unbound => Ns::None,
            ResolveResult::Unknown(_) => Ns::Other,
        }
    }
}

/// Whether a tag opens an element, is an empty element, or closes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Start,
    Empty,
    End,
}

/// An element's tag as the walk meets it: its namespace and local name, and its attributes.
struct Element<'a> {
    tag: Tag,
    ns: Ns,
    name: &'a str,
    start: Option<&'a BytesStart<'a>>,
    resolver: &'a NamespaceResolver,
}

impl Element<'_> {
    fn is(&self, tag: Tag, ns: Ns, name: &str) -> bool {
        self.tag == tag && self.ns == ns && self.name == name
    }

    /// Whether the element opens (with content or empty) and is `ns:name`.
    fn opens(&self, ns: Ns, name: &str) -> bool {
        self.tag != Tag::End && self.ns == ns && self.name == name
    }

    /// An attribute's value by namespace and local name, with XML's predefined entities
    /// and character references replaced. quick-xml reads no DTD, so a file cannot define
    /// entities of its own (no «billion laughs»); an unknown entity makes the value absent.
    fn attribute(&self, ns: Ns, name: &str) -> Option<String> {
        self.start?
            .attributes()
            .flatten()
            .find(|a| {
                let (result, local) = self.resolver.resolve_attribute(a.key);
                local.as_ref() == name && Ns::resolved(&result) == ns
            })
            .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
            .map(|v| v.into_owned())
    }
}

/// Every element's tags in an XML text, in order, with namespaces resolved. A text that
/// is not well-formed XML is an error, not a partial reading.
fn walk(xml: &str, part: &str, mut visit: impl FnMut(&Element)) -> Result<(), String> {
    let mut reader = NsReader::from_str(xml);
    loop {
        let (result, event) = reader
            .read_resolved_event()
            .map_err(|err| format!("{part} — не XML: {err}"))?;
        let ns = Ns::resolved(&result);
        let (tag, start, name) = match &event {
            Event::Start(element) => (Tag::Start, Some(element), element.local_name()),
            Event::Empty(element) => (Tag::Empty, Some(element), element.local_name()),
            Event::End(element) => (Tag::End, None, element.local_name()),
            Event::Eof => return Ok(()),
            _ => continue,
        };
        visit(&Element {
            tag,
            ns,
            name: name.into_inner(),
            start,
            resolver: reader.resolver(),
        });
    }
}

/// The hidden rows of each sheet of an `.xlsx` file (calamine does not report them): the
/// workbook names each sheet's part, and each part marks its rows `hidden="1"`.
fn xlsx_hidden_rows(bytes: &[u8]) -> Result<HashMap<String, Vec<u32>>, String> {
    let mut hidden = HashMap::new();
    let (Some(workbook), Some(rels)) = (
        zip_text(bytes, "xl/workbook.xml")?,
        zip_text(bytes, "xl/_rels/workbook.xml.rels")?,
    ) else {
        return Ok(hidden);
    };
    let mut targets = HashMap::new();
    walk(&rels, "xl/_rels/workbook.xml.rels", |element| {
        if element.opens(Ns::PackageRels, "Relationship") {
            if let (Some(id), Some(target)) = (
                element.attribute(Ns::None, "Id"),
                element.attribute(Ns::None, "Target"),
            ) {
                targets.insert(id, target);
            }
        }
    })?;
    let mut sheets = Vec::new();
    walk(&workbook, "xl/workbook.xml", |element| {
        if element.opens(Ns::Sheet, "sheet") {
            if let (Some(sheet), Some(id)) = (
                element.attribute(Ns::None, "name"),
                element.attribute(Ns::Rels, "id"),
            ) {
                sheets.push((sheet, id));
            }
        }
    })?;
    for (sheet, id) in sheets {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = zip_text(bytes, &path)? else {
            continue;
        };
        let mut rows = Vec::new();
        walk(&xml, &path, |element| {
            if element.opens(Ns::Sheet, "row")
                && matches!(
                    element.attribute(Ns::None, "hidden").as_deref(),
                    Some("1" | "true")
                )
            {
                if let Some(row) = element
                    .attribute(Ns::None, "r")
                    .and_then(|r| r.parse::<u32>().ok())
                {
                    rows.push(row.saturating_sub(1));
                }
            }
        })?;
        hidden.insert(sheet, rows);
    }
    Ok(hidden)
}

/// The merged cells, hyperlinks and hidden rows of each sheet of an `.ods` file, which
/// calamine does not report: `content.xml` gives each cell's spans and its `text:a`
/// links, and each row's visibility; repeated rows and cells are counted as the format
/// says. Refused when a sheet's cells with content, repeats counted, span more than
/// [`MAX_CELLS`] (a few bytes of `number-rows-repeated` would otherwise make calamine
/// build a range of billions of cells).
fn ods_extras(bytes: &[u8]) -> Result<HashMap<String, Extras>, String> {
    let mut sheets: HashMap<String, Extras> = HashMap::new();
    let Some(content) = zip_text(bytes, "content.xml")? else {
        return Ok(sheets);
    };
    let repeated = |element: &Element, name: &str| -> u32 {
        element
            .attribute(Ns::Table, name)
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut sheet = String::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut rows_repeated = 1;
    // Tables inside a cell (a nested table) and comments are not the sheet's cells.
    let mut tables = 0u32;
    let mut comments = 0u32;
    // The cell being read, for the links inside it.
    let mut cell: Option<(u32, u32)> = None;
    // The box of the current sheet's cells with content: first and last row and column.
    let mut content_box: Option<(u32, u32, u32, u32)> = None;
    let mut too_big_sheet = None;
    walk(&content, "content.xml", |element| {
        if element.is(Tag::Start, Ns::Table, "table") {
            tables += 1;
            if tables == 1 {
                sheet = element.attribute(Ns::Table, "name").unwrap_or_default();
                (row, column) = (0, 0);
                content_box = None;
            }
            return;
        }
        if element.is(Tag::End, Ns::Table, "table") {
            tables = tables.saturating_sub(1);
            return;
        }
        if tables != 1 {
            return;
        }
        if element.opens(Ns::Office, "annotation") {
            comments += u32::from(element.tag == Tag::Start);
            return;
        }
        if element.is(Tag::End, Ns::Office, "annotation") {
            comments = comments.saturating_sub(1);
            return;
        }
        let extras = sheets.entry(sheet.clone()).or_default();
        if element.opens(Ns::Table, "table-row") {
            rows_repeated = repeated(element, "number-rows-repeated");
            if matches!(
                element.attribute(Ns::Table, "visibility").as_deref(),
                Some("collapse" | "filter")
            ) {
                // A hidden run of thousands of rows below the table holds nothing.
                let end = row.saturating_add(rows_repeated.min(10_000));
                extras.hidden.extend(row..end);
            }
            column = 0;
            if element.tag == Tag::Empty {
                row = row.saturating_add(rows_repeated);
            }
        } else if element.is(Tag::End, Ns::Table, "table-row") {
            row = row.saturating_add(rows_repeated);
        } else if element.opens(Ns::Table, "table-cell")
            || element.opens(Ns::Table, "covered-table-cell")
        {
            cell = Some((row, column));
            let rows = repeated(element, "number-rows-spanned");
            let columns = repeated(element, "number-columns-spanned");
            if rows > 1 || columns > 1 {
                extras.merges.push(Dimensions {
                    start: (row, column),
                    end: (
                        row.saturating_add(rows - 1),
                        column.saturating_add(columns - 1),
                    ),
                });
            }
            let columns_repeated = repeated(element, "number-columns-repeated");
            // A cell with a value type or with text inside has content.
            let valued =
                element.tag == Tag::Start || element.attribute(Ns::Office, "value-type").is_some();
            if valued {
                let last_row = row.saturating_add(rows_repeated - 1);
                let last_column = column.saturating_add(columns_repeated - 1);
                let (top, bottom, left, right) =
                    content_box.unwrap_or((row, last_row, column, last_column));
                let grown = (
                    top.min(row),
                    bottom.max(last_row),
                    left.min(column),
                    right.max(last_column),
                );
                content_box = Some(grown);
                let area = (u64::from(grown.1 - grown.0) + 1) * (u64::from(grown.3 - grown.2) + 1);
                if area > MAX_CELLS as u64 {
                    too_big_sheet.get_or_insert_with(|| sheet.clone());
                }
            }
            column = column.saturating_add(columns_repeated);
        } else if element.is(Tag::End, Ns::Table, "table-cell")
            || element.is(Tag::End, Ns::Table, "covered-table-cell")
        {
            cell = None;
        } else if element.opens(Ns::Text, "a") && comments == 0 {
            if let (Some(target), Some(cell)) = (element.attribute(Ns::Xlink, "href"), cell) {
                extras.links.push((
                    Dimensions {
                        start: cell,
                        end: cell,
                    },
                    target,
                ));
            }
        }
    })?;
    match too_big_sheet {
        Some(sheet) => Err(too_big(&sheet)),
        None => Ok(sheets),
    }
}
