//! The workstation's settings: the certificate size limit and where the S3 mirror is.
//! Credentials are not among them: they come from the standard AWS chain (environment or a
//! named profile in `~/.aws`), so no secret is ever stored by Benchlog.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::text::TextRule;

/// Every setting, as stored and as the settings page edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The largest certificate file accepted, in megabytes.
    pub max_certificate_mb: u32,
    /// Where certificates are mirrored.
    pub mirror: MirrorSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_certificate_mb: DEFAULT_MAX_CERTIFICATE_MB,
            mirror: MirrorSettings::default(),
        }
    }
}

/// The size limit a new workstation starts with.
pub const DEFAULT_MAX_CERTIFICATE_MB: u32 = 500;
/// The highest size limit that can be set (10 GB).
pub const MAX_CERTIFICATE_MB_LIMIT: u32 = 10_000;

/// The S3 bucket (or S3-compatible store) certificates are mirrored to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MirrorSettings {
    /// Whether mirroring is on.
    pub enabled: bool,
    /// The bucket's name.
    pub bucket: String,
    /// The bucket's region ("eu-central-1").
    pub region: String,
    /// The store's URL for S3-compatible stores ("https://minio.lab.local:9000"); empty
    /// for AWS itself.
    pub endpoint: String,
    /// Address buckets as `endpoint/bucket` rather than `bucket.endpoint` (most
    /// S3-compatible stores need this).
    pub path_style: bool,
    /// Prepended to every object key ("benchlog/lab-1/"); may be empty.
    pub prefix: String,
    /// The AWS profile whose credentials to use; empty for the default chain.
    pub profile: String,
}

impl MirrorSettings {
    /// Where files go, as one string: a file verified at one destination counts as
    /// mirrored only while the settings still point there.
    pub fn destination(&self) -> String {
        let endpoint = if self.endpoint.is_empty() {
            "aws"
        } else {
            &self.endpoint
        };
        format!("{endpoint}|{}|{}", self.bucket, self.prefix)
    }

    /// The object key a file with this hash is stored under.
    pub fn object_key(&self, hash: &crate::certificate::ContentHash) -> String {
        format!("{}sha256/{hash}", self.prefix)
    }
}

/// The settings fields a message can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsField {
    /// [`Settings::max_certificate_mb`].
    MaxCertificateMb,
    /// [`MirrorSettings::bucket`].
    Bucket,
    /// [`MirrorSettings::region`].
    Region,
    /// [`MirrorSettings::endpoint`].
    Endpoint,
    /// [`MirrorSettings::prefix`].
    Prefix,
    /// [`MirrorSettings::profile`].
    Profile,
}

impl SettingsField {
    /// Every field, in form order.
    pub const ALL: [SettingsField; 6] = [
        Self::MaxCertificateMb,
        Self::Bucket,
        Self::Region,
        Self::Endpoint,
        Self::Prefix,
        Self::Profile,
    ];

    /// The field's stable key.
    pub fn key(self) -> &'static str {
        match self {
            Self::MaxCertificateMb => "max_certificate_mb",
            Self::Bucket => "bucket",
            Self::Region => "region",
            Self::Endpoint => "endpoint",
            Self::Prefix => "prefix",
            Self::Profile => "profile",
        }
    }

    fn error(self, message: impl Into<String>) -> FieldError {
        FieldError {
            field: self.key().to_owned(),
            message: message.into(),
        }
    }
}

impl Settings {
    /// Cleans and checks every field, reporting all problems at once. The mirror's fields
    /// are required only while it is enabled, so a half-filled form can be kept switched
    /// off.
    pub fn validate(&self) -> Result<Settings, Vec<FieldError>> {
        let mut clean = self.clone();
        let mut errors = Vec::new();
        if !(1..=MAX_CERTIFICATE_MB_LIMIT).contains(&clean.max_certificate_mb) {
            errors.push(SettingsField::MaxCertificateMb.error(format!(
                "The size limit must be between 1 and {MAX_CERTIFICATE_MB_LIMIT} MB"
            )));
        }
        let mirror = &mut clean.mirror;
        let required = mirror.enabled;
        let mut text = |field: SettingsField, label, value: &mut String| {
            let rule = if required {
                TextRule::required(label, 255)
            } else {
                TextRule::optional(label, 255)
            };
            match rule.apply(value) {
                Ok(cleaned) => *value = cleaned,
                Err(message) => errors.push(field.error(message)),
            }
        };
        text(SettingsField::Bucket, "Bucket", &mut mirror.bucket);
        text(SettingsField::Region, "Region", &mut mirror.region);
        let mut optional =
            |field: SettingsField, label, value: &mut String| match TextRule::optional(label, 255)
                .apply(value)
            {
                Ok(cleaned) => *value = cleaned,
                Err(message) => errors.push(field.error(message)),
            };
        optional(SettingsField::Endpoint, "Endpoint", &mut mirror.endpoint);
        optional(SettingsField::Prefix, "Key prefix", &mut mirror.prefix);
        optional(SettingsField::Profile, "Profile", &mut mirror.profile);
        let checks = [
            (SettingsField::Bucket, bucket_problem(&mirror.bucket)),
            (SettingsField::Region, region_problem(&mirror.region)),
            (SettingsField::Endpoint, endpoint_problem(&mirror.endpoint)),
            (SettingsField::Prefix, prefix_problem(&mirror.prefix)),
        ];
        for (field, problem) in checks {
            if let Some(message) = problem
                && !errors.iter().any(|error| error.field == field.key())
            {
                errors.push(field.error(message));
            }
        }
        mirror.prefix = normalise_prefix(&mirror.prefix);
        mirror.endpoint = mirror.endpoint.trim_end_matches('/').to_owned();
        // In form order, whichever check found them.
        errors.sort_by_key(|error| {
            SettingsField::ALL
                .iter()
                .position(|f| f.key() == error.field)
        });
        if errors.is_empty() {
            Ok(clean)
        } else {
            Err(errors)
        }
    }
}

/// S3's bucket naming rules, told in words.
fn bucket_problem(bucket: &str) -> Option<String> {
    if bucket.is_empty() {
        return None;
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.';
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !(3..=63).contains(&bucket.len()) {
        Some("A bucket name has 3 to 63 characters".into())
    } else if !bucket.chars().all(allowed) {
        Some("A bucket name uses only lowercase letters, digits, dots and hyphens".into())
    } else if !edge_ok(bucket.chars().next()) || !edge_ok(bucket.chars().last()) {
        Some("A bucket name starts and ends with a letter or digit".into())
    } else {
        None
    }
}

fn region_problem(region: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    (!region.chars().all(allowed))
        .then(|| "A region looks like eu-central-1: lowercase letters, digits and hyphens".into())
}

fn endpoint_problem(endpoint: &str) -> Option<String> {
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"));
    match rest {
        _ if endpoint.is_empty() => None,
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => None,
        _ => Some("An endpoint is a URL such as https://minio.example.com:9000".into()),
    }
}

fn prefix_problem(prefix: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_./".contains(c);
    if !prefix.chars().all(allowed) {
        Some("A key prefix uses only letters, digits, '-', '_', '.' and '/'".into())
    } else if prefix.split('/').any(|part| part == "..") {
        Some("A key prefix cannot contain '..'".into())
    } else {
        None
    }
}

/// `"/benchlog//lab"` → `"benchlog/lab/"`: no empty segments, a slash after the last.
fn normalise_prefix(prefix: &str) -> String {
    prefix
        .split('/')
        .filter(|part| !part.is_empty())
        .map(|part| format!("{part}/"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::ContentHash;

    fn enabled() -> Settings {
        Settings {
            max_certificate_mb: 200,
            mirror: MirrorSettings {
                enabled: true,
                bucket: " lab-certificates ".into(),
                region: "eu-central-1".into(),
                endpoint: "http://127.0.0.1:9000/".into(),
                path_style: true,
                prefix: "/benchlog//lab-1".into(),
                profile: String::new(),
            },
        }
    }

    fn fields_in_error(settings: &Settings) -> Vec<String> {
        settings
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn valid_settings_are_cleaned() {
        let clean = enabled().validate().unwrap();
        assert_eq!(clean.mirror.bucket, "lab-certificates");
        assert_eq!(clean.mirror.prefix, "benchlog/lab-1/");
        assert_eq!(clean.mirror.endpoint, "http://127.0.0.1:9000");
        let hash = ContentHash::from_bytes(&[1; 32]);
        assert_eq!(
            clean.mirror.object_key(&hash),
            format!("benchlog/lab-1/sha256/{hash}")
        );
    }

    #[test]
    fn an_enabled_mirror_needs_a_bucket_and_region() {
        let mut settings = enabled();
        settings.mirror.bucket.clear();
        settings.mirror.region.clear();
        assert_eq!(fields_in_error(&settings), ["bucket", "region"]);
        settings.mirror.enabled = false;
        assert!(
            settings.validate().is_ok(),
            "a disabled mirror may be blank"
        );
    }

    #[test]
    fn each_malformed_field_gets_its_own_message() {
        let mut settings = enabled();
        settings.max_certificate_mb = 0;
        settings.mirror.bucket = "Lab_Certs".into();
        settings.mirror.region = "EU Central".into();
        settings.mirror.endpoint = "minio:9000".into();
        settings.mirror.prefix = "a/../b".into();
        assert_eq!(
            fields_in_error(&settings),
            [
                "max_certificate_mb",
                "bucket",
                "region",
                "endpoint",
                "prefix"
            ]
        );
    }

    #[test]
    fn destinations_differ_when_the_bucket_or_prefix_does() {
        let one = enabled().validate().unwrap().mirror;
        let mut other = one.clone();
        other.prefix = "lab-2/".into();
        assert_ne!(one.destination(), other.destination());
        other.prefix = one.prefix.clone();
        other.profile = "audit".into();
        assert_eq!(one.destination(), other.destination(), "same place");
    }
}
