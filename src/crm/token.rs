//! Where a CRM's access token comes from: the environment variable
//! `SLA_PLANNER_<CRM>_TOKEN` (a scheduler's nightly run, a CI job), else the operating system's
//! credential store (Windows Credential Manager, macOS Keychain, the Secret Service on Linux)
//! under the service `sla-planner` and the CRM's key as account. The token is never written to
//! the document, the recovery file, a log, an export or a message.

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
}
