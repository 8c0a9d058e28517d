//! Sources that stand in for parts of the Go installation's `src/`: mvm's own
//! `runtime` package (gc's reaches into its compiler and linker), and single files of
//! std packages that only wire gc's runtime (reflect's register-ABI constants, for
//! instance), in the manner of `go build -overlay`.
//!
//! An overlay file gets the path it would have in `$GOROOT/src`, so positions,
//! `runtime.Caller` and tracebacks name it as gc names its own runtime files; its
//! bytes come from memory (the `mvm` binary carries them), never from the disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Source replacements for std packages.
#[derive(Clone, Debug, Default)]
pub struct Overlay {
    /// Std packages replaced as a whole: import path → files (name, source). The
    /// directory of the installation is not read for them.
    pub packages: HashMap<String, Vec<(String, Arc<[u8]>)>>,
    /// Single files of std packages: import path → files (name, source), each
    /// replacing the installation's file of that name or added beside them.
    pub files: HashMap<String, Vec<(String, Arc<[u8]>)>>,
    /// Packages every program loads although nothing imports them (gc links `runtime`
    /// into every binary; mvm's run-time errors are its types).
    pub implicit: Vec<String>,
}

impl Overlay {
    /// The source files of std package `path` in `dir` (its directory in the
    /// installation), with the overlay applied, sorted by name; `None` when the
    /// overlay does not touch the package.
    /// `wanted` says whether a file name (`_GOOS`/`_GOARCH` suffixes, `_test`) is in
    /// the build, as for the installation's own files.
    pub(super) fn package_files(
        &self,
        path: &str,
        dir: &Path,
        wanted: impl Fn(&str) -> bool,
        listed: impl FnOnce() -> std::io::Result<Vec<PathBuf>>,
    ) -> Option<std::io::Result<Vec<PathBuf>>> {
        if let Some(files) = self.packages.get(path) {
            let mut v: Vec<PathBuf> = files.iter().filter(|(n, _)| wanted(n)).map(|(n, _)| dir.join(n)).collect();
            v.sort();
            return Some(Ok(v));
        }
        let extra = self.files.get(path)?;
        Some(listed().map(|mut v| {
            for (n, _) in extra.iter().filter(|(n, _)| wanted(n)) {
                let f = dir.join(n);
                if !v.contains(&f) {
                    v.push(f);
                }
            }
            v.sort();
            v
        }))
    }

    /// Every overlay file by the path it stands at under `goroot_src`.
    pub(super) fn by_path(&self, goroot_src: &Path) -> HashMap<PathBuf, Arc<[u8]>> {
        let mut out = HashMap::new();
        for (pkg, files) in self.packages.iter().chain(&self.files) {
            for (name, src) in files {
                out.insert(goroot_src.join(pkg).join(name), src.clone());
            }
        }
        out
    }
}
