//! The source layout's rules (docs/architecture.md), checked on the source text: the core is
//! pure, each layer uses only the layers below it, and no module uses itself through others.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The layers, lowest first: a module may use its own layer's modules and those below.
const LAYERS: [&str; 6] = ["core", "i18n", "web", "charts", "app", "components"];

/// Crates the core must not use: it runs natively, without a browser or a view library.
const NOT_IN_CORE: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "gloo_storage",
];

/// Every module of the library by its path (`["core", "import", "tables"]`), with its source
/// up to its unit tests (which may use anything).
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.to_vec();
                if name != "mod" {
                    module.push(name);
                }
                let text = fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap().to_string();
                out.insert(module, code);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new("src"), &[], &mut out);
    // The binaries are not modules of the library.
    out.remove(&vec!["main".to_string()]);
    out.remove(&vec!["worker_main".to_string()]);
    out.remove(&vec!["lib".to_string()]);
    out
}

/// `code` without its comments (from `//` to the end of each line).
fn without_comments(code: &str) -> String {
    code.lines()
        .map(|line| line.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the path that starts at `chars[i]` below `prefix`, spreading `{…}` groups, into
/// `out`; gives the index after it.
fn read_path(chars: &[char], mut i: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let skip_space = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    };
    let mut path = prefix.to_vec();
    loop {
        let start = i;
        while chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 1;
        }
        if i > start {
            path.push(chars[start..i].iter().collect());
        }
        if chars.get(i) != Some(&':') || chars.get(i + 1) != Some(&':') {
            break;
        }
        i += 2;
        if chars.get(i) == Some(&'{') {
            i += 1;
            loop {
                i = skip_space(i);
                if chars.get(i) == Some(&'}') {
                    return i + 1;
                }
                i = skip_space(read_path(chars, i, &path, out));
                match chars.get(i) {
                    Some(',') => i += 1,
                    Some('}') => return i + 1,
                    _ => return i,
                }
            }
        }
    }
    if path.len() > prefix.len() {
        out.push(path);
    }
    i
}

/// The paths written after `crate::` or `super::` in `code` (outside comments), with `{…}`
/// groups spread out: `crate::core::{a, b::c}` gives `core::a` and `core::b::c`. The flag
/// says whether the path is from the crate's root.
fn paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let chars: Vec<char> = without_comments(code).chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let rest = |marker: &str| {
            chars[i..]
                .iter()
                .take(marker.len())
                .copied()
                .eq(marker.chars())
        };
        let from_crate = word_start && rest("crate::");
        if from_crate || (word_start && rest("super::")) {
            let start = i + if from_crate { 7 } else { 0 };
            let mut out = Vec::new();
            i = read_path(&chars, start, &[], &mut out).max(i + 1);
            found.extend(out.into_iter().map(|p| (from_crate, p)));
        } else {
            i += 1;
        }
    }
    found
}

/// The module each module uses: the longest module path that a path it writes starts with.
/// A module's use of its own ancestors (a child reading what its parent declares) is not
/// counted.
fn uses() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let mut graph = BTreeMap::new();
    for (module, code) in &modules {
        let mut used = BTreeSet::new();
        for (from_crate, path) in paths(code) {
            let mut full = if from_crate {
                Vec::new()
            } else {
                module.clone()
            };
            let mut segments = path.into_iter().peekable();
            while segments.peek().is_some_and(|s| s == "super") {
                segments.next();
                full.pop();
            }
            full.extend(segments);
            let target = (0..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|p| modules.contains_key(p) || p.is_empty())
                .unwrap();
            if !target.is_empty() && target != *module && !module.starts_with(&target) {
                used.insert(target);
            }
        }
        graph.insert(module.clone(), used);
    }
    graph
}

fn name(module: &[String]) -> String {
    module.join("::")
}

#[test]
fn the_core_uses_no_browser_or_view_crate() {
    for (module, code) in modules() {
        if module.first().map(String::as_str) != Some("core") {
            continue;
        }
        for line in code.lines() {
            let line = line.split("//").next().unwrap();
            for krate in NOT_IN_CORE {
                let used = line
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .any(|word| word == krate || word.starts_with(&format!("{krate}::")));
                assert!(!used, "{} uses {krate}: {line}", name(&module));
            }
        }
    }
}

#[test]
fn each_layer_uses_only_those_below() {
    let layer = |m: &[String]| {
        LAYERS
            .iter()
            .position(|l| m.first().map(String::as_str) == Some(l))
    };
    for (module, used) in uses() {
        let Some(own) = layer(&module) else {
            continue;
        };
        for target in used {
            if let Some(theirs) = layer(&target) {
                assert!(
                    theirs <= own,
                    "{} ({}) uses {} ({}), a higher layer",
                    name(&module),
                    LAYERS[own],
                    name(&target),
                    LAYERS[theirs]
                );
            }
        }
    }
}

#[test]
fn no_module_uses_itself_through_others() {
    let graph = uses();
    // Depth-first search; a module met again while on the current path closes a cycle.
    fn visit(
        module: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = path.iter().position(|m| m == module) {
            let cycle: Vec<String> = path[at..].iter().chain([module]).map(|m| name(m)).collect();
            panic!("a module cycle: {}", cycle.join(" → "));
        }
        path.push(module.clone());
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(module.clone());
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_reader_of_paths_spreads_groups() {
    let found: Vec<String> = paths("use crate::core::{a, b::{c, d}};\nuse super::e::F;\n")
        .into_iter()
        .map(|(c, p)| format!("{}{}", if c { "crate::" } else { "" }, p.join("::")))
        .collect();
    assert_eq!(
        found,
        [
            "crate::core::a",
            "crate::core::b::c",
            "crate::core::b::d",
            "super::e::F"
        ]
    );
}
