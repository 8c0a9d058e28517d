//! A hand-written SVG bar chart of ratios on a log scale: one group of
//! horizontal bars per program, one bar per series, drawn from the 1× line so
//! that slower-than-native goes right and faster goes left.

use std::fmt::Write;

/// One kind of bar (say, mvm / native).
#[derive(Clone, Debug)]
pub struct Series {
    /// Legend text.
    pub label: String,
    /// Fill colour (any SVG colour).
    pub color: &'static str,
}

/// One program's bars.
#[derive(Clone, Debug)]
pub struct Row {
    /// Program name.
    pub name: String,
    /// One value per series; `None` draws no bar.
    pub values: Vec<Option<f64>>,
    /// Text shown after the bars (e.g. why mvm has no bar).
    pub note: Option<String>,
}

/// A whole chart.
#[derive(Clone, Debug)]
pub struct Chart {
    /// Heading.
    pub title: String,
    /// The series, in legend and bar order.
    pub series: Vec<Series>,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
}

/// A base-10 logarithmic axis whose ends are "nice" values: 1, 2 or 5 times
/// a power of ten. Such values are numbered as steps: step 3k is 10^k, step
/// 3k+1 is 2·10^k, step 3k+2 is 5·10^k.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// The step the axis starts at...
    pub lo_step: i32,
    /// ...and the one it ends at (always > lo_step).
    pub hi_step: i32,
    /// Pixel x of the start.
    pub left: f64,
    /// Pixel width.
    pub width: f64,
}

/// The value of a 1-2-5 step.
pub fn step_value(n: i32) -> f64 {
    let mantissa = match n.rem_euclid(3) {
        0 => 1.0,
        1 => 2.0,
        _ => 5.0,
    };
    mantissa * 10f64.powi(n.div_euclid(3))
}

/// The extreme steps an axis may reach: 10^-6 and 10^9, so that absurd
/// ratios cannot make the axis absurdly long.
const MIN_STEP: i32 = -18;
const MAX_STEP: i32 = 27;

/// The largest step whose value is at most `v` (positive, finite).
fn step_floor(v: f64) -> i32 {
    let mut n = ((v.log10().floor() as i32) * 3).clamp(MIN_STEP, MAX_STEP);
    while n < MAX_STEP && step_value(n + 1) <= v * (1.0 + 1e-12) {
        n += 1;
    }
    n
}

/// The smallest step whose value is at least `v` (positive, finite).
fn step_ceil(v: f64) -> i32 {
    let mut n = ((v.log10().ceil() as i32) * 3).clamp(MIN_STEP, MAX_STEP);
    while n > MIN_STEP && step_value(n - 1) >= v * (1.0 - 1e-12) {
        n -= 1;
    }
    n
}

impl LogScale {
    /// The smallest 1-2-5 axis holding every positive finite value and 1
    /// (the "same speed" line).
    pub fn fit(values: impl IntoIterator<Item = f64>, left: f64, width: f64) -> Self {
        let (mut lo, mut hi) = (1.0f64, 1.0f64);
        for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let lo_step = step_floor(lo).min(MAX_STEP - 1);
        let hi_step = step_ceil(hi).max(lo_step + 1);
        Self {
            lo_step,
            hi_step,
            left,
            width,
        }
    }

    /// Pixel x of `v`, clamped to the axis.
    pub fn x(&self, v: f64) -> f64 {
        let (lo, hi) = (
            step_value(self.lo_step).log10(),
            step_value(self.hi_step).log10(),
        );
        let pos = if v.is_finite() && v > 0.0 {
            (v.log10() - lo) / (hi - lo)
        } else {
            0.0
        };
        self.left + pos.clamp(0.0, 1.0) * self.width
    }

    /// Grid lines at every step of the axis: (value, pixel x, is a power of ten).
    pub fn ticks(&self) -> Vec<(f64, f64, bool)> {
        (self.lo_step..=self.hi_step)
            .map(|n| (step_value(n), self.x(step_value(n)), n.rem_euclid(3) == 0))
            .collect()
    }
}

/// A ratio as the chart and the table print it: "0.82×", "3.40×", "27.1×", "1234×".
pub fn format_ratio(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2}×")
    } else if v < 100.0 {
        format!("{v:.1}×")
    } else {
        format!("{v:.0}×")
    }
}

const LEFT: f64 = 170.0;
const PLOT: f64 = 600.0;
const BAR: f64 = 9.0;
const GAP: f64 = 10.0;
const TOP: f64 = 80.0;
const BOTTOM: f64 = 40.0;
/// Room for a ratio label after a bar.
const LABEL: f64 = 40.0;
/// Rough width of a character of 11px sans-serif, to size the canvas.
const CHAR: f64 = 6.2;

fn valid(v: f64) -> bool {
    v.is_finite() && v > 0.0
}

/// Renders the chart as a standalone SVG document. Series without a single
/// value get no bar slot, and a note that every row shares is shown once
/// under the title instead of on every row.
pub fn render(chart: &Chart) -> String {
    let used: Vec<usize> = (0..chart.series.len())
        .filter(|&k| {
            chart
                .rows
                .iter()
                .any(|r| r.values.get(k).copied().flatten().is_some_and(valid))
        })
        .collect();
    let first_note = chart.rows.first().and_then(|r| r.note.clone());
    let common_note = first_note.filter(|n| chart.rows.iter().all(|r| r.note.as_ref() == Some(n)));
    let row_note = |r: &Row| {
        if common_note.is_some() {
            None
        } else {
            r.note.clone()
        }
    };

    let scale = LogScale::fit(
        chart
            .rows
            .iter()
            .flat_map(|r| r.values.iter().flatten().copied()),
        LEFT,
        PLOT,
    );
    let one = scale.x(1.0);
    let bars = used.len().max(1) as f64;
    let row_height = bars * BAR + GAP;
    let plot_height = row_height * chart.rows.len() as f64;
    // Where each row's bars and labels end, to place its note and size the canvas.
    let ends: Vec<f64> = chart
        .rows
        .iter()
        .map(|r| {
            used.iter()
                .filter_map(|&k| r.values.get(k).copied().flatten())
                .filter(|v| valid(*v))
                .fold(one, |e, v| e.max(scale.x(v)))
                + LABEL
        })
        .collect();
    let widest = chart
        .rows
        .iter()
        .zip(&ends)
        .map(|(r, end)| end + 6.0 + row_note(r).map_or(0.0, |n| CHAR * n.chars().count() as f64))
        .fold(LEFT + PLOT + LABEL, f64::max);
    let width = (widest + 10.0).ceil();
    let height = TOP + plot_height + BOTTOM;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="20" font-size="14" font-weight="bold">{}</text>"#,
        escape(&chart.title)
    );
    if let Some(note) = &common_note {
        let _ = writeln!(
            s,
            r#"<text x="{LEFT}" y="38" fill="gray" font-style="italic">Every program: {}</text>"#,
            escape(note)
        );
    }

    // Legend.
    let mut lx = LEFT;
    for series in used.iter().filter_map(|&k| chart.series.get(k)) {
        let _ = writeln!(
            s,
            r#"<rect x="{lx}" y="48" width="12" height="10" fill="{}"/>"#,
            series.color
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="57">{}</text>"#,
            lx + 16.0,
            escape(&series.label)
        );
        lx += 16.0 + CHAR * series.label.chars().count() as f64 + 18.0;
    }

    // Grid and axis labels.
    let axis_y = TOP + plot_height;
    let ticks = scale.ticks();
    for &(v, x, major) in &ticks {
        let (stroke, dash) = if major {
            ("#bbb", "")
        } else {
            ("#e4e4e4", r#" stroke-dasharray="2,3""#)
        };
        let _ = writeln!(
            s,
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{axis_y}" stroke="{stroke}"{dash}/>"#
        );
        if major || ticks.len() <= 10 {
            let _ = writeln!(
                s,
                r#"<text x="{x:.1}" y="{}" text-anchor="middle" fill="dimgray">{}</text>"#,
                axis_y + 14.0,
                trim_ratio(v)
            );
        }
    }
    let _ = writeln!(
        s,
        r#"<line x1="{one:.1}" y1="{}" x2="{one:.1}" y2="{axis_y}" stroke="black"/>"#,
        TOP - 4.0
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle" fill="dimgray">time ratio, log scale (1× = same speed; right of it = slower)</text>"#,
        LEFT + PLOT / 2.0,
        axis_y + 30.0
    );

    // Rows.
    for ((i, row), end) in chart.rows.iter().enumerate().zip(&ends) {
        let y0 = TOP + row_height * i as f64 + GAP / 2.0;
        let middle = y0 + bars * BAR / 2.0 + 4.0;
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{middle:.1}" text-anchor="end">{}</text>"#,
            LEFT - 8.0,
            escape(&row.name)
        );
        for (slot, &k) in used.iter().enumerate() {
            let (Some(series), Some(v)) = (
                chart.series.get(k),
                row.values.get(k).copied().flatten().filter(|v| valid(*v)),
            ) else {
                continue;
            };
            let y = y0 + BAR * slot as f64;
            let x = scale.x(v);
            let (from, w) = if x >= one {
                (one, x - one)
            } else {
                (x, one - x)
            };
            let _ = writeln!(
                s,
                r#"<rect x="{from:.1}" y="{y:.1}" width="{:.1}" height="{}" fill="{}"><title>{}: {}</title></rect>"#,
                w.max(1.0),
                BAR - 1.0,
                series.color,
                escape(&series.label),
                format_ratio(v)
            );
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="9" fill="darkslategray">{}</text>"#,
                x.max(one) + 3.0,
                y + BAR - 2.0,
                format_ratio(v)
            );
        }
        if let Some(note) = row_note(row) {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{middle:.1}" fill="gray" font-style="italic">{}</text>"#,
                end + 6.0,
                escape(&note)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// A tick value without trailing zeros: 0.01×, 0.5×, 1×, 20×.
fn trim_ratio(v: f64) -> String {
    let text = format!("{v:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}×")
}

/// Escapes text for SVG character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(s: LogScale) -> (f64, f64) {
        (step_value(s.lo_step), step_value(s.hi_step))
    }

    #[test]
    fn steps_go_1_2_5() {
        let values: Vec<f64> = (-3..=4).map(step_value).collect();
        assert_eq!(values, [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]);
        assert_eq!((step_floor(0.997), step_ceil(0.997)), (-1, 0));
        assert_eq!((step_floor(7.97), step_ceil(7.97)), (2, 3));
        assert_eq!((step_floor(20.0), step_ceil(20.0)), (4, 4));
    }

    #[test]
    fn scale_fits_nice_bounds_around_one() {
        let s = LogScale::fit([3.0, 250.0], 100.0, 300.0);
        assert_eq!(bounds(s), (1.0, 500.0));
        assert!((s.x(1.0) - 100.0).abs() < 1e-9);
        assert!((s.x(500.0) - 400.0).abs() < 1e-9);
        assert!((s.x(10.0) - (100.0 + 300.0 / 500f64.log10())).abs() < 1e-9);
        assert_eq!(bounds(LogScale::fit([0.997, 7.97], 0.0, 1.0)), (0.5, 10.0));
        assert_eq!(bounds(LogScale::fit([0.5, 2.0], 0.0, 1.0)), (0.5, 2.0));
    }

    #[test]
    fn scale_survives_empty_and_bad_input() {
        let s = LogScale::fit([f64::NAN, 0.0, -3.0, f64::INFINITY], 0.0, 100.0);
        assert_eq!(bounds(s), (1.0, 2.0));
        assert_eq!(s.x(0.0), 0.0);
        assert_eq!(s.x(1e12), 100.0);
        let s = LogScale::fit([1e-30, 1e30], 0.0, 100.0);
        assert_eq!((s.lo_step, s.hi_step), (MIN_STEP, MAX_STEP));
    }

    #[test]
    fn ticks_mark_every_step_and_decades_as_major() {
        let s = LogScale::fit([50.0], 0.0, 100.0);
        let values: Vec<f64> = s.ticks().iter().map(|t| t.0).collect();
        assert_eq!(values, [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]);
        assert_eq!(s.ticks().iter().filter(|t| t.2).count(), 2);
    }

    #[test]
    fn ratios_print_with_sensible_precision() {
        assert_eq!(format_ratio(0.8234), "0.82×");
        assert_eq!(format_ratio(27.14), "27.1×");
        assert_eq!(format_ratio(1234.4), "1234×");
        assert_eq!(trim_ratio(0.5), "0.5×");
        assert_eq!(trim_ratio(100.0), "100×");
    }

    #[test]
    fn render_draws_a_bar_per_value_and_escapes_text() {
        let chart = Chart {
            title: "a < b".into(),
            series: vec![
                Series {
                    label: "x".into(),
                    color: "red",
                },
                Series {
                    label: "y".into(),
                    color: "blue",
                },
            ],
            rows: vec![
                Row {
                    name: "p1".into(),
                    values: vec![Some(2.0), Some(0.5)],
                    note: None,
                },
                Row {
                    name: "p2".into(),
                    values: vec![Some(30.0), None],
                    note: Some("y: cannot run <yet>".into()),
                },
            ],
        };
        let svg = render(&chart);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<title>").count(), 3);
        assert!(svg.contains("a &lt; b") && svg.contains("cannot run &lt;yet&gt;"));
        assert!(!svg.contains("<yet>"));
    }

    #[test]
    fn render_drops_empty_series_and_hoists_a_shared_note() {
        let note = Some("mvm: cannot run yet".to_string());
        let chart = Chart {
            title: "t".into(),
            series: vec![
                Series {
                    label: "go run".into(),
                    color: "gray",
                },
                Series {
                    label: "mvm".into(),
                    color: "blue",
                },
            ],
            rows: vec![
                Row {
                    name: "p1".into(),
                    values: vec![Some(2.0), None],
                    note: note.clone(),
                },
                Row {
                    name: "p2".into(),
                    values: vec![Some(3.0), None],
                    note: note.clone(),
                },
            ],
        };
        let svg = render(&chart);
        assert_eq!(svg.matches("mvm: cannot run yet").count(), 1, "{svg}");
        assert!(svg.contains("Every program: mvm: cannot run yet"));
        assert!(
            !svg.contains(">mvm</text>"),
            "no legend entry for a series without bars"
        );
        assert!(svg.contains(">go run</text>"));
    }
}
