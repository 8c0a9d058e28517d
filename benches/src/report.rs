//! The results as a markdown report (tables of times, memory and ratios) and
//! as the data of the ratio chart.

use std::fmt::Write;
use std::time::Duration;

use crate::chart::{self, Chart, Row, Series};
use crate::stats;
use crate::suite::{Failure, Mode, ModeResult, ProgramResult};
use crate::toolchain::Machine;

/// The circumstances of a run, for the report's header.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// When the run started, "YYYY-MM-DD HH:MM UTC".
    pub started: String,
    /// How long the whole run took.
    pub elapsed: Duration,
    /// The machine.
    pub machine: Machine,
    /// One-minute load average before and after the run.
    pub load: (Option<f64>, Option<f64>),
    /// `go version`.
    pub go_version: String,
    /// `mvm version`'s first line, if mvm took part.
    pub mvm_version: Option<String>,
    /// Whether `mvm run --jit` was measured.
    pub jit: bool,
    /// Quick sizes?
    pub quick: bool,
    /// Timed repetitions per mode.
    pub reps: usize,
    /// The runner's command line.
    pub command: String,
    /// Free text about the conditions (other load on the machine).
    pub note: Option<String>,
    /// The peak RSS measured for a process that does nothing (`true`), in KiB.
    pub rss_floor_kib: Option<u64>,
}

/// The pairs of modes whose time ratios are reported, as (numerator, denominator).
const RATIOS: [(Mode, Mode); 5] = [
    (Mode::GoRun, Mode::Native),
    (Mode::Mvm, Mode::Native),
    (Mode::Mvm, Mode::GoRun),
    (Mode::MvmJit, Mode::Native),
    (Mode::MvmJit, Mode::GoRun),
];

/// The min-to-min time ratio of two modes of one program, when both ran correctly.
pub fn ratio(r: &ProgramResult, num: Mode, den: Mode) -> Option<f64> {
    let a = r
        .mode(num)
        .filter(|m| m.ok())
        .and_then(|m| stats::min(&m.times))?;
    let b = r
        .mode(den)
        .filter(|m| m.ok())
        .and_then(|m| stats::min(&m.times))?;
    stats::ratio(a, b)
}

/// The geometric mean of a ratio over every program where it exists, with the count.
pub fn geomean(results: &[ProgramResult], num: Mode, den: Mode) -> (Option<f64>, usize) {
    let ratios: Vec<f64> = results.iter().filter_map(|r| ratio(r, num, den)).collect();
    (stats::geomean(&ratios), ratios.len())
}

fn ratio_label(num: Mode, den: Mode) -> String {
    let short = |m: Mode| match m {
        Mode::Native => "native",
        Mode::GoRun => "go run",
        Mode::Mvm => "mvm",
        Mode::MvmJit => "mvm --jit",
    };
    format!("{} / {}", short(num), short(den))
}

/// Numbered footnotes, one per distinct text.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    fn mark(&mut self, text: String) -> usize {
        match self.0.iter().position(|t| *t == text) {
            Some(i) => i + 1,
            None => {
                self.0.push(text);
                self.0.len()
            }
        }
    }
}

fn format_ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

fn format_mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

fn failure_label(f: &Failure) -> &'static str {
    match f {
        Failure::CannotRun(_) => "cannot run yet",
        Failure::WrongOutput(_) => "wrong output",
        Failure::TimedOut(_) => "timed out",
        Failure::Setup(_) => "could not build or start",
    }
}

/// One cell of the times table.
fn time_cell(m: Option<&ModeResult>, notes: &mut Notes) -> String {
    let Some(m) = m else { return "–".into() };
    if let Some(f) = &m.failure {
        let n = notes.mark(f.detail());
        return match &m.expected_failure {
            Some(_) => format!("{} [{n}]", failure_label(f)),
            None => format!("**FAILED: {}** [{n}]", failure_label(f)),
        };
    }
    match (stats::min(&m.times), stats::median(&m.times)) {
        (Some(min), Some(med)) => format!(
            "{} / {} ms, {} MiB",
            format_ms(min),
            format_ms(med),
            format_mib(m.max_rss_kib)
        ),
        _ => format!("ok, {} MiB", format_mib(m.max_rss_kib)),
    }
}

/// The markdown report.
pub fn markdown(ctx: &Context, results: &[ProgramResult], problems: &[String]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# mvm benchmark results{}\n",
        if ctx.quick { " (quick sizes)" } else { "" }
    );
    let _ = writeln!(
        s,
        "Taken {} on {} ({} logical CPUs, {:.0} GiB, Linux {}); the run took {:.0} s. \
         One-minute load average {} before the run and {} after it.",
        ctx.started,
        ctx.machine.cpu,
        ctx.machine.cores,
        ctx.machine.memory_gib,
        ctx.machine.kernel,
        ctx.elapsed.as_secs_f64(),
        ctx.load.0.map_or("unknown".into(), |l| format!("{l:.2}")),
        ctx.load.1.map_or("unknown".into(), |l| format!("{l:.2}")),
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "- Go: {}", ctx.go_version);
    let _ = writeln!(
        s,
        "- mvm: {}",
        ctx.mvm_version.as_deref().unwrap_or("not measured")
    );
    let _ = writeln!(s, "- command: `{}`", ctx.command);
    if ctx.quick {
        let _ = writeln!(
            s,
            "- quick mode: small sizes, one run per mode, no `go run`; the times mean nothing."
        );
    } else {
        let _ = writeln!(
            s,
            "- method: each program built once with `go build`; one untimed warm-up run per mode (it also checks the output), \
             then {} timed runs per mode, interleaved. Every run's stdout, stderr and exit status must equal the native binary's.",
            ctx.reps
        );
    }
    if let Some(floor) = ctx.rss_floor_kib {
        let _ = writeln!(
            s,
            "- peak RSS is `ru_maxrss` from `wait4`. Linux counts in it the runner's own memory at the moment it \
             spawns the process, so nothing measures below a floor: `true` measures {} MiB here.",
            format_mib(floor)
        );
    }
    if let Some(note) = &ctx.note {
        let _ = writeln!(s, "- conditions: {note}");
    }
    let _ = writeln!(s);

    // The headline.
    let (g, n) = geomean(results, Mode::Mvm, Mode::Native);
    match g {
        Some(g) => {
            let _ = writeln!(
                s,
                "**Geometric mean of mvm / native: {}** over {n} programs.",
                chart::format_ratio(g)
            );
        }
        None => {
            let _ = writeln!(
                s,
                "**Geometric mean of mvm / native: none yet** — mvm runs none of these programs correctly."
            );
        }
    }
    if ctx.jit {
        let (g, n) = geomean(results, Mode::MvmJit, Mode::Native);
        let text = g.map_or("none yet".into(), |g| {
            format!("{} over {n} programs", chart::format_ratio(g))
        });
        let _ = writeln!(s, "\n**Geometric mean of mvm --jit / native: {text}.**");
    }
    let _ = writeln!(s);

    let modes: Vec<Mode> = Mode::ALL
        .into_iter()
        .filter(|&m| m != Mode::MvmJit || ctx.jit)
        .collect();
    let mut notes = Notes::default();

    let _ = writeln!(s, "## Wall time (min / median) and peak RSS\n");
    let _ = write!(s, "| program | size |");
    for m in &modes {
        let _ = write!(s, " {} |", m.label());
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "|---|---|{}", "---|".repeat(modes.len()));
    for r in results {
        let _ = write!(s, "| {} | {} |", r.program.name, r.size);
        for &m in &modes {
            let _ = write!(s, " {} |", time_cell(r.mode(m), &mut notes));
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s);
    for (i, text) in notes.0.iter().enumerate() {
        let _ = writeln!(s, "[{}] {}  ", i + 1, text.replace('|', "\\|"));
    }
    if !notes.0.is_empty() {
        let _ = writeln!(s);
    }

    let pairs: Vec<(Mode, Mode)> = RATIOS
        .into_iter()
        .filter(|(a, _)| *a != Mode::MvmJit || ctx.jit)
        .collect();
    let _ = writeln!(
        s,
        "## Time ratios (min to min; lower is better for the numerator)\n"
    );
    let _ = write!(s, "| program |");
    for (a, b) in &pairs {
        let _ = write!(s, " {} |", ratio_label(*a, *b));
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "|---|{}", "---|".repeat(pairs.len()));
    for r in results {
        let _ = write!(s, "| {} |", r.program.name);
        for (a, b) in &pairs {
            let cell = ratio(r, *a, *b).map_or("–".into(), chart::format_ratio);
            let _ = write!(s, " {cell} |");
        }
        let _ = writeln!(s);
    }
    let _ = write!(s, "| **geometric mean** |");
    for (a, b) in &pairs {
        let cell = geomean(results, *a, *b)
            .0
            .map_or("–".into(), chart::format_ratio);
        let _ = write!(s, " **{cell}** |");
    }
    let _ = writeln!(s, "\n");

    // Memory per parked goroutine, which the goroutine issue asks about.
    if let Some(r) = results
        .iter()
        .find(|r| r.program.name == "parked-goroutines")
    {
        let count: Option<u64> = r
            .program
            .size(ctx.quick)
            .first()
            .and_then(|v| v.parse().ok());
        if let Some(count) = count.filter(|&c| c > 0) {
            let _ = writeln!(s, "## Memory per parked goroutine\n");
            for &m in &modes {
                if let Some(res) = r.mode(m).filter(|res| res.ok() && res.max_rss_kib > 0) {
                    let _ = writeln!(
                        s,
                        "- {}: peak RSS {} MiB for {count} goroutines, at most {:.2} KiB each (the bound includes the process's base footprint{}).",
                        m.label(),
                        format_mib(res.max_rss_kib),
                        res.max_rss_kib as f64 / count as f64,
                        if m == Mode::GoRun {
                            " and the go command's"
                        } else {
                            ""
                        }
                    );
                }
            }
            let _ = writeln!(s);
        }
    }

    let _ = writeln!(s, "## Checks\n");
    if problems.is_empty() {
        let _ = writeln!(
            s,
            "Every output matched the native binary's, and every mvm failure is listed in `benches/unsupported.txt`."
        );
    } else {
        for p in problems {
            let _ = writeln!(s, "- {p}");
        }
    }
    s
}

/// The chart of the time ratios.
pub fn ratio_chart(ctx: &Context, results: &[ProgramResult]) -> Chart {
    let colors = ["#9e9e9e", "#1f77b4", "#9ecae1", "#ff7f0e", "#fdd0a2"];
    let pairs: Vec<((Mode, Mode), &'static str)> = RATIOS
        .into_iter()
        .zip(colors)
        .filter(|((a, _), _)| *a != Mode::MvmJit || ctx.jit)
        .collect();
    let series = pairs
        .iter()
        .map(|((a, b), color)| Series {
            label: ratio_label(*a, *b),
            color,
        })
        .collect();
    let rows = results
        .iter()
        .map(|r| {
            let note = [Mode::Mvm, Mode::MvmJit]
                .into_iter()
                .filter_map(|m| Some((m, r.mode(m)?.failure.as_ref()?)))
                .map(|(m, f)| format!("{}: {}", m.label(), failure_label(f)))
                .collect::<Vec<_>>();
            Row {
                name: r.program.name.to_string(),
                values: pairs.iter().map(|((a, b), _)| ratio(r, *a, *b)).collect(),
                note: (!note.is_empty()).then(|| note.join("; ")),
            }
        })
        .collect();
    Chart {
        title: format!("Time relative to native Go and go run, {}", ctx.started),
        series,
        rows,
    }
}

/// Formats seconds since the Unix epoch as "YYYY-MM-DD HH:MM UTC".
pub fn utc_timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days, after Howard Hinnant's public-domain algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs;

    fn timed(ms: &[u64]) -> Option<ModeResult> {
        Some(ModeResult {
            times: ms.iter().map(|&m| Duration::from_millis(m)).collect(),
            max_rss_kib: 2048,
            ..ModeResult::default()
        })
    }

    fn sample() -> Vec<ProgramResult> {
        let fib = programs::by_name("fib").unwrap_or(&programs::ALL[0]);
        let sieve = programs::by_name("sieve").unwrap_or(&programs::ALL[0]);
        let refused = Some(ModeResult {
            failure: Some(Failure::CannotRun("mvm run: not implemented yet".into())),
            expected_failure: Some("no interpreter".into()),
            ..ModeResult::default()
        });
        vec![
            ProgramResult {
                program: fib,
                size: "35".into(),
                modes: [
                    timed(&[100, 120, 110]),
                    timed(&[300]),
                    timed(&[400]),
                    refused.clone(),
                ],
            },
            ProgramResult {
                program: sieve,
                size: "1e7".into(),
                modes: [timed(&[50]), timed(&[250]), timed(&[800]), refused],
            },
        ]
    }

    #[test]
    fn ratios_and_geomeans_use_minimum_times() {
        let r = sample();
        assert_eq!(ratio(&r[0], Mode::Mvm, Mode::Native), Some(4.0));
        assert_eq!(ratio(&r[0], Mode::MvmJit, Mode::Native), None);
        let (g, n) = geomean(&r, Mode::Mvm, Mode::Native);
        assert_eq!(n, 2);
        assert!(g.is_some_and(|g| (g - 8.0).abs() < 1e-9), "{g:?}");
    }

    #[test]
    fn markdown_has_cells_footnotes_and_the_headline() {
        let ctx = Context {
            started: "2026-01-01 00:00 UTC".into(),
            jit: true,
            reps: 3,
            ..Context::default()
        };
        let md = markdown(&ctx, &sample(), &[]);
        assert!(md.contains("| fib | 35 | 100 / 110 ms, 2.0 MiB | 300 / 300 ms, 2.0 MiB | 400 / 400 ms, 2.0 MiB | cannot run yet [1] |"), "{md}");
        assert!(md.contains("[1] mvm run: not implemented yet"));
        assert_eq!(
            md.matches("[1]").count(),
            3,
            "one footnote shared by both rows"
        );
        assert!(md.contains("Geometric mean of mvm / native: 8.00×"));
        assert!(
            md.contains("| fib | 3.00× | 4.00× | 1.33× | – | – |"),
            "{md}"
        );
        let failing = markdown(&ctx, &sample(), &["fib: broke".to_string()]);
        assert!(failing.contains("- fib: broke"));
    }

    #[test]
    fn chart_rows_note_why_mvm_has_no_bar() {
        let ctx = Context {
            jit: true,
            ..Context::default()
        };
        let c = ratio_chart(&ctx, &sample());
        assert_eq!(c.series.len(), 5);
        assert_eq!(c.rows[0].values[1], Some(4.0));
        assert_eq!(
            c.rows[0].note.as_deref(),
            Some("mvm run --jit: cannot run yet")
        );
        let ctx = Context {
            jit: false,
            ..Context::default()
        };
        assert_eq!(ratio_chart(&ctx, &sample()).series.len(), 3);
    }

    #[test]
    fn timestamps() {
        assert_eq!(utc_timestamp(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_timestamp(1_700_000_000), "2023-11-14 22:13 UTC");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29 00:00 UTC");
    }
}
