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

/// A run whose output goes to a file: its exit code, its peak resident
/// memory in bytes and the size of its standard output.
///
/// The kernel's peak for a process counts the memory of the one it was
/// spawned from until it starts figcheck, and a test process holds a lot.
/// So a small shell starts figcheck in the background and exits at once:
/// figcheck, forked from the shell, passes to this process (a subreaper),
/// which reaps it and reads its own peak.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(dead_code)]
pub fn figcheck_peak_memory(dir: &Path, args: &[&str]) -> (i32, u64, u64) {
    // SAFETY: prctl with these arguments only marks this process.
    assert_eq!(
        unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) },
        0
    );
    let out = tempfile::NamedTempFile::new().unwrap();
    let shell = Command::new("/bin/sh")
        .arg("-c")
        .arg(r#"bin=$1; shift; "$bin" "$@" >"$OUT" 2>/dev/null </dev/null & echo $!"#)
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .env("OUT", out.path())
        .output()
        .expect("sh runs");
    let pid: libc::pid_t = String::from_utf8(shell.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 fills it in for a
    // process that is now this one's child, which nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "figcheck was reaped");
    assert!(libc::WIFEXITED(status), "figcheck exited normally");
    let written = std::fs::metadata(out.path()).unwrap().len();
    // ru_maxrss is in kibibytes on Linux.
    (
        libc::WEXITSTATUS(status),
        usage.ru_maxrss as u64 * 1024,
        written,
    )
}

/// An archive holding `part` with `xml` in it, as a document's file.
#[allow(dead_code)]
pub fn archive(part: &str, xml: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(part, options).unwrap();
    std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

/// A Word document of `paragraphs`, as the tests write one.
#[allow(dead_code)]
pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    archive(
        "word/document.xml",
        &format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"),
    )
}
