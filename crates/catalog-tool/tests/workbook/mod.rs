//! Test workbooks, written by the tests themselves: the same grid of cells as `.xlsx`
//! (with `rust_xlsxwriter`), as `.ods` (a ZIP of `content.xml`, written here by hand, as
//! the OpenDocument format describes it) and as CSV. No binary fixture is committed: a
//! test's workbook is the data in the test.

use std::io::Write;

/// A cell of a test sheet.
#[derive(Debug, Clone, Copy)]
pub enum C {
    /// Empty.
    E,
    /// Text.
    T(&'static str),
    /// A number.
    N(f64),
    /// A boolean.
    B(bool),
    /// A date cell (year, month, day), shown as `DD.MM.YYYY`.
    D(u16, u8, u8),
    /// A hyperlink: the text shown and the target.
    L(&'static str, &'static str),
    /// Text, and in `.ods` more markup inside the cell after it (a comment, a shape):
    /// what a reader must not take for the cell's own value or link.
    X(&'static str, &'static str),
}

/// A sheet: its name, rows (the first is row 1), merged ranges as
/// `(first row, first column, last row, last column)` counted from 0, and hidden rows
/// (from 0).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<C>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
    pub hidden: Vec<u32>,
    /// The whole sheet is hidden.
    pub hidden_sheet: bool,
}

impl Sheet {
    pub fn new(name: &'static str, rows: Vec<Vec<C>>) -> Sheet {
        Sheet {
            name,
            rows,
            merges: Vec::new(),
            hidden: Vec::new(),
            hidden_sheet: false,
        }
    }

    pub fn hidden(self) -> Sheet {
        Sheet {
            hidden_sheet: true,
            ..self
        }
    }
}

/// The sheets as an `.xlsx` workbook.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for sheet in sheets {
        let page = book.add_worksheet();
        page.set_name(sheet.name).expect("a valid sheet name");
        page.set_hidden(sheet.hidden_sheet);
        for &(r1, c1, r2, c2) in &sheet.merges {
            page.merge_range(r1, c1, r2, c2, "", &rust_xlsxwriter::Format::new())
                .expect("merge");
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                let covered = sheet.merges.iter().any(|&(r1, c1, r2, c2)| {
                    (r1..=r2).contains(&r) && (c1..=c2).contains(&c) && (r, c) != (r1, c1)
                });
                if covered {
                    continue;
                }
                match *cell {
                    C::E => Ok(&mut *page),
                    C::T(text) | C::X(text, _) => page.write_string(r, c, text),
                    C::N(n) => page.write_number(r, c, n),
                    C::B(b) => page.write_boolean(r, c, b),
                    C::D(year, month, day) => page.write_datetime_with_format(
                        r,
                        c,
                        rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day)
                            .expect("a real day"),
                        &rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy"),
                    ),
                    C::L(text, target) => {
                        page.write_url_with_text(r, c, rust_xlsxwriter::Url::new(target), text)
                    }
                }
                .expect("write a cell");
            }
        }
        for &r in &sheet.hidden {
            page.set_row_hidden(r).expect("hide a row");
        }
    }
    book.save_to_buffer().expect("an .xlsx file")
}

/// The sheets as an OpenDocument spreadsheet (`.ods`).
pub fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let mut content = String::new();
    for sheet in sheets {
        let style = if sheet.hidden_sheet {
            r#" table:style-name="hidden""#
        } else {
            ""
        };
        content.push_str(&format!(
            r#"<table:table table:name="{}"{style}>"#,
            escape(sheet.name)
        ));
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32;
            if sheet.hidden.contains(&r) {
                content.push_str(r#"<table:table-row table:visibility="collapse">"#);
            } else {
                content.push_str("<table:table-row>");
            }
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                if sheet.merges.iter().any(|&(r1, c1, r2, c2)| {
                    (r1..=r2).contains(&r) && (c1..=c2).contains(&c) && (r, c) != (r1, c1)
                }) {
                    content.push_str("<table:covered-table-cell/>");
                    continue;
                }
                let span = sheet
                    .merges
                    .iter()
                    .find(|&&(r1, c1, _, _)| (r1, c1) == (r, c))
                    .map(|&(r1, c1, r2, c2)| {
                        format!(
                            r#" table:number-rows-spanned="{}" table:number-columns-spanned="{}""#,
                            r2 - r1 + 1,
                            c2 - c1 + 1
                        )
                    })
                    .unwrap_or_default();
                let cell = match *cell {
                    C::E => format!("<table:table-cell{span}/>"),
                    C::T(text) => format!(
                        r#"<table:table-cell{span} office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        escape(text)
                    ),
                    C::N(n) => format!(
                        r#"<table:table-cell{span} office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    ),
                    C::B(b) => format!(
                        r#"<table:table-cell{span} office:value-type="boolean" office:boolean-value="{b}"><text:p>{}</text:p></table:table-cell>"#,
                        if b { "ИСТИНА" } else { "ЛОЖЬ" }
                    ),
                    C::D(year, month, day) => format!(
                        r#"<table:table-cell{span} office:value-type="date" office:date-value="{year:04}-{month:02}-{day:02}"><text:p>{day:02}.{month:02}.{year:04}</text:p></table:table-cell>"#
                    ),
                    C::L(text, target) => format!(
                        r#"<table:table-cell{span} office:value-type="string"><text:p><text:a xlink:type="simple" xlink:href="{}">{}</text:a></text:p></table:table-cell>"#,
                        escape(target),
                        escape(text)
                    ),
                    C::X(text, markup) => format!(
                        r#"<table:table-cell{span} office:value-type="string"><text:p>{}</text:p>{markup}</table:table-cell>"#,
                        escape(text)
                    ),
                };
                content.push_str(&cell);
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    ods_of(&content)
}

/// An OpenDocument spreadsheet whose `office:spreadsheet` holds `tables` as written, for
/// files no spreadsheet program would write.
pub fn ods_of(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"><office:automatic-styles><style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"></style:table-properties></style:style></office:automatic-styles><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );

    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The OpenDocument format wants `mimetype` first and uncompressed.
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).expect("zip");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("zip");
    zip.start_file("META-INF/manifest.xml", deflated)
        .expect("zip");
    zip.write_all(manifest.as_bytes()).expect("zip");
    zip.start_file("content.xml", deflated).expect("zip");
    zip.write_all(content.as_bytes()).expect("zip");
    zip.finish().expect("zip").into_inner()
}

/// A ZIP archive of `copies` files of a mebibyte of spaces each: a ZIP bomb, unpacking
/// to a thousand times its size. One file is compressed and copied compressed, so
/// that writing the bomb costs the test nothing.
pub fn zip_bomb(copies: usize) -> Vec<u8> {
    let mut one = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    one.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .expect("zip");
    one.write_all(&vec![b' '; 1 << 20]).expect("zip");
    let one = one.finish().expect("zip").into_inner();
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(one)).expect("zip");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for copy in 0..copies {
        let file = source.by_index_raw(0).expect("zip");
        let name = if copy == 0 {
            "xl/workbook.xml".to_string()
        } else {
            format!("xl/part{copy}.xml")
        };
        zip.raw_copy_file_rename(file, name).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

/// The first sheet as a CSV file with `;`, as a spreadsheet saves it: values only (a
/// hyperlink's text, a number as written, a merged range's value in its first cell).
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32;
        let fields: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let c = c as u16;
                let covered = sheet.merges.iter().any(|&(r1, c1, r2, c2)| {
                    (r1..=r2).contains(&r) && (c1..=c2).contains(&c) && (r, c) != (r1, c1)
                });
                if covered {
                    C::E
                } else {
                    *cell
                }
            })
            .map(|cell| match cell {
                C::E => String::new(),
                C::T(text) | C::L(text, _) | C::X(text, _) => {
                    if text.contains([';', '"', '\n']) {
                        format!("\"{}\"", text.replace('"', "\"\""))
                    } else {
                        text.to_string()
                    }
                }
                C::N(n) => format!("{n}"),
                C::B(b) => if b { "ИСТИНА" } else { "ЛОЖЬ" }.to_string(),
                C::D(year, month, day) => format!("{day:02}.{month:02}.{year:04}"),
            })
            .collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The archive with `from` replaced by `to` in one of its files: for a workbook no writer
/// would make (`rust_xlsxwriter` fills a merged range with blank cells, so a merge over
/// the whole sheet is written small and widened here).
pub fn rewritten(archive: &[u8], path: &str, from: &str, to: &str) -> Vec<u8> {
    use std::io::Read;
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(archive)).expect("zip");
    let mut output = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..input.len() {
        let mut file = input.by_index(index).expect("zip");
        let name = file.name().expect("a file name").to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("zip");
        if name == path {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(text.contains(from), "{path} has no {from}");
            bytes = text.replace(from, to).into_bytes();
        }
        output
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("zip");
        output.write_all(&bytes).expect("zip");
    }
    output.finish().expect("zip").into_inner()
}
