//! Times on the command line and in files: RFC 3339 (`2029-03-31T00:00:00Z`) or a bare
//! date (`2029-03-31`, midnight UTC).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};

pub fn parse(s: &str) -> Result<i64> {
    let s = s.trim();
    let full = if s.len() == 10 { format!("{s}T00:00:00Z") } else { s.to_string() };
    let t = humantime::parse_rfc3339_weak(full.trim_end_matches('Z'))
        .with_context(|| format!("not an RFC 3339 time or YYYY-MM-DD date: {s:?}"))?;
    if !full.ends_with('Z') && !full.ends_with("+00:00") {
        bail!("times must be in UTC (end with Z): {s:?}");
    }
    let secs = t.duration_since(UNIX_EPOCH).context("time before 1970")?.as_secs();
    Ok(secs as i64)
}

pub fn format(t: i64) -> String {
    let t = UNIX_EPOCH + Duration::from_secs(t.max(0) as u64);
    humantime::format_rfc3339_seconds(t).to_string()
}

pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// `--now` when given, else the clock.
pub fn now_or(arg: Option<&str>) -> Result<i64> {
    arg.map(parse).unwrap_or_else(|| Ok(now()))
}

pub const DAY: i64 = 86_400;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_round_trip() {
        assert_eq!(parse("1970-01-02").unwrap(), DAY);
        assert_eq!(parse("2026-11-22T10:00:00Z").unwrap(), 1_795_341_600);
        assert_eq!(format(1_795_341_600), "2026-11-22T10:00:00Z");
        assert!(parse("22/11/2026").is_err());
        assert!(parse("2026-11-22T10:00:00+01:00").is_err());
    }
}
