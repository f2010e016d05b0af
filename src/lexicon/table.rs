//! The one format of every lexicon file, read strictly.
//!
//! A lexicon file is tab-separated: `#` lines are documentation, the first other line is a
//! header naming the columns, and every following non-blank line is a row. A row has no more
//! cells than the header; trailing cells of optional columns may be left off. `|` separates
//! alternatives inside a cell and means nothing else. Anything else is an error that names the
//! file and the line, so that a typo in the data fails every test instead of silently turning a
//! word off.

use std::fmt;

/// A defect in a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "src/lexicon/{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// A column of a table: its header name and whether a row may leave it empty.
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

/// A required column.
pub const fn required(name: &'static str) -> Column {
    Column { name, required: true }
}

/// An optional column.
pub const fn optional(name: &'static str) -> Column {
    Column { name, required: false }
}

/// One row of a table, with where it stands for error messages.
pub struct Row<'t> {
    pub file: &'static str,
    pub line: usize,
    cells: Vec<&'t str>,
}

impl<'t> Row<'t> {
    /// The cell of column `i`, empty when left off.
    pub fn cell(&self, i: usize) -> &'t str {
        self.cells.get(i).copied().unwrap_or("")
    }

    /// The alternatives of column `i`, none when the cell is empty.
    pub fn alternatives(&self, i: usize) -> impl Iterator<Item = &'t str> {
        let cell = self.cell(i);
        cell.split('|').filter(move |_| !cell.is_empty())
    }

    /// The value of column `i`, one of `choices` (or the empty cell, where `choices` has it).
    pub fn choice<T: Copy>(&self, i: usize, column: &str, choices: &[(&str, T)]) -> Result<T, LexiconError> {
        let cell = self.cell(i);
        choices.iter().find(|(name, _)| *name == cell).map(|&(_, value)| value).ok_or_else(|| {
            let names: Vec<String> = choices
                .iter()
                .map(|(n, _)| if n.is_empty() { "(empty)".to_string() } else { n.to_string() })
                .collect();
            self.error(format!("unknown {column} \"{cell}\" (expected one of: {})", names.join(", ")))
        })
    }

    pub fn error(&self, message: String) -> LexiconError {
        LexiconError { file: self.file, line: self.line, message }
    }
}

/// The rows of `text`, checked against `columns`.
pub fn rows<'t>(file: &'static str, text: &'t str, columns: &[Column]) -> Result<Vec<Row<'t>>, LexiconError> {
    let error = |line: usize, message: String| LexiconError { file, line, message };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (header_line, header) = lines.next().ok_or_else(|| error(1, "no header row".to_string()))?;
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    if header.split('\t').collect::<Vec<_>>() != names {
        return Err(error(
            header_line,
            format!("the header must be \"{}\" (tab-separated), not \"{header}\"", names.join("\\t")),
        ));
    }
    let mut rows = Vec::new();
    for (line, text) in lines {
        let cells: Vec<&str> = text.split('\t').collect();
        if cells.len() > columns.len() {
            return Err(error(
                line,
                format!("{} cells, but the header has {} columns", cells.len(), columns.len()),
            ));
        }
        for (i, column) in columns.iter().enumerate() {
            let cell = cells.get(i).copied().unwrap_or("");
            if cell.trim() != cell {
                return Err(error(line, format!("white space around the {} \"{cell}\"", column.name)));
            }
            if column.required && cell.is_empty() {
                return Err(error(line, format!("no {}", column.name)));
            }
            if cell.split('|').any(str::is_empty) && !cell.is_empty() {
                return Err(error(line, format!("an empty alternative in the {} \"{cell}\"", column.name)));
            }
            if cell.split('|').any(|a| a.trim() != a || a.contains("  ")) {
                return Err(error(line, format!("stray spaces in the {} \"{cell}\"", column.name)));
            }
        }
        rows.push(Row { file, line, cells });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 3] = [required("forms"), required("class"), optional("needs")];

    fn check(text: &str) -> Result<usize, String> {
        rows("test.tsv", text, &COLUMNS).map(|r| r.len()).map_err(|e| e.to_string())
    }

    #[test]
    fn comments_header_and_rows() {
        assert_eq!(
            check("# doc\nforms\tclass\tneeds\nsay|said\tneutral\n\nannounce\treporting\tclause\n"),
            Ok(2)
        );
    }

    #[test]
    fn every_defect_names_its_line() {
        let header = "forms\tclass\tneeds\n";
        assert_eq!(check("forms\tclass\n").unwrap_err(), "src/lexicon/test.tsv:1: the header must be \"forms\\tclass\\tneeds\" (tab-separated), not \"forms\tclass\"");
        assert!(check(&format!("{header}say\n")).unwrap_err().contains("test.tsv:2: no class"));
        assert!(check(&format!("{header}say\tneutral\tclause\textra\n"))
            .unwrap_err()
            .contains(":2: 4 cells"));
        assert!(check(&format!("{header}say||said\tneutral\n")).unwrap_err().contains("empty alternative"));
        assert!(check(&format!("{header}say \tneutral\n")).unwrap_err().contains("white space"));
        assert!(check(&format!("{header}say said neutral\n")).unwrap_err().contains("no class"));
    }

    #[test]
    fn a_choice_must_be_one_of_its_values() {
        let table = rows("test.tsv", "forms\tclass\tneeds\nurge\turgin\n", &COLUMNS).unwrap();
        let err = table[0].choice(1, "class", &[("urging", 1), ("neutral", 2)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "src/lexicon/test.tsv:2: unknown class \"urgin\" (expected one of: urging, neutral)"
        );
    }
}
