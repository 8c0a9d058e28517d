//! Package initialization order (spec: "Package initialization"): repeatedly the
//! earliest variable in declaration order that depends on no uninitialized variable,
//! where dependencies are followed through the functions and methods an initializer
//! refers to. A variable that depends on itself is an initialization cycle.

use std::collections::{HashMap, HashSet};

use super::check::Checker;
use super::object::{ObjId, ObjKind};

impl Checker<'_> {
    /// Reports the first initialization cycle among `remaining`, with its path.
    fn report_init_cycle(&mut self, remaining: &[ObjId], vdeps: &HashMap<ObjId, HashSet<ObjId>>) {
        let rem: HashSet<ObjId> = remaining.iter().copied().collect();
        for &start in remaining {
            // Depth-first search for a path from `start` back to itself.
            let mut stack: Vec<(ObjId, Vec<ObjId>)> = vec![(start, vec![start])];
            let mut seen = HashSet::new();
            while let Some((v, path)) = stack.pop() {
                let mut next: Vec<ObjId> = vdeps.get(&v).map(|d| d.iter().copied().filter(|x| rem.contains(x)).collect()).unwrap_or_default();
                next.sort_by_key(|&o| self.prog.obj(o).pos);
                for n in next {
                    if n == start {
                        let mut msg = String::from("initialization cycle or initialization loop:");
                        for w in path.windows(2).map(|w| (w[0], w[1])).chain(std::iter::once((v, start))) {
                            let (a, b) = (self.prog.obj(w.0).name.clone(), self.prog.obj(w.1).name.clone());
                            let at = self.prog.obj(w.0).pos.map(|p| self.prog.position(p)).unwrap_or_default();
                            msg.push_str(&format!("\n\t{at}: {a} refers to {b}"));
                        }
                        if let Some(p) = self.prog.obj(start).pos {
                            self.error_at(p, msg);
                        }
                        return;
                    }
                    if seen.insert(n) {
                        let mut p = path.clone();
                        p.push(n);
                        stack.push((n, p));
                    }
                }
            }
        }
    }

    /// Computes the initialization order into the package info.
    pub(super) fn init_order(&mut self) {
        let vars: Vec<ObjId> = self.pkg_objs.iter().copied().filter(|&o| matches!(self.prog.obj(o).kind, ObjKind::Var { global: true, .. })).collect();
        let var_set: HashSet<ObjId> = vars.iter().copied().collect();
        let inits = std::mem::take(&mut self.pending_inits);
        let mut init_of: HashMap<ObjId, usize> = HashMap::new();
        for (i, ini) in inits.iter().enumerate() {
            for &o in &ini.lhs {
                init_of.insert(o, i);
            }
        }
        // Variable dependencies of each variable, through functions. The variables of
        // one multi-value initialization (`var a, _ = f()`) share its dependencies,
        // which the checker recorded under whichever of them it checked first.
        let mut vdeps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut out = HashSet::new();
            let mut seen = HashSet::new();
            let mut stack: Vec<ObjId> = match init_of.get(&v).and_then(|&i| inits.get(i)) {
                Some(ini) if ini.lhs.len() > 1 => ini.lhs.iter().flat_map(|o| self.deps.get(o).cloned().unwrap_or_default()).collect(),
                _ => self.deps.get(&v).cloned().unwrap_or_default(),
            };
            let mut guard = 0;
            while let Some(d) = stack.pop() {
                guard += 1;
                if guard > 1_000_000 {
                    break;
                }
                if !seen.insert(d) {
                    continue;
                }
                if var_set.contains(&d) {
                    out.insert(d);
                    continue;
                }
                if matches!(self.prog.obj(d).kind, ObjKind::Func(_)) {
                    stack.extend(self.deps.get(&d).cloned().unwrap_or_default());
                }
            }
            vdeps.insert(v, out);
        }
        // Self-dependencies are cycles.
        for &v in &vars {
            if vdeps.get(&v).is_some_and(|d| d.contains(&v)) {
                let name = self.prog.obj(v).name.clone();
                if let Some(p) = self.prog.obj(v).pos {
                    self.error_at(p, format!("initialization cycle or initialization loop: {name} refers to itself"));
                }
                if let Some(d) = vdeps.get_mut(&v) {
                    d.remove(&v);
                }
            }
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted: HashSet<usize> = HashSet::new();
        let mut remaining: Vec<ObjId> = vars.clone();
        let mut reported = false;
        while !remaining.is_empty() {
            let ready = remaining.iter().position(|v| vdeps.get(v).is_none_or(|d| d.iter().all(|x| done.contains(x) || x == v)));
            let idx = match ready {
                Some(i) => i,
                None => {
                    // A cycle: report it once, at its first variable in declaration order,
                    // then go on in declaration order.
                    if !reported {
                        reported = true;
                        self.report_init_cycle(&remaining, &vdeps);
                    }
                    0
                }
            };
            let v = remaining.remove(idx);
            if let Some(&i) = init_of.get(&v)
                && emitted.insert(i)
            {
                    // All variables of a multi-value initialization become initialized together.
                    for &o in &inits[i].lhs {
                        done.insert(o);
                    }
                    self.pkg_info.init_order.push(inits[i].clone());
            }
            done.insert(v);
        }
    }
}
