//! Rows of period counts (`period,start,new,lost[,returning][,joined_left][,end]`) and of a
//! customer-count series (`period,customers`) into flows.

use super::layout::{Format, Layout, Role};
use super::problem::{Problem, ProblemKind, Problems};
use super::records::Record;
use super::tables::{FlowRow, PeriodTable};
use crate::core::number::parse_count;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Something worth a look that does not stop the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// A given start differs from the previous period's end; the given start is used.
    StartDiffers {
        row: u64,
        period: String,
        given: u64,
        previous_end: u64,
    },
    /// A given end differs from S + N + Ret − L − J; the computed end is used.
    EndDiffers {
        row: u64,
        period: String,
        given: u64,
        computed: u64,
    },
    /// Rows of a transactions file with an amount below zero (refunds): they are summed
    /// into revenue as written. `rows` counts them; `first_rows` are the first few.
    NegativeAmounts { rows: u64, first_rows: Vec<u64> },
}

/// One row's cells as read (a count or `None` when blank).
struct CountsRow {
    row: u64,
    label: String,
    values: Vec<Option<u64>>,
    /// A row before this one was left out, so the previous kept row's end (or count) is not
    /// this period's start.
    after_gap: bool,
}

/// Reads counts or series rows, keeping them until the end (such files are small).
pub struct CountsSink {
    layout: Layout,
    width: usize,
    rows: Vec<CountsRow>,
    labels: FxHashMap<String, u64>,
    /// A row has been left out since the last kept one.
    gap: bool,
}

impl CountsSink {
    pub fn new(layout: &Layout, width: usize) -> Self {
        CountsSink {
            layout: layout.clone(),
            width,
            rows: Vec::new(),
            labels: FxHashMap::default(),
            gap: false,
        }
    }

    fn roles(&self) -> Vec<Role> {
        self.layout
            .format
            .roles()
            .iter()
            .map(|&(r, _)| r)
            .filter(|&r| r != Role::Period)
            .collect()
    }

    /// Reads one data row.
    pub fn record(&mut self, rec: &Record, problems: &mut Problems) {
        if rec.len() != self.width {
            self.gap = true;
            problems.push(Problem {
                row: Some(rec.row),
                column: None,
                value: None,
                kind: ProblemKind::FieldCount {
                    found: rec.len(),
                    expected: self.width,
                },
            });
            return;
        }
        let before = problems.total;
        let label = match self.layout.column(Role::Period) {
            Some(col) => match std::str::from_utf8(rec.get(col)) {
                Ok(t) if !t.trim().is_empty() => t.trim().to_string(),
                Ok(_) => {
                    let p = Problem::cell(
                        rec.row,
                        self.layout.name(col),
                        rec.get(col),
                        ProblemKind::Missing,
                    );
                    problems.push(p);
                    String::new()
                }
                Err(_) => {
                    let p = Problem::cell(
                        rec.row,
                        self.layout.name(col),
                        rec.get(col),
                        ProblemKind::NotUtf8,
                    );
                    problems.push(p);
                    String::new()
                }
            },
            None => (self.rows.len() + 1).to_string(),
        };
        if !label.is_empty() {
            if let Some(&first_row) = self.labels.get(&label) {
                let col = self.layout.column(Role::Period).unwrap_or(0);
                let kind = ProblemKind::DuplicatePeriod { first_row };
                problems.push(Problem::cell(
                    rec.row,
                    self.layout.name(col),
                    rec.get(col),
                    kind,
                ));
            } else {
                self.labels.insert(label.clone(), rec.row);
            }
        }
        let mut values = Vec::new();
        for role in self.roles() {
            let Some(col) = self.layout.column(role) else {
                values.push(None);
                continue;
            };
            let cell = rec.get(col);
            let value = match std::str::from_utf8(cell) {
                Err(_) => Err(ProblemKind::NotUtf8),
                Ok(t) if t.trim().is_empty() => {
                    let required = self
                        .layout
                        .format
                        .roles()
                        .iter()
                        .any(|&(r, req)| r == role && req);
                    // A counts file may give start on its first row only.
                    let optional = !required || (role == Role::Start && !self.rows.is_empty());
                    if optional {
                        Ok(None)
                    } else if role == Role::Start {
                        Err(ProblemKind::FirstStartMissing)
                    } else {
                        Err(ProblemKind::Missing)
                    }
                }
                Ok(t) => parse_count(t)
                    .map(Some)
                    .map_err(|e| ProblemKind::Number(e.into())),
            };
            match value {
                Ok(v) => values.push(v),
                Err(kind) => {
                    problems.push(Problem::cell(rec.row, self.layout.name(col), cell, kind));
                    values.push(None);
                }
            }
        }
        if problems.total == before {
            self.rows.push(CountsRow {
                row: rec.row,
                label,
                values,
                after_gap: std::mem::take(&mut self.gap),
            });
        } else {
            self.gap = true;
        }
    }

    /// Rows read without problems.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// The flows, checking what needs the previous rows (start from end, lost <= start).
    pub fn finish(self, problems: &mut Problems, warnings: &mut Vec<Warning>) -> PeriodTable {
        let rows = match self.layout.format {
            Format::Series => self.series(),
            _ => self.counts(problems, warnings),
        };
        PeriodTable {
            granularity: None,
            rows,
            cohorts: None,
        }
    }

    fn series(self) -> Vec<FlowRow> {
        let mut prev = 0;
        self.rows
            .into_iter()
            .map(|r| {
                // After a row left out the previous count is unknown: start 0, as on the
                // first row, leaves the net growth blank rather than spanning two periods.
                if r.after_gap {
                    prev = 0;
                }
                let active = r.values[0].unwrap_or(0);
                let row = FlowRow {
                    label: r.label,
                    active,
                    start: prev,
                    ..FlowRow::default()
                };
                prev = active;
                row
            })
            .collect()
    }

    fn counts(self, problems: &mut Problems, warnings: &mut Vec<Warning>) -> Vec<FlowRow> {
        // values: start, new, lost, returning, joined_left, end
        let name = |role: Role| self.layout.name(self.layout.column(role).unwrap_or(0));
        let mut out = Vec::new();
        let mut previous_end: Option<u64> = None;
        for r in &self.rows {
            if r.after_gap {
                previous_end = None;
            }
            let v = |i: usize| r.values[i];
            let start = match (v(0), previous_end) {
                (Some(s), Some(e)) if s != e => {
                    warnings.push(Warning::StartDiffers {
                        row: r.row,
                        period: r.label.clone(),
                        given: s,
                        previous_end: e,
                    });
                    s
                }
                (Some(s), _) => s,
                (None, Some(e)) => e,
                // The first row, or a row after one left out: the start is unknown.
                (None, None) => {
                    problems.push(Problem {
                        row: Some(r.row),
                        column: Some(name(Role::Start)),
                        value: Some(String::new()),
                        kind: ProblemKind::FirstStartMissing,
                    });
                    continue;
                }
            };
            let (new, lost) = (v(1).unwrap_or(0), v(2).unwrap_or(0));
            let (returning, joined_left) = (v(3).unwrap_or(0), v(4).unwrap_or(0));
            if lost > start {
                problems.push(Problem {
                    row: Some(r.row),
                    column: Some(name(Role::Lost)),
                    value: Some(lost.to_string()),
                    kind: ProblemKind::LostExceedsStart { start },
                });
                previous_end = None;
                continue;
            }
            if joined_left > new {
                problems.push(Problem {
                    row: Some(r.row),
                    column: Some(name(Role::JoinedLeft)),
                    value: Some(joined_left.to_string()),
                    kind: ProblemKind::JoinedLeftExceedsNew { new },
                });
                previous_end = None;
                continue;
            }
            let end = start - lost + new - joined_left + returning;
            if let Some(given) = v(5) {
                if given != end {
                    warnings.push(Warning::EndDiffers {
                        row: r.row,
                        period: r.label.clone(),
                        given,
                        computed: end,
                    });
                }
            }
            previous_end = Some(end);
            out.push(FlowRow {
                label: r.label.clone(),
                active: end,
                start,
                retained: Some(start - lost),
                new: Some(new),
                returning: Some(returning),
                lost: Some(lost),
                joined_left: self.layout.column(Role::JoinedLeft).map(|_| joined_left),
                revenue: None,
                incomplete: false,
            });
        }
        out
    }
}
