//! Running the figcheck binary the way users do, for the integration tests:
//! in a directory of the test's own, with a cleared environment.
// Each test crate uses the helpers it needs.
#![allow(dead_code)]

pub mod story;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// One figure, with a stale value, for the tests of the command line and
/// the language server.
pub const CUSTODY_RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
subjects_es = ["(murieron|muertes) bajo custodia"]
canonical = 367
source = "Cristosal"
allowed = [{ value = 261, stale = true, note = "early count" }]
"#;

/// 2026-01-01T00:00:00Z, as seconds since 1970.
pub const TODAY_EPOCH: &str = "1767225600";

/// What a run printed, and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn command(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_figcheck"));
    command
        .args(args)
        .current_dir(dir)
        .env_clear()
        // Today is 2026-01-01 for every run, so output that shows the date a
        // draft is checked at is the same whenever the tests run.
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .envs(env.iter().copied());
    command
}

fn finished(output: Output) -> Run {
    Run {
        code: output.status.code().expect("figcheck exits normally"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

pub fn figcheck(dir: &Path, args: &[&str]) -> Run {
    figcheck_env(dir, args, &[])
}

pub fn figcheck_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = command(dir, args, env)
        .stdin(Stdio::null())
        .output()
        .expect("figcheck runs");
    finished(output)
}

/// A run with `input` on standard input.
pub fn figcheck_stdin(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = command(dir, args, &[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("figcheck runs");
    // figcheck need not read standard input (an excluded --stdin-filename) and
    // may have exited already: a broken pipe here is not a failure.
    match child.stdin.take().unwrap().write_all(input.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    finished(child.wait_with_output().unwrap())
}

/// Writes `text` to `dir/name`, creating folders as needed.
/// A run that is killed if it has not finished within `limit`: `None` then.
/// Its output goes to files, so a full pipe never stalls it.
pub fn figcheck_timeout(dir: &Path, args: &[&str], limit: std::time::Duration) -> Option<Run> {
    let out = tempfile::tempfile().unwrap();
    let err = tempfile::tempfile().unwrap();
    let mut child = command(dir, args, &[])
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .expect("figcheck runs");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let read = |mut file: std::fs::File| {
        use std::io::{Read, Seek};
        file.seek(std::io::SeekFrom::Start(0)).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        text
    };
    Some(Run {
        code: status.code().expect("figcheck exits normally"),
        stdout: read(out),
        stderr: read(err),
    })
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}
