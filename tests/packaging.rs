//! The files that package figcheck agree with each other: the PyPI wheel's
//! pyproject, the pre-commit placeholder package and hooks, and Cargo.toml.
//! (Building and installing the wheel is tests/wheel.sh; running the hooks is
//! tests/pre-commit.sh.)

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_placeholder_package_pins_this_version_of_the_wheel() {
    let setup = read("setup.py");
    let pinned = setup
        .lines()
        .find_map(|l| l.strip_prefix("FIGCHECK_VERSION = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("setup.py sets FIGCHECK_VERSION");
    assert_eq!(pinned, env!("CARGO_PKG_VERSION"));
    assert!(setup.contains("install_requires=[f\"figcheck=={FIGCHECK_VERSION}\"]"));
}

#[test]
fn the_wheel_carries_the_binary() {
    let pyproject: toml::Table = toml::from_str(&read("python/pyproject.toml")).unwrap();
    let maturin = &pyproject["tool"]["maturin"];
    assert_eq!(maturin["bindings"].as_str(), Some("bin"));
    assert_eq!(maturin["manifest-path"].as_str(), Some("../Cargo.toml"));
    assert_eq!(pyproject["project"]["name"].as_str(), Some("figcheck"));
    assert_eq!(
        pyproject["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
}

#[test]
fn every_hook_has_a_prebuilt_and_a_source_flavour() {
    let hooks = read(".pre-commit-hooks.yaml");
    let ids: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.strip_prefix("- id: "))
        .collect();
    assert_eq!(
        ids,
        [
            "figcheck",
            "figcheck-rules",
            "figcheck-src",
            "figcheck-rules-src"
        ]
    );
    let languages: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("language: "))
        .collect();
    assert_eq!(languages, ["python", "python", "rust", "rust"]);
    // The rules hooks run once, on rules.toml, not once per staged draft.
    assert_eq!(hooks.matches("pass_filenames: false").count(), 2);
    assert_eq!(hooks.matches("entry: figcheck test-rules").count(), 2);
}
