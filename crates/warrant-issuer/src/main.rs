//! `warrant-issuer`: the identity team's tool. Makes keys, signs the trust list, issues
//! cards one at a time or in batches from CSV, keeps the revocation list, and verifies or
//! inspects any QR text with the checker's own verdicts.

mod batch;
mod card_directory;
mod code_vectors;
mod codes;
mod demo;
mod enrol;
mod filter_vectors;
mod filters;
mod key_files;
mod out_dir;
mod pkcs11;
mod private_key;
mod publish;
mod qr_render;
mod record;
mod register;
mod register_lock;
mod report;
mod samples;
mod spreadsheet;
mod staged_files;
mod time_arg;
mod trust_config;
mod vectors;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use warrant_core::{keys, read_unverified, verify, Card, Holder, RevocationList, Role, RootKey, TrustList, Verdict};

use crate::private_key::KeyArg;
use crate::time_arg::DAY;

#[derive(Parser)]
#[command(name = "warrant-issuer", version, about = "Keys, trust lists, warrant-card credentials and revocation for a police force's identity team")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make an Ed25519 key pair: <STEM>.key.pem (PKCS#8 v1, private) and <STEM>.pub.pem (SPKI).
    /// With --pkcs11, the pair is made on the token and only <STEM>.pub.pem is written.
    Keygen {
        /// Path and name without extension, e.g. keys/mps-2026
        stem: PathBuf,
        /// Make the key on a PKCS#11 token instead, e.g. 'pkcs11:token=force;object=mps-2026'.
        /// The PIN comes from WARRANT_PKCS11_PIN or a prompt.
        #[arg(long, value_name = "URI")]
        pkcs11: Option<String>,
    },
    /// Build and sign the trust list with the national root key.
    TrustList {
        /// Root private key: a PKCS#8 PEM file, or a pkcs11: URI.
        #[arg(long)]
        root_key: KeyArg,
        /// Forces and their public key files (JSON; see docs/ISSUER.md).
        #[arg(long)]
        forces: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Days until checkers warn that the list is out of date.
        #[arg(long, default_value_t = 7)]
        next_update_days: i64,
        /// Days until checkers refuse the list.
        #[arg(long, default_value_t = 30)]
        valid_days: i64,
    },
    /// Issue one card: writes <OUT_DIR>/<serial>.svg, .png (QR code and check code) and .txt
    /// (the QR text), and adds the card to the force's record of issued cards.
    Issue {
        #[command(flatten)]
        signer: SignerArgs,
        #[command(flatten)]
        record: RecordArg,
        #[arg(long)]
        name: String,
        #[arg(long)]
        rank: String,
        /// Warrant or collar number.
        #[arg(long)]
        number: String,
        /// police-officer, special-constable, pcso or police-staff.
        #[arg(long)]
        role: String,
        /// Expiry (YYYY-MM-DD or RFC 3339, UTC).
        #[arg(long)]
        expires: String,
        /// Start of validity, if later than now.
        #[arg(long)]
        valid_from: Option<String>,
        #[arg(long)]
        out_dir: PathBuf,
    },
    /// Issue a batch of cards from CSV (columns name,rank,number,role[,expires]), and add them
    /// to the force's record of issued cards.
    Batch {
        #[command(flatten)]
        signer: SignerArgs,
        #[command(flatten)]
        record: RecordArg,
        #[arg(long)]
        csv: PathBuf,
        /// Expiry for rows with no expires column value.
        #[arg(long)]
        expires: Option<String>,
        /// A new folder: cards/<serial>.svg and .png, and manifest.csv.
        #[arg(long)]
        out_dir: PathBuf,
    },
    /// Build the force's card directory from its record of issued cards: every card not yet
    /// expired (revoked ones too), found by the desk from its check code alone. Publish it
    /// whole, with the lists (see `bundle --directories`).
    Directory {
        #[command(flatten)]
        record: RecordArg,
        /// The directory file to publish (replaced atomically), e.g. directory-MPS.cbor.
        #[arg(long)]
        out: PathBuf,
        /// Leave out cards expired at this time instead of now.
        #[arg(long)]
        now: Option<String>,
    },
    /// Add serials to the revocation register and publish the signed revocation list.
    Revoke {
        /// A key of the force (PKCS#8 PEM file, or pkcs11: URI); the list is signed with it.
        #[arg(long)]
        key: KeyArg,
        #[arg(long)]
        issuer: String,
        /// The register: one hex serial per line, '#' comments. Created if missing.
        #[arg(long)]
        register: PathBuf,
        /// Serials to add (hex).
        #[arg(long = "serial")]
        serials: Vec<String>,
        /// Note recorded beside the new serials (e.g. "lost 2026-11-20").
        #[arg(long, default_value = "")]
        note: String,
        /// The signed revocation list to publish.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        next_update_days: i64,
        #[arg(long, default_value_t = 14)]
        valid_days: i64,
    },
    /// Put every force's signed revocation list into one bundle (FORMAT.md §8.1), so that a
    /// checker fetches one file instead of one per force. Each list is opened against the
    /// trust list first: one that a checker would refuse is refused here. With --directories,
    /// bundle the forces' card directories instead (FORMAT.md §13.4), for the desk.
    Bundle {
        /// Signed trust list.
        #[arg(long)]
        trust_list: PathBuf,
        /// Root public key (SPKI PEM) the trust list must be signed by.
        #[arg(long)]
        root: PathBuf,
        /// The bundle to publish (replaced atomically), e.g. lists/revocations.cbor, or
        /// lists/directories.cbor with --directories.
        #[arg(long)]
        out: PathBuf,
        /// The files are card directories (`warrant-issuer directory`), each of a force in
        /// the trust list, not revocation lists.
        #[arg(long)]
        directories: bool,
        /// Signed revocation lists (or directories), at most one per force.
        #[arg(required = true)]
        lists: Vec<PathBuf>,
    },
    /// Sign the force's revocation list again from its register (even when nothing was
    /// revoked, so that its next update moves on), rebuild the bundle of every force's newest
    /// list, and write both into a web root's lists/ folder, checked and all at once. For a
    /// daily timer (deploy/systemd/); a failed run leaves the old files and says why.
    Publish(publish::PublishArgs),
    /// Build and sign the force's revocation filter (docs/FORMAT.md §14) from its record of
    /// issued cards and its revocation register: the same answers as its revocation list for
    /// every card it issued, in a few hundred bytes. Writes revocation-filter-<force>.cose.
    Filter(filters::FilterArgs),
    /// Bundle forces' signed revocation filters into one file for checkers
    /// (revocation-filters.cbor), each opened against the trust list first.
    FilterBundle(filters::FilterBundleArgs),
    /// Verify QR text (argument, or stdin with "-") exactly as a checker does.
    /// Exit status 0 only for a genuine card.
    Verify {
        /// Signed trust list.
        #[arg(long)]
        trust_list: PathBuf,
        /// Root public key (SPKI PEM) the trust list must be signed by.
        #[arg(long)]
        root: PathBuf,
        /// Signed revocation lists (one per force).
        #[arg(long = "revocations")]
        revocations: Vec<PathBuf>,
        /// Check as at this time instead of now.
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        json: bool,
        qr_text: String,
    },
    /// Enrol an officer's work phone: sign a device credential binding the phone's key
    /// (from the officer page's enrolment request) to their card, for live codes.
    Enrol {
        /// The force's card-signing key: a PKCS#8 PEM file, or a pkcs11: URI.
        #[arg(long)]
        key: KeyArg,
        /// The force's id in the trust list, e.g. MPS.
        #[arg(long)]
        issuer: String,
        /// The phone's enrolment request (JSON from the officer page).
        #[arg(long)]
        request: PathBuf,
        /// The force's revocation register (as `revoke` keeps it): a revoked card is refused.
        #[arg(long)]
        register: PathBuf,
        /// End of the credential, if earlier than the card's expiry.
        #[arg(long)]
        expires: Option<String>,
        /// A new file for the credential (text), to give to the phone.
        #[arg(long)]
        out: PathBuf,
    },
    /// Show what a QR text claims, WITHOUT verifying it.
    Inspect { qr_text: String },
    /// Write the demo: DEMO keys, lists and one sample card per verdict; verify one.
    Demo {
        #[arg(long, default_value = "demo-out")]
        out: PathBuf,
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        checker_address: String,
    },
    /// Write the test vectors (fixed keys and time) into a folder.
    #[command(hide = true)]
    Vectors { dir: PathBuf },
}

/// The force's record of issued cards.
#[derive(clap::Args)]
struct RecordArg {
    /// The force's record of issued cards (JSON Lines; private: it holds every card's check
    /// code), kept beside the revocation register. Created, owner-only, if missing.
    #[arg(long = "record", value_name = "RECORD")]
    path: PathBuf,
}

#[derive(clap::Args)]
struct SignerArgs {
    /// The force's card-signing key: a PKCS#8 PEM file, or a pkcs11: URI for a key in an
    /// HSM (PIN from WARRANT_PKCS11_PIN or a prompt; see docs/ISSUER.md).
    #[arg(long)]
    key: KeyArg,
    /// The force's id in the trust list, e.g. MPS.
    #[arg(long)]
    issuer: String,
    /// The checker's web address printed before '#' in every QR code.
    #[arg(long)]
    checker_address: String,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Keygen { stem, pkcs11: None } => {
            let key = key_files::generate()?;
            key_files::write_key_pair(&stem, &key)?;
            println!("key id {}", warrant_core::to_hex(&keys::derive_key_id(&key.verifying_key())));
        }
        Command::Keygen { stem, pkcs11: Some(uri) } => {
            let uri = pkcs11::uri::Pkcs11Uri::parse(&uri)?;
            let public = stem.with_extension("pub.pem");
            // Checked first: a key made on the token whose public half cannot be written is lost.
            if public.exists() {
                bail!("{} already exists; refusing to overwrite a key", public.display());
            }
            let key = pkcs11::keygen::generate(&uri)?;
            key_files::write_new(&public, keys::verifying_key_to_pem(&key).as_bytes(), false)?;
            println!(
                "key id {} made on token {:?}; public key in {}",
                warrant_core::to_hex(&keys::derive_key_id(&key)),
                uri.token_label(),
                public.display()
            );
        }
        Command::TrustList { root_key, forces, out, next_update_days, valid_days } => {
            let root = root_key.open()?;
            let now = time_arg::now();
            let list = trust_config::load(&forces, now, now + next_update_days * DAY, now + valid_days * DAY)?;
            let signed = list.sign(&root, &root.key_id())?;
            key_files::replace(&out, &signed)?;
            println!("trust list: {} forces, {} bytes, valid to {}", list.forces.len(), signed.len(), time_arg::format(list.expires));
        }
        Command::Issue { signer, record: record_arg, name, rank, number, role, expires, valid_from, out_dir } => {
            // Checked before the key is opened (and a PIN asked for), so a refusal signs nothing.
            // The same rule as `batch`: the name is printed on the card and goes to the printer.
            for (field, text) in [("name", &name), ("rank", &rank), ("number", &number)] {
                spreadsheet::check_holder_text(field, text)?;
            }
            record::check_force(&record_arg.path, &signer.issuer)?;
            let key = signer.key.open()?;
            let now = time_arg::now();
            let card = Card {
                issuer: signer.issuer,
                serial: key_files::random_serial()?,
                issued_at: now,
                not_before: valid_from.as_deref().map(time_arg::parse).transpose()?.unwrap_or(now),
                expires_at: time_arg::parse(&expires)?,
                holder: Holder { name, rank, number, role: parse_role(&role)? },
            };
            let code = codes::random()?;
            let cose = warrant_core::sign_card(&card, &key, &key.key_id())?;
            let qr_text = warrant_core::token::qr_text(&signer.checker_address, &cose);
            let qr = qr_render::render_card(&qr_text, Some(&code))?;
            std::fs::create_dir_all(&out_dir)?;
            let serial = card.serial_hex();
            // Recorded before the card is written out: a card that leaves the tool is always in
            // the record, so the directory can hold it.
            record::append(&record_arg.path, &card.issuer, &[record::RecordedCard::new(&card.serial, &code, card.issued_at, card.expires_at, &cose)])?;
            key_files::write_new(&out_dir.join(format!("{serial}.svg")), qr.svg.as_bytes(), false)?;
            key_files::write_new(&out_dir.join(format!("{serial}.png")), &qr.png, false)?;
            key_files::write_new(&out_dir.join(format!("{serial}.txt")), format!("{qr_text}\n").as_bytes(), false)?;
            println!("serial {serial}, check code {code}, QR version {} ({} characters)\n{qr_text}", qr.version, qr_text.len());
        }
        Command::Enrol { key, issuer, request, register: register_path, expires, out } => {
            let request = enrol::read_request(&std::fs::read_to_string(&request).with_context(|| format!("reading {}", request.display()))?)?;
            let revoked = enrol::revoked_serials(&register_path)?;
            let until = expires.as_deref().map(time_arg::parse).transpose()?;
            let force_key = key.open()?;
            let now = time_arg::now();
            let credential = enrol::credential(&request, &issuer, &force_key.verifying_key(), revoked, now, until, key_files::random_serial()?)?;
            let signed = credential.sign(&force_key, &force_key.key_id())?;
            key_files::write_new(&out, format!("{}\n", warrant_core::device_credential_text(&signed)).as_bytes(), false)?;
            let c = &credential.card;
            println!(
                "enrolled a phone for {} {} {} (card {}): credential serial {}, valid to {}; revoke that serial to retire the phone",
                c.holder.rank,
                c.holder.number,
                c.holder.name,
                c.serial_hex(),
                warrant_core::to_hex(&credential.serial),
                time_arg::format(c.expires_at)
            );
        }
        Command::Batch { signer, record: record_arg, csv, expires, out_dir } => {
            record::check_force(&record_arg.path, &signer.issuer)?;
            let key = signer.key.open()?;
            let kid = key.key_id();
            let settings = batch::BatchSettings {
                key: &key,
                kid: &kid,
                issuer: &signer.issuer,
                checker_address: &signer.checker_address,
                record: &record_arg.path,
                issued_at: time_arg::now(),
                expires_at: expires.as_deref().map(time_arg::parse).transpose()?,
            };
            let started = Instant::now();
            let pending = batch::read_csv(&csv, &settings)?;
            let max_version = batch::issue_all(&pending, &settings, &out_dir, std::io::stderr().is_terminal())?;
            println!(
                "issued {} cards into {} in {:.1} s (largest QR version {max_version})",
                pending.len(),
                out_dir.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Revoke { key, issuer, register: register_path, serials, note, out, next_update_days, valid_days } => {
            // Checked before the key is opened (and a PIN asked for), so a refusal writes nothing.
            register::check_note(&note)?;
            let new = serials.iter().map(|s| register::parse_serial(s)).collect::<Result<Vec<_>>>()?;
            let key = key.open()?;
            // Held until both files are written, so concurrent runs cannot lose each other's serials.
            let _lock = register_lock::lock(&register_path)?;
            let register = register::read(&register_path)?;
            let text = register::append(&register.text, &new, &note)?;
            let mut serials = register.serials;
            serials.extend(new);
            let now = time_arg::now();
            let list = RevocationList {
                issuer,
                issued_at: now,
                next_update: now + next_update_days * DAY,
                expires: now + valid_days * DAY,
                serials: serials.into_iter().collect(),
            };
            let signed = list.sign(&key, &key.key_id())?;
            // List first: if it fails, the register is unchanged and the command can be rerun.
            key_files::replace(&out, &signed)?;
            key_files::replace(&register_path, text.as_bytes())?;
            println!("revocation list: {} serials, {} bytes, next update {}", list.serials.len(), signed.len(), time_arg::format(list.next_update));
        }
        Command::Verify { trust_list, root, revocations, now, json, qr_text } => {
            let now = time_arg::now_or(now.as_deref())?;
            let (trust, lists) = load_lists(&trust_list, &root, &revocations, now)?;
            let check = verify(&read_arg(&qr_text)?, &trust, &lists, now);
            if json {
                println!("{}", report::check_json(&check));
            } else {
                let force = check.verdict.card().and_then(|c| trust.force(&c.issuer)).map(|f| f.name.as_str());
                println!("{}", report::check_text(&check, force));
            }
            // A live code from the enrolled phone is as good as a genuine card.
            let good = matches!(check.verdict, Verdict::Genuine(_) | Verdict::Live(_));
            return Ok(if good { ExitCode::SUCCESS } else { ExitCode::FAILURE });
        }
        Command::Bundle { trust_list, root, out, directories: true, lists } => {
            let (trust, _) = load_lists(&trust_list, &root, &[], time_arg::now())?;
            let (bundle, forces) = card_directory::bundle(&trust, &lists)?;
            key_files::replace(&out, &bundle)?;
            println!("{}: {} card directories ({}), {} bytes", out.display(), forces.len(), forces.join(", "), bundle.len());
        }
        Command::Directory { record: record_arg, out, now } => {
            let now = time_arg::now_or(now.as_deref())?;
            let started = Instant::now();
            let built = card_directory::build(&record_arg.path, now)?;
            key_files::replace(&out, &built.bytes)?;
            println!(
                "{}: directory of {}, {} cards ({} expired left out), {} bytes ({}-byte sealed entries); derived {} new codes' keys in {:.2} s; built in {:.2} s",
                out.display(),
                built.force,
                built.filed,
                built.expired,
                built.bytes.len(),
                built.padded + 32,
                built.derived,
                built.derive_time.as_secs_f64(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Bundle { trust_list, root, out, directories: false, lists } => {
            let (_, opened) = load_lists(&trust_list, &root, &lists, time_arg::now())?;
            let mut named = Vec::new();
            for (list, path) in opened.iter().zip(&lists) {
                named.push((list.issuer.clone(), std::fs::read(path)?));
            }
            let bundle = warrant_core::write_revocation_bundle(named).context("bundling the lists")?;
            key_files::replace(&out, &bundle)?;
            println!("{}: {} revocation lists, {} bytes", out.display(), lists.len(), bundle.len());
        }
        Command::Publish(args) => publish::run(args)?,
        Command::Filter(args) => filters::run(args)?,
        Command::FilterBundle(args) => filters::run_bundle(args)?,
        Command::Inspect { qr_text } => match read_unverified(&read_arg(&qr_text)?) {
            Ok(u) => {
                let mut out = report::card_json(&u.card);
                out["kid"] = serde_json::json!(warrant_core::to_hex(&u.kid));
                out["verified"] = serde_json::json!(false);
                println!("{}", serde_json::to_string_pretty(&out)?);
            }
            Err(verdict) => {
                let check = warrant_core::Check { verdict, warnings: vec![] };
                println!("{}", report::check_json(&check));
                return Ok(ExitCode::FAILURE);
            }
        },
        Command::Demo { out, checker_address } => {
            let now = time_arg::now();
            demo::write(&out, &checker_address, now)?;
            println!("demo written to {}/ (DEMO keys: never trust them for real cards)", out.display());
            let genuine = std::fs::read_to_string(out.join("samples.json"))?;
            let index: serde_json::Value = serde_json::from_str(&genuine)?;
            let qr = index["samples"][0]["qr_text"].as_str().context("samples.json has no first sample")?;
            let (trust, lists) =
                load_lists(&out.join("trust-list.cose"), &out.join("demo-root.pub.pem"), &[out.join("revocations-DEMO.cose")], now)?;
            let check = verify(qr, &trust, &lists, now);
            let force = check.verdict.card().and_then(|c| trust.force(&c.issuer)).map(|f| f.name.as_str());
            println!("\nverifying the sample card {qr}\n{}", report::check_text(&check, force));
            if !check.verdict.is_genuine() {
                bail!("the demo's genuine card did not verify");
            }
        }
        Command::Vectors { dir } => {
            let n = vectors::write(&dir)?;
            println!("wrote {n} vectors to {}", dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_role(role: &str) -> Result<Role> {
    Role::from_name(role).with_context(|| format!("role {role:?} is not one of police-officer, special-constable, pcso, police-staff"))
}

/// The QR text argument, or standard input for "-".
fn read_arg(arg: &str) -> Result<String> {
    if arg != "-" {
        return Ok(arg.to_string());
    }
    let mut text = String::new();
    std::io::stdin().take(64 * 1024).read_to_string(&mut text)?;
    Ok(text)
}

/// Opens the trust list with the root key, then each revocation list against it.
fn load_lists(trust_path: &Path, root_path: &Path, revocation_paths: &[PathBuf], now: i64) -> Result<(TrustList, Vec<RevocationList>)> {
    let root = RootKey::new(key_files::read_verifying_key(root_path)?);
    let bytes = std::fs::read(trust_path).with_context(|| format!("reading {}", trust_path.display()))?;
    let trust = TrustList::open(&bytes, &[root], now).with_context(|| format!("trust list {}", trust_path.display()))?;
    let mut lists = Vec::new();
    for path in revocation_paths {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        lists.push(RevocationList::open(&bytes, &trust, now).with_context(|| format!("revocation list {}", path.display()))?);
    }
    Ok((trust, lists))
}
