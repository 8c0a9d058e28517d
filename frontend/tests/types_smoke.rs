//! Ad-hoc driver: checks the files or packages named in MVM_CHECK (space-separated) and
//! prints the errors; ignored by default (used to measure the checker).

use frontend::loader::{Config, Request, goroot::GoRoot};

#[test]
#[ignore]
fn check_env_request() {
    let Ok(spec) = std::env::var("MVM_CHECK") else { return };
    let goroot = GoRoot::discover().expect("goroot");
    let cfg = Config::host(goroot);
    let args: Vec<String> = spec.split_whitespace().map(String::from).collect();
    let req = if args.iter().all(|a| a.ends_with(".go")) {
        Request::Files(args.iter().map(std::path::PathBuf::from).collect())
    } else {
        Request::Patterns(args)
    };
    let t = std::time::Instant::now();
    match frontend::types::check_packages(&cfg, &req) {
        Ok(c) => println!("OK: {} packages in {:?}", c.packages.len(), t.elapsed()),
        Err(errs) => {
            for e in &errs {
                println!("{e}");
            }
            println!("{} errors in {:?}", errs.len(), t.elapsed());
        }
    }
}
