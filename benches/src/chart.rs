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

/// A base-10 logarithmic axis spanning whole decades.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// The axis starts at 10^lo_exp...
    pub lo_exp: i32,
    /// ...and ends at 10^hi_exp (always > lo_exp).
    pub hi_exp: i32,
    /// Pixel x of the start.
    pub left: f64,
    /// Pixel width.
    pub width: f64,
}

impl LogScale {
    /// The smallest whole-decade axis holding every positive finite value
    /// and 1 (the "same as native" line).
    pub fn fit(values: impl IntoIterator<Item = f64>, left: f64, width: f64) -> Self {
        let (mut lo, mut hi) = (1.0f64, 1.0f64);
        for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        // Clamped so that absurd ratios cannot make the axis absurdly long.
        let lo_exp = (lo.log10().floor() as i32).clamp(-6, 0);
        let hi_exp = (hi.log10().ceil() as i32).clamp(lo_exp + 1, 9);
        Self { lo_exp, hi_exp, left, width }
    }

    /// Pixel x of `v`, clamped to the axis.
    pub fn x(&self, v: f64) -> f64 {
        let decades = f64::from(self.hi_exp - self.lo_exp);
        let pos = if v.is_finite() && v > 0.0 { (v.log10() - f64::from(self.lo_exp)) / decades } else { 0.0 };
        self.left + pos.clamp(0.0, 1.0) * self.width
    }

    /// Grid lines: (value, pixel x, is a whole decade), at 1, 2 and 5 of every decade.
    pub fn ticks(&self) -> Vec<(f64, f64, bool)> {
        let mut out = Vec::new();
        for e in self.lo_exp..=self.hi_exp {
            let decade = 10f64.powi(e);
            for (m, major) in [(1.0, true), (2.0, false), (5.0, false)] {
                if e == self.hi_exp && !major {
                    break;
                }
                let v = m * decade;
                out.push((v, self.x(v), major));
            }
        }
        out
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
const RIGHT: f64 = 190.0;
const BAR: f64 = 9.0;
const GAP: f64 = 10.0;
const TOP: f64 = 70.0;
const BOTTOM: f64 = 40.0;

/// Renders the chart as a standalone SVG document.
pub fn render(chart: &Chart) -> String {
    let scale = LogScale::fit(chart.rows.iter().flat_map(|r| r.values.iter().flatten().copied()), LEFT, PLOT);
    let bars = chart.series.len().max(1) as f64;
    let row_height = bars * BAR + GAP;
    let plot_height = row_height * chart.rows.len() as f64;
    let width = LEFT + PLOT + RIGHT;
    let height = TOP + plot_height + BOTTOM;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(s, r#"<text x="{}" y="20" font-size="14" font-weight="bold">{}</text>"#, LEFT, escape(&chart.title));

    // Legend.
    let mut lx = LEFT;
    for series in &chart.series {
        let _ = writeln!(s, r#"<rect x="{lx}" y="32" width="12" height="10" fill="{}"/>"#, series.color);
        let _ = writeln!(s, r#"<text x="{}" y="41">{}</text>"#, lx + 16.0, escape(&series.label));
        lx += 16.0 + 7.0 * series.label.chars().count() as f64 + 18.0;
    }

    // Grid and axis labels.
    let axis_y = TOP + plot_height;
    for (v, x, major) in scale.ticks() {
        let (stroke, dash) = if major { ("#bbb", "") } else { ("#e4e4e4", r#" stroke-dasharray="2,3""#) };
        let _ = writeln!(s, r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{axis_y}" stroke="{stroke}"{dash}/>"#);
        if major || scale.hi_exp - scale.lo_exp <= 2 {
            let _ = writeln!(s, r#"<text x="{x:.1}" y="{}" text-anchor="middle" fill="dimgray">{}</text>"#, axis_y + 14.0, trim_ratio(v));
        }
    }
    let one = scale.x(1.0);
    let _ = writeln!(s, r#"<line x1="{one:.1}" y1="{}" x2="{one:.1}" y2="{axis_y}" stroke="black"/>"#, TOP - 4.0);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle" fill="dimgray">time ratio, log scale (1× = same speed; right of it = slower)</text>"#,
        LEFT + PLOT / 2.0,
        axis_y + 30.0
    );

    // Rows.
    for (i, row) in chart.rows.iter().enumerate() {
        let y0 = TOP + row_height * i as f64 + GAP / 2.0;
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 8.0,
            y0 + bars * BAR / 2.0 + 4.0,
            escape(&row.name)
        );
        let mut end = one;
        for (k, (series, value)) in chart.series.iter().zip(&row.values).enumerate() {
            let Some(v) = value.filter(|v| v.is_finite() && *v > 0.0) else { continue };
            let y = y0 + BAR * k as f64;
            let x = scale.x(v);
            let (from, w) = if x >= one { (one, x - one) } else { (x, one - x) };
            let _ = writeln!(
                s,
                r#"<rect x="{from:.1}" y="{y:.1}" width="{:.1}" height="{}" fill="{}"><title>{}: {}</title></rect>"#,
                w.max(1.0),
                BAR - 1.0,
                series.color,
                escape(&series.label),
                format_ratio(v)
            );
            let _ = writeln!(s, r#"<text x="{:.1}" y="{:.1}" font-size="9" fill="darkslategray">{}</text>"#, x.max(one) + 3.0, y + BAR - 2.0, format_ratio(v));
            end = end.max(x + 40.0);
        }
        if let Some(note) = &row.note {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" fill="gray" font-style="italic">{}</text>"#,
                end + 6.0,
                y0 + bars * BAR / 2.0 + 4.0,
                escape(note)
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

    #[test]
    fn scale_spans_whole_decades_around_one() {
        let s = LogScale::fit([3.0, 250.0], 100.0, 300.0);
        assert_eq!((s.lo_exp, s.hi_exp), (0, 3));
        assert!((s.x(1.0) - 100.0).abs() < 1e-9);
        assert!((s.x(10.0) - 200.0).abs() < 1e-9);
        assert!((s.x(1000.0) - 400.0).abs() < 1e-9);
        let s = LogScale::fit([0.5, 2.0], 0.0, 200.0);
        assert_eq!((s.lo_exp, s.hi_exp), (-1, 1));
        assert!((s.x(1.0) - 100.0).abs() < 1e-9);
    }

    #[test]
    fn scale_survives_empty_and_bad_input() {
        let s = LogScale::fit([f64::NAN, 0.0, -3.0, f64::INFINITY], 0.0, 100.0);
        assert_eq!((s.lo_exp, s.hi_exp), (0, 1));
        assert_eq!(s.x(0.0), 0.0);
        assert_eq!(s.x(1e12), 100.0);
        let s = LogScale::fit([1e-30, 1e30], 0.0, 100.0);
        assert_eq!((s.lo_exp, s.hi_exp), (-6, 9));
    }

    #[test]
    fn ticks_are_1_2_5_per_decade() {
        let s = LogScale::fit([50.0], 0.0, 100.0);
        let values: Vec<f64> = s.ticks().iter().map(|t| t.0).collect();
        assert_eq!(values, [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]);
        assert_eq!(s.ticks().iter().filter(|t| t.2).count(), 3);
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
            series: vec![Series { label: "x".into(), color: "red" }, Series { label: "y".into(), color: "blue" }],
            rows: vec![
                Row { name: "p1".into(), values: vec![Some(2.0), Some(0.5)], note: None },
                Row { name: "p2".into(), values: vec![Some(30.0), None], note: Some("y: cannot run <yet>".into()) },
            ],
        };
        let svg = render(&chart);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<title>").count(), 3);
        assert!(svg.contains("a &lt; b") && svg.contains("cannot run &lt;yet&gt;"));
        assert!(!svg.contains("<yet>"));
    }
}
