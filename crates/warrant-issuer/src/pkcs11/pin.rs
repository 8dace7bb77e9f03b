//! The token's user PIN: from the environment, or asked for without echo when a person is
//! at a terminal. Never from the command line, which shell history and `ps` keep.

use std::io::IsTerminal;

use anyhow::{bail, Context, Result};
use cryptoki::types::AuthPin;

pub const PIN_VAR: &str = "WARRANT_PKCS11_PIN";

pub fn read(token_label: &str) -> Result<AuthPin> {
    if let Some(pin) = std::env::var_os(PIN_VAR) {
        let pin = pin.into_string().ok().with_context(|| format!("{PIN_VAR} is not UTF-8"))?;
        return Ok(AuthPin::from(pin));
    }
    if !std::io::stdin().is_terminal() {
        bail!("no PIN for token {token_label:?}: set {PIN_VAR}, or run in a terminal to be asked");
    }
    let pin = rpassword::prompt_password(format!("PIN for token {token_label:?}: ")).context("reading the PIN")?;
    Ok(AuthPin::from(pin))
}
