//! Why a mirror attempt failed, in words the user can act on, and when to try again.

use std::time::Duration;

use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};

/// Why one file could not be mirrored or restored this time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// The store did not answer: offline, a wrong endpoint, a dropped connection.
    #[error("The mirror cannot be reached ({0}). Benchlog will try again")]
    Unreachable(String),
    /// The credentials were refused.
    #[error(
        "The mirror refused the credentials ({0}). Check the AWS profile or environment \
         variables Benchlog uses"
    )]
    CredentialsRefused(String),
    /// The standard AWS chain found no credentials.
    #[error(
        "No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or \
         name a profile from ~/.aws in Settings ({0})"
    )]
    NoCredentials(String),
    /// The bucket does not exist.
    #[error("The bucket {0} does not exist. Check the bucket name and region in Settings")]
    NoSuchBucket(String),
    /// The local file is gone and the mirror has no copy.
    #[error("The file is missing on this workstation and is not in the mirror: attach it again")]
    LostLocally,
    /// The local file's content changed after it was attached.
    #[error(
        "The file on this workstation is damaged and the mirror has no good copy: attach it \
         again"
    )]
    DamagedLocally,
    /// The store answered with something else.
    #[error("The mirror answered: {0}")]
    Refused(String),
    /// The local database or file system failed.
    #[error("Benchlog could not read or write its data folder: {0}")]
    Local(String),
}

impl Failure {
    /// Whether every other file would fail the same way now, so the run should stop
    /// rather than try each of them.
    pub fn affects_all(&self) -> bool {
        matches!(
            self,
            Self::Unreachable(_)
                | Self::CredentialsRefused(_)
                | Self::NoCredentials(_)
                | Self::NoSuchBucket(_)
        )
    }

    /// Classifies an error of the S3 client.
    pub fn from_sdk<E>(error: &SdkError<E>, bucket: &str) -> Self
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        match error {
            SdkError::ServiceError(service) => {
                let code = service.err().code().unwrap_or("");
                match code {
                    "InvalidAccessKeyId"
                    | "SignatureDoesNotMatch"
                    | "AccessDenied"
                    | "NotSignedUp"
                    | "ExpiredToken"
                    | "InvalidToken" => Self::CredentialsRefused(code.to_owned()),
                    "NoSuchBucket" => Self::NoSuchBucket(bucket.to_owned()),
                    _ => {
                        let status = service.raw().status().as_u16();
                        match (status, service.err().message()) {
                            (403, _) => Self::CredentialsRefused(format!("HTTP {status}")),
                            (_, Some(message)) => Self::Refused(format!("{code} {message}")),
                            _ => Self::Refused(format!("{code} (HTTP {status})")),
                        }
                    }
                }
            }
            SdkError::ConstructionFailure(_) => {
                let detail = aws_sdk_s3::error::DisplayErrorContext(error).to_string();
                if detail.contains("credentials") {
                    Self::NoCredentials(first_line(&detail))
                } else {
                    Self::Refused(first_line(&detail))
                }
            }
            SdkError::DispatchFailure(dispatch) => {
                let detail = aws_sdk_s3::error::DisplayErrorContext(error).to_string();
                if detail.contains("credentials") && !dispatch.is_io() {
                    Self::NoCredentials(first_line(&detail))
                } else {
                    Self::Unreachable(connection_problem(&detail))
                }
            }
            SdkError::TimeoutError(_) => Self::Unreachable("it took too long to answer".into()),
            SdkError::ResponseError(_) => Self::Unreachable("the connection broke".into()),
            _ => Self::Refused(first_line(
                &aws_sdk_s3::error::DisplayErrorContext(error).to_string(),
            )),
        }
    }
}

/// How long to wait after `attempts` failures: doubling from 15 seconds up to 30 minutes,
/// so a workstation offline for a day does not hammer the network, yet comes back soon.
pub fn retry_delay(attempts: u32) -> Duration {
    const FIRST: Duration = Duration::from_secs(15);
    const LONGEST: Duration = Duration::from_secs(30 * 60);
    FIRST
        .checked_mul(1 << attempts.min(16))
        .map_or(LONGEST, |delay| delay.min(LONGEST))
}

fn connection_problem(detail: &str) -> String {
    let detail = detail.to_ascii_lowercase();
    if detail.contains("refused") {
        "connection refused".into()
    } else if detail.contains("dns") || detail.contains("resolve") {
        "the server name could not be resolved".into()
    } else if detail.contains("timed out") || detail.contains("timeout") {
        "the connection timed out".into()
    } else {
        "the connection failed".into()
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or(text)
        .chars()
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_seconds_to_half_an_hour() {
        let delays: Vec<_> = (0..9).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(delays, [15, 30, 60, 120, 240, 480, 960, 1800, 1800]);
        assert_eq!(retry_delay(u32::MAX), Duration::from_secs(1800));
    }

    #[test]
    fn only_failures_of_the_whole_mirror_stop_a_run() {
        assert!(Failure::Unreachable("connection refused".into()).affects_all());
        assert!(Failure::NoSuchBucket("certs".into()).affects_all());
        assert!(!Failure::LostLocally.affects_all());
        assert!(!Failure::Refused("BadDigest".into()).affects_all());
    }
}
