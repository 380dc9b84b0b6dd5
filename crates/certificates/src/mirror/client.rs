//! The S3 client for the configured mirror, and the few object operations Benchlog needs:
//! look up, upload (in one request or in parts), download.

use std::time::Duration;

use aws_runtime::env_config::file::EnvConfigFiles;
use aws_sdk_s3::Client;
use aws_sdk_s3::config::retry::RetryConfig;
use aws_sdk_s3::config::timeout::TimeoutConfig;
use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{ChecksumAlgorithm, ChecksumMode, CompletedMultipartUpload, CompletedPart};
use base64::Engine as _;
use benchlog_domain::certificate::ContentHash;
use benchlog_domain::settings::MirrorSettings;
use sha2::{Digest, Sha256};

use super::failure::Failure;

/// The user-defined metadata key holding an object's SHA-256 in hex: how Benchlog knows an
/// object in the mirror is whole, whether it was uploaded in one piece or in parts.
const SHA256_METADATA: &str = "sha256";

/// Where the mirror's credentials come from.
#[derive(Debug, Clone, Default)]
pub enum CredentialSource {
    /// The standard AWS chain: environment variables (which take precedence over the
    /// profile named in the settings), then the shared files in `~/.aws` (that profile, or
    /// the default one), then the platform's own.
    #[default]
    StandardChain,
    /// The standard chain, reading the shared profile files given instead of `~/.aws`.
    ProfileFiles(EnvConfigFiles),
    /// Fixed credentials.
    Fixed(Credentials),
}

/// What the mirror holds under a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteObject {
    /// Its size in bytes.
    pub size_bytes: u64,
    /// The SHA-256 recorded with it, when Benchlog uploaded it.
    pub sha256: Option<String>,
    /// The SHA-256 the store itself computed and checked on upload, in base64, if it keeps
    /// one: of the whole object, or (ending in `-N`) of its N parts' digests.
    pub checksum_sha256: Option<String>,
}

impl RemoteObject {
    /// Whether this is the whole file with `hash` and `size_bytes`: its size and recorded
    /// hash match, and so does the store's own checksum of the whole object where it keeps
    /// one (an object uploaded in parts has only a checksum of its parts' checksums, which
    /// the server checked part by part on upload).
    pub fn holds(&self, hash: &ContentHash, size_bytes: u64) -> bool {
        let checksum_agrees = match self.checksum_sha256.as_deref() {
            Some(checksum) if !checksum.contains('-') => {
                checksum == base64::engine::general_purpose::STANDARD.encode(hash.to_bytes())
            }
            _ => true,
        };
        self.size_bytes == size_bytes
            && self.sha256.as_deref() == Some(hash.as_str())
            && checksum_agrees
    }
}

/// The configured bucket, reached with a client built for its settings.
#[derive(Debug, Clone)]
pub struct Bucket {
    client: Client,
    settings: MirrorSettings,
}

impl Bucket {
    /// A client for `settings`, with credentials from `source`. The client does not retry
    /// by itself: the mirror's queue retries with its own backoff.
    pub async fn connect(settings: &MirrorSettings, source: &CredentialSource) -> Self {
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(settings.region.clone()))
            .retry_config(RetryConfig::disabled())
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(10))
                    .read_timeout(Duration::from_secs(60))
                    .build(),
            );
        if !settings.profile.is_empty() {
            loader = loader.profile_name(&settings.profile);
        }
        loader = match source {
            CredentialSource::StandardChain => loader,
            CredentialSource::ProfileFiles(files) => loader.profile_files(files.clone()),
            CredentialSource::Fixed(credentials) => {
                loader.credentials_provider(credentials.clone())
            }
        };
        let shared = loader.load().await;
        let mut config = aws_sdk_s3::config::Builder::from(&shared)
            .force_path_style(settings.path_style)
            // Benchlog sends its own SHA-256 with every upload; the SDK's default CRC32
            // trailers are not understood by every S3-compatible store.
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenSupported);
        if !settings.endpoint.is_empty() {
            config = config.endpoint_url(&settings.endpoint);
        }
        Self {
            client: Client::from_conf(config.build()),
            settings: settings.clone(),
        }
    }

    /// The settings this bucket was reached with.
    pub fn settings(&self) -> &MirrorSettings {
        &self.settings
    }

    fn key(&self, hash: &ContentHash) -> String {
        self.settings.object_key(hash)
    }

    fn failure<E>(&self, error: &aws_sdk_s3::error::SdkError<E>) -> Failure
    where
        E: aws_sdk_s3::error::ProvideErrorMetadata + std::error::Error + 'static,
    {
        Failure::from_sdk(error, &self.settings.bucket)
    }

    /// What the mirror holds for `hash`, if anything.
    pub async fn head(&self, hash: &ContentHash) -> Result<Option<RemoteObject>, Failure> {
        let answer = self
            .client
            .head_object()
            .bucket(&self.settings.bucket)
            .key(self.key(hash))
            .checksum_mode(ChecksumMode::Enabled)
            .send()
            .await;
        match answer {
            Ok(head) => Ok(Some(RemoteObject {
                size_bytes: head.content_length().unwrap_or(0).max(0) as u64,
                sha256: head
                    .metadata()
                    .and_then(|metadata| metadata.get(SHA256_METADATA).cloned()),
                checksum_sha256: head.checksum_sha256().map(str::to_owned),
            })),
            Err(error) if error.as_service_error().is_some_and(|e| e.is_not_found()) => Ok(None),
            Err(error) => Err(self.failure(&error)),
        }
    }

    /// Uploads a file of at most one part in one request, the server checking its SHA-256.
    pub async fn put(&self, hash: &ContentHash, content: Vec<u8>) -> Result<(), Failure> {
        self.client
            .put_object()
            .bucket(&self.settings.bucket)
            .key(self.key(hash))
            .metadata(SHA256_METADATA, hash.as_str())
            .checksum_sha256(base64_sha256(&content))
            .body(ByteStream::from(content))
            .send()
            .await
            .map_err(|error| self.failure(&error))?;
        Ok(())
    }

    /// Starts a multipart upload.
    pub async fn start_parts(&self, hash: &ContentHash) -> Result<Upload, Failure> {
        let created = self
            .client
            .create_multipart_upload()
            .bucket(&self.settings.bucket)
            .key(self.key(hash))
            .metadata(SHA256_METADATA, hash.as_str())
            .checksum_algorithm(ChecksumAlgorithm::Sha256)
            .send()
            .await
            .map_err(|error| self.failure(&error))?;
        let id = created
            .upload_id()
            .ok_or_else(|| Failure::Refused("no upload id for a multipart upload".into()))?;
        Ok(Upload {
            key: self.key(hash),
            id: id.to_owned(),
            parts: Vec::new(),
        })
    }

    /// Uploads the next part, the server checking its SHA-256.
    pub async fn put_part(&self, upload: &mut Upload, content: Vec<u8>) -> Result<(), Failure> {
        let number = upload.parts.len() as i32 + 1;
        let checksum = base64_sha256(&content);
        let part = self
            .client
            .upload_part()
            .bucket(&self.settings.bucket)
            .key(&upload.key)
            .upload_id(&upload.id)
            .part_number(number)
            .checksum_sha256(&checksum)
            .body(ByteStream::from(content))
            .send()
            .await
            .map_err(|error| self.failure(&error))?;
        upload.parts.push(
            CompletedPart::builder()
                .part_number(number)
                .set_e_tag(part.e_tag().map(str::to_owned))
                .checksum_sha256(checksum)
                .build(),
        );
        Ok(())
    }

    /// Joins the uploaded parts into the object.
    pub async fn finish_parts(&self, upload: Upload) -> Result<(), Failure> {
        self.client
            .complete_multipart_upload()
            .bucket(&self.settings.bucket)
            .key(&upload.key)
            .upload_id(&upload.id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(upload.parts))
                    .build(),
            )
            .send()
            .await
            .map_err(|error| self.failure(&error))?;
        Ok(())
    }

    /// Abandons a multipart upload, so the store frees its parts. Best effort: a store
    /// that cannot be reached now expires them by its own lifecycle rules.
    pub async fn abandon_parts(&self, upload: Upload) {
        let _ = self
            .client
            .abort_multipart_upload()
            .bucket(&self.settings.bucket)
            .key(&upload.key)
            .upload_id(&upload.id)
            .send()
            .await;
    }

    /// The object's content, as a stream.
    pub async fn get(&self, hash: &ContentHash) -> Result<ByteStream, Failure> {
        let object = self
            .client
            .get_object()
            .bucket(&self.settings.bucket)
            .key(self.key(hash))
            .send()
            .await
            .map_err(|error| self.failure(&error))?;
        Ok(object.body)
    }
}

/// A multipart upload under way.
#[derive(Debug)]
pub struct Upload {
    key: String,
    id: String,
    parts: Vec<CompletedPart>,
}

fn base64_sha256(content: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(content))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(checksum: Option<&str>) -> RemoteObject {
        let hash = ContentHash::from_bytes(&Sha256::digest(b"alpha").into());
        RemoteObject {
            size_bytes: 5,
            sha256: Some(hash.to_string()),
            checksum_sha256: checksum.map(str::to_owned),
        }
    }

    #[test]
    fn an_object_holds_a_file_only_if_every_checksum_it_has_agrees() {
        let hash = ContentHash::from_bytes(&Sha256::digest(b"alpha").into());
        let whole = base64_sha256(b"alpha");
        assert!(object(None).holds(&hash, 5));
        assert!(object(Some(&whole)).holds(&hash, 5));
        assert!(object(Some("c29tZSBwYXJ0cw==-2")).holds(&hash, 5), "parts");
        assert!(!object(Some(&base64_sha256(b"alphA"))).holds(&hash, 5));
        assert!(!object(Some(&whole)).holds(&hash, 6));
        let mut unknown = object(Some(&whole));
        unknown.sha256 = None;
        assert!(!unknown.holds(&hash, 5), "not uploaded by Benchlog");
    }
}
