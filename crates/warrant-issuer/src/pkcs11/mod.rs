//! Keys in an HSM, through PKCS#11: the token named by a `pkcs11:` URI, logging in to it,
//! and finding a key on it. Signing is in `signer`, making keys in `keygen`.

pub mod keygen;
mod pin;
pub mod signer;
pub mod uri;

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error, RvError};
use cryptoki::mechanism::MechanismType;
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use warrant_core::{keys, VerifyingKey};

use uri::Pkcs11Uri;

/// Where the module comes from when the URI has no `module-path`.
pub const MODULE_VAR: &str = "WARRANT_PKCS11_MODULE";

/// A token found in a loaded PKCS#11 module.
pub struct Token {
    context: Pkcs11,
    slot: Slot,
    label: String,
}

impl Token {
    /// Loads the URI's module and finds the token it names by label.
    pub fn open(uri: &Pkcs11Uri) -> Result<Token> {
        let module = module_path(uri)?;
        let context = Pkcs11::new(&module).with_context(|| format!("cannot load the PKCS#11 module {}", module.display()))?;
        // The batch signs from several threads; the module must lock for itself.
        context
            .initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
            .with_context(|| format!("cannot initialise the PKCS#11 module {}", module.display()))?;
        let label = uri.token_label();
        let mut matching = Vec::new();
        for slot in context.get_slots_with_initialized_token().context("listing the module's tokens")? {
            if context.get_token_info(slot).context("reading a token's label")?.label() == label {
                matching.push(slot);
            }
        }
        match matching[..] {
            [slot] => Ok(Token { context, slot, label: label.to_string() }),
            [] => bail!("no token labelled {label:?} in the PKCS#11 module {}", module.display()),
            _ => bail!("{} tokens are labelled {label:?}; relabel one so that the key is named exactly", matching.len()),
        }
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// Refuses early, with `refusal`, a token that lacks a mechanism: before the PIN is
    /// asked for, and before any card is half-made.
    pub fn require(&self, mechanism: MechanismType, refusal: &str) -> Result<()> {
        let mechanisms = self.context.get_mechanism_list(self.slot).context("listing the token's mechanisms")?;
        if !mechanisms.contains(&mechanism) {
            bail!("{refusal}; token {:?}", self.label);
        }
        Ok(())
    }

    pub fn open_session(&self, read_write: bool) -> Result<Session> {
        let session = if read_write { self.context.open_rw_session(self.slot) } else { self.context.open_ro_session(self.slot) };
        session.with_context(|| format!("opening a session with token {:?}", self.label))
    }

    /// Logs the user in. The login holds for every session of this process with the token
    /// for as long as one of them stays open (PKCS#11 §5.6).
    pub fn login(&self, session: &Session) -> Result<()> {
        let info = self.context.get_token_info(self.slot).context("reading the token's details")?;
        // A token with its own PIN pad takes the PIN there, not from us.
        let pin = if info.protected_authentication_path() { None } else { Some(pin::read(&self.label)?) };
        match session.login(UserType::User, pin.as_ref()) {
            Ok(()) | Err(Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
            Err(Error::Pkcs11(RvError::PinIncorrect | RvError::PinLenRange, _)) => bail!("the token refused the PIN (token {:?})", self.label),
            Err(Error::Pkcs11(RvError::PinLocked, _)) => bail!("the token's PIN is locked after too many wrong tries (token {:?})", self.label),
            Err(e) => Err(e).with_context(|| format!("logging in to token {:?}", self.label)),
        }
    }
}

fn module_path(uri: &Pkcs11Uri) -> Result<PathBuf> {
    if let Some(path) = &uri.module_path {
        return Ok(path.clone());
    }
    match std::env::var_os(MODULE_VAR) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => bail!("no PKCS#11 module: add ?module-path=<the module's .so> to the pkcs11 URI, or set {MODULE_VAR}"),
    }
}

/// The template matching the URI's key (its label and id, whichever it gives) of one class.
fn key_template(uri: &Pkcs11Uri, class: ObjectClass) -> Vec<Attribute> {
    let mut template = vec![Attribute::Class(class)];
    template.extend(uri.object.as_ref().map(|label| Attribute::Label(label.as_bytes().to_vec())));
    template.extend(uri.id.as_ref().map(|id| Attribute::Id(id.clone())));
    template
}

/// The one key of `class` the URI names on the token; `None` if there is none.
fn find_key(session: &Session, uri: &Pkcs11Uri, class: ObjectClass) -> Result<Option<ObjectHandle>> {
    let found = session.find_objects(&key_template(uri, class)).context("searching the token")?;
    match found[..] {
        [] => Ok(None),
        [key] => Ok(Some(key)),
        _ => bail!("{} keys {} are on the token; name one with id= as well", found.len(), uri.key_name()),
    }
}

/// An Ed25519 public key object's key. `CKA_EC_POINT` is the 32 raw bytes wrapped in a DER
/// OCTET STRING (PKCS#11 3.0 §2.3.5, as SoftHSM writes it); some tokens give them bare.
fn read_public_key(session: &Session, key: ObjectHandle) -> Result<VerifyingKey> {
    let attributes = session.get_attributes(key, &[AttributeType::EcPoint]).context("reading the public key")?;
    let Some(Attribute::EcPoint(point)) = attributes.into_iter().next() else { bail!("the public key has no CKA_EC_POINT") };
    let raw = match point.as_slice() {
        [0x04, 32, raw @ ..] if raw.len() == 32 => raw,
        raw => raw,
    };
    keys::verifying_key_from_bytes(raw).context("the token's public key is not an Ed25519 key")
}
