//! Where a CRM's access token comes from: the environment variable
//! `SLA_PLANNER_<CRM>_TOKEN` (a scheduler's nightly run, a CI job), else the operating system's
//! credential store (Windows Credential Manager, macOS Keychain, the Secret Service on Linux)
//! under the service `sla-planner` and the CRM's key as account. The token is never written to
//! the document, the recovery file, a log, an export or a message.

use std::collections::HashMap;

use super::{CrmError, Provider};

/// The credential store's service name for the planner's tokens.
pub const SERVICE: &str = "sla-planner";

/// The environment variable that holds `provider`'s token.
pub fn env_var(provider: Provider) -> &'static str {
    match provider {
        Provider::HubSpot => "SLA_PLANNER_HUBSPOT_TOKEN",
        Provider::Salesforce => "SLA_PLANNER_SALESFORCE_TOKEN",
        Provider::Pipedrive => "SLA_PLANNER_PIPEDRIVE_TOKEN",
    }
}

/// The token of `provider`: from its environment variable, else from the credential store.
/// An empty variable counts as none.
pub fn find(provider: Provider) -> Result<String, CrmError> {
    if let Some(token) = std::env::var(env_var(provider))
        .ok()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
    {
        return Ok(token);
    }
    let stored = keyring::Entry::new(SERVICE, provider.key()).and_then(|e| e.get_password());
    match stored {
        Ok(token) if !token.trim().is_empty() => Ok(token.trim().to_owned()),
        Ok(_) | Err(keyring::Error::NoEntry) => Err(CrmError::NoToken {
            provider,
            store: None,
        }),
        Err(error) => Err(CrmError::NoToken {
            provider,
            store: Some(error.to_string()),
        }),
    }
}

/// Puts `token` into the operating system's credential store as `provider`'s; the reason in
/// words when the store cannot be used (none on this system, locked, refused).
pub fn store(provider: Provider, token: &str) -> Result<(), String> {
    keyring::Entry::new(SERVICE, provider.key())
        .and_then(|entry| entry.set_password(token.trim()))
        .map_err(|error| error.to_string())
}

/// Where the window keeps the tokens the user pastes: the system's credential store, and in
/// memory until the app closes where that store cannot be used. Tests use a vault that never
/// touches the store or the environment ([`Vault::session`]).
pub struct Vault {
    /// Whether the credential store and the environment variables are asked at all.
    system: bool,
    /// Tokens kept only until the app closes.
    session: HashMap<Provider, String>,
}

impl std::fmt::Debug for Vault {
    /// Which CRMs have a token for this session; never the tokens.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("system", &self.system)
            .field("session", &self.session.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Default for Vault {
    fn default() -> Self {
        Self::system()
    }
}

/// Where [`Vault::keep`] put a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// In the system's credential store, for the next runs too.
    System,
    /// In memory until the app closes; why the store could not take it, when it was asked.
    Session { reason: Option<String> },
}

impl Vault {
    /// The system's credential store (and the environment variables), with memory as the
    /// fallback.
    pub fn system() -> Self {
        Self {
            system: true,
            session: HashMap::new(),
        }
    }

    /// Memory only: nothing outlives the app, and the system's store and the environment are
    /// never read (tests, and users who want no token kept).
    pub fn session() -> Self {
        Self {
            system: false,
            session: HashMap::new(),
        }
    }

    /// Keeps `provider`'s token in memory at once (an update started now finds it) and, for a
    /// system vault, returns the work that puts it into the credential store: to be run on a
    /// worker, as the store may take a while or ask the user to unlock it. Its answer goes
    /// to [`Vault::stored`].
    pub fn keep(&mut self, provider: Provider, token: &str) -> Option<Storing> {
        let token = token.trim().to_owned();
        self.session.insert(provider, token.clone());
        self.system.then_some(Storing { provider, token })
    }

    /// What the credential store said to [`Storing::run`]: once it holds the token, the copy
    /// in memory goes; else the copy stays until the app closes, and the reason is told.
    pub fn stored(&mut self, provider: Provider, answer: Result<(), String>) -> Kept {
        match answer {
            Ok(()) => {
                self.session.remove(&provider);
                Kept::System
            }
            Err(reason) => Kept::Session {
                reason: Some(reason),
            },
        }
    }

    /// How to find `provider`'s token, to be done on a worker: the credential store may take
    /// a while to answer (or ask the user to unlock it).
    pub fn finder(&self, provider: Provider) -> Finder {
        Finder {
            provider,
            session: self.session.get(&provider).cloned(),
            system: self.system,
        }
    }
}

/// A token on its way to the credential store, for a worker thread.
pub struct Storing {
    provider: Provider,
    token: String,
}

impl std::fmt::Debug for Storing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storing")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

impl Storing {
    /// Puts the token into the credential store ([`store`]); the provider and the answer.
    pub fn run(self) -> (Provider, Result<(), String>) {
        (self.provider, store(self.provider, &self.token))
    }
}

/// A token lookup that can move to a worker thread: this session's token, else (for a system
/// vault) [`find`].
pub struct Finder {
    provider: Provider,
    session: Option<String>,
    system: bool,
}

impl std::fmt::Debug for Finder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finder")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

impl Finder {
    pub fn find(self) -> Result<String, CrmError> {
        match self.session {
            Some(token) => Ok(token),
            None if self.system => find(self.provider),
            None => Err(CrmError::NoToken {
                provider: self.provider,
                store: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each CRM has its own variable and credential-store account, named after its key, and a
    /// standard mapping that reads the created day.
    #[test]
    fn every_crm_has_its_own_token_and_mapping() {
        for provider in Provider::ALL {
            assert_eq!(
                env_var(provider),
                format!("SLA_PLANNER_{}_TOKEN", provider.key().to_uppercase())
            );
            let mapping = provider.default_mapping();
            assert!(
                mapping
                    .columns
                    .contains_key(&crate::document::ImportField::Created)
            );
        }
    }

    #[test]
    fn a_session_vault_keeps_tokens_in_memory_only() {
        let mut vault = Vault::session();
        assert_eq!(
            vault.finder(Provider::HubSpot).find(),
            Err(CrmError::NoToken {
                provider: Provider::HubSpot,
                store: None,
            })
        );
        assert!(
            vault.keep(Provider::HubSpot, " pat-1 \n").is_none(),
            "nothing for the credential store"
        );
        assert_eq!(
            vault.finder(Provider::HubSpot).find().as_deref(),
            Ok("pat-1")
        );
        assert!(
            !format!("{vault:?}").contains("pat-1"),
            "Debug names no token"
        );
    }

    /// The answer of the credential store decides where the token stays (the store itself
    /// is never asked here).
    #[test]
    fn the_token_stays_in_memory_only_where_the_store_refused_it() {
        let mut vault = Vault::session();
        let _ = vault.keep(Provider::HubSpot, "pat-2");
        assert_eq!(
            vault.stored(Provider::HubSpot, Err("no Secret Service".into())),
            Kept::Session {
                reason: Some("no Secret Service".into())
            }
        );
        assert_eq!(
            vault.finder(Provider::HubSpot).find().as_deref(),
            Ok("pat-2")
        );
        assert_eq!(vault.stored(Provider::HubSpot, Ok(())), Kept::System);
        assert!(vault.session.is_empty(), "the store holds it now");
    }
}
