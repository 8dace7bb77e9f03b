//! Issuing a batch of cards from CSV: every row is checked before anything is signed, the
//! output folder is claimed (`out_dir`), the cards are signed and rendered in parallel into
//! a hidden folder beside it, the cards are added to the force's record of issued cards
//! (`record`), and the folder takes the claim's place only when all of it is written. A bad
//! row names its line, and nothing half-written is left behind. Each card gets a random
//! check code, printed under its QR code and in the manifest; no key is derived from it
//! here (`directory` does that, once per card).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Deserialize;
use warrant_core::{sign_card, token, CheckCode, Card, Holder, Role};

use crate::out_dir::ClaimedOutDir;
use crate::private_key::PrivateKey;
use crate::spreadsheet::{check_holder_text, text_cell};
use crate::record::{self, RecordedCard};
use crate::{codes, key_files, qr_render, time_arg};

/// What the issuer decides once for the whole batch.
pub struct BatchSettings<'a> {
    pub key: &'a PrivateKey,
    pub kid: &'a [u8],
    pub issuer: &'a str,
    pub checker_address: &'a str,
    /// The force's record of issued cards, to which the batch is added.
    pub record: &'a Path,
    pub issued_at: i64,
    /// Used for rows without their own `expires`.
    pub expires_at: Option<i64>,
}

#[derive(Deserialize)]
struct Row {
    name: String,
    rank: String,
    number: String,
    role: String,
    #[serde(default)]
    expires: Option<String>,
}

/// One card ready to sign, with the CSV line it came from.
pub struct PendingCard {
    pub line: u64,
    pub card: Card,
    pub code: CheckCode,
}

/// Reads and checks every row. Errors name the CSV line.
pub fn read_csv(path: &Path, settings: &BatchSettings) -> Result<Vec<PendingCard>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .with_context(|| format!("reading {}", path.display()))?;
    let mut pending = Vec::new();
    let mut serials = HashSet::new();
    let mut codes = HashSet::new();
    let mut record = csv::StringRecord::new();
    let headers = reader.headers()?.clone();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => bail!("{} line {line}: {e}", path.display()),
        }
        let line = record.position().map(|p| p.line()).unwrap_or(line);
        let card = row_to_card(&record, &headers, settings).map_err(|e| anyhow!("{} line {line}: {e}", path.display()))?;
        if !serials.insert(card.serial.clone()) {
            bail!("random serial collision at line {line}; run again");
        }
        let code = codes::random()?;
        if !codes.insert(code) {
            bail!("random check code collision at line {line}; run again");
        }
        pending.push(PendingCard { line, card, code });
    }
    if pending.is_empty() {
        bail!("{} has no cards", path.display());
    }
    Ok(pending)
}

fn row_to_card(record: &csv::StringRecord, headers: &csv::StringRecord, s: &BatchSettings) -> Result<Card> {
    let row: Row = record.deserialize(Some(headers)).map_err(|e| anyhow!("{e}"))?;
    for (field, text) in [("name", &row.name), ("rank", &row.rank), ("number", &row.number)] {
        check_holder_text(field, text)?;
    }
    let role = Role::from_name(&row.role)
        .ok_or_else(|| anyhow!("role {:?} is not one of police-officer, special-constable, pcso, police-staff", row.role))?;
    let expires_at = match row.expires.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => time_arg::parse(e)?,
        None => s.expires_at.ok_or_else(|| anyhow!("no expires column value and no --expires"))?,
    };
    let card = Card {
        issuer: s.issuer.to_string(),
        serial: key_files::random_serial()?,
        issued_at: s.issued_at,
        not_before: s.issued_at,
        expires_at,
        holder: Holder { name: row.name, rank: row.rank, number: row.number, role },
    };
    card.validate()?;
    Ok(card)
}

/// Signs and renders every card into `out_dir`, which must not exist yet, and adds them to
/// the record before the folder is put in place (a card that reaches the printer is always
/// in the record; one in the record that never did is harmless: nobody holds its code).
/// Returns the largest QR version used.
pub fn issue_all(pending: &[PendingCard], settings: &BatchSettings, out_dir: &Path, progress: bool) -> Result<i16> {
    // Claimed before anything is signed; removed again on any error before `finish`.
    let claimed = ClaimedOutDir::claim(out_dir)?;
    let cards_dir = claimed.staging().join("cards");
    fs::create_dir(&cards_dir)?;

    let bar = if progress { ProgressBar::new(pending.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} cards, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let rows: Vec<ManifestRow> = pending
        .par_iter()
        .map(|p| {
            let row = issue_one(p, settings, &cards_dir);
            bar.inc(1);
            row
        })
        .collect::<Result<_>>()?;
    bar.finish_and_clear();

    write_manifest(&claimed.staging().join("manifest.csv"), &rows)?;
    let recorded: Vec<RecordedCard> = rows.iter().map(|r| r.recorded.clone()).collect();
    record::append(settings.record, settings.issuer, &recorded)?;
    claimed.finish()?;
    Ok(rows.iter().map(|r| r.qr_version).max().unwrap_or(0))
}

struct ManifestRow {
    line: u64,
    serial: String,
    qr_version: i16,
    qr_text: String,
    card: Card,
    recorded: RecordedCard,
}

fn issue_one(p: &PendingCard, s: &BatchSettings, cards_dir: &Path) -> Result<ManifestRow> {
    let cose = sign_card(&p.card, s.key, s.kid)?;
    let qr_text = token::qr_text(s.checker_address, &cose);
    let qr = qr_render::render_card(&qr_text, Some(&p.code)).with_context(|| format!("line {}", p.line))?;
    let serial = p.card.serial_hex();
    fs::write(cards_dir.join(format!("{serial}.svg")), qr.svg)?;
    fs::write(cards_dir.join(format!("{serial}.png")), qr.png)?;
    let recorded = RecordedCard::new(&p.card.serial, &p.code, p.card.issued_at, p.card.expires_at, &cose);
    Ok(ManifestRow { line: p.line, serial, qr_version: qr.version, qr_text, card: p.card.clone(), recorded })
}

fn write_manifest(path: &Path, rows: &[ManifestRow]) -> Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record([
        "line", "serial", "check_code", "name", "rank", "number", "role", "issued_at", "expires_at", "qr_version", "svg", "png", "qr_text",
    ])?;
    for r in rows {
        let h = &r.card.holder;
        let cells = [
            r.line.to_string(),
            r.serial.clone(),
            r.recorded.check_code.clone(),
            h.name.clone(),
            h.rank.clone(),
            h.number.clone(),
            h.role.name().to_string(),
            time_arg::format(r.card.issued_at),
            time_arg::format(r.card.expires_at),
            r.qr_version.to_string(),
            format!("cards/{}.svg", r.serial),
            format!("cards/{}.png", r.serial),
            r.qr_text.clone(),
        ];
        w.write_record(cells.iter().map(|cell| text_cell(cell).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}
