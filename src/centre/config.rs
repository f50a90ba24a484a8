//! Where the centre's learning record store is, said once per PC: `FRONTLINE_LRS` (with
//! `FRONTLINE_LRS_AUTH`) in the environment, else `lrs.json` beside the call records.

use std::path::Path;

use serde::Deserialize;

use super::{FromStatements, from_statements};
use crate::records::{AUTH_VARIABLE, DEFAULT_BASE, read, rfc3339};

/// The environment variable holding the store's xAPI endpoint.
pub const LRS_VARIABLE: &str = "FRONTLINE_LRS";

/// The file's name, in the records folder.
pub const FILE_NAME: &str = "lrs.json";

/// A learning record store to send to and read from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsConfig {
    /// Its xAPI endpoint (`https://lrs.example/xapi/`).
    pub url: String,
    /// `user:password` for Basic authentication, if it asks for it.
    #[serde(default)]
    pub auth: Option<String>,
    /// The IRI activities, extensions and accounts are named under.
    #[serde(default = "default_base")]
    pub base: String,
}

fn default_base() -> String {
    DEFAULT_BASE.to_owned()
}

impl LrsConfig {
    /// The store configured for the records in `records` (a folder): the environment
    /// first, then the file there; `None` when neither names one. The error names the
    /// file or variable and what is wrong with it.
    pub fn find(records: Option<&Path>) -> Result<Option<LrsConfig>, String> {
        let auth = std::env::var(AUTH_VARIABLE).ok().filter(|a| !a.is_empty());
        if let Some(url) = std::env::var(LRS_VARIABLE).ok().filter(|u| !u.is_empty()) {
            let config = LrsConfig {
                url,
                auth,
                base: default_base(),
            };
            return config.checked(LRS_VARIABLE).map(Some);
        }
        let Some(file) = records.map(|dir| dir.join(FILE_NAME)) else {
            return Ok(None);
        };
        match std::fs::read(&file) {
            Ok(bytes) => LrsConfig::read(&file, &bytes).map(|mut config| {
                // The password in the environment wins over the one in a shared file.
                config.auth = auth.or(config.auth);
                Some(config)
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(format!("cannot read {}: {error}", file.display())),
        }
    }

    /// The settings in `bytes`, read from `file`.
    pub fn read(file: &Path, bytes: &[u8]) -> Result<LrsConfig, String> {
        let config: LrsConfig = serde_json::from_slice(bytes).map_err(|error| {
            format!(
                "{}:{}:{}: {error} (expected {{\"url\": \"https://lrs.example/xapi/\", \"auth\": \"user:password\"}})",
                file.display(),
                error.line(),
                error.column()
            )
        })?;
        config.checked(&file.display().to_string())
    }

    /// The attempts in the store's statements (those stored since `since_ms`, when given),
    /// as [`super::from_statements`] finds them; the error says which store and why.
    pub fn attempts(&self, since_ms: Option<i64>) -> Result<FromStatements, String> {
        let since = since_ms.map(rfc3339);
        let statements = read(&self.url, self.auth.as_deref(), since.as_deref())?;
        Ok(from_statements(&statements, &self.base))
    }

    fn checked(self, source: &str) -> Result<LrsConfig, String> {
        if !(self.url.starts_with("http://") || self.url.starts_with("https://")) {
            return Err(format!(
                "{source}: the learning record store `{}` is not an http:// or https:// address",
                self.url
            ));
        }
        if self.auth.as_deref().is_some_and(|a| !a.contains(':')) {
            return Err(format!(
                "{source}: the authentication must be user:password"
            ));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settings_file_names_the_store_and_what_is_wrong_with_it() {
        let file = Path::new("/records/lrs.json");
        assert_eq!(
            LrsConfig::read(file, br#"{"url": "http://lrs.test/xapi/", "auth": "a:b"}"#),
            Ok(LrsConfig {
                url: "http://lrs.test/xapi/".to_owned(),
                auth: Some("a:b".to_owned()),
                base: DEFAULT_BASE.to_owned(),
            })
        );
        assert_eq!(
            LrsConfig::read(file, br#"{"url": "lrs.test"}"#),
            Err("/records/lrs.json: the learning record store `lrs.test` is not an http:// or https:// address".to_owned())
        );
        let typo = LrsConfig::read(file, b"{\n  \"ulr\": \"http://x/\"}").unwrap_err();
        assert!(typo.starts_with("/records/lrs.json:2:"), "{typo}");
        assert!(typo.contains("unknown field `ulr`"), "{typo}");
    }
}
