//! The house rules for the source tree, read from the files themselves: no file passes 400 lines, the pure core
//! names no web crate, and the page's modules import each other in one direction only (no cycles).
//!
//! The checks read `src/` as text: a small lexer drops comments and the insides of string and char literals, so a
//! word in a doc comment or a message never counts; what is left is matched as whole identifiers and paths.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The longest a source file may be.
const MAX_LINES: usize = 400;

/// The crates only the page may name.
const WEB_CRATES: [&str; 5] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "plotters_canvas",
];

#[test]
fn no_source_file_passes_400_lines() {
    let offenders: Vec<String> = source_files()
        .into_iter()
        .filter_map(|(file, text)| {
            let lines = text.lines().count();
            (lines > MAX_LINES).then(|| format!("  {file}: {lines} lines"))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "{} source file(s) pass {MAX_LINES} lines:\n{}\n",
        offenders.len(),
        offenders.join("\n")
    );
}

#[test]
fn the_pure_core_names_no_web_crate() {
    let mut offenders = Vec::new();
    for (file, text) in source_files() {
        if !is_core(&file) {
            continue;
        }
        for token in tokenize(&text) {
            if let Tok::Ident(word) = &token.tok {
                if WEB_CRATES.contains(&word.as_str()) {
                    offenders.push(format!("  {file}:{}: {word}", token.line));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the pure core names a web crate ({}) in {} place(s):\n{}\n",
        WEB_CRATES.join(", "),
        offenders.len(),
        offenders.join("\n")
    );
}

#[test]
fn the_web_modules_import_in_one_direction() {
    let sources: BTreeMap<String, String> = source_files()
        .into_iter()
        .filter(|(file, _)| file.starts_with("src/web/"))
        .collect();
    assert!(!sources.is_empty(), "no files under src/web/");
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut graph: BTreeMap<String, BTreeMap<String, Edge>> = BTreeMap::new();
    for (file, text) in &sources {
        let out = graph.entry(file.clone()).or_default();
        for edge in edges_of(file, text, &files) {
            // Keep the first reference of each edge as its evidence.
            out.entry(edge.to.clone()).or_insert(edge);
        }
    }
    let cycles = find_cycles(&graph);
    let report: Vec<String> = cycles
        .iter()
        .map(|cycle| {
            let mut lines = vec![format!("  {}", cycle.join(" → "))];
            for pair in cycle.windows(2) {
                let edge = &graph[&pair[0]][&pair[1]];
                lines.push(format!("      {}:{}: {}", pair[0], edge.line, edge.path));
            }
            lines.join("\n")
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "the files under src/web/ import each other in {} cycle(s):\n{}\n",
        cycles.len(),
        report.join("\n")
    );
}

/// Whether a file belongs to the pure core: everything under `src/` but the page, the CLI and the binary.
fn is_core(file: &str) -> bool {
    !(file.starts_with("src/web/") || file.starts_with("src/cli/") || file == "src/main.rs")
}

/// Every `.rs` file under `src/`, as (path relative to the crate with `/` separators, text), sorted by path.
fn source_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(root, &root.join("src"), &mut files);
    files.sort();
    files
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let relative = path.strip_prefix(root).expect("a file under the crate");
            let name: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((name.join("/"), text));
        }
    }
}

// ---- A small Rust lexer: identifiers, `::`, punctuation; comments dropped, literals blanked. ----

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`, or any other single punctuation character.
    Punct(String),
    /// A string, char or number literal (its contents are not code), or a lifetime.
    Literal,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The tokens of a Rust source, without comments (line, block, doc).
fn tokenize(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            // Block comments nest.
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i, &mut line);
            tokens.push(Token {
                tok: Tok::Literal,
                line: start_line,
            });
        } else if c == '\'' {
            i = skip_quote(&chars, i);
            tokens.push(Token {
                tok: Tok::Literal,
                line: start_line,
            });
        } else if c.is_ascii_digit() {
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Literal,
                line: start_line,
            });
        } else if is_ident_start(c) {
            let begin = i;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[begin..i].iter().collect();
            let next = at(i);
            let prefix = matches!(word.as_str(), "b" | "c" | "r" | "br" | "cr");
            let raw = matches!(word.as_str(), "r" | "br" | "cr");
            if prefix && next == '"' {
                // b"…", c"…", r"…": a raw string has no escapes, but no `"` inside either.
                i = if raw {
                    skip_raw_string(&chars, i, &mut line)
                } else {
                    skip_string(&chars, i, &mut line)
                };
                tokens.push(Token {
                    tok: Tok::Literal,
                    line: start_line,
                });
            } else if raw && next == '#' && (at(i + 1) == '"' || at(i + 1) == '#') {
                i = skip_raw_string(&chars, i, &mut line);
                tokens.push(Token {
                    tok: Tok::Literal,
                    line: start_line,
                });
            } else if word == "r" && next == '#' && is_ident_start(at(i + 1)) {
                // A raw identifier, r#name.
                let begin = i + 1;
                i = begin;
                while i < chars.len() && is_ident_char(chars[i]) {
                    i += 1;
                }
                let name: String = chars[begin..i].iter().collect();
                tokens.push(Token {
                    tok: Tok::Ident(name),
                    line: start_line,
                });
            } else if word == "b" && next == '\'' {
                i = skip_quote(&chars, i);
                tokens.push(Token {
                    tok: Tok::Literal,
                    line: start_line,
                });
            } else {
                tokens.push(Token {
                    tok: Tok::Ident(word),
                    line: start_line,
                });
            }
        } else if c == ':' && at(i + 1) == ':' {
            tokens.push(Token {
                tok: Tok::Punct("::".into()),
                line: start_line,
            });
            i += 2;
        } else {
            tokens.push(Token {
                tok: Tok::Punct(c.to_string()),
                line: start_line,
            });
            i += 1;
        }
    }
    tokens
}

/// Skips a `"…"` string (with escapes) whose opening quote is at `i`; returns the index after the closing quote.
fn skip_string(chars: &[char], mut i: usize, line: &mut usize) -> usize {
    i += 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                if chars.get(i + 1) == Some(&'\n') {
                    *line += 1;
                }
                i += 2;
            }
            '"' => return i + 1,
            c => {
                if c == '\n' {
                    *line += 1;
                }
                i += 1;
            }
        }
    }
    i
}

/// Skips a raw string whose `#`s (or opening quote) start at `i`; returns the index after its end.
fn skip_raw_string(chars: &[char], mut i: usize, line: &mut usize) -> usize {
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        if chars[i] == '\n' {
            *line += 1;
        }
        i += 1;
    }
    i
}

/// Skips a char literal or a lifetime whose `'` is at `i`; returns the index after it.
fn skip_quote(chars: &[char], i: usize) -> usize {
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    if at(i + 1) == '\\' {
        // An escaped char: '\n', '\'', '\u{..}'.
        let mut k = i + 3;
        while k < chars.len() && chars[k] != '\'' {
            k += 1;
        }
        k + 1
    } else if at(i + 2) == '\'' {
        i + 3 // 'x'
    } else {
        // A lifetime or label, 'a.
        let mut k = i + 1;
        while k < chars.len() && is_ident_char(chars[k]) {
            k += 1;
        }
        k
    }
}

// ---- Import edges between the files under src/web/. ----

/// One file naming an item in another: the file it resolves to, and where and how it was named.
#[derive(Debug, Clone, PartialEq)]
struct Edge {
    to: String,
    line: usize,
    /// The path as written, after expanding `use` groups (`super::state::Training`).
    path: String,
}

fn ident(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

fn punct(tokens: &[Token], i: usize, p: &str) -> bool {
    matches!(tokens.get(i).map(|t| &t.tok), Some(Tok::Punct(s)) if s == p)
}

/// The edges from `file` (a path such as `src/web/training/keys.rs`) to the other files in `files`, from its `use`
/// statements and its inline `crate::web::…` and `super::…` paths, and the paths that start at one of its own child
/// modules (`pub use state::Training;`). `self::…` and paths into another crate are not counted, nor `mod x;`
/// declarations.
fn edges_of(file: &str, text: &str, files: &BTreeSet<String>) -> Vec<Edge> {
    let tokens = tokenize(text);
    let mut edges = Vec::new();
    // Inline `mod name { … }` blocks: their names and the brace depth inside them, so `super` inside one means the
    // module around it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        if punct(&tokens, i, "{") {
            depth += 1;
            i += 1;
            continue;
        }
        if punct(&tokens, i, "}") {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth -= 1;
            i += 1;
            continue;
        }
        let inline_names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
        match ident(&tokens, i) {
            Some("mod") => {
                if let Some(name) = ident(&tokens, i + 1) {
                    if punct(&tokens, i + 2, "{") {
                        inline.push((name.to_string(), depth + 1));
                    }
                }
                i += 1;
            }
            // `use<'a>` in `impl Trait + use<'a>` is not an import.
            Some("use") if !punct(&tokens, i + 1, "<") => {
                let line = tokens[i].line;
                let (paths, next) = parse_use_tree(&tokens, i + 1, &[]);
                for path in paths {
                    if let Some(to) = resolve(files, file, &inline_names, &path) {
                        edges.push(Edge {
                            to,
                            line,
                            path: path.join("::"),
                        });
                    }
                }
                i = next;
            }
            Some("crate" | "super") if starts_inline_path(&tokens, i) => {
                let line = tokens[i].line;
                let mut path = vec![ident(&tokens, i).unwrap_or_default().to_string()];
                let mut k = i + 1;
                while punct(&tokens, k, "::") {
                    match ident(&tokens, k + 1) {
                        Some(seg) => {
                            path.push(seg.to_string());
                            k += 2;
                        }
                        None => break, // `::<T>`, `::{`, `::*`
                    }
                }
                if let Some(to) = resolve(files, file, &inline_names, &path) {
                    edges.push(Edge {
                        to,
                        line,
                        path: path.join("::"),
                    });
                }
                i = k;
            }
            _ => i += 1,
        }
    }
    edges.retain(|e| e.to != file);
    edges
}

/// Whether the `crate` or `super` at `i` starts a path in code: followed by `::`, not itself after `::` and not in
/// a visibility `pub(in …)`.
fn starts_inline_path(tokens: &[Token], i: usize) -> bool {
    let after_colons = i > 0 && punct(tokens, i - 1, "::");
    let in_visibility = i >= 2 && ident(tokens, i - 1) == Some("in") && punct(tokens, i - 2, "(");
    punct(tokens, i + 1, "::") && !after_colons && !in_visibility
}

/// Parses the use tree starting at `i` under `prefix`, expanding groups: `a::{b::C, d::{E, F}}` gives `a::b::C`,
/// `a::d::E`, `a::d::F`. `self` in a group names the group's module; `as` renames are dropped; a glob names its
/// module. Returns the paths and the index after the tree (after the `;` at the top level).
fn parse_use_tree(tokens: &[Token], mut i: usize, prefix: &[String]) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix.to_vec();
    let mut paths = Vec::new();
    if punct(tokens, i, "::") {
        i += 1; // `use ::name` (a crate from the extern prelude)
        path.push("::".into());
    }
    loop {
        if let Some(seg) = ident(tokens, i) {
            if seg != "self" || path.is_empty() {
                path.push(seg.to_string());
            }
            i += 1;
            if punct(tokens, i, "::") {
                i += 1;
                continue;
            }
            if ident(tokens, i) == Some("as") {
                i += 2;
            }
            paths.push(path);
        } else if punct(tokens, i, "{") {
            i += 1;
            while i < tokens.len() && !punct(tokens, i, "}") {
                let (inner, next) = parse_use_tree(tokens, i, &path);
                paths.extend(inner);
                i = next;
                if punct(tokens, i, ",") {
                    i += 1;
                }
            }
            i += 1; // `}`
        } else {
            if punct(tokens, i, "*") {
                i += 1;
            }
            paths.push(path);
        }
        break;
    }
    if prefix.is_empty() {
        // Top level: skip to the end of the statement.
        while i < tokens.len() && !punct(tokens, i, ";") {
            i += 1;
        }
        i += 1;
    }
    (paths, i)
}

/// The module path of a file: `src/web/x/y.rs` is `web::x::y`, `src/web/x/mod.rs` is `web::x`.
fn module_of(file: &str) -> Vec<String> {
    let inner = file.strip_prefix("src/").unwrap_or(file);
    let inner = inner.strip_suffix(".rs").unwrap_or(inner);
    let mut segments: Vec<String> = inner.split('/').map(String::from).collect();
    if segments.last().is_some_and(|s| s == "mod" || s == "lib") {
        segments.pop();
    }
    segments
}

/// The file that defines a module, if it is one of `files`: `web::x::y` is `src/web/x/y.rs` or
/// `src/web/x/y/mod.rs`.
fn file_of(files: &BTreeSet<String>, module: &[String]) -> Option<String> {
    let base = format!("src/{}", module.join("/"));
    [format!("{base}.rs"), format!("{base}/mod.rs")]
        .into_iter()
        .find(|candidate| files.contains(candidate))
}

/// The file under `src/web/` that a path written in `file` (inside the inline modules `inline`) names: the longest
/// prefix of the path that is a module with its own file. `None` for paths that leave `web`, start elsewhere
/// (`self`, another crate) or name no file in `files`.
fn resolve(
    files: &BTreeSet<String>,
    file: &str,
    inline: &[String],
    path: &[String],
) -> Option<String> {
    let (first, rest) = path.split_first()?;
    let absolute: Vec<String> = match first.as_str() {
        "crate" => rest.to_vec(),
        "super" => {
            let mut module = module_of(file);
            module.extend(inline.iter().cloned());
            module.pop()?;
            let mut rest = rest;
            while let Some(("super", tail)) = rest.split_first().map(|(s, t)| (s.as_str(), t)) {
                module.pop()?;
                rest = tail;
            }
            module.extend(rest.iter().cloned());
            module
        }
        // A path that starts at one of this module's own child modules (`pub use state::Training;` in a `mod.rs`):
        // an edge to the child, so that a sibling importing the re-export closes a cycle and is reported.
        child if path.len() > 1 => {
            let mut module = module_of(file);
            module.extend(inline.iter().cloned());
            module.push(child.to_string());
            file_of(files, &module)?;
            module.extend(rest.iter().cloned());
            module
        }
        _ => return None,
    };
    if absolute.first().map(String::as_str) != Some("web") {
        return None;
    }
    (1..=absolute.len())
        .rev()
        .find_map(|n| file_of(files, &absolute[..n]))
}

// ---- Cycles. ----

/// Every elementary cycle of the graph, each once, as a chain that starts and ends at its smallest file:
/// `a.rs → b.rs → a.rs`. For each start file in order, a depth-first search with a stack follows only files after
/// it, so each cycle is found from its smallest file and no other.
fn find_cycles<E>(graph: &BTreeMap<String, BTreeMap<String, E>>) -> Vec<Vec<String>> {
    let nodes: Vec<&String> = graph.keys().collect();
    let mut cycles = Vec::new();
    for start in &nodes {
        let mut stack: Vec<&String> = vec![start];
        // Each frame: the successors of the file at the same height of `stack` still to try.
        let mut pending: Vec<Vec<&String>> = vec![successors(graph, start)];
        while let Some(frame) = pending.last_mut() {
            let Some(next) = frame.pop() else {
                pending.pop();
                stack.pop();
                continue;
            };
            if next == *start {
                let mut cycle: Vec<String> = stack.iter().map(|s| (*s).clone()).collect();
                cycle.push((*start).clone());
                cycles.push(cycle);
            } else if next > *start && !stack.contains(&next) {
                stack.push(next);
                pending.push(successors(graph, next));
            }
        }
    }
    cycles.sort();
    cycles
}

/// A file's successors, in reverse order so that popping visits them in order.
fn successors<'g, E>(
    graph: &'g BTreeMap<String, BTreeMap<String, E>>,
    node: &str,
) -> Vec<&'g String> {
    graph
        .get(node)
        .map(|out| {
            out.keys()
                .filter(|to| graph.contains_key(*to))
                .rev()
                .collect()
        })
        .unwrap_or_default()
}

// ---- The helpers, checked apart from today's tree. ----

mod helpers {
    use super::*;

    fn tree(paths: &[&str]) -> BTreeSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    fn targets(file: &str, text: &str, files: &BTreeSet<String>) -> Vec<String> {
        let set: BTreeSet<String> = edges_of(file, text, files)
            .into_iter()
            .map(|e| e.to)
            .collect();
        set.into_iter().collect()
    }

    fn files() -> BTreeSet<String> {
        tree(&[
            "src/web/mod.rs",
            "src/web/a.rs",
            "src/web/b/mod.rs",
            "src/web/b/c.rs",
            "src/web/training/mod.rs",
            "src/web/training/keys.rs",
            "src/web/training/state.rs",
        ])
    }

    #[test]
    fn a_re_export_of_a_child_is_an_edge_to_the_child() {
        let edges = targets(
            "src/web/training/mod.rs",
            "pub use state::{now, Training};\nuse leptos::prelude::*;",
            &files(),
        );
        assert_eq!(edges, ["src/web/training/state.rs"]);
    }

    #[test]
    fn a_super_group_names_the_sibling_and_the_parent() {
        let edges = targets(
            "src/web/training/keys.rs",
            "use super::{state::Training, now};",
            &files(),
        );
        assert_eq!(
            edges,
            ["src/web/training/mod.rs", "src/web/training/state.rs"]
        );
    }

    #[test]
    fn nested_crate_groups_expand() {
        let files = files();
        let text = "use crate::web::{a::X, b::{c::Y, Z}};";
        let paths: Vec<String> = edges_of("src/web/training/keys.rs", text, &files)
            .into_iter()
            .map(|e| format!("{} {}", e.path, e.to))
            .collect();
        assert_eq!(
            paths,
            [
                "crate::web::a::X src/web/a.rs",
                "crate::web::b::c::Y src/web/b/c.rs",
                "crate::web::b::Z src/web/b/mod.rs",
            ]
        );
    }

    #[test]
    fn paths_resolve_to_the_longest_prefix_that_is_a_file() {
        let files = files();
        let resolve = |from: &str, path: &str| {
            let path: Vec<String> = path.split("::").map(String::from).collect();
            resolve(&files, from, &[], &path)
        };
        let from = "src/web/b/c.rs";
        assert_eq!(
            resolve(from, "crate::web::b::c::f").as_deref(),
            Some("src/web/b/c.rs")
        );
        assert_eq!(
            resolve(from, "crate::web::b::Thing").as_deref(),
            Some("src/web/b/mod.rs")
        );
        assert_eq!(
            resolve(from, "crate::web::nowhere::X").as_deref(),
            Some("src/web/mod.rs")
        );
        assert_eq!(
            resolve(from, "crate::web::a").as_deref(),
            Some("src/web/a.rs")
        );
        assert_eq!(
            resolve(from, "super::Thing").as_deref(),
            Some("src/web/b/mod.rs")
        );
        assert_eq!(
            resolve(from, "super::super::a::X").as_deref(),
            Some("src/web/a.rs")
        );
        assert_eq!(
            resolve("src/web/b/mod.rs", "super::a::X").as_deref(),
            Some("src/web/a.rs")
        );
        assert_eq!(resolve("src/web/mod.rs", "super::share::X"), None);
        assert_eq!(resolve(from, "crate::share::X"), None);
        assert_eq!(resolve(from, "self::X"), None);
    }

    #[test]
    fn comments_literals_mods_and_visibility_are_not_imports() {
        let files = files();
        let text = r##"
            mod c;
            // use super::a::X;
            /* crate::web::a::f() /* nested */ crate::web::a::g() */
            pub(super) fn f() -> &'static str { "crate::web::a::X // not a comment" }
            pub(in crate::web) fn g() -> char { '"' }
            fn h() { let s = r#"super::a::X"#; }
            use self::c::Y;
            use super::a as alias;
        "##;
        assert_eq!(targets("src/web/b/mod.rs", text, &files), ["src/web/a.rs"]);
    }

    #[test]
    fn inline_paths_and_inline_modules_count() {
        let files = files();
        let text = "
            fn f() { crate::web::a::go(); <crate::web::b::Panel/> }
            #[cfg(test)]
            mod tests { use super::*; }
        ";
        assert_eq!(
            targets("src/web/b/c.rs", text, &files),
            ["src/web/a.rs", "src/web/b/mod.rs"]
        );
        // Inside `mod tests` of c.rs, `super` is c.rs itself: a self-edge, dropped.
        assert!(targets("src/web/b/c.rs", "mod tests { use super::X; }", &files).is_empty());
    }

    #[test]
    fn core_words_count_only_as_whole_identifiers_in_code() {
        let text = "// leptos\n/// web_sys\nconst S: &str = \"js_sys\";\nfn leptos_like() {}\nuse wasm_bindgen::X;";
        let words: Vec<(usize, String)> = tokenize(text)
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Ident(w) if WEB_CRATES.contains(&w.as_str()) => Some((t.line, w)),
                _ => None,
            })
            .collect();
        assert_eq!(words, [(5, "wasm_bindgen".to_string())]);
    }

    #[test]
    fn each_cycle_is_reported_once_from_its_smallest_file() {
        let mut graph: BTreeMap<String, BTreeMap<String, ()>> = BTreeMap::new();
        for (from, to) in [("a", "b"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "d")] {
            graph.entry(from.into()).or_default().insert(to.into(), ());
            graph.entry(to.into()).or_default();
        }
        let cycles: Vec<String> = find_cycles(&graph).iter().map(|c| c.join(" → ")).collect();
        assert_eq!(cycles, ["a → b → a", "a → b → c → a"]);
    }
}
